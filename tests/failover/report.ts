// The failover run's result as bench/results/<time>-failover.md: what happened, the counts, the timings, and the
// three checks with what each tool said.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandRun } from '../support/commands.ts';
import type { Seen } from './load.ts';

export interface Outcome {
  workers: number;
  setupMs: number;
  loadMs: number;
  seen: Seen[];
  killedAt: number;
  promotedAt: number;
  firstAfter: number;
  processesKilled: number;
  head: number;
  answered: number;
  missingDecisions: number;
  missingOutcomes: number;
  verify: CommandRun;
  verification: { ok?: boolean; witnesses?: unknown[] };
  cosignedBefore: number[];
  cosigned: { size: number; rootHash: string };
  witnessAfter: CommandRun;
  offline: CommandRun;
  olderRootMatches: boolean;
  newerSize: number;
  /** Entries the lost primary committed locally that the promoted log lacks, and how many of them a client saw answered. */
  onlyOnLost: number;
  answeredOnlyOnLost: number;
}

const tally = (seen: Seen[]) => {
  const counts = new Map<string, number>();
  for (const s of seen) {
    const key = `${s.status}${s.code ? ` ${s.code}` : ''}${s.auditId && s.status !== 200 ? ' (with an auditId)' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    [...counts]
      .sort()
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ') || 'none'
  );
};
const lines = (run: CommandRun) =>
  `${run.stdout}${run.stderr}`
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

export function writeReport(repo: string, o: Outcome): { file: string; passed: boolean } {
  const inLog = o.missingDecisions === 0 && o.missingOutcomes === 0 && o.answered > 0;
  const chain = o.verify.code === 0 && o.verification.ok === true;
  const consistent =
    o.witnessAfter.code === 0 &&
    o.witnessAfter.stdout.includes(`consistent with ${o.cosigned.size}`) &&
    o.offline.code === 0 &&
    o.olderRootMatches;
  const passed = inLog && chain && consistent;
  const before = o.seen.filter((s) => s.answeredAt < o.killedAt);
  const outage = o.seen.filter((s) => s.answeredAt >= o.killedAt && s.answeredAt < o.firstAfter);
  const after = o.seen.filter((s) => s.answeredAt >= o.firstAfter);
  const mark = (ok: boolean) => (ok ? 'yes' : '**NO**');
  const now = new Date();
  const stamp = now.toISOString().slice(0, 16).replace(/[T:]/g, '-');
  const text = `# Failover: losing the PostgreSQL primary under load, ${now.toISOString()}

Command: \`npm run test:failover\` (tests/failover/run.ts). ${passed ? '**Passed.**' : '**FAILED.**'}
Machine: ${os.cpus().length} cores shared with other work; load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}.

## What happened

1. Two PostgreSQL 15 servers from Debian's binaries, as the \`postgres\` user in a temporary directory: a primary and a
   standby streaming its WAL, named in the primary's \`synchronous_standby_names\` (\`synchronous_commit = on\`), so a
   commit returns only once the standby has it on disk. The gateway (one \`gateway/main.ts\` process, with its sandbox
   partners) is given one database address that points at the primary, as Patroni's HAProxy or a managed
   PostgreSQL's writer endpoint would be. Set-up, migrations and start: ${(o.setupMs / 1000).toFixed(1)} s.
2. ${o.workers} clients (\`dwp-benefits\`) called \`dwp.status-check\` without pause; a witness
   (\`npm run witness\`'s command, own Ed25519 key, registered by an administrator) cosigned checkpoints of
   ${o.cosignedBefore.join(', ')} entries; the last it cosigned before the loss: **${o.cosigned.size}** entries.
3. Still under load, every process of the primary (${o.processesKilled}: postmaster and backends) was killed with SIGKILL;
   \`pg_ctl promote\` on the standby returned and it accepted writes ${o.promotedAt - o.killedAt} ms later, and the address was
   moved to it. The gateway was not restarted: its pool reconnected. First exchange answered after the loss:
   ${((o.firstAfter - o.killedAt) / 1000).toFixed(2)} s after the kill. (Promotion here is immediate; Patroni first waits for
   its leader lock to expire, 30 s by default, so a real outage is that much longer.)
4. Load went on until ${o.seen.filter((s) => s.status === 200 && s.at >= o.promotedAt).length} exchanges had been answered by the promoted server; ${(o.loadMs / 1000).toFixed(1)} s of load in all.

| | requests | as the clients saw them |
|---|---|---|
| answered before the kill | ${before.length} | ${tally(before)} |
| answered between the kill and the first disclosure to a request sent after it | ${outage.length} | ${tally(outage)} |
| answered after | ${after.length} | ${tally(after)} |

## The three checks, on the promoted server

| | holds | |
|---|---|---|
| every exchange a client saw answered is in the promoted log | ${mark(inLog)} | ${o.answered} answers carried an auditId; ${o.missingDecisions} of them name no entry of the promoted log (a 200 or 403 its decision, a 503 the lookup recorded before it), and ${o.missingOutcomes} disclosures (200) have no outcome. The log holds ${o.head} entries. |
| the chain verifies | ${mark(chain)} | \`npm run audit -- verify\` on the promoted server exited ${o.verify.code}; \`GET /v1/audit/verification\` said ok: ${String(o.verification.ok)} |
| the last checkpoint the witness cosigned is consistent with the promoted log | ${mark(consistent)} | the witness, run again, exited ${o.witnessAfter.code}; \`npm run audit -- verify-consistency\` from ${o.cosigned.size} to ${o.newerSize} entries exited ${o.offline.code}; the promoted log's checkpoint of ${o.cosigned.size} entries has the root the witness remembers: ${String(o.olderRootMatches)} |

## The lost primary's disk

Brought up alone after the test (crash recovery, on a new port), ${
    o.onlyOnLost === 0
      ? 'the lost primary holds no entry the promoted log lacks: in this run nothing had been committed locally and left unacknowledged when it was killed.'
      : `the lost primary holds ${o.onlyOnLost} entries the promoted log lacks: commits it wrote locally while it waited for the standby's acknowledgement when it was killed. ${o.answeredOnlyOnLost} of them were answered to a client (an answer waits for the standby). Its log has forked from the promoted one.`
  }
Either way it is rewound (\`pg_rewind\`) or rebuilt from the new primary before it serves again, never promoted as it is.

\`npm run audit -- verify\`:

${lines(o.verify)}

The witness after the failover:

${lines(o.witnessAfter)}

\`npm run audit -- verify-consistency\`:

${lines(o.offline)}
`;
  const file = path.join(repo, 'bench', 'results', `${stamp}-failover.md`);
  fs.writeFileSync(file, text);
  return { file, passed };
}
