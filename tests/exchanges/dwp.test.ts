// The DWP exchanges end to end: NINo alignment and Accessed Public Funds (UKVI → DWP), DWP's reactive status
// checks (DWP → Home Office) and the Home Office's proactive notifications (Home Office → DWP).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { fixedClock } from '../support/child-trace.ts';
import { securityCases } from '../support/exchange-security.ts';
import {
  auditEntry,
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
import {
  accessedPublicFunds,
  dwpProactiveNotification,
  dwpStatusCheck,
  ninoAlignment,
  paths,
} from '../support/requests.ts';

const {
  turns30On2018_05_01: priya,
  nonEeaDebtor: jordan,
  windrushElder: clarence,
  offenderUnder30: ruan,
  commonNamePairA: khan,
  s95Parent: yonas,
} = fixtures;
const ninoPattern = /^[A-CEGHJ-PR-TW-Z]{2}[0-9]{6}[A-D]$/;

let gw: TestGateway;
let ukvi: Caller;
let dwp: Caller;
let ho: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  ukvi = caller(gw, 'ukvi-casework');
  dwp = caller(gw, 'dwp-benefits');
  ho = caller(gw, 'ho-status-sharing');
});
afterAll(() => gw.close());

const grant = (p: typeof priya, nino = true) => ({
  ...p,
  homeOfficeReference: p.immigration.homeOfficeReference!,
  nino: nino ? p.nino : null,
});

describe('dwp.nino-alignment (¶6.33)', () => {
  it('confirms a NINo the applicant gave and assigns one to an applicant without', async () => {
    const res = await ukvi.post(paths['dwp.nino-alignment'], ninoAlignment([grant(priya), grant(jordan, false)]));
    const body = await expectPermitted(gw, res, { id: 'ukvi-dwp-nino-alignment-mou', version: '2018-05' });
    expect(body.outcome).toBe('aligned');
    expect(body.result.partialMatches).toEqual([]);
    expect(body.result.matches).toHaveLength(2);
    expect(body.result.matches[0]).toEqual({
      homeOfficeReference: 'HO-4000005',
      outcome: 'confirmed',
      nino: priya.nino,
    });
    expect(body.result.matches[1]).toMatchObject({ homeOfficeReference: 'HO-4000008', outcome: 'assigned' });
    expect(body.result.matches[1].nino).toMatch(ninoPattern);
  });

  it('accepts a batch in which no grant carries a NINo yet: DWP finds or assigns one (¶6.33)', async () => {
    const res = await ukvi.post(
      paths['dwp.nino-alignment'],
      ninoAlignment([grant(priya, false), { ...grant(yonas, false), vulnerable: true }]),
    );
    const body = await expectPermitted(gw, res);
    expect(body.result.matches.map((m: { outcome: string }) => m.outcome)).toEqual(['found', 'assigned']);
    expect(body.result.matches[0].nino).toBe(priya.nino);
    expect(outcomeOf(body.decision, 'match-quality')).toBe('permit');
  });

  it('refuses a purpose or a legal basis the MoU does not name', async () => {
    await expectRefused(
      gw,
      await ukvi.post(paths['dwp.nino-alignment'], {
        ...ninoAlignment([grant(priya)]),
        purpose: 'check-accessed-public-funds',
      }),
      'purpose',
    );
    await expectRefused(
      gw,
      await ukvi.post(paths['dwp.nino-alignment'], { ...ninoAlignment([grant(priya)]), legalBasis: 'dpa-1998-s29-3' }),
      'legal-basis',
    );
  });

  // Until issue 15 the register refused these days; the scheme in fact ran from April 2015 under the 2012 umbrella MoU.
  it('ran under the 2012 umbrella MoU from April 2015 until the process MoU of May 2018, and not before (dry runs, ¶6.29, ¶6.33–6.34)', async () => {
    const under = await expectDryRun(
      gw,
      await ukvi.decide('dwp.nino-alignment', ninoAlignment([grant(priya)]), '2018-04-30'),
      'permit',
    );
    expect(under.agreement).toEqual({ id: 'ukvi-dwp-nino-alignment-umbrella', version: '2012-01' });
    const before = await expectDryRun(
      gw,
      await ukvi.decide('dwp.nino-alignment', ninoAlignment([grant(priya)]), '2015-03-31'),
      'deny',
    );
    expect(outcomeOf(before, 'agreement-in-force')).toBe('deny');
    expect(before.rules.find((r) => r.id === 'agreement-in-force')!.reason).toMatch(/not signed by .* on 2015-03-31/);
  });

  describe('under a version that matches on the NINo as well', () => {
    beforeAll(async () => {
      await adoptTerms(
        gw,
        { agreementId: 'ukvi-dwp-nino-alignment-mou', version: '2018-05' },
        { agreementId: 'ukvi-dwp-nino-strict', version: '1.0', day: '2026-11-23' },
        (t) => ({
          ...t,
          dataAccuracy: { ...t.dataAccuracy, matchPoints: ['name', 'dateOfBirth', 'nino'] },
          exchanges: t.exchanges.map((e: { requestFields: string[] }) => ({
            ...e,
            requestFields: e.requestFields.filter((f) => f !== 'grants[].vulnerable'),
          })),
        }),
      );
    });

    it('refuses a batch in which one grant lacks the NINo, though another carries one (match-quality)', async () => {
      const res = await ukvi.post(paths['dwp.nino-alignment'], {
        ...ninoAlignment([grant(priya), grant(clarence, false)]),
        agreementId: 'ukvi-dwp-nino-strict',
      });
      const refusal = await expectRefused(gw, res, 'match-quality');
      expect(refusal.detail).toMatch(/lacks nino/);
    });

    it('refuses a field the version leaves out of its scope (field-scope)', async () => {
      const res = await ukvi.post(paths['dwp.nino-alignment'], {
        ...ninoAlignment([{ ...grant(priya), vulnerable: false }]),
        agreementId: 'ukvi-dwp-nino-strict',
      });
      expect((await expectRefused(gw, res, 'field-scope')).detail).toContain('grants[].vulnerable');
    });
  });

  it('returns only confirmed, found or assigned NINos and counts of partial matches, whoever is in the batch (property)', async () => {
    const people = spreadOf(gw.population.people).filter((p) => p.immigration.homeOfficeReference !== null);
    await checkMinimised(
      gw,
      'dwp.nino-alignment',
      paths['dwp.nino-alignment'],
      'ukvi-casework',
      fc.uniqueArray(fc.constantFrom(...people), { minLength: 1, maxLength: 4, selector: (p) => p.id }).chain((batch) =>
        fc.array(fc.boolean(), { minLength: batch.length, maxLength: batch.length }).map((withNino) => ({
          // Under the process MoU named, not the stricter version an earlier test adopts (it refuses a grant without a
          // NINo, so a run of batches that each lacked one would see only refusals and prove nothing).
          body: {
            ...ninoAlignment(batch.map((p, i) => grant(p, withNino[i]))),
            agreementId: 'ukvi-dwp-nino-alignment-mou',
          },
          // Nothing of anyone's record but a NINo comes back: no postcodes, no candidates' details.
          forbidden: batch.flatMap((p) => p.addresses.map((a) => a.postcode)),
        })),
      ),
    );
  });
});

