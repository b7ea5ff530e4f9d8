// Entries shaped like the ones the exchange pipeline writes (a decision with its rules, then its outcome), made in bulk
// through the real appender: for benchmarks and for tests that need a long log. No personal data: subjects and
// case references are random hex, as the HMACs in a real log are. Outcomes here point at made-up decision ids.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditAppender } from './append.ts';
import { decisionEntry, outcomeEntry } from './entry-kinds.ts';
import type { NewEntry } from './types.ts';

const ruleReasons: [string, string][] = [
  ['party', 'The caller is a party to the agreement and the exchange runs in the agreed direction'],
  ['agreement-in-force', 'Agreement ie-dfe-child-tracing-mou version 2.0 is signed and in force today'],
  ['purpose', 'The purpose trace-child-of-immigration-offender is one the agreement names'],
  ['legal-basis', 'The legal basis dpa-1998-s29-3 is one the agreement names'],
  ['field-scope', 'Every field sent is within the agreement; replies are limited to its response fields'],
  ['dfe-offender-belief', 'The requester states reason to believe a parent is an immigration offender'],
  ['monthly-cap', '41 of 300 requests used this month'],
];

export function sampleExchange(n: number): NewEntry[] {
  const denied = n % 10 === 9;
  const decisionId = randomUUID();
  const decision = decisionEntry({
    exchange: 'dfe.child-trace',
    direction: 'outbound',
    partner: 'dfe',
    party: 'home-office-ie',
    clientId: 'ie-removals-casework',
    requestId: randomUUID(),
    purpose: 'trace-child-of-immigration-offender',
    legalBasis: 'dpa-1998-s29-3',
    caseReference: randomBytes(32).toString('hex'),
    subjects: [randomBytes(32).toString('hex')],
    fieldsRequested: [
      'urgentSafeguarding',
      'grounds.parentBelievedImmigrationOffender',
      'subject.forename',
      'subject.surname',
      'subject.dateOfBirth',
      'subject.postcode',
    ],
    decisionDate: '2026-11-23',
    decision: denied ? 'deny' : 'permit',
    rules: ruleReasons.map(([id, reason]) => ({
      id,
      outcome: denied && id === 'monthly-cap' ? 'deny' : 'permit',
      reason,
    })),
    obligations: [
      { id: 'withhold-older-than', years: 5 },
      { id: 'omit-fields', fields: ['parents'] },
    ],
    agreement: { id: 'ie-dfe-child-tracing-mou', version: '2.0' },
    directives: ['windrush-pause-2018'],
  });
  if (denied) return [decision];
  return [
    decision,
    outcomeEntry({
      decisionId,
      exchange: 'dfe.child-trace',
      party: 'home-office-ie',
      agreement: { id: 'ie-dfe-child-tracing-mou', version: '2.0' },
      requestId: randomUUID(),
      outcome: n % 3 === 0 ? 'no-match' : 'matched',
      latencyMs: 20 + (n % 97),
      fieldsDisclosed: ['match', 'addresses'],
      fieldsWithheld: ['parents'],
    }),
  ];
}

/** Appends about `count` entries (whole exchanges), `perTransaction` at a time; returns how many were written. */
export async function appendSampleEntries(audit: AuditAppender, count: number, perTransaction = 1000): Promise<number> {
  let written = 0;
  let n = 0;
  while (written < count) {
    const entries: NewEntry[] = [];
    while (entries.length < Math.min(perTransaction, count - written)) entries.push(...sampleExchange(n++));
    await audit.append(async () => ({ entries, result: null }));
    written += entries.length;
  }
  return written;
}
