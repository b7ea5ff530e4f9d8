import { describe, expect, it } from 'vitest';
import { figuresOf } from './figures.ts';
import type { ExchangeRecord } from './types.ts';

const record = (over: Partial<ExchangeRecord>): ExchangeRecord => ({
  auditId: 'a',
  recordedAt: '2026-11-20T10:00:00.000Z',
  day: '2026-11-20',
  exchange: 'dfe.child-trace',
  direction: 'outbound',
  party: 'home-office-ie',
  partner: 'dfe',
  agreement: { id: 'm', version: '1' },
  decision: 'permit',
  deniedBy: [],
  directives: [],
  outcome: 'matched',
  latencyMs: 100,
  completedAt: null,
  referrals: [],
  feedback: [],
  ...over,
});
const sla = () => ({ measure: 'turnaround', hours: 1 });

describe('figures', () => {
  it('counts both directions, refusals under every rule that denied, and outcomes of permits only', () => {
    const f = figuresOf(
      [
        record({}),
        record({ direction: 'inbound', outcome: 'no-match' }),
        record({ decision: 'deny', deniedBy: ['field-scope', 'purpose'], outcome: null, latencyMs: null }),
        record({ decision: 'deny', deniedBy: ['field-scope'], outcome: null, latencyMs: null }),
      ],
      sla,
    );
    expect(f).toMatchObject({
      requests: 4,
      outbound: 3,
      inbound: 1,
      permitted: 2,
      refused: 2,
      refusalsByRule: { 'field-scope': 2, purpose: 1 },
      outcomes: { matched: 1, 'no-match': 1 },
      matchRate: 0.5,
    });
  });

  it("judges each exchange from the request to the partner's completion, not the HTTP answer", () => {
    const f = figuresOf(
      [
        record({ latencyMs: 5, completedAt: '2026-11-20T10:59:00.000Z' }),
        record({ latencyMs: 5, completedAt: '2026-11-20T11:00:00.001Z' }),
        // A timeout from the HTTP call, but the partner later reported the work done within the hour.
        record({ outcome: 'upstream-timeout', latencyMs: 3_700_000, completedAt: '2026-11-20T10:30:00.000Z' }),
      ],
      sla,
    );
    expect(f.sla).toEqual({ measured: 3, within: 2, breached: 1, shareWithin: 2 / 3, completionUnknown: 0 });
    expect(f.responseTimes).toEqual({ measured: 3, p50Ms: 5, p95Ms: 3_700_000 });
  });

  it('says a completion nobody reported is unknown, never met, however fast the answer came (a synchronous answer)', () => {
    const f = figuresOf(
      [record({ latencyMs: 3 }), record({ latencyMs: 4, completedAt: '2026-11-20T10:10:00.000Z' })],
      sla,
    );
    expect(f.sla).toEqual({ measured: 1, within: 1, breached: 0, shareWithin: 1, completionUnknown: 1 });
  });

  it('measures nothing against an SLA the agreement does not set', () => {
    expect(figuresOf([record({})], () => null).sla).toEqual({
      measured: 0,
      within: 0,
      breached: 0,
      shareWithin: null,
      completionUnknown: 0,
    });
  });

  it('rates feedback over the exchanges that delivered, counting an exchange once per outcome', () => {
    const f = figuresOf(
      [
        record({
          feedback: [
            { party: 'home-office-ie', outcome: 'address-updated' },
            { party: 'dfe', outcome: 'address-updated' },
          ],
        }),
        record({ feedback: [{ party: 'home-office-ie', outcome: 'safeguarding-referral' }] }),
        record({}),
        record({ outcome: 'upstream-error', latencyMs: 5 }),
      ],
      sla,
    );
    expect(f.feedback).toEqual({
      exchanges: 2,
      rate: 2 / 3,
      byOutcome: { 'address-updated': 1, 'safeguarding-referral': 1 },
    });
  });

  it('has no rates when there is nothing to divide by', () => {
    const f = figuresOf([], sla);
    expect([f.matchRate, f.sla.shareWithin, f.feedback.rate, f.responseTimes.p50Ms]).toEqual([null, null, null, null]);
  });
});