describe('dwp.accessed-public-funds (¶6.46–6.53)', () => {
  it('says which benefits were claimed and on what basis, and nothing of where or the NINo', async () => {
    const body = await expectPermitted(
      gw,
      await ukvi.post(paths['dwp.accessed-public-funds'], accessedPublicFunds(clarence)),
      { id: 'dwp-disclosure-mou', version: '1.0' },
    );
    expect(body).toMatchObject({ outcome: 'matched' });
    expect(body.result).toEqual({
      match: true,
      claims: [{ benefit: 'housing-benefit', from: '2014-01-06', to: null, basis: 'housing-costs' }],
    });
    const audit = await auditEntry(gw, body.auditId);
    expect(audit.outcomes[0]!.body.fieldsWithheld).toEqual(['claimAddresses']);
  });

  it('returns a partial match as a count to resolve, never a person (¶6.33)', async () => {
    const body = await expectPermitted(
      gw,
      await ukvi.post(
        paths['dwp.accessed-public-funds'],
        accessedPublicFunds({ ...khan, dateOfBirth: '1988-03-03' }, { nino: false }),
      ),
    );
    expect(body).toMatchObject({ outcome: 'partial-match', result: { match: false, partialMatches: 2 } });
    expect(JSON.stringify(body.result)).not.toMatch(/JC318274A|ZR550912C/);
  });

  it("returns a NINo held by someone else as a partial match, not as that person's claims", async () => {
    const body = await expectPermitted(
      gw,
      await ukvi.post(
        paths['dwp.accessed-public-funds'],
        accessedPublicFunds({ ...fixtures.traceableChildFather, nino: clarence.nino }),
      ),
    );
    expect(body).toMatchObject({ outcome: 'partial-match', result: { match: false, partialMatches: 2 } });
    expect(JSON.stringify(body.result)).not.toContain('housing-benefit');
  });

  it('refuses a purpose, a legal basis or a field the MoU does not name', async () => {
    await expectRefused(
      gw,
      await ukvi.post(paths['dwp.accessed-public-funds'], {
        ...accessedPublicFunds(clarence),
        purpose: 'record-nino-on-brp',
      }),
      'purpose',
    );
    await expectRefused(
      gw,
      await ukvi.post(paths['dwp.accessed-public-funds'], {
        ...accessedPublicFunds(clarence),
        legalBasis: 'ukba-2007-s40',
      }),
      'legal-basis',
    );
    const body = {
      ...accessedPublicFunds(clarence),
      subject: { ...accessedPublicFunds(clarence).subject, homeOfficeReference: 'HO-4000004' },
    };
    expect(
      (await expectRefused(gw, await ukvi.post(paths['dwp.accessed-public-funds'], body), 'field-scope')).detail,
    ).toContain('subject.homeOfficeReference');
  });

  it('was not possible before the Data Protection Act 1998 came into force (dry run)', async () => {
    const decision = await expectDryRun(
      gw,
      await ukvi.decide('dwp.accessed-public-funds', accessedPublicFunds(clarence), '1999-06-01'),
      'deny',
    );
    expect(outcomeOf(decision, 'agreement-in-force')).toBe('deny');
  });

  it('never lets out claim addresses, residence bases or NINos, whoever is asked about (property)', async () => {
    const people = spreadOf(gw.population.people).filter((p) => p.nino !== null);
    await checkMinimised(
      gw,
      'dwp.accessed-public-funds',
      paths['dwp.accessed-public-funds'],
      'ukvi-casework',
      fc.record({ p: fc.constantFrom(...people), nino: fc.boolean() }).map(({ p, nino }) => ({
        body: accessedPublicFunds(p, { nino }),
        forbidden: [p.nino!, ...p.addresses.map((a) => a.postcode), 'residenceBasis', 'claimAddress'],
      })),
    );
  });
});

