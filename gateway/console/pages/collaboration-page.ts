// One collaboration: who owns it, its agreements and their standing, what needs attention, its figures, and charts
// of volume, SLA and outcomes week by week.
import type { Collaboration } from '../../../mou-registry/types.ts';
import type { Scorecard } from '../../../mou-registry/scorecard.ts';
import { feedbackLabels, feedbackOutcomes } from '../../measures/feedback-outcomes.ts';
import type { CollaborationMeasures } from '../../measures/report.ts';
import type { SeriesPoint } from '../../measures/series.ts';
import type { Signal } from '../../measures/signals.ts';
import { describeSla } from '../../measures/sla.ts';
import type { Figures } from '../../measures/types.ts';
import { shareBars, stackedBars } from '../charts.ts';
import { html, ms, percent, scrollTable } from '../html.ts';
import { badge, page, type Viewer } from '../layout.ts';
import { characteristicNames, characteristicsMet } from './characteristics.ts';
import { signalsList } from './signals-list.ts';
import { accuracySection } from './accuracy-section.ts';
import type { ReportedMeasure } from '../../measures/reported.ts';
import type { ObligationCounts } from '../../measures/service.ts';
import type { JointReviewView } from '../../../mou-registry/reviews/joint-review-view.ts';
import { actionStatus } from './sro-more-pages.ts';

export interface CollaborationView {
  collaboration: Collaboration;
  scorecard: Scorecard;
  agreements: { id: string; title: string; versions: { version: string; status: string; reason: string }[] }[];
  measures: CollaborationMeasures;
  series: SeriesPoint[];
  window: { from: string; to: string };
  logHead: number;
  signals: Signal[];
  /** Figures an SRO reported for work outside the gateway, shown marked as reported. */
  reported?: ReportedMeasure[];
  obligations?: ObligationCounts | null;
  /** Each version's joint reviews: whether each is joint yet, and its improvement actions. */
  jointReviews?: { agreementId: string; title: string; version: string; reviews: JointReviewView[] }[];
  /** What the SRO just did, said back once. */
  notice?: string | null;
}

const refusals = (f: Figures) =>
  Object.entries(f.refusalsByRule)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ') || '–';

function figuresRow(label: string, f: Figures, sla: string) {
  return html`<tr><th scope="row">${label}</th><td class="num">${f.outbound}</td><td class="num">${f.inbound}</td><td class="num">${f.permitted}</td>
<td class="num">${f.refused}</td><td>${refusals(f)}</td><td class="num">${percent(f.matchRate)}</td><td class="num">${ms(f.responseTimes.p50Ms)}</td>
<td class="num">${ms(f.responseTimes.p95Ms)}</td><td>${sla}</td><td class="num">${f.sla.measured ? percent(f.sla.shareWithin) : '–'}</td><td class="num">${percent(f.feedback.rate)}</td></tr>`;
}

