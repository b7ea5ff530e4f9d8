// Recommendation 1: a published list of BAU collaborations with their purpose and Home Office owner.
import type { Collaboration } from './types.ts';

export interface PublishedEntry {
  id: string;
  title: string;
  purpose: string;
  directorate: string;
  ownerName: string;
  ownerRole: string;
  ownerEmail: string;
  parties: string;
}

export function publishedList(collaborations: Collaboration[]): PublishedEntry[] {
  return collaborations
    .filter((c) => c.kind === 'bau' && c.status === 'active')
    .map((c) => ({
      id: c.id,
      title: c.title,
      purpose: c.purpose,
      directorate: c.directorate,
      ownerName: c.owner.name,
      ownerRole: c.owner.role,
      ownerEmail: c.owner.email,
      parties: c.parties.join('; '),
    }));
}

/** The CSV's columns, in order (openapi.yaml documents them; tests/contract holds its example to them). */
export const columns: (keyof PublishedEntry)[] = [
  'id',
  'title',
  'purpose',
  'directorate',
  'ownerName',
  'ownerRole',
  'ownerEmail',
  'parties',
];

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function toCsv(entries: PublishedEntry[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [columns.join(','), ...entries.map((e) => columns.map((c) => cell(e[c])).join(','))].join('\r\n') + '\r\n';
}
