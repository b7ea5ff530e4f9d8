// One pooled connection, used directly: the group commit's few statements go straight to the driver (pg, or
// PGlite), without the query builder's work on each, which measured about as much again as the round trip itself.
// Both drivers take `query(text, params)` with $1-style parameters and answer `{ rows }`. A script (several
// statements in one string, no parameters) goes in one round trip by the simple query protocol: pg's `query(text)`,
// PGlite's `exec(text)`; its values are written in as literals (`literal`), never as text a caller typed unescaped.
import type { Knex } from 'knex';

export type RawQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Several statements in one round trip: the rows of each, in order. */
export type RawScript = (sql: string) => Promise<Record<string, unknown>[][]>;

type Result = { rows: Record<string, unknown>[] };
interface DriverConnection {
  query(sql: string, params?: unknown[]): Promise<Result | Result[]>;
  exec?(sql: string): Promise<Result[]>;
}
interface PoolClient {
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(connection: DriverConnection): Promise<void>;
}

export async function withRawConnection<T>(
  db: Knex,
  work: (query: RawQuery, script: RawScript) => Promise<T>,
): Promise<T> {
  const client = db.client as unknown as PoolClient;
  const connection = await client.acquireConnection();
  const query: RawQuery = async (sql, params = []) => ((await connection.query(sql, params)) as Result).rows;
  const script: RawScript = async (sql) => {
    // PGlite runs a multi-statement string through exec(); pg through query() without parameters, answering one
    // result for one statement and an array for several.
    const results = connection.exec ? await connection.exec(sql) : await connection.query(sql);
    return (Array.isArray(results) ? results : [results]).map((r) => r.rows ?? []);
  };
  try {
    return await work(query, script);
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * A value as an SQL literal, as PQescapeLiteral writes it: null, a finite number, or an escape string with quotes
 * and backslashes doubled, so any text (a quote, a backslash, `$$`, a semicolon) arrives exactly as it was.
 */
export function literal(value: string | number | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('not a finite number');
    return String(value);
  }
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The same query shape over knex, for callers outside a group commit. */
export const knexQuery =
  (db: Knex | Knex.Transaction): RawQuery =>
  async (sql, params = []) =>
    ((await db.raw(sql.replace(/\$\d+/g, '?'), params as Knex.RawBinding[])) as { rows: Record<string, unknown>[] })
      .rows;
