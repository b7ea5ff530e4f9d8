// Each rule, table-driven, on facts built from the default register's child-tracing agreement.
import { describe, expect, it } from 'vitest';
import { versions } from '../../../mou-registry/default-register/collaboration-07-child-tracing.ts';
import { unknownSubject, type Facts, type Rule, type RuleOutcome } from '../types.ts';
import { agreementInForce } from './agreement-in-force.ts';
import { dfeOffenderBelief } from './dfe-offender-belief.ts';
import { fieldScope } from './field-scope.ts';
import { legalBasis } from './legal-basis.ts';
import { monthlyCap } from './monthly-cap.ts';
import { party } from './party.ts';
import { purpose } from './purpose.ts';

const [v1, v2, draft] = versions as [typeof versions[0], typeof versions[0], typeof versions[0]];
const fields = ['subject.forename', 'subject.surname', 'subject.dateOfBirth', 'subject.postcode', 'grounds.parentBelievedImmigrationOffender'];

function facts(change: Partial<Facts> = {}, request: Partial<Facts['request']> = {}): Facts {
  return {
    decisionDate: '2026-11-23',
    caller: { clientId: 'ie-removals-casework', party: 'home-office-ie' },
    exchange: { id: 'dfe.child-trace', partner: 'dfe', direction: 'outbound', mode: 'reactive' },
    request: { purpose: 'trace-child-of-immigration-offender', legalBasis: 'dpa-1998-s29-3', dataFields: fields, data: { grounds: { parentBelievedImmigrationOffender: true } }, ...request },
    agreement: v2,
    directives: [],
    subject: unknownSubject,
    counters: { usedThisMonth: 0 },
    ...change,
  };
}

const table: [string, Rule, Facts, RuleOutcome, RegExp][] = [
  ['party: IE may ask DfE', party, facts(), 'permit', /may ask dfe/],
  ['party: DfE is not a requester', party, facts({ caller: { clientId: 'x', party: 'dfe' } }), 'deny', /not a requesting party/],
  ['party: no agreement at all', party, facts({ agreement: null }), 'deny', /No agreement/],
  ['in force: v2.0 today', agreementInForce, facts(), 'permit', /in force on 2026-11-23/],
  ['in force: v1.0 expired', agreementInForce, facts({ agreement: v1 }), 'deny', /expired on 2016-09-30/],
  ['in force: v1.0 in 2016', agreementInForce, facts({ agreement: v1, decisionDate: '2016-01-15' }), 'permit', /in force/],
  ['in force: v2.3 never signed', agreementInForce, facts({ agreement: draft }), 'deny', /not signed by home-office-ie, dfe/],
  ['in force: v2.0 before signature', agreementInForce, facts({ decisionDate: '2016-09-01' }), 'deny', /not signed/],
  ['purpose: named', purpose, facts(), 'permit', /named/],
  ['purpose: not named', purpose, facts({}, { purpose: 'curiosity' }), 'deny', /not one of/],
  ['legal basis: named', legalBasis, facts(), 'permit', /Data Protection Act 1998/],
  ['legal basis: not named', legalBasis, facts({}, { legalBasis: 'none' }), 'deny', /not one the agreement names/],
  ['field scope: within', fieldScope, facts(), 'permit', /within the agreement/],
  ['field scope: nationality under v2.0', fieldScope, facts({}, { dataFields: [...fields, 'subject.nationality'] }), 'deny', /subject\.nationality/],
  ['field scope: nationality under v1.0', fieldScope, facts({ agreement: v1 }, { dataFields: [...fields, 'subject.nationality'] }), 'permit', /within/],
  ['offender belief: stated', dfeOffenderBelief, facts(), 'permit', /reason to believe/],
  ['offender belief: not stated', dfeOffenderBelief, facts({}, { data: { grounds: { parentBelievedImmigrationOffender: false } } }), 'deny', /only with reason to believe/],
  ['offender belief: other exchange', dfeOffenderBelief, facts({ exchange: { id: 'hmrc.evidence-request', partner: 'hmrc', direction: 'outbound', mode: 'reactive' } }), 'not-applicable', /DfE/],
  ['cap: 299 used of 300', monthlyCap, facts({ counters: { usedThisMonth: 299 } }), 'permit', /300 of 300/],
  ['cap: 300 used of 300', monthlyCap, facts({ counters: { usedThisMonth: 300 } }), 'deny', /cap of 300/],
  ['cap: v1.0 had none', monthlyCap, facts({ agreement: v1, counters: { usedThisMonth: 5000 } }), 'not-applicable', /no monthly cap/],
];

describe('policy rules', () => {
  it.each(table)('%s', (_name, rule, input, outcome, reason) => {
    const result = rule(input);
    expect(result.outcome).toBe(outcome);
    expect(result.reason).toMatch(reason);
  });

  it('field scope obliges the gateway to withhold records older than 5 years', () => {
    expect(fieldScope(facts()).obligations).toEqual([{ id: 'withhold-older-than', years: 5 }]);
  });
});