describe('dwp.status-check (reactive, ¶6.56)', () => {
  it('gives DWP the status, leave and recourse to public funds, and no particulars back', async () => {
    const body = await expectPermitted(
      gw,
      await dwp.post(paths['dwp.status-check'], dwpStatusCheck(priya, { nino: true })),
      { id: 'home-office-dwp-umbrella-mou', version: '2012-01' },
    );
    expect(body.outcome).toBe('matched');
    expect(body.result).toEqual({
      match: true,
      immigrationStatus: 'limited-leave',
      leaveType: 'skilled-worker',
      leaveValidTo: '2028-04-16',
      noRecourseToPublicFunds: true,
      windrushReferral: false,
    });
    expect(body.notices).toBeUndefined();
    expect(body.decision.obligations).toEqual([]);
    // Reactive checks continue under the pause; the referral directive reaches them, the pause does not.
    expect(body.decision.directives).toEqual(['windrush-status-check-referral-2018']);
  });

  it('commits the intent to look the person up first, then its outcome with its decision: two writes', async () => {
    // Twenty at once: the intent to look up is durable before the lookup; the decision and the outcome the records
    // gave are then one write, so each decision is followed by its own outcome.
    const appends = async () => {
      const text = (await gw.http.get('/metrics').set('authorization', `Bearer ${gw.config.metricsToken}`)).text;
      return Number(/^gateway_audit_append_duration_seconds_count (\d+)$/m.exec(text)![1]);
    };
    const appendsBefore = await appends();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => dwp.post(paths['dwp.status-check'], dwpStatusCheck(priya, { nino: true }))),
    );
    expect(await appends()).toBe(appendsBefore + 40);
    const ids = answers.map((res) => {
      expect(res.status).toBe(200);
      return res.body.auditId as string;
    });
    const rows = await gw
      .db('audit_log')
      .whereIn('id', ids)
      .orWhereIn('decision_id', ids)
      .orderBy('seq')
      .select('seq', 'id', 'kind', 'decision_id', 'body');
    expect(rows).toHaveLength(40);
    for (let i = 0; i < rows.length; i += 2) {
      expect(rows[i]).toMatchObject({ kind: 'decision' });
      expect(rows[i + 1]).toMatchObject({ kind: 'outcome', decision_id: rows[i].id, seq: Number(rows[i].seq) + 1 });
      const lookup = await gw.db('audit_log').where({ id: rows[i].body.lookupId }).first('seq', 'kind');
      expect(lookup.kind).toBe('lookup');
      expect(Number(lookup.seq)).toBeLessThan(Number(rows[i].seq));
    }
  });

  it("answers no match, not another person's status, when a reference belongs to someone else", async () => {
    const mixed = {
      ...dwpStatusCheck(ruan),
      subject: { ...dwpStatusCheck(ruan).subject, homeOfficeReference: 'HO-4000004' },
    };
    const body = await expectPermitted(gw, await dwp.post(paths['dwp.status-check'], mixed));
    expect(body).toMatchObject({ outcome: 'no-match', result: { match: false } });
    expect(body.decision.obligations).toEqual([]);
  });

  it('says when the Home Office holds no record', async () => {
    const body = await expectPermitted(
      gw,
      await dwp.post(
        paths['dwp.status-check'],
        dwpStatusCheck({ forename: 'Nobody', surname: 'Atall', dateOfBirth: '1990-01-01' }),
      ),
    );
    expect(body).toMatchObject({ outcome: 'no-match', result: { match: false } });
  });

  it('refuses a proactive purpose dressed as a status check (direction)', async () => {
    const res = await dwp.post(paths['dwp.status-check'], {
      ...dwpStatusCheck(priya),
      purpose: 'cease-benefits-notification',
    });
    expect((await expectRefused(gw, res, 'direction')).detail).toMatch(
      /reactive sharing, but the stated purpose is proactive/,
    );
  });

  it('refuses a purpose, a legal basis or a field the MoU does not name', async () => {
    await expectRefused(
      gw,
      await dwp.post(paths['dwp.status-check'], { ...dwpStatusCheck(priya), purpose: 'fraud-investigation' }),
      'purpose',
    );
    await expectRefused(
      gw,
      await dwp.post(paths['dwp.status-check'], { ...dwpStatusCheck(priya), legalBasis: 'dpa-1998-s29-3' }),
      'legal-basis',
    );
    const res = await dwp.post(paths['dwp.status-check'], {
      ...dwpStatusCheck(priya),
      subject: { ...dwpStatusCheck(priya).subject, postcode: 'M20 6BW' },
    });
    expect((await expectRefused(gw, res, 'field-scope')).detail).toContain('subject.postcode');
  });

  it('had no agreement before the umbrella MoU of January 2012, for checks or notifications (dry runs)', async () => {
    const check = await expectDryRun(
      gw,
      await dwp.decide('dwp.status-check', dwpStatusCheck(priya), '2011-12-31'),
      'deny',
    );
    expect(outcomeOf(check, 'agreement-in-force')).toBe('deny');
    const notice = await expectDryRun(
      gw,
      await ho.decide('dwp.proactive-notification', dwpProactiveNotification(ruan), '2011-12-31'),
      'deny',
    );
    expect(outcomeOf(notice, 'agreement-in-force')).toBe('deny');
  });

  it('never echoes the name, nationality or references of the person checked (property)', async () => {
    await checkMinimised(
      gw,
      'dwp.status-check',
      paths['dwp.status-check'],
      'dwp-benefits',
      fc
        .record({ p: fc.constantFrom(...spreadOf(gw.population.people)), nino: fc.boolean(), ref: fc.boolean() })
        .map(({ p, nino, ref }) => ({
          body: dwpStatusCheck(p, { nino, homeOfficeReference: ref }),
          forbidden: [...particularsOf(p), `"${p.nationality}"`, 'supportedUnderS95', 'partVI'],
        })),
    );
  });
});

