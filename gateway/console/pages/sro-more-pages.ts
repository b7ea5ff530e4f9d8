// More forms an SRO acts through: issue a directive, and sign off a joint review for the Home Office. As the other
// actions (action-pages.ts): a form, then a page that says in words what will change, then a button that does it;
// both steps post the session's CSRF token, and nothing changes until the second.
import type { JointReviewView } from '../../../mou-registry/reviews/joint-review-view.ts';
import { html, scrollTable } from '../html.ts';
import { badge, page, type Viewer } from '../layout.ts';
import { dayField, errorSummary, hidden } from './action-pages.ts';

export interface DirectiveValues {
  id: string;
  title: string;
  authority: string;
  reference: string;
  effectiveFrom: string;
  effectiveTo: string;
  kind: string;
  age: string;
  purposeMode: string;
  exchanges: string[];
}
/** The conditions the form offers: the two the Windrush measures use (¶5.42–5.43, ¶3.24); others through the API. */
export const offeredKinds: Record<string, string> = {
  'pause-over-age': 'Pause sharing about anyone of a given age or over (and anyone whose age is unknown)',
  'refer-windrush-profile':
    'Let checks about someone with a Windrush profile continue, and refer the case to the Windrush Taskforce',
};
const purposeModes: Record<string, string> = {
  '': 'Any purpose',
  proactive: 'Proactive sharing only',
  reactive: 'Reactive checks only',
};

const textField = (
  name: string,
  label: string,
  hint: string,
  value: string,
  max = 200,
) => html`<label for="${name}">${label}</label><p class="hint" id="${name}-hint">${hint}</p>
<input id="${name}" name="${name}" type="text" maxlength="${max}" autocomplete="off" aria-describedby="${name}-hint" value="${value}">`;

const issueAction = '/console/directives/new';

export function issueDirectiveFormPage(
  viewer: Viewer,
  exchanges: string[],
  v: DirectiveValues,
  errors: string[] = [],
): string {
  const body = html`${errorSummary(errors)}
<p class="lead">A time-bounded directive overrides agreements: a decision follows the directive in force on its day (¶5.43). You will be asked to confirm before anything is recorded.</p>
<form class="stack" method="post" action="${issueAction}" novalidate>${hidden(viewer, {})}
${textField('id', 'Directive code', 'Lower case letters, digits and hyphens, for example windrush-pause-2027', v.id, 64)}
${textField('title', 'Title', 'What it does, in a few words', v.title)}
${textField('authority', 'Issued by', 'The minister or official who issued it', v.authority)}
${textField('reference', 'Reference', 'Where it is written down, for example a letter or a paragraph of the report', v.reference)}
${dayField('effectiveFrom', 'First day', 'YYYY-MM-DD', v.effectiveFrom)}
${dayField('effectiveTo', 'Last day (optional)', 'YYYY-MM-DD. Leave empty for no end date', v.effectiveTo)}
<fieldset><legend>What it does</legend>${Object.entries(offeredKinds).map(([k, label]) => html`<p><input type="radio" id="kind-${k}" name="kind" value="${k}"${v.kind === k ? html` checked` : ''}> <label for="kind-${k}" class="inline">${label}</label></p>`)}</fieldset>
<label for="age">Age (for a pause)</label><p class="hint" id="age-hint">Whole years, for example 30</p>
<input id="age" name="age" type="text" inputmode="numeric" size="4" autocomplete="off" aria-describedby="age-hint" value="${v.age}">
<label for="purposeMode">Which sharing</label><select id="purposeMode" name="purposeMode">${Object.entries(purposeModes).map(([k, label]) => html`<option value="${k}"${v.purposeMode === k ? html` selected` : ''}>${label}</option>`)}</select>
<fieldset><legend>Exchanges it applies to (none ticked: every exchange)</legend>${exchanges.map((e) => html`<p><input type="checkbox" id="ex-${e}" name="exchanges" value="${e}"${v.exchanges.includes(e) ? html` checked` : ''}> <label for="ex-${e}" class="inline">${e}</label></p>`)}</fieldset>
<p><button type="submit">Continue</button> <a href="/console/directives">Cancel</a></p>
</form>`;
  return page('Issue a directive', body, viewer, '');
}

export function issueDirectiveConfirmPage(viewer: Viewer, v: DirectiveValues): string {
  const { exchanges, ...rest } = v;
  const body = html`<p class="lead"><strong>Issue</strong> ${v.title}: ${offeredKinds[v.kind]}${v.kind === 'pause-over-age' ? ` (aged ${v.age} or over)` : ''}, from ${v.effectiveFrom} ${v.effectiveTo ? `to ${v.effectiveTo}` : 'with no end date'}.</p>
<dl class="facts"><dt>Code</dt><dd>${v.id}</dd><dt>Issued by</dt><dd>${v.authority}</dd><dt>Reference</dt><dd>${v.reference}</dd>
<dt>Which sharing</dt><dd>${purposeModes[v.purposeMode]}</dd><dt>Exchanges</dt><dd>${exchanges.length ? exchanges.join(', ') : 'every exchange'}</dd></dl>
<p>Decisions from its first day follow it. It is recorded in the register and in the audit log under your name.</p>
<form method="post" action="${issueAction}">${hidden(viewer, { ...rest, confirmed: 'yes' })}${exchanges.map((e) => html`<input type="hidden" name="exchanges" value="${e}">`)}
<p><button type="submit">Issue the directive</button></p></form>
<form method="post" action="${issueAction}">${hidden(viewer, { ...rest, edit: 'yes' })}${exchanges.map((e) => html`<input type="hidden" name="exchanges" value="${e}">`)}<p><button type="submit" class="secondary">Change it</button></p></form>`;
  return page('Confirm the new directive', body, viewer, '');
}

