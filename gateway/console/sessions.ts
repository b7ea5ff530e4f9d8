// Console sessions, opened one of two ways:
// - a person signs in at the department's identity provider (OpenID Connect, oidc.ts); their roles come from the
//   register of people (people.ts), read again on every request, so revoking a role takes effect at once;
// - in a sandbox only, a client's JWT presented once (the same identity the API takes), checked as the API would and
//   refused if it has signed in before; each request re-reads the client and its key.
// Either way the session is server-side, named by a random id in an HttpOnly, SameSite=Strict cookie (Secure and
// __Host- prefixed over https), and only hashes of the id are stored. Opening, ending and refusing a session are
// written to the audit log (kind `console-access`) in the same transaction; a person appears there only as the HMAC
// of their provider subject.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Knex } from 'knex';
import type { AuditAppender } from '../../audit/append.ts';
import { consoleAccessEntry } from '../../audit/entry-kinds.ts';
import type { EntryBodies } from '../../audit/types.ts';
import type { ClientStore } from '../auth/client-store.ts';
import type { Authenticate } from '../../platform/http/route.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import type { PeopleRegister, ProviderIdentity } from './people.ts';

export const consoleRoles = ['sro', 'dpo'];
/** A working day at most, and half an hour idle. */
export const sessionLimits = { absoluteMs: 8 * 3_600_000, idleMs: 30 * 60_000 };

export interface SessionDeps {
  db: Knex;
  clients: Pick<ClientStore, 'keyById'>;
  authenticate: Authenticate;
  people: Pick<PeopleRegister, 'rolesOf'>;
  audit: Pick<AuditAppender, 'append'>;
  /** A keyed HMAC of a provider subject (the audit pseudonymiser's key). */
  subjectHmac(subject: string): string;
  clock: () => Date;
}

export interface Session {
  clientId: string;
  displayName: string;
  party: string;
  roles: string[];
  csrf: string;
}

/** Why a sign-in was refused, as the audit log records it. */
export type RefusalReason =
  | 'not-in-register'
  | 'state-mismatch'
  | 'provider-error'
  | 'response-invalid'
  | 'code-exchange-failed'
  | 'not-a-console-role';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a)),
    y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}
/** The session as the audit log names it: a prefix of the stored hash, so sign-in and sign-out can be paired. */
const sessionRef = (idHash: string) => idHash.slice(0, 16);

