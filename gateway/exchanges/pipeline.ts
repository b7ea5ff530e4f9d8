// One governed exchange, top to bottom. Nothing about a person moves before the policy allows it, and nothing
// leaves the gateway before the step that allows it is durable in the audit log:
//   1. the request policy decides what the request alone allows (party, agreement in force, purpose, legal basis,
//      direction, fields, cap room); a refusal is committed and answered, and no one is looked up;
//   2. where the exchange needs the Home Office's records, the intent to look the person up is committed (their
//      identifiers as keyed hashes), then the lookup is made; a failed lookup is committed as its outcome;
//   3. the subject policy decides from what the records say (age, Windrush profile, deportation, nationality) and
//      the decision is committed, with its outcome where the records already gave the answer (a status check);
//   4. the partner is called, its answer minimised to the agreement, the outcome committed, and the answer given.
// A dry run is the same pipeline with nothing forwarded. Reasons are scoped to whoever reads them (caller-view.ts).
// Each step is a span (platform/tracing.ts) carrying codes and ids of the gateway's own, never a person's particulars.
import type { Logger } from 'pino';
import type { AuditAppender } from '../../audit/append.ts';
import { UnstorableEntryError } from '../../audit/chain-link.ts';
import { outcomeEntry } from '../../audit/entry-kinds.ts';
import type { Pseudonymiser } from '../../audit/subject-key.ts';
import type { EntryBodies } from '../../audit/types.ts';
import type { RegisterView } from '../../mou-registry/register-cache.ts';
import type { AgreementVersion, IsoDate } from '../../mou-registry/types.ts';
import type { Principal } from '../../platform/principal.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import type { TraceContext } from '../../platform/http/trace-context.ts';
import { safeError } from '../../platform/logger.ts';
import { londonDay } from '../../platform/london-day.ts';
import { tracingOff, type Span, type Tracing } from '../../platform/tracing.ts';
import { decisionFor, type Viewer } from '../policy/caller-view.ts';
import { unknownSubject, type Decision } from '../policy/types.ts';
import { UpstreamError } from '../upstream/upstream-client.ts';
import type {
  Caller,
  Committed,
  DecisionCommitter,
  DecisionInput,
  Disclosure,
  RecordedRequest,
} from './decision-commit.ts';
import {
  dataFieldsOf,
  type ExchangeDefinition,
  type ExchangeEnvelope,
  type Lookup,
  type UpstreamAnswer,
  type Upstreams,
} from './exchange-definition.ts';
import { minimise } from './minimise.ts';
import { forwardingRequestIds } from './request-ids.ts';

export interface PipelineDeps {
  commit: DecisionCommitter;
  audit: AuditAppender;
  upstreams: Upstreams;
  pseudonymiser: Pseudonymiser;
  logger: Logger;
  clock?: () => Date;
  tracing?: Tracing;
}

export interface ExchangeAnswer {
  auditId: string;
  decision: Decision;
  outcome: string;
  result: Record<string, unknown>;
  notices?: string[];
}

export interface RunOptions {
  requestId: string;
  /** The caller's own X-Request-Id, if it sent one: forwarded to the partner, kept in the log only as a keyed hash. */
  callerRequestId?: string;
  /** The W3C trace to continue on every call to a partner. */
  trace?: TraceContext;
  /** Who reads the reasons: the DPO sees every rule; anyone else what caller-view.ts allows. */
  viewer: Viewer;
  /** A dry run: decided and audited as of a day, for a party, with nothing forwarded or counted; on the register as known then, if given. */
  dryRun?: { asOf?: IsoDate; party: string; register?: RegisterView };
}

const agreementName = (agreement: { id: string; version: string }) => `${agreement.id}@${agreement.version}`;

const upstreamProblem = (error: UpstreamError, extensions: Record<string, unknown>) =>
  new GatewayError(
    error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-failed',
    `${error.message}. Nothing was disclosed.`,
    extensions,
  );

