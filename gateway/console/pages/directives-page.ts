// Directives on a time line, with what was shared and refused under each over the last year (¶5.43).
import type { Directive } from '../../../mou-registry/types.ts';
import type { DirectiveSharing } from '../../measures/report.ts';
import type { Signal } from '../../measures/signals.ts';
import { timeline } from '../charts.ts';
import { html, scrollTable } from '../html.ts';
import { page, type Viewer } from '../layout.ts';
import { signalsList } from './signals-list.ts';

export function directivesPage(
  viewer: Viewer,
  data: {
    notice?: string | null;
    today: string;
    directives: Directive[];
    sharing: DirectiveSharing[];
    window: { from: string; to: string };
    signals: Signal[];
  },
): string {
  const first = [...data.directives.map((d) => d.effectiveFrom)].sort()[0] ?? data.today;
  const sro = viewer.roles.includes('sro');
  const body = html`
${data.notice ? html`<div class="notice" role="status"><p>${data.notice}</p></div>` : ''}
<p class="lead">Time-bounded directives that override agreements. A decision follows the directive in force on its day.</p>
${sro ? html`<p><a href="/console/directives/new">Issue a directive</a></p>` : ''}
${signalsList(data.signals, new Map(), 'No directive lapses in the next 30 days.')}
${timeline({
  id: 'directives',
  title: 'Directives in force over time',
  from: `${first.slice(0, 4)}-01-01`,
  to: data.today,
  description: data.directives
    .map((d) => `${d.title}: from ${d.effectiveFrom} to ${d.effectiveTo ?? 'no end date'}`)
    .join('. '),
  rows: data.directives.map((d) => ({ label: d.id, from: d.effectiveFrom, to: d.effectiveTo })),
})}
${scrollTable(
  `Sharing under each directive, ${data.window.from} to ${data.window.to}`,
  html`<thead><tr><th scope="col">Directive</th><th scope="col">In force</th><th scope="col">Authority</th><th scope="col" class="num">Decisions in scope</th>
<th scope="col" class="num">Permitted</th><th scope="col" class="num">Refused by it</th><th scope="col" class="num">Referred to the Windrush Taskforce</th>${sro ? html`<th scope="col">Change</th>` : ''}</tr></thead>
<tbody>${data.directives.map((d) => {
    const s = data.sharing.find((x) => x.directiveId === d.id);
    return html`<tr><th scope="row">${d.title}</th><td>${d.effectiveFrom} to ${d.effectiveTo ?? 'no end date'}</td><td>${d.authority}</td>
<td class="num">${s?.inScope ?? 0}</td><td class="num">${s?.permitted ?? 0}</td><td class="num">${s?.rule ? s.refusedByDirective : '–'}</td><td class="num">${s?.windrushReferrals ?? 0}</td>${
      sro
        ? html`<td>${
            d.effectiveTo !== null && d.effectiveTo < data.today
              ? html`<span class="muted">lapsed</span>`
              : html`<a href="/console/directives/${d.id}/end">Extend or lift<span class="visually-hidden"> ${d.title}</span></a>`
          }</td>`
        : ''
    }</tr>`;
  })}</tbody>`,
)}`;
  return page('Directives', body, viewer, '/console/directives');
}
