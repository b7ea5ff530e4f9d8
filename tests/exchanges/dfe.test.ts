// DfE's status checks of the Home Office: schools and LEAs asking about a parent's leave (¶6.114–6.126) and the
// free-school-meals ECS asking whether a parent is supported under s.95, Part VI (¶6.127–6.134).
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
} from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { checkMinimised, spreadOf } from '../support/minimisation.ts';
import { adoptTerms } from '../support/register.ts';
import { educationStatusCheck, fsmEligibility, paths } from '../support/requests.ts';

const {
  traceableChildMother: ngozi,
  traceableChildFather: chukwuemeka,
  s95Parent: yonas,
  windrushElder: clarence,
} = fixtures;

let gw: TestGateway;
let lea: Caller;
let ecs: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  lea = caller(gw, 'lea-admissions');
  ecs = caller(gw, 'dfe-pupil-data');
});
afterAll(() => gw.close());

describe('dfe.education-status-check (¶6.114–6.126)', () => {
  // The umbrella MoU covers the check (¶6.117), but neither the report nor legislation names a legal gateway for it.
  it('is refused under the umbrella MoU, which names no legal gateway (legal-basis, ¶6.117)', async () => {
    const refusal = await expectRefused(
      gw,
      await lea.post(paths['dfe.education-status-check'], educationStatusCheck(ngozi)),
      'legal-basis',
    );
    expect(refusal.detail).toMatch(/names no legal gateway/);
    expect(refusal.decision.agreement).toEqual({ id: 'home-office-dfe-umbrella-mou', version: '1.0' });
  });

  describe('once a version naming a legal gateway is signed by every party', () => {
    beforeAll(async () => {
      // A stand-in for a gateway Parliament has not made: what the register would need before these checks may run.
      await adoptTerms(
        gw,
        { agreementId: 'home-office-dfe-umbrella-mou', version: '1.0' },
        { agreementId: 'education-gateway-trial', version: '1.0', day: '2026-11-23' },
        (t) => ({
          ...t,
          legalBases: [
            {
              code: 'education-gateway-yet-to-be-named',
              statute: 'An education status gateway (a test stand-in)',
              section: 's.1',
            },
          ],
        }),
      );
    });

    it('gives the leave type and its validity only: no name, no status, no view on entitlement (¶6.115, ¶6.120)', async () => {
      const body = await expectPermitted(
        gw,
        await lea.post(paths['dfe.education-status-check'], educationStatusCheck(ngozi)),
        { id: 'education-gateway-trial', version: '1.0' },
      );
      expect(body.outcome).toBe('matched');
      expect(body.result).toEqual({
        leaveType: 'health-and-care-worker',
        leaveValidTo: '2028-01-08',
        windrushReferral: false,
      });
      expect(JSON.stringify(body.result)).not.toMatch(
        /Ngozi|Okonkwo|NGA|HO-4000002|SK482913C|entitle|immigrationStatus/,
      );
    });

    it('says nothing but the outcome about a parent with no leave', async () => {
      const body = await expectPermitted(
        gw,
        await lea.post(paths['dfe.education-status-check'], educationStatusCheck(chukwuemeka)),
      );
      expect(body.result).toEqual({ leaveType: null, leaveValidTo: null, windrushReferral: false });
    });

    it('refuses a purpose, a legal basis or a field the agreement does not name', async () => {
      await expectRefused(
        gw,
        await lea.post(paths['dfe.education-status-check'], {
          ...educationStatusCheck(ngozi),
          purpose: 'decide-school-place',
        }),
        'purpose',
      );
      await expectRefused(
        gw,
        await lea.post(paths['dfe.education-status-check'], {
          ...educationStatusCheck(ngozi),
          legalBasis: 'iaa-1999-s95',
        }),
        'legal-basis',
      );
      const withNino = {
        ...educationStatusCheck(ngozi),
        subject: { ...educationStatusCheck(ngozi).subject, nino: 'SK482913C' },
      };
      expect(
        (await expectRefused(gw, await lea.post(paths['dfe.education-status-check'], withNino), 'field-scope')).detail,
      ).toContain('subject.nino');
    });

    it('tells the school that a Windrush-profile case has gone to the Taskforce (¶3.24)', async () => {
      const body = await expectPermitted(
        gw,
        await lea.post(paths['dfe.education-status-check'], educationStatusCheck(clarence)),
      );
      expect(body.result).toEqual({
        leaveType: 'indefinite-leave-to-remain',
        leaveValidTo: null,
        windrushReferral: true,
      });
      expect(body.notices).toEqual([expect.stringMatching(/Windrush Taskforce/)]);
    });

    it('never names or identifies anyone, whoever is asked about (property)', async () => {
      await checkMinimised(
        gw,
        'dfe.education-status-check',
        paths['dfe.education-status-check'],
        'lea-admissions',
        fc.constantFrom(...spreadOf(gw.population.people)).map((p) => ({
          body: educationStatusCheck(p),
          forbidden: [
            ...particularsOf(p),
            `"${p.nationality}"`,
            'immigrationStatus',
            'noRecourseToPublicFunds',
            'supportedUnderS95',
          ],
        })),
      );
    });
  });
});