export function collaborationPage(viewer: Viewer, v: CollaborationView): string {
  const c = v.collaboration;
  const weeks = v.series.map((p) => p.start);
  const f = v.measures.figures;
  const reported = feedbackOutcomes.filter((o) => v.series.some((p) => (p.figures.feedback.byOutcome[o] ?? 0) > 0));
  const sro = viewer.roles.includes('sro');
  const body = html`
${v.notice ? html`<div class="notice" role="status"><p>${v.notice}</p></div>` : ''}
<p class="lead">${c.purpose}</p>
<dl class="facts">
<dt>Owner</dt><dd>${c.owner.name}, ${c.owner.role} (<a href="mailto:${c.owner.email}">${c.owner.email}</a>)</dd>
<dt>Parties</dt><dd>${c.parties.join(', ')}</dd>
<dt>Kind</dt><dd>${c.kind === 'bau' ? 'Business as usual' : c.kind}, since ${c.startsOn}${c.endsOn ? ` until ${c.endsOn}` : ''}</dd>
<dt>Characteristics met (¶2.7)</dt><dd>${characteristicsMet(v.scorecard)}</dd>
</dl>
${v.scorecard.gaps.length ? html`<h2>Gaps the scorecard finds</h2><ul>${v.scorecard.gaps.map((g) => html`<li><strong>${characteristicNames[g.characteristic]}</strong>: ${g.detail}</li>`)}</ul>` : ''}
<h2>Needs attention</h2>
${signalsList(v.signals, new Map([[c.id, c.title]]), 'Nothing about this collaboration needs attention.')}
<h2>Agreements</h2>
${scrollTable(
  'Agreements and where each version stands today',
  html`<thead><tr><th scope="col">Agreement</th><th scope="col">Version</th><th scope="col">Standing</th>${sro ? html`<th scope="col">Joint review</th>` : ''}</tr></thead>
<tbody>${v.agreements.flatMap((a) =>
    a.versions.map(
      (ver) => html`<tr><th scope="row">${a.title}</th><td>${ver.version}</td>
<td>${ver.status === 'in-force' ? badge('ok', 'In force') : badge(ver.status === 'draft' ? 'urgent' : 'warning', ver.status)} ${ver.reason}</td>${
        sro
          ? html`<td>${
              ['in-force', 'signed', 'suspended'].includes(ver.status)
                ? html`<a href="/console/collaborations/${c.id}/agreements/${a.id}/versions/${ver.version}/joint-reviews/new">Hold a joint review<span class="visually-hidden"> of ${a.title} version ${ver.version}</span></a>
  · <a href="/console/collaborations/${c.id}/agreements/${a.id}/versions/${ver.version}/joint-reviews">Joint reviews and sign-offs<span class="visually-hidden"> of ${a.title} version ${ver.version}</span></a>`
                : html`<span class="muted">not signed</span>`
            }</td>`
          : ''
      }</tr>`,
    ),
  )}</tbody>`,
)}
${jointReviewsSection(c.id, v.jointReviews ?? [])}
<h2>Figures, ${v.window.from} to ${v.window.to}</h2>
<p class="muted">From the audit log up to entry ${v.logHead}. Requests out: the Home Office asking or telling a partner; in: a partner asking the Home Office. p50 and p95 by nearest rank.</p>
${scrollTable(
  'Figures by agreement and exchange',
  html`<thead><tr><th scope="col">Exchange</th><th scope="col" class="num">Out</th><th scope="col" class="num">In</th><th scope="col" class="num">Permitted</th><th scope="col" class="num">Refused</th>
<th scope="col">Refused by rule</th><th scope="col" class="num">Match rate</th><th scope="col" class="num">p50</th><th scope="col" class="num">p95</th><th scope="col">SLA</th>
<th scope="col" class="num">Within SLA</th><th scope="col" class="num">Outcome reported</th></tr></thead>
<tbody>
${v.measures.agreements.flatMap((a) => a.exchanges.map((e) => figuresRow(`${e.exchange} (${a.agreementId})`, e.figures, e.sla ? describeSla(e.sla) : 'none set')))}
${figuresRow('All exchanges', f, '')}
</tbody>`,
)}
${accuracySection(f, v.obligations ?? null, v.reported ?? [])}
<h2>Over time</h2>
<div class="grid2">
${stackedBars({
  id: 'volume',
  title: 'Requests each week, both directions',
  unit: 'requests',
  categories: weeks,
  description: `Requests each week from ${v.window.from} to ${v.window.to}: ${f.outbound} from the Home Office to partners and ${f.inbound} from partners to the Home Office in all.`,
  series: [
    { label: 'Home Office to partner', values: v.series.map((p) => p.figures.outbound) },
    { label: 'Partner to Home Office', values: v.series.map((p) => p.figures.inbound) },
  ],
})}
${stackedBars({
  id: 'decisions',
  title: 'Permitted and refused each week',
  unit: 'decisions',
  categories: weeks,
  description: `${f.permitted} permitted and ${f.refused} refused in all.`,
  series: [
    { label: 'Permitted', values: v.series.map((p) => p.figures.permitted) },
    { label: 'Refused', values: v.series.map((p) => p.figures.refused) },
  ],
})}
${shareBars({
  id: 'sla',
  title: 'Share of responses within the SLA each week',
  label: 'Within SLA',
  categories: weeks,
  description: f.sla.measured
    ? `${f.sla.within} of ${f.sla.measured} responses within the SLA in all (${percent(f.sla.shareWithin)}).`
    : 'No agreement of this collaboration sets an SLA, or nothing was measured.',
  shares: v.series.map((p) => p.figures.sla.shareWithin),
  counts: v.series.map((p) => `${p.figures.sla.within} of ${p.figures.sla.measured}`),
})}
${stackedBars({
  id: 'outcomes',
  title: 'What exchanges led to, as reported each week',
  unit: 'exchanges',
  categories: weeks,
  description: `${f.feedback.exchanges} exchanges had an outcome reported (${percent(f.feedback.rate)} of those that delivered).`,
  series: (reported.length ? reported : ['no-action' as const]).map((o) => ({
    label: feedbackLabels[o],
    values: v.series.map((p) => p.figures.feedback.byOutcome[o] ?? 0),
  })),
})}
</div>`;
  return page(c.title, body, viewer, '');
}

/**
 * Where each version's latest joint review stands: who has yet to sign it off (until every party has, it is not the
 * version's review and an overdue review stays overdue), and every improvement action not yet closed.
 */
function jointReviewsSection(collaborationId: string, versions: NonNullable<CollaborationView['jointReviews']>) {
  const held = versions.filter((v) => v.reviews.length > 0);
  if (held.length === 0)
    return html`<h2>Joint reviews</h2><p>No joint review has been held under this collaboration's agreements.</p>`;
  return html`<h2>Joint reviews</h2>
${held.map((v) => {
  const latest = v.reviews[v.reviews.length - 1]!;
  const open = v.reviews.flatMap((r) => r.actions.filter((a) => !a.closed).map((a) => ({ r, a })));
  const path = `/console/collaborations/${collaborationId}/agreements/${v.agreementId}/versions/${v.version}/joint-reviews`;
  return html`<h3>${v.title} version ${v.version}</h3>
<p>Latest review held on ${latest.heldOn}: ${latest.joint ? badge('ok', 'Joint') : badge('warning', `Awaiting sign-off by ${latest.awaitingSignOff.join(', ')}`)}
${latest.signOffs.length ? `Signed off by ${latest.signOffs.map((s) => `${s.party} on ${s.signedOn}`).join(', ')}.` : 'No party has signed it off yet.'}</p>
${
  open.length
    ? scrollTable(
        `Open improvement actions, ${v.title} version ${v.version}`,
        html`<thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">From the review of</th></tr></thead>
<tbody>${open.map(({ r, a }) => html`<tr><th scope="row">${a.description}</th><td>${a.owner.name} (${a.owner.party})</td><td>${a.dueOn}</td><td>${actionStatus(a)}</td><td>${r.heldOn}</td></tr>`)}</tbody>`,
      )
    : html`<p>No improvement action is open.</p>`
}
<p><a href="${path}">Joint reviews, sign-offs and actions<span class="visually-hidden"> of ${v.title} version ${v.version}</span></a></p>`;
})}`;
}
