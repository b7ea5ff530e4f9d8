// The engine: every rule reported, any deny wins, obligations only with a permit, and the decision names the
// directives that reached the request, not every directive in force.
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest } from '../../tests/support/child-trace.ts';
import { factsFor, recordsOf } from '../../tests/support/policy-facts.ts';
import { dwpStatusCheck, hmrcProactiveNotification, nhsTraceRequest } from '../../tests/support/requests.ts';
import { decisionFor } from './caller-view.ts';
import { decide, requestRules, subjectRules } from './engine.ts';

const { windrushElder: clarence, turns30On2018_05_01: priya, offenderUnder30: ruan } = fixtures;

describe('decide', () => {
  it('permits when no rule denies, with the obligations of every rule', () => {
    const decision = decide(
      factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(clarence), subject: recordsOf(clarence) }),
    );
    expect(decision.decision).toBe('permit');
    expect(decision.rules).toHaveLength(requestRules.length + subjectRules.length);
    expect(decision.obligations).toEqual([{ id: 'refer-to-windrush-taskforce' }]);
    expect(decision.agreement).toEqual({ id: 'home-office-dwp-umbrella-mou', version: '2012-01' });
  });

  it('denies when any one rule denies, and then carries no obligations', () => {
    const facts = factsFor('dwp.status-check', {
      party: 'dwp',
      request: { ...dwpStatusCheck(clarence), legalBasis: 'dpa-1998-s29-3' },
      subject: recordsOf(clarence),
    });
    const decision = decide(facts);
    expect(decision.decision).toBe('deny');
    expect(decision.rules.filter((r) => r.outcome === 'deny').map((r) => r.id)).toEqual(['legal-basis']);
    expect(decision.obligations).toEqual([]);
  });

  it('says there was no agreement when none names the caller', () => {
    const decision = decide(factsFor('dwp.status-check', { party: 'hmrc', request: dwpStatusCheck(priya) }));
    expect(decision).toMatchObject({ decision: 'deny', agreement: null });
  });

  it('decides the request stage from the request and register alone, with no subject rule', () => {
    const facts = factsFor('hmrc.proactive-notification', {
      party: 'home-office',
      request: hmrcProactiveNotification(clarence),
    });
    const decision = decide(facts, 'request');
    expect(decision.rules.map((r) => r.id)).toEqual(requestRules.map((rule) => rule(facts).id));
    expect(decision.decision).toBe('permit');
  });

  it("tells a party a subject rule's outcome without the record's facts, and the DPO everything", () => {
    const decision = {
      ...decide(
        factsFor('hmrc.proactive-notification', {
          party: 'home-office',
          request: hmrcProactiveNotification(clarence),
          subject: recordsOf(clarence),
        }),
      ),
      auditId: 'x',
    };
    expect(decision.decision).toBe('deny');
    const dpo = decisionFor('dpo', decision).rules.find((r) => r.id === 'windrush-pause')!;
    const party = decisionFor('caller', decision).rules.find((r) => r.id === 'windrush-pause')!;
    expect(dpo.reason).toMatch(/the subject is \d+ on/);
    expect(party).toEqual({
      id: 'windrush-pause',
      outcome: 'deny',
      reason: expect.stringMatching(/proactive sharing about this subject is paused$/),
    });
    expect(JSON.stringify(decisionFor('caller', decision))).not.toMatch(/\b\d{2} on \d{4}/);
  });

  it("shows a caller the request stage's refusal only, with no subject rule", () => {
    const decision = {
      ...decide(
        factsFor('financial.status-share', {
          party: 'nhs-trust-guys-st-thomas',
          request: { purpose: 'x', legalBasis: 'y', caseReference: 'C', subject: {} },
          subject: recordsOf(ruan),
        }),
      ),
      auditId: 'x',
    };
    const shown = decisionFor('caller', decision);
    expect(shown.rules.map((r) => r.id)).toEqual(
      requestRules.map(
        (rule) =>
          rule(
            factsFor('financial.status-share', {
              party: 'nhs-trust-guys-st-thomas',
              request: { purpose: 'x', legalBasis: 'y' },
            }),
          ).id,
      ),
    );
    expect(JSON.stringify(shown)).not.toMatch(/deportation|\bis \d+\b/);
  });

  it('names only the directives that reached the request', () => {
    const day = '2026-11-23';
    expect(
      decide(
        factsFor('dfe.child-trace', {
          party: 'home-office-ie',
          day,
          request: childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }),
        }),
      ).directives,
    ).toEqual([]);
    expect(
      decide(
        factsFor('dwp.status-check', { party: 'dwp', day, request: dwpStatusCheck(priya), subject: recordsOf(priya) }),
      ).directives,
    ).toEqual(['windrush-status-check-referral-2018']);
    expect(
      decide(
        factsFor('hmrc.proactive-notification', {
          party: 'home-office',
          day,
          request: hmrcProactiveNotification(ruan),
          subject: recordsOf(ruan),
        }),
      ).directives,
    ).toEqual(['windrush-pause-2018']);
    expect(
      decide(factsFor('nhs.trace-request', { party: 'home-office', day, request: nhsTraceRequest(ruan) })).directives,
    ).toEqual(['nhs-digital-mou-narrowing']);
    expect(
      decide(factsFor('nhs.trace-request', { party: 'home-office', day: '2018-05-08', request: nhsTraceRequest(ruan) }))
        .directives,
    ).toEqual([]);
  });
});