describe('dwp.proactive-notification (proactive, compliant environment)', () => {
  it('tells DWP of a change of status about someone under 30, and DWP acknowledges', async () => {
    const body = await expectPermitted(
      gw,
      await ho.post(paths['dwp.proactive-notification'], dwpProactiveNotification(ruan)),
      { id: 'home-office-dwp-umbrella-mou', version: '2012-01' },
    );
    expect(body.outcome).toBe('acknowledged');
    expect(Object.keys(body.result).sort()).toEqual(['recordFound', 'reference']);
    expect(body.result.reference).toMatch(/^DWP-N-[0-9A-F]{10}$/);
    expect(body.result.recordFound).toBe(true);
    expect(outcomeOf(body.decision, 'windrush-pause')).toBe('permit');
  });

  it('is paused for someone aged 30 or more (windrush-pause, ¶5.43)', async () => {
    const refusal = await expectRefused(
      gw,
      await ho.post(paths['dwp.proactive-notification'], dwpProactiveNotification(priya)),
      'windrush-pause',
    );
    // The caller is told the notification is paused; the age, from the records, is the DPO's to read.
    expect(refusal.detail).toMatch(/proactive sharing about this subject is paused/);
    expect(refusal.detail).not.toMatch(/38/);
    expect(await dpoReason(gw, refusal.auditId, 'windrush-pause')).toMatch(/is 38 on 2026-11-23/);
    expect(refusal.decision.directives).toContain('windrush-pause-2018');
  });

  it('takes the age from Home Office records, never from the date of birth the request states', async () => {
    // Clarence Baptiste is 78. Claimed to be born in 2001, with or without his reference, he is no one the records
    // hold: his age cannot be established, so the notification is paused rather than sent about a "25-year-old".
    const claimed = {
      ...dwpProactiveNotification(clarence),
      subject: { ...dwpProactiveNotification(clarence).subject, dateOfBirth: '2001-01-01' },
    };
    expect(
      await dpoReason(
        gw,
        (await expectRefused(gw, await ho.post(paths['dwp.proactive-notification'], claimed), 'windrush-pause'))
          .auditId,
        'windrush-pause',
      ),
    ).toMatch(/cannot be established/);
    const unknown = {
      ...claimed,
      subject: { forename: clarence.forename, surname: clarence.surname, dateOfBirth: '2001-01-01' },
    };
    expect(
      await dpoReason(
        gw,
        (await expectRefused(gw, await ho.post(paths['dwp.proactive-notification'], unknown), 'windrush-pause'))
          .auditId,
        'windrush-pause',
      ),
    ).toMatch(/cannot be established/);
  });

  it("finds no record, so shares nothing, when a reference is sent with someone else's name", async () => {
    const mixed = {
      ...dwpProactiveNotification(ruan),
      subject: { ...dwpProactiveNotification(ruan).subject, homeOfficeReference: 'HO-4000005' },
    };
    expect(
      await dpoReason(
        gw,
        (await expectRefused(gw, await ho.post(paths['dwp.proactive-notification'], mixed), 'windrush-pause')).auditId,
        'windrush-pause',
      ),
    ).toMatch(/cannot be established/);
  });

  it('refuses a reactive purpose, and a purpose, legal basis or field the MoU does not name', async () => {
    await expectRefused(
      gw,
      await ho.post(paths['dwp.proactive-notification'], {
        ...dwpProactiveNotification(ruan),
        purpose: 'benefit-entitlement-status-check',
      }),
      'direction',
    );
    await expectRefused(
      gw,
      await ho.post(paths['dwp.proactive-notification'], {
        ...dwpProactiveNotification(ruan),
        purpose: 'general-enforcement',
      }),
      'purpose',
    );
    await expectRefused(
      gw,
      await ho.post(paths['dwp.proactive-notification'], {
        ...dwpProactiveNotification(ruan),
        legalBasis: 'ia-2014-s40-40h',
      }),
      'legal-basis',
    );
    const withPostcode = {
      ...dwpProactiveNotification(ruan),
      subject: { ...dwpProactiveNotification(ruan).subject, postcode: 'BS5 6HN' },
    };
    await expectRefused(gw, await ho.post(paths['dwp.proactive-notification'], withPostcode), 'field-scope');
  });

  it("returns DWP's reference and whether it found a record, nothing more (property)", async () => {
    const young = spreadOf(gw.population.people, 41).filter(
      (p) => p.dateOfBirth > '1997-01-01' && p.immigration.homeOfficeReference !== null,
    );
    await checkMinimised(
      gw,
      'dwp.proactive-notification',
      paths['dwp.proactive-notification'],
      'ho-status-sharing',
      fc.record({ p: fc.constantFrom(...young), nino: fc.boolean() }).map(({ p, nino }) => ({
        body: dwpProactiveNotification(p, { homeOfficeReference: true, nino }),
        forbidden: particularsOf(p),
      })),
    );
  });
});

