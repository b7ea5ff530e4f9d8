// Reading the log back: single entries with their outcomes, and the DPO's search (newest first, by seq cursor).
import type { Knex } from 'knex';
import { stored, type AuditEntry, type EntryKind } from './types.ts';

interface Row {
  seq: number;
  id: string;
  recorded_at: Date | string;
  kind: EntryKind;
  /** jsonb: an object, or its text from a raw query. */
  body: unknown;
  prev_hash: string;
  hash: string;
}

export const entryColumns = ['seq', 'id', 'recorded_at', 'kind', 'body', 'prev_hash', 'hash'];

export function toEntry(row: Row): AuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    recordedAt: new Date(row.recorded_at).toISOString(),
    ...stored(row.kind, row.body),
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
  /** Register changes recorded more than a day after the day they took effect. */
  afterTheFact?: boolean;
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

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore?: number;
}

const earliest = Date.parse('0001-01-01T00:00:00.000Z');
const latest = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An RFC 3339 time as PostgreSQL will take it: in UTC (it refuses offsets past 15:59, and year 0), within the
 * years it holds, and rounded up to the millisecond the log records in, so that from and to keep their meaning.
 */
export function sqlInstant(time: string): string {
  const ms = Date.parse(time);
  const finer = /[1-9]/.test(/\.(\d+)/.exec(time)?.[1]?.slice(3) ?? '') ? 1 : 0;
  return new Date(Math.min(Math.max(ms + finer, earliest), latest)).toISOString();
}

/** ajv's uuid format also takes the URN form (urn:uuid:…); PostgreSQL takes only the bare one. */
export const bareUuid = (id: string) => id.replace(/^urn:uuid:/i, '');

export function createAuditReader(db: Knex) {
  return {
    async byId(id: string): Promise<AuditEntry | null> {
      const row: Row | undefined = await db('audit_log')
        .select(entryColumns)
        .where({ id: bareUuid(id) })
        .first();
      return row ? toEntry(row) : null;
    },
    async outcomesOf(decisionId: string): Promise<AuditEntry[]> {
      const rows: Row[] = await db('audit_log').select(entryColumns).where('decision_id', decisionId).orderBy('seq');
      return rows.map(toEntry);
    },
    async search(q: AuditQuery): Promise<AuditPage> {
      // One more than the page, so that nextBefore is given only when there is a next page to read.
      const query = db('audit_log')
        .select(entryColumns)
        .orderBy('seq', 'desc')
        .limit(q.limit + 1);
      if (q.exchange) query.where('exchange', q.exchange);
      if (q.decision) query.where('decision', q.decision);
      if (q.kind) query.where('kind', q.kind);
      if (q.afterTheFact) query.where('kind', 'register-change').whereRaw(`body->'afterTheFact' is not null`);
      if (q.party) query.where('party', q.party);
      if (q.agreement) query.where('agreement_id', q.agreement);
      // Containment, so the GIN indexes over rules and subjects answer these.
      // A refusal's denying rules, through the small index over them (20261207130100_audit_denied_rules_index.ts).
      if (q.rule) query.where('decision', 'deny').whereRaw(`audit_denied_rules(body) @> array[?]::text[]`, [q.rule]);
      if (q.subjects) {
        const subjects = q.subjects;
        query.where((w) => {
          for (const s of subjects) w.orWhereRaw(`body->'subjects' @> ?::jsonb`, [JSON.stringify([s])]);
        });
      }
      if (q.from) query.where('recorded_at', '>=', sqlInstant(q.from));
      if (q.to) query.where('recorded_at', '<', sqlInstant(q.to));
      if (q.before !== undefined) query.where('seq', '<', q.before);
      const rows = (await query) as Row[];
      const entries = rows.slice(0, q.limit).map(toEntry);
      return rows.length > q.limit ? { entries, nextBefore: entries[entries.length - 1]!.seq } : { entries };
    },
  };
}
export type AuditReader = ReturnType<typeof createAuditReader>;
