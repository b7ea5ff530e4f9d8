import { describe, expect, it } from 'vitest';
import { figuresOf } from './figures.ts';
import { signalsOf, type SignalInput } from './signals.ts';

const none: SignalInput = { today: '2026-11-25', feeds: [], sla: [], caps: [], reviews: [], directives: [] };
const feed = (lastSeen: string | null, every: 'day' | 'week' | 'month' = 'week', missedPeriods = 2) => ({
  collaborationId: 'c',
  agreementId: 'a',
  measure: 'weekly',
  description: 'weekly',
  exchanges: ['dfe.fsm-eligibility'],
  every,
  missedPeriods,
  lastSeen,
  watchedFrom: '2026-10-01',
});
const cap = (used: number) => ({
  collaborationId: 'c',
  agreementId: 'a',
  version: '1',
  measure: 'cap',
  monthlyCap: 300,
  used,
  month: '2026-11',
});

describe('signals', () => {
  it.each([
    ['2026-11-16', 0],
    ['2026-11-09', 0],
    ['2026-11-08', 1],
    [null, 1],
  ])('a weekly feed last seen %s gives %i signal(s) on 25 November', (lastSeen, n) => {
    expect(signalsOf({ ...none, feeds: [feed(lastSeen)] }).filter((s) => s.code === 'feed-stopped')).toHaveLength(n);
  });

  it.each([
    [239, null],
    [240, 'cap-near-limit'],
    [299, 'cap-near-limit'],
    [300, 'cap-reached'],
  ])('a cap of 300 with %i used: %s', (used, code) => {
    expect(signalsOf({ ...none, caps: [cap(used)] })[0]?.code ?? null).toBe(code);
  });

  it.each([
    [{ status: 'not-broken' as const, since: null, source: null, firstBadSeq: null, problem: null }, 0],
    [
      {
        status: 'not-broken' as const,
        since: '2026-11-25T09:00:00.000Z',
        source: 'verification' as const,
        firstBadSeq: null,
        problem: null,
      },
      0,
    ],
    [
      {
        status: 'broken' as const,
        since: '2026-11-25T09:00:00.000Z',
        source: 'checkpointer' as const,
        firstBadSeq: 7,
        problem: 'entry 7 does not follow from the one before it',
      },
      1,
    ],
  ])('an audit chain %o gives %i signal(s), urgent and before all others', (chain, n) => {
    const list = signalsOf({ ...none, caps: [cap(300)], chain });
    expect(list.filter((s) => s.code === 'audit-chain-broken')).toHaveLength(n);
    if (n) expect(list[0]).toMatchObject({ code: 'audit-chain-broken', severity: 'urgent', collaborationId: null });
    if (n) expect(list[0]!.detail).toContain('entry 7');
  });

  it('flags SLA breaches, urgent below 90% within', () => {
    // Completed by the partner 1 minute or 2 hours after the request, against an SLA of 1 hour.
    const rec = (completedAt: string) => ({
      auditId: 'x',
      recordedAt: '2026-11-20T10:00:00.000Z',
      day: '2026-11-20',
      exchange: 'e',
      direction: 'outbound' as const,
      party: 'p',
      partner: 'q',
      agreement: { id: 'a', version: '1' },
      decision: 'permit' as const,
      deniedBy: [],
      directives: [],
      outcome: 'matched',
      latencyMs: 5,
      completedAt,
      referrals: [],
      feedback: [],
    });
    const figures = (ok: number, late: number) =>
      figuresOf(
        [...Array(ok).fill(rec('2026-11-20T10:01:00.000Z')), ...Array(late).fill(rec('2026-11-20T12:00:00.000Z'))],
        () => ({ measure: 's', hours: 1 }),
      );
    expect(
      signalsOf({ ...none, sla: [{ collaborationId: 'c', agreementId: 'a', exchange: 'e', figures: figures(10, 0) }] }),
    ).toEqual([]);
    expect(
      signalsOf({
        ...none,
        sla: [{ collaborationId: 'c', agreementId: 'a', exchange: 'e', figures: figures(19, 1) }],
      })[0],
    ).toMatchObject({ code: 'sla-breached', severity: 'warning' });
    expect(
      signalsOf({
        ...none,
        sla: [{ collaborationId: 'c', agreementId: 'a', exchange: 'e', figures: figures(8, 2) }],
      })[0],
    ).toMatchObject({ code: 'sla-breached', severity: 'urgent' });
  });

  it.each([
    [null, null],
    ['2026-11-24', null],
    ['2026-11-25', 'urgent'],
    ['2026-12-02', 'urgent'],
    ['2026-12-03', 'warning'],
    ['2026-12-25', 'warning'],
    ['2026-12-26', null],
  ])('a directive ending %s: %s', (effectiveTo, severity) => {
    expect(signalsOf({ ...none, directives: [{ id: 'd', title: 'D', effectiveTo }] })[0]?.severity ?? null).toBe(
      severity,
    );
  });

  it.each([
    [null, null],
    ['2026-11-25', null],
    ['2026-11-24', 'warning'],
    ['2026-08-01', 'urgent'],
  ])('a review due %s: %s', (due, severity) => {
    expect(
      signalsOf({ ...none, reviews: [{ collaborationId: 'c', agreementId: 'a', version: '1', nextReviewDue: due }] })[0]
        ?.severity ?? null,
    ).toBe(severity);
  });
});
