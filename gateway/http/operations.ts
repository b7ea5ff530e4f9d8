// Liveness, readiness, and the API docs rendered from openapi.yaml with the bundled Swagger UI (works offline).
import express, { type Router } from 'express';
import type { Knex } from 'knex';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openapiText } from '../../contracts/openapi.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { GatewayError } from './problem.ts';
import type { Route } from './route.ts';

export function operationsRoutes(db: Knex, databaseKind: 'postgresql' | 'pglite'): Route[] {
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
        return { body: { status: 'ready', database: databaseKind, pendingMigrations: 0 } };
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
