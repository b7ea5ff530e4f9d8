// Beside the gateway's own figures: how accurate the answers were as the receiving party reported them (rec 2b, the
// accuracy loop), the obligations decisions put on someone (¶3.24, ¶5.31), and the figures an SRO recorded for work
// the gateway never sees, each marked "reported" with its source so nobody takes it for a figure the log proves.
import type { ReportedMeasure } from '../../measures/reported.ts';
import type { ObligationCounts } from '../../measures/service.ts';
import type { Figures } from '../../measures/types.ts';
import { html, percent, scrollTable } from '../html.ts';
import { badge } from '../layout.ts';

export function accuracySection(f: Figures, obligations: ObligationCounts | null, reported: ReportedMeasure[]) {
  const a = f.accuracy;
  return html`<h2>Accuracy and obligations</h2>
<dl class="facts">
<dt>Accuracy (from the log)</dt><dd>${
    a.withFeedback === 0
      ? 'No exchange has feedback yet: silence is not evidence of accuracy.'
      : `${percent(a.rate)} accurate: of ${a.withFeedback} answered exchanges with feedback, ${a.inaccurate} reported wrong person, inaccurate or corrected, ${a.corrected} corrected.`
  }</dd>
<dt>Obligations on decisions (from the log)</dt><dd>${
    obligations === null
      ? 'Not tracked here.'
      : html`${obligations.overdue > 0 ? badge('urgent', `${obligations.overdue} overdue`) : ''} ${obligations.open} open, ${obligations.confirmed} confirmed`
  }</dd>
</dl>
<h2>Reported figures</h2>
<p class="muted">Figures an SRO recorded for work outside the gateway, each with its source. They are reported, not measured: the audit log cannot prove them.</p>
${
  reported.length === 0
    ? html`<p>No figures have been reported for this window.</p>`
    : scrollTable(
        'Reported figures (not from the audit log)',
        html`<thead><tr><th scope="col">Measure</th><th scope="col">Period</th><th scope="col" class="num">Value</th><th scope="col">Basis</th><th scope="col">Source</th><th scope="col">Recorded by</th></tr></thead>
<tbody>${reported.map((r) => html`<tr><th scope="row">${r.measure}</th><td>${r.periodFrom} to ${r.periodTo}</td><td class="num">${r.value}</td><td>${badge('warning', 'Reported')}</td><td>${r.source}</td><td>${r.recordedBy} (${r.party})</td></tr>`)}</tbody>`,
      )
}`;
}
