// Outcome feedback (¶6.62): a party to an exchange reports what it led to, as an audit entry linked to the decision.
// The checks run under the chain lock, in the transaction that appends, so two reports cannot race past them.
import { entryById, feedbackOn, outcomeOf } from '../../audit/decision-lookup.ts';
import { bareUuid } from '../../audit/read.ts';
import type { Logger } from 'pino';
import type { AuditAppender } from '../../audit/append.ts';
import { feedbackEntry } from '../../audit/entry-kinds.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { safeError } from '../../platform/logger.ts';
import type { Principal } from '../../platform/principal.ts';
import { correctableOutcomes, type FeedbackOutcome } from './feedback-outcomes.ts';
import { failedOutcomes } from './match.ts';

export interface FeedbackDeps {
  audit: AuditAppender;
  logger: Pick<Logger, 'error'>;
}

export interface FeedbackReceipt {
  auditId: string;
  decisionId: string;
  exchange: string;
  outcome: FeedbackOutcome;
  corrects?: string;
  recordedAt: string;
}

/** What is reported: one outcome; a `corrected` may name the wrong-person or data-inaccurate report it puts right. */
export interface FeedbackReport {
  auditId: string;
  outcome: FeedbackOutcome;
  corrects?: string;
}

export function createFeedback(deps: FeedbackDeps) {
  return async function report(
    principal: Principal,
    { auditId, outcome, corrects: named }: FeedbackReport,
    requestId: string,
  ): Promise<FeedbackReceipt> {
    const decisionId = bareUuid(auditId);
    if (named !== undefined && outcome !== 'corrected') {
      throw new GatewayError('invalid-request', 'Only a corrected report names what it corrects', {
        errors: [{ field: 'corrects', message: 'is only for outcome corrected' }],
      });
    }
    // A correction without a named report corrects the exchange's data as a whole: it names the decision.
    const corrects = outcome === 'corrected' ? bareUuid(named ?? decisionId) : undefined;
    try {
      const { stored, result } = await deps.audit.append(async (trx) => {
        const row = await entryById(trx, decisionId);
        // Not a party's own exchange is "not found", never "forbidden": its existence is not given away.
        if (row?.kind !== 'decision' || (row.body.party !== principal.party && row.body.partner !== principal.party)) {
          throw new GatewayError('not-found', 'There is no exchange with that auditId to which you are a party');
        }
        const decided = row.body;
        if (decided.decision !== 'permit')
          throw new GatewayError(
            'conflict',
            'That exchange was refused: nothing was shared, so there is no outcome to report',
          );
        const partnerOutcome = (await outcomeOf(trx, decisionId))?.outcome ?? null;
        if (typeof partnerOutcome !== 'string' || failedOutcomes.has(partnerOutcome)) {
          throw new GatewayError(
            'conflict',
            'That exchange did not complete: the partner gave no usable answer, so nothing was shared',
          );
        }
        const all = (await feedbackOn(trx, decisionId)).map((r) => ({
          id: r.id,
          party: r.party,
          feedback: r.body.feedback,
          corrects: r.body.corrects,
        }));
        if (corrects !== undefined && corrects !== decisionId) {
          const target = all.find((f) => f.id === corrects);
          if (!target || !correctableOutcomes.has(target.feedback as string)) {
            throw new GatewayError(
              'conflict',
              'corrects names no wrong-person or data-inaccurate report on that exchange',
            );
          }
        }
        const mine = all.filter((f) => f.party === principal.party);
        const earlier = mine.map((f) => f.feedback);
        const repeated =
          outcome === 'corrected'
            ? mine.some((f) => f.feedback === 'corrected' && f.corrects === corrects)
            : earlier.includes(outcome);
        if (repeated)
          throw new GatewayError(
            'conflict',
            `This party has already reported ${outcome} for that ${outcome === 'corrected' && corrects !== decisionId ? 'report' : 'exchange'}`,
          );
        if (earlier.length > 0 && (outcome === 'no-action' || earlier.includes('no-action'))) {
          throw new GatewayError(
            'conflict',
            'no-action cannot stand beside another outcome from the same party for the same exchange',
          );
        }
        const entry = feedbackEntry({
          decisionId,
          exchange: decided.exchange,
          direction: decided.direction,
          agreement: decided.agreement,
          party: principal.party,
          clientId: principal.clientId,
          // The other party to the exchange, whichever side reports.
          partner: decided.party === principal.party ? decided.partner : decided.party,
          feedback: outcome,
          ...(corrects !== undefined ? { corrects } : {}),
          requestId,
        });
        return { entries: [entry], result: decided.exchange };
      });
      return {
        auditId: stored[0]!.id,
        decisionId,
        exchange: result,
        outcome,
        ...(corrects !== undefined ? { corrects } : {}),
        recordedAt: stored[0]!.recordedAt,
      };
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      deps.logger.error({ error: safeError(error), requestId }, 'audit append of feedback failed');
      throw new GatewayError(
        'audit-unavailable',
        'The feedback could not be recorded in the audit log. Try again later.',
      );
    }
  };
}
export type FeedbackReporter = ReturnType<typeof createFeedback>;
