// Joint-review signals where an SRO looks first, GET /v1/measures/signals (rec 2f: "regular joint reviews with agreed
// improvement plans"; ¶6.140: reviews not held, plans not followed). A review not signed off by every party within
// 30 days of being held, and an improvement action past its due date and not closed, are each a warning naming the
// collaboration; each clears when the party signs off or the action is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole } from '../support/register.ts';

let now = new Date('2026-11-03T10:00:00Z');
let gw: TestGateway;
let reviewId: string;
let actionId: string;
const agreement = 'ukvi-hmrc-bulk-evidence-dsa';

const signals = async () => {
  const res = await asRole(gw, 'sro').get('/v1/measures/signals');
  expect(res.status).toBe(200);
  return (
    res.body.signals as {
      code: string;
      severity: string;
      collaborationId: string | null;
      agreementId: string | null;
      detail: string;
    }[]
  ).filter((s) => ['sign-off-overdue', 'action-overdue'].includes(s.code));
};

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  const held = await asRole(gw, 'sro').post(`/v1/register/agreements/${agreement}/versions/1.0/joint-reviews`, {
    heldOn: '2026-11-02',
    attendees: [
      { party: 'home-office-ukvi', name: 'UKVI European Casework lead', role: 'Senior owner' },
      { party: 'hmrc', name: 'HMRC data-sharing lead', role: 'Senior owner' },
    ],
    findings: ['Requests stayed under the cap (¶6.95)'],
    actions: [
      {
        description: 'Automate the monthly return file',
        owner: { party: 'hmrc', name: 'HMRC data-sharing lead' },
        dueOn: '2026-11-20',
      },
    ],
  });
  expect(held.status).toBe(201);
  reviewId = held.body.id;
  actionId = held.body.actions[0].id;
}, 120_000);
afterAll(() => gw?.close());

describe('joint-review signals in GET /v1/measures/signals', () => {
  it('are quiet while the review is fresh and its action not yet due', async () => {
    expect(await signals()).toEqual([]);
  });

  it('name the overdue improvement action the day after it was due', async () => {
    now = new Date('2026-11-21T10:00:00Z');
    expect(await signals()).toEqual([
      expect.objectContaining({
        code: 'action-overdue',
        severity: 'warning',
        collaborationId: 'ie-ukvi-hmrc-evidence-of-employment',
        agreementId: agreement,
        detail: expect.stringMatching(/Automate the monthly return file.*due on 2026-11-20/),
      }),
    ]);
  });

  it("say the review is not joint once 30 days pass without every party's sign-off, naming who has not signed", async () => {
    now = new Date('2026-12-03T10:00:00Z');
    const found = await signals();
    expect(found.map((s) => s.code)).toEqual(['sign-off-overdue', 'action-overdue']);
    expect(found[0]!.detail).toMatch(/home-office-ukvi, hmrc had not signed it off by 2026-12-02/);
  });

  it('clear when both parties sign off and the action is closed', async () => {
    expect(
      (
        await asRole(gw, 'sro').post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
          party: 'home-office-ukvi',
          signatory: 'UKVI SRO',
          signedOn: '2026-12-03',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await asRole(gw, 'hmrc-benefits').post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
          party: 'hmrc',
          signatory: 'HMRC director',
          signedOn: '2026-12-03',
        })
      ).status,
    ).toBe(200);
    expect((await signals()).map((s) => s.code)).toEqual(['action-overdue']);
    expect(
      (
        await asRole(gw, 'sro').post(`/v1/register/improvement-actions/${actionId}/closure`, {
          closedOn: '2026-12-03',
          outcome: 'Return file automated',
        })
      ).status,
    ).toBe(200);
    expect(await signals()).toEqual([]);
  });
});
