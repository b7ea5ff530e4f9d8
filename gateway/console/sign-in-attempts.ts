// A sign-in between leaving for the identity provider and coming back: its state, nonce and PKCE verifier, kept in
// the database (so any gateway behind the load balancer can finish it) under the hash of a random id that only the
// browser's cookie holds. Each is taken once and lives ten minutes.
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { SignInSecrets } from './oidc.ts';

export const attemptLifetimeSeconds = 600;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createSignInAttempts(db: Knex, clock: () => Date) {
  return {
    /** Keeps the secrets; returns the id for the cookie. */
    async keep(secrets: SignInSecrets): Promise<string> {
      const id = randomBytes(32).toString('base64url');
      const now = clock();
      await db.transaction(async (trx) => {
        await trx('console_sign_in_attempts').where('expires_at', '<', now.toISOString()).delete();
        await trx('console_sign_in_attempts').insert({
          id_hash: sha256(id),
          state: secrets.state,
          nonce: secrets.nonce,
          code_verifier: secrets.codeVerifier,
          expires_at: new Date(now.getTime() + attemptLifetimeSeconds * 1000).toISOString(),
        });
      });
      return id;
    },

    /** The secrets the id names, once: the row is deleted as it is read. Null if unknown, used or expired. */
    async take(id: string | undefined): Promise<SignInSecrets | null> {
      if (!id || id.length > 100) return null;
      const [row] = await db('console_sign_in_attempts')
        .where({ id_hash: sha256(id) })
        .delete()
        .returning(['state', 'nonce', 'code_verifier', 'expires_at']);
      if (!row || new Date(row.expires_at) <= clock()) return null;
      return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
    },
  };
}
export type SignInAttempts = ReturnType<typeof createSignInAttempts>;
