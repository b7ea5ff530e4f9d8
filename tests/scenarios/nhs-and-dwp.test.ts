// Scenarios from the inspection of NHS data sharing (¶5.31–5.36, ¶6.143–6.169) and of NINo alignment with DWP
// (¶6.29–6.44).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { fixedClock } from '../support/child-trace.ts';
import {
  auditEntry,
  caller,
  deniedRules,
  expectDryRun,
  expectPermitted,
  expectRefused,
  type Caller,
  dpoReason,
} from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { debtorReturn, ninoAlignment, nhsTraceRequest, paths } from '../support/requests.ts';

const {
  offenderUnder30: ruan,
  eeaDebtor: camille,
  nonEeaDebtor: jordan,
  turns30On2018_05_01: priya,
  commonNamePairA: khanA,
  commonNamePairB: khanB,
} = fixtures;

let gw: TestGateway;
let ho: Caller;
let guys: Caller;
let ukvi: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  ho = caller(gw, 'ho-status-sharing');
  guys = caller(gw, 'guys-ovm');
  ukvi = caller(gw, 'ukvi-casework');
});
afterAll(() => gw.close());

describe('¶5.35–5.36: the NHS Digital MoU narrowed with immediate effect on 9 May 2018', () => {
  const offenderTrace = () => nhsTraceRequest(ruan, 'trace-immigration-offender', { otherEffortsFailed: true });

  it('allowed tracing an immigration offender on 8 May 2018 and refused it from 9 May 2018 (dry runs)', async () => {
    const before = await expectDryRun(
      gw,
      await ho.decide('nhs.trace-request', offenderTrace(), '2018-05-08'),
      'permit',
    );
    expect(before.agreement).toEqual({ id: 'ho-nhs-digital-tracing-mou', version: '2017-12' });
    expect(before.directives).toEqual([]);
    const after = await expectDryRun(gw, await ho.decide('nhs.trace-request', offenderTrace(), '2018-05-09'), 'deny');
    expect(deniedRules(after)).toEqual(['nhs-narrowed-scope']);
    expect(after.directives).toEqual(['nhs-digital-mou-narrowing']);
  });

  it('still allows the three narrowed purposes after 9 May 2018, for serious crime only with a sentence of 12 months or more (fn 36)', async () => {
    await expectDryRun(
      gw,
      await ho.decide(
        'nhs.trace-request',
        nhsTraceRequest(ruan, 'missing-vulnerable-person-welfare', { otherEffortsFailed: true }),
        '2018-05-09',
      ),
      'permit',
    );
    await expectDryRun(
      gw,
      await ho.decide(
        'nhs.trace-request',
        nhsTraceRequest(ruan, 'presence-not-conducive', { otherEffortsFailed: true }),
        '2018-05-09',
      ),
      'permit',
    );
    await expectDryRun(
      gw,
      await ho.decide(
        'nhs.trace-request',
        nhsTraceRequest(ruan, 'deportation-serious-criminal-offence', { otherEffortsFailed: true, sentenceMonths: 12 }),
        '2018-05-09',
      ),
      'permit',
    );
    await expectDryRun(
      gw,
      await ho.decide(
        'nhs.trace-request',
        nhsTraceRequest(ruan, 'deportation-serious-criminal-offence', { otherEffortsFailed: true, sentenceMonths: 11 }),
        '2018-05-09',
      ),
      'deny',
    );
  });

  it('required, before the narrowing and since, that other reasonable efforts to locate the person had failed (fn 32)', async () => {
    const early = await expectDryRun(
      gw,
      await ho.decide(
        'nhs.trace-request',
        nhsTraceRequest(ruan, 'trace-immigration-offender', { otherEffortsFailed: false }),
        '2018-02-01',
      ),
      'deny',
    );
    expect(deniedRules(early)).toEqual(['nhs-narrowed-scope']);
    await expectRefused(
      gw,
      await ho.post(
        paths['nhs.trace-request'],
        nhsTraceRequest(ruan, 'missing-vulnerable-person-welfare', { otherEffortsFailed: false }),
      ),
      'nhs-narrowed-scope',
    );
  });

  it('refuses today what it would have allowed before, and traces what the narrowed MoU allows', async () => {
    await expectRefused(gw, await ho.post(paths['nhs.trace-request'], offenderTrace()), 'nhs-narrowed-scope');
    const body = await expectPermitted(gw, await ho.post(paths['nhs.trace-request'], nhsTraceRequest(ruan)));
    expect(body.result).toEqual({
      match: true,
      address: { line1: '7 Chapel Street', town: 'Bristol', postcode: 'BS5 6HN' },
    });
  });
});

