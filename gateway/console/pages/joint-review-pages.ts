// An SRO holds a joint review from the console (rec 2f: "regular joint reviews with agreed improvement plans"): the
// day it was held, who attended for each party, what it found, and the improvement plan (actions each with an owner
// from a party and a due date); and closes an action with what came of it. As the other actions (action-pages.ts):
// a form, then a page that says in words what will change, then a button that does it; both steps post the
// session's CSRF token, and nothing changes until the second. A review held is not yet joint: each party signs it
// off, and only then does it count as the version's review.
import type { JointReviewView } from '../../../mou-registry/reviews/joint-review-view.ts';
import { html } from '../html.ts';
import { page, type Viewer } from '../layout.ts';
import { dayField, errorSummary, hidden } from './action-pages.ts';
import { reviewsPath, type VersionTarget } from './sro-more-pages.ts';

/** How many improvement actions the form offers; more go through the API. */
export const actionRows = 3;

export interface HoldValues {
  heldOn: string;
  /** One a line. */
  findings: string;
  /** One attendee for each party, in the version's order. */
  attendees: { party: string; name: string; role: string }[];
  /** An optional further attendee, from any party. */
  extra: { party: string; name: string; role: string };
  actions: { description: string; party: string; owner: string; dueOn: string }[];
}

/** The values as flat form fields, carried from the form to the confirmation in hidden inputs. */
export function holdFields(v: HoldValues): Record<string, string> {
  return {
    heldOn: v.heldOn,
    findings: v.findings,
    ...Object.fromEntries(
      v.attendees.flatMap((a, i) => [
        [`attendee-${i}-name`, a.name],
        [`attendee-${i}-role`, a.role],
      ]),
    ),
    'extra-party': v.extra.party,
    'extra-name': v.extra.name,
    'extra-role': v.extra.role,
    ...Object.fromEntries(
      v.actions.flatMap((a, i) => [
        [`action-${i}-description`, a.description],
        [`action-${i}-party`, a.party],
        [`action-${i}-owner`, a.owner],
        [`action-${i}-due`, a.dueOn],
      ]),
    ),
  };
}

const input = (id: string, label: string, value: string, hint?: string) =>
  html`<label for="${id}">${label}</label>${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
<input id="${id}" name="${id}" type="text" maxlength="200" autocomplete="off"${hint ? html` aria-describedby="${id}-hint"` : ''} value="${value}">`;

const partySelect = (id: string, label: string, parties: string[], value: string) =>
  html`<label for="${id}">${label}</label><select id="${id}" name="${id}"><option value="">Choose a party</option>${parties.map((p) => html`<option value="${p}"${value === p ? html` selected` : ''}>${p}</option>`)}</select>`;

export function holdReviewFormPage(
  viewer: Viewer,
  t: VersionTarget,
  parties: string[],
  v: HoldValues,
  errors: string[] = [],
): string {
  const body = html`${errorSummary(errors)}
<p class="lead">A joint review of ${t.agreementId} version ${t.version} (¶4.2f: regular joint reviews with agreed improvement plans), held with someone from every party: ${parties.join(', ')}. It counts as the version's review only once every party has signed it off. You will be asked to confirm before anything is recorded.</p>
<form class="stack" method="post" action="${reviewsPath(t)}/new" novalidate>${hidden(viewer, {})}
${dayField('heldOn', 'Held on', 'The day the parties met, as YYYY-MM-DD, for example 2026-11-18', v.heldOn)}
${v.attendees.map(
  (a, i) => html`<fieldset><legend>Attending for ${a.party}</legend>
${input(`attendee-${i}-name`, 'Name', a.name)}
${input(`attendee-${i}-role`, 'Role', a.role, 'For example Senior owner')}</fieldset>`,
)}
<fieldset><legend>Another attendee (optional)</legend>
${partySelect('extra-party', 'Party', parties, v.extra.party)}
${input('extra-name', 'Name', v.extra.name)}
${input('extra-role', 'Role', v.extra.role)}</fieldset>
<label for="findings">What the review found</label><p class="hint" id="findings-hint">One finding a line</p>
<textarea id="findings" name="findings" maxlength="4000" rows="5" aria-describedby="findings-hint">${v.findings}</textarea>
${v.actions.map(
  (a, i) => html`<fieldset><legend>Improvement action ${i + 1} (optional)</legend>
<label for="action-${i}-description">What is to be done</label><textarea id="action-${i}-description" name="action-${i}-description" maxlength="2000" rows="2">${a.description}</textarea>
${partySelect(`action-${i}-party`, 'Owned by party', parties, a.party)}
${input(`action-${i}-owner`, 'Owner', a.owner, 'Who answers for it in that party')}
${dayField(`action-${i}-due`, 'Due on', 'YYYY-MM-DD, on or after the day the review was held', a.dueOn)}</fieldset>`,
)}
<p><button type="submit">Continue</button> <a href="${reviewsPath(t)}">Cancel</a></p>
</form>`;
  return page(`Hold a joint review: ${t.collaborationTitle}`, body, viewer, '');
}

