// The client register: API clients, their party, roles and public keys, kept as an append-only history
// (migrations/20261207150000_client_history.ts). A client's current state is its latest history row.
import type { Knex } from 'knex';
import type { Role } from '../../platform/principal.ts';

export type { Role };
export const roles: readonly Role[] = ['partner', 'registry-admin', 'sro', 'dpo'];
export type ClientStatus = 'active' | 'suspended' | 'disabled';
export type ClientAction =
  | 'register'
  | 'rotate-keys'
  | 'revoke-key'
  | 'set-callback-urls'
  | 'suspend'
  | 'reinstate'
  | 'disable';

export interface Client {
  id: string;
  party: string;
  displayName: string;
  roles: Role[];
}
export interface ClientKey {
  kid: string;
  clientId: string;
  alg: string;
  publicJwk: Record<string, unknown>;
}
export interface PublicJwk {
  kid: string;
  kty: string;
  alg?: string;
  [member: string]: unknown;
}
export interface Jwks {
  keys: PublicJwk[];
}

/** A client as its latest history row has it: the keys are inline (`jwks`) or fetched from `jwksUri`. */
export interface ClientState extends Client {
  status: ClientStatus;
  jwks: Jwks | null;
  jwksUri: string | null;
  revokedKids: string[];
  /** Where its batches may be called back (gateway/batches/callbacks/): registered, never taken from a request. */
  callbackUrls: string[];
  /** When the latest change was recorded, by the database's clock, and by whom and why. */
  recordedAt: string;
  actor: string;
  reason: string;
  action: ClientAction;
}

/** One change as recorded: the state after it. */
export type ClientChange = ClientState & { seq: number };

/** A history row to append: the whole state after the change, who made it and why. */
export type NewClientChange = Omit<ClientState, 'recordedAt'>;

/**
 * What a key id may be: 1 to 128 visible ASCII characters. A token's kid is the caller's to choose, and PostgreSQL
 * refuses some text outright (a NUL byte is error 22021), so anything else is refused before it reaches a query.
 */
export const isWellFormedKid = (kid: string) => /^[\x21-\x7e]{1,128}$/.test(kid);
/** A client id is a register code: the same rule keeps an attacker's `iss` out of queries. */
export const isWellFormedClientId = (id: string) => /^[a-z0-9][a-z0-9.-]{1,63}$/.test(id);

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of client_changes, as knex gives it
function stateOf(row: Record<string, any>): ClientChange {
  return {
    seq: Number(row.seq),
    id: row.client_id,
    party: row.party_id,
    displayName: row.display_name,
    roles: row.roles,
    status: row.status,
    jwks: row.jwks === null ? null : json<Jwks>(row.jwks),
    jwksUri: row.jwks_uri,
    revokedKids: row.revoked_kids ?? [],
    callbackUrls: row.callback_urls ?? [],
    recordedAt: new Date(row.recorded_at).toISOString(),
    actor: row.actor,
    reason: row.reason,
    action: row.action,
  };
}

export function createClientStore(db: Knex) {
  const latest = (q: Knex | Knex.Transaction = db) =>
    q('client_history')
      .distinctOn('client_id')
      .orderBy([{ column: 'client_id' }, { column: 'seq', order: 'desc' }]);

  const store = {
    async current(clientId: string, q: Knex | Knex.Transaction = db): Promise<ClientChange | null> {
      if (!isWellFormedClientId(clientId)) return null;
      const row = await q('client_history').where({ client_id: clientId }).orderBy('seq', 'desc').first();
      return row ? stateOf(row) : null;
    },
    async list(): Promise<ClientChange[]> {
      return (await latest()).map(stateOf);
    },
    async history(clientId: string): Promise<ClientChange[]> {
      return (await db('client_history').where({ client_id: clientId }).orderBy('seq')).map(stateOf);
    },
    /** The client a key id was ever registered to (a key id belongs to one client, forever). */
    async clientOfKid(kid: string, q: Knex | Knex.Transaction = db): Promise<string | null> {
      if (!isWellFormedKid(kid)) return null;
      return (await q('client_kids').where({ kid }).first('client_id'))?.client_id ?? null;
    },
    /** An inline key that stands now (client active, key in its set and not revoked): what the console checks. */
    async keyById(kid: string): Promise<(ClientKey & { client: Client }) | null> {
      const clientId = await store.clientOfKid(kid);
      const state = clientId ? await store.current(clientId) : null;
      if (!state || state.status !== 'active' || state.revokedKids.includes(kid)) return null;
      const jwk = state.jwks?.keys.find((k) => k.kid === kid);
      if (!jwk) return null;
      return {
        kid,
        clientId: state.id,
        alg: jwk.alg ?? '',
        publicJwk: jwk,
        client: { id: state.id, party: state.party, displayName: state.displayName, roles: state.roles },
      };
    },
    /** Moved by the database on every change to any client, so each process can tell its caches are stale. */
    async generation(): Promise<number> {
      return Number((await db('client_register_generation').where({ id: 1 }).first('generation'))?.generation ?? 0);
    },
    async count(): Promise<number> {
      const row = await db('clients').count<{ count: string | number }[]>({ count: '*' }).first();
      return Number(row?.count ?? 0);
    },
    /** Appends a change; a new client id is anchored, and new inline key ids are given to the client. */
    async append(trx: Knex.Transaction, change: NewClientChange): Promise<void> {
      if (!(await trx('clients').where({ id: change.id }).first('id'))) {
        await trx('clients').insert({
          id: change.id,
          party_id: change.party,
          display_name: change.displayName,
          roles: change.roles,
        });
      }
      const kids = (change.jwks?.keys ?? []).map((k) => k.kid);
      const owners: { kid: string; client_id: string }[] = kids.length
        ? await trx('client_kids').whereIn('kid', kids).select('kid', 'client_id')
        : [];
      const taken = owners.filter((o) => o.client_id !== change.id);
      if (taken.length > 0)
        throw new Error(`key ids already given to another client: ${taken.map((o) => o.kid).join(', ')}`);
      const fresh = kids.filter((kid) => !owners.some((o) => o.kid === kid));
      if (fresh.length > 0) await trx('client_kids').insert(fresh.map((kid) => ({ kid, client_id: change.id })));
      await trx('client_history').insert({
        client_id: change.id,
        actor: change.actor,
        reason: change.reason,
        action: change.action,
        party_id: change.party,
        display_name: change.displayName,
        roles: change.roles,
        status: change.status,
        jwks: change.jwks === null ? null : JSON.stringify(change.jwks),
        jwks_uri: change.jwksUri,
        revoked_kids: change.revokedKids,
        callback_urls: change.callbackUrls,
      });
    },
    /** A sandbox client with one key, enrolled at a sandbox's first start (not through the audited API). */
    async register(client: Client, key: ClientKey): Promise<void> {
      if (!isWellFormedKid(key.kid)) throw new Error('A key id must be 1 to 128 visible ASCII characters');
      await db.transaction((trx) =>
        store.append(trx, {
          ...client,
          status: 'active',
          jwks: { keys: [{ ...key.publicJwk, kid: key.kid, alg: key.alg } as PublicJwk] },
          jwksUri: null,
          revokedKids: [],
          callbackUrls: [],
          actor: 'sandbox-start',
          reason: "a sandbox client, enrolled at the sandbox's first start",
          action: 'register',
        }),
      );
    },
  };
  return store;
}
export type ClientStore = ReturnType<typeof createClientStore>;
