// Every module's migrations, in name order, listed statically so they run the same under tsx, vitest and a build.
import type { Knex } from 'knex';
import * as auditLog from '../../audit/migrations/20261123100200_audit_log.ts';
import * as auditCheckpoints from '../../audit/migrations/20261123110000_audit_checkpoints.ts';
import * as auditSearchIndexes from '../../audit/migrations/20261123110100_audit_search_indexes.ts';
import * as auditCanonicalBody from '../../audit/migrations/20261123110200_audit_canonical_body.ts';
import * as auditFeedbackKind from '../../audit/migrations/20261124090000_audit_feedback_kind.ts';
import * as auditArchives from '../../audit/migrations/20261202120000_audit_archives.ts';
import * as auditLookupsAndCapUsage from '../../audit/migrations/20261207100000_audit_lookups_and_cap_usage.ts';
import * as auditDeniedRulesIndex from '../../audit/migrations/20261207130100_audit_denied_rules_index.ts';
import * as auditSearchColumnsOneParse from '../../audit/migrations/20261207130200_audit_search_columns_one_parse.ts';
import * as auditConsoleAccessKind from '../../audit/migrations/20261207160100_audit_console_access_kind.ts';
import * as auditChainChecks from '../../audit/migrations/20261207170000_audit_chain_checks.ts';
import * as auditTransparency from '../../audit/migrations/20261207180000_audit_transparency.ts';
import * as auditObligationConfirmationKind from '../../audit/migrations/20261207200000_audit_obligation_confirmation_kind.ts';
import * as auditRequestIdIndex from '../../audit/migrations/20261207210100_audit_request_id_index.ts';
import * as consoleSessions from '../console/migrations/20261124090100_console_sessions.ts';
import * as consolePeople from '../console/migrations/20261207160000_console_people.ts';
import * as register from '../../mou-registry/migrations/20261123100100_register.ts';
import * as registerGeneration from '../../mou-registry/migrations/20261202100000_register_generation.ts';
import * as registerRecordTime from '../../mou-registry/migrations/20261207130000_register_record_time.ts';
import * as jointReviews from '../../mou-registry/migrations/20261207190000_joint_reviews.ts';
import * as clients from './migrations/20261123100000_clients.ts';
import * as idempotencyKeys from './migrations/20261207140000_idempotency_keys.ts';
import * as clientHistory from './migrations/20261207150000_client_history.ts';
import * as reportedMeasures from '../measures/migrations/20261207200100_reported_measures.ts';
import * as batches from '../batches/migrations/20261207210000_batches.ts';

const migrations: Record<string, Knex.Migration> = {
  '20261123100000_clients': clients,
  '20261123100100_register': register,
  '20261123100200_audit_log': auditLog,
  '20261123110000_audit_checkpoints': auditCheckpoints,
  '20261123110100_audit_search_indexes': auditSearchIndexes,
  '20261123110200_audit_canonical_body': auditCanonicalBody,
  '20261124090000_audit_feedback_kind': auditFeedbackKind,
  '20261124090100_console_sessions': consoleSessions,
  '20261202100000_register_generation': registerGeneration,
  '20261202120000_audit_archives': auditArchives,
  '20261207100000_audit_lookups_and_cap_usage': auditLookupsAndCapUsage,
  '20261207130000_register_record_time': registerRecordTime,
  '20261207130100_audit_denied_rules_index': auditDeniedRulesIndex,
  '20261207130200_audit_search_columns_one_parse': auditSearchColumnsOneParse,
  '20261207160000_console_people': consolePeople,
  '20261207160100_audit_console_access_kind': auditConsoleAccessKind,
  '20261207170000_audit_chain_checks': auditChainChecks,
  '20261207140000_idempotency_keys': idempotencyKeys,
  '20261207150000_client_history': clientHistory,
  '20261207180000_audit_transparency': auditTransparency,
  '20261207190000_joint_reviews': jointReviews,
  '20261207200000_audit_obligation_confirmation_kind': auditObligationConfirmationKind,
  '20261207200100_reported_measures': reportedMeasures,
  '20261207210000_batches': batches,
  '20261207210100_audit_request_id_index': auditRequestIdIndex,
};

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

/**
 * The schema cannot be brought up to date by the role connected: the gateway runs as a least-privilege role
 * (`npm run db:roles`), which may not change the schema, and migrations are pending.
 */
export class SchemaBehindError extends Error {
  constructor(cause: string) {
    super(`The database schema is not up to date, and the database role the gateway connects as may not change it (${cause}). `
      + 'Run `npm run db:roles` with DATABASE_URL naming the database owner: it runs the migrations and grants the gateway\'s role what it needs. Then start the gateway again.');
  }
}

/** SQLSTATE 42501: insufficient_privilege. */
const notAllowed = (error: unknown) => (error as { code?: unknown } | null)?.code === '42501';

/**
 * Runs the pending migrations. When none are pending it only reads, so a gateway connected as a role without DDL
 * rights starts on a current schema, and stops with a SchemaBehindError on one that is not.
 */
export async function migrate(db: Knex): Promise<void> {
  let pending: number;
  try {
    pending = await pendingMigrations(db);
  } catch (error) {
    // On a database never migrated, knex makes its own tables first: a role without DDL rights is refused there.
    if (notAllowed(error)) throw new SchemaBehindError((error as Error).message);
    throw error;
  }
  if (pending === 0) return;
  const [may] = (await db.raw(`select has_schema_privilege(current_schema(), 'CREATE') as "create"`)).rows as { create: boolean }[];
  if (!may?.create) throw new SchemaBehindError(`${pending} migration${pending === 1 ? '' : 's'} pending`);
  await db.migrate.latest({ migrationSource: source });
}

export async function pendingMigrations(db: Knex): Promise<number> {
  const [, pending] = (await db.migrate.list({ migrationSource: source })) as [unknown[], unknown[]];
  return pending.length;
}
