// financial.status-share end to end: the Home Office tells a bank that a customer is a disqualified person;
// since 23 April 2018 only about people under 30 facing deportation for criminal offending (¶5.43).
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
import { checkMinimised } from '../support/minimisation.ts';
import { financialStatusShare, paths } from '../support/requests.ts';

const { offenderUnder30: ruan, turns30On2018_05_01: priya, traceableChild: amara } = fixtures;
const path = paths['financial.status-share'];

let gw: TestGateway;
let ho: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  ho = caller(gw, 'ho-status-sharing');
});
afterAll(() => gw.close());

describe('financial.status-share (¶5.43)', () => {
  it("tells the bank about a 26-year-old facing deportation, and the caller gets the bank's reference only", async () => {
    const body = await expectPermitted(gw, await ho.post(path, financialStatusShare(ruan)), {
      id: 'ia-2014-current-accounts',
      version: '2017-10',
    });
    expect(body.outcome).toBe('acknowledged');
    expect(body.result).toEqual({ reference: expect.stringMatching(/^FIN-[0-9A-F]{10}$/) });
    expect(body.decision.directives).toEqual(['windrush-financial-services-2018']);
    // The caller is told the subject qualifies; that he is 26 and faces deportation is the DPO's to read.
    expect(body.decision.rules.find((r) => r.id === 'financial-services-age')!.reason).toBe(
      'The subject may be shared under the financial-services restriction',
    );
    expect(await dpoReason(gw, body.auditId, 'financial-services-age')).toBe(
      'The subject is 26 and faces deportation for criminal offending',
    );
  });

  it('refuses anyone 30 or over, anyone the records do not show facing deportation, and any other reason (financial-services-age)', async () => {
    const refused = async (request: unknown) =>
      (await expectRefused(gw, await ho.post(path, request), 'financial-services-age')).auditId;
    expect(
      await dpoReason(gw, await refused(financialStatusShare(priya, 'no-leave')), 'financial-services-age'),
    ).toMatch(/is 38 on 2026-11-23; only people under 30/);
    expect(await dpoReason(gw, await refused(financialStatusShare(amara)), 'financial-services-age')).toMatch(
      /as Home Office records show/,
    );
    expect(
      await dpoReason(gw, await refused(financialStatusShare(ruan, 'no-leave')), 'financial-services-age'),
    ).toMatch(/facing deportation/);
  });

  it('takes the age from Home Office records: a stated date of birth the records do not bear out counts for nothing', async () => {
    const claimed = {
      ...financialStatusShare(priya),
      subject: { ...financialStatusShare(priya).subject, dateOfBirth: '2001-05-01' },
    };
    expect(
      await dpoReason(
        gw,
        (await expectRefused(gw, await ho.post(path, claimed), 'financial-services-age')).auditId,
        'financial-services-age',
      ),
    ).toMatch(/age cannot be established/);
  });

  it('was not restricted before 23 April 2018 (dry run)', async () => {
    const decision = await expectDryRun(
      gw,
      await ho.decide('financial.status-share', financialStatusShare(priya, 'no-leave'), '2018-01-15'),
      'permit',
    );
    expect(outcomeOf(decision, 'financial-services-age')).toBe('not-applicable');
    expect(decision.directives).toEqual([]);
  });

  it('had no statutory basis before the current-account checks began on 30 October 2017 (dry run)', async () => {
    expect(
      outcomeOf(
        await expectDryRun(
          gw,
          await ho.decide('financial.status-share', financialStatusShare(ruan), '2017-10-29'),
          'deny',
        ),
        'agreement-in-force',
      ),
    ).toBe('deny');
  });

  it('refuses a purpose, a legal basis or a field the statute does not cover', async () => {
    await expectRefused(
      gw,
      await ho.post(path, { ...financialStatusShare(ruan), purpose: 'cease-benefits-notification' }),
      'purpose',
    );
    await expectRefused(
      gw,
      await ho.post(path, { ...financialStatusShare(ruan), legalBasis: 'iaa-1999-s21' }),
      'legal-basis',
    );
    const withNino = {
      ...financialStatusShare(ruan),
      subject: { ...financialStatusShare(ruan).subject, nino: ruan.nino },
    };
    expect((await expectRefused(gw, await ho.post(path, withNino), 'field-scope')).detail).toContain('subject.nino');
  });

  it("gives back the bank's reference and nothing else, whoever the share is about (property)", async () => {
    // Everyone the records show facing deportation, and a spread of others the gateway must refuse.
    const offenders = gw.population.people.filter((p) => p.immigration.facingDeportationForCriminalOffence);
    const others = gw.population.people.filter((_p, i) => i % 311 === 0);
    await checkMinimised(
      gw,
      'financial.status-share',
      path,
      'ho-status-sharing',
      fc.record({ p: fc.constantFrom(...offenders, ...others), postcode: fc.boolean() }).map(({ p, postcode }) => {
        const body = financialStatusShare(p);
        const current = p.addresses.at(-1)!.postcode;
        return {
          body: postcode ? { ...body, subject: { ...body.subject, postcode: current } } : body,
          forbidden: particularsOf(p),
        };
      }),
    );
  });
});

securityCases(() => gw, {
  exchange: 'financial.status-share',
  path,
  body: () => financialStatusShare(ruan),
  client: 'ho-status-sharing',
  wrongParty: 'ukvi-casework',
});
