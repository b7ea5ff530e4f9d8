// The least-privilege role the gateway connects as on PostgreSQL (`npm run db:roles`). Run by the database owner,
// it migrates, then gives the gateway's login role what the gateway does to each table and nothing more: on the
// audit tables SELECT and INSERT only, so a compromised gateway can add to the log but never change, delete or
// truncate it, and, not being the owner, can neither switch the append-only triggers off nor change the schema.
import type { Knex } from 'knex';
import pg from 'pg';
import { migrate } from './migrations.ts';

type Privilege = 'select' | 'insert' | 'update' | 'delete';

/**
 * What the gateway does to each table outside the audit log. A table no entry names, and whose name does not
 * start with `audit_`, makes db:roles stop, so a new migration's table is given its privileges on purpose.
 */
export const tablePrivileges: Record<string, Privilege[]> = {
  // The client register (gateway/clients/): its history only grows, and triggers refuse any change to what it holds.
  clients: ['select', 'insert'],
  client_history: ['select', 'insert'],
  client_kids: ['select', 'insert'],
  // Moved by a trigger on every client change, which runs with the writer's privileges.
  client_register_generation: ['select', 'update'],
  // The register: the default register (a sandbox's first start, or npm run register:load-default), then the register API.
  parties: ['select', 'insert'],
  collaborations: ['select', 'insert'],
  agreements: ['select', 'insert'],
  agreement_versions: ['select', 'insert'],
  // Replacing an unsigned draft's terms adds a row; a trigger refuses it for a signed version.
  agreement_version_terms: ['select', 'insert'],
  agreement_version_events: ['select', 'insert'],
  agreement_reviews: ['select', 'insert'],
  // Joint reviews, sign-offs, improvement actions and their closures only grow.
  joint_reviews: ['select', 'insert'],
  joint_review_sign_offs: ['select', 'insert'],
  improvement_actions: ['select', 'insert'],
  improvement_action_closures: ['select', 'insert'],
  // Extending or lifting a directive adds a revision of it.
  directives: ['select', 'insert'],
  // Moved by a trigger on every register write, which runs with the writer's privileges.
  register_generation: ['select', 'update'],
  // Console sign-ins: sessions are touched, ended and swept; used tokens are swept once they have expired.
  console_sessions: ['select', 'insert', 'update', 'delete'],
  console_token_uses: ['select', 'insert', 'delete'],
  // The register of people is append-only (a trigger refuses the rest); a sign-in attempt is used once and swept.
  console_people_roles: ['select', 'insert'],
  console_sign_in_attempts: ['select', 'insert', 'delete'],
  // Idempotency keys: claimed, settled with the first answer, released when nothing was done, swept after 24 h.
  idempotency_keys: ['select', 'insert', 'update', 'delete'],
  // Figures reported for operations outside the gateway: append-only (a trigger refuses the rest).
  reported_measures: ['select', 'insert'],
  // Batches: records are claimed, completed (their input blanked) and swept with their batch after its retention.
  batches: ['select', 'insert', 'update', 'delete'],
  batch_records: ['select', 'insert', 'update', 'delete'],
  // A batch's callback: claimed, each attempt recorded on it, swept with its batch.
  batch_callbacks: ['select', 'insert', 'update', 'delete'],
  // The gateway reads these to check the schema is current; only the owner migrates.
  knex_migrations: ['select'],
  knex_migrations_lock: ['select'],
  // Archives of old log segments are made by the owner (npm run audit -- archive); the gateway only reads them to verify.
  audit_archives: ['select'],
  audit_archived_hashes: ['select'],
  // Kept by a security-definer trigger on audit_log from each permitted decision; the gateway only reads it.
  audit_cap_usage: ['select'],
};

/** Every audit table (audit_log, audit_checkpoints and those later migrations add): append and read, nothing else. */
const auditPrivileges: Privilege[] = ['select', 'insert'];

export function privilegesFor(table: string): Privilege[] | null {
  return tablePrivileges[table] ?? (table.startsWith('audit_') ? auditPrivileges : null);
}

export class RoleSetupError extends Error {}

export interface RoleSetup {
  role: string;
  password: string;
}
export interface RoleReport {
  role: string;
  created: boolean;
  database: string;
  schema: string;
  tables: { table: string; privileges: Privilege[] }[];
  sequences: string[];
}

const id = pg.escapeIdentifier;
const rows = async <T>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []) =>
  (await db.raw(sql, bindings)).rows as T[];

