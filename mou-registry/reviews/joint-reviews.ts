// Joint reviews as a workflow (rec 2f): record a review held with every party, each party's sign-off, and the
// improvement actions tracked to closure. Each change runs in one transaction with its audit entry. When the last
// party signs off, the review counts as the version's review (agreement_reviews, naming this review), due again an
// interval later: the only way a review clears an overdue one.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuditAppender } from '../../audit/append.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { createRegisterStore } from '../store.ts';
import type { IsoDate, PartyId } from '../types.ts';
import { jointReviewView, problemsWithReview, type Attendee, type JointReviewFacts } from './joint-review-view.ts';
import { addMonths } from './schedule.ts';
import { registerChangeEntry } from '../../audit/entry-kinds.ts';

type Db = Knex | Knex.Transaction;
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const day = (v: unknown): IsoDate => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface ReviewInput {
  heldOn: IsoDate;
  attendees: Attendee[];
  findings: string[];
  actions: { description: string; owner: { party: PartyId; name: string }; dueOn: IsoDate }[];
}

/** The reviews of a version, with their sign-offs, actions and closures. */
export async function reviewsOf(db: Db, agreementId: string, version: string): Promise<JointReviewFacts[]> {
  const reviews = await db('joint_reviews')
    .where({ agreement_id: agreementId, version })
    .orderBy([{ column: 'held_on' }, { column: 'recorded_at' }]);
  const ids = reviews.map((r) => r.id as string);
  if (ids.length === 0) return [];
  const signOffs = await db('joint_review_sign_offs').whereIn('review_id', ids).orderBy('id');
  const actions = await db('improvement_actions').whereIn('review_id', ids).orderBy('position');
  const closures = await db('improvement_action_closures').whereIn(
    'action_id',
    actions.map((a) => a.id as string),
  );
  return reviews.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    version: r.version,
    heldOn: day(r.held_on),
    attendees: parse<Attendee[]>(r.attendees),
    findings: parse<string[]>(r.findings),
    signOffs: signOffs
      .filter((s) => s.review_id === r.id)
      .map((s) => ({ party: s.party, signatory: s.signatory, signedOn: day(s.signed_on) })),
    actions: actions
      .filter((a) => a.review_id === r.id)
      .map((a) => {
        const c = closures.find((x) => x.action_id === a.id);
        return {
          id: a.id,
          description: a.description,
          owner: { party: a.owner_party, name: a.owner_name },
          dueOn: day(a.due_on),
          closed: c ? { on: day(c.closed_on), outcome: c.outcome } : null,
        };
      }),
  }));
}

