// defineRoute holds a handler to its operation in openapi.yaml. The type checks are the `@ts-expect-error` lines:
// `npm run typecheck` fails if one of them stops being an error.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../principal.ts';
import { defineRoute, type HandlerContext } from './route.ts';

const ctx = (params: Record<string, unknown>, body: unknown = undefined): HandlerContext => ({
  req: {} as HandlerContext['req'],
  principal: { clientId: 'dwp', party: 'dwp', roles: ['partner'] } satisfies Principal,
  body,
  params,
  requestId: 'r-1',
});

describe('defineRoute', () => {
  it('gives mountRoutes the route as written, its handler reading the merged path and query parameters', async () => {
    const route = defineRoute({
      operationId: 'confirmObligation',
      roles: ['partner', 'sro'],
      handler: async ({ params }) => ({ status: 201, body: { id: params.obligationId } as never }),
    });
    expect(route.operationId).toBe('confirmObligation');
    expect(route.roles).toEqual(['partner', 'sro']);
    expect(await route.handler(ctx({ obligationId: 'ob-1' }))).toEqual({ status: 201, body: { id: 'ob-1' } });
  });

  it('keeps a literal in an answer as written', async () => {
    const health = defineRoute({
      operationId: 'health',
      roles: 'public',
      handler: async () => ({ body: { status: 'alive' } }),
    });
    expect(await health.handler(ctx({}))).toEqual({ body: { status: 'alive' } });
  });

  it("refuses, at typecheck, an answer, a status, a parameter or a body field that is not the operation's", () => {
    defineRoute({
      operationId: 'health',
      roles: 'public',
      // @ts-expect-error: Health's status is 'alive'
      handler: async () => ({ body: { status: 'up' } }),
    });
    // @ts-expect-error: a confirmation answers 201, not 200
    defineRoute({
      operationId: 'confirmObligation',
      roles: ['partner'],
      handler: async ({ params }) => ({ status: 200, body: { id: params.obligationId } as never }),
    });
    defineRoute({
      operationId: 'getAuditEntry',
      roles: ['dpo'],
      handler: async ({ params }) => {
        // @ts-expect-error: getAuditEntry's only parameter is auditId
        void params.entryId;
        return { body: {} as never };
      },
    });
    defineRoute({
      operationId: 'registerAuditWitness',
      roles: ['registry-admin'],
      handler: async ({ body }) => {
        // @ts-expect-error: AuditWitnessRegistration has vkey, not key
        void body.key;
        return { status: 201, body: {} as never };
      },
    });
    // A success with another media type (the published list as CSV) keeps the looser reply, named by its type.
    defineRoute({
      operationId: 'publishedCollaborations',
      roles: 'public',
      handler: async () => ({ body: 'id,title\n', type: 'text/csv; charset=utf-8' }),
    });
  });
});
