// What makes a version's terms coherent, before it may be stored. Pure: the caller supplies the parties.
import type { Party, VersionTerms } from './types.ts';

export function problemsWithTerms(terms: VersionTerms, parties: readonly Party[]): string[] {
  const known = new Set(parties.map((p) => p.id));
  const problems: string[] = [];
  const unknown = (ids: string[], where: string) => {
    for (const id of ids) if (!known.has(id)) problems.push(`${where} names an unknown party "${id}"`);
  };
  unknown(terms.parties, 'parties');
  if (terms.parties.length < 2) problems.push('an agreement needs at least two parties');
  if (terms.inForceFrom && terms.inForceTo && terms.inForceTo < terms.inForceFrom) {
    problems.push(`inForceTo (${terms.inForceTo}) is before inForceFrom (${terms.inForceFrom})`);
  }
  for (const e of terms.exchanges) {
    for (const p of [...e.requesters, e.responder]) {
      if (!terms.parties.includes(p))
        problems.push(`exchange ${e.exchange} names ${p}, who is not a party to this version`);
    }
  }
  for (const owner of terms.seniorOwners) {
    if (!terms.parties.includes(owner.party))
      problems.push(`senior owner for ${owner.party}, who is not a party to this version`);
  }
  for (const m of terms.measures) {
    if (m.monthlyCap !== undefined && !(Number.isInteger(m.monthlyCap) && m.monthlyCap > 0)) {
      problems.push(`measure ${m.code}: a monthly cap must be a whole number above 0`);
    }
    if (m.slaHours !== undefined && !(m.slaHours > 0))
      problems.push(`measure ${m.code}: an SLA must be longer than 0 hours`);
  }
  const duplicates = (codes: string[], what: string) => {
    const seen = new Set<string>();
    for (const c of codes) {
      if (seen.has(c)) problems.push(`${what} "${c}" appears twice`);
      seen.add(c);
    }
  };
  duplicates(
    terms.purposes.map((p) => p.code),
    'purpose',
  );
  duplicates(
    terms.legalBases.map((b) => b.code),
    'legal basis',
  );
  duplicates(
    terms.exchanges.map((e) => e.exchange),
    'exchange',
  );
  if (
    terms.review.lastReviewedOn &&
    terms.review.nextReviewDue &&
    terms.review.nextReviewDue < terms.review.lastReviewedOn
  ) {
    problems.push('the next review is due before the last one took place');
  }
  return problems;
}

/** The days a fully signed version is in force, ignoring suspensions: used to refuse overlapping versions. */
export function periodOf(v: {
  inForceFrom: string | null;
  inForceTo: string | null;
  terminatedOn: string | null;
}): { from: string; to: string } | null {
  if (v.inForceFrom === null) return null;
  // Terminated on a day means no longer in force that day.
  const lastDayBefore = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const ends = [v.inForceTo, v.terminatedOn === null ? null : lastDayBefore(v.terminatedOn)]
    .filter((d): d is string => d !== null)
    .sort();
  return { from: v.inForceFrom, to: ends[0] ?? '9999-12-31' };
}

export function overlaps(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}
