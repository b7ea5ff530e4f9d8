// Decides a request and commits the decision to the audit log in a group commit. The batch reads the register's
// generation with the chain's head, and in the same statement every cap it expects to need (one more query only if
// the register moved under that guess), under the chain lock; each request's
// decision is then made in memory with no I/O, counting the permits earlier in the same batch, so 50 simultaneous
// calls with 3 places left give exactly 3 permits, and a request that fails cannot fail its neighbours.
import { randomUUID } from 'node:crypto';
import type { AuditAppender } from '../../audit/append.ts';
import type { BatchReader } from '../../audit/group-commit.ts';
import type { FactSealer } from '../../audit/sealed-facts.ts';
import { decisionEntry, dryRunEntry, lookupEntry, outcomeEntry } from '../../audit/entry-kinds.ts';
import type { EntryBodies, NewEntry } from '../../audit/types.ts';
import {
  capKeyId,
  pendingPermits,
  permitsFromColumn,
  permitsUnderCaps,
  permitsUnderCapsColumn,
  type CapKey,
} from '../../audit/usage.ts';
import type { RegisterCache, RegisterView } from '../../mou-registry/register-cache.ts';
import { selectAgreement } from '../../mou-registry/select-agreement.ts';
import type { AgreementVersion, IsoDate } from '../../mou-registry/types.ts';
import { monthOf } from '../../platform/london-day.ts';
import { decisionForAudit } from '../policy/caller-view.ts';
import { decide, policyVersion, type Stage } from '../policy/engine.ts';
import type { Decision, Facts, MonthlyCap, SubjectFacts } from '../policy/types.ts';
import type { ExchangeDefinition, ExchangeEnvelope } from './exchange-definition.ts';

export interface Caller {
  clientId: string;
  party: string;
}

/** What the batch read for its decisions: the register at its generation, and the permits under each cap. */
export interface DecisionReads {
  register: RegisterView;
  capUsed(key: CapKey): number;
}

type CapNeed = (register: RegisterView) => CapKey | null;

export function registerReader(
  cache: Pick<RegisterCache, 'generationColumn' | 'heldAt' | 'held' | 'view'>,
): BatchReader<CapNeed | undefined, DecisionReads> {
  const capsOf = (register: RegisterView, needs: (CapNeed | undefined)[]) =>
    needs.map((need) => need?.(register)).filter((k): k is CapKey => k != null);
  return {
    column: cache.generationColumn,
    // The caps the batch will count, guessed on the register held now: almost always the register the head read
    // finds, so the counters come in the same statement as the head, and an exchange with no cap reads none.
    prefetch(needs) {
      const held = cache.held();
      const column = held && permitsUnderCapsColumn(capsOf(held, needs));
      return held && column ? { column, guess: held.generation } : null;
    },
    async read(query, generation, needs, prefetched) {
      // The register moved since it was loaded: reloaded outside the chain lock, then the batch is tried again.
      const register = cache.heldAt(Number(generation));
      if (!register) return { refresh: () => cache.view() };
      const keys = capsOf(register, needs);
      const guessed =
        prefetched && prefetched.guess === register.generation
          ? permitsFromColumn(prefetched.value)
          : new Map<string, number>();
      const missing = keys.filter((k) => !guessed.has(capKeyId(k)));
      const used = missing.length > 0 ? new Map([...guessed, ...(await permitsUnderCaps(query, missing))]) : guessed;
      return { reads: { register, capUsed: (key) => used.get(capKeyId(key)) ?? 0 } };
    },
  };
}

/** The request as the log records it: identifiers as keyed hashes, the caller's own request id as one too. */
export type RecordedRequest = Pick<
  EntryBodies['decision'],
  | 'exchange'
  | 'direction'
  | 'partner'
  | 'party'
  | 'clientId'
  | 'requestId'
  | 'callerRequestId'
  | 'caseReference'
  | 'subjects'
  | 'fieldsRequested'
> & { decisionDate: IsoDate };

export interface DecisionInput {
  def: ExchangeDefinition;
  caller: Caller;
  body: ExchangeEnvelope;
  recorded: RecordedRequest;
  day: IsoDate;
  dataFields: string[];
  subject: SubjectFacts;
  stage: Stage;
  dryRun: boolean;
  /** At the request stage of an exchange that looks the person up: a permit is committed as the intent to look up. */
  lookupFollows: boolean;
  /** At the subject stage, the lookup entry this decision follows. */
  lookupId?: string;
  /** The register to decide on instead of the register now: a dry run's register as known on a past day. */
  register?: RegisterView;
  /** Where the answer is known already (a status check answered from the records): for a permit, what leaves, with its outcome entry. */
  outcome?: (decision: Omit<Decision, 'auditId'>, agreement: AgreementVersion) => Disclosure;
}

/** What leaves the gateway for a permitted exchange, and the outcome entry that records it. */
export interface Disclosure {
  outcome: string;
  result: Record<string, unknown>;
  referred: boolean;
  entry: Omit<EntryBodies['outcome'], 'decisionId'>;
}

export interface Committed {
  decision: Decision;
  agreement: AgreementVersion | null;
  kind: 'decision' | 'dry-run' | 'lookup';
  disclosure: Disclosure | null;
  /** The cap's standing once this decision is counted (or not: a dry run, a lookup and a refusal take no place). */
  monthlyCap: MonthlyCap | null;
}

