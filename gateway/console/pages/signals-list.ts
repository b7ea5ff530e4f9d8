import type { Signal } from '../../measures/signals.ts';
import { html } from '../html.ts';
import { badge } from '../layout.ts';

const words: Record<Signal['code'], string> = {
  'audit-chain-broken': 'Audit log does not verify',
  'feed-stopped': 'Feed stopped',
  'sla-breached': 'SLA missed',
  'cap-reached': 'Cap reached',
  'cap-near-limit': 'Cap nearly used',
  'review-overdue': 'Review overdue',
  'directive-lapsing': 'Directive lapsing',
  'recorded-after-the-fact': 'Recorded after the fact',
  'obligation-overdue': 'Obligation overdue',
  'sign-off-overdue': 'Joint review not signed off',
  'action-overdue': 'Improvement action overdue',
};

export function signalsList(signals: Signal[], titles: Map<string, string>, empty = 'Nothing needs attention.') {
  if (signals.length === 0) return html`<p>${empty}</p>`;
  return html`<ul class="signals">${signals.map(
    (s) => html`<li class="${s.severity}">
    ${badge(s.severity, s.severity === 'urgent' ? 'Urgent' : 'Warning')} <strong>${words[s.code]}</strong>
${s.collaborationId ? html` – <a href="/console/collaborations/${s.collaborationId}">${titles.get(s.collaborationId) ?? s.collaborationId}</a>` : ''}${s.directiveId ? html` – <a href="/console/directives">${s.directiveId}</a>` : ''}: ${s.detail}</li>`,
  )}</ul>`;
}
