// A version's review is a joint review (rec 2f; issue 15: "a 'joint' review is recorded by one SRO alone"). The row
// that makes a review the version's review (agreement_reviews: last reviewed, next due) now names the joint review
// whose last sign-off wrote it, and only such rows count. Rows written before by the one-SRO endpoint (now removed)
// stay as they were recorded (the table is append-only), but name no joint review and so no longer count: a review
// held by one party alone never clears an overdue review.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table agreement_reviews add column joint_review_id text unique references joint_reviews (id)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`alter table agreement_reviews drop column joint_review_id`);
}
