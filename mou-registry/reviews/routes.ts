// The joint-review workflow's API (rec 2f): everyone authenticated reads; SROs record reviews and close actions;
// each party signs off for itself (an SRO for the Home Office).
import { defineRoute, type Route } from '../../platform/http/route.ts';
import type { JointReviews } from './joint-reviews.ts';

const readers = ['partner', 'registry-admin', 'sro', 'dpo'] as const;

export function jointReviewRoutes(reviews: JointReviews): Route[] {
  return [
    defineRoute({
      operationId: 'listJointReviews',
      roles: [...readers],
      handler: async ({ params }) => {
        const { agreementId, version } = params;
        return { body: { agreementId, version, reviews: await reviews.list(agreementId, version) } };
      },
    }),
    defineRoute({
      operationId: 'holdJointReview',
      roles: ['sro'],
      handler: async (ctx) => {
        const { agreementId, version } = ctx.params;
        return { status: 201, body: await reviews.record(ctx.principal!.clientId, agreementId, version, ctx.body) };
      },
    }),
    defineRoute({
      operationId: 'signOffJointReview',
      roles: ['sro', 'partner'],
      handler: async (ctx) => ({
        body: await reviews.signOff(ctx.principal!, ctx.params.reviewId, ctx.body),
      }),
    }),
    defineRoute({
      operationId: 'closeImprovementAction',
      roles: ['sro'],
      handler: async (ctx) => ({
        body: await reviews.closeAction(ctx.principal!.clientId, ctx.params.actionId, ctx.body),
      }),
    }),
  ];
}
