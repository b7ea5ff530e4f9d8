// Forms an SRO acts through: record a joint review of an agreement version, and extend or lift a directive. Each is
// two steps: the form, then a page that says in words what will change, with the values carried in hidden fields,
// and a button that does it. Both steps post the session's CSRF token; nothing changes until the second.
import type { Directive } from '../../../mou-registry/types.ts';
import { html, type Html } from '../html.ts';
import { page, type Viewer } from '../layout.ts';

export const errorSummary = (errors: string[]) =>
  errors.length
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
    : '';

export const hidden = (viewer: Viewer, values: Record<string, string>) =>
  html`<input type="hidden" name="csrf" value="${viewer.csrf}">${Object.entries(values).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}`;

export const dayField = (
  name: string,
  label: string,
  hint: string,
  value: string,
) => html`<label for="${name}">${label}</label><p class="hint" id="${name}-hint">${hint}</p>
<input id="${name}" name="${name}" type="text" inputmode="numeric" pattern="\\d{4}-\\d{2}-\\d{2}" autocomplete="off" spellcheck="false" size="12" aria-describedby="${name}-hint" value="${value}">`;

export interface ReviewTarget {
  collaborationId: string;
  collaborationTitle: string;
  agreementId: string;
  version: string;
}
export interface ReviewValues {
  reviewedOn: string;
  outcome: string;
  improvementPlan: string;
  nextReviewDue: string;
}

const reviewAction = (t: ReviewTarget) =>
  `/console/collaborations/${t.collaborationId}/agreements/${t.agreementId}/versions/${t.version}/review`;

export function reviewFormPage(viewer: Viewer, t: ReviewTarget, values: ReviewValues, errors: string[] = []): string {
  const body = html`${errorSummary(errors)}
<p class="lead">A joint review of ${t.agreementId} version ${t.version} (¶4.2f: regular joint reviews with agreed improvement plans). You will be asked to confirm before anything is recorded.</p>
<form class="stack" method="post" action="${reviewAction(t)}" novalidate>${hidden(viewer, {})}
${dayField('reviewedOn', 'Reviewed on', 'The day the parties met, as YYYY-MM-DD, for example 2026-11-18', values.reviewedOn)}
<label for="outcome">What the review found</label><textarea id="outcome" name="outcome" maxlength="2000" rows="5">${values.outcome}</textarea>
<label for="improvementPlan">Improvement plan agreed (optional)</label><textarea id="improvementPlan" name="improvementPlan" maxlength="2000" rows="5">${values.improvementPlan}</textarea>
${dayField('nextReviewDue', 'Next review due', 'YYYY-MM-DD, after the day of this review', values.nextReviewDue)}
<p><button type="submit">Continue</button> <a href="/console/collaborations/${t.collaborationId}">Cancel</a></p>
</form>`;
  return page(`Record a joint review: ${t.collaborationTitle}`, body, viewer, '');
}

export function reviewConfirmPage(viewer: Viewer, t: ReviewTarget, v: ReviewValues): string {
  const body = html`<p class="lead">Check the review before it is recorded. It is added to the register and to the audit log under your name, and cannot be edited afterwards.</p>
<dl class="facts"><dt>Agreement</dt><dd>${t.agreementId} version ${t.version}</dd><dt>Reviewed on</dt><dd>${v.reviewedOn}</dd>
<dt>What the review found</dt><dd>${v.outcome}</dd><dt>Improvement plan</dt><dd>${v.improvementPlan || 'none recorded'}</dd><dt>Next review due</dt><dd>${v.nextReviewDue}</dd></dl>
<form method="post" action="${reviewAction(t)}">${hidden(viewer, { ...v, confirmed: 'yes' })}
<p><button type="submit">Record this review</button></p></form>
<form method="post" action="${reviewAction(t)}">${hidden(viewer, { ...v, edit: 'yes' })}<p><button type="submit" class="secondary">Change it</button></p></form>`;
  return page('Confirm the joint review', body, viewer, '');
}

export interface EndValues {
  action: string;
  effectiveTo: string;
}
const endAction = (d: Directive) => `/console/directives/${d.id}/end`;

export function endDirectiveFormPage(viewer: Viewer, d: Directive, values: EndValues, errors: string[] = []): string {
  const body = html`${errorSummary(errors)}
<p class="lead">${d.title} is in force from ${d.effectiveFrom} ${d.effectiveTo ? `to ${d.effectiveTo}` : 'with no end date'}. A decision follows the directive in force on its day, so a change applies from tomorrow on and never rewrites a day already past. You will be asked to confirm.</p>
<form class="stack" method="post" action="${endAction(d)}" novalidate>${hidden(viewer, {})}
<fieldset><legend>What to do</legend>
<p><input type="radio" id="action-extend" name="action" value="extend"${values.action === 'extend' ? html` checked` : ''}> <label for="action-extend" class="inline">Extend it</label></p>
<p><input type="radio" id="action-lift" name="action" value="lift"${values.action === 'lift' ? html` checked` : ''}> <label for="action-lift" class="inline">Lift it</label></p></fieldset>
${dayField('effectiveTo', 'Its last day', 'YYYY-MM-DD. To extend it with no end date, leave this empty', values.effectiveTo)}
<p><button type="submit">Continue</button> <a href="/console/directives">Cancel</a></p>
</form>`;
  return page(`Extend or lift: ${d.title}`, body, viewer, '');
}

export function endDirectiveConfirmPage(viewer: Viewer, d: Directive, v: EndValues): string {
  const what: Html =
    v.action === 'lift'
      ? html`<strong>Lift</strong> ${d.title}: its last day will be ${v.effectiveTo}. From the day after, decisions no longer follow it.`
      : html`<strong>Extend</strong> ${d.title}: ${v.effectiveTo ? html`its last day will be ${v.effectiveTo}` : 'it will have no end date'}.`;
  const body = html`<p class="lead">${what}</p>
<p>Until now: in force from ${d.effectiveFrom} ${d.effectiveTo ? `to ${d.effectiveTo}` : 'with no end date'}. The change is recorded in the register and in the audit log under your name.</p>
<form method="post" action="${endAction(d)}">${hidden(viewer, { ...v, confirmed: 'yes' })}
<p><button type="submit">${v.action === 'lift' ? 'Lift the directive' : 'Extend the directive'}</button></p></form>
<form method="post" action="${endAction(d)}">${hidden(viewer, { ...v, edit: 'yes' })}<p><button type="submit" class="secondary">Change it</button></p></form>`;
  return page('Confirm the change to the directive', body, viewer, '');
}