/** Idempotent: creates the role or resets its password, and replaces its grants with exactly those above. */
export async function setUpGatewayRole(db: Knex, setup: RoleSetup): Promise<RoleReport> {
  const { role } = setup;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new RoleSetupError(
      `the role name "${role}" must be lower-case letters, digits and _ (at most 63), starting with a letter or _`,
    );
  const [me] = await rows<{ user: string; database: string; schema: string; owner: string }>(
    db,
    `
    select current_user as "user", current_database() as database, current_schema() as schema, pg_get_userbyid(d.datdba) as owner
    from pg_database d where d.datname = current_database()`,
  );
  if (!me) throw new RoleSetupError('cannot read the current database');
  if (role === me.user || role === me.owner)
    throw new RoleSetupError(
      `the gateway's role must not be the database owner or the role running db:roles (${role})`,
    );

  await migrate(db);

  const existing = await rows(db, 'select 1 from pg_roles where rolname = ?', [role]);
  if (existing.length > 0) await refuseExtraPowers(db, role);
  await db.transaction(async (trx) => {
    // CREATE ROLE takes no bound parameters; the password goes in as one anyway, and format() quotes it.
    await trx.raw(`select set_config('gateway_roles.role', ?, true), set_config('gateway_roles.password', ?, true)`, [
      role,
      setup.password,
    ]);
    await trx.raw(`do $$ begin
      execute format(case when exists (select 1 from pg_roles where rolname = current_setting('gateway_roles.role'))
                          then 'alter role %I login password %L' else 'create role %I login password %L' end,
                     current_setting('gateway_roles.role'), current_setting('gateway_roles.password'));
    end $$`);
  });

  const report = await db.transaction(async (trx) => {
    const to = `to ${id(role)}`;
    // Start from nothing, so privileges this file no longer grants do not linger from an earlier run.
    await trx.raw(`revoke all on all tables in schema ${id(me.schema)} from ${id(role)}`);
    await trx.raw(`revoke all on all sequences in schema ${id(me.schema)} from ${id(role)}`);
    await trx.raw(`revoke create on schema ${id(me.schema)} from ${id(role)}`);
    await trx.raw(`grant connect on database ${id(me.database)} ${to}`);
    await trx.raw(`grant usage on schema ${id(me.schema)} ${to}`);

    const tables = (
      await rows<{ table: string }>(
        trx,
        'select tablename as "table" from pg_tables where schemaname = ? order by tablename',
        [me.schema],
      )
    ).map((r) => r.table);
    const unknown = tables.filter((t) => privilegesFor(t) === null);
    if (unknown.length > 0) {
      throw new RoleSetupError(
        `db:roles does not know what the gateway may do to ${unknown.join(', ')}: add ${unknown.length === 1 ? 'it' : 'them'} to tablePrivileges in schema/roles.ts`,
      );
    }
    const granted = tables.map((table) => ({ table, privileges: privilegesFor(table)! }));
    for (const { table, privileges } of granted)
      await trx.raw(`grant ${privileges.join(', ')} on table ${id(table)} ${to}`);

    // nextval on the identity sequences of the tables the gateway inserts into.
    const sequences = (
      await rows<{ sequence: string; table: string }>(
        trx,
        `
      select s.relname as sequence, t.relname as "table"
      from pg_class s join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i') join pg_class t on t.oid = d.refobjid
      join pg_namespace n on n.oid = s.relnamespace
      where s.relkind = 'S' and n.nspname = ?`,
        [me.schema],
      )
    )
      .filter((s) => privilegesFor(s.table)?.includes('insert'))
      .map((s) => s.sequence);
    for (const sequence of sequences) await trx.raw(`grant usage on sequence ${id(sequence)} ${to}`);
    return {
      role,
      created: existing.length === 0,
      database: me.database,
      schema: me.schema,
      tables: granted,
      sequences,
    };
  });
  await checkLeastPrivilege(db, report);
  return report;
}

/** A role that was already there may have been given more than a login: refuse rather than quietly keep it. */
async function refuseExtraPowers(db: Knex, role: string) {
  const [r] = await rows<Record<string, boolean>>(
    db,
    `
    select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
           exists (select 1 from pg_auth_members m where m.member = pg_roles.oid) as member,
           exists (select 1 from pg_class c where c.relowner = pg_roles.oid) as owner
    from pg_roles where rolname = ?`,
    [role],
  );
  const powers = Object.entries({
    rolsuper: 'SUPERUSER',
    rolcreaterole: 'CREATEROLE',
    rolcreatedb: 'CREATEDB',
    rolreplication: 'REPLICATION',
    rolbypassrls: 'BYPASSRLS',
    member: 'membership of another role',
    owner: 'tables of its own in this database',
  })
    .filter(([column]) => r?.[column])
    .map(([, name]) => name);
  if (powers.length > 0)
    throw new RoleSetupError(
      `the role ${role} already exists with ${powers.join(', ')}; the gateway's role must have none of these`,
    );
}

/** What the database now says the role may do, checked against the promise in this file's first comment. */
async function checkLeastPrivilege(db: Knex, report: RoleReport) {
  const problems: string[] = [];
  const [schema] = await rows<{ create: boolean }>(db, 'select has_schema_privilege(?, ?, \'CREATE\') as "create"', [
    report.role,
    report.schema,
  ]);
  if (schema?.create)
    problems.push(
      `it may create objects in schema ${report.schema} (through PUBLIC: REVOKE CREATE ON SCHEMA ${report.schema} FROM PUBLIC)`,
    );
  for (const { table } of report.tables.filter((t) => t.table.startsWith('audit_'))) {
    for (const privilege of ['UPDATE', 'DELETE', 'TRUNCATE']) {
      const [r] = await rows<{ allowed: boolean }>(db, 'select has_table_privilege(?, ?, ?) as allowed', [
        report.role,
        `${report.schema}.${table}`,
        privilege,
      ]);
      if (r?.allowed) problems.push(`it may ${privilege} ${table} (through PUBLIC or another grant: revoke it)`);
    }
  }
  if (problems.length > 0)
    throw new RoleSetupError(`the role ${report.role} has more than the gateway needs: ${problems.join('; ')}`);
}
