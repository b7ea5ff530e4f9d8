// The checkpointer signs the log's size, head hash and Merkle root every N entries or T seconds, whichever comes
// first, and stores the signature in audit_checkpoints. Before signing it re-checks every entry since the last
// checkpoint, so it never puts its signature on a chain that was tampered with in between. Several gateway
// processes may run one each: a checkpoint of a size already signed is simply not stored twice.
import { KeyObject } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { safeError } from '../platform/logger.ts';
import { chainBatches, headSeq, rowHashes } from './chain-reader.ts';
import { signCheckpoint } from './checkpoint-token.ts';
import { checkpointText, signNoteText } from './checkpoint-note.ts';
import { hashesBetween } from './retention-store.ts';
import { storedTreeSize, TreeBuilder } from './tree-store.ts';
import type { AuditKeyRing } from './signing-keys.ts';
import { genesisHash } from './types.ts';

export interface CheckpointRow {
  size: number;
  headHash: string;
  rootHash: string;
  signedAt: string;
  keyId: string;
  jws: string;
}

const columns = {
  size: 'size',
  headHash: 'head_hash',
  rootHash: 'root_hash',
  signedAt: 'signed_at',
  keyId: 'key_id',
  jws: 'jws',
};
const toRow = (r: Record<string, unknown>): CheckpointRow => ({
  ...(r as unknown as CheckpointRow),
  size: Number(r.size),
  signedAt: new Date(r.signedAt as string).toISOString(),
});

export async function listCheckpoints(db: Knex): Promise<CheckpointRow[]> {
  return (await db('audit_checkpoints').select(columns).orderBy('size')).map(toRow);
}

/** The smallest signed checkpoint that covers the entry with this seq, if there is one yet. */
export async function checkpointCovering(db: Knex, seq: number): Promise<CheckpointRow | null> {
  const row = await db('audit_checkpoints').select(columns).where('size', '>=', seq).orderBy('size').first();
  return row ? toRow(row) : null;
}

/** The log's origin when none is configured: the name witnesses know it by (c2sp.org/tlog-checkpoint). */
export const defaultLogOrigin = 'data-sharing-gateway.service.gov.uk/audit-log';

export class ChainBrokenError extends Error {
  constructor(readonly seq: number) {
    super(`the audit chain does not verify at entry ${seq}; no checkpoint was signed`);
  }
}

export interface CheckpointerOptions {
  /** The log's name in its signed-note checkpoints (tlog-checkpoint's origin line, and the signature's key name). */
  origin?: string;
  every: number;
  seconds: number;
  clock?: () => Date;
  logger?: Pick<Logger, 'error' | 'info'>;
  /** Told when a run finds the chain broken (chain-health.ts raises the alert). */
  onBroken?: (error: ChainBrokenError, head: number) => void;
}

