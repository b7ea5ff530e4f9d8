// Replays a decision: the policy run again on the facts sealed into its audit entry and the register as it was known
// when the decision was made (the revision the entry names), so a DPO can ask "why was this permitted?" and get the
// same answer next year as on the day. A difference is named, and so is a change to the rules in code since.
import { mayReadEntry } from '../../audit/entry-access.ts';
import type { AuditReader } from '../../audit/read.ts';
import type { FactSealer } from '../../audit/sealed-facts.ts';
import type { AuditEntry } from '../../audit/types.ts';
import type { RegisterView } from '../../mou-registry/register-cache.ts';
import { selectAgreement } from '../../mou-registry/select-agreement.ts';
import type { KnownAt } from '../../mou-registry/store.ts';
import type { Principal } from '../../platform/principal.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { defineRoute, type Route } from '../../platform/http/route.ts';
import { decisionFor, decisionForAudit } from '../policy/caller-view.ts';
import { decide, policyVersion, type Stage } from '../policy/engine.ts';
import type { Decision } from '../policy/types.ts';
import { exchanges } from './catalogue.ts';
import type { SealedFacts } from './decision-commit.ts';

export interface ReplayDeps {
  reader: Pick<AuditReader, 'byId'>;
  sealer: Pick<FactSealer, 'open'>;
  registerAsKnown(known: Exclude<KnownAt, null>): Promise<RegisterView>;
}

type Compared = Omit<Decision, 'auditId'>;

/** The kinds that record a decision, so can be replayed (the contract's ReplayResult names the same three). */
type Replayable = AuditEntry<'decision' | 'dry-run' | 'lookup'>;
const replayable = (entry: AuditEntry): entry is Replayable =>
  entry.kind === 'decision' || entry.kind === 'dry-run' || entry.kind === 'lookup';
const ref = (a: Compared['agreement']) => (a ? `${a.id}@${a.version}` : 'none');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every way the replayed decision differs from the original, in words. */
export function differences(original: Compared, replayed: Compared, lookupOnly: boolean): string[] {
  const out: string[] = [];
  if (original.decision !== replayed.decision)
    out.push(`decision: ${original.decision} then, ${replayed.decision} now`);
  if (ref(original.agreement) !== ref(replayed.agreement))
    out.push(`agreement: ${ref(original.agreement)} then, ${ref(replayed.agreement)} now`);
  if (!same([...original.directives].sort(), [...replayed.directives].sort())) {
    out.push(`directives: [${original.directives.join(', ')}] then, [${replayed.directives.join(', ')}] now`);
  }
  // A lookup entry records the permit that allowed the lookup, not its rules (the decision after it carries them).
  if (lookupOnly) return out;
  const now = new Map(replayed.rules.map((r) => [r.id, r]));
  for (const then of original.rules) {
    const again = now.get(then.id);
    if (!again) out.push(`rule ${then.id}: ${then.outcome} then, not run now`);
    else if (again.outcome !== then.outcome) out.push(`rule ${then.id}: ${then.outcome} then, ${again.outcome} now`);
    else if (again.reason !== then.reason)
      out.push(`rule ${then.id}: same outcome (${then.outcome}), reason worded differently`);
    now.delete(then.id);
  }
  for (const extra of now.values()) out.push(`rule ${extra.id}: not run then, ${extra.outcome} now`);
  if (!same(original.obligations, replayed.obligations)) out.push('obligations differ');
  return out;
}

function originalOf(entry: Replayable): Compared {
  const b = entry.body;
  if (entry.kind === 'lookup')
    return {
      decision: 'permit',
      rules: [],
      obligations: [],
      agreement: b.agreement ?? null,
      directives: b.directives ?? [],
    };
  return {
    decision: entry.body.decision,
    // As the contract keeps them: a rule's id as text (a rule since retired from the code is compared all the same),
    // an obligation's terms as given. differences() and decisionFor() read only the id, outcome and reason of a rule
    // and compare obligations as JSON, so the policy's narrower types may stand for them.
    rules: (entry.body.rules ?? []) as Compared['rules'],
    obligations: (entry.body.obligations ?? []) as Compared['obligations'],
    agreement: b.agreement ?? null,
    directives: b.directives ?? [],
  };
}

