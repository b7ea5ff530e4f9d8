// An SRO records a figure for an operation outside the gateway, with its source.
import { defineRoute, type Route } from '../../platform/http/route.ts';
import type { ReportedMeasures } from './reported.ts';

export function reportedMeasureRoutes(reported: ReportedMeasures): Route[] {
  return [
    defineRoute({
      operationId: 'recordReportedMeasure',
      roles: ['sro'],
      handler: async ({ principal, body, requestId }) => ({
        status: 201,
        body: await reported.record(principal!, body, requestId),
      }),
    }),
  ];
}
