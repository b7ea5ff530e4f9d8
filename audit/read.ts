// Reading the log back: single entries with their outcomes, and the DPO's search (newest first, by seq cursor).
import type { Knex } from 'knex';
import type { AuditEntry, EntryKind } from './types.ts';

interface Row { seq: number; id: string; recorded_at: Date | string; kind: EntryKind; body: Record<string, unknown> | string; prev_hash: string; hash: string }

export const entryColumns = ['seq', 'id', 'recorded_at', 'kind', 'body', 'prev_hash', 'hash'];

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

export interface AuditQuery {
  exchange?: string;
  decision?: 'permit' | 'deny';
  kind?: EntryKind;
  party?: string;
  /** An agreement id: entries made under any version of it. */
  agreement?: string;
  /** A rule id: decisions that rule denied. */
  rule?: string;
  /** recorded at or after (ISO 8601) */
  from?: string;
  /** recorded before (ISO 8601) */
  to?: string;
  /** Subject HMACs: entries about any of them. */
  subjects?: string[];
  /** Only entries with a lower seq: the cursor for the next page. */
  before?: number;
  limit: number;
}

export interface AuditPage { entries: AuditEntry[]; nextBefore?: number }

export function createAuditReader(db: Knex) {
  return {
    async byId(id: string): Promise<AuditEntry | null> {
      const row: Row | undefined = await db('audit_log').select(entryColumns).where({ id }).first();
      return row ? toEntry(row) : null;
    },
    async outcomesOf(decisionId: string): Promise<AuditEntry[]> {
      const rows: Row[] = await db('audit_log').select(entryColumns).where('decision_id', decisionId).orderBy('seq');
      return rows.map(toEntry);
    },
    async search(q: AuditQuery): Promise<AuditPage> {
      // One more than the page, so that nextBefore is given only when there is a next page to read.
      const query = db('audit_log').select(entryColumns).orderBy('seq', 'desc').limit(q.limit + 1);
      if (q.exchange) query.where('exchange', q.exchange);
      if (q.decision) query.where('decision', q.decision);
      if (q.kind) query.where('kind', q.kind);
      if (q.party) query.where('party', q.party);
      if (q.agreement) query.where('agreement_id', q.agreement);
      // Containment, so the GIN indexes over rules and subjects answer these.
      if (q.rule) query.whereRaw(`body->'rules' @> ?::jsonb`, [JSON.stringify([{ id: q.rule, outcome: 'deny' }])]);
      if (q.subjects) {
        const subjects = q.subjects;
        query.where((w) => { for (const s of subjects) w.orWhereRaw(`body->'subjects' @> ?::jsonb`, [JSON.stringify([s])]); });
      }
      if (q.from) query.where('recorded_at', '>=', q.from);
      if (q.to) query.where('recorded_at', '<', q.to);
      if (q.before !== undefined) query.where('seq', '<', q.before);
      const rows = (await query) as Row[];
      const entries = rows.slice(0, q.limit).map(toEntry);
      return rows.length > q.limit ? { entries, nextBefore: entries[entries.length - 1]!.seq } : { entries };
    },
  };
}
export type AuditReader = ReturnType<typeof createAuditReader>;