export function replayRoute(deps: ReplayDeps): Route {
  const byId = new Map(exchanges.map((def) => [def.id, def]));

  async function replay(entry: AuditEntry, principal: Principal) {
    if (!replayable(entry))
      throw new GatewayError(
        'unprocessable',
        `A ${entry.kind} entry records no decision; replay the decision it belongs to`,
      );
    const { kind, body: b } = entry;
    const facts = typeof b.sealedFacts === 'string' ? (deps.sealer.open(b.sealedFacts) as SealedFacts | null) : null;
    const def = b.exchange === undefined ? undefined : byId.get(b.exchange);
    // Every entry that carries sealed facts names its day, party and client; an entry that does not cannot be replayed.
    const { decisionDate: day, party, clientId } = b;
    if (!facts || !def || day === undefined || party === undefined || clientId === undefined)
      throw new GatewayError(
        'unprocessable',
        'This decision was recorded before decisions carried the facts a replay needs; it cannot be replayed',
      );
    const known =
      typeof b.registerKnownBefore === 'string'
        ? { before: b.registerKnownBefore }
        : { generation: Number(b.registerGeneration) };
    const register = await deps.registerAsKnown(known);
    const agreement = selectAgreement(register.versionsCovering(def.id, party), {
      exchange: def.id,
      party,
      purpose: facts.request.purpose,
      day,
      ...(facts.agreementId ? { agreementId: facts.agreementId } : {}),
    });
    const stage: Stage = entry.kind === 'lookup' || entry.body.stage === 'request' ? 'request' : 'subject';
    const decided = decide(
      {
        decisionDate: day,
        caller: { clientId, party },
        exchange: { id: def.id, partner: def.partner, direction: def.direction, mode: def.mode },
        request: facts.request,
        agreement,
        directives: register.directivesInForce(day),
        subject: facts.subject,
        counters: facts.counters,
      },
      stage,
    );
    const original = originalOf(entry);
    const replayed =
      entry.kind === 'lookup'
        ? { ...decisionForAudit(decided), rules: [], obligations: [] }
        : decisionForAudit(decided);
    // The DPO reads every rule; a party what it was told, in the same words, and only the differences in that.
    const view = (d: Compared): Compared => {
      const { auditId: _, ...shown } = decisionFor(principal.roles.includes('dpo') ? 'dpo' : 'caller', {
        ...d,
        auditId: entry.id,
      });
      return shown;
    };
    const diff = differences(view(original), view(replayed), entry.kind === 'lookup');
    const rulesChanged = b.policyVersion !== policyVersion;
    return {
      auditId: entry.id,
      kind,
      identical: diff.length === 0,
      differences: diff,
      register: 'generation' in known ? { generation: known.generation } : { knownBefore: known.before },
      policyVersion: { original: b.policyVersion ?? null, now: policyVersion, changed: rulesChanged },
      ...(rulesChanged
        ? {
            note: 'The rules have changed in code since this decision was made: a difference may come from the code, not the register.',
          }
        : {}),
      original: view(original),
      replayed: view(replayed),
    };
  }

  return defineRoute({
    operationId: 'replayAuditEntry',
    roles: ['dpo', 'partner'],
    handler: async ({ params, principal }) => {
      const entry = await deps.reader.byId(params.auditId);
      // Another party's entry is "not found", as getAuditEntry answers, so that its existence is not given away.
      if (!entry || !mayReadEntry(entry, principal!)) {
        throw new GatewayError('not-found', 'There is no audit entry with that id that you may read');
      }
      return { body: await replay(entry, principal!) };
    },
  });
}
