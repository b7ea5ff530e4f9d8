// Liveness, readiness, and the API docs rendered from openapi.yaml with the bundled Swagger UI (works offline).
import express, { type Router } from 'express';
import type { Knex } from 'knex';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openapiText } from '../../contracts/openapi.ts';
import type { ChainHealth } from '../../audit/chain-health.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { GatewayError } from './problem.ts';
import type { Route } from './route.ts';

/**
 * Readiness says whether the audit chain is known to be broken, and stays 200 when it is: a 503 drains the instance
 * from the load balancer, and with every instance drained the DPO could reach neither the console nor the audit API
 * to investigate and verify. Exchanges fail closed at the gateway instead (exchanges/chain-guard.ts), and the alert
 * goes out as a signal and as gateway_audit_chain_verified 0.
 */
export function operationsRoutes(db: Knex, databaseKind: 'postgresql' | 'pglite', chain?: { refresh(): Promise<ChainHealth> }): Route[] {
  return [
    { operationId: 'health', roles: 'public', handler: async () => ({ body: { status: 'alive' } }) },
    {
      operationId: 'ready',
      roles: 'public',
      handler: async () => {
        let pending: number;
        try {
          await db.raw('select 1');
          pending = await pendingMigrations(db);
        } catch {
          throw new GatewayError('unavailable', 'The database cannot be reached');
        }
        if (pending > 0) throw new GatewayError('unavailable', `${pending} database migrations are not applied yet`);
        const health = chain ? await chain.refresh().catch(() => null) : null;
        const auditChain = health?.status === 'broken'
          ? { status: 'broken' as const, since: health.since, firstBadSeq: health.firstBadSeq, exchanges: 'refused' as const }
          : { status: 'not-broken' as const, exchanges: 'served' as const };
        return { body: { status: 'ready', database: databaseKind, pendingMigrations: 0, ...(chain ? { auditChain } : {}) } };
      },
    },
  ];
}

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data-sharing gateway API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script></body></html>`;
const docsStart = `window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#api', deepLinking: true });`;

export function docsRouter(): Router {
  const router = express.Router();
  router.get('/openapi.yaml', (_req, res) => { res.type('application/yaml').send(openapiText); });
  router.get('/docs', (_req, res) => { res.type('html').send(docsPage); });
  router.get('/docs/start.js', (_req, res) => { res.type('application/javascript').send(docsStart); });
  router.use('/docs/assets', express.static(swaggerDir, { index: false }));
  return router;
}
