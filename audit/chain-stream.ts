// The verification workers' read of a range of the log (verify-worker.ts): one query per range, its rows handled
// one at a time as they arrive, as arrays of the text PostgreSQL sends (no type parsing, no row objects), so
// nothing is kept but what the checks need. Reading through knex in batches of row objects cost the worker more
// than the hashing, most of it garbage collection of the batches held in memory (measured in the commit that
// added this file). The driver decodes every field as text even when asked for binary results, so text it is.
import type pg from 'pg';

/** The columns, in the order a row's fields come; the time as chain-reader.ts reads it (to the microsecond). */
const streamedColumns = `seq::text, id::text,
  to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
  kind, body_canonical, prev_hash, hash, exchange, agreement_id, party, decision, decision_id::text`;

/** Where each column is in a streamed row. */
export const Field = {
  seq: 0,
  id: 1,
  recordedAtUs: 2,
  kind: 3,
  body: 4,
  prevHash: 5,
  hash: 6,
  /** exchange, agreement_id, party, decision, decision_id::text: the search columns (search-fields.ts). */
  firstSearchColumn: 7,
} as const;

const asText = { getTypeParser: () => (value: string) => value };

/** Calls onRow with the fields of every entry with after < seq ≤ through, in seq order; resolves with the count. */
export function streamChainRange(
  client: pg.Client,
  Query: typeof pg.Query,
  after: number,
  through: number,
  onRow: (fields: (string | null)[]) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    let failure: unknown = null;
    // rowMode and types are Query options pg's type declarations leave out of QueryConfig.
    const query = new Query({
      text: `select ${streamedColumns} from audit_log where seq > $1 and seq <= $2 order by audit_log.seq`,
      values: [after, through],
      rowMode: 'array',
      types: asText,
    } as pg.QueryConfig);
    query.on('row', (fields: (string | null)[]) => {
      if (failure !== null) return;
      try {
        onRow(fields);
        count++;
      } catch (error) {
        failure = error;
      }
    });
    query.on('error', reject);
    query.on('end', () => (failure === null ? resolve(count) : reject(failure as Error)));
    void client.query(query);
  });
}
