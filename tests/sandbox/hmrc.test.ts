// The HMRC sandbox: evidence of employment, income and residence under UK Borders Act 2007 s.40
// (¶6.87–6.95), refused for British and EU citizens (¶6.79), and proactive notifications received.
import { describe, expect, it } from 'vitest';
import { fixtures, nameAndBirth, useSandboxes } from './support.ts';

const hmrc = useSandboxes();
const {
  turns30On2018_05_01: priya,
  traceableChildFather,
  commonNamePairA,
  eeaDebtor,
  nonEeaDebtor,
  offenderUnder30,
} = fixtures;
const statedUse = 'To establish whether the applicant has worked in breach of conditions, case UKVI/2018/1234';
const ask = (body: object) => hmrc.ask('hmrc', '/hmrc/evidence-request', body, 'HmrcEvidenceResponse');

describe('hmrc.evidence-request: employment, income and residence (¶6.87–6.95)', () => {
  it('gives every PAYE job, pay by tax year, and every address of a taxpayer found by NINo', async () => {
    const { status, body } = await ask({
      subject: { nino: priya.nino },
      evidence: ['employment', 'income', 'residence'],
      statedUse,
    });
    expect(status).toBe(200);
    expect(body.taxpayer).toEqual({
      nino: 'PL739201D',
      forename: 'Priya',
      surname: 'Raghunathan',
      dateOfBirth: '1988-05-01',
    });
    expect(body.employment).toEqual([
      { employer: 'Calder Analytics Ltd', payeReference: '120/CA55510', from: '2015-10-05', to: null },
    ]);
    const income = body.income!;
    expect(income[0]).toMatchObject({ taxYear: '2015-16', payeReference: '120/CA55510' });
    expect(income[0]!.grossPayPence).toBeLessThan(4_650_000);
    expect(income).toContainEqual({
      taxYear: '2019-20',
      employer: 'Calder Analytics Ltd',
      payeReference: '120/CA55510',
      grossPayPence: 4_650_000,
    });
    expect(income.at(-1)!.taxYear).toBe('2026-27');
    expect(body.residence!.map((a) => a.postcode)).toEqual(['M14 5RJ', 'M20 6BW']);
  });

  it('answers only the kinds of evidence asked for', async () => {
    const { body } = await ask({ subject: nameAndBirth(traceableChildFather), evidence: ['employment'], statedUse });
    expect(Object.keys(body).sort()).toEqual(['employment', 'outcome', 'taxpayer']);
    expect(body.employment).toEqual([
      {
        employer: 'Kirkstall Forge Warehousing Ltd',
        payeReference: '083/KF30417',
        from: '2013-01-07',
        to: '2017-10-31',
      },
    ]);
  });

  it('refuses, with nothing about the person, when its records show a British citizen or an EU national (¶6.79)', async () => {
    for (const subject of [{ nino: commonNamePairA.nino }, nameAndBirth(eeaDebtor)]) {
      const { status, body } = await hmrc.ask(
        'hmrc',
        '/hmrc/evidence-request',
        { subject, evidence: ['employment', 'income', 'residence'], statedUse },
        'HmrcError',
      );
      expect(status).toBe(422);
      expect(body.error).toBe('subject-out-of-scope');
      expect(JSON.stringify(body)).not.toMatch(/Sparkbrook|Deptford|Durand|Khan/);
    }
  });

  it('finds no one it holds no tax record for', async () => {
    expect((await ask({ subject: nameAndBirth(nonEeaDebtor), evidence: ['income'], statedUse })).body).toEqual({
      outcome: 'no-match',
    });
    expect((await ask({ subject: { nino: 'ZZ999999D' }, evidence: ['income'], statedUse })).body).toEqual({
      outcome: 'no-match',
    });
  });

  it('answers 400 unless the request says how the information will be used (¶6.79) and which evidence it wants', async () => {
    for (const bad of [
      { subject: { nino: priya.nino }, evidence: ['income'] },
      { subject: { nino: priya.nino }, evidence: [], statedUse },
      { subject: { nino: priya.nino }, evidence: ['medical-history'], statedUse },
      { subject: {}, evidence: ['income'], statedUse },
    ]) {
      const { status, body } = await hmrc.ask('hmrc', '/hmrc/evidence-request', bad, 'HmrcError');
      expect(status).toBe(400);
      expect(body.error).toBe('invalid-request');
    }
  });
});

describe('hmrc.proactive-notification: HMRC acknowledges a change of status', () => {
  it('acknowledges with its own reference and says whether it found the taxpayer', async () => {
    const notification = {
      subject: { homeOfficeReference: 'HO-4000006', ...nameAndBirth(offenderUnder30) },
      change: 'leave-curtailed',
      effectiveFrom: '2018-03-01',
    };
    const { body } = await hmrc.ask(
      'hmrc',
      '/hmrc/status-notifications',
      notification,
      'HmrcNotificationAcknowledgement',
    );
    expect(body).toEqual({
      status: 'acknowledged',
      reference: expect.stringMatching(/^HMRC-N-[0-9A-F]{10}$/),
      recordFound: true,
    });
    const later = await hmrc.ask(
      'hmrc',
      '/hmrc/status-notifications',
      { ...notification, effectiveFrom: '2018-03-02' },
      'HmrcNotificationAcknowledgement',
    );
    expect(later.body.reference).not.toBe(body.reference);
  });

  it('answers 400 without an effective date', async () => {
    const { status } = await hmrc.ask(
      'hmrc',
      '/hmrc/status-notifications',
      { subject: { homeOfficeReference: 'HO-4000006', ...nameAndBirth(offenderUnder30) }, change: 'no-leave' },
      'HmrcError',
    );
    expect(status).toBe(400);
  });
});
