// An SRO holds a joint review and closes an improvement action from the console (rec 2f). Each calls the joint-review
// workflow the API's routes call (mou-registry/reviews/joint-reviews.ts: holdJointReview, closeImprovementAction), so
// it is refused for the same reasons (a party with no one attending, an action due before the review, a day still
// to come) and audited in the same transaction, with the SRO's client id as the actor; the review's body is checked
// against the API's own request schema first. Every POST carries the session's CSRF token (checked by the guard),
// and nothing changes until the second step, a confirmation that says in words what will happen. The Home Office's
// sign-off is in more-action-routes.ts.
import type { RequestHandler, Router } from 'express';
import { fieldErrors, requestSchemaName, validatorFor } from '../../contracts/openapi.ts';
import type { JointReviews, ReviewInput } from '../../mou-registry/reviews/joint-reviews.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import {
  actionRows,
  closeActionConfirmPage,
  closeActionFormPage,
  holdReviewConfirmPage,
  holdReviewFormPage,
  type CloseValues,
  type HoldValues,
} from './pages/joint-review-pages.ts';
import { reviewsPath, type VersionTarget } from './pages/sro-more-pages.ts';
import type { RegisterReads } from './register-data.ts';
import type { Page } from './router.ts';

export interface JointReviewActionDeps {
  reviews: Pick<JointReviews, 'list' | 'record' | 'closeAction'>;
  register: RegisterReads;
}

type Guard = (roles: string[], handler: Page, post?: boolean) => RequestHandler;

const validMeeting = validatorFor(requestSchemaName('holdJointReview')!);
const day = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => day.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const refusal = (error: unknown) =>
  error instanceof GatewayError && error.status >= 400 && error.status < 500 && error.status !== 404
    ? error.detail
    : null;

/** The version a console address names, with its parties; 404 when the collaboration does not hold it. */
export async function versionTarget(register: RegisterReads, params: Record<string, string>) {
  const [collaborations, agreements, versions] = await Promise.all([
    register.collaborations(),
    register.agreements(),
    register.allVersions(),
  ]);
  const c = collaborations.find((x) => x.id === params.collaborationId);
  const a = agreements.find((x) => x.id === params.agreementId && x.collaborationId === c?.id);
  const v = a && versions.find((x) => x.agreementId === a.id && x.version === params.version);
  if (!c || !a || !v) throw new GatewayError('not-found', 'There is no such agreement version in this collaboration');
  const target: VersionTarget = {
    collaborationId: c.id,
    collaborationTitle: c.title,
    agreementId: a.id,
    version: v.version,
  };
  return { target, parties: v.parties };
}

function holdValues(body: Record<string, unknown>, parties: string[]): HoldValues {
  const party = (v: unknown) => (parties.includes(text(v)) ? text(v) : '');
  return {
    heldOn: text(body.heldOn),
    findings: typeof body.findings === 'string' ? body.findings.replace(/\r\n/g, '\n').trim() : '',
    attendees: parties.map((p, i) => ({
      party: p,
      name: text(body[`attendee-${i}-name`]),
      role: text(body[`attendee-${i}-role`]),
    })),
    extra: { party: party(body['extra-party']), name: text(body['extra-name']), role: text(body['extra-role']) },
    actions: Array.from({ length: actionRows }, (_, i) => ({
      description: text(body[`action-${i}-description`]),
      party: party(body[`action-${i}-party`]),
      owner: text(body[`action-${i}-owner`]),
      dueOn: text(body[`action-${i}-due`]),
    })),
  };
}

const blankHold = (parties: string[]): HoldValues => holdValues({}, parties);

