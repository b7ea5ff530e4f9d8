// Which directives in force reach this request: by exchange, party, direction and the kind of purpose.
import type { Directive } from '../../mou-registry/types.ts';
import type { DirectiveKind } from './directive-kinds.ts';
import type { Facts } from './types.ts';

export function directivesOfKind(facts: Facts, kind: DirectiveKind): Directive[] {
  return directivesReaching(facts).filter((d) => d.condition.kind === kind);
}

/** The directives in force that reach this request: what a decision names, so a DPO sees what it followed. */
export function directivesReaching(facts: Facts): Directive[] {
  const purpose = facts.agreement?.purposes.find((p) => p.code === facts.request.purpose);
  const mode = purpose?.mode ?? facts.exchange.mode;
  return facts.directives.filter((d) => {
    const s = d.scope;
    if (s.exchanges && !s.exchanges.includes(facts.exchange.id)) return false;
    if (s.parties && !s.parties.includes(facts.caller.party) && !s.parties.includes(facts.exchange.partner))
      return false;
    if (s.direction && s.direction !== facts.exchange.direction) return false;
    if (s.purposeMode && s.purposeMode !== mode) return false;
    // A purpose not marked compliant-environment escapes a compliant-environment directive only if it is known.
    if (s.compliantEnvironment !== undefined && purpose && purpose.compliantEnvironment !== s.compliantEnvironment)
      return false;
    return true;
  });
}

/** A dotted path's value in the request data. */
export function fieldValue(data: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
}
