import { describe, expect, it } from 'vitest';
import type { AgreementVersion } from '../../mou-registry/types.ts';
import { judgeSla, slaFor } from './sla.ts';

const version = (measures: AgreementVersion['measures']) => ({ measures }) as AgreementVersion;

describe('which SLA applies', () => {
  it('prefers a measure naming the exchange, then the shortest', () => {
    const v = version([
      { code: 'general', description: 'all', slaHours: 24 },
      { code: 'nino', description: 'named', slaHours: 120, exchanges: ['dwp.nino-alignment'] },
      { code: 'vulnerable', description: 'named, shorter', slaHours: 48, exchanges: ['dwp.nino-alignment'] },
    ]);
    expect(slaFor(v, 'dwp.nino-alignment')).toEqual({ measure: 'vulnerable', hours: 48 });
    expect(slaFor(v, 'dwp.status-check')).toEqual({ measure: 'general', hours: 24 });
  });

  it('is none when the version sets none, or there is no version', () => {
    expect(slaFor(version([{ code: 'cap', description: 'cap', monthlyCap: 300 }]), 'dfe.child-trace')).toBeNull();
    expect(slaFor(undefined, 'dfe.child-trace')).toBeNull();
  });
});

describe('judging an exchange from request to completion', () => {
  it('counts hours on the clock: at the limit within, a millisecond later breached', () => {
    const sla = { measure: 's', hours: 48 };
    expect(judgeSla('2026-11-20T10:00:00.000Z', '2026-11-22T10:00:00.000Z', sla)).toBe('within');
    expect(judgeSla('2026-11-20T10:00:00.000Z', '2026-11-22T10:00:00.001Z', sla)).toBe('breached');
  });

  it('counts working days, skipping weekends and England and Wales bank holidays (¶6.110: 10 working days)', () => {
    const sla = { measure: 's', workingDays: 10 };
    // Friday 20 November 2026: the tenth working day after is Friday 4 December.
    expect(judgeSla('2026-11-20T10:00:00Z', '2026-12-04T16:00:00Z', sla)).toBe('within');
    expect(judgeSla('2026-11-20T10:00:00Z', '2026-12-07T09:00:00Z', sla)).toBe('breached');
    // From 18 December, Christmas Day, the Boxing Day substitute and New Year's Day do not count: 4 January is the 8th.
    expect(judgeSla('2026-12-18T10:00:00Z', '2027-01-04T10:00:00Z', sla)).toBe('within');
    // Over Easter 2026 (Good Friday 3 April, Easter Monday 6 April), 5 working days from 1 April end on 10 April.
    expect(judgeSla('2026-04-01T10:00:00Z', '2026-04-10T17:00:00Z', { measure: 's', workingDays: 5 })).toBe('within');
    expect(judgeSla('2026-04-01T10:00:00Z', '2026-04-13T09:00:00Z', { measure: 's', workingDays: 5 })).toBe('breached');
  });

  it('does not claim an SLA met when the partner never reported completing the work', () => {
    expect(judgeSla('2026-11-20T10:00:00Z', null, { measure: 's', hours: 48 })).toBe('completion-unknown');
  });
});
