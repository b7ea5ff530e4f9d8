// The financial institution sandbox: a bank receives a status share about a disqualified person (¶5.43).
import { describe, expect, it } from 'vitest';
import { fixtures, nameAndBirth, useSandboxes } from './support.ts';

const bank = useSandboxes();
const share = {
  shareReference: 'IE/FS/0001',
  subject: { ...nameAndBirth(fixtures.offenderUnder30), homeOfficeReference: 'HO-4000006', postcode: 'BS5 6HN' },
  status: 'disqualified-person',
  reason: 'facing-deportation-for-criminal-offence',
  effectiveFrom: '2018-09-01',
};

describe('financial.status-share: the bank acknowledges', () => {
  it('acknowledges with its own reference, the same one when the share is retried', async () => {
    const first = await bank.ask('financial', '/financial/status-share', share, 'FinancialStatusShareAcknowledgement');
    const retry = await bank.ask('financial', '/financial/status-share', share, 'FinancialStatusShareAcknowledgement');
    expect(first.body).toEqual({ status: 'acknowledged', reference: expect.stringMatching(/^FIN-[0-9A-F]{10}$/) });
    expect(retry.body.reference).toBe(first.body.reference);
  });

  it('answers 400 to a share without a reason, or with a status banks are not told about', async () => {
    const { reason: _omitted, ...withoutReason } = share;
    for (const bad of [withoutReason, { ...share, status: 'overstayer' }]) {
      const { status, body } = await bank.ask('financial', '/financial/status-share', bad, 'FinancialError');
      expect(status).toBe(400);
      expect(body.error).toBe('invalid-request');
    }
  });
});
