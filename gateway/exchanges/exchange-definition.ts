// What the pipeline needs to know about one exchange. Each exchange file supplies one of these.
import type { SubjectIdentifier } from '../../audit/subject-key.ts';
import type { operations } from '../../contracts/openapi-types.ts';
import type { SubjectFacts } from '../policy/types.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';

export interface ExchangeEnvelope {
  purpose: string;
  legalBasis: string;
  caseReference: string;
  agreementId?: string;
}

export interface UpstreamAnswer<Outcome extends string> {
  outcome: Outcome;
  /** Everything the partner gave, mapped to result fields; the agreement decides which of them leave. */
  candidate: Record<string, unknown>;
}

export type Upstreams = Record<string, UpstreamClient>;

export interface Lookup<Outcome extends string> {
  subject: Partial<SubjectFacts>;
  /** An inbound check answers from the same record it looked up: nothing leaves until the decision is durable. */
  answer?: UpstreamAnswer<Outcome>;
}

export interface ExchangeDefinition<Body extends ExchangeEnvelope = ExchangeEnvelope, Outcome extends string = string> {
  id: string;
  operationId: keyof operations;
  /** The upstream system called: a partner's, or the Home Office's own records for inbound checks. */
  upstream: string;
  /** The party at the other end from the caller, for the audit log. */
  partner: string;
  direction: 'outbound' | 'inbound';
  mode: 'proactive' | 'reactive';
  subjects(body: Body): SubjectIdentifier[];
  /** Facts known from the request itself, for exchanges with no lookup; where there is one, its facts alone count. */
  subjectFromRequest?(body: Body): Partial<SubjectFacts>;
  /** Looks the subject up in the Home Office's own records before deciding; discloses nothing. */
  lookup?(upstreams: Upstreams, body: Body): Promise<Lookup<Outcome>>;
  /** Calls the partner once the decision is durable; not used where the lookup itself is the answer. */
  call(upstreams: Upstreams, body: Body): Promise<UpstreamAnswer<Outcome>>;
}

const envelopeFields = new Set(['purpose', 'legalBasis', 'caseReference', 'agreementId']);

/** Dotted paths of every data leaf in a request, envelope excluded: what the field-scope rule checks. */
export function dataFieldsOf(body: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(body).flatMap(([key, value]) => {
    if (prefix === '' && envelopeFields.has(key)) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      const items = value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as Record<
        string,
        unknown
      >[];
      return items.length === 0 ? [path] : [...new Set(items.flatMap((item) => dataFieldsOf(item, `${path}[]`)))];
    }
    return value !== null && typeof value === 'object' ? dataFieldsOf(value as Record<string, unknown>, path) : [path];
  });
}