export function createExchangePipeline(deps: PipelineDeps) {
  const clock = deps.clock ?? (() => new Date());
  const tracing = deps.tracing ?? tracingOff;

  async function committed<T>(
    what: string,
    requestId: string,
    auditId: string | undefined,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof UnstorableEntryError)
        throw new GatewayError(
          'invalid-request',
          'The request holds a value the audit log cannot record (a NUL character)',
        );
      deps.logger.error(
        { error: safeError(error), requestId },
        `audit append of ${what} failed; refusing the exchange`,
      );
      throw new GatewayError(
        'audit-unavailable',
        `The ${what} could not be recorded in the audit log, so nothing was shared. Try again later.`,
        auditId ? { auditId } : {},
      );
    }
  }

  const outcomeAttributes = (decisionId: string, body: Omit<EntryBodies['outcome'], 'decisionId'>) => ({
    'gateway.audit.entry': 'outcome',
    'gateway.audit_id': decisionId,
    'gateway.outcome': String(body.outcome),
  });
  const recordOutcome = (decisionId: string, body: Omit<EntryBodies['outcome'], 'decisionId'>, requestId: string) =>
    tracing.inSpan('audit commit', outcomeAttributes(decisionId, body), () =>
      committed('outcome', requestId, decisionId, () =>
        deps.audit.appendGrouped(() => ({ entries: [outcomeEntry({ decisionId, ...body })], result: null })),
      ),
    );

  /** A decision as a span tells it: codes only (the rules that refused, the agreement), and where it is in the log. */
  const decided = (span: Span, at: Committed) =>
    span.setAttributes({
      'gateway.decision': at.decision.decision,
      'gateway.rules.denied': at.decision.rules.filter((r) => r.outcome === 'deny').map((r) => r.id),
      'gateway.obligations': at.decision.obligations.map((o) => o.id),
      'gateway.audit_id': at.decision.auditId,
      ...(at.decision.agreement ? { 'gateway.agreement': agreementName(at.decision.agreement) } : {}),
    });

  /** What goes back, minimised to the agreement, and the outcome entry that records it. */
  function disclose(
    def: ExchangeDefinition,
    answer: UpstreamAnswer<string>,
    agreement: AgreementVersion,
    decision: Pick<Decision, 'obligations'>,
    day: IsoDate,
    latencyMs: number,
  ): Disclosure {
    const terms = agreement.exchanges.find((e) => e.exchange === def.id)!;
    const { result, disclosed, withheld } = tracing.inSpan('minimise', {}, (span) => {
      const made = minimise(answer.candidate, terms, decision.obligations, day);
      span.setAttributes({ 'gateway.fields.disclosed': made.disclosed, 'gateway.fields.withheld': made.withheld });
      return made;
    });
    const referred =
      decision.obligations.some((o) => o.id === 'refer-to-windrush-taskforce') && answer.outcome === 'matched';
    const entry = {
      outcome: answer.outcome,
      latencyMs,
      fieldsDisclosed: disclosed,
      fieldsWithheld: withheld,
      ...(referred ? { referrals: ['windrush-taskforce' as const] } : {}),
    };
    return { outcome: answer.outcome, result, referred, entry };
  }

  return async function run(
    def: ExchangeDefinition,
    principal: Principal,
    body: ExchangeEnvelope,
    options: RunOptions,
  ): Promise<ExchangeAnswer> {
    const caller = { clientId: principal.clientId, party: options.dryRun?.party ?? principal.party };
    const attributes = {
      'gateway.exchange': def.id,
      'gateway.partner': def.partner,
      'gateway.client_id': caller.clientId,
      'gateway.party': caller.party,
      'gateway.dry_run': options.dryRun !== undefined,
    };
    return tracing.inSpan('exchange', attributes, async (span) => {
      try {
        const answer = await exchange(def, principal, body, options, caller);
        const { decision, outcome, auditId } = answer;
        span.setAttributes({
          'gateway.decision': decision.decision,
          'gateway.outcome': outcome,
          'gateway.audit_id': auditId,
        });
        return answer;
      } catch (error) {
        const auditId = error instanceof GatewayError ? error.extensions.auditId : undefined;
        if (typeof auditId === 'string') span.setAttribute('gateway.audit_id', auditId);
        throw error;
      }
    });
  };

  async function exchange(
    def: ExchangeDefinition,
    principal: Principal,
    body: ExchangeEnvelope,
    options: RunOptions,
    caller: Caller,
  ): Promise<ExchangeAnswer> {
    const { requestId } = options;
    const day = options.dryRun?.asOf ?? londonDay(clock());
    const dataFields = dataFieldsOf(body);
    const recorded: RecordedRequest = {
      exchange: def.id,
      direction: def.direction,
      partner: def.partner,
      party: caller.party,
      clientId: caller.clientId,
      requestId,
      ...(options.callerRequestId
        ? { callerRequestId: deps.pseudonymiser.callerRequestId(options.callerRequestId) }
        : {}),
      caseReference: deps.pseudonymiser.caseReference(body.caseReference),
      subjects: def.subjects(body).map(deps.pseudonymiser.subject),
      fieldsRequested: dataFields,
      decisionDate: day,
    };
    const base = {
      def,
      caller,
      body,
      recorded,
      day,
      dataFields,
      dryRun: options.dryRun !== undefined,
      ...(options.dryRun?.register ? { register: options.dryRun.register } : {}),
    };
    // The decision is made inside its group commit, under the chain lock: the decide span holds its audit commit.
    const decideAndCommit = (input: Omit<DecisionInput, keyof typeof base>, auditId?: string) =>
      tracing.inSpan('decide', { 'gateway.stage': input.stage }, async (span) => {
        const at = await tracing.inSpan('audit commit', { 'gateway.audit.entry': 'decision' }, () =>
          committed('decision', requestId, auditId, () => deps.commit({ ...base, ...input })),
        );
        decided(span, at);
        return at;
      });
    // A dry run's refusal is its answer; a real request's is a 403 problem.
    // The room left under the cap is the parties' business only: shown where the caller is a party to the agreement.
    const viewed = (at: Committed) => {
      const decision = decisionFor(options.viewer, at.decision);
      const party = at.decision.rules.find((r) => r.id === 'party')?.outcome === 'permit';
      return at.monthlyCap && party ? { ...decision, monthlyCap: at.monthlyCap } : decision;
    };
    const refuse = (at: Committed): ExchangeAnswer => {
      const decision = viewed(at);
      if (options.dryRun) return { auditId: at.decision.auditId, decision, outcome: 'dry-run', result: {} };
      const reasons = decision.rules.filter((r) => r.outcome === 'deny').map((r) => `${r.id}: ${r.reason}`);
      throw new GatewayError('policy-denied', reasons.join('; '), { auditId: at.decision.auditId, decision });
    };
    const outcomeBase = (agreement: Decision['agreement']) => ({
      exchange: def.id,
      party: caller.party,
      agreement,
      requestId,
    });
    const withBase = (agreement: Decision['agreement'], made: Disclosure): Disclosure => ({
      ...made,
      entry: { ...outcomeBase(agreement), ...made.entry },
    });

    // 1. The request policy. Without a lookup, the person's facts are what the request says, so the whole decision is made here.
    const first = await decideAndCommit({
      stage: def.lookup ? 'request' : 'subject',
      subject: def.lookup ? unknownSubject : { ...unknownSubject, ...def.subjectFromRequest?.(body) },
      lookupFollows: def.lookup !== undefined,
    });
    if (first.decision.decision === 'deny') return refuse(first);
    const upstreams = forwardingRequestIds(deps.upstreams, requestId, options.callerRequestId, options.trace);

    // 2. The lookup, now that its intent is durable; 3. the subject policy on what the records say.
    let final = first;
    if (def.lookup) {
      const lookupId = first.decision.auditId;
      const started = performance.now();
      let looked: Lookup<string>;
      try {
        looked = await tracing.inSpan('lookup', { 'gateway.audit_id': lookupId }, () => def.lookup!(upstreams, body));
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        const outcome = error.kind === 'timeout' ? 'lookup-timeout' : 'lookup-failed';
        await recordOutcome(
          lookupId,
          {
            ...outcomeBase(first.decision.agreement),
            outcome,
            latencyMs: Math.round(performance.now() - started),
            fieldsDisclosed: [],
          },
          requestId,
        );
        throw upstreamProblem(error, { auditId: lookupId });
      }
      const known = options.dryRun ? undefined : looked.answer;
      final = await decideAndCommit(
        {
          stage: 'subject',
          subject: { ...unknownSubject, ...looked.subject },
          lookupFollows: false,
          lookupId,
          // Run by whichever request leads the group commit: bound to this exchange's span, so its minimise span is ours.
          ...(known
            ? {
                outcome: tracing.bind((decision, agreement) =>
                  withBase(decision.agreement, disclose(def, known, agreement, decision, day, 0)),
                ),
              }
            : {}),
        },
        lookupId,
      );
      if (final.decision.decision === 'deny') return refuse(final);
    }
    const decision = viewed(final);
    const auditId = final.decision.auditId;
    const answerWith = ({ outcome, result, referred }: Disclosure): ExchangeAnswer => {
      // The partner is told of the referral (¶3.24); the notice names no one.
      const notices = referred
        ? ['The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone.']
        : [];
      return { auditId, decision, outcome, result, ...(notices.length ? { notices } : {}) };
    };
    if (options.dryRun) return { auditId, decision, outcome: 'dry-run', result: {} };
    if (final.disclosure) return answerWith(final.disclosure);

    // 4. Forward, minimise, record the outcome, answer.
    const started = performance.now();
    try {
      const answer = await def.call(upstreams, body);
      const made = disclose(
        def,
        answer,
        final.agreement!,
        final.decision,
        day,
        Math.round(performance.now() - started),
      );
      await recordOutcome(auditId, { ...outcomeBase(final.decision.agreement), ...made.entry }, requestId);
      return answerWith(made);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const outcome = error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-error';
      await recordOutcome(
        auditId,
        {
          ...outcomeBase(final.decision.agreement),
          outcome,
          latencyMs: Math.round(performance.now() - started),
          fieldsDisclosed: [],
          upstreamStatus: error.status ?? null,
        },
        requestId,
      );
      throw upstreamProblem(error, { auditId, decision });
    }
  }
}
export type ExchangePipeline = ReturnType<typeof createExchangePipeline>;
