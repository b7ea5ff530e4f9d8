// The measures API (SROs and DPOs) and the feedback endpoint (parties to an exchange).
import { defineRoute, type Route } from '../../platform/http/route.ts';
import type { FeedbackReporter } from './feedback.ts';
import type { Measures } from './service.ts';
import type { Window } from './types.ts';

const overseers = ['sro', 'dpo'] as const;

export function measuresRoutes(measures: Measures, feedback: FeedbackReporter): Route[] {
  const windowOf = (params: { from?: string; to?: string }, fallback: Window): Window => ({
    from: params.from ?? (params.to ? `${params.to.slice(0, 7)}-01` : fallback.from),
    to: params.to ?? fallback.to,
  });
  return [
    defineRoute({
      operationId: 'getMeasures',
      roles: [...overseers],
      handler: async ({ params }) => ({ body: await measures.report(windowOf(params, measures.defaultWindow())) }),
    }),
    defineRoute({
      operationId: 'getCollaborationMeasures',
      roles: [...overseers],
      handler: async ({ params }) => ({
        body: await measures.collaboration(
          params.collaborationId,
          windowOf(params, measures.defaultSeriesWindow()),
          params.interval ?? 'week',
        ),
      }),
    }),
    defineRoute({
      operationId: 'listSignals',
      roles: [...overseers],
      handler: async () => ({ body: await measures.signals() }),
    }),
    defineRoute({
      operationId: 'reportFeedback',
      roles: ['partner'],
      handler: async ({ principal, body, requestId }) => {
        return { status: 201, body: await feedback(principal!, body, requestId) };
      },
    }),
  ];
}
