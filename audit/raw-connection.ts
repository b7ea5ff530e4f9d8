// One pooled connection, used directly: the group commit's few statements go straight to the driver (pg, or
// PGlite), without the query builder's work on each, which measured about as much again as the round trip itself.
// Both drivers take `query(text, params)` with $1-style parameters and answer `{ rows }`.
import type { Knex } from 'knex';

export type RawQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

interface DriverConnection { query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }
interface PoolClient { acquireConnection(): Promise<DriverConnection>; releaseConnection(connection: DriverConnection): Promise<void> }

export async function withRawConnection<T>(db: Knex, work: (query: RawQuery) => Promise<T>): Promise<T> {
  const client = db.client as unknown as PoolClient;
  const connection = await client.acquireConnection();
  try {
    return await work(async (sql, params = []) => (await connection.query(sql, params)).rows);
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The same query shape over knex, for callers outside a group commit. */
export const knexQuery = (db: Knex | Knex.Transaction): RawQuery => async (sql, params = []) =>
  ((await db.raw(sql.replace(/\$\d+/g, '?'), params as Knex.RawBinding[])) as { rows: Record<string, unknown>[] }).rows;
