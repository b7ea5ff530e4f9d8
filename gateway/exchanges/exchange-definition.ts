// What the pipeline needs to know about one exchange. Each exchange file supplies one of these.
import type { SubjectIdentifier } from '../../audit/subject-key.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';

export interface ExchangeEnvelope { purpose: string; legalBasis: string; caseReference: string; agreementId?: string }

export interface UpstreamAnswer<Outcome extends string> {
  outcome: Outcome;
  /** Everything the partner gave, mapped to result fields; the agreement decides which of them leave. */
  candidate: Record<string, unknown>;
}

export interface ExchangeDefinition<Body extends ExchangeEnvelope = ExchangeEnvelope, Outcome extends string = string> {
  id: string;
  operationId: string;
  partner: string;
  direction: 'outbound' | 'inbound';
  subjects(body: Body): SubjectIdentifier[];
  call(upstream: UpstreamClient, body: Body): Promise<UpstreamAnswer<Outcome>>;
}

const envelopeFields = new Set(['purpose', 'legalBasis', 'caseReference', 'agreementId']);

/** Dotted paths of every data leaf in a request, envelope excluded: what the field-scope rule checks. */
export function dataFieldsOf(body: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(body).flatMap(([key, value]) => {
    if (prefix === '' && envelopeFields.has(key)) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? dataFieldsOf(value as Record<string, unknown>, path)
      : [path];
  });
}
