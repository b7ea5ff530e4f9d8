// Recommendation 2a–f: what a version must say before it can be signed into force (¶4.2).
import { describe, expect, it } from 'vitest';
import { isPlaceholderBasis, missingForSignature } from './completeness.ts';
import type { VersionTerms } from './types.ts';

const complete: VersionTerms = {
  agreementId: 'a',
  version: '1.0',
  title: 'A',
  kind: 'mou',
  parties: ['home-office-ie', 'dfe'],
  inForceFrom: '2027-01-01',
  inForceTo: null,
  legalBases: [{ code: 'dpa-2018-sch2-para2', statute: 'Data Protection Act 2018', section: 'Sch. 2 para 2' }],
  purposes: [{ code: 'p', description: 'Trace a child', mode: 'reactive', compliantEnvironment: false }],
  partyAims: [],
  exchanges: [
    {
      exchange: 'dfe.child-trace',
      requesters: ['home-office-ie'],
      responder: 'dfe',
      requestFields: ['subject.forename'],
      responseFields: ['match'],
    },
  ],
  dataAccuracy: { matchPoints: ['name'], description: 'Three-point match' },
  sopReferences: [],
  processMaps: [],
  seniorOwners: [
    { party: 'home-office-ie', name: 'IE owner', role: 'Senior owner', email: 'ie@homeoffice.example' },
    { party: 'dfe', name: 'DfE owner', role: 'Senior owner', email: 'dfe@education.example' },
  ],
  communication: 'Monthly call',
  feedback: null,
  measures: [{ code: 'cap', description: 'Cap', monthlyCap: 300 }],
  review: { intervalMonths: 12, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
  namesOrganisations: [],
  notes: null,
};
const without = (change: Partial<VersionTerms>): VersionTerms => ({ ...complete, ...change });

describe('a version may be signed into force only when it says everything recommendation 2 asks', () => {
  it('a complete version lacks nothing', () => expect(missingForSignature(complete)).toEqual([]));

  it.each<[string, Partial<VersionTerms>, string, string]>([
    ['no legal basis (2a)', { legalBases: [] }, 'legalBases', 'no legal basis'],
    [
      'an Act without its section (2a)',
      { legalBases: [{ code: 'ukba-2007', statute: 'UK Borders Act 2007', section: 'not named in the report' }] },
      'legalBases',
      'but not the section',
    ],
    [
      'a placeholder legal basis (2a)',
      {
        legalBases: [
          { code: 'unstated-nino-alignment-basis', statute: 'Not named in the report', section: 'not named' },
        ],
      },
      'legalBases',
      'names no provision',
    ],
    ['no purpose (2a)', { purposes: [] }, 'purposes', 'no purpose'],
    ['no data scope (2b)', { exchanges: [] }, 'exchanges', 'no data scope'],
    [
      'an exchange with no fields (2b)',
      { exchanges: [{ ...complete.exchanges[0]!, requestFields: [], responseFields: [] }] },
      'exchanges',
      'names no data fields',
    ],
    ['no accuracy arrangements (2b)', { dataAccuracy: null }, 'dataAccuracy', 'data accuracy'],
    [
      'a party with no senior owner (2c)',
      { seniorOwners: [complete.seniorOwners[0]!] },
      'seniorOwners',
      'dfe has no nominated senior owner',
    ],
    ['no communication route (2d)', { communication: '  ' }, 'communication', 'communication route'],
    ['no measures (2e)', { measures: [] }, 'measures', 'performance measures'],
    [
      'no review interval (2f)',
      { review: { ...complete.review, intervalMonths: null } },
      'review.intervalMonths',
      'review interval',
    ],
  ])('%s', (_case, change, field, words) => {
    const missing = missingForSignature(without(change));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ field });
    expect(missing[0]!.message).toContain(words);
  });

  it('lists every missing item at once, not the first alone', () => {
    const bare = without({
      legalBases: [],
      dataAccuracy: null,
      seniorOwners: [],
      communication: null,
      measures: [],
      review: { ...complete.review, intervalMonths: null },
    });
    expect(missingForSignature(bare).map((m) => m.recommendation)).toEqual(['2a', '2b', '2c', '2c', '2d', '2e', '2f']);
  });
});

describe('a placeholder basis', () => {
  it.each([
    [{ code: 'unstated-x', statute: 'Data Protection Act 2018', section: 'Sch. 2' }, true],
    [{ code: 'x', statute: 'Not named in the report', section: 'not named in the report (¶6.115)' }, true],
    [{ code: 'x', statute: '', section: 's.1' }, true],
    // An Act without the section that allows the sharing names no gateway: the HMRC status exchange once ran on this.
    [
      { code: 'ukba-2007-hmrc-status-exchange', statute: 'UK Borders Act 2007', section: 'not named in the report' },
      true,
    ],
    [{ code: 'x', statute: 'UK Borders Act 2007', section: '  ' }, true],
    [{ code: 'x', statute: 'UK Borders Act 2007', section: 'section Not Named' }, true],
    [{ code: 'ukba-2007-s40', statute: 'UK Borders Act 2007', section: 's.40' }, false],
  ])('%o is a placeholder: %s', (basis, expected) => expect(isPlaceholderBasis(basis)).toBe(expected));
});
