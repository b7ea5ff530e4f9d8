// A witness (c2sp.org/tlog-cosignature): a second party that fetches the gateway's newest checkpoint, checks it is
// signed by a key it trusts and that the log only grew since the last checkpoint it saw (an RFC 6962 consistency
// proof), and only then cosigns and sends its cosignature back. It keeps what it saw in a small state; a log that
// was rewritten cannot give a consistency proof from that state, so the witness refuses and says why.
import type { KeyObject } from 'node:crypto';
import { cosign, noteSignedBy, parseCheckpointText, parseNote } from '../checkpoint-note.ts';
import { verifyConsistency } from '../merkle.ts';

/** What the witness remembers between runs. */
export interface WitnessState {
  origin: string;
  /** The gateway's Ed25519 public keys (base64url, as in its JWKS) the witness trusts to sign checkpoints. */
  logKeys: string[];
  size: number;
  rootHash: string;
}

export interface WitnessOptions {
  gateway: string;
  /** A bearer token of a gateway client that may read checkpoints and proofs (role partner or dpo). */
  token: string;
  name: string;
  key: KeyObject;
  state: WitnessState | null;
  /** The origin expected on the first run; afterwards the state's. */
  origin?: string;
  now?: () => Date;
}

export type WitnessRun =
  | { ok: true; cosigned: number; from: number | null; state: WitnessState }
  | { ok: false; reason: string; state: WitnessState | null };

export async function witnessOnce(options: WitnessOptions): Promise<WitnessRun> {
  const refuse = (reason: string): WitnessRun => ({ ok: false, reason, state: options.state });
  const get = async (path: string) => {
    const res = await fetch(new URL(path, options.gateway), { headers: { authorization: `Bearer ${options.token}` } });
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return res;
  };

  const jwks = (await (await get('/.well-known/audit-keys.json')).json()) as { keys: { crv: string; x: string }[] };
  const published = jwks.keys.filter((k) => k.crv === 'Ed25519').map((k) => k.x);
  const gone = options.state?.logKeys.find((k) => !published.includes(k));
  if (gone) return refuse(`a key the witness trusted to sign checkpoints (${gone}) is no longer published`);
  // Keys added since (a rotation) are trusted from now on; on the first run, every published key is.
  const logKeys = [...(options.state?.logKeys ?? []), ...published.filter((k) => !options.state?.logKeys.includes(k))];

  const note = parseNote(await (await get('/v1/audit/checkpoint')).text());
  if (!note) return refuse('the checkpoint is not a signed note');
  const checkpoint = parseCheckpointText(note.text);
  if (!checkpoint) return refuse('the checkpoint text is not origin, size and root hash');
  const origin = options.state?.origin ?? options.origin ?? checkpoint.origin;
  if (checkpoint.origin !== origin) return refuse(`the checkpoint is for the log ${checkpoint.origin}, not ${origin}`);
  if (!logKeys.some((k) => noteSignedBy(note, origin, Buffer.from(k, 'base64url'))))
    return refuse('the checkpoint is not signed by a key the witness trusts');

  const seen = options.state;
  if (seen) {
    if (checkpoint.size < seen.size)
      return refuse(
        `the log's checkpoint is of ${checkpoint.size} entries, but the witness has already seen ${seen.size}: the log shrank`,
      );
    if (checkpoint.size === seen.size && checkpoint.rootHash !== seen.rootHash) {
      return refuse(`the log signed two different roots for ${seen.size} entries: its history was rewritten`);
    }
    if (checkpoint.size > seen.size) {
      const proof = (await (
        await get(`/v1/audit/proofs/consistency?from=${seen.size}&to=${checkpoint.size}`)
      ).json()) as { hashes: string[] };
      if (!verifyConsistency(seen.size, checkpoint.size, proof.hashes, seen.rootHash, checkpoint.rootHash)) {
        return refuse(
          `the log of ${checkpoint.size} entries does not extend the log of ${seen.size} entries this witness cosigned (root ${seen.rootHash}): the consistency proof fails, so its history was rewritten`,
        );
      }
    }
  }
  const state: WitnessState = { origin, logKeys, size: checkpoint.size, rootHash: checkpoint.rootHash };
  const timestamp = Math.floor((options.now ?? (() => new Date()))().getTime() / 1000);
  const cosignature = cosign(note.text, options.name, options.key, timestamp).trimEnd();
  const res = await fetch(new URL('/v1/audit/checkpoint/cosignatures', options.gateway), {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ treeSize: checkpoint.size, cosignature }),
  });
  if (res.status !== 201)
    return {
      ok: false,
      reason: `the gateway did not keep the cosignature (${res.status}): ${(await res.text()).slice(0, 300)}`,
      state,
    };
  return { ok: true, cosigned: checkpoint.size, from: seen?.size ?? null, state };
}
