// Scenarios from the inspection of child tracing with DfE (collaboration 7, ¶6.98–6.113), and the monthly cap
// held exactly when many requests arrive at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';
import {
  caller,
  deniedRules,
  expectDryRun,
  expectPermitted,
  expectRefused,
  outcomeOf,
  type Caller,
} from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { adoptTerms } from '../support/register.ts';

const amara = { ...fixtures.traceableChild, postcode: currentPostcode(fixtures.traceableChild) };
const referral = (extra: Record<string, unknown> = {}) => childTraceRequest(amara, extra);
const withNationality = () => ({ ...referral(), subject: { ...referral().subject, nationality: 'NGA' } });
const reasonOf = (decision: { rules: { id: string; reason: string }[] }, id: string) =>
  decision.rules.find((r) => r.id === id)!.reason;

// The clock moves once, at the end, into December, to show that a cap is per calendar month.
let now = new Date('2026-11-23T12:00:00Z');
let gw: TestGateway;
let ie: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  ie = caller(gw, 'ie-removals-casework');
});
afterAll(() => gw.close());

/** Sends `count` permitted traces, a few at a time, as Removals Casework's monthly batch would arrive. */
async function sendTraces(count: number, body: (i: number) => unknown) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) => ie.post(childTracePath, body(i + j)));
    statuses.push(...(await Promise.all(batch)).map((r) => r.status));
  }
  return statuses;
}

describe('¶6.109: nationality was removed from referrals in October 2016', () => {
  it('is refused today, naming the field', async () => {
    const refusal = await expectRefused(gw, await ie.post(childTracePath, withNationality()), 'field-scope');
    expect(refusal.detail).toContain('subject.nationality');
    expect(refusal.decision.agreement).toEqual({ id: 'ie-dfe-child-tracing-mou', version: '2.0' });
  });

  it('was allowed under v1.0 until 30 September 2016 and refused under v2.0 from 1 October 2016 (dry runs)', async () => {
    const before = await expectDryRun(
      gw,
      await ie.decide('dfe.child-trace', withNationality(), '2016-09-30'),
      'permit',
    );
    expect(before.agreement).toEqual({ id: 'ie-dfe-child-tracing-mou', version: '1.0' });
    const after = await expectDryRun(gw, await ie.decide('dfe.child-trace', withNationality(), '2016-10-01'), 'deny');
    expect(after.agreement).toEqual({ id: 'ie-dfe-child-tracing-mou', version: '2.0' });
    expect(deniedRules(after)).toEqual(['field-scope']);
  });
});

describe('¶6.113: the IE MoU v2.3, drafted in March 2017, was never signed', () => {
  it('authorises nothing: a trace relying on it is refused and nothing goes to DfE', async () => {
    const refusal = await expectRefused(
      gw,
      await ie.post(childTracePath, referral({ agreementId: 'ie-dfe-ie-checks-mou' })),
      'agreement-in-force',
    );
    expect(refusal.decision.agreement).toEqual({ id: 'ie-dfe-ie-checks-mou', version: '2.3' });
    expect(refusal.detail).toMatch(/v2.3 is not signed by home-office-ie, dfe on 2026-11-23/);
  });

  it('authorised nothing in June 2018 either, when the inspectors found it in use (dry run)', async () => {
    const decision = await expectDryRun(
      gw,
      await ie.decide('dfe.child-trace', referral({ agreementId: 'ie-dfe-ie-checks-mou' }), '2018-06-15'),
      'deny',
    );
    expect(outcomeOf(decision, 'agreement-in-force')).toBe('deny');
  });
});

describe('¶6.112: at most 300 requests a month, urgent safeguarding requests included', () => {
  it('never counts a dry run', async () => {
    for (let i = 0; i < 3; i += 1) await expectDryRun(gw, await ie.decide('dfe.child-trace', referral()), 'permit');
    const first = await expectPermitted(gw, await ie.post(childTracePath, referral()));
    expect(reasonOf(first.decision, 'monthly-cap')).toBe('1 of 300 requests this month');
  });

  it('permits the 300th request of the month and refuses the 301st, urgent or not', async () => {
    // 298 more, every fifth an urgent safeguarding request: with the first above, 299 used.
    const statuses = await sendTraces(298, (i) => referral(i % 5 === 0 ? { urgentSafeguarding: true } : {}));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const last = await expectPermitted(gw, await ie.post(childTracePath, referral({ urgentSafeguarding: true })));
    expect(reasonOf(last.decision, 'monthly-cap')).toBe('300 of 300 requests this month');
    const urgent = await expectRefused(
      gw,
      await ie.post(childTracePath, referral({ urgentSafeguarding: true })),
      'monthly-cap',
    );
    expect(urgent.detail).toMatch(/monthly cap of 300 requests has been reached/);
    await expectRefused(gw, await ie.post(childTracePath, referral()), 'monthly-cap');
  });
});

describe('caps are exact under concurrency', () => {
  it('gives exactly 3 permits to 50 simultaneous requests when 3 places are left', async () => {
    // A trial version with a cap of 5, registered as an administrator would, and 2 of its places used.
    await adoptTerms(
      gw,
      { agreementId: 'ie-dfe-child-tracing-mou', version: '2.0' },
      { agreementId: 'ie-dfe-cap-trial', version: '1.0', day: '2026-11-23' },
      (t) => ({
        ...t,
        measures: t.measures.map((m: { monthlyCap?: number }) => (m.monthlyCap ? { ...m, monthlyCap: 5 } : m)),
      }),
    );
    const trial = () => referral({ agreementId: 'ie-dfe-cap-trial' });
    expect(await sendTraces(2, trial)).toEqual([200, 200]);

    const answers = await Promise.all(Array.from({ length: 50 }, () => ie.post(childTracePath, trial())));
    const permitted = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 403);
    expect(permitted).toHaveLength(3);
    expect(refused).toHaveLength(47);
    for (const r of refused) expect(deniedRules(r.body.decision)).toEqual(['monthly-cap']);
    expect(permitted.map((r) => reasonOf(r.body.decision, 'monthly-cap')).sort()).toEqual([
      '3 of 5 requests this month',
      '4 of 5 requests this month',
      '5 of 5 requests this month',
    ]);

    // The log agrees: 5 permits under the trial version this month, 47 refusals by the cap.
    const dpo = caller(gw, 'dpo');
    const permits = await dpo.get(
      '/v1/audit/entries?agreement=ie-dfe-cap-trial&kind=decision&decision=permit&limit=500',
    );
    expect(permits.body.entries).toHaveLength(5);
    const capped = await dpo.get(
      '/v1/audit/entries?agreement=ie-dfe-cap-trial&kind=decision&rule=monthly-cap&limit=500',
    );
    expect(capped.body.entries).toHaveLength(47);
  });
});

describe('a cap is per calendar month', () => {
  it('starts afresh on 1 December', async () => {
    now = new Date('2026-12-01T09:00:00Z');
    const body = await expectPermitted(
      gw,
      await ie.post(childTracePath, referral({ agreementId: 'ie-dfe-child-tracing-mou' })),
    );
    expect(reasonOf(body.decision, 'monthly-cap')).toBe('1 of 300 requests this month');
  });
});
