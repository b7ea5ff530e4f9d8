// Console sessions. A person presents their client's JWT once (the same identity the API takes); the gateway checks
// it as the API would, refuses it if it has signed in before, and opens a server-side session named by a random id
// in an HttpOnly, SameSite=Strict cookie (Secure and __Host- prefixed over https). Only hashes of the id are stored.
// Each request re-reads the client and its key, so a revoked key or a changed role takes effect at once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Knex } from 'knex';
import type { ClientStore } from '../auth/client-store.ts';
import type { Authenticate } from '../http/route.ts';
import { GatewayError } from '../http/problem.ts';

export const consoleRoles = ['sro', 'dpo'];
/** A working day at most, and half an hour idle. */
export const sessionLimits = { absoluteMs: 8 * 3_600_000, idleMs: 30 * 60_000 };

export interface SessionDeps {
  db: Knex;
  clients: Pick<ClientStore, 'keyById'>;
  authenticate: Authenticate;
  clock: () => Date;
}

export interface Session { clientId: string; displayName: string; party: string; roles: string[]; csrf: string }

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a)), y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}

export function createSessions(deps: SessionDeps) {
  return {
    /** Checks the token and opens a session; returns the cookie value. Throws GatewayError with a reason to show. */
    async signIn(token: string): Promise<{ id: string; session: Session }> {
      const principal = await deps.authenticate(`Bearer ${token.trim()}`);
      const claims = decodeJwt(token.trim());
      if (!principal.roles.some((r) => consoleRoles.includes(r))) {
        throw new GatewayError('forbidden', 'The console is for Senior Responsible Officers and Data Protection Officers. Partner systems use the API.');
      }
      if (typeof claims.jti !== 'string' || claims.jti.length < 8) {
        throw new GatewayError('unauthenticated', 'The token has no jti (token id): console tokens must carry one, so that each signs in only once');
      }
      const kid = String(decodeProtectedHeader(token.trim()).kid);
      const now = deps.clock();
      const id = randomToken();
      const csrf = randomToken();
      await deps.db.transaction(async (trx) => {
        await trx('console_token_uses').where('expires_at', '<', now.toISOString()).delete();
        const used = await trx('console_token_uses')
          .insert({ token_hash: sha256(`${principal.clientId}|${claims.jti}`), used_at: now.toISOString(), expires_at: new Date((claims.exp ?? 0) * 1000 + 3_600_000).toISOString() })
          .onConflict('token_hash').ignore().returning('token_hash');
        if (used.length === 0) throw new GatewayError('unauthenticated', 'This token has already been used to sign in; get a new one');
        await trx('console_sessions').where('expires_at', '<', now.toISOString()).delete();
        await trx('console_sessions').insert({
          id_hash: sha256(id), client_id: principal.clientId, kid, csrf_token: csrf,
          created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + sessionLimits.absoluteMs).toISOString(),
        });
      });
      const key = await deps.clients.keyById(kid);
      return { id, session: { clientId: principal.clientId, displayName: key?.client.displayName ?? principal.clientId, party: principal.party, roles: principal.roles, csrf } };
    },

    /** The session a cookie names, if it is open, fresh and its client's key still stands. */
    async lookup(id: string | undefined): Promise<Session | null> {
      if (!id) return null;
      const row = await deps.db('console_sessions').where({ id_hash: sha256(id) }).whereNull('ended_at').first();
      const now = deps.clock();
      if (!row || new Date(row.expires_at) <= now || now.getTime() - new Date(row.last_seen_at).getTime() > sessionLimits.idleMs) return null;
      const key = await deps.clients.keyById(row.kid);
      if (!key || key.clientId !== row.client_id) return null;
      // Written at most once a minute: reading pages should not turn into a stream of writes.
      if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
        await deps.db('console_sessions').where({ id_hash: row.id_hash }).update({ last_seen_at: now.toISOString() });
      }
      return { clientId: key.clientId, displayName: key.client.displayName, party: key.client.party, roles: key.client.roles, csrf: row.csrf_token };
    },

    async end(id: string | undefined): Promise<void> {
      if (id) await deps.db('console_sessions').where({ id_hash: sha256(id) }).update({ ended_at: deps.clock().toISOString() });
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
