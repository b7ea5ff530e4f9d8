// What a party's report about an exchange (feedback, a completion) checks in the log before it is appended: the
// decision, its outcome, what was reported on it before. Run in the appending transaction, under the chain lock.
import type { Knex } from 'knex';
import { stored, type EntryKind, type StoredBody, type StoredKindAndBody } from './types.ts';

type Db = Knex | Knex.Transaction;

/** The entry with this id: its kind, its body typed by the kind, and when it was recorded; null when there is none. */
export async function entryById(db: Db, id: string): Promise<(StoredKindAndBody & { recordedAt: Date }) | null> {
  const row = await db('audit_log').where({ id }).first('kind', 'body', 'recorded_at');
  return row ? { ...stored(row.kind as EntryKind, row.body), recordedAt: new Date(row.recorded_at) } : null;
}

/** The body of an outcome entry of the decision; null when the partner's outcome was never recorded. */
export async function outcomeOf(db: Db, decisionId: string): Promise<StoredBody<'outcome'> | null> {
  const row = await db('audit_log').where({ decision_id: decisionId, kind: 'outcome' }).first('body');
  return row ? stored('outcome', row.body).body : null;
}

/** Every feedback entry on the decision (completions included): its id, the reporting party and its body. */
export async function feedbackOn(
  db: Db,
  decisionId: string,
): Promise<{ id: string; party: string; body: StoredBody<'feedback'> }[]> {
  const rows = await db('audit_log').where({ decision_id: decisionId, kind: 'feedback' }).select('id', 'party', 'body');
  return rows.map((r) => ({ id: r.id as string, party: r.party as string, body: stored('feedback', r.body).body }));
}

/** Whether a feedback entry on the decision already says `feedback: marker`. */
export async function feedbackReported(db: Db, decisionId: string, marker: string): Promise<boolean> {
  const row = await db('audit_log')
    .where({ decision_id: decisionId, kind: 'feedback' })
    .whereRaw(`body->>'feedback' = ?`, [marker])
    .first('id');
  return row !== undefined;
}
