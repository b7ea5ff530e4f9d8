// `npm run audit -- <command>` as a DPO or operator runs it: a separate process on the gateway's database (or on a
// file alone), answering with an exit code and one plain line, never a stack trace (issue 5).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainHealth } from '../../audit/chain-health.ts';
import { fileKeyRing } from '../../audit/signing-keys.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';
import { serverUrl } from '../support/database.ts';
import { startGatewayProcess } from '../support/gateway-process.ts';
import { runShell, stackFrame } from '../support/commands.ts';
import { openCliDatabase, runCli, type CliDatabase } from './cli-database.ts';

let log: CliDatabase;
let size: number;
const file = (name: string) => path.join(log.dataDir, name);
/** The key set the gateway publishes now, as a file a DPO holds. */
async function keysFile() {
  fs.writeFileSync(file('keys.json'), JSON.stringify(await fileKeyRing(log.keysDir).jwks()));
  return file('keys.json');
}

beforeAll(async () => {
  log = await openCliDatabase();
  await log.grow(40, new Date('2019-03-01T10:00:00Z'));
  await log.grow(40);
  size = await log.use(async (db) => Number((await db('audit_log').max({ m: 'seq' }).first())!.m));
}, 120_000);
afterAll(() => log.close());

describe('verify', () => {
  it('verifies an untouched log: exit 0, a plain summary, and progress on stderr', async () => {
    const run = await runCli(['verify', '--progress-ms', '0'], log.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`ok: ${size} entries verified up to entry ${size}, against 2 signed checkpoints.\n`);
    expect(run.stderr).toMatch(
      new RegExp(`^verify: ${size} entries checked of ${size}, [\\d,]+ entries checked/s$`, 'm'),
    );
  });

  it('prints no progress line for a run done in one step at the default interval', async () => {
    const run = await runCli(['verify'], log.env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('says in one line that the database cannot be reached', async () => {
    const run = await runCli(['verify', '--jwks', path.join(log.keysDir, '..', 'none.json')], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`verify: there is no file ${path.join(log.dataDir, 'none.json')}\n`);
    const unreachable = await runCli(['verify', '--jwks', await keysFile()], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^verify: cannot reach the database \(ECONNREFUSED\)[^\n]*\n$/);
    expect(unreachable.stdout).toBe('');
  });

  it('records what it finds for the gateways: a superuser edit stops exchanges, a pass once restored resumes them', async () => {
    const seq = await log.use(async (db) => Number((await db('audit_log').max({ m: 'seq' }).first())!.m));
    const original = await log.use(async (db) =>
      String((await db('audit_log').where({ seq }).first('body_canonical')).body_canonical),
    );
    const edit = (text: string) =>
      log.use(async (db) => {
        await db.raw('alter table audit_log disable trigger user');
        await db.raw('update audit_log set body_canonical = ? where seq = ?', [text, seq]);
        await db.raw('alter table audit_log enable trigger user');
      });
    const health = () => log.use((db) => createChainHealth(db).refresh());
    await edit(JSON.stringify({ ...JSON.parse(original), note: 'changed by a superuser' }));
    expect((await runCli(['verify'], log.env)).stdout).toMatch(new RegExp(`^FAILED at entry ${seq} `));
    expect(await health()).toMatchObject({ status: 'broken', source: 'verification', firstBadSeq: seq });
    await edit(original);
    expect((await runCli(['verify'], log.env)).code).toBe(0);
    expect(await health()).toMatchObject({ status: 'not-broken', source: 'verification' });
  }, 180_000);
});

describe('export and verify-export', () => {
  it('streams the whole log to a file that verifies offline, with progress on stderr', async () => {
    const run = await runCli(['export', '--out', file('all.jsonl'), '--progress-ms', '0'], log.env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^export: \d+ entries written of \d+/m);
    expect(run.stderr).toContain(`export: ${size} entries written to ${file('all.jsonl')}`);
    expect(fs.readFileSync(file('all.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(size + 1);

    const check = await runCli(['verify-export', file('all.jsonl'), '--jwks', await keysFile()], {});
    expect(check).toMatchObject({
      code: 0,
      stdout: `ok: ${size} entries verified, signatures checked against the key set given.\n`,
    });
    const embedded = await runCli(['verify-export', file('all.jsonl')], {});
    expect(embedded.stdout).toContain('the keys the file itself carries');
  });

  it('exports a time range as CSV to stdout', async () => {
    const run = await runCli(['export', '--format', 'csv', '--to', '2020-01-01'], log.env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# \{"manifest":/);
    expect(lines[1]).toBe('seq,id,recordedAt,kind,prevHash,hash,body');
    expect(lines.slice(2).every((l) => l.includes('2019-03-01T10:00:00.000Z'))).toBe(true);
    fs.writeFileSync(file('old.csv'), run.stdout);
    expect((await runCli(['verify-export', file('old.csv')], {})).code).toBe(0);
  });

  it('names the first bad entry of an edited file', async () => {
    const lines = fs.readFileSync(file('all.jsonl'), 'utf8').split('\n');
    lines[9] = lines[9]!.replace('"party":"home-office-ie"', '"party":"hmrc"');
    fs.writeFileSync(file('edited.jsonl'), lines.join('\n'));
    const run = await runCli(['verify-export', file('edited.jsonl'), '--jwks', await keysFile()], {});
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAILED at entry 9 \(edited\): entry 9 no longer matches its hash\n$/);
  });

  it.each([
    ['| head -1', 'head -1', 1],
    ['| true, which reads nothing', 'true', 0],
  ])('stops quietly with exit 0 when the reader closes the pipe early (%s)', async (_what, reader, lines) => {
    // As an operator's shell runs it: PIPESTATUS[0] is the export's own exit code.
    const script = `node --import tsx audit/cli/main.ts export | ${reader}; echo "export exited \${PIPESTATUS[0]}" >&2`;
    const run = await runShell(script, log.env);
    // Progress may come first (at most once a second); no EPIPE, no stack, no claim that everything was written.
    expect(run.stderr).toMatch(/(^|\n)export exited 0\n$/);
    expect(run.stderr).not.toMatch(/EPIPE|entries written\n/);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(lines);
    if (lines > 0) expect(run.stdout).toMatch(/^\{"manifest":/);
  });

  it('refuses bad options, a missing file and a file that is not JSON in one line each', async () => {
    expect(await runCli(['export', '--format', 'xml'], log.env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^export: --format must be jsonl or csv\nusage: /),
    });
    expect(await runCli(['export', '--from', 'yesterday'], log.env)).toMatchObject({ code: 2 });
    expect(await runCli(['verify-export', file('missing.jsonl')], {})).toMatchObject({
      code: 1,
      stderr: `verify-export: there is no file ${file('missing.jsonl')}\n`,
    });
    fs.writeFileSync(file('not-json.txt'), 'hello');
    expect(await runCli(['verify-receipt', file('not-json.txt')], {})).toMatchObject({
      code: 1,
      stderr: `verify-receipt: ${file('not-json.txt')} is not JSON, so it cannot be a receipt\n`,
    });
  });
});

describe('usage', () => {
  it.each([[['--help']], [['-h']], [['help']]])(
    'prints the usage on stdout and exits 0 when asked for it: %j',
    async (args) => {
      const run = await runCli(args, {});
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^usage: npm run --silent audit -- <command>/);
      expect(run.stdout).toContain('  export [--format jsonl|csv]');
    },
  );

  it("prints a command's usage on stdout and exits 0 when asked for it", async () => {
    const run = await runCli(['export', '--help'], {});
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage: npm run --silent audit -- export \[--format jsonl\|csv\]/);
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['verify', '--bogus']],
    [['verify-export']],
    [['archive', '--before', '2019-01-01']],
  ])('prints the usage on stderr and exits 2 for %j', async (args) => {
    const run = await runCli(args, log.env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/usage: npm run --silent audit -- /);
    expect(run.stderr).not.toMatch(stackFrame);
  });
});

describe('rotate-key', () => {
  it('makes a new key sign the next checkpoint while the old ones stay published', async () => {
    const before = (await fileKeyRing(log.keysDir).jwks()).keys.map((k) => k.kid);
    const run = await runCli(['rotate-key'], log.env);
    expect(run.code).toBe(0);
    const after = (await fileKeyRing(log.keysDir).jwks()).keys.map((k) => k.kid);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(run.stdout).toContain(`key ${after[after.length - 1]} now signs checkpoints`);
    await log.grow(10);
    const signedWith = await log.use(
      async (db) => (await db('audit_checkpoints').orderBy('size', 'desc').first()).key_id,
    );
    expect(signedWith).toBe(after[after.length - 1]);
    expect((await runCli(['verify'], log.env)).stdout).toMatch(/^ok: .* against 3 signed checkpoints\.\n$/);
  });
});

describe('archive', () => {
  it('moves the old segment to a file that verifies offline, and the rest of the log still verifies', async () => {
    const run = await runCli(['archive', '--before', '2020-01-01', '--out', file('archives')], log.env);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^ok: entries 1–\d+ \(\d+\) archived to .*audit-archive-1-\d+\.jsonl \(sha256 [0-9a-f]{64}\) and removed from the database\.\n$/,
    );
    const [archive] = fs.readdirSync(file('archives'));
    expect(
      (await runCli(['verify-export', path.join(file('archives'), archive!), '--jwks', await keysFile()], {})).code,
    ).toBe(0);
    const verified = await runCli(['verify'], log.env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/after entries 1–\d+ archived/);
    // The files and the database together: the whole log from entry 1.
    const whole = await runCli(['verify', '--archives', file('archives')], log.env);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toMatch(
      /^ok: \d+ entries verified up to entry \d+, against \d+ signed checkpoints, and \d+ archived entries in 1 archive files\.\n$/,
    );
    const archived = path.join(file('archives'), archive!);
    const original = fs.readFileSync(archived, 'utf8');
    fs.writeFileSync(archived, original.replace('"home-office-ie"', '"hmrc"'));
    const edited = await runCli(['verify', '--archives', file('archives')], log.env);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toBe(
      `FAILED at entry 1 (archive ${archive}): the file is not the one archived: its SHA-256 differs from the one recorded\n`,
    );
    fs.writeFileSync(archived, original);

    const again = await runCli(['archive', '--before', '2020-01-01', '--out', file('archives')], log.env);
    expect(again).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^nothing archived: entries up to \d+ are archived already/),
    });
    // Seven CLI processes, each starting tsx: on a busy 2-core machine that is more than the default 30 s.
  }, 90_000);

  it('refuses to archive entries younger than the retention period', async () => {
    const run = await runCli(['archive', '--before', new Date().toISOString(), '--out', file('archives')], log.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^archive: entries stay in the database for 2190 days \(AUDIT_RETENTION_DAYS\)/);
  });
});