export function holdReviewConfirmPage(
  viewer: Viewer,
  t: VersionTarget,
  v: HoldValues,
  meeting: { attendees: { party: string; name: string; role: string }[]; findings: string[] },
): string {
  const actions = v.actions.filter((a) => a.description);
  const fields = holdFields(v);
  const body = html`<p class="lead"><strong>Record</strong> the joint review of ${t.agreementId} version ${t.version} held on ${v.heldOn}. It then awaits the sign-off of every party; until each has signed it off it is not joint, and an overdue review stays overdue.</p>
<dl class="facts"><dt>Attended</dt><dd>${meeting.attendees.map((a) => `${a.name} (${a.role}, ${a.party})`).join('; ')}</dd>
<dt>Findings</dt><dd>${meeting.findings.join('; ') || 'none recorded'}</dd>
<dt>Improvement plan</dt><dd>${actions.length ? html`<ul class="plain">${actions.map((a) => html`<li>${a.description}: ${a.owner} (${a.party}), due ${a.dueOn}</li>`)}</ul>` : 'no actions'}</dd></dl>
<p>It is recorded in the register and in the audit log under your name, and cannot be edited afterwards.</p>
<form method="post" action="${reviewsPath(t)}/new">${hidden(viewer, { ...fields, confirmed: 'yes' })}
<p><button type="submit">Record the joint review</button></p></form>
<form method="post" action="${reviewsPath(t)}/new">${hidden(viewer, { ...fields, edit: 'yes' })}<p><button type="submit" class="secondary">Change it</button></p></form>`;
  return page('Confirm the joint review', body, viewer, '');
}

export interface CloseValues {
  closedOn: string;
  outcome: string;
}
type Action = JointReviewView['actions'][number];
const closePath = (t: VersionTarget, r: JointReviewView, a: Action) =>
  `${reviewsPath(t)}/${r.id}/actions/${a.id}/close`;

export function closeActionFormPage(
  viewer: Viewer,
  t: VersionTarget,
  r: JointReviewView,
  a: Action,
  v: CloseValues,
  errors: string[] = [],
): string {
  const body = html`${errorSummary(errors)}
<p class="lead">Close "${a.description}", owned by ${a.owner.name} (${a.owner.party}) and due on ${a.dueOn}, from the joint review of ${t.agreementId} version ${t.version} held on ${r.heldOn}. You will be asked to confirm.</p>
<form class="stack" method="post" action="${closePath(t, r, a)}" novalidate>${hidden(viewer, {})}
${dayField('closedOn', 'Closed on', `YYYY-MM-DD, on or after ${r.heldOn}`, v.closedOn)}
<label for="outcome">What came of it</label><textarea id="outcome" name="outcome" maxlength="2000" rows="4">${v.outcome}</textarea>
<p><button type="submit">Continue</button> <a href="${reviewsPath(t)}">Cancel</a></p>
</form>`;
  return page(`Close an improvement action: ${t.collaborationTitle}`, body, viewer, '');
}

export function closeActionConfirmPage(
  viewer: Viewer,
  t: VersionTarget,
  r: JointReviewView,
  a: Action,
  v: CloseValues,
): string {
  const body = html`<p class="lead"><strong>Close</strong> "${a.description}" on ${v.closedOn}: ${v.outcome}</p>
<p>An action is closed once. The closure is recorded in the register and in the audit log under your name, and cannot be withdrawn.</p>
<form method="post" action="${closePath(t, r, a)}">${hidden(viewer, { ...v, confirmed: 'yes' })}
<p><button type="submit">Close the action</button></p></form>
<form method="post" action="${closePath(t, r, a)}">${hidden(viewer, { ...v, edit: 'yes' })}<p><button type="submit" class="secondary">Change it</button></p></form>`;
  return page('Confirm the closure', body, viewer, '');
}
