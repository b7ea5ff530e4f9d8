// Decisions by request id: how a batch record taken up again after a crash finds what was already decided for it
// (audit/request-decisions.ts), so that it is never decided, counted or sent twice.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `create index audit_log_request_id on audit_log ((body->>'requestId')) where kind in ('decision', 'lookup')`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index audit_log_request_id');
}