describe('¶6.146–6.150, ¶6.166: debtor returns cover non-EEA patients only', () => {
  it('refuses a return about an EEA national: nothing reaches the Home Office', async () => {
    const refusal = await expectRefused(
      gw,
      await guys.post(
        paths['nhs.debtor-return'],
        debtorReturn(camille, { amountPence: 80_000, invoicedOn: '2026-07-23' }),
      ),
      'debtor-nationality',
    );
    expect(refusal.detail).toMatch(/Debtor returns cover non-EEA patients only, as Home Office records show them/);
    expect(await dpoReason(gw, refusal.auditId, 'debtor-nationality')).toMatch(
      /Debtor returns cover non-EEA patients only; the patient is an EEA national/,
    );
    // The amount and age of the debt would have qualified: it is the nationality, from Home Office records, that refuses.
    expect(deniedRules(refusal.decision)).toEqual(['debtor-nationality']);
  });

  it('records the same debt for a non-EEA patient', async () => {
    const body = await expectPermitted(
      gw,
      await guys.post(
        paths['nhs.debtor-return'],
        debtorReturn(jordan, { amountPence: 65_000, invoicedOn: '2026-08-23' }),
      ),
    );
    expect(body.result.recorded).toBe(true);
  });
});

describe('¶6.33: a partial NINo match goes back to UKVI for resolution, never silently accepted', () => {
  it("returns a grant with a common name and an unmatched date of birth for resolution, with nothing of DWP's candidates", async () => {
    const batch = ninoAlignment([
      { ...priya, homeOfficeReference: 'HO-4000005' },
      { forename: 'Mohammed', surname: 'Khan', dateOfBirth: '1988-03-03', homeOfficeReference: 'HO-4712345' },
    ]);
    const body = await expectPermitted(gw, await ukvi.post(paths['dwp.nino-alignment'], batch));
    expect(body.outcome).toBe('needs-resolution');
    expect(body.result.matches).toEqual([
      { homeOfficeReference: 'HO-4000005', outcome: 'confirmed', nino: priya.nino },
    ]);
    expect(body.result.partialMatches).toEqual([{ homeOfficeReference: 'HO-4712345', candidates: 2 }]);
    // Neither Mohammed Khan whom DWP holds is named, dated or numbered to UKVI.
    const text = JSON.stringify(body.result);
    for (const khan of [khanA, khanB])
      for (const particular of [khan.nino!, khan.dateOfBirth, khan.addresses.at(-1)!.postcode])
        expect(text).not.toContain(particular);
    expect((await auditEntry(gw, body.auditId)).outcomes[0]!.body.outcome).toBe('needs-resolution');
  });

  it('aligns the grant once UKVI has resolved the date of birth', async () => {
    const resolved = ninoAlignment([{ ...khanA, homeOfficeReference: 'HO-4712345', nino: null }]);
    const body = await expectPermitted(gw, await ukvi.post(paths['dwp.nino-alignment'], resolved));
    expect(body.outcome).toBe('aligned');
    expect(body.result).toEqual({
      matches: [{ homeOfficeReference: 'HO-4712345', outcome: 'found', nino: khanA.nino }],
      partialMatches: [],
    });
  });
});