/** The meeting the workflow records, and what the form must be told first, in words for the form. */
function meetingOf(v: HoldValues): { meeting: ReviewInput; errors: string[] } {
  const errors: string[] = [];
  if (!isDay(v.heldOn)) errors.push('Held on must be a day written as YYYY-MM-DD, for example 2026-11-18.');
  for (const a of v.attendees)
    if (!a.name || !a.role) errors.push(`Give the name and role of someone who attended for ${a.party}.`);
  const extra = v.extra.party || v.extra.name || v.extra.role;
  if (extra && !(v.extra.party && v.extra.name && v.extra.role))
    errors.push('For another attendee, give their party, name and role, or leave all three empty.');
  const actions = v.actions.filter((a) => a.description || a.party || a.owner || a.dueOn);
  for (const [i, a] of v.actions.entries()) {
    if (!actions.includes(a)) continue;
    if (!a.description || !a.party || !a.owner)
      errors.push(`Improvement action ${i + 1}: say what is to be done, and the party and person who own it.`);
    if (!isDay(a.dueOn)) errors.push(`Improvement action ${i + 1}: its due day must be written as YYYY-MM-DD.`);
  }
  const meeting: ReviewInput = {
    heldOn: v.heldOn,
    attendees: [...v.attendees, ...(extra ? [v.extra] : [])],
    findings: v.findings
      .split('\n')
      .map((f) => f.trim())
      .filter((f) => f !== ''),
    actions: actions.map((a) => ({
      description: a.description,
      owner: { party: a.party, name: a.owner },
      dueOn: a.dueOn,
    })),
  };
  if (errors.length === 0 && !validMeeting(meeting)) {
    const fields = fieldErrors(validMeeting.errors).map((e) => e.field);
    errors.push(
      ...new Set(
        fields.map((f) =>
          f.startsWith('findings')
            ? 'Each finding may be at most 2,000 characters.'
            : f.startsWith('actions')
              ? 'Each action may be at most 2,000 characters, and its owner 200.'
              : 'Names and roles may be at most 200 characters.',
        ),
      ),
    );
  }
  return { meeting, errors: [...new Set(errors)] };
}

export function mountJointReviewActions(
  router: Router,
  guard: Guard,
  forms: RequestHandler,
  deps: JointReviewActionDeps,
): void {
  const base = '/collaborations/:collaborationId/agreements/:agreementId/versions/:version/joint-reviews';

  router.get(
    `${base}/new`,
    guard(['sro'], async (req, _res, viewer) => {
      const { target, parties } = await versionTarget(deps.register, req.params as Record<string, string>);
      return holdReviewFormPage(viewer, target, parties, blankHold(parties));
    }),
  );
  router.post(
    `${base}/new`,
    forms,
    guard(
      ['sro'],
      async (req, res, viewer) => {
        const { target: t, parties } = await versionTarget(deps.register, req.params as Record<string, string>);
        const values = holdValues(req.body as Record<string, unknown>, parties);
        if (req.body.edit === 'yes') return holdReviewFormPage(viewer, t, parties, values);
        const { meeting, errors } = meetingOf(values);
        if (errors.length) return holdReviewFormPage(viewer, t, parties, values, errors);
        if (req.body.confirmed !== 'yes') return holdReviewConfirmPage(viewer, t, values, meeting);
        try {
          await deps.reviews.record(viewer.clientId, t.agreementId, t.version, meeting);
        } catch (error) {
          const reason = refusal(error);
          if (reason === null) throw error;
          return holdReviewFormPage(viewer, t, parties, values, [reason]);
        }
        res.redirect(303, `${reviewsPath(t)}?done=held`);
      },
      true,
    ),
  );

  async function openAction(params: Record<string, string>) {
    const { target: t } = await versionTarget(deps.register, params);
    const review = (await deps.reviews.list(t.agreementId, t.version)).find((r) => r.id === params.reviewId);
    const action = review?.actions.find((a) => a.id === params.actionId);
    if (!review || !action) throw new GatewayError('not-found', 'There is no such improvement action in this review');
    if (action.closed) throw new GatewayError('conflict', `That action was closed on ${action.closed.on}`);
    return { t, review, action };
  }
  const close = `${base}/:reviewId/actions/:actionId/close`;
  router.get(
    close,
    guard(['sro'], async (req, _res, viewer) => {
      const { t, review, action } = await openAction(req.params as Record<string, string>);
      return closeActionFormPage(viewer, t, review, action, { closedOn: '', outcome: '' });
    }),
  );
  router.post(
    close,
    forms,
    guard(
      ['sro'],
      async (req, res, viewer) => {
        const { t, review, action } = await openAction(req.params as Record<string, string>);
        const values: CloseValues = { closedOn: text(req.body.closedOn), outcome: text(req.body.outcome) };
        if (req.body.edit === 'yes') return closeActionFormPage(viewer, t, review, action, values);
        const errors: string[] = [];
        if (!isDay(values.closedOn)) errors.push('Closed on must be a day written as YYYY-MM-DD.');
        if (!values.outcome || values.outcome.length > 2000)
          errors.push('Say what came of it, in at most 2,000 characters.');
        if (errors.length) return closeActionFormPage(viewer, t, review, action, values, errors);
        if (req.body.confirmed !== 'yes') return closeActionConfirmPage(viewer, t, review, action, values);
        try {
          await deps.reviews.closeAction(viewer.clientId, action.id, values);
        } catch (error) {
          const reason = refusal(error);
          if (reason === null) throw error;
          return closeActionFormPage(viewer, t, review, action, values, [reason]);
        }
        res.redirect(303, `${reviewsPath(t)}?done=closed`);
      },
      true,
    ),
  );
}
