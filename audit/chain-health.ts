// Whether the audit chain is known to be broken, for everything that must act on it: exchanges refuse (fail closed:
// the gateway promises that every disclosure is recorded in a log that can be trusted, and a log known to be
// altered cannot be), readiness says so, a signal tells the DPO and SRO, and a Prometheus gauge and counter let an
// alert fire. A break is found by the checkpointer (the entries since the last checkpoint, every minute or so) or
// by a verification of the whole log; it is cleared only by a verification of the whole log that passes, such as
// a DPO runs after restoring the database, never by a checkpoint, which checks only recent entries.
//
// What is found is written to audit_chain_checks (append-only), and every process reads the latest there, so a
// break that one gateway finds stops exchanges on all of them within `refreshSeconds`.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { safeError } from '../platform/logger.ts';
import type { VerificationResult } from './verify.ts';

export type ChainCheckSource = 'checkpointer' | 'verification';

export interface ChainHealth {
  /** broken: a check found the log altered and no full verification has passed since. */
  status: 'broken' | 'not-broken';
  /** When the break was found, or when the last full verification passed (null when neither has happened). */
  since: string | null;
  source: ChainCheckSource | null;
  /** The first entry that does not verify (null when the problem is the database's protection, not an entry). */
  firstBadSeq: number | null;
  /** A sentence for the DPO; names no person. */
  problem: string | null;
}

export interface ChainCheck {
  source: ChainCheckSource;
  ok: boolean;
  head: number;
  firstBadSeq: number | null;
  problem: string | null;
}

const notBroken: ChainHealth = { status: 'not-broken', since: null, source: null, firstBadSeq: null, problem: null };

interface Row {
  n: number | string;
  checked_at: Date | string;
  source: ChainCheckSource;
  ok: boolean;
  first_bad_seq: number | string | null;
  problem: string | null;
}

function healthOf(row: Row | undefined): ChainHealth {
  if (!row) return notBroken;
  return {
    status: row.ok ? 'not-broken' : 'broken',
    since: new Date(row.checked_at).toISOString(),
    source: row.source,
    firstBadSeq: row.first_bad_seq === null ? null : Number(row.first_bad_seq),
    problem: row.problem,
  };
}

/** What a verification of the whole log found, as a check. */
export function checkOf(result: VerificationResult): ChainCheck {
  const problem = result.firstBad
    ? `entry ${result.firstBad.seq}: ${result.firstBad.problem}. ${result.firstBad.detail}`
    : result.ok
      ? null
      : `the database no longer protects the log: ${result.protection.problems.join('; ')}`;
  return {
    source: 'verification',
    ok: result.ok,
    head: result.head,
    firstBadSeq: result.firstBad?.seq ?? null,
    problem,
  };
}

export interface ChainHealthOptions {
  clock?: () => Date;
  logger?: Pick<Logger, 'error' | 'warn'>;
  /** How often each process reads what the others found; 0 reads only when asked (readiness, tests). */
  refreshSeconds?: number;
}

export function createChainHealth(db: Knex, options: ChainHealthOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  let current: ChainHealth = notBroken;
  let timer: NodeJS.Timeout | null = null;
  const listeners: ((check: ChainCheck) => void)[] = [];

  /**
   * The state is decided by the latest failing check of any kind against the latest passing full verification:
   * whichever is later. A passing checkpoint is not written (it would clear nothing).
   */
  async function refresh(): Promise<ChainHealth> {
    const [failed, passed] = await Promise.all([
      db<Row>('audit_chain_checks').where({ ok: false }).orderBy('n', 'desc').first(),
      db<Row>('audit_chain_checks').where({ ok: true, source: 'verification' }).orderBy('n', 'desc').first(),
    ]);
    const latest = [failed, passed]
      .filter((r): r is Row => r !== undefined)
      .sort((a, b) => Number(b.n) - Number(a.n))[0];
    current = healthOf(latest);
    return current;
  }

  async function record(check: ChainCheck): Promise<ChainHealth> {
    for (const listener of listeners) listener(check);
    // A checkpointer that keeps finding the same break is not news; a DPO's verification always is.
    const news =
      check.source === 'verification' ||
      (!check.ok && (current.status !== 'broken' || current.firstBadSeq !== check.firstBadSeq));
    if (!news) return current;
    if (!check.ok)
      options.logger?.error(
        { source: check.source, firstBadSeq: check.firstBadSeq },
        'the audit chain does not verify: exchanges are refused until a verification of the whole log passes',
      );
    await db('audit_chain_checks').insert({
      checked_at: clock().toISOString(),
      source: check.source,
      ok: check.ok,
      head: check.head,
      first_bad_seq: check.firstBadSeq,
      problem: check.problem,
    });
    return refresh();
  }

  return {
    /** As last read or found by this process: cheap enough for every exchange. */
    current: () => current,
    refresh,
    record,
    /** A verification of the whole log, recorded: a pass clears a break, a failure raises one. */
    async verified(result: VerificationResult): Promise<VerificationResult> {
      await record(checkOf(result));
      return result;
    },
    /** Told of every check as it is made (the metrics count failures). */
    onCheck(listener: (check: ChainCheck) => void) {
      listeners.push(listener);
    },
    start() {
      const seconds = options.refreshSeconds ?? 0;
      void refresh().catch((error) =>
        options.logger?.warn({ error: safeError(error) }, "could not read the audit chain's checks"),
      );
      if (timer || seconds <= 0) return;
      timer = setInterval(() => {
        refresh().catch((error) =>
          options.logger?.warn({ error: safeError(error) }, "could not read the audit chain's checks"),
        );
      }, seconds * 1000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type ChainHealthMonitor = ReturnType<typeof createChainHealth>;
