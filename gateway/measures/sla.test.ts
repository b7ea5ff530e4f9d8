import { describe, expect, it } from 'vitest';
import type { AgreementVersion } from '../../mou-registry/types.ts';
import { slaDeadline, slaFor, withinSla } from './sla.ts';

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

describe('deadlines', () => {
  it('counts hours on the clock', () => {
    expect(slaDeadline(new Date('2026-11-20T10:00:00Z'), { measure: 's', hours: 48 }).toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('skips weekends for working days (¶6.110: 10 working days)', () => {
    // Friday 20 November 2026 + 10 working days = Friday 4 December.
    expect(slaDeadline(new Date('2026-11-20T10:00:00Z'), { measure: 's', workingDays: 10 }).toISOString()).toBe('2026-12-04T10:00:00.000Z');
    // Friday + 1 working day = Monday.
    expect(slaDeadline(new Date('2026-11-20T10:00:00Z'), { measure: 's', workingDays: 1 }).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('judges a response at the deadline within, one millisecond later breached', () => {
    const sla = { measure: 's', hours: 1 };
    expect(withinSla('2026-11-20T10:00:00.000Z', 3_600_000, sla)).toBe(true);
    expect(withinSla('2026-11-20T10:00:00.000Z', 3_600_001, sla)).toBe(false);
  });
});
