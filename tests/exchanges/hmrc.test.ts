// The HMRC exchanges end to end: evidence of employment, income and residence (IE/UKVI → HMRC, UK Borders Act
// 2007 s.40), HMRC's reactive status checks (HMRC → Home Office) and proactive notifications (Home Office → HMRC).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { fixedClock } from '../support/child-trace.ts';
import { securityCases } from '../support/exchange-security.ts';
import {
  caller,
  expectDryRun,
  expectPermitted,
  expectRefused,
  outcomeOf,
  particularsOf,
  type Caller,
  dpoReason,
} from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { checkMinimised, spreadOf } from '../support/minimisation.ts';
import { adoptTerms } from '../support/register.ts';
import { hmrcEvidenceRequest, hmrcProactiveNotification, hmrcStatusCheck, paths } from '../support/requests.ts';

const {
  traceableChildFather: chukwuemeka,
  turns30On2018_05_01: priya,
  offenderUnder30: ruan,
  commonNamePairA: khan,
  eeaDebtor: camille,
  windrushElder: clarence,
} = fixtures;

let gw: TestGateway;
let ie: Caller;
let ukvi: Caller;
let hmrc: Caller;
let ho: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  ie = caller(gw, 'ie-removals-casework');
  ukvi = caller(gw, 'ukvi-casework');
  hmrc = caller(gw, 'hmrc-benefits');
  ho = caller(gw, 'ho-status-sharing');
});
afterAll(() => gw.close());

async function auditCount() {
  return Number((await gw.db('audit_log').count<{ c: string }[]>({ c: '*' }).first())!.c);
}

