// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): a client that retries a POST after a timeout gets
// the first answer again, with the same auditId, and nothing is decided, counted or audited twice.
//
// A key is claimed in PostgreSQL (a unique row per client and key) before the work runs; a duplicate that arrives
// while the first is still running is refused with 409 rather than run beside it. When the work has left a mark in
// the audit log (an answer, or a refusal or partner failure that carries an auditId) the key is settled with that
// answer; when nothing was done (the database was down, an unexpected fault) the claim is released so the client
// may simply try again.
//
// What is kept: the key and the request as keyed hashes (HMAC), never as given; the answer, which may carry what
// a partner said about a person, encrypted with AES-256-GCM under a key derived from the server secret and the
// caller's own Idempotency-Key, which is not stored. Re-deriving the answer instead would call the partner again,
// which is exactly what a retry must not do; encrypting it keeps a copy of the table useless to whoever holds it.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { GatewayError } from './problem.ts';

/**
 * Past this a claim still marked in progress is taken to be a gateway that died mid-request, and may be claimed
 * again. It is well beyond the longest a request can run (a lookup and a partner call, each at most
 * UPSTREAM_TIMEOUT_MS, 120 s at most, and the audit commits), so a slow first request is never run beside its retry.
 */
const abandonedAfterSeconds = 600;
/** The draft leaves the window to the server; ours is a day, long enough for any partner's retry policy. */
export const keptForHours = 24;

export interface StoredAnswer {
  status: number;
  contentType: string;
  body: string;
  /** Headers the answer is incomplete without (a created batch's Location), given again on a replay. */
  headers?: Record<string, string>;
}

export type Claim =
  | { kind: 'run'; settle(answer: StoredAnswer): Promise<void>; release(): Promise<void> }
  | { kind: 'replay'; answer: StoredAnswer };

export interface IdempotencyStore {
  claim(input: { clientId: string; key: string; method: string; path: string; body: unknown }): Promise<Claim>;
}

/** The header as the draft writes it (a structured-field string, `"…"`), or bare for convenience at a shell. */
export function parseIdempotencyKey(raw: string): string {
  const key = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!/^[\x21\x23-\x5b\x5d-\x7e]{1,255}$/.test(key)) {
    throw new GatewayError('invalid-request', 'Idempotency-Key must be 1 to 255 printable characters, such as a UUID', {
      errors: [{ field: 'Idempotency-Key', message: 'is not in the expected format' }],
    });
  }
  return key;
}

const bytes = (value: unknown) => Buffer.from(value as Uint8Array);

export function createIdempotencyStore(db: Knex, secret: Buffer): IdempotencyStore {
  const mac = (label: string, ...parts: string[]) =>
    createHmac('sha256', secret)
      .update([label, ...parts].join('\0'))
      .digest('base64url');
  const answerKey = (clientId: string, key: string) =>
    Buffer.from(hkdfSync('sha256', secret, Buffer.from(clientId), Buffer.from(`idempotency-answer\0${key}`), 32));

  function seal(answer: StoredAnswer, aesKey: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  }
  function open(stored: Buffer, aesKey: Buffer): StoredAnswer {
    const decipher = createDecipheriv('aes-256-gcm', aesKey, stored.subarray(0, 12));
    decipher.setAuthTag(stored.subarray(12, 28));
    return JSON.parse(
      Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString('utf8'),
    ) as StoredAnswer;
  }

  let lastSweep = 0;
  function sweepNowAndThen() {
    if (Date.now() - lastSweep < 600_000) return;
    lastSweep = Date.now();
    // Best effort: an expired row is ignored by claim() anyway, so a failed sweep costs nothing but space.
    db.raw(
      'delete from idempotency_keys where key_hash in (select key_hash from idempotency_keys where expires_at < now() limit 1000)',
    ).catch(() => {});
  }

  return {
    async claim({ clientId, key, method, path, body }) {
      sweepNowAndThen();
      const keyHash = mac('idempotency-key', clientId, key);
      const requestHash = mac('idempotency-request', method, path, JSON.stringify(body ?? null));
      const aesKey = answerKey(clientId, key);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const claimId = randomUUID();
        // A new key is claimed; so is an expired one, or one abandoned mid-request by a gateway that died (for the same request only).
        const { rows: claimed } = await db.raw(
          `
          insert into idempotency_keys (key_hash, client_id, request_hash, claim_id, state, claimed_at, expires_at)
          values (?, ?, ?, ?, 'in-progress', now(), now() + make_interval(hours => ?))
          on conflict (key_hash) do update set request_hash = excluded.request_hash, claim_id = excluded.claim_id,
            state = 'in-progress', claimed_at = excluded.claimed_at, expires_at = excluded.expires_at,
            status = null, content_type = null, answer = null
          where idempotency_keys.expires_at < now()
            or (idempotency_keys.state = 'in-progress' and idempotency_keys.request_hash = excluded.request_hash
                and idempotency_keys.claimed_at < now() - make_interval(secs => ?))
          returning claim_id`,
          [keyHash, clientId, requestHash, claimId, keptForHours, abandonedAfterSeconds],
        );
        if (claimed.length === 1) {
          return {
            kind: 'run',
            async settle(answer) {
              await db.raw(
                `update idempotency_keys set state = 'done', status = ?, content_type = ?, answer = ? where key_hash = ? and claim_id = ?`,
                [answer.status, answer.contentType, seal(answer, aesKey), keyHash, claimId],
              );
            },
            async release() {
              await db.raw(
                `delete from idempotency_keys where key_hash = ? and claim_id = ? and state = 'in-progress'`,
                [keyHash, claimId],
              );
            },
          };
        }
        const {
          rows: [held],
        } = await db.raw('select request_hash, state, answer from idempotency_keys where key_hash = ?', [keyHash]);
        if (!held) continue; // released between the two statements: claim it afresh
        if (held.request_hash !== requestHash) {
          throw new GatewayError(
            'unprocessable',
            'This Idempotency-Key was used with a different request; use a new key for a new request',
          );
        }
        if (held.state === 'in-progress') {
          throw new GatewayError(
            'conflict',
            'A request with this Idempotency-Key is still being processed; retry after it has finished',
          );
        }
        return { kind: 'replay', answer: open(bytes(held.answer), aesKey) };
      }
      throw new GatewayError('conflict', 'A request with this Idempotency-Key is being processed; retry shortly');
    },
  };
}
