// Recommendation 2 (¶4.2a–f) as a test a version must pass before the signature that brings it into force:
// a signed MoU "that covers all aspects of the collaboration, including its legal basis". Drafts may stay
// incomplete while they are written; what is signed must say everything. Pure: the caller supplies the terms.
import type { LegalBasis, VersionTerms } from './types.ts';

export interface MissingItem {
  /** The field of the terms that is missing or wanting, as a caller would fix it. */
  field: string;
  /** Which part of recommendation 2 asks for it. */
  recommendation: '2a' | '2b' | '2c' | '2d' | '2e' | '2f';
  message: string;
}

/**
 * A legal basis that names no provision: the register's own placeholder ('unstated-…'), a statute that says it is not
 * named, or an Act without the section that allows the sharing. Nobody can rely on it, so no exchange may run on it
 * and no version is complete with it (domain: "Legal gateways are named provisions"). An Act alone is not enough: the
 * HMRC status exchange once ran on "UK Borders Act 2007, section not named in the report".
 */
export function isPlaceholderBasis(basis: LegalBasis): boolean {
  return namesNoLaw(basis) || lacksSection(basis);
}

/** The register's own placeholder ('unstated-…'), or no statute at all. */
function namesNoLaw(basis: LegalBasis): boolean {
  return basis.code.startsWith('unstated-') || !basis.statute.trim() || /not named/i.test(basis.statute);
}

/** Names the Act but not the section that allows the sharing: the section is empty or says it is not named. */
export function lacksSection(basis: LegalBasis): boolean {
  return !basis.section.trim() || /not named/i.test(basis.section);
}

export function missingForSignature(terms: VersionTerms): MissingItem[] {
  const missing: MissingItem[] = [];
  const add = (field: string, recommendation: MissingItem['recommendation'], message: string) =>
    missing.push({ field, recommendation, message });

  if (terms.legalBases.length === 0)
    add(
      'legalBases',
      '2a',
      'no legal basis is given: name the provision (statute and section) that allows the sharing',
    );
  for (const b of terms.legalBases) {
    if (namesNoLaw(b))
      add('legalBases', '2a', `legal basis "${b.code}" names no provision; a placeholder is no legal gateway`);
    else if (lacksSection(b))
      add('legalBases', '2a', `legal basis "${b.code}" names ${b.statute} but not the section that allows the sharing`);
  }
  if (terms.purposes.length === 0) add('purposes', '2a', 'no purpose is stated');
  if (terms.exchanges.length === 0)
    add('exchanges', '2b', 'no data scope: no exchange says which fields may be asked for and answered');
  for (const e of terms.exchanges) {
    if (e.requestFields.length === 0 && e.responseFields.length === 0)
      add('exchanges', '2b', `exchange ${e.exchange} names no data fields`);
  }
  if (terms.dataAccuracy === null || !terms.dataAccuracy.description.trim())
    add('dataAccuracy', '2b', 'no arrangement for assuring data accuracy');
  for (const party of terms.parties) {
    if (!terms.seniorOwners.some((o) => o.party === party))
      add('seniorOwners', '2c', `${party} has no nominated senior owner`);
  }
  if (!terms.communication?.trim()) add('communication', '2d', 'no communication route between the parties');
  if (terms.measures.length === 0) add('measures', '2e', 'no performance measures');
  const interval = terms.review.intervalMonths;
  if (interval === null || !(Number.isInteger(interval) && interval > 0))
    add('review.intervalMonths', '2f', 'no joint review interval');
  return missing;
}
