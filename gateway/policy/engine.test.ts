// The engine: every rule reported, any deny wins, obligations only with a permit, and the decision names the
// directives that reached the request, not every directive in force.
import { describe, expect, it } from 'vitest';
import { fixtures } from '../sandbox/population/fixtures.ts';
import { childTraceRequest } from '../../tests/support/child-trace.ts';
import { factsFor, recordsOf } from '../../tests/support/policy-facts.ts';
import { dwpStatusCheck, hmrcProactiveNotification, nhsTraceRequest } from '../../tests/support/requests.ts';
import { decide, rules } from './engine.ts';

const { windrushElder: clarence, turns30On2018_05_01: priya, offenderUnder30: ruan } = fixtures;

describe('decide', () => {
  it('permits when no rule denies, with the obligations of every rule', () => {
    const decision = decide(factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(clarence), subject: recordsOf(clarence) }));
    expect(decision.decision).toBe('permit');
    expect(decision.rules).toHaveLength(rules.length);
    expect(decision.obligations).toEqual([{ id: 'refer-to-windrush-taskforce' }]);
    expect(decision.agreement).toEqual({ id: 'home-office-dwp-umbrella-mou', version: '2012-01' });
  });

  it('denies when any one rule denies, and then carries no obligations', () => {
    const facts = factsFor('dwp.status-check', { party: 'dwp', request: { ...dwpStatusCheck(clarence), legalBasis: 'dpa-1998-s29-3' }, subject: recordsOf(clarence) });
    const decision = decide(facts);
    expect(decision.decision).toBe('deny');
    expect(decision.rules.filter((r) => r.outcome === 'deny').map((r) => r.id)).toEqual(['legal-basis']);
    expect(decision.obligations).toEqual([]);
  });

  it('says there was no agreement when none names the caller', () => {
    const decision = decide(factsFor('dwp.status-check', { party: 'hmrc', request: dwpStatusCheck(priya) }));
    expect(decision).toMatchObject({ decision: 'deny', agreement: null });
  });

  it('names only the directives that reached the request', () => {
    const day = '2026-11-23';
    expect(decide(factsFor('dfe.child-trace', { party: 'home-office-ie', day, request: childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }) })).directives).toEqual([]);
    expect(decide(factsFor('dwp.status-check', { party: 'dwp', day, request: dwpStatusCheck(priya), subject: recordsOf(priya) })).directives).toEqual(['windrush-status-check-referral-2018']);
    expect(decide(factsFor('hmrc.proactive-notification', { party: 'home-office', day, request: hmrcProactiveNotification(ruan), subject: recordsOf(ruan) })).directives).toEqual(['windrush-pause-2018']);
    expect(decide(factsFor('nhs.trace-request', { party: 'home-office', day, request: nhsTraceRequest(ruan) })).directives).toEqual(['nhs-digital-mou-narrowing']);
    expect(decide(factsFor('nhs.trace-request', { party: 'home-office', day: '2018-05-08', request: nhsTraceRequest(ruan) })).directives).toEqual([]);
  });
});
