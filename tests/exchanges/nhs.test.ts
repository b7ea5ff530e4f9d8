// The NHS exchanges end to end: IECAS chargeability checks by Trusts with their own MoU (¶6.160), debtor returns
// (¶6.143–6.154) and NHS Digital tracing, narrowed since 9 May 2018 (¶5.36). Never anything clinical (¶5.31).
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
import { chargeabilityCheck, debtorReturn, nhsTraceRequest, paths } from '../support/requests.ts';

const { nonEeaDebtor: jordan, eeaDebtor: camille, offenderUnder30: ruan, windrushElder: clarence } = fixtures;
const jordansDebt = { amountPence: 65_000, invoicedOn: '2026-08-23' };

let gw: TestGateway;
let guys: Caller;
let wealdbridge: Caller;
let ho: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  guys = caller(gw, 'guys-ovm');
  wealdbridge = caller(gw, 'wealdbridge-ovm');
  ho = caller(gw, 'ho-status-sharing');
});
afterAll(() => gw.close());

describe('nhs.chargeability-check (¶6.160–6.162)', () => {
  it('gives a Trust with its own signed MoU the status and leave, never whether to charge', async () => {
    const body = await expectPermitted(
      gw,
      await guys.post(paths['nhs.chargeability-check'], chargeabilityCheck(jordan)),
      { id: 'iecas-mou-nhs-trust-guys-st-thomas', version: '1.0' },
    );
    expect(body.result).toEqual({
      immigrationStatus: 'limited-leave',
      leaveType: 'visitor',
      leaveValidTo: '2026-12-01',
      windrushReferral: false,
    });
    expect(JSON.stringify(body.result)).not.toMatch(/charg|Jordan|Mitchell|USA|HO-4000008/i);
  });

  it('refuses a Trust that has not signed its own MoU (agreement-in-force, ¶6.160)', async () => {
    const refusal = await expectRefused(
      gw,
      await wealdbridge.post(paths['nhs.chargeability-check'], chargeabilityCheck(jordan)),
      'agreement-in-force',
    );
    expect(refusal.decision.agreement).toEqual({ id: 'iecas-mou-nhs-trust-wealdbridge', version: '1.0' });
  });

  it("refuses a Trust relying on another Trust's MoU (party)", async () => {
    const res = await guys.post(paths['nhs.chargeability-check'], {
      ...chargeabilityCheck(jordan),
      agreementId: 'iecas-mou-nhs-trust-kings-college',
    });
    expect((await expectRefused(gw, res, 'party')).decision.agreement).toBeNull();
  });

  it('refuses a purpose, a legal basis or a field the MoU does not name', async () => {
    await expectRefused(
      gw,
      await guys.post(paths['nhs.chargeability-check'], {
        ...chargeabilityCheck(jordan),
        purpose: 'report-to-immigration-enforcement',
      }),
      'purpose',
    );
    await expectRefused(
      gw,
      await guys.post(paths['nhs.chargeability-check'], {
        ...chargeabilityCheck(jordan),
        legalBasis: 'immigration-rules-320-22',
      }),
      'legal-basis',
    );
    const withNino = {
      ...chargeabilityCheck(jordan),
      subject: { ...chargeabilityCheck(jordan).subject, nino: 'AB123456C' },
    };
    await expectRefused(gw, await guys.post(paths['nhs.chargeability-check'], withNino), 'field-scope');
  });

  it('never names the patient or says anything beyond status and leave (property)', async () => {
    await checkMinimised(
      gw,
      'nhs.chargeability-check',
      paths['nhs.chargeability-check'],
      'guys-ovm',
      fc.constantFrom(...spreadOf(gw.population.people, 83)).map((p) => ({
        body: chargeabilityCheck(p),
        forbidden: [...particularsOf(p), `"${p.nationality}"`, 'noRecourseToPublicFunds', 'supportedUnderS95'],
      })),
    );
  });
});

