// The measures API (SROs and DPOs) and the feedback endpoint (parties to an exchange).
import type { Route } from '../../platform/http/route.ts';
import type { FeedbackReport, FeedbackReporter } from './feedback.ts';
import type { Interval } from './periods.ts';
import type { Measures } from './service.ts';
import type { Window } from './types.ts';

const overseers = ['sro', 'dpo'] as const;

export function measuresRoutes(measures: Measures, feedback: FeedbackReporter): Route[] {
  const windowOf = (params: Record<string, unknown>, fallback: Window): Window => ({
    from: (params.from as string | undefined) ?? (params.to ? `${String(params.to).slice(0, 7)}-01` : fallback.from),
    to: (params.to as string | undefined) ?? fallback.to,
  });
  return [
    {
      operationId: 'getMeasures',
      roles: [...overseers],
      handler: async ({ params }) => ({ body: await measures.report(windowOf(params, measures.defaultWindow())) }),
    },
    {
      operationId: 'getCollaborationMeasures',
      roles: [...overseers],
      handler: async ({ params }) => ({
        body: await measures.collaboration(
          params.collaborationId as string,
          windowOf(params, measures.defaultSeriesWindow()),
          (params.interval as Interval | undefined) ?? 'week',
        ),
      }),
    },
    { operationId: 'listSignals', roles: [...overseers], handler: async () => ({ body: await measures.signals() }) },
    {
      operationId: 'reportFeedback',
      roles: ['partner'],
      handler: async ({ principal, body, requestId }) => {
        return { status: 201, body: await feedback(principal!, body as FeedbackReport, requestId) };
      },
    },
  ];
}