describe('dfe.fsm-eligibility (¶6.127–6.134)', () => {
  it('confirms s.95 support and says "Part VI", and nothing else (¶6.134)', async () => {
    const body = await expectPermitted(gw, await ecs.post(paths['dfe.fsm-eligibility'], fsmEligibility(yonas)), {
      id: 'ho-dfe-fsm-process-mou',
      version: 'V1-3',
    });
    expect(body).toMatchObject({ outcome: 'matched' });
    expect(body.result).toEqual({ supportedUnderS95: true, partVI: 'Part VI' });
  });

  it('says a parent is not supported under s.95 without saying anything else about them', async () => {
    const body = await expectPermitted(gw, await ecs.post(paths['dfe.fsm-eligibility'], fsmEligibility(ngozi)));
    expect(body.result).toEqual({ supportedUnderS95: false, partVI: null });
  });

  it("refuses the weekly upload's proactive purpose on a check, and a purpose, basis or field not agreed", async () => {
    await expectRefused(
      gw,
      await ecs.post(paths['dfe.fsm-eligibility'], { ...fsmEligibility(yonas), purpose: 'weekly-s95-upload' }),
      'direction',
    );
    await expectRefused(
      gw,
      await ecs.post(paths['dfe.fsm-eligibility'], { ...fsmEligibility(yonas), purpose: 'pupil-premium-audit' }),
      'purpose',
    );
    await expectRefused(
      gw,
      await ecs.post(paths['dfe.fsm-eligibility'], { ...fsmEligibility(yonas), legalBasis: 'dpa-1998-s29-3' }),
      'legal-basis',
    );
    const withNino = { ...fsmEligibility(yonas), subject: { ...fsmEligibility(yonas).subject, nino: 'AB123456C' } };
    await expectRefused(gw, await ecs.post(paths['dfe.fsm-eligibility'], withNino), 'field-scope');
  });

  it('was governed by the UKBA-era V1-0 until 8 May 2016, and by nothing before 2009 (dry runs)', async () => {
    expect(
      (await expectDryRun(gw, await ecs.decide('dfe.fsm-eligibility', fsmEligibility(yonas), '2016-05-08'), 'permit'))
        .agreement,
    ).toEqual({ id: 'ho-dfe-fsm-process-mou', version: 'V1-0' });
    const before = await expectDryRun(
      gw,
      await ecs.decide('dfe.fsm-eligibility', fsmEligibility(yonas), '2008-06-01'),
      'deny',
    );
    expect(outcomeOf(before, 'agreement-in-force')).toBe('deny');
  });

  it('gives only the s.95 answer, whoever is asked about (property)', async () => {
    await checkMinimised(
      gw,
      'dfe.fsm-eligibility',
      paths['dfe.fsm-eligibility'],
      'dfe-pupil-data',
      fc.constantFrom(...spreadOf(gw.population.people, 71)).map((p) => ({
        body: fsmEligibility(p),
        forbidden: [...particularsOf(p), `"${p.nationality}"`, 'leaveType', 'immigrationStatus', 'windrushReferral'],
      })),
    );
  });
});

securityCases(() => gw, {
  exchange: 'dfe.education-status-check',
  path: paths['dfe.education-status-check'],
  body: () => educationStatusCheck(ngozi),
  client: 'lea-admissions',
  wrongParty: 'dfe-pupil-data',
});
securityCases(() => gw, {
  exchange: 'dfe.fsm-eligibility',
  path: paths['dfe.fsm-eligibility'],
  body: () => fsmEligibility(yonas),
  client: 'dfe-pupil-data',
  wrongParty: 'lea-admissions',
});