const capMeasureOf = (agreement: AgreementVersion | null, exchange: string) =>
  agreement?.measures.find((m) => m.monthlyCap !== undefined && (!m.exchanges || m.exchanges.includes(exchange)));

function capKeyOf(agreement: AgreementVersion | null, exchange: string, day: IsoDate): CapKey | null {
  const measure = capMeasureOf(agreement, exchange);
  return agreement && measure
    ? { agreementId: agreement.agreementId, exchanges: measure.exchanges ?? null, month: monthOf(day).start }
    : null;
}

/** What a replay needs besides the register and the log's own fields, sealed into the entry (sealed-facts.ts). */
export interface SealedFacts {
  request: Facts['request'];
  subject: SubjectFacts;
  counters: Facts['counters'];
  agreementId: string | null;
}

export function createDecisionCommitter(deps: {
  audit: AuditAppender;
  register: Pick<RegisterCache, 'generationColumn' | 'heldAt' | 'held' | 'view'>;
  sealer: FactSealer;
}) {
  const reader = registerReader(deps.register);

  return async function commitDecision(input: DecisionInput): Promise<Committed> {
    const { def, caller, body, day } = input;
    const agreementIn = (register: RegisterView) =>
      selectAgreement(register.versionsCovering(def.id, caller.party), {
        exchange: def.id,
        party: caller.party,
        purpose: body.purpose,
        day,
        agreementId: body.agreementId,
      });
    const request = body as unknown as Record<string, unknown>;
    const { result } = await deps.audit.appendGrouped<Committed, CapNeed | undefined, DecisionReads>({
      reader,
      need: (register) => capKeyOf(agreementIn(input.register ?? register), def.id, day),
      build: ({ reads, pending }) => {
        const register = input.register ?? reads.register;
        const agreement = agreementIn(register);
        const cap = capKeyOf(agreement, def.id, day);
        const usedBefore = cap ? reads.capUsed(cap) + pendingPermits(pending, cap) : 0;
        const facts: Facts = {
          decisionDate: day,
          caller,
          exchange: { id: def.id, partner: def.partner, direction: def.direction, mode: def.mode },
          request: { purpose: body.purpose, legalBasis: body.legalBasis, dataFields: input.dataFields, data: request },
          agreement,
          directives: register.directivesInForce(day),
          subject: input.subject,
          counters: { usedThisMonth: usedBefore },
        };
        const decision = decide(facts, input.stage);
        const sealed: SealedFacts = {
          request: facts.request,
          subject: facts.subject,
          counters: facts.counters,
          agreementId: body.agreementId ?? null,
        };
        const entryBody = {
          ...input.recorded,
          // Only codes the register knows are kept: anything else a caller typed could be free text.
          purpose: agreement?.purposes.some((p) => p.code === body.purpose) ? body.purpose : 'unrecognised',
          legalBasis: agreement?.legalBases.some((b) => b.code === body.legalBasis) ? body.legalBasis : 'unrecognised',
          ...(input.lookupId ? { lookupId: input.lookupId } : {}),
          // The register state and the rules the decision was made on, and its facts sealed, so that it can be replayed.
          ...(register.knownBefore
            ? { registerKnownBefore: register.knownBefore }
            : { registerGeneration: register.generation }),
          policyVersion,
          sealedFacts: deps.sealer.seal(sealed),
        };
        const id = randomUUID();
        const audited = decisionForAudit(decision);
        let kind: Committed['kind'] = input.dryRun ? 'dry-run' : 'decision';
        const entries: NewEntry[] = [];
        if (input.lookupFollows && decision.decision === 'permit') {
          // The intent to look the person up, under the agreement and directives the request policy allowed it
          // by. Its rules, all permits, are not repeated here: the decision that follows the lookup carries them.
          kind = 'lookup';
          const lookup = {
            agreement: audited.agreement,
            directives: audited.directives,
            lookup: 'home-office-records' as const,
          };
          entries.push(
            lookupEntry({ ...entryBody, ...lookup, ...(input.dryRun ? { dryRun: true as const } : {}) }, id),
          );
        } else {
          const body = {
            ...entryBody,
            ...audited,
            ...(input.stage === 'request' ? { stage: 'request' as const } : {}),
          };
          entries.push(kind === 'dry-run' ? dryRunEntry(body, id) : decisionEntry(body, id));
        }
        let disclosure: Disclosure | null = null;
        if (kind === 'decision' && decision.decision === 'permit' && input.outcome) {
          disclosure = input.outcome(decision, agreement!);
          entries.push(outcomeEntry({ decisionId: id, ...disclosure.entry }));
        }
        const limit = capMeasureOf(agreement, def.id)?.monthlyCap;
        const used = usedBefore + (kind === 'decision' && decision.decision === 'permit' ? 1 : 0);
        const monthlyCap =
          cap && limit !== undefined
            ? { limit, used, remaining: Math.max(0, limit - used), month: cap.month.slice(0, 7) }
            : null;
        return { entries, result: { decision: { ...decision, auditId: id }, agreement, kind, disclosure, monthlyCap } };
      },
    });
    return result;
  };
}
export type DecisionCommitter = ReturnType<typeof createDecisionCommitter>;
