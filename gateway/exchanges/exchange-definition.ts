// What the pipeline needs to know about one exchange. Each exchange file supplies one of these.
import type { SubjectIdentifier } from '../../audit/subject-key.ts';
import type { AnswerOf, OperationId, RequestBodyOf } from '../../platform/http/route.ts';
import type { SubjectFacts } from '../policy/types.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';

export interface ExchangeEnvelope {
  purpose: string;
  legalBasis: string;
  caseReference: string;
  agreementId?: string;
}

/** What a governed exchange answers: the decision's audit entry, the outcome and the result the agreement allows. */
interface GovernedAnswer {
  auditId: string;
  outcome: string;
  result: object;
}

/** The exchanges openapi.yaml declares: each operation whose request states the envelope and whose answer is governed. */
export type ExchangeOperationId = {
  [Op in OperationId]: RequestBodyOf<Op> extends ExchangeEnvelope
    ? AnswerOf<Op> extends GovernedAnswer
      ? Op
      : never
    : never;
}[OperationId];

/** The body an exchange's operation takes: what its definition's steps read. */
export type ExchangeRequest<Op extends ExchangeOperationId> = Extract<RequestBodyOf<Op>, ExchangeEnvelope>;
/** What an exchange's operation answers. */
export type ExchangeResponse<Op extends ExchangeOperationId> = Extract<AnswerOf<Op>, GovernedAnswer>;
/** The outcomes an exchange's answer may give. */
export type OutcomeOf<Op extends ExchangeOperationId> = ExchangeResponse<Op>['outcome'];
/** The result fields an exchange's answer may carry, with the types its schema gives them. */
export type ResultOf<Op extends ExchangeOperationId> = ExchangeResponse<Op>['result'];

export interface UpstreamAnswer<Outcome extends string, Result extends object = Record<string, unknown>> {
  outcome: Outcome;
  /**
   * Everything the partner gave, mapped to result fields; the agreement decides which of them leave. A field the
   * answer declares has the answer's type; others (a name, a claim's address) are mapped so the agreement withholds them.
   */
  candidate: Result & Record<string, unknown>;
}

export type Upstreams = Record<string, UpstreamClient>;

export interface Lookup<Outcome extends string, Result extends object = Record<string, unknown>> {
  subject: Partial<SubjectFacts>;
  /** An inbound check answers from the same record it looked up: nothing leaves until the decision is durable. */
  answer?: UpstreamAnswer<Outcome, Result>;
}

/**
 * What the pipeline needs to know about one exchange. The pipeline reads any exchange's request as the envelope;
 * each exchange file declares its own with `ExchangeOf`, typed from its operation.
 */
export interface ExchangeDefinition<
  Body extends ExchangeEnvelope = ExchangeEnvelope,
  Outcome extends string = string,
  Op extends ExchangeOperationId = ExchangeOperationId,
  Result extends object = Record<string, unknown>,
> {
  id: string;
  operationId: Op;
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
  lookup?(upstreams: Upstreams, body: Body): Promise<Lookup<Outcome, Result>>;
  /** Calls the partner once the decision is durable; not used where the lookup itself is the answer. */
  call(upstreams: Upstreams, body: Body): Promise<UpstreamAnswer<Outcome, Result>>;
}

/**
 * One exchange as its operation in openapi.yaml declares it: its steps read the body that operation takes, and its
 * outcomes (narrowed to those it gives) and result fields are those the operation's answer declares.
 */
export type ExchangeOf<
  Op extends ExchangeOperationId,
  Outcome extends OutcomeOf<Op> = OutcomeOf<Op>,
> = ExchangeDefinition<ExchangeRequest<Op>, Outcome, Op, ResultOf<Op>>;

/** Any one exchange, typed from its own operation: what the catalogue lists. */
export type AnyExchange = { [Op in ExchangeOperationId]: ExchangeOf<Op> }[ExchangeOperationId];

const envelopeFields = new Set(['purpose', 'legalBasis', 'caseReference', 'agreementId']);

/** Dotted paths of every data leaf in a request, envelope excluded: what the field-scope rule checks. */
export function dataFieldsOf(body: object, prefix = ''): string[] {
  const fields: [string, unknown][] = Object.entries(body);
  return fields.flatMap(([key, value]) => {
    if (prefix === '' && envelopeFields.has(key)) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      const items = value.filter((v): v is object => v !== null && typeof v === 'object' && !Array.isArray(v));
      return items.length === 0 ? [path] : [...new Set(items.flatMap((item) => dataFieldsOf(item, `${path}[]`)))];
    }
    return value !== null && typeof value === 'object' ? dataFieldsOf(value, path) : [path];
  });
}
