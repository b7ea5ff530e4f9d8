// Scenarios from the Windrush measures (¶1.3, ¶3.23–3.24, ¶5.42–5.43): proactive compliant-environment sharing
// about people over 30 paused from 23 April 2018; financial-services sharing only about under-30s facing
// deportation; reactive status checks continuing, a Windrush profile referred to the Taskforce and the partner told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { fixedClock } from '../support/child-trace.ts';
import {
  auditEntry,
  caller,
  expectDryRun,
  expectPermitted,
  expectRefused,
  outcomeOf,
  type Caller,
  dpoReason,
} from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import {
  chargeabilityCheck,
  dwpProactiveNotification,
  dwpStatusCheck,
  educationStatusCheck,
  financialStatusShare,
  hmrcProactiveNotification,
  hmrcStatusCheck,
  paths,
} from '../support/requests.ts';

const { turns30On2018_05_01: priya, windrushElder: clarence, offenderUnder30: ruan } = fixtures;
const taskforce = /referred this case to the Windrush Taskforce/;

let gw: TestGateway;
let ho: Caller;
let dwp: Caller;
let hmrc: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  ho = caller(gw, 'ho-status-sharing');
  dwp = caller(gw, 'dwp-benefits');
  hmrc = caller(gw, 'hmrc-benefits');
});
afterAll(() => gw.close());

describe('¶5.43: proactive sharing about over-30s is paused; reactive status checks continue', () => {
  it("refuses to volunteer a change of status about Priya, 38, to HMRC or DWP, yet answers both departments' checks about her", async () => {
    await expectRefused(
      gw,
      await ho.post(paths['hmrc.proactive-notification'], hmrcProactiveNotification(priya)),
      'windrush-pause',
    );
    await expectRefused(
      gw,
      await ho.post(paths['dwp.proactive-notification'], dwpProactiveNotification(priya)),
      'windrush-pause',
    );
    const hmrcCheck = await expectPermitted(gw, await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(priya)));
    expect(hmrcCheck.result).toMatchObject({ match: true, immigrationStatus: 'limited-leave' });
    const dwpCheck = await expectPermitted(gw, await dwp.post(paths['dwp.status-check'], dwpStatusCheck(priya)));
    expect(outcomeOf(dwpCheck.decision, 'windrush-pause')).toBe('permit');
  });

  it('permitted a proactive HMRC notification about a 45-year-old on 1 April 2018 and refused it on 1 May 2018 (dry runs)', async () => {
    const [ramon] = gw.population.people.filter(
      (p) => p.forename === 'Ramon' && p.surname === 'Aquino' && p.dateOfBirth === '1972-08-16',
    );
    const before = await expectDryRun(
      gw,
      await ho.decide('hmrc.proactive-notification', hmrcProactiveNotification(ramon!), '2018-04-01'),
      'permit',
    );
    expect(before.directives).toEqual([]);
    const after = await expectDryRun(
      gw,
      await ho.decide('hmrc.proactive-notification', hmrcProactiveNotification(ramon!), '2018-05-01'),
      'deny',
    );
    expect(after.directives).toEqual(['windrush-pause-2018']);
    expect(await dpoReason(gw, after.auditId, 'windrush-pause')).toMatch(
      /the subject is 45 on 2018-05-01, so proactive sharing is paused/,
    );
  });
});

describe('¶5.43: the 30th birthday, on which a person is no longer under 30', () => {
  it('let HMRC and DWP be told about Priya the day before she turned 30, not on her birthday (dry runs)', async () => {
    for (const [exchange, request] of [
      ['hmrc.proactive-notification', hmrcProactiveNotification(priya)],
      ['dwp.proactive-notification', dwpProactiveNotification(priya)],
    ] as const) {
      const eve = await expectDryRun(gw, await ho.decide(exchange, request, '2018-04-30'), 'permit');
      expect(await dpoReason(gw, eve.auditId, 'windrush-pause')).toMatch(/under 30 on 2018-04-30/);
      const birthday = await expectDryRun(gw, await ho.decide(exchange, request, '2018-05-01'), 'deny');
      expect(await dpoReason(gw, birthday.auditId, 'windrush-pause')).toMatch(/is 30 on 2018-05-01/);
    }
  });

  it('lets a bank be told about Ruan, facing deportation, until the day he turns 30 (dry runs and today)', async () => {
    await expectPermitted(gw, await ho.post(paths['financial.status-share'], financialStatusShare(ruan)));
    expect(
      outcomeOf(
        await expectDryRun(
          gw,
          await ho.decide('financial.status-share', financialStatusShare(ruan), '2030-02-09'),
          'permit',
        ),
        'financial-services-age',
      ),
    ).toBe('permit');
    const birthday = await expectDryRun(
      gw,
      await ho.decide('financial.status-share', financialStatusShare(ruan), '2030-02-10'),
      'deny',
    );
    expect(await dpoReason(gw, birthday.auditId, 'financial-services-age')).toMatch(/is 30 on 2030-02-10/);
  });
});

describe('¶3.24: a reactive status check about someone with a Windrush profile goes to the Taskforce, and the partner is told', () => {
  it('answers DWP about Clarence Baptiste, settled since before 1973, and refers the case', async () => {
    const body = await expectPermitted(gw, await dwp.post(paths['dwp.status-check'], dwpStatusCheck(clarence)));
    expect(body.decision.obligations).toEqual([{ id: 'refer-to-windrush-taskforce' }]);
    expect(body.result).toMatchObject({ match: true, immigrationStatus: 'settled', windrushReferral: true });
    expect(body.notices).toEqual([expect.stringMatching(taskforce)]);
    // The notice names no one.
    expect(body.notices!.join(' ')).not.toMatch(/Clarence|Baptiste|HO-4000004/);
    const outcome = (await auditEntry(gw, body.auditId)).outcomes[0]!.body;
    expect(outcome.referrals).toEqual(['windrush-taskforce']);
  });

  it('does the same for HMRC and for an NHS Trust', async () => {
    for (const res of [
      await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(clarence)),
      await caller(gw, 'guys-ovm').post(paths['nhs.chargeability-check'], chargeabilityCheck(clarence)),
    ]) {
      const body = await expectPermitted(gw, res);
      expect(body.decision.obligations).toEqual([{ id: 'refer-to-windrush-taskforce' }]);
      expect(body.notices).toEqual([expect.stringMatching(taskforce)]);
    }
  });

  it('refers nobody without a Windrush profile, and nobody before the measures began (dry run)', async () => {
    const priyaCheck = await expectPermitted(gw, await dwp.post(paths['dwp.status-check'], dwpStatusCheck(priya)));
    expect(priyaCheck.notices).toBeUndefined();
    expect((await auditEntry(gw, priyaCheck.auditId)).outcomes[0]!.body.referrals).toBeUndefined();
    const before = await expectDryRun(
      gw,
      await dwp.decide('dwp.status-check', dwpStatusCheck(clarence), '2018-04-01'),
      'permit',
    );
    expect(before.obligations).toEqual([]);
  });

  it('never volunteers his status proactively: he is 78 (¶5.43)', async () => {
    await expectRefused(
      gw,
      await ho.post(paths['dwp.proactive-notification'], dwpProactiveNotification(clarence)),
      'windrush-pause',
    );
  });

  it('is refused to a school, whose agreement names no legal gateway, whatever the profile: the referral follows a permitted check only', async () => {
    const refusal = await expectRefused(
      gw,
      await caller(gw, 'lea-admissions').post(paths['dfe.education-status-check'], educationStatusCheck(clarence)),
      'legal-basis',
    );
    expect(refusal.decision.obligations).toEqual([]);
  });
});