describe('tampering', () => {
  it('exits 1 naming the first bad entry when a row was edited as the superuser with the trigger off', async () => {
    const target = size - 5;
    await log.use(async (db) => {
      await db.raw('alter table audit_log disable trigger user');
      await db.raw(
        `update audit_log set body_canonical = replace(body_canonical, '"party":"home-office-ie"', '"party":"hmrc"') where seq = ?`,
        [target],
      );
      await db.raw('alter table audit_log enable trigger user');
    });
    const run = await runCli(['verify'], log.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`^FAILED at entry ${target} \\(edited\\): entry ${target} no longer matches its hash\\n`),
    );
    expect(run.stderr).not.toMatch(stackFrame);
  });
});

describe('verify-receipt', () => {
  it('checks a receipt fetched from a running gateway against its published keys', async () => {
    const other = await openCliDatabase();
    const gateway = await startGatewayProcess({
      dataDir: other.dataDir,
      databaseUrl: serverUrl === null ? null : other.env.DATABASE_URL!,
    });
    try {
      const child = fixtures.traceableChild;
      const token = await gateway.token('ie-removals-casework');
      const traced = await fetch(gateway.url + childTracePath, {
        method: 'POST',
        body: JSON.stringify(childTraceRequest({ ...child, postcode: currentPostcode(child) })),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
      const { auditId } = (await traced.json()) as { auditId: string };
      const receipt = await fetch(`${gateway.url}/v1/audit/receipts/${auditId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(receipt.status).toBe(200);
      const receiptFile = path.join(other.dataDir, 'receipt.json');
      fs.writeFileSync(receiptFile, await receipt.text());

      const run = await runCli(
        ['verify-receipt', receiptFile, '--jwks', `${gateway.url}/.well-known/audit-keys.json`],
        {},
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^ok: entry \d+ is in the log of \d+ entries signed at /);
      // Without --jwks, the keys under the gateway's data directory.
      expect((await runCli(['verify-receipt', receiptFile], { GATEWAY_DATA_DIR: other.dataDir })).code).toBe(0);

      const forged = JSON.parse(fs.readFileSync(receiptFile, 'utf8'));
      forged.entry.body.decision = forged.entry.body.decision === 'permit' ? 'deny' : 'permit';
      fs.writeFileSync(receiptFile, JSON.stringify(forged));
      expect(
        await runCli(['verify-receipt', receiptFile, '--jwks', `${gateway.url}/.well-known/audit-keys.json`], {}),
      ).toMatchObject({ code: 1, stdout: 'FAILED: the entry does not match its hash\n' });
    } finally {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
      await other.close();
    }
  }, 120_000);
});
