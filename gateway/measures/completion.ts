// The partner's completion of the work an exchange asked for (a NINo allocated, a trace answered): what a
// back-office SLA is judged on (¶6.34, ¶6.110), as the report means it, rather than the HTTP answer. The answering
// party reports it by the exchange's auditId; it becomes an audit entry linked to the decision, of the kind that
// already carries what a party says about an exchange (`feedback`, with `feedback: completed`), so the log's
// format and its verifiers need no change. The checks run under the chain lock, in the transaction that appends.
import type { Logger } from 'pino';
import type { AuditAppender } from '../../audit/append.ts';
import { entryById, feedbackReported } from '../../audit/decision-lookup.ts';
import { feedbackEntry } from '../../audit/entry-kinds.ts';
import { bareUuid } from '../../audit/read.ts';
import type { Principal } from '../../platform/principal.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { defineRoute, type Route } from '../../platform/http/route.ts';
import { safeError } from '../../platform/logger.ts';

export const completionMarker = 'completed';
export type CompletedWork = 'nino-allocated' | 'nino-traced' | 'trace-answered' | 'check-answered';

export interface CompletionReceipt {
  auditId: string;
  decisionId: string;
  exchange: string;
  work: CompletedWork;
  completedAt: string;
  recordedAt: string;
}

export function createCompletions(deps: { audit: AuditAppender; logger: Pick<Logger, 'error'>; clock: () => Date }) {
  return async function report(
    principal: Principal,
    auditId: string,
    work: CompletedWork,
    completedAt: string,
    requestId: string,
  ): Promise<CompletionReceipt> {
    const decisionId = bareUuid(auditId);
    const completed = new Date(completedAt);
    if (completed.getTime() > deps.clock().getTime())
      throw new GatewayError('unprocessable', 'completedAt is in the future: report a completion once it has happened');
    try {
      const { stored, result } = await deps.audit.append(async (trx) => {
        const row = await entryById(trx, decisionId);
        // Only the party that answered completes the work; to anyone else the exchange is "not found".
        if (row?.kind !== 'decision' || row.body.partner !== principal.party) {
          throw new GatewayError('not-found', 'There is no exchange with that auditId that you answered');
        }
        const decided = row.body;
        if (decided.decision !== 'permit')
          throw new GatewayError(
            'conflict',
            'That exchange was refused: nothing was asked of you, so nothing was completed',
          );
        if (completed.getTime() < row.recordedAt.getTime())
          throw new GatewayError('unprocessable', 'completedAt is before the request was made');
        if (await feedbackReported(trx, decisionId, completionMarker))
          throw new GatewayError('conflict', 'The completion of that exchange has already been reported');
        const entry = feedbackEntry({
          decisionId,
          exchange: decided.exchange,
          direction: decided.direction,
          agreement: decided.agreement,
          party: principal.party,
          clientId: principal.clientId,
          partner: decided.party,
          feedback: completionMarker,
          work,
          completedAt: completed.toISOString(),
          requestId,
        });
        return { entries: [entry], result: decided.exchange };
      });
      return {
        auditId: stored[0]!.id,
        decisionId,
        exchange: result,
        work,
        completedAt: completed.toISOString(),
        recordedAt: stored[0]!.recordedAt,
      };
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      deps.logger.error({ error: safeError(error), requestId }, 'audit append of a completion failed');
      throw new GatewayError(
        'audit-unavailable',
        'The completion could not be recorded in the audit log. Try again later.',
      );
    }
  };
}
export type CompletionReporter = ReturnType<typeof createCompletions>;

export function completionRoutes(report: CompletionReporter): Route[] {
  return [
    defineRoute({
      operationId: 'reportCompletion',
      roles: ['partner'],
      handler: async ({ principal, body, requestId }) => {
        const { auditId, work, completedAt } = body;
        return { status: 201, body: await report(principal!, auditId, work, completedAt, requestId) };
      },
    }),
  ];
}
