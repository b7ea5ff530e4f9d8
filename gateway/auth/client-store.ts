// Registered API clients and their public keys.
import type { Knex } from 'knex';

export type Role = 'partner' | 'registry-admin' | 'sro' | 'dpo';
export const roles: readonly Role[] = ['partner', 'registry-admin', 'sro', 'dpo'];

export interface Client { id: string; party: string; displayName: string; roles: Role[] }
export interface ClientKey { kid: string; clientId: string; alg: string; publicJwk: Record<string, unknown> }

/**
 * What a key id may be: 1 to 128 visible ASCII characters. A token's kid is the caller's to choose, and PostgreSQL
 * refuses some text outright (a NUL byte is error 22021), so anything else is refused before it reaches a query.
 */
export const isWellFormedKid = (kid: string) => /^[\x21-\x7e]{1,128}$/.test(kid);

export function createClientStore(db: Knex) {
  return {
    async keyById(kid: string): Promise<(ClientKey & { client: Client }) | null> {
      if (!isWellFormedKid(kid)) return null;
      const row = await db('client_keys as k')
        .join('clients as c', 'c.id', 'k.client_id')
        .where('k.kid', kid)
        .whereNull('k.revoked_at')
        .first('k.kid', 'k.client_id', 'k.alg', 'k.public_jwk', 'c.party_id', 'c.display_name', 'c.roles');
      if (!row) return null;
      return {
        kid: row.kid,
        clientId: row.client_id,
        alg: row.alg,
        publicJwk: typeof row.public_jwk === 'string' ? JSON.parse(row.public_jwk) : row.public_jwk,
        client: { id: row.client_id, party: row.party_id, displayName: row.display_name, roles: row.roles },
      };
    },
    async count(): Promise<number> {
      const row = await db('clients').count<{ count: string | number }[]>({ count: '*' }).first();
      return Number(row?.count ?? 0);
    },
    async register(client: Client, key: ClientKey): Promise<void> {
      if (!isWellFormedKid(key.kid)) throw new Error('A key id must be 1 to 128 visible ASCII characters');
      await db.transaction(async (trx) => {
        await trx('clients').insert({ id: client.id, party_id: client.party, display_name: client.displayName, roles: client.roles });
        await trx('client_keys').insert({ kid: key.kid, client_id: key.clientId, alg: key.alg, public_jwk: JSON.stringify(key.publicJwk) });
      });
    },
  };
}
export type ClientStore = ReturnType<typeof createClientStore>;
