// The Home Office records sandbox: the status record behind every reactive status check, and NHS debtor
// reports moving through the four states of Figure 5 (¶6.143–6.154).
import { describe, expect, it } from 'vitest';
import { fixtures, nameAndBirth, useSandboxes } from './support.ts';

const homeOffice = useSandboxes();
const {
  windrushElder,
  s95Parent,
  offenderUnder30,
  commonNamePairA,
  turns30On2018_05_01,
  traceableChild,
  nonEeaDebtor,
  eeaDebtor,
} = fixtures;
const check = (subject: object) =>
  homeOffice.ask('homeOffice', '/home-office/status-check', { subject }, 'HomeOfficeStatusCheckResponse');
const report = (body: object) =>
  homeOffice.ask('homeOffice', '/home-office/nhs-debtor-reports', body, 'HomeOfficeNhsDebtorReceipt');

describe('status checks (dwp, hmrc, dfe and nhs): the Home Office status record', () => {
  it('shows the Windrush profile of a Commonwealth citizen settled before 1973, found by NINo (¶3.24)', async () => {
    const { body } = await check({ nino: 'YH 204817 B' });
    expect(body.record).toMatchObject({
      homeOfficeReference: 'HO-4000004',
      immigrationStatus: 'settled',
      leaveType: 'indefinite-leave-to-remain',
      leaveValidTo: null,
      arrivedInUk: '1956-09-10',
      windrushProfile: true,
      dateOfBirth: windrushElder.dateOfBirth,
    });
  });

  it('shows s.95 (Part VI) asylum support for free school meals, found by Home Office reference (¶6.127)', async () => {
    const { body } = await check({ homeOfficeReference: s95Parent.immigration.homeOfficeReference });
    expect(body.record).toMatchObject({
      immigrationStatus: 'asylum-seeker',
      supportedUnderS95: true,
      noRecourseToPublicFunds: true,
      windrushProfile: false,
    });
  });

  it('gives a child’s leave type and validity, for an education status check (¶6.115)', async () => {
    const { body } = await check(nameAndBirth(traceableChild));
    expect(body.record).toMatchObject({
      leaveType: 'dependant',
      leaveValidFrom: '2023-01-09',
      leaveValidTo: '2028-01-08',
    });
  });

  it('gives the date of birth the gateway computes ages from, and the criminal casework the financial-services rule needs', async () => {
    expect((await check({ nino: turns30On2018_05_01.nino })).body.record!.dateOfBirth).toBe('1988-05-01');
    const { body } = await check(nameAndBirth(offenderUnder30));
    expect(body.record).toMatchObject({
      dateOfBirth: '2000-02-10',
      immigrationStatus: 'no-leave',
      facingDeportationForCriminalOffence: true,
      sentenceMonths: 18,
    });
  });

  it('knows British citizens from passport records, with no Home Office reference', async () => {
    const { body } = await check({ nino: commonNamePairA.nino });
    expect(body.record).toMatchObject({
      immigrationStatus: 'british-citizen',
      nationality: 'GBR',
      homeOfficeReference: null,
      windrushProfile: false,
    });
  });

  it('finds no one when the particulars given disagree with the record, or match no one', async () => {
    expect((await check({ homeOfficeReference: 'HO-4000004', dateOfBirth: '1948-06-03' })).body).toEqual({
      outcome: 'no-match',
    });
    expect((await check({ forename: 'Mohammed', surname: 'Khan', dateOfBirth: '1985-07-20' })).body).toEqual({
      outcome: 'no-match',
    });
  });

  it('answers 400 to a subject with no identifier, or a malformed one', async () => {
    for (const subject of [{}, { homeOfficeReference: 'HO4000004' }, { forename: 'Clarence', surname: 'Baptiste' }]) {
      const { status, body } = await homeOffice.ask(
        'homeOffice',
        '/home-office/status-check',
        { subject },
        'HomeOfficeError',
      );
      expect(status).toBe(400);
      expect(body.error).toBe('invalid-request');
    }
  });
});

describe('nhs.debtor-return: debtor reports recorded against the person (¶6.143–6.154)', () => {
  const debt = {
    homeOfficeReference: 'HO-4000008',
    dateOfBirth: nonEeaDebtor.dateOfBirth,
    trust: 'Barts Health NHS Trust',
    amountPence: 65_000,
    invoicedOn: '2026-08-23',
  };

  it('moves a debt the Home Office already holds through the four states of Figure 5', async () => {
    const states = ['repayment-arrangement', 'defaulted-debt-still-outstanding', 'debt-repaid'] as const;
    let previous: string | null = 'debt-outstanding';
    for (const status of states) {
      const { body } = await report({ ...debt, status });
      expect(body).toEqual({
        outcome: 'recorded',
        reference: expect.stringMatching(/^HO-NHSD-/),
        homeOfficeReference: 'HO-4000008',
        previousStatus: previous,
      });
      previous = status;
    }
  });

  it('records a new debt by name and date of birth, with no previous status', async () => {
    const { body } = await report({
      ...nameAndBirth(nonEeaDebtor),
      amountPence: 120_000,
      invoicedOn: '2026-09-01',
      status: 'debt-outstanding',
    });
    expect(body).toMatchObject({ outcome: 'recorded', homeOfficeReference: 'HO-4000008', previousStatus: null });
  });

  it('records an EEA debtor too: keeping EEA patients out is the gateway’s debtor-threshold rule', async () => {
    const { body } = await report({
      homeOfficeReference: 'HO-4000007',
      dateOfBirth: eeaDebtor.dateOfBirth,
      amountPence: 80_000,
      invoicedOn: '2026-07-23',
      status: 'debt-outstanding',
    });
    expect(body).toMatchObject({ outcome: 'recorded', previousStatus: 'debt-outstanding' });
  });

  it('does not match a report whose date of birth disagrees with the Home Office reference', async () => {
    expect((await report({ ...debt, dateOfBirth: '1979-12-04', status: 'debt-outstanding' })).body).toEqual({
      outcome: 'not-matched',
    });
  });

  it('answers 400 without a date of birth (mandatory), or with a status outside Figure 5', async () => {
    const { dateOfBirth: _omitted, ...withoutBirth } = debt;
    for (const bad of [
      { ...withoutBirth, status: 'debt-outstanding' },
      { ...debt, status: 'written-off' },
      { ...debt, homeOfficeReference: undefined, status: 'debt-outstanding' },
    ]) {
      const { status } = await homeOffice.ask('homeOffice', '/home-office/nhs-debtor-reports', bad, 'HomeOfficeError');
      expect(status).toBe(400);
    }
  });
});