describe('nhs.debtor-return (¶6.143–6.157, Figure 5)', () => {
  it('records a non-EEA debt of £500 or more outstanding 2 months or more, and moves it through Figure 5', async () => {
    const first = await expectPermitted(
      gw,
      await guys.post(paths['nhs.debtor-return'], debtorReturn(jordan, jordansDebt)),
      { id: 'nhs-debtor-immigration-rules', version: '2016-04' },
    );
    expect(first.outcome).toBe('recorded');
    expect(Object.keys(first.result).sort()).toEqual(['previousStatus', 'recorded', 'reference']);
    // Already on CID from an earlier return (Operation DINTEL works from these, ¶6.170).
    expect(first.result).toMatchObject({ recorded: true, previousStatus: 'debt-outstanding' });
    expect(JSON.stringify(first.result)).not.toContain('HO-4000008');
    let previous = 'debt-outstanding';
    for (const status of ['repayment-arrangement', 'defaulted-debt-still-outstanding', 'debt-repaid'] as const) {
      const body = await expectPermitted(
        gw,
        await guys.post(paths['nhs.debtor-return'], debtorReturn(jordan, { ...jordansDebt, status })),
      );
      expect(body.result).toEqual({ recorded: true, reference: first.result.reference, previousStatus: previous });
      previous = status;
    }
  });

  it('takes returns from a Trust with no MoU: the Immigration Rules need none (¶6.152)', async () => {
    await expectPermitted(
      gw,
      await wealdbridge.post(
        paths['nhs.debtor-return'],
        debtorReturn(jordan, { ...jordansDebt, invoiceNumber: 'WB-2026-0099' }),
      ),
    );
  });

  it('refuses debts under the threshold (debtor-threshold) and patients the Home Office cannot show are non-EEA (debtor-nationality)', async () => {
    const camilles = await expectRefused(
      gw,
      await guys.post(
        paths['nhs.debtor-return'],
        debtorReturn(camille, { amountPence: 80_000, invoicedOn: '2026-07-23' }),
      ),
      'debtor-nationality',
    );
    expect(await dpoReason(gw, camilles.auditId, 'debtor-nationality')).toMatch(/EEA national/);
    expect(
      (
        await expectRefused(
          gw,
          await guys.post(
            paths['nhs.debtor-return'],
            debtorReturn(jordan, { amountPence: 49_999, invoicedOn: '2026-08-23' }),
          ),
          'debtor-threshold',
        )
      ).detail,
    ).toMatch(/at least £500/);
    expect(
      (
        await expectRefused(
          gw,
          await guys.post(
            paths['nhs.debtor-return'],
            debtorReturn(jordan, { amountPence: 65_000, invoicedOn: '2026-10-10' }),
          ),
          'debtor-threshold',
        )
      ).detail,
    ).toMatch(/2 months/);
    const stranger = { forename: 'Unknown', surname: 'Patient', dateOfBirth: '1970-01-01' };
    const strangers = await expectRefused(
      gw,
      await guys.post(paths['nhs.debtor-return'], debtorReturn(stranger, jordansDebt)),
      'debtor-nationality',
    );
    expect(await dpoReason(gw, strangers.auditId, 'debtor-nationality')).toMatch(/do not show/);
    // The Trust is told the same whether the record shows an EEA national or there is none.
    expect(strangers.detail).toBe(camilles.detail);
  });

  it('applied £1,000 after 3 months before April 2016 (dry run, ¶6.150)', async () => {
    const decision = await expectDryRun(
      gw,
      await guys.decide(
        'nhs.debtor-return',
        debtorReturn(jordan, { amountPence: 80_000, invoicedOn: '2015-06-01' }),
        '2015-11-23',
      ),
      'deny',
    );
    expect(decision.agreement).toEqual({ id: 'nhs-debtor-immigration-rules', version: '2011-10' });
    expect(decision.rules.find((r) => r.id === 'debtor-threshold')!.reason).toMatch(/at least £1000/);
    expect(
      outcomeOf(
        await expectDryRun(
          gw,
          await guys.decide('nhs.debtor-return', debtorReturn(jordan, jordansDebt), '2011-06-01'),
          'deny',
        ),
        'agreement-in-force',
      ),
    ).toBe('deny');
  });

  it('refuses a purpose, a legal basis or a field the Rules do not cover', async () => {
    await expectRefused(
      gw,
      await guys.post(paths['nhs.debtor-return'], {
        ...debtorReturn(jordan, jordansDebt),
        purpose: 'establish-chargeability',
      }),
      'purpose',
    );
    await expectRefused(
      gw,
      await guys.post(paths['nhs.debtor-return'], {
        ...debtorReturn(jordan, jordansDebt),
        legalBasis: 'nhs-overseas-visitor-charging',
      }),
      'legal-basis',
    );
    const withNino = {
      ...debtorReturn(jordan, jordansDebt),
      subject: { ...debtorReturn(jordan, jordansDebt).subject, nino: 'AB123456C' },
    };
    expect(
      (await expectRefused(gw, await guys.post(paths['nhs.debtor-return'], withNino), 'field-scope')).detail,
    ).toContain('subject.nino');
  });

  it('returns only the receipt, never the Home Office reference the debt was recorded against (property)', async () => {
    const debtors = gw.population.people.filter((p) => p.nhsDebts.length > 0);
    await checkMinimised(
      gw,
      'nhs.debtor-return',
      paths['nhs.debtor-return'],
      'guys-ovm',
      fc.constantFrom(...debtors).map((p) => ({
        body: debtorReturn(p, {
          amountPence: Math.max(p.nhsDebts[0]!.amountPence, 50_000),
          invoicedOn: p.nhsDebts[0]!.invoicedOn < '2026-09-23' ? p.nhsDebts[0]!.invoicedOn : '2026-08-01',
        }),
        forbidden: particularsOf(p),
      })),
    );
  });
});

