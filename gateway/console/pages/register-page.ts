// The SRO's first page: what needs attention, then every collaboration by priority with its SLA, volume, cap and
// review standing this month, so that one page shows which are failing their SLA or overdue for review.
import type { CollaborationMeasures, MeasuresReport } from '../../measures/report.ts';
import type { Signal } from '../../measures/signals.ts';
import type { Scorecard } from '../../../mou-registry/scorecard.ts';
import { html, percent, scrollTable } from '../html.ts';
import { badge, page, type Viewer } from '../layout.ts';
import { allSeven, characteristicsMet } from './characteristics.ts';
import { signalsList } from './signals-list.ts';

function slaCell(m: CollaborationMeasures | undefined) {
  const sla = m?.figures.sla;
  if (!sla || sla.measured === 0) return html`<span class="muted">none measured</span>`;
  return sla.breached > 0
    ? html`${badge('urgent', 'Failing')} ${sla.breached} of ${sla.measured} missed (${percent(sla.shareWithin)} within)`
    : html`${badge('ok', 'Met')} ${sla.measured} of ${sla.measured} within`;
}

export function registerPage(
  viewer: Viewer,
  data: { asOf: string; scorecards: Scorecard[]; measures: MeasuresReport; signals: Signal[] },
): string {
  const byId = new Map(data.measures.collaborations.map((c) => [c.collaborationId, c]));
  const titles = new Map(data.scorecards.map((s) => [s.collaborationId, s.title]));
  const cards = [...data.scorecards].sort((a, b) => b.priority - a.priority);
  const body = html`
<p class="lead">Every collaboration in the register as of ${data.asOf}, most urgent first. Figures are this month so far
(${data.measures.window.from} to ${data.measures.window.to}), computed from the audit log up to entry ${data.measures.logHead}.</p>
<h2 id="attention">Needs attention first</h2>
${signalsList(data.signals, titles)}
<h3>Gaps the scorecard finds</h3>
<ol>${cards
    .flatMap((c) => c.gaps.map((g) => ({ c, g, weight: g.weight * (c.kind === 'bau' ? 2 : 1) })))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 10)
    .map(
      ({ c, g }) => html`<li><a href="/console/collaborations/${c.collaborationId}">${c.title}</a>: ${g.detail}</li>`,
    )}</ol>
<h2 id="collaborations">Collaborations</h2>
<p>Each is judged on the inspection's seven characteristics of a collaboration (¶2.7): ${allSeven}.</p>
${scrollTable(
  'Collaborations by priority: the seven characteristics (¶2.7), SLA, volume, cap and review this month',
  html`<thead><tr><th scope="col">Collaboration</th><th scope="col">Kind</th><th scope="col">Characteristics met</th><th scope="col">SLA this month</th>
<th scope="col" class="num">Requests (out / in)</th><th scope="col" class="num">Refused</th><th scope="col">Cap used</th><th scope="col">Review</th></tr></thead>
<tbody>
${cards.map((card) => {
  const m = byId.get(card.collaborationId);
  const cap = m?.agreements.find((a) => a.cap)?.cap;
  const overdue = card.gaps.find((g) => g.code === 'review-overdue');
  const never = card.gaps.find((g) => g.code === 'never-reviewed');
  return html`<tr>
<th scope="row"><a href="/console/collaborations/${card.collaborationId}">${card.title}</a></th>
<td>${card.kind === 'bau' ? 'Business as usual' : card.kind}</td>
<td>${characteristicsMet(card)}</td>
<td>${slaCell(m)}</td>
<td class="num">${m?.figures.outbound ?? 0} / ${m?.figures.inbound ?? 0}</td>
<td class="num">${m?.figures.refused ?? 0}</td>
<td>${cap ? html`${cap.used} of ${cap.monthlyCap}${cap.used / cap.monthlyCap >= 0.8 ? html` ${badge('warning', 'Near limit')}` : ''}` : html`<span class="muted">no cap</span>`}</td>
<td>${overdue ? html`${badge('urgent', 'Overdue')} ${overdue.detail}` : never ? html`${badge('warning', 'Never')} ${never.detail}` : html`${badge('ok', 'In date')}`}</td>
</tr>`;
})}
</tbody>`,
)}`;
  return page('Collaboration register', body, viewer, '/console/register');
}
