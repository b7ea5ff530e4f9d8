// Reading the log back: single entries with their outcomes, and a simple search.
import type { Knex } from 'knex';
import type { AuditEntry, EntryKind } from './types.ts';

interface Row { seq: number; id: string; recorded_at: Date | string; kind: EntryKind; body: Record<string, unknown> | string; prev_hash: string; hash: string }

export function toEntry(row: Row): AuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    recordedAt: new Date(row.recorded_at).toISOString(),
    kind: row.kind,
    body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditQuery { exchange?: string; decision?: 'permit' | 'deny'; kind?: EntryKind; party?: string; limit: number }

export function createAuditReader(db: Knex) {
  return {
    async byId(id: string): Promise<AuditEntry | null> {
      const row = await db<Row>('audit_log').where({ id }).first();
      return row ? toEntry(row) : null;
    },
    async outcomesOf(decisionId: string): Promise<AuditEntry[]> {
      const rows: Row[] = await db('audit_log').where('decision_id', decisionId).orderBy('seq');
      return rows.map(toEntry);
    },
    async search(q: AuditQuery): Promise<AuditEntry[]> {
      const query = db<Row>('audit_log').orderBy('seq', 'desc').limit(q.limit);
      if (q.exchange) query.where('exchange', q.exchange);
      if (q.decision) query.where('decision', q.decision);
      if (q.kind) query.where('kind', q.kind);
      if (q.party) query.where('party', q.party);
      return (await query).map(toEntry);
    },
  };
}
export type AuditReader = ReturnType<typeof createAuditReader>;
