// Forms an SRO acts through: extend or lift a directive (a joint review: joint-review-pages.ts). Each is
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
