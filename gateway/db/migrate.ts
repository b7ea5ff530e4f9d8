// Every module's migrations, in name order, listed statically so they run the same under tsx, vitest and a build.
import type { Knex } from 'knex';
import * as auditLog from '../../audit/migrations/20261123100200_audit_log.ts';
import * as auditCheckpoints from '../../audit/migrations/20261123110000_audit_checkpoints.ts';
import * as auditSearchIndexes from '../../audit/migrations/20261123110100_audit_search_indexes.ts';
import * as auditCanonicalBody from '../../audit/migrations/20261123110200_audit_canonical_body.ts';
import * as auditFeedbackKind from '../../audit/migrations/20261124090000_audit_feedback_kind.ts';
import * as auditArchives from '../../audit/migrations/20261202120000_audit_archives.ts';
import * as consoleSessions from '../console/migrations/20261124090100_console_sessions.ts';
import * as register from '../../mou-registry/migrations/20261123100100_register.ts';
import * as registerGeneration from '../../mou-registry/migrations/20261202100000_register_generation.ts';
import * as clients from './migrations/20261123100000_clients.ts';

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
};

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

export async function migrate(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource: source });
}

export async function pendingMigrations(db: Knex): Promise<number> {
  const [, pending] = (await db.migrate.list({ migrationSource: source })) as [unknown[], unknown[]];
  return pending.length;
}