describe('hmrc.evidence-request (¶6.87–6.95)', () => {
  it("gives IE employment, income and residence under s.40, without PAYE references or HMRC's taxpayer record", async () => {
    const body = await expectPermitted(
      gw,
      await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(chukwuemeka)),
      { id: 'ie-ukvi-hmrc-s40-requests', version: '2007-10' },
    );
    expect(body.outcome).toBe('matched');
    expect(Object.keys(body.result).sort()).toEqual(['employment', 'income', 'match', 'residence']);
    expect(body.result.employment).toEqual([
      { employer: 'Kirkstall Forge Warehousing Ltd', from: '2013-01-07', to: '2017-10-31' },
    ]);
    expect(body.result.income[0]).toEqual({ taxYear: '2013-14', payPence: 1_450_000 });
    expect(body.result.residence.at(-1)).toEqual({
      line1: '27 Brudenell Grove',
      town: 'Leeds',
      postcode: 'LS6 2AB',
      from: '2023-08-21',
      to: null,
    });
    expect(JSON.stringify(body.result)).not.toMatch(/083\/KF30417|JT482193C|taxpayer/);
    expect(outcomeOf(body.decision, 'monthly-cap')).toBe('not-applicable');
  });

  it('asks only for the kinds of evidence requested', async () => {
    const body = await expectPermitted(
      gw,
      await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(chukwuemeka, { evidence: ['income'] })),
    );
    expect(Object.keys(body.result).sort()).toEqual(['income', 'match']);
  });

  it("counts UKVI's bulk requests against the 10,000 a month (¶6.95)", async () => {
    const body = await expectPermitted(
      gw,
      await ukvi.post(
        paths['hmrc.evidence-request'],
        hmrcEvidenceRequest(priya, { purpose: 'right-to-remain-or-treaty-rights' }),
      ),
      { id: 'ukvi-hmrc-bulk-evidence-dsa', version: '1.0' },
    );
    expect(body.decision.rules.find((r) => r.id === 'monthly-cap')!.reason).toBe('1 of 10000 requests this month');
  });

  it("brings back nobody's records for a NINo that belongs to someone else", async () => {
    const mixed = hmrcEvidenceRequest(chukwuemeka, {
      subject: { ...hmrcEvidenceRequest(chukwuemeka).subject, nino: priya.nino },
    });
    const body = await expectPermitted(gw, await ie.post(paths['hmrc.evidence-request'], mixed));
    expect(body).toMatchObject({ outcome: 'no-match', result: { match: false } });
    expect(JSON.stringify(body.result)).not.toContain('Calder Analytics');
  });

  it('brings back nothing about British or EEA citizens: HMRC refuses them (¶6.79)', async () => {
    for (const person of [khan, camille]) {
      const body = await expectPermitted(
        gw,
        await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(person)),
      );
      expect(body).toMatchObject({ outcome: 'out-of-scope', result: { match: false } });
      expect(Object.keys(body.result)).toEqual(['match']);
    }
  });

  it('will not ask HMRC without saying exactly how the information will be used: a 400, and nothing decided', async () => {
    const { statedUse: _used, ...withoutUse } = hmrcEvidenceRequest(chukwuemeka);
    const before = await auditCount();
    const res = await ie.post(paths['hmrc.evidence-request'], withoutUse);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ field: 'statedUse', message: 'is required' });
    expect(await auditCount()).toBe(before);
  });

  it('refuses a purpose IE does not have, a legal basis the statute does not give, or a field outside the scope', async () => {
    const refusal = await expectRefused(
      gw,
      await ie.post(
        paths['hmrc.evidence-request'],
        hmrcEvidenceRequest(chukwuemeka, { purpose: 'right-to-remain-or-treaty-rights' }),
      ),
      'purpose',
    );
    expect(refusal.decision.agreement).toEqual({ id: 'ie-ukvi-hmrc-s40-requests', version: '2007-10' });
    await expectRefused(
      gw,
      await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(chukwuemeka, { legalBasis: 'dpa-1998-s29-3' })),
      'legal-basis',
    );
    const withReference = hmrcEvidenceRequest(chukwuemeka, {
      subject: { ...hmrcEvidenceRequest(chukwuemeka).subject, homeOfficeReference: 'HO-4000003' },
    });
    expect(
      (await expectRefused(gw, await ie.post(paths['hmrc.evidence-request'], withReference), 'field-scope')).detail,
    ).toContain('subject.homeOfficeReference');
  });

  it('was not possible before the UK Borders Act 2007 (dry run)', async () => {
    const decision = await expectDryRun(
      gw,
      await ie.decide('hmrc.evidence-request', hmrcEvidenceRequest(chukwuemeka), '2007-06-01'),
      'deny',
    );
    expect(outcomeOf(decision, 'agreement-in-force')).toBe('deny');
  });

  it("never lets out PAYE references, NINos or HMRC's own record of the taxpayer (property)", async () => {
    const people = spreadOf(gw.population.people).filter((p) => p.nino !== null || p.employment.length > 0);
    await checkMinimised(
      gw,
      'hmrc.evidence-request',
      paths['hmrc.evidence-request'],
      'ie-removals-casework',
      fc
        .record({
          p: fc.constantFrom(...people),
          evidence: fc.subarray(['employment', 'income', 'residence'] as const, { minLength: 1 }),
        })
        .map(({ p, evidence }) => ({
          body: hmrcEvidenceRequest(p, { evidence }),
          forbidden: [
            ...p.employment.map((e) => e.payeReference),
            ...(p.nino ? [p.nino] : []),
            'taxpayer',
            'grossPayPence',
          ],
        })),
    );
  });

  it("refuses UKVI once a month's cap is used up, under a version with a cap of 2 (monthly-cap)", async () => {
    await adoptTerms(
      gw,
      { agreementId: 'ukvi-hmrc-bulk-evidence-dsa', version: '1.0' },
      { agreementId: 'ukvi-hmrc-bulk-pilot', version: '1.0', day: '2026-11-23' },
      (t) => ({
        ...t,
        measures: t.measures.map((m: { monthlyCap?: number }) => (m.monthlyCap ? { ...m, monthlyCap: 2 } : m)),
      }),
    );
    const ask = () =>
      ukvi.post(
        paths['hmrc.evidence-request'],
        hmrcEvidenceRequest(priya, {
          purpose: 'right-to-remain-or-treaty-rights',
          agreementId: 'ukvi-hmrc-bulk-pilot',
        }),
      );
    expect((await expectPermitted(gw, await ask())).decision.rules.find((r) => r.id === 'monthly-cap')!.reason).toBe(
      '1 of 2 requests this month',
    );
    await expectPermitted(gw, await ask());
    const refusal = await expectRefused(gw, await ask(), 'monthly-cap');
    expect(refusal.detail).toMatch(/monthly cap of 2 requests has been reached/);
  });
});