describe('nhs.trace-request (¶5.32–5.36)', () => {
  it('traces someone facing deportation after a serious offence to their registered address, and nothing else', async () => {
    const body = await expectPermitted(gw, await ho.post(paths['nhs.trace-request'], nhsTraceRequest(ruan)), {
      id: 'ho-nhs-digital-tracing-mou',
      version: '2017-12',
    });
    expect(body.result).toEqual({
      match: true,
      address: { line1: '7 Chapel Street', town: 'Bristol', postcode: 'BS5 6HN' },
    });
    expect(body.decision.directives).toContain('nhs-digital-mou-narrowing');
    expect(outcomeOf(body.decision, 'nhs-narrowed-scope')).toBe('permit');
    expect(outcomeOf(body.decision, 'nhs-non-clinical')).toBe('permit');
  });

  it('says when NHS Digital holds two people of that name and date of birth, and gives neither', async () => {
    const [emma] = gw.population.people.filter(
      (p) => p.forename === 'Emma' && p.surname === 'Baker' && p.dateOfBirth === '1976-05-15',
    );
    const body = await expectPermitted(
      gw,
      await ho.post(
        paths['nhs.trace-request'],
        nhsTraceRequest(emma!, 'missing-vulnerable-person-welfare', { otherEffortsFailed: true }),
      ),
    );
    expect(body).toMatchObject({ outcome: 'multiple-matches', result: { match: false } });
    expect(Object.keys(body.result)).toEqual(['match']);
  });

  it('refuses purposes outside the narrowed three, and traces before other efforts failed or for lesser offences (nhs-narrowed-scope)', async () => {
    expect(
      (
        await expectRefused(
          gw,
          await ho.post(
            paths['nhs.trace-request'],
            nhsTraceRequest(ruan, 'trace-immigration-offender', { otherEffortsFailed: true }),
          ),
          'nhs-narrowed-scope',
        )
      ).detail,
    ).toMatch(/allowed only for/);
    expect(
      (
        await expectRefused(
          gw,
          await ho.post(
            paths['nhs.trace-request'],
            nhsTraceRequest(ruan, 'missing-vulnerable-person-welfare', { otherEffortsFailed: false }),
          ),
          'nhs-narrowed-scope',
        )
      ).detail,
    ).toMatch(/other reasonable efforts/);
    expect(
      (
        await expectRefused(
          gw,
          await ho.post(
            paths['nhs.trace-request'],
            nhsTraceRequest(ruan, 'deportation-serious-criminal-offence', {
              otherEffortsFailed: true,
              sentenceMonths: 6,
            }),
          ),
          'nhs-narrowed-scope',
        )
      ).detail,
    ).toMatch(/at least 12 months/);
  });

  it('refuses a purpose, a legal basis or a field the MoU does not name', async () => {
    await expectRefused(
      gw,
      await ho.post(paths['nhs.trace-request'], nhsTraceRequest(ruan, 'locate-overstayer')),
      'purpose',
    );
    await expectRefused(
      gw,
      await ho.post(paths['nhs.trace-request'], { ...nhsTraceRequest(ruan), legalBasis: 'dpa-1998-s29-3' }),
      'legal-basis',
    );
    const withNino = { ...nhsTraceRequest(ruan), subject: { ...nhsTraceRequest(ruan).subject, nino: ruan.nino } };
    await expectRefused(gw, await ho.post(paths['nhs.trace-request'], withNino), 'field-scope');
  });

  it('had no MoU before January 2017 (dry run)', async () => {
    expect(
      outcomeOf(
        await expectDryRun(gw, await ho.decide('nhs.trace-request', nhsTraceRequest(ruan), '2016-12-31'), 'deny'),
        'agreement-in-force',
      ),
    ).toBe('deny');
  });

  it('never lets out the GP practice or anything but an address (property)', async () => {
    await checkMinimised(
      gw,
      'nhs.trace-request',
      paths['nhs.trace-request'],
      'ho-status-sharing',
      fc
        .record({
          p: fc.constantFrom(...spreadOf(gw.population.people, 67)),
          purpose: fc.constantFrom('missing-vulnerable-person-welfare', 'presence-not-conducive'),
        })
        .map(({ p, purpose }) => ({
          body: nhsTraceRequest(p, purpose, { otherEffortsFailed: true }),
          // The practice is named after the postcode district, e.g. "Oakwood Medical Centre": none of it may leave.
          forbidden: [
            p.nino,
            p.immigration.homeOfficeReference,
            'gpPracticeName',
            'Surgery',
            'Medical',
            'Health Centre',
            `"${p.dateOfBirth}"`,
          ].filter((v): v is string => v !== null),
        })),
    );
  });
});

