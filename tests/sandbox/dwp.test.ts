// The DWP sandbox: NINo alignment (¶6.33), Accessed Public Funds checks (¶6.46–6.53) and proactive
// notifications, over real HTTP and within their contracts in contracts/partners.yaml.
import { describe, expect, it } from 'vitest';
import { NINO_PATTERN } from '../../sandbox/population/index.ts';
import { fixtures, nameAndBirth, population, useSandboxes } from './support.ts';

const dwp = useSandboxes();
const {
  windrushElder,
  traceableChildMother,
  nonEeaDebtor,
  commonNamePairA,
  commonNamePairB,
  turns30On2018_05_01,
  offenderUnder30,
} = fixtures;
const grantFor = (person: typeof windrushElder, extra: { nino?: string } = {}) => ({
  homeOfficeReference: person.immigration.homeOfficeReference ?? 'HO-9999999',
  ...nameAndBirth(person),
  ...extra,
});
const trace = (grants: object[]) =>
  dwp.ask('dwp', '/dwp/nino-trace', { batchReference: 'CID-2018-05-14', grants }, 'DwpNinoTraceResponse');

describe('dwp.nino-alignment: the daily batch of grants (¶6.33)', () => {
  it('confirms a NINo that matches, finds one DWP already holds, assigns one to a newcomer, one result per grant in order', async () => {
    const { status, body } = await trace([
      grantFor(windrushElder, { nino: 'YH 20 48 17 B' }),
      grantFor(traceableChildMother),
      grantFor(nonEeaDebtor),
    ]);
    expect(status).toBe(200);
    expect(body.batchReference).toBe('CID-2018-05-14');
    expect(body.results.map((r) => [r.homeOfficeReference, r.outcome])).toEqual([
      ['HO-4000004', 'confirmed'],
      ['HO-4000002', 'found'],
      ['HO-4000008', 'assigned'],
    ]);
    expect(body.results[0]!.nino).toBe('YH204817B');
    expect(body.results[1]!.nino).toBe('SK482913C');
    expect(body.results[2]!.nino).toMatch(NINO_PATTERN);
  });

  it('never silently accepts a common name with a differing date of birth: both Mohammed Khans come back to resolve, with no NINo', async () => {
    const { body } = await trace([
      { homeOfficeReference: 'HO-7000001', forename: 'Mohammed', surname: 'Khan', dateOfBirth: '1988-03-03' },
    ]);
    const [result] = body.results;
    expect(result!.outcome).toBe('partial-match');
    expect(result!.nino).toBeUndefined();
    expect(result!.candidates!.map((c) => c.nino).sort()).toEqual([commonNamePairA.nino, commonNamePairB.nino].sort());
    expect(result!.candidates).toContainEqual({
      forename: 'Mohammed',
      surname: 'Khan',
      dateOfBirth: '1991-01-03',
      nino: 'ZR550912C',
      postcode: 'BD8 7QA',
    });
  });

  it('finds the one Mohammed Khan whose date of birth matches too, whatever the case of the name', async () => {
    const { body } = await trace([
      { homeOfficeReference: 'HO-7000002', forename: 'MOHAMMED', surname: 'khan', dateOfBirth: '1985-07-19' },
    ]);
    expect(body.results[0]).toEqual({ homeOfficeReference: 'HO-7000002', outcome: 'found', nino: 'JC318274A' });
  });

  it('does not confirm a NINo that DWP holds for someone else: it is a partial match naming the holder', async () => {
    const { body } = await trace([grantFor(turns30On2018_05_01, { nino: windrushElder.nino! })]);
    expect(body.results[0]!.outcome).toBe('partial-match');
    expect(body.results[0]!.candidates!.map((c) => c.nino)).toContain(windrushElder.nino);
  });

  it('assigns a NINo no one else holds, and gives the same grant the same NINo on every run', async () => {
    const grant = {
      homeOfficeReference: 'HO-7000003',
      forename: 'Tendai',
      surname: 'Zvobgo-Newcomer',
      dateOfBirth: '1994-02-28',
    };
    const first = (await trace([grant])).body.results[0]!;
    expect(first.outcome).toBe('assigned');
    expect(population.people.some((p) => p.nino === first.nino)).toBe(false);
    const again = (await trace([{ ...grant, nino: first.nino }])).body.results[0]!;
    expect(again).toEqual({ homeOfficeReference: 'HO-7000003', outcome: 'confirmed', nino: first.nino });
  });

  it('answers 400 naming the fields of a bad batch, without repeating what was sent', async () => {
    const { status, body } = await dwp.ask(
      'dwp',
      '/dwp/nino-trace',
      { grants: [{ homeOfficeReference: 'HO-1', forename: 'Zebedee', dateOfBirth: '31/02/1990' }] },
      'DwpError',
    );
    expect(status).toBe(400);
    expect(body.error).toBe('invalid-request');
    expect(body.fields!.map((f) => f.field)).toEqual(
      expect.arrayContaining(['grants.0.homeOfficeReference', 'grants.0.surname', 'grants.0.dateOfBirth']),
    );
    expect(JSON.stringify(body)).not.toMatch(/Zebedee|31\/02/);
    expect((await dwp.ask('dwp', '/dwp/nino-trace', { grants: [] }, 'DwpError')).status).toBe(400);
  });
});

