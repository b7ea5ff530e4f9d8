import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../platform/working-days.ts';
import { obligationOf } from './obligations.ts';

describe('due dates in working days in England and Wales', () => {
  it.each([
    ['2026-11-23', 10, '2026-12-07', 'two ordinary weeks'],
    ['2026-12-21', 10, '2027-01-07', "skips Christmas Day, the substitute Boxing Day and New Year's Day"],
    ['2026-08-28', 1, '2026-09-01', 'skips the weekend and the summer bank holiday'],
  ])('%s plus %i working days is %s (%s)', (from, count, due) => {
    expect(addWorkingDays(from, count)).toBe(due);
  });

  it('knows a bank holiday and a weekend from a working day', () => {
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-27')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
  });
});

describe("an obligation's status", () => {
  const source = {
    kind: 'inform-patient-of-debt-report' as const,
    decisionId: 'd',
    exchange: 'nhs.debtor-return',
    agreementId: null,
    responsibleParty: 'trust',
    arose: '2026-11-23',
  };
  it.each([
    ['2026-12-07', 'open', 'on its due day it is not yet late'],
    ['2026-12-08', 'overdue', 'the day after it is'],
  ])('on %s it is %s (%s)', (today, status) => {
    expect(obligationOf(source, new Map(), today).status).toBe(status);
  });
  it('is confirmed once a confirmation names it, however late', () => {
    const confirmation = {
      obligationId: 'inform-patient-of-debt-report.d',
      auditId: 'a',
      party: 'trust',
      clientId: 'c',
      recordedAt: '2027-01-01T00:00:00.000Z',
    };
    expect(obligationOf(source, new Map([[confirmation.obligationId, confirmation]]), '2027-01-01').status).toBe(
      'confirmed',
    );
  });
});
