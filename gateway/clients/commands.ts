// Changes to the client register. Each appends the client's whole new state to its history and writes its audit
// entry in the same transaction (under the audit chain's lock, so client changes never interleave), then tells
// this process's authenticator to forget what it cached; other processes notice the register's new generation.
import type { Knex } from 'knex';
import type { AuditAppender } from '../../audit/append.ts';
import {
  createClientStore,
  type Client,
  type ClientChange,
  type ClientState,
  type Jwks,
  type NewClientChange,
} from '../auth/client-store.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { problemsWithCallbackUrls } from './callback-urls.ts';
import { problemsWithKeySource } from './key-source.ts';
import { registerChangeEntry } from '../../audit/entry-kinds.ts';

export interface Actor {
  clientId: string;
}
export interface KeysGiven {
  jwks?: Jwks;
  jwksUri?: string;
}
export type StatusAction = 'suspend' | 'reinstate' | 'disable';

const unprocessable = (problems: string[], field = 'keys') =>
  new GatewayError('unprocessable', problems.join('; '), { errors: problems.map((message) => ({ field, message })) });

/** What the audit entry keeps of a state: everything but the bookkeeping of the row itself. */
const summary = (s: ClientState | null) =>
  s && {
    party: s.party,
    displayName: s.displayName,
    roles: s.roles,
    status: s.status,
    kids: s.jwks?.keys.map((k) => k.kid) ?? null,
    jwks: s.jwks,
    jwksUri: s.jwksUri,
    revokedKids: s.revokedKids,
    callbackUrls: s.callbackUrls,
  };

/** `callbackUrlsOverHttp`: plain http callback URLs may be registered (BATCH_CALLBACK_ALLOW_HTTP, a sandbox's). */
export function createClientCommands(deps: {
  db: Knex;
  audit: AuditAppender;
  changed: () => void;
  callbackUrlsOverHttp?: boolean;
}) {
  const readStore = createClientStore(deps.db);
  const callbackUrls = (given: string[]) => {
    const { urls, problems } = problemsWithCallbackUrls(given, deps.callbackUrlsOverHttp ?? false);
    if (problems.length) throw unprocessable(problems, 'callbackUrls');
    return urls;
  };

  async function change(
    actor: Actor,
    clientId: string,
    reason: string,
    work: (before: ClientChange | null, trx: Knex.Transaction) => Promise<Omit<NewClientChange, 'actor' | 'reason'>>,
  ): Promise<ClientState> {
    const { result } = await deps.audit.append(async (trx) => {
      const store = createClientStore(trx);
      const before = await store.current(clientId, trx);
      const next = { ...(await work(before, trx)), actor: actor.clientId, reason };
      await store.append(trx, next);
      const after = (await store.current(clientId, trx))!;
      const body = {
        action: `client-${next.action}`,
        actor: actor.clientId,
        target: `client/${clientId}`,
        reason,
        before: summary(before),
        after: summary(after),
      };
      return { entries: [registerChangeEntry(body)], result: after };
    });
    deps.changed();
    return result;
  }

  async function keysFor(clientId: string, given: KeysGiven, revoked: string[], trx: Knex.Transaction) {
    const { source, problems } = await problemsWithKeySource(given);
    if (problems.length) throw unprocessable(problems);
    const kids = source.jwks?.keys.map((k) => k.kid) ?? [];
    const again = kids.filter((kid) => revoked.includes(kid));
    if (again.length)
      throw unprocessable([`key ${again.join(', ')} was revoked and can never be used again: make a new key pair`]);
    const store = createClientStore(trx);
    for (const kid of kids) {
      const owner = await store.clientOfKid(kid, trx);
      if (owner !== null && owner !== clientId)
        throw new GatewayError(
          'conflict',
          `Key id ${kid} belongs to another client; key ids are never shared or reused`,
        );
    }
    return source;
  }

  const requireClient = (clientId: string, before: ClientChange | null) => {
    if (!before) throw new GatewayError('not-found', `There is no client ${clientId}`);
    return before;
  };

  return {
    register: (actor: Actor, client: Client & KeysGiven & { callbackUrls?: string[]; reason: string }) =>
      change(actor, client.id, client.reason, async (before, trx) => {
        if (before)
          throw new GatewayError(
            'conflict',
            `Client ${client.id} is already registered (${before.status}); a client id is registered once, ever`,
          );
        const urls = callbackUrls(client.callbackUrls ?? []);
        const source = await keysFor(client.id, client, [], trx);
        return {
          id: client.id,
          party: client.party,
          displayName: client.displayName,
          roles: client.roles,
          status: 'active',
          ...source,
          revokedKids: [],
          callbackUrls: urls,
          action: 'register',
        };
      }),

    /** The new list replaces the old: a batch submitted later may name only one of these. */
    replaceCallbackUrls: (actor: Actor, clientId: string, given: { callbackUrls: string[]; reason: string }) =>
      change(actor, clientId, given.reason, async (before) => {
        const current = requireClient(clientId, before);
        if (current.status === 'disabled')
          throw new GatewayError('conflict', `Client ${clientId} is disabled; register a new client instead`);
        return { ...current, callbackUrls: callbackUrls(given.callbackUrls), action: 'set-callback-urls' };
      }),

    /** The new key set replaces the old: a key left out is retired. */
    replaceKeys: (actor: Actor, clientId: string, given: KeysGiven & { reason: string }) =>
      change(actor, clientId, given.reason, async (before, trx) => {
        const current = requireClient(clientId, before);
        if (current.status === 'disabled')
          throw new GatewayError('conflict', `Client ${clientId} is disabled; register a new client instead`);
        const source = await keysFor(clientId, given, current.revokedKids, trx);
        return { ...current, ...source, action: 'rotate-keys' };
      }),

    revokeKey: (actor: Actor, clientId: string, kid: string, reason: string) =>
      change(actor, clientId, reason, async (before, trx) => {
        const current = requireClient(clientId, before);
        if (current.revokedKids.includes(kid)) throw new GatewayError('conflict', `Key ${kid} is already revoked`);
        // A remote key set's ids are not known beforehand: any may be revoked. An inline key must be the client's.
        if (current.jwks && (await createClientStore(trx).clientOfKid(kid, trx)) !== clientId) {
          throw new GatewayError('not-found', `Client ${clientId} has no key ${kid}`);
        }
        const jwks = current.jwks && { keys: current.jwks.keys.filter((k) => k.kid !== kid) };
        return { ...current, jwks, revokedKids: [...current.revokedKids, kid], action: 'revoke-key' };
      }),

    changeStatus: (actor: Actor, clientId: string, action: StatusAction, reason: string) =>
      change(actor, clientId, reason, async (before) => {
        const current = requireClient(clientId, before);
        if (action !== 'reinstate' && clientId === actor.clientId) {
          throw new GatewayError('conflict', `A client cannot ${action} itself: ask another registry administrator`);
        }
        const from: Record<StatusAction, string[]> = {
          suspend: ['active'],
          reinstate: ['suspended'],
          disable: ['active', 'suspended'],
        };
        if (!from[action].includes(current.status)) {
          throw new GatewayError(
            'conflict',
            `Client ${clientId} is ${current.status}; it cannot be ${action === 'disable' ? 'disabled' : `${action}d`}`,
          );
        }
        const status = ({ suspend: 'suspended', reinstate: 'active', disable: 'disabled' } as const)[action];
        return { ...current, status, action };
      }),

    current: (clientId: string) => readStore.current(clientId),
    list: () => readStore.list(),
    history: (clientId: string) => readStore.history(clientId),
  };
}
export type ClientCommands = ReturnType<typeof createClientCommands>;