describe('dwp.accessed-public-funds: has the applicant claimed benefits, and on what basis (¶6.46–6.53)', () => {
  const check = (body: object) => dwp.ask('dwp', '/dwp/accessed-public-funds', body, 'DwpAccessedPublicFundsResponse');

  it('gives each claim, from when, on what basis, and the address it was claimed at (¶6.51)', async () => {
    const { body } = await check({ subject: { nino: windrushElder.nino } });
    expect(body).toEqual({
      outcome: 'matched',
      nino: 'YH204817B',
      claims: [
        {
          benefit: 'housing-benefit',
          from: '2014-01-06',
          to: null,
          basis: 'housing-costs',
          residenceBasis: 'settled-status',
          claimAddress: { line1: '63 Albert Street', town: 'London', postcode: 'SW9 8ND' },
        },
      ],
    });
  });

  it('shows a claim by someone with no recourse to public funds as having no recorded entitlement', async () => {
    const claimant = population.people.find(
      (p) =>
        p.immigration.noRecourseToPublicFunds &&
        p.nino !== null &&
        p.benefitClaims.some((c) => c.benefit === 'universal-credit'),
    );
    expect(claimant, 'the population has NRPF claimants').toBeDefined();
    const { body } = await check({ subject: nameAndBirth(claimant!) });
    expect(body.outcome).toBe('matched');
    expect(body.claims).toContainEqual(
      expect.objectContaining({
        benefit: 'universal-credit',
        basis: 'income-related',
        residenceBasis: 'none-recorded',
      }),
    );
  });

  it('reports only DWP benefits running on or after `since`; child benefit and tax credits are HMRC’s', async () => {
    const parent = population.people.find(
      (p) => p.nino !== null && p.benefitClaims.some((c) => c.benefit === 'child-benefit'),
    )!;
    const { body } = await check({ subject: { nino: parent.nino }, since: '2030-01-01' });
    expect(body.claims!.every((c) => c.to === null)).toBe(true);
    expect(body.claims!.map((c) => c.benefit)).not.toContain('child-benefit');
  });

  it('returns a common name with the wrong date of birth as a partial match, with no claims', async () => {
    const { body } = await check({ subject: { forename: 'Mohammed', surname: 'Khan', dateOfBirth: '1985-07-20' } });
    expect(body.outcome).toBe('partial-match');
    expect(body.claims).toBeUndefined();
    expect(body.candidates).toHaveLength(2);
  });

  it('finds no one who is not a DWP customer', async () => {
    expect((await check({ subject: nameAndBirth(nonEeaDebtor) })).body).toEqual({ outcome: 'no-match' });
  });

  it('answers 400 when the subject has neither a NINo nor a full name and date of birth', async () => {
    const { status, body } = await dwp.ask(
      'dwp',
      '/dwp/accessed-public-funds',
      { subject: { forename: 'Clarence' } },
      'DwpError',
    );
    expect(status).toBe(400);
    expect(body.fields!.map((f) => f.field)).toContain('subject.surname');
  });
});

describe('dwp.proactive-notification: DWP acknowledges a change of status', () => {
  const notification = {
    subject: { homeOfficeReference: 'HO-4000006', ...nameAndBirth(offenderUnder30), nino: offenderUnder30.nino },
    change: 'no-leave',
    effectiveFrom: '2018-04-01',
  };

  it('acknowledges with its own reference, the same one for a retry, and says whether it found the customer', async () => {
    const first = await dwp.ask('dwp', '/dwp/status-notifications', notification, 'DwpNotificationAcknowledgement');
    const retry = await dwp.ask('dwp', '/dwp/status-notifications', notification, 'DwpNotificationAcknowledgement');
    expect(first.body).toEqual({
      status: 'acknowledged',
      reference: expect.stringMatching(/^DWP-N-/),
      recordFound: true,
    });
    expect(retry.body.reference).toBe(first.body.reference);
    const stranger = {
      ...notification,
      subject: { homeOfficeReference: 'HO-7000009', forename: 'Nobody', surname: 'Known', dateOfBirth: '1990-01-01' },
    };
    expect(
      (await dwp.ask('dwp', '/dwp/status-notifications', stranger, 'DwpNotificationAcknowledgement')).body.recordFound,
    ).toBe(false);
  });

  it('answers 400 to a change it does not know', async () => {
    expect(
      (await dwp.ask('dwp', '/dwp/status-notifications', { ...notification, change: 'deported-maybe' }, 'DwpError'))
        .status,
    ).toBe(400);
  });
});
