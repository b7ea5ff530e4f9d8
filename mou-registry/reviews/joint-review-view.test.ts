// Joint reviews (rec 2f): joint only when every party has signed off; improvement actions tracked to closure.
import { describe, expect, it } from 'vitest';
import { jointReviewView, problemsWithReview, type JointReviewFacts } from './joint-review-view.ts';

const parties = ['home-office-ukvi', 'hmrc'];
const review: JointReviewFacts = {
  id: 'r',
  agreementId: 'a',
  version: '1.0',
  heldOn: '2026-11-02',
  attendees: [
    { party: 'home-office-ukvi', name: 'UKVI lead', role: 'SRO' },
    { party: 'hmrc', name: 'HMRC lead', role: 'Data-sharing lead' },
  ],
  findings: ['Volumes within the 10,000 cap (¶6.95)'],
  signOffs: [{ party: 'home-office-ukvi', signatory: 'UKVI SRO', signedOn: '2026-11-02' }],
  actions: [
    {
      id: 'x',
      description: 'Automate the return file',
      owner: { party: 'hmrc', name: 'HMRC lead' },
      dueOn: '2026-11-20',
      closed: null,
    },
    {
      id: 'y',
      description: 'Publish the review',
      owner: { party: 'home-office-ukvi', name: 'UKVI lead' },
      dueOn: '2026-11-20',
      closed: { on: '2026-11-19', outcome: 'Published' },
    },
    {
      id: 'z',
      description: 'Agree the next cap',
      owner: { party: 'hmrc', name: 'HMRC lead' },
      dueOn: '2026-12-31',
      closed: null,
    },
  ],
};

describe('a joint review', () => {
  it('is not joint until every party has signed it off, and says who has not', () => {
    const v = jointReviewView(review, parties, '2026-11-23');
    expect([v.joint, v.awaitingSignOff]).toEqual([false, ['hmrc']]);
    const signed = jointReviewView(
      {
        ...review,
        signOffs: [...review.signOffs, { party: 'hmrc', signatory: 'HMRC director', signedOn: '2026-11-05' }],
      },
      parties,
      '2026-11-23',
    );
    expect(signed.joint).toBe(true);
  });

  it('tracks each action to closure: open, closed, overdue', () => {
    expect(jointReviewView(review, parties, '2026-11-23').actions.map((a) => a.status)).toEqual([
      'overdue',
      'closed',
      'open',
    ]);
  });

  it('signals an overdue action, and a sign-off still missing 30 days after the review', () => {
    expect(jointReviewView(review, parties, '2026-11-23').signals.map((s) => s.code)).toEqual(['action-overdue']);
    const later = jointReviewView(review, parties, '2026-12-03').signals;
    expect(later.map((s) => s.code)).toEqual(['sign-off-overdue', 'action-overdue']);
    expect(later[0]!.detail).toContain('hmrc had not signed it off by 2026-12-02');
  });
});

describe('recording a review', () => {
  it.each([
    ['nobody for HMRC', { attendees: [review.attendees[0]!] }, 'attendees', 'no one attended for hmrc'],
    [
      'a stranger',
      { attendees: [...review.attendees, { party: 'dfe', name: 'x', role: 'y' }] },
      'attendees',
      'dfe is not a party',
    ],
    ['held tomorrow', { heldOn: '2026-11-24' }, 'heldOn', 'before it has been held'],
    [
      'an action owned by a stranger',
      { actions: [{ owner: { party: 'dfe' }, dueOn: '2026-12-01' }] },
      'actions[0].owner.party',
      'dfe is not a party',
    ],
    [
      'an action due before the review',
      { actions: [{ owner: { party: 'hmrc' }, dueOn: '2026-11-01' }] },
      'actions[0].dueOn',
      'due before the review',
    ],
  ])('refuses %s', (_c, change, field, words) => {
    const problems = problemsWithReview(
      { heldOn: review.heldOn, attendees: review.attendees, actions: [], ...change },
      parties,
      '2026-11-23',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field });
    expect(problems[0]!.message).toContain(words);
  });
});