export function createCheckpointer(db: Knex, keys: Pick<AuditKeyRing, 'active'>, options: CheckpointerOptions) {
  const clock = options.clock ?? (() => new Date());
  const origin = options.origin ?? defaultLogOrigin;
  let signedSize: number | null = null;
  let running: Promise<CheckpointRow | null> | null = null;
  let queued: Promise<CheckpointRow | null> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function signUpToHead(): Promise<CheckpointRow | null> {
    const last = await db('audit_checkpoints').select(columns).orderBy('size', 'desc').first();
    const from = last ? Number(last.size) : 0;
    await growTreeTo(from, last?.rootHash ?? null);
    const head = await headSeq(db);
    signedSize = from;
    if (head <= from) return last ? toRow(last) : null;
    const tree = await TreeBuilder.load(db, from);
    let prevHash: string = last ? last.headHash : genesisHash;
    let expected = from + 1;
    for await (const rows of chainBatches(db, from, head, 10_000)) {
      for (const row of rows) {
        if (row.seq !== expected || row.prevHash !== prevHash || !rowHashes(row)) throw new ChainBrokenError(expected);
        tree.append(row.hash);
        prevHash = row.hash;
        expected += 1;
      }
    }
    if (expected !== head + 1) throw new ChainBrokenError(expected);
    const key = await keys.active();
    const checkpoint = { size: head, headHash: prevHash, rootHash: tree.root(), time: clock().toISOString() };
    const jws = await signCheckpoint(checkpoint, key);
    const text = checkpointText({ origin, size: head, rootHash: checkpoint.rootHash });
    const note = `${text}\n${signNoteText(text, origin, KeyObject.from(key.privateKey))}`;
    // The tree's new nodes and the checkpoint that signs them land together, or neither does.
    await db.transaction(async (trx) => {
      await tree.write(trx);
      await trx('audit_checkpoints')
        .insert({
          size: head,
          head_hash: checkpoint.headHash,
          root_hash: checkpoint.rootHash,
          signed_at: checkpoint.time,
          key_id: key.kid,
          jws,
          note,
          frontier: JSON.stringify(tree.frontierHex()),
        })
        .onConflict('size')
        .ignore();
    });
    signedSize = head;
    options.logger?.info({ size: head, kid: key.kid }, 'audit checkpoint signed');
    return (await checkpointCovering(db, head))!;
  }

  /**
   * Brings the stored tree up to the newest checkpoint when it is behind: once, after the migration that added it,
   * for a log already signed. The hashes were verified when that checkpoint was signed; the tree's root must
   * still be the signed root, or nothing is written.
   */
  async function growTreeTo(size: number, signedRoot: string | null): Promise<void> {
    const stored = await storedTreeSize(db);
    if (stored >= size) return;
    const tree = await TreeBuilder.load(db, stored);
    for await (const batch of hashesBetween(db, stored, size)) for (const hash of batch) tree.append(hash);
    if (tree.leaves !== size || tree.root() !== signedRoot) throw new ChainBrokenError(stored + 1);
    await tree.write(db);
  }

  /** Signs the log as it stands now: one run at a time, and a call during a run waits for one fresh run after it. */
  function checkpointNow(): Promise<CheckpointRow | null> {
    if (!running) {
      running = signUpToHead()
        .catch(async (error) => {
          if (error instanceof ChainBrokenError) options.onBroken?.(error, await headSeq(db).catch(() => error.seq));
          throw error;
        })
        .finally(() => {
          running = null;
        });
      return running;
    }
    queued ??= running
      .catch(() => null)
      .then(() => {
        queued = null;
        return checkpointNow();
      });
    return queued;
  }

  function inBackground() {
    checkpointNow().catch((error) => {
      options.logger?.error(
        { error: safeError(error), ...(error instanceof ChainBrokenError ? { seq: error.seq } : {}) },
        'audit checkpoint failed',
      );
    });
  }

  return {
    checkpointNow,
    /** The smallest checkpoint covering the entry, signing one now if none does yet. */
    async covering(seq: number): Promise<CheckpointRow | null> {
      return (await checkpointCovering(db, seq)) ?? ((await checkpointNow()) && checkpointCovering(db, seq));
    },
    /** Told by the appender after each commit: signs once `every` entries have gathered since the last checkpoint. */
    noteAppended(seq: number) {
      if (signedSize !== null && (seq - signedSize < options.every || queued)) return;
      void (async () => {
        signedSize ??= Number(
          (await db('audit_checkpoints').max<{ max: number | null }[]>({ max: 'size' }).first())?.max ?? 0,
        );
        if (seq - signedSize >= options.every && !queued) inBackground();
      })().catch((error) => options.logger?.error({ error: safeError(error) }, 'audit checkpoint failed'));
    },
    /** Signs every `seconds` when anything was appended since the last checkpoint, by any process. */
    start() {
      if (timer || options.seconds <= 0) return;
      timer = setInterval(inBackground, options.seconds * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await queued?.catch(() => undefined);
      await running?.catch(() => undefined);
    },
  };
}
export type Checkpointer = ReturnType<typeof createCheckpointer>;