export function createJointReviews(deps: { db: Knex; audit: AuditAppender; today: () => IsoDate }) {
  const unprocessable = (errors: { field: string; message: string }[]) =>
    new GatewayError('unprocessable', errors.map((e) => e.message).join('; '), { errors });

  /**
   * Runs a step and audits it in the same transaction. A step dated (held, signed off, closed) more than a day before
   * the day it is recorded is marked as recorded after the fact, as the register's own changes are (commands.ts).
   */
  function audited<T>(
    actor: string,
    action: string,
    target: string,
    work: (trx: Knex.Transaction) => Promise<{ after: T; validFrom: IsoDate }>,
  ) {
    return deps.audit
      .append(async (trx) => {
        const { after, validFrom } = await work(trx);
        const recordedOn = deps.today();
        const late = daysBetween(validFrom, recordedOn) > 1;
        const body = {
          action,
          actor,
          target,
          before: null,
          after,
          ...(late ? { afterTheFact: { validFrom, recordedOn, reason: null } } : {}),
        };
        return { entries: [registerChangeEntry(body)], result: after };
      })
      .then((r) => r.result);
  }

  async function versionOf(trx: Db, agreementId: string, version: string) {
    const v = await createRegisterStore(trx).version(agreementId, version);
    if (!v) throw new GatewayError('not-found', `Agreement ${agreementId} has no version ${version}`);
    return v;
  }

  async function reviewById(trx: Db, reviewId: string) {
    const row = await trx('joint_reviews').where({ id: reviewId }).first('agreement_id', 'version');
    if (!row) throw new GatewayError('not-found', 'There is no such joint review');
    const facts = (await reviewsOf(trx, row.agreement_id, row.version)).find((r) => r.id === reviewId)!;
    return { facts, version: await versionOf(trx, row.agreement_id, row.version) };
  }

  return {
    async list(agreementId: string, version: string) {
      const v = await versionOf(deps.db, agreementId, version);
      return (await reviewsOf(deps.db, agreementId, version)).map((r) => jointReviewView(r, v.parties, deps.today()));
    },

    record: (actor: string, agreementId: string, version: string, input: ReviewInput) =>
      audited(actor, 'record-joint-review', `agreement/${agreementId}/version/${version}`, async (trx) => {
        const v = await versionOf(trx, agreementId, version);
        const problems = problemsWithReview(input, v.parties, deps.today());
        if (problems.length) throw unprocessable(problems);
        const id = randomUUID();
        await trx('joint_reviews').insert({
          id,
          agreement_id: agreementId,
          version,
          held_on: input.heldOn,
          attendees: JSON.stringify(input.attendees),
          findings: JSON.stringify(input.findings),
          actor,
        });
        for (const [position, a] of input.actions.entries()) {
          await trx('improvement_actions').insert({
            id: randomUUID(),
            review_id: id,
            position,
            description: a.description,
            owner_party: a.owner.party,
            owner_name: a.owner.name,
            due_on: a.dueOn,
            actor,
          });
        }
        const after = jointReviewView(
          (await reviewsOf(trx, agreementId, version)).find((r) => r.id === id)!,
          v.parties,
          deps.today(),
        );
        return { after, validFrom: input.heldOn };
      }),

    /** One party's sign-off; a partner signs for its own party, an SRO for the Home Office's. */
    signOff: (
      actor: { clientId: string; party: string; roles: string[] },
      reviewId: string,
      s: { party: PartyId; signatory: string; signedOn: IsoDate },
    ) =>
      audited(actor.clientId, 'sign-off-joint-review', `joint-review/${reviewId}`, async (trx) => {
        const { facts, version: v } = await reviewById(trx, reviewId);
        const mayFor = actor.roles.includes('sro') ? s.party.startsWith('home-office') : s.party === actor.party;
        if (!mayFor) throw new GatewayError('forbidden', `You may not sign off for ${s.party}`);
        if (!v.parties.includes(s.party))
          throw unprocessable([{ field: 'party', message: `${s.party} is not a party to this version` }]);
        if (s.signedOn < facts.heldOn || s.signedOn > deps.today())
          throw unprocessable([{ field: 'signedOn', message: 'a sign-off falls between the review and today' }]);
        if (facts.signOffs.some((x) => x.party === s.party))
          throw new GatewayError('conflict', `${s.party} has already signed off this review`);
        await trx('joint_review_sign_offs').insert({
          review_id: reviewId,
          party: s.party,
          signatory: s.signatory,
          signed_on: s.signedOn,
          actor: actor.clientId,
        });
        const view = jointReviewView({ ...facts, signOffs: [...facts.signOffs, s] }, v.parties, deps.today());
        if (view.joint) {
          // Joint now: it is the version's review, and the next is due an interval on (a year where none is set).
          await trx('agreement_reviews').insert({
            agreement_id: facts.agreementId,
            version: facts.version,
            reviewed_on: facts.heldOn,
            reviewer: actor.clientId,
            outcome: facts.findings.join('; ') || 'Joint review signed off by every party',
            improvement_plan:
              facts.actions.map((a) => `${a.description} (${a.owner.name}, due ${a.dueOn})`).join('; ') || null,
            next_review_due: addMonths(facts.heldOn, v.review.intervalMonths ?? 12),
            joint_review_id: facts.id,
          });
        }
        return { after: view, validFrom: s.signedOn };
      }),

    closeAction: (actor: string, actionId: string, c: { closedOn: IsoDate; outcome: string }) =>
      audited(actor, 'close-improvement-action', `improvement-action/${actionId}`, async (trx) => {
        const action = await trx('improvement_actions').where({ id: actionId }).first('review_id');
        if (!action) throw new GatewayError('not-found', 'There is no such improvement action');
        const { facts, version: v } = await reviewById(trx, action.review_id);
        const mine = facts.actions.find((a) => a.id === actionId)!;
        if (mine.closed) throw new GatewayError('conflict', `That action was closed on ${mine.closed.on}`);
        if (c.closedOn < facts.heldOn || c.closedOn > deps.today())
          throw unprocessable([{ field: 'closedOn', message: 'an action is closed between its review and today' }]);
        await trx('improvement_action_closures').insert({
          action_id: actionId,
          closed_on: c.closedOn,
          outcome: c.outcome,
          actor,
        });
        const after = jointReviewView(
          (await reviewsOf(trx, facts.agreementId, facts.version)).find((r) => r.id === facts.id)!,
          v.parties,
          deps.today(),
        );
        return { after, validFrom: c.closedOn };
      }),
  };
}
export type JointReviews = ReturnType<typeof createJointReviews>;
