// A subject report as CSV, for a subject access request: one row per exchange, the identifiers it matched named by
// position and kind (never value), and the fields that went named, never their values.
import type { LinkedSubjectReport } from './linked-subject-report.ts';
import type { SubjectReport } from './subject-report.ts';

/** The CSV's columns, in order (openapi.yaml documents them; tests/contract holds its example to them). */
export const columns = [
  'recordedAt',
  'auditId',
  'matchedBy',
  'exchange',
  'direction',
  'party',
  'partner',
  'clientId',
  'purpose',
  'legalBasis',
  'agreement',
  'decision',
  'deniedBy',
  'dryRun',
  'outcome',
  'outcomeRecordedAt',
  'fieldsRequested',
  'fieldsDisclosed',
  'fieldsWithheld',
] as const;

function cell(value: unknown): string {
  const textValue =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  // A leading =, +, - or @ would be read as a formula by a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(textValue) ? `'${textValue}` : textValue;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function* subjectReportCsv(report: SubjectReport | LinkedSubjectReport): Generator<string> {
  const kinds = 'identifiers' in report ? report.identifiers.map((i) => i.kind) : [report.identifiedBy];
  yield columns.join(',');
  for (const e of report.exchanges) {
    const matched = 'matchedBy' in e ? (e.matchedBy as number[]) : [0];
    const row: Record<(typeof columns)[number], unknown> = {
      ...e,
      matchedBy: matched.map((i) => `${i + 1} ${kinds[i]}`),
      agreement: e.agreement ? `${e.agreement.id} ${e.agreement.version}` : null,
    };
    yield columns.map((c) => cell(row[c])).join(',');
  }
  if (report.truncated) yield '# truncated: only the first 5000 exchanges are listed';
}