// Last: each adopted version is newer than the default register's, so later requests could be governed by it.
describe('agreements that would let clinical data through are refused whatever they say (nhs-non-clinical, ¶5.31)', () => {
  const clinical = (field: string) => (t: Record<string, any>) => ({
    ...t,
    exchanges: t.exchanges.map((e: { responseFields: string[] }) => ({
      ...e,
      responseFields: [...e.responseFields, field],
    })),
  });

  it('an NHS Digital version returning diagnoses', async () => {
    await adoptTerms(
      gw,
      { agreementId: 'ho-nhs-digital-tracing-mou', version: '2017-12' },
      { agreementId: 'nhs-digital-clinical', version: '1.0', day: '2026-11-23' },
      clinical('diagnosisCodes'),
    );
    const refusal = await expectRefused(
      gw,
      await ho.post(paths['nhs.trace-request'], { ...nhsTraceRequest(ruan), agreementId: 'nhs-digital-clinical' }),
      'nhs-non-clinical',
    );
    expect(refusal.detail).toMatch(/Clinical information may never be shared: diagnosisCodes/);
  });

  it("a Trust's MoU returning medical conditions", async () => {
    await adoptTerms(
      gw,
      { agreementId: 'iecas-mou-nhs-trust-guys-st-thomas', version: '1.0' },
      { agreementId: 'iecas-guys-clinical', version: '1.0', day: '2026-11-23' },
      clinical('medicalConditions'),
    );
    await expectRefused(
      gw,
      await guys.post(paths['nhs.chargeability-check'], {
        ...chargeabilityCheck(jordan),
        agreementId: 'iecas-guys-clinical',
      }),
      'nhs-non-clinical',
    );
  });

  it('a debtor-return version asking for treatment episodes', async () => {
    await adoptTerms(
      gw,
      { agreementId: 'nhs-debtor-immigration-rules', version: '2016-04' },
      { agreementId: 'nhs-debtor-clinical', version: '1.0', day: '2026-11-23' },
      clinical('treatmentEpisodes'),
    );
    await expectRefused(
      gw,
      await guys.post(paths['nhs.debtor-return'], {
        ...debtorReturn(jordan, jordansDebt),
        agreementId: 'nhs-debtor-clinical',
      }),
      'nhs-non-clinical',
    );
  });

  it('and a debtor-return version that matches on the Home Office reference refuses a return without one (match-quality)', async () => {
    await adoptTerms(
      gw,
      { agreementId: 'nhs-debtor-immigration-rules', version: '2016-04' },
      { agreementId: 'nhs-debtor-by-reference', version: '1.0', day: '2026-11-23' },
      (t) => ({
        ...t,
        dataAccuracy: { ...t.dataAccuracy, matchPoints: ['name', 'dateOfBirth', 'homeOfficeReference'] },
      }),
    );
    const res = await guys.post(paths['nhs.debtor-return'], {
      ...debtorReturn(jordan, jordansDebt),
      agreementId: 'nhs-debtor-by-reference',
    });
    expect((await expectRefused(gw, res, 'match-quality')).detail).toMatch(/lacks homeOfficeReference/);
  });
});

securityCases(() => gw, {
  exchange: 'nhs.chargeability-check',
  path: paths['nhs.chargeability-check'],
  body: () => chargeabilityCheck(jordan),
  client: 'guys-ovm',
  wrongParty: 'ho-status-sharing',
});
securityCases(() => gw, {
  exchange: 'nhs.debtor-return',
  path: paths['nhs.debtor-return'],
  body: () => debtorReturn(jordan, jordansDebt),
  client: 'guys-ovm',
  wrongParty: 'dwp-benefits',
});
securityCases(() => gw, {
  exchange: 'nhs.trace-request',
  path: paths['nhs.trace-request'],
  body: () => nhsTraceRequest(clarence, 'missing-vulnerable-person-welfare', { otherEffortsFailed: true }),
  client: 'ho-status-sharing',
  wrongParty: 'ie-removals-casework',
});
