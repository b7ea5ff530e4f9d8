// The scorecard against the default register: each collaboration's gaps on the seven characteristics are
// derived from the register's own data, so the inspection's findings show up without anyone typing them in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { fixedClock } from '../support/child-trace.ts';
import { asRole } from '../support/register.ts';

interface Card {
  collaborationId: string;
  title: string;
  gaps: { code: string }[];
  characteristics: { id: string; met: boolean }[];
  priority: number;
}

let gw: TestGateway;
let cards: Card[];
let attention: string[];
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  const res = await asRole(gw, 'sro').get('/v1/register/scorecard');
  cards = res.body.scorecards;
  attention = res.body.attentionFirst;
});
afterAll(() => gw.close());

const gapsOf = (match: RegExp) => {
  const card = cards.find((c) => match.test(c.title));
  if (!card) throw new Error(`no scorecard titled ${match}`);
  return card.gaps.map((g) => g.code);
};

describe("the scorecard names the inspection's findings", () => {
  it('the free-school-meals MoU still bears the defunct UKBA name (¶6.130)', () => {
    expect(gapsOf(/free school meals/i)).toContain('defunct-organisation-named');
  });

  it('child tracing has an unsigned v2.3 draft alongside the signed MoU (¶6.113)', () => {
    const gaps = gapsOf(/child tracing/i);
    expect(gaps).toContain('draft-in-use');
    expect(gaps).not.toContain('no-signed-agreement');
  });

  it('Project WALKS ran on an operational briefing: nothing signed, no legal basis, no measures (¶6.19)', () => {
    expect(gapsOf(/WALKS/)).toEqual(
      expect.arrayContaining(['no-signed-agreement', 'no-legal-basis', 'no-performance-measures']),
    );
  });

  // Covered by the umbrella MoU (¶6.117), so no longer an unsigned draft; what it lacks is what the report found.
  it('state-funded education rests on the umbrella MoU with no legal basis, agreed objectives, process or senior owner (¶6.116–6.125)', () => {
    expect(gapsOf(/state-funded education/i)).toEqual(
      expect.arrayContaining(['no-legal-basis', 'no-stated-aims', 'no-defined-process', 'party-without-senior-owner']),
    );
  });

  it('NHS debtor reporting rests on the Immigration Rules with no MoU (¶6.143)', () => {
    expect(gapsOf(/debtor/i)).toContain('no-mou');
  });

  it('marks a characteristic met only when it has no gap', () => {
    for (const card of cards) {
      for (const c of card.characteristics) {
        const own = card.gaps.some((g) => (g as { characteristic?: string }).characteristic === c.id);
        expect(c.met).toBe(!own);
      }
    }
  });

  it('puts the most urgent first, and lists what needs attention first', () => {
    const priorities = cards.map((c) => c.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(attention[0]).toMatch(/No agreement signed by every party is in force|No legal basis/);
  });

  it("judges any past day: child tracing's joint review was not yet overdue in 2017, and is now", async () => {
    const past = await asRole(gw, 'sro').get('/v1/register/scorecard?asOf=2017-06-01');
    expect(past.body.asOf).toBe('2017-06-01');
    const then = (past.body.scorecards as Card[]).find((c) => /child tracing/i.test(c.title))!.gaps.map((g) => g.code);
    expect(then).not.toContain('review-overdue');
    expect(gapsOf(/child tracing/i)).toContain('review-overdue');
  });
});

describe('reviews scheduled from the interval, and ended collaborations left alone (rec 2f)', () => {
  it("HMRC's six-monthly review has a due date from its interval, and is overdue (¶6.93)", async () => {
    const v = await asRole(gw, 'sro').get('/v1/register/agreements/ukvi-hmrc-bulk-evidence-dsa/versions/1.0');
    expect(v.body.version.review).toMatchObject({
      intervalMonths: 6,
      lastReviewedOn: '2017-02-01',
      nextReviewDue: '2017-08-01',
    });
    expect(gapsOf(/Evidence of employment/)).toContain('review-overdue');
    const list = await asRole(gw, 'sro').get('/v1/register/collaborations');
    const hmrc = list.body.collaborations.find(
      (s: { collaboration: { id: string } }) => s.collaboration.id === 'ie-ukvi-hmrc-evidence-of-employment',
    );
    expect(hmrc).toMatchObject({ nextReviewDue: '2017-08-01', reviewOverdue: true });
  });

  it('a closed operation is not flagged for review, and is judged on its last day (¶6.19, ¶6.72)', async () => {
    for (const title of [/WALKS/, /MANDERA/]) {
      expect(gapsOf(title)).not.toContain('review-overdue');
      expect(gapsOf(title)).not.toContain('never-reviewed');
    }
    // MANDERA ran on a statute for its four days: on its last day that was in force.
    expect(gapsOf(/MANDERA/)).not.toContain('no-signed-agreement');
    const list = await asRole(gw, 'sro').get('/v1/register/collaborations');
    for (const s of list.body.collaborations.filter(
      (s: { collaboration: { status: string } }) => s.collaboration.status === 'closed',
    )) {
      expect(s.reviewOverdue, s.collaboration.id).toBe(false);
    }
  });
});
