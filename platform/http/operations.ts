// Liveness, readiness, and the API docs rendered from openapi.yaml with the bundled Swagger UI (works offline).
import { createHash } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import type { Knex } from 'knex';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openapiText } from '../../contracts/openapi.ts';
import { GatewayError } from './problem.ts';
import { defineRoute, type Route } from './route.ts';

/** What readiness says of the audit chain (audit/chain-health.ts's ChainHealth has this shape and more). */
export interface AuditChainState {
  status: 'broken' | 'not-broken';
  since: string | null;
  firstBadSeq: number | null;
}

/**
 * Readiness says whether the audit chain is known to be broken, and stays 200 when it is: a 503 drains the instance
 * from the load balancer, and with every instance drained the DPO could reach neither the console nor the audit API
 * to investigate and verify. Exchanges fail closed at the gateway instead (gateway/exchanges/chain-guard.ts), and the alert
 * goes out as a signal and as gateway_audit_chain_verified 0.
 */
export function operationsRoutes(
  db: Knex,
  databaseKind: 'postgresql' | 'pglite',
  pendingMigrations: (db: Knex) => Promise<number>,
  chain?: { refresh(): Promise<AuditChainState> },
): Route[] {
  return [
    defineRoute({ operationId: 'health', roles: 'public', handler: async () => ({ body: { status: 'alive' } }) }),
    defineRoute({
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
        const auditChain =
          health?.status === 'broken'
            ? {
                status: 'broken' as const,
                // A break is always dated (audit/chain-health.ts reads it from the check that found it); the type
                // there allows null for a log never checked, which is never broken.
                since: health.since!,
                firstBadSeq: health.firstBadSeq,
                exchanges: 'refused' as const,
              }
            : { status: 'not-broken' as const, exchanges: 'served' as const };
        return {
          body: { status: 'ready', database: databaseKind, pendingMigrations: 0, ...(chain ? { auditChain } : {}) },
        };
      },
    }),
  ];
}

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data-sharing gateway API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script></body></html>`;
const docsStart = `window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#api', deepLinking: true });`;

/**
 * The docs are public and the same for everyone, so unlike the API they may be cached: the page and the contract
 * are revalidated on each visit (a 304 when unchanged, so a new release shows at once), and Swagger UI's 1.9 MB of
 * assets are kept for a day, then revalidated by their ETag.
 */
function revalidated(type: string, text: string): RequestHandler {
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  return (req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('etag', etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type(type).send(text);
  };
}

export function docsRouter(): Router {
  const router = express.Router();
  router.get('/openapi.yaml', revalidated('application/yaml', openapiText));
  router.get('/docs', revalidated('html', docsPage));
  router.get('/docs/start.js', revalidated('application/javascript', docsStart));
  // The security headers' no-store would stand, as serve-static keeps a Cache-Control already set.
  router.use(
    '/docs/assets',
    (_req, res, next) => {
      res.removeHeader('cache-control');
      next();
    },
    express.static(swaggerDir, { index: false, etag: true, maxAge: '1d', cacheControl: true }),
  );
  return router;
}
