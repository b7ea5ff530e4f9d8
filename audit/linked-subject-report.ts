// One report across every identifier a DPO holds for a person (a NINo, a name with date of birth, a Home Office
// reference): each is turned into its keyed HMAC, the log is read once for any of them, and every exchange says which
// identifiers it matched. The identifiers themselves are never stored, logged or returned; only their positions.
import type { Knex } from 'knex';
import type { Pseudonymiser, SubjectIdentifier } from './subject-key.ts';
import {
  reportedExchange,
  reportRows,
  subjectIdentifier,
  subjectsOf,
  type ReportedExchange,
  type SubjectQuery,
} from './subject-report.ts';

export const maxLinkedIdentifiers = 10;

export interface LinkedExchange extends ReportedExchange {
  /** Positions (from 0) in `identifiers` of the identifiers this exchange named. */
  matchedBy: number[];
}

export interface LinkedSubjectReport {
  identifiedBy: 'linked';
  /** What was asked by, in the order given: only the kind of each identifier, never its value. */
  identifiers: { index: number; kind: SubjectIdentifier['kind'] }[];
  count: number;
  truncated: boolean;
  exchanges: LinkedExchange[];
}

export function createLinkedSubjectReporter(db: Knex, pseudonymiser: Pick<Pseudonymiser, 'subject'>) {
  return async function linkedSubjectReport(queries: SubjectQuery[]): Promise<LinkedSubjectReport> {
    const identifiers = queries.map(subjectIdentifier);
    const hmacs = identifiers.map((i) => pseudonymiser.subject(i));
    const { rows, truncated } = await reportRows(db, [...new Set(hmacs)]);
    const exchanges = rows.map((row): LinkedExchange => {
      const named = new Set(subjectsOf(row));
      return { ...reportedExchange(row), matchedBy: hmacs.flatMap((h, index) => (named.has(h) ? [index] : [])) };
    });
    return {
      identifiedBy: 'linked',
      identifiers: identifiers.map((i, index) => ({ index, kind: i.kind })),
      count: exchanges.length,
      truncated,
      exchanges,
    };
  };
}
