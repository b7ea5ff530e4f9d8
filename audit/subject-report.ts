// Everything the log says about one person, found by the keyed HMAC of an identifier the DPO supplies: who asked,
// when, for what purpose, under which agreement and legal basis, what was decided and which fields went —
// the report Estonia's Data Tracker gives citizens. The identifiers themselves are never stored or logged.
import type { Knex } from 'knex';
import type { Pseudonymiser, SubjectIdentifier } from './subject-key.ts';
import { stored } from './types.ts';

/** How a DPO names the person: exactly one of these (openapi.yaml AuditSubjectQuery). */
export type SubjectQuery =
  | { nino: string }
  | { forename: string; surname: string; dateOfBirth: string }
  | { homeOfficeReference: string };

export function subjectIdentifier(query: SubjectQuery): SubjectIdentifier {
  if ('nino' in query) return { kind: 'nino', nino: query.nino };
  if ('homeOfficeReference' in query) return { kind: 'ho-ref', reference: query.homeOfficeReference };
  return { kind: 'name-dob', forename: query.forename, surname: query.surname, dateOfBirth: query.dateOfBirth };
}

export interface ReportedExchange {
  auditId: string;
  recordedAt: string;
  dryRun: boolean;
  exchange: string | null;
  direction: string | null;
  partner: string | null;
  party: string | null;
  clientId: string | null;
  purpose: string | null;
  legalBasis: string | null;
  agreement: { id: string; version: string } | null;
  decision: string | null;
  deniedBy: string[];
  fieldsRequested: string[];
  outcome: string | null;
  outcomeAuditId: string | null;
  outcomeRecordedAt: string | null;
  fieldsDisclosed: string[];
  fieldsWithheld: string[];
}

export interface SubjectReport {
  identifiedBy: SubjectIdentifier['kind'];
  count: number;
  truncated: boolean;
  exchanges: ReportedExchange[];
}

const maxExchanges = 5000;

type Json = Record<string, unknown>;
/** A reported row's decision or dry run, its body typed by its kind. */
const decidedOf = (row: Json) => stored(row.kind === 'dry-run' ? 'dry-run' : 'decision', row.body).body;
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Every decision and dry run naming any of these HMACs, oldest first, each joined with its first outcome. */
export async function reportRows(db: Knex, hmacs: readonly string[]): Promise<{ rows: Json[]; truncated: boolean }> {
  const anyOf = hmacs.map(() => `d.body->'subjects' @> ?::jsonb`).join(' or ');
  const rows: Json[] = (
    await db.raw(
      `
      select d.id, d.recorded_at, d.kind, d.body, o.id as outcome_id, o.recorded_at as outcome_at, o.body as outcome_body
      from audit_log d
      left join lateral (
        select id, recorded_at, body from audit_log o where o.decision_id = d.id and o.kind = 'outcome' order by o.seq limit 1
      ) o on true
      where d.kind in ('decision', 'dry-run') and (${anyOf})
      order by d.seq
      limit ?`,
      [...hmacs.map((h) => JSON.stringify([h])), maxExchanges + 1],
    )
  ).rows;
  return { rows: rows.slice(0, maxExchanges), truncated: rows.length > maxExchanges };
}

export function reportedExchange(row: Json): ReportedExchange {
  const body = decidedOf(row);
  // No outcome row joined: the partner's outcome was never recorded.
  const outcome =
    row.outcome_body === null || row.outcome_body === undefined ? null : stored('outcome', row.outcome_body).body;
  const agreement = body.agreement;
  return {
    auditId: row.id as string,
    recordedAt: new Date(row.recorded_at as string).toISOString(),
    dryRun: row.kind === 'dry-run',
    exchange: text(body.exchange),
    direction: text(body.direction),
    partner: text(body.partner),
    party: text(body.party),
    clientId: text(body.clientId),
    purpose: text(body.purpose),
    legalBasis: text(body.legalBasis),
    agreement: agreement ? { id: agreement.id, version: agreement.version } : null,
    decision: text(body.decision),
    deniedBy: Array.isArray(body.rules) ? body.rules.filter((r) => r.outcome === 'deny').map((r) => r.id) : [],
    fieldsRequested: list(body.fieldsRequested),
    outcome: text(outcome?.outcome),
    outcomeAuditId: text(row.outcome_id),
    outcomeRecordedAt: row.outcome_at ? new Date(row.outcome_at as string).toISOString() : null,
    fieldsDisclosed: list(outcome?.fieldsDisclosed),
    fieldsWithheld: list(outcome?.fieldsWithheld),
  };
}

/** The HMACs an entry names (its `subjects`). */
export const subjectsOf = (row: Json): string[] => list(decidedOf(row).subjects);

export function createSubjectReporter(db: Knex, pseudonymiser: Pick<Pseudonymiser, 'subject'>) {
  return async function subjectReport(query: SubjectQuery): Promise<SubjectReport> {
    const identifier = subjectIdentifier(query);
    const { rows, truncated } = await reportRows(db, [pseudonymiser.subject(identifier)]);
    const exchanges = rows.map(reportedExchange);
    return { identifiedBy: identifier.kind, count: exchanges.length, truncated, exchanges };
  };
}