export interface VersionTarget {
  collaborationId: string;
  collaborationTitle: string;
  agreementId: string;
  version: string;
}
export const reviewsPath = (t: VersionTarget) =>
  `/console/collaborations/${t.collaborationId}/agreements/${t.agreementId}/versions/${t.version}/joint-reviews`;

/** The version's joint reviews: who attended and signed off, the improvement plan, and what the Home Office must sign. */
export function jointReviewsPage(
  viewer: Viewer,
  t: VersionTarget,
  reviews: JointReviewView[],
  notice: string | null,
): string {
  const sro = viewer.roles.includes('sro');
  const body = html`${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
<p class="lead">Joint reviews of ${t.agreementId} version ${t.version} (¶4.2f). A review is joint once every party has signed it off; only then is it the version's review, and an overdue review cleared.</p>
${sro ? html`<p><a href="${reviewsPath(t)}/new">Hold a joint review<span class="visually-hidden"> of ${t.agreementId} version ${t.version}</span></a></p>` : ''}
${
  reviews.length === 0
    ? html`<p>No joint review has been held for this version.</p>`
    : reviews.map(
        (r) => html`<section aria-labelledby="review-${r.id}">
<h2 id="review-${r.id}">Review held on ${r.heldOn} ${r.joint ? badge('ok', 'Joint') : badge('warning', `Awaiting ${r.awaitingSignOff.join(', ')}`)}</h2>
<dl class="facts"><dt>Attended</dt><dd>${r.attendees.map((a) => `${a.name} (${a.role}, ${a.party})`).join('; ')}</dd>
<dt>Findings</dt><dd>${r.findings.join('; ') || 'none recorded'}</dd>
<dt>Signed off</dt><dd>${r.signOffs.map((s) => `${s.party} by ${s.signatory} on ${s.signedOn}`).join('; ') || 'by no party yet'}</dd></dl>
${
  r.actions.length
    ? scrollTable(
        'Improvement plan',
        html`<thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
<tbody>${r.actions.map((a) => html`<tr><th scope="row">${a.description}</th><td>${a.owner.name} (${a.owner.party})</td><td>${a.dueOn}</td><td>${actionStatus(a)}${sro && !a.closed ? html` <a href="${reviewsPath(t)}/${r.id}/actions/${a.id}/close">Close<span class="visually-hidden"> the action: ${a.description}</span></a>` : ''}</td></tr>`)}</tbody>`,
      )
    : ''
}
${sro && homeOfficeAwaiting(r) ? html`<p><a href="${reviewsPath(t)}/${r.id}/sign-off">Sign off for ${homeOfficeAwaiting(r)}<span class="visually-hidden"> the review of ${r.heldOn}</span></a></p>` : ''}
</section>`,
      )
}
<p><a href="/console/collaborations/${t.collaborationId}">Back to ${t.collaborationTitle}</a></p>`;
  return page(`Joint reviews: ${t.collaborationTitle}`, body, viewer, '');
}

/** An improvement action's standing, as a badge. */
export const actionStatus = (a: JointReviewView['actions'][number]) =>
  a.status === 'overdue'
    ? badge('urgent', 'Overdue')
    : a.status === 'closed'
      ? badge('ok', `Closed ${a.closed!.on}`)
      : 'Open';

/** The Home Office party an SRO signs for, when it has yet to sign. */
export const homeOfficeAwaiting = (r: JointReviewView) =>
  r.awaitingSignOff.find((p) => p.startsWith('home-office')) ?? null;

export interface SignOffValues {
  signatory: string;
  signedOn: string;
}

export function signOffFormPage(
  viewer: Viewer,
  t: VersionTarget,
  r: JointReviewView,
  party: string,
  v: SignOffValues,
  errors: string[] = [],
): string {
  const body = html`${errorSummary(errors)}
<p class="lead">Sign off the joint review of ${t.agreementId} version ${t.version} held on ${r.heldOn}, for ${party}. Findings: ${r.findings.join('; ') || 'none recorded'}. You will be asked to confirm.</p>
<form class="stack" method="post" action="${reviewsPath(t)}/${r.id}/sign-off" novalidate>${hidden(viewer, {})}
${textField('signatory', 'Signed off by', `The senior owner for ${party}`, v.signatory)}
${dayField('signedOn', 'Signed on', `YYYY-MM-DD, on or after ${r.heldOn}`, v.signedOn)}
<p><button type="submit">Continue</button> <a href="${reviewsPath(t)}">Cancel</a></p>
</form>`;
  return page(`Sign off a joint review: ${t.collaborationTitle}`, body, viewer, '');
}

export function signOffConfirmPage(
  viewer: Viewer,
  t: VersionTarget,
  r: JointReviewView,
  party: string,
  v: SignOffValues,
): string {
  const others = r.awaitingSignOff.filter((p) => p !== party);
  const body = html`<p class="lead"><strong>Sign off</strong> the review of ${r.heldOn} for ${party}, by ${v.signatory} on ${v.signedOn}.</p>
<p>${others.length ? `It will still await ${others.join(', ')}.` : "Every party will then have signed it off: it becomes the version's review, and the next is due an interval later."} The sign-off is recorded in the register and in the audit log under your name, and cannot be withdrawn.</p>
<form method="post" action="${reviewsPath(t)}/${r.id}/sign-off">${hidden(viewer, { ...v, confirmed: 'yes' })}
<p><button type="submit">Sign off the review</button></p></form>
<form method="post" action="${reviewsPath(t)}/${r.id}/sign-off">${hidden(viewer, { ...v, edit: 'yes' })}<p><button type="submit" class="secondary">Change it</button></p></form>`;
  return page('Confirm the sign-off', body, viewer, '');
}
