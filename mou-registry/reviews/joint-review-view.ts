// A joint review as an SRO reads it: who attended for each party, who has signed it off, whether it is joint yet
// (every party signed off), and its improvement plan tracked to closure, with a signal for anything overdue. Pure.
import type { IsoDate, PartyId } from '../types.ts';

export interface Attendee {
  party: PartyId;
  name: string;
  role: string;
}
export interface SignOff {
  party: PartyId;
  signatory: string;
  signedOn: IsoDate;
}
export interface ImprovementAction {
  id: string;
  description: string;
  owner: { party: PartyId; name: string };
  dueOn: IsoDate;
  closed: { on: IsoDate; outcome: string } | null;
}
export interface JointReviewFacts {
  id: string;
  agreementId: string;
  version: string;
  heldOn: IsoDate;
  attendees: Attendee[];
  findings: string[];
  signOffs: SignOff[];
  actions: ImprovementAction[];
}
export interface ReviewSignal {
  code: 'action-overdue' | 'sign-off-overdue';
  detail: string;
}

/** How long the parties have to sign a review off before it is flagged. */
export const signOffDays = 30;

const daysAfter = (day: IsoDate, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function jointReviewView(review: JointReviewFacts, parties: readonly PartyId[], today: IsoDate) {
  const awaitingSignOff = parties.filter((p) => !review.signOffs.some((s) => s.party === p));
  const actions = review.actions.map((a) => ({
    ...a,
    status: a.closed ? ('closed' as const) : a.dueOn < today ? ('overdue' as const) : ('open' as const),
  }));
  const signals: ReviewSignal[] = [];
  const signOffDue = daysAfter(review.heldOn, signOffDays);
  if (awaitingSignOff.length > 0 && signOffDue < today) {
    signals.push({
      code: 'sign-off-overdue',
      detail: `The review of ${review.heldOn} is not joint: ${awaitingSignOff.join(', ')} had not signed it off by ${signOffDue}`,
    });
  }
  for (const a of actions.filter((x) => x.status === 'overdue')) {
    signals.push({
      code: 'action-overdue',
      detail: `"${a.description}" (${a.owner.name}, ${a.owner.party}) was due on ${a.dueOn} and is not closed`,
    });
  }
  return { ...review, joint: awaitingSignOff.length === 0, awaitingSignOff, actions, signals };
}
export type JointReviewView = ReturnType<typeof jointReviewView>;

/** What a review must have before it is recorded: attendees from every party, and each action owned by a party. */
export function problemsWithReview(
  input: { heldOn: IsoDate; attendees: Attendee[]; actions: { owner: { party: PartyId }; dueOn: IsoDate }[] },
  parties: readonly PartyId[],
  today: IsoDate,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (input.heldOn > today)
    problems.push({ field: 'heldOn', message: 'a review cannot be recorded before it has been held' });
  for (const p of parties)
    if (!input.attendees.some((a) => a.party === p))
      problems.push({ field: 'attendees', message: `no one attended for ${p}: a joint review needs every party` });
  for (const a of input.attendees)
    if (!parties.includes(a.party))
      problems.push({ field: 'attendees', message: `${a.party} is not a party to this version` });
  for (const [i, a] of input.actions.entries()) {
    if (!parties.includes(a.owner.party))
      problems.push({ field: `actions[${i}].owner.party`, message: `${a.owner.party} is not a party to this version` });
    if (a.dueOn < input.heldOn)
      problems.push({ field: `actions[${i}].dueOn`, message: 'an action cannot be due before the review that set it' });
  }
  return problems;
}