describe('hmrc.status-check (reactive: child benefit and tax credits)', () => {
  it('gives HMRC the status and leave, and no particulars back', async () => {
    const body = await expectPermitted(
      gw,
      await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(priya, { nino: true })),
      { id: 'home-office-hmrc-status-gateway', version: '2007-10' },
    );
    expect(body.decision.rules.find((r) => r.id === 'legal-basis')!.reason).toMatch(
      /^UK Borders Act 2007 s\.40\(1\)\(j\)/,
    );
    expect(body.result).toEqual({
      match: true,
      immigrationStatus: 'limited-leave',
      leaveType: 'skilled-worker',
      leaveValidTo: '2028-04-16',
      noRecourseToPublicFunds: true,
      windrushReferral: false,
    });
  });

  it('refuses the compliant-environment purpose on a status check, and a purpose, basis or field not agreed', async () => {
    await expectRefused(
      gw,
      await hmrc.post(paths['hmrc.status-check'], {
        ...hmrcStatusCheck(priya),
        purpose: 'compliant-environment-notification',
      }),
      'direction',
    );
    await expectRefused(
      gw,
      await hmrc.post(paths['hmrc.status-check'], { ...hmrcStatusCheck(priya), purpose: 'tax-investigation' }),
      'purpose',
    );
    await expectRefused(
      gw,
      await hmrc.post(paths['hmrc.status-check'], { ...hmrcStatusCheck(priya), legalBasis: 'ssaa-1992-s122b' }),
      'legal-basis',
    );
    // The Act without its section, as the register once recorded this flow, is no gateway (domain: named provisions).
    expect(
      (
        await expectRefused(
          gw,
          await hmrc.post(paths['hmrc.status-check'], {
            ...hmrcStatusCheck(priya),
            legalBasis: 'ukba-2007-hmrc-status-exchange',
          }),
          'legal-basis',
        )
      ).detail,
    ).toMatch(/not one the agreement names \(ukba-2007-s40, iaa-1999-s21\)/);
    const withPostcode = {
      ...hmrcStatusCheck(priya),
      subject: { ...hmrcStatusCheck(priya).subject, postcode: 'M20 6BW' },
    };
    await expectRefused(gw, await hmrc.post(paths['hmrc.status-check'], withPostcode), 'field-scope');
  });

  it('had no statutory gateway before the UK Borders Act 2007, for checks or notifications (dry runs)', async () => {
    expect(
      outcomeOf(
        await expectDryRun(gw, await hmrc.decide('hmrc.status-check', hmrcStatusCheck(priya), '2007-10-29'), 'deny'),
        'agreement-in-force',
      ),
    ).toBe('deny');
    expect(
      outcomeOf(
        await expectDryRun(
          gw,
          await ho.decide('hmrc.proactive-notification', hmrcProactiveNotification(ruan), '2007-10-29'),
          'deny',
        ),
        'agreement-in-force',
      ),
    ).toBe('deny');
  });

  it('never echoes the name, nationality or references of the person checked (property)', async () => {
    await checkMinimised(
      gw,
      'hmrc.status-check',
      paths['hmrc.status-check'],
      'hmrc-benefits',
      fc
        .record({ p: fc.constantFrom(...spreadOf(gw.population.people, 89)), nino: fc.boolean(), ref: fc.boolean() })
        .map(({ p, nino, ref }) => ({
          body: hmrcStatusCheck(p, { nino, homeOfficeReference: ref }),
          forbidden: [...particularsOf(p), `"${p.nationality}"`, 'partVI'],
        })),
    );
  });
});

