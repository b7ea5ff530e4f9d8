// Issue 5: "on PostgreSQL the gateway connects as a role with INSERT and SELECT only on the log". `npm run db:roles`,
// run by the owner, makes that role; a real gateway process then serves exchanges, register changes, the console
// and verification as it, while the database itself refuses that role any change to the log: UPDATE, DELETE,
// TRUNCATE, switching the append-only triggers off, or any DDL.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../platform/db/connect.ts';
import { londonDay } from '../../platform/london-day.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';
import { openTestDatabase, serverUrl, type TestDatabase } from '../support/database.ts';
import { deniedRules } from '../support/exchanges.ts';
import {
  adoptTermsThrough,
  processCaller,
  startGatewayProcess,
  stopGatewayProcess,
  type GatewayProcess,
} from '../support/gateway-process.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Roles belong to the whole cluster, not one database: a name of its own, dropped at the end.
const role = `gw_app_${randomBytes(5).toString('hex')}`;
const powerful = `${role}_createdb`;
const password = randomBytes(24).toString('base64url');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-role-'));
const trace = childTraceRequest({ ...fixtures.traceableChild, postcode: currentPostcode(fixtures.traceableChild) });

let database: TestDatabase;
let behind: TestDatabase | null = null;
let gateway: GatewayProcess | null = null;
let asRole: Db;
let entriesBeforeRefusals = 0;

