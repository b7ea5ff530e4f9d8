// POST /v1/exchanges/{partner}/{exchange}/batches, GET /v1/batches/{id} and its results. Each record is checked
// against the single call's own schema at submission; one that fails is reported on its line, not the batch's.
import { fieldErrors, requestSchemaName, validatorFor } from '../../contracts/openapi.ts';
import type { AnyExchange } from '../exchanges/exchange-definition.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { defineRoute, type Route } from '../../platform/http/route.ts';
import type { RequestHandler } from 'express';
import type { ReadRecord } from './batch-body.ts';
import type { BatchStore, NewRecord } from './batch-store.ts';
import type { CallbackStore } from './callbacks/callback-store.ts';
import type { Jwks } from '../../audit/signing-keys.ts';
import { registeredCallbackUrl } from '../clients/callback-urls.ts';

export interface BatchRouteSettings {
  maxRecords: number;
  retentionDays: number;
  callbacks: { allowHttp: boolean };
}

/** What the routes need of callbacks: the client's registered URLs, each batch's callback, the published keys. */
export interface CallbackDeps {
  store: Pick<CallbackStore, 'of'>;
  registeredUrls(clientId: string): Promise<string[] | null>;
  jwks(): Promise<Jwks>;
}

export function batchRoutes(
  store: BatchStore,
  batchable: Map<string, AnyExchange>,
  settings: BatchRouteSettings,
  callbacks: CallbackDeps,
  submitted: () => void,
  /** Reads a batch's body (batch-body.ts) in place of the JSON parser. */
  readBody: RequestHandler,
): Route[] {
  /** The URL a batch names, if it is one registered for the client; refused (422) before anything is taken if not. */
  const callbackUrlFor = async (clientId: string, named: unknown): Promise<string | null> => {
    if (typeof named !== 'string') return null;
    const url = registeredCallbackUrl(named, (await callbacks.registeredUrls(clientId)) ?? []);
    const usable = url !== null && (settings.callbacks.allowHttp || url.startsWith('https:'));
    if (usable) return url;
    const detail =
      'callbackUrl must be one of the callback URLs registered for your client (https); ' +
      'ask the registry administrator to register it, or leave it out and poll';
    throw new GatewayError('unprocessable', detail, {
      errors: [{ field: 'callbackUrl', message: 'is not registered for this client' }],
    });
  };
  const notFound = () =>
    new GatewayError('not-found', 'There is no such batch for your party, or it is no longer kept');
  return [
    defineRoute({
      operationId: 'submitExchangeBatch',
      roles: ['partner'],
      readBody,
      handler: async ({ principal, body, params }) => {
        const def = batchable.get(`${params.partner}.${params.exchange}`);
        if (!def) throw new GatewayError('not-found', `Batches are taken for ${[...batchable.keys()].join(', ')}`);
        // batch-body.ts reads a batch itself (a JSON array or NDJSON, record by record) into { records }: not the
        // contract's body, which describes what the caller sends.
        const read = (body as { records?: ReadRecord[] | null }).records;
        if (!Array.isArray(read))
          throw new GatewayError('invalid-request', 'A JSON batch is an array of records', {
            errors: [{ field: '(body)', message: 'must be an array of records' }],
          });
        if (read.length === 0)
          throw new GatewayError('invalid-request', 'A batch holds at least one record', {
            errors: [{ field: '(body)', message: 'must hold at least one record' }],
          });
        if (read.length > settings.maxRecords)
          throw new GatewayError(
            'payload-too-large',
            `A batch may hold at most ${settings.maxRecords} records, and this one holds ${read.length}; send them in several batches`,
          );
        const callbackUrl = await callbackUrlFor(principal!.clientId, params.callbackUrl);
        const validate = validatorFor(requestSchemaName(def.operationId)!);
        const records = read.map((record, index): NewRecord => {
          if ('unreadable' in record)
            return { line: { index, status: 'invalid', errors: [{ field: '(record)', message: record.unreadable }] } };
          if (!validate(record.value))
            return { line: { index, status: 'invalid', errors: fieldErrors(validate.errors) } };
          return { input: record.value };
        });
        const { clientId, party } = principal!;
        const id = await store.submit(
          { clientId, party, exchange: def.id, retentionDays: settings.retentionDays, callbackUrl },
          records,
        );
        submitted();
        const invalid = records.filter((r) => 'line' in r).length;
        return {
          status: 202,
          headers: { location: `/v1/batches/${id}` },
          body: {
            id,
            exchange: def.id,
            total: records.length,
            invalid,
            progress: `/v1/batches/${id}`,
            results: `/v1/batches/${id}/results`,
          },
        };
      },
    }),
    defineRoute({
      operationId: 'getBatch',
      roles: ['partner'],
      handler: async ({ principal, params }) => {
        const batch = await store.find(params.id, principal!.party);
        if (!batch) throw notFound();
        const progress = await store.progress(batch.id);
        const done = batch.total - progress.pending;
        const callback = await callbacks.store.of(batch.id);
        return {
          body: {
            id: batch.id,
            exchange: batch.exchange,
            state: progress.finishedAt ? 'done' : 'running',
            total: batch.total,
            done,
            permitted: progress.permitted,
            refused: progress.refused,
            failed: progress.failed,
            invalid: progress.invalid,
            submittedAt: batch.submittedAt,
            finishedAt: progress.finishedAt,
            results: `/v1/batches/${batch.id}/results`,
            callback,
          },
        };
      },
    }),
    defineRoute({
      operationId: 'getBatchResults',
      roles: ['partner'],
      handler: async ({ principal, params }) => {
        const batch = await store.find(params.id, principal!.party);
        if (!batch) throw notFound();
        const lines = store.lines(batch.id);
        return {
          type: 'application/x-ndjson',
          lines: {
            next: async () => {
              const n = await lines.next();
              return n.done ? { done: true, value: undefined } : { done: false, value: JSON.stringify(n.value) };
            },
            return: async () => {
              await lines.return(undefined);
              return { done: true, value: undefined };
            },
          },
        };
      },
    }),
    defineRoute({
      operationId: 'getCallbackKeys',
      roles: 'public',
      handler: async () => ({ body: await callbacks.jwks() }),
    }),
  ];
}