describe('hmrc.proactive-notification (proactive, compliant environment)', () => {
  it('tells HMRC of a change of status about someone under 30', async () => {
    const body = await expectPermitted(
      gw,
      await ho.post(paths['hmrc.proactive-notification'], hmrcProactiveNotification(ruan)),
      { id: 'home-office-hmrc-status-gateway', version: '2007-10' },
    );
    expect(body.decision.rules.find((r) => r.id === 'legal-basis')!.reason).toMatch(
      /^Immigration and Asylum Act 1999 s\.21 /,
    );
    expect(body.outcome).toBe('acknowledged');
    expect(body.result.reference).toMatch(/^HMRC-N-[0-9A-F]{10}$/);
    expect(body.result.recordFound).toBe(true);
  });

  it('is paused for anyone 30 or over, Windrush generation or not (windrush-pause, ¶5.43)', async () => {
    const refused = async (request: unknown) =>
      (await expectRefused(gw, await ho.post(paths['hmrc.proactive-notification'], request), 'windrush-pause')).auditId;
    expect(await dpoReason(gw, await refused(hmrcProactiveNotification(priya)), 'windrush-pause')).toMatch(/is 38/);
    expect(await dpoReason(gw, await refused(hmrcProactiveNotification(clarence)), 'windrush-pause')).toMatch(/is 78/);
  });

  it('refuses the status-check purpose, and a purpose, basis or field not agreed', async () => {
    await expectRefused(
      gw,
      await ho.post(paths['hmrc.proactive-notification'], {
        ...hmrcProactiveNotification(ruan),
        purpose: 'tax-credit-child-benefit-status-check',
      }),
      'direction',
    );
    await expectRefused(
      gw,
      await ho.post(paths['hmrc.proactive-notification'], {
        ...hmrcProactiveNotification(ruan),
        purpose: 'revenue-protection',
      }),
      'purpose',
    );
    await expectRefused(
      gw,
      await ho.post(paths['hmrc.proactive-notification'], {
        ...hmrcProactiveNotification(ruan),
        legalBasis: 'ssaa-1992-s122b',
      }),
      'legal-basis',
    );
    const withPostcode = {
      ...hmrcProactiveNotification(ruan),
      subject: { ...hmrcProactiveNotification(ruan).subject, postcode: 'BS5 6HN' },
    };
    await expectRefused(gw, await ho.post(paths['hmrc.proactive-notification'], withPostcode), 'field-scope');
  });

  it("returns HMRC's reference and whether it found a record, nothing more (property)", async () => {
    const young = spreadOf(gw.population.people, 43).filter(
      (p) => p.dateOfBirth > '1997-01-01' && p.immigration.homeOfficeReference !== null,
    );
    await checkMinimised(
      gw,
      'hmrc.proactive-notification',
      paths['hmrc.proactive-notification'],
      'ho-status-sharing',
      fc.record({ p: fc.constantFrom(...young), nino: fc.boolean() }).map(({ p, nino }) => ({
        body: hmrcProactiveNotification(p, { homeOfficeReference: true, nino }),
        forbidden: particularsOf(p),
      })),
    );
  });
});

securityCases(() => gw, {
  exchange: 'hmrc.evidence-request',
  path: paths['hmrc.evidence-request'],
  body: () => hmrcEvidenceRequest(chukwuemeka),
  client: 'ie-removals-casework',
  wrongParty: 'ho-status-sharing',
});
securityCases(() => gw, {
  exchange: 'hmrc.status-check',
  path: paths['hmrc.status-check'],
  body: () => hmrcStatusCheck(priya),
  client: 'hmrc-benefits',
  wrongParty: 'dwp-benefits',
});
securityCases(() => gw, {
  exchange: 'hmrc.proactive-notification',
  path: paths['hmrc.proactive-notification'],
  body: () => hmrcProactiveNotification(ruan),
  client: 'ho-status-sharing',
  wrongParty: 'hmrc-benefits',
});