/** `npm run db:roles -- --role <role>` as an operator types it, connected as the database's owner. */
function dbRoles(ownerUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'db:roles', '--', '--role', role],
      { cwd: repo, env: { ...process.env, DATABASE_URL: ownerUrl, GATEWAY_DB_PASSWORD: password } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const roleUrl = (ownerUrl: string) => {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
};

beforeAll(async () => {
  database = await openTestDatabase();
  asRole = connect({ databaseUrl: roleUrl(database.url!), pgliteDir: null });
});

afterAll(async () => {
  await stopGatewayProcess(gateway);
  await asRole?.destroy();
  await database?.drop();
  await behind?.drop();
  const admin = knexFactory({ client: 'pg', connection: serverUrl!, pool: { min: 0, max: 1 } });
  await admin.raw(`drop role if exists ${role}`);
  await admin.raw(`drop role if exists ${powerful}`);
  await admin.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run db:roles', () => {
  it('migrates, and makes a login role that owns nothing and may only read and append to the audit tables', async () => {
    const first = await dbRoles(database.url!);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Role ${role} created`);
    expect(first.stdout).toMatch(/^ {2}audit_log +SELECT, INSERT$/m);
    expect(first.stdout).toMatch(/^ {2}audit_checkpoints +SELECT, INSERT$/m);
    expect(first.stdout).not.toContain(password);

    const [powers] = (
      await database.db.raw(
        `select rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolcanlogin from pg_roles where rolname = ?`,
        [role],
      )
    ).rows;
    expect(powers).toEqual({
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolbypassrls: false,
      rolcanlogin: true,
    });
    const owned = (
      await database.db.raw(`select tablename from pg_tables where schemaname = 'public' and tableowner = ?`, [role])
    ).rows;
    expect(owned).toEqual([]);
    const privileges = (
      await database.db.raw(
        `
      select table_name as "table", string_agg(privilege_type, ',' order by privilege_type) as granted
      from information_schema.role_table_grants where grantee = ? and table_name like 'audit%' group by table_name order by table_name`,
        [role],
      )
    ).rows;
    expect(privileges).toEqual([
      { table: 'audit_archived_hashes', granted: 'SELECT' },
      { table: 'audit_archives', granted: 'SELECT' },
      // Cap counters are kept by a security-definer trigger on the log: the gateway only reads them.
      { table: 'audit_cap_usage', granted: 'SELECT' },
      // What checks of the chain found: a gateway records a break or a DPO's verification, and never changes one.
      { table: 'audit_chain_checks', granted: 'INSERT,SELECT' },
      { table: 'audit_checkpoints', granted: 'INSERT,SELECT' },
      // Witnessed cosignatures, the stored Merkle tree and the witness register: appended to, like the log.
      { table: 'audit_cosignatures', granted: 'INSERT,SELECT' },
      { table: 'audit_log', granted: 'INSERT,SELECT' },
      { table: 'audit_tree_nodes', granted: 'INSERT,SELECT' },
      { table: 'audit_witnesses', granted: 'INSERT,SELECT' },
    ]);
  });

  it('can be run again: the role is kept, its password reset and its grants renewed', async () => {
    const again = await dbRoles(database.url!);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Role ${role} already there`);
    expect((await asRole.raw('select current_user as who')).rows[0].who).toBe(role);
  });

  const refusedRun = (args: string[], env: Record<string, string | undefined>) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        'npm',
        ['run', '--silent', 'db:roles', '--', ...args],
        { cwd: repo, env: { ...process.env, ...env } },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });

  it('refuses to make the database owner the gateway role', async () => {
    const owner = (await database.db.raw('select current_user as who')).rows[0].who as string;
    const refused = await refusedRun(['--role', owner], { DATABASE_URL: database.url!, GATEWAY_DB_PASSWORD: password });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/must not be the database owner/);
    expect(refused.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses an existing role with powers beyond a login, and leaves it as it was', async () => {
    await database.db.raw(`create role ${powerful} login createdb password 'its own password'`);
    const before = (await database.db.raw('select rolpassword from pg_authid where rolname = ?', [powerful])).rows;
    const refused = await refusedRun(['--role', powerful], {
      DATABASE_URL: database.url!,
      GATEWAY_DB_PASSWORD: password,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`the role ${powerful} already exists with CREATEDB`);
    expect((await database.db.raw('select rolpassword from pg_authid where rolname = ?', [powerful])).rows).toEqual(
      before,
    );
    expect(
      (
        await database.db.raw(`select count(*)::int as n from information_schema.role_table_grants where grantee = ?`, [
          powerful,
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  it('refuses a missing password, a short one and a role name that is not a plain identifier, changing nothing', async () => {
    const cases: [string[], Record<string, string | undefined>, RegExp][] = [
      [['--role', `${role}_never`], { GATEWAY_DB_PASSWORD: '' }, /GATEWAY_DB_PASSWORD must be set/],
      [['--role', `${role}_never`], { GATEWAY_DB_PASSWORD: 'short' }, /at least 16 characters/],
      [
        ['--role', 'gw"; drop role postgres; --'],
        { GATEWAY_DB_PASSWORD: password },
        /role name must be lower-case letters/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const refused = await refusedRun(args, { DATABASE_URL: database.url!, ...env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(message);
    }
    expect(
      (
        await database.db.raw('select rolname from pg_roles where rolname in (?, ?)', [
          `${role}_never`,
          cases[2]![0][1]!,
        ])
      ).rows,
    ).toEqual([]);
  });
});

describe('a gateway process connected as that role', () => {
  it('serves exchanges, register changes, the console and verification', async () => {
    gateway = await startGatewayProcess({
      dataDir,
      databaseUrl: roleUrl(database.url!),
      env: { AUDIT_CHECKPOINT_EVERY: '5' },
    });
    const connectedAs = (
      await database.db.raw(
        `select distinct usename from pg_stat_activity where datname = current_database() and usename = ?`,
        [role],
      )
    ).rows;
    expect(connectedAs).toEqual([{ usename: role }]);

    const ie = processCaller(gateway, 'ie-removals-casework');
    for (let i = 0; i < 6; i += 1) {
      const answer = await ie.post(childTracePath, trace);
      expect(answer.status).toBe(200);
      expect(answer.body.auditId).toBeDefined();
    }

    // A register change: a trial agreement with a cap of 2, drafted, amended and signed through the API.
    const today = londonDay(new Date());
    await adoptTermsThrough(
      processCaller(gateway, 'registry-admin'),
      { agreementId: 'ie-dfe-child-tracing-mou', version: '2.0' },
      { agreementId: 'ie-dfe-role-trial', version: '1.0', day: today },
      (t) => ({
        ...t,
        measures: t.measures.map((m: { monthlyCap?: number }) => (m.monthlyCap ? { ...m, monthlyCap: 2 } : m)),
      }),
    );
    const trial = { ...trace, agreementId: 'ie-dfe-role-trial' };
    const answers = [
      await ie.post(childTracePath, trial),
      await ie.post(childTracePath, trial),
      await ie.post(childTracePath, trial),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 403]);
    expect(deniedRules(answers[2]!.body.decision)).toEqual(['monthly-cap']);

    // The console: a sign-in writes a session, each page touches it.
    const form = await fetch(`${gateway.url}/console/sign-in`);
    const nonce = /name="signin" value="([^"]+)"/.exec(await form.text())![1]!;
    const signInCookie = form.headers
      .getSetCookie()
      .find((c) => c.startsWith('gw-console-signin='))!
      .split(';')[0]!;
    const signedIn = await fetch(`${gateway.url}/console/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: signInCookie, origin: gateway.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ signin: nonce, token: await gateway.token('dpo') }),
    });
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('gw-console='))!
      .split(';')[0]!;
    expect((await fetch(`${gateway.url}/console/dpo`, { headers: { cookie: session } })).status).toBe(200);

    const verification = await processCaller(gateway, 'dpo').get('/v1/audit/verification');
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ ok: true, protection: { intact: true } });
    // The default register load, the sandbox's 2 demonstration people given console roles, 6 traces with their
    // outcomes, 5 register changes, 3 trial decisions and 2 outcomes, and the console sign-in.
    expect(verification.body.checked).toBe(1 + 2 + 12 + 5 + 3 + 2 + 1);
    expect(verification.body.checkpointsChecked).toBeGreaterThan(0);
  });

  it('carries on serving after db:roles is run again under it', async () => {
    expect((await dbRoles(database.url!)).code).toBe(0);
    const answer = await processCaller(gateway!, 'ie-removals-casework').post(childTracePath, {
      ...trace,
      agreementId: 'ie-dfe-child-tracing-mou',
    });
    expect(answer.status).toBe(200);
    entriesBeforeRefusals = (await processCaller(gateway!, 'dpo').get('/v1/audit/verification')).body.checked;
  });
});

describe('the database refuses that role', () => {
  const refusals: [string, string, RegExp][] = [
    [
      'UPDATE on the log',
      `update audit_log set recorded_at = now() where seq = 2`,
      /permission denied for table audit_log/,
    ],
    ['DELETE on the log', `delete from audit_log where seq = 2`, /permission denied for table audit_log/],
    ['TRUNCATE on the log', `truncate audit_log`, /permission denied for table audit_log/],
    [
      "switching the log's append-only trigger off",
      `alter table audit_log disable trigger audit_log_no_change`,
      /must be owner of table audit_log/,
    ],
    [
      "switching the log's truncate trigger off",
      `alter table audit_log disable trigger audit_log_no_truncate`,
      /must be owner of table audit_log/,
    ],
    [
      'UPDATE on the checkpoints',
      `update audit_checkpoints set jws = 'forged'`,
      /permission denied for table audit_checkpoints/,
    ],
    ['DELETE on the checkpoints', `delete from audit_checkpoints`, /permission denied for table audit_checkpoints/],
    ['TRUNCATE on the checkpoints', `truncate audit_checkpoints`, /permission denied for table audit_checkpoints/],
    [
      "switching the checkpoints' trigger off",
      `alter table audit_checkpoints disable trigger all`,
      /must be owner of table audit_checkpoints/,
    ],
    ['dropping the log', `drop table audit_log`, /must be owner of table audit_log/],
    ['making a table', `create table shadow_log (seq bigint)`, /permission denied for schema public/],
    [
      'replacing the trigger function',
      `create or replace function audit_log_append_only() returns trigger language plpgsql as $$ begin return new; end $$`,
      /permission denied for schema public/,
    ],
    [
      "rewriting the register's history",
      `delete from agreement_version_events`,
      /permission denied for table agreement_version_events/,
    ],
    [
      'running a migration',
      `insert into knex_migrations (name, batch, migration_time) values ('forged', 99, now())`,
      /permission denied for table knex_migrations/,
    ],
  ];

  it.each(refusals)('%s', async (_what, sql, message) => {
    await expect(asRole.raw(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(message) });
  });

  it('leaves the log as it was, still verifying', async () => {
    const verification = await processCaller(gateway!, 'dpo').get('/v1/audit/verification');
    expect(verification.body).toMatchObject({ ok: true, checked: entriesBeforeRefusals, protection: { intact: true } });
    expect(entriesBeforeRefusals).toBeGreaterThan(0);
  });
});

describe('a gateway connected as that role to a schema that is behind', () => {
  it('stops before serving and says to run db:roles as the owner', async () => {
    behind = await openTestDatabase();
    expect((await dbRoles(behind.url!)).code).toBe(0);
    // As if a new release brought a migration this database has not had.
    const [last] = (await behind.db.raw('select max(name) as name from knex_migrations')).rows as { name: string }[];
    await behind.db('knex_migrations').where('name', last!.name).delete();
    const entries = Number((await behind.db('audit_log').count({ n: '*' }).first())!.n);

    const started = startGatewayProcess({
      dataDir: fs.mkdtempSync(path.join(dataDir, 'behind-')),
      databaseUrl: roleUrl(behind.url!),
    });
    await expect(started).rejects.toThrow(/exited \(2\) before listening/);
    const message = String(await started.catch((error: Error) => error.message));
    expect(message).toContain('The database schema is not up to date');
    expect(message).toContain('Run `npm run db:roles`');
    expect(message).not.toMatch(/\bat .*\.ts:\d+/);
    expect(Number((await behind.db('audit_log').count({ n: '*' }).first())!.n)).toBe(entries);
  });
});