describe('POST /v1/decisions: the same decision, evaluated without sending', () => {
  it("lets a DPO evaluate a status check on DWP's behalf, audited as a dry run by the DPO for DWP", async () => {
    const dpo = caller(gw, 'dpo');
    const res = await gw.http
      .post('/v1/decisions')
      .set('authorization', `Bearer ${await gw.token('dpo')}`)
      .send({ exchange: 'dwp.status-check', party: 'dwp', request: dwpStatusCheck(clarence) });
    const decision = await expectDryRun(gw, res, 'permit');
    expect(decision.obligations).toEqual([{ id: 'refer-to-windrush-taskforce' }]);
    expect((await auditEntry(gw, decision.auditId)).entry.body).toMatchObject({
      party: 'dwp',
      clientId: 'dpo',
      exchange: 'dwp.status-check',
    });
    expect((await dpo.get(`/v1/audit/entries/${decision.auditId}`)).body.outcomes).toEqual([]);
  });

  it('needs a DPO to say on whose behalf, and lets a partner ask only about its own requests', async () => {
    const noParty = await caller(gw, 'dpo').post('/v1/decisions', {
      exchange: 'dwp.status-check',
      request: dwpStatusCheck(priya),
    });
    expect(noParty.status).toBe(400);
    expect(noParty.body.errors).toContainEqual({ field: 'party', message: 'is required' });
    const other = await dwp.post('/v1/decisions', {
      exchange: 'hmrc.status-check',
      party: 'hmrc',
      request: dwpStatusCheck(priya),
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden');
  });

  it("checks the request against the exchange's own contract and names the wrong field", async () => {
    const res = await dwp.post('/v1/decisions', {
      exchange: 'dwp.status-check',
      request: { ...dwpStatusCheck(priya), subject: { forename: 'Priya' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ field: 'request.subject.surname', message: 'is required' });
    const unknown = await dwp.post('/v1/decisions', { exchange: 'dwp.pension-check', request: dwpStatusCheck(priya) });
    expect(unknown.status).toBe(400);
  });
});

// Last, since each run registers a version that later status checks could be governed by.
describe('dwp.status-check under any agreed scope', () => {
  it('lets out only the fields of whatever scope a version agrees, never more (property over scopes)', async () => {
    const all = [
      'match',
      'immigrationStatus',
      'leaveType',
      'leaveValidTo',
      'noRecourseToPublicFunds',
      'windrushReferral',
    ];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(all, { minLength: 1 }),
        fc.constantFrom(priya, clarence, jordan, ruan),
        async (scope, p) => {
          n += 1;
          const agreementId = `dwp-status-scope-${n}`;
          await adoptTerms(
            gw,
            { agreementId: 'home-office-dwp-umbrella-mou', version: '2012-01' },
            { agreementId, version: '1.0', day: '2026-11-23' },
            (t) => ({
              ...t,
              exchanges: t.exchanges
                .filter((e: { exchange: string }) => e.exchange === 'dwp.status-check')
                .map((e: object) => ({ ...e, responseFields: scope })),
            }),
          );
          const body = await expectPermitted(
            gw,
            await dwp.post(paths['dwp.status-check'], { ...dwpStatusCheck(p), agreementId }),
            { id: agreementId, version: '1.0' },
          );
          expect(Object.keys(body.result).every((k) => scope.includes(k))).toBe(true);
        },
      ),
      { numRuns: 6 },
    );
  });
});

const p = fixtures.turns30On2018_05_01;
securityCases(() => gw, {
  exchange: 'dwp.nino-alignment',
  path: paths['dwp.nino-alignment'],
  body: () => ninoAlignment([grant(p)]),
  client: 'ukvi-casework',
  wrongParty: 'ie-removals-casework',
});
securityCases(() => gw, {
  exchange: 'dwp.accessed-public-funds',
  path: paths['dwp.accessed-public-funds'],
  body: () => accessedPublicFunds(p),
  client: 'ukvi-casework',
  wrongParty: 'dwp-benefits',
});
securityCases(() => gw, {
  exchange: 'dwp.status-check',
  path: paths['dwp.status-check'],
  body: () => dwpStatusCheck(p),
  client: 'dwp-benefits',
  wrongParty: 'hmrc-benefits',
});
securityCases(() => gw, {
  exchange: 'dwp.proactive-notification',
  path: paths['dwp.proactive-notification'],
  body: () => dwpProactiveNotification(fixtures.offenderUnder30),
  client: 'ho-status-sharing',
  wrongParty: 'dwp-benefits',
});
