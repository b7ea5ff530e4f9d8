// The database's one migration history: every folder's migrations, in the order knex runs them. Each folder keeps
// its own migration files; this list is the only place that names them all, so platform/ can run them without
// knowing the domains, and the domains can bring a database up to date without importing the gateway.
import type { Knex } from 'knex';
import { migrate as migrateTo, pendingMigrations as pendingOf, type Migrations } from '../platform/db/migrate.ts';
import * as auditLog from '../audit/migrations/20261123100200_audit_log.ts';
import * as auditCheckpoints from '../audit/migrations/20261123110000_audit_checkpoints.ts';
import * as auditSearchIndexes from '../audit/migrations/20261123110100_audit_search_indexes.ts';
import * as auditCanonicalBody from '../audit/migrations/20261123110200_audit_canonical_body.ts';
import * as auditFeedbackKind from '../audit/migrations/20261124090000_audit_feedback_kind.ts';
import * as auditArchives from '../audit/migrations/20261202120000_audit_archives.ts';
import * as auditLookupsAndCapUsage from '../audit/migrations/20261207100000_audit_lookups_and_cap_usage.ts';
import * as auditDeniedRulesIndex from '../audit/migrations/20261207130100_audit_denied_rules_index.ts';
import * as auditSearchColumnsOneParse from '../audit/migrations/20261207130200_audit_search_columns_one_parse.ts';
import * as auditConsoleAccessKind from '../audit/migrations/20261207160100_audit_console_access_kind.ts';
import * as auditChainChecks from '../audit/migrations/20261207170000_audit_chain_checks.ts';
import * as auditTransparency from '../audit/migrations/20261207180000_audit_transparency.ts';
import * as auditObligationConfirmationKind from '../audit/migrations/20261207200000_audit_obligation_confirmation_kind.ts';
import * as auditRequestIdIndex from '../audit/migrations/20261207210100_audit_request_id_index.ts';
import * as consoleSessions from '../gateway/console/migrations/20261124090100_console_sessions.ts';
import * as consolePeople from '../gateway/console/migrations/20261207160000_console_people.ts';
import * as register from '../mou-registry/migrations/20261123100100_register.ts';
import * as registerGeneration from '../mou-registry/migrations/20261202100000_register_generation.ts';
import * as registerRecordTime from '../mou-registry/migrations/20261207130000_register_record_time.ts';
import * as jointReviews from '../mou-registry/migrations/20261207190000_joint_reviews.ts';
import * as clients from '../gateway/db/migrations/20261123100000_clients.ts';
import * as idempotencyKeys from '../platform/db/migrations/20261207140000_idempotency_keys.ts';
import * as clientHistory from '../gateway/db/migrations/20261207150000_client_history.ts';
import * as reportedMeasures from '../gateway/measures/migrations/20261207200100_reported_measures.ts';
import * as batches from '../gateway/batches/migrations/20261207210000_batches.ts';
import * as clientCallbackUrls from '../gateway/db/migrations/20261207220000_client_callback_urls.ts';
import * as batchCallbacks from '../gateway/batches/migrations/20261207220100_batch_callbacks.ts';
import * as reviewsCountWhenJoint from '../mou-registry/migrations/20261207230500_reviews_count_when_joint.ts';

export const migrations: Migrations = {
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
  '20261207220000_client_callback_urls': clientCallbackUrls,
  '20261207220100_batch_callbacks': batchCallbacks,
  '20261207230500_reviews_count_when_joint': reviewsCountWhenJoint,
};

/** Runs the pending migrations (platform/db/migrate.ts says when a role without DDL rights may start). */
export const migrate = (db: Knex): Promise<void> => migrateTo(db, migrations);

export const pendingMigrations = (db: Knex): Promise<number> => pendingOf(db, migrations);