export function createSessions(deps: SessionDeps) {
  const access = consoleAccessEntry;

  /** A new session row and its sign-in entry, in one transaction. */
  async function open(
    row: Record<string, unknown>,
    entry: Omit<EntryBodies['console-access'], 'action' | 'session'>,
  ): Promise<{ id: string; csrf: string }> {
    const now = deps.clock();
    const id = randomToken();
    const csrf = randomToken();
    await deps.audit.append(async (trx) => {
      await trx('console_sessions').where('expires_at', '<', now.toISOString()).delete();
      await trx('console_sessions').insert({
        ...row,
        id_hash: sha256(id),
        csrf_token: csrf,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + sessionLimits.absoluteMs).toISOString(),
      });
      return { entries: [access({ action: 'sign-in', ...entry, session: sessionRef(sha256(id)) })], result: null };
    });
    return { id, csrf };
  }

  /** A sign-in that came back from the provider and was refused: audited with why, and whom if the provider said. */
  async function refuse(reason: RefusalReason, subjectHmac: string | null = null): Promise<string> {
    const { stored } = await deps.audit.append(async () => ({
      entries: [access({ action: 'sign-in-refused', method: 'oidc', reason, ...(subjectHmac ? { subjectHmac } : {}) })],
      result: null,
    }));
    return stored[0]!.id;
  }

  const personSession = (identity: ProviderIdentity, name: string | null, roles: string[], csrf: string): Session => ({
    clientId: `person:${deps.subjectHmac(identity.subject).slice(0, 16)}`,
    displayName: name ?? 'you',
    party: 'home-office',
    roles,
    csrf,
  });

  return {
    /** Sandbox only: checks a client token and opens a session; throws GatewayError with a reason to show. */
    async signIn(token: string): Promise<{ id: string; session: Session }> {
      const principal = await deps.authenticate(`Bearer ${token.trim()}`);
      const claims = decodeJwt(token.trim());
      if (!principal.roles.some((r) => consoleRoles.includes(r))) {
        await deps.audit.append(async () => ({
          entries: [
            access({
              action: 'sign-in-refused',
              method: 'client-token',
              clientId: principal.clientId,
              reason: 'not-a-console-role',
            }),
          ],
          result: null,
        }));
        throw new GatewayError(
          'forbidden',
          'The console is for Senior Responsible Officers and Data Protection Officers. Partner systems use the API.',
        );
      }
      if (typeof claims.jti !== 'string' || claims.jti.length < 8) {
        throw new GatewayError(
          'unauthenticated',
          'The token has no jti (token id): console tokens must carry one, so that each signs in only once',
        );
      }
      const kid = String(decodeProtectedHeader(token.trim()).kid);
      const now = deps.clock();
      const used = await deps.db.transaction(async (trx): Promise<unknown[]> => {
        await trx('console_token_uses').where('expires_at', '<', now.toISOString()).delete();
        return await trx('console_token_uses')
          .insert({
            token_hash: sha256(`${principal.clientId}|${claims.jti}`),
            used_at: now.toISOString(),
            expires_at: new Date((claims.exp ?? 0) * 1000 + 3_600_000).toISOString(),
          })
          .onConflict('token_hash')
          .ignore()
          .returning('token_hash');
      });
      if (used.length === 0)
        throw new GatewayError('unauthenticated', 'This token has already been used to sign in; get a new one');
      const { id, csrf } = await open(
        { client_id: principal.clientId, kid },
        { method: 'client-token', clientId: principal.clientId, roles: principal.roles },
      );
      const key = await deps.clients.keyById(kid);
      return {
        id,
        session: {
          clientId: principal.clientId,
          displayName: key?.client.displayName ?? principal.clientId,
          party: principal.party,
          roles: principal.roles,
          csrf,
        },
      };
    },

    /**
     * A person the identity provider vouched for: a session if the register of people gives them a console role,
     * else the id of the audit entry that records the refusal.
     */
    async signInPerson(
      identity: ProviderIdentity,
      name: string | null,
    ): Promise<{ id: string; session: Session } | { refusedAs: string }> {
      const roles = await deps.people.rolesOf(identity);
      const subjectHmac = deps.subjectHmac(identity.subject);
      if (roles.length === 0) return { refusedAs: await refuse('not-in-register', subjectHmac) };
      const { id, csrf } = await open(
        { person_subject: identity.subject, person_groups: JSON.stringify(identity.groups), person_name: name },
        { method: 'oidc', subjectHmac, roles },
      );
      return { id, session: personSession(identity, name, roles, csrf) };
    },

    refuse,

    /** The session a cookie names, if it is open, fresh and its client's key or its person's roles still stand. */
    async lookup(id: string | undefined): Promise<Session | null> {
      if (!id) return null;
      const row = await deps
        .db('console_sessions')
        .where({ id_hash: sha256(id) })
        .whereNull('ended_at')
        .first();
      const now = deps.clock();
      if (
        !row ||
        new Date(row.expires_at) <= now ||
        now.getTime() - new Date(row.last_seen_at).getTime() > sessionLimits.idleMs
      )
        return null;
      let session: Session;
      if (row.person_subject !== null) {
        const identity = {
          subject: row.person_subject as string,
          groups: (typeof row.person_groups === 'string'
            ? JSON.parse(row.person_groups)
            : row.person_groups) as string[],
        };
        const roles = await deps.people.rolesOf(identity);
        if (roles.length === 0) return null;
        session = personSession(identity, row.person_name, roles, row.csrf_token);
      } else {
        const key = await deps.clients.keyById(row.kid);
        if (!key || key.clientId !== row.client_id) return null;
        session = {
          clientId: key.clientId,
          displayName: key.client.displayName,
          party: key.client.party,
          roles: key.client.roles,
          csrf: row.csrf_token,
        };
      }
      // Written at most once a minute: reading pages should not turn into a stream of writes.
      if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
        await deps.db('console_sessions').where({ id_hash: row.id_hash }).update({ last_seen_at: now.toISOString() });
      }
      return session;
    },

    /** Ends the session and audits the sign-out, once. */
    async end(id: string | undefined): Promise<void> {
      if (!id) return;
      await deps.audit.append(async (trx) => {
        const ended = await trx('console_sessions')
          .where({ id_hash: sha256(id) })
          .whereNull('ended_at')
          .update({ ended_at: deps.clock().toISOString() })
          .returning(['id_hash', 'client_id', 'person_subject']);
        const row = ended[0];
        if (!row) return { entries: [], result: null };
        const who =
          row.person_subject !== null
            ? { method: 'oidc' as const, subjectHmac: deps.subjectHmac(row.person_subject) }
            : { method: 'client-token' as const, clientId: row.client_id as string };
        return { entries: [access({ action: 'sign-out', ...who, session: sessionRef(row.id_hash) })], result: null };
      });
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
