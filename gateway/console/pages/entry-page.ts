// One audit entry as a DPO reads it: what was asked, by whom, of whom, under which agreement, purpose and legal
// basis; each rule with its outcome and reason; the fields disclosed and withheld by name; and links to the entries
// it points at and that point at it. Every fact the entry holds is shown, the known ones labelled, the rest as they
// are; the exact hashed text is kept one click away.
import { anyBody, type AuditEntry } from '../../../audit/types.ts';
import { html, scrollTable, type Html } from '../html.ts';
import { badge, page, type Viewer } from '../layout.ts';
import { londonTimeExact } from '../london-time.ts';

export interface EntryLinks {
  /** The collaboration each agreement belongs to, so an agreement can be followed to its page. */
  collaborationOf: Map<string, string>;
}

const kindWords: Record<string, string> = {
  decision: 'Decision',
  outcome: 'Outcome of a permitted exchange',
  lookup: "Look-up in the Home Office's records",
  'dry-run': 'Dry run (nothing sent)',
  'register-change': 'Change to the register',
  feedback: 'Outcome fed back by a party',
};

const labels: Record<string, string> = {
  exchange: 'Exchange',
  direction: 'Direction',
  party: 'Party asking',
  clientId: 'Client',
  partner: 'Partner asked',
  purpose: 'Purpose',
  legalBasis: 'Legal basis',
  agreement: 'Agreement',
  directives: 'Directives in force',
  decisionDate: 'Decided for the day (London)',
  decision: 'Decision',
  outcome: 'Outcome',
  latencyMs: "Partner's answer took",
  subjects: 'People (keyed hashes)',
  caseReference: 'Case reference (keyed hash)',
  decisionId: 'Decision',
  lookupId: 'Look-up',
  requestId: 'Request id',
  fieldsRequested: 'Fields asked for',
  fieldsDisclosed: 'Fields disclosed',
  fieldsWithheld: 'Fields withheld',
  registerGeneration: 'Register as it stood (generation)',
  policyVersion: 'Policy version',
  dryRun: 'Dry run',
  stage: 'Stage',
  feedback: 'Outcome reported',
  actor: 'Done by',
  action: 'Action',
  referred: 'Referred to the Windrush Taskforce',
  lookup: 'Looked up in',
};
/** Shown first, in this order; anything else the entry holds follows. */
const order = Object.keys(labels);
const apart = new Set(['rules', 'obligations']);

const words = (key: string) =>
  labels[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
const isUuid = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

function value(key: string, v: unknown, links: EntryLinks): Html {
  if (v === null || v === undefined) return html`<span class="muted">none</span>`;
  if ((key === 'decisionId' || key === 'lookupId') && isUuid(v))
    return html`<a href="/console/dpo/entries/${v}">entry ${v}</a>`;
  if (key === 'decision' && (v === 'permit' || v === 'deny'))
    return v === 'permit' ? badge('ok', 'Permitted') : badge('urgent', 'Refused');
  if (key === 'latencyMs' && typeof v === 'number') return html`${v.toLocaleString('en-GB')} ms`;
  if (key === 'agreement' && typeof v === 'object' && v !== null && 'id' in v) {
    const a = v as { id: string; version?: string };
    const collaboration = links.collaborationOf.get(a.id);
    const text = `${a.id}${a.version ? ` version ${a.version}` : ''}`;
    return collaboration ? html`<a href="/console/collaborations/${collaboration}">${text}</a>` : html`${text}`;
  }
  if (key === 'directives' && Array.isArray(v)) {
    return v.length === 0
      ? html`none`
      : html`${v.map((d, i) => html`${i > 0 ? ', ' : ''}<a href="/console/directives">${String(d)}</a>`)}`;
  }
  if (typeof v === 'boolean') return html`${v ? 'yes' : 'no'}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return html`none`;
    if (v.every((x) => typeof x !== 'object' || x === null))
      return html`<ul class="plain">${v.map((x) => html`<li><code>${String(x)}</code></li>`)}</ul>`;
    return html`<ol>${v.map((x) => html`<li>${value('', x, links)}</li>`)}</ol>`;
  }
  if (typeof v === 'object') return facts(v as Record<string, unknown>, links);
  return typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? html`<code>${v}</code>` : html`${String(v)}`;
}

function facts(body: Record<string, unknown>, links: EntryLinks): Html {
  const keys = [
    ...order.filter((k) => k in body),
    ...Object.keys(body)
      .filter((k) => !order.includes(k) && !apart.has(k))
      .sort(),
  ];
  return html`<dl class="facts">${keys.map((k) => html`<dt>${words(k)}</dt><dd>${value(k, body[k], links)}</dd>`)}</dl>`;
}

const outcomeBadge = (o: string) =>
  o === 'permit' ? badge('ok', 'Permit') : o === 'deny' ? badge('urgent', 'Deny') : badge('warning', 'Not applicable');

function rulesTable(rules: unknown): Html | '' {
  if (!Array.isArray(rules) || rules.length === 0) return '';
  const list = rules as { id?: string; outcome?: string; reason?: string }[];
  const denied = list.filter((r) => r.outcome === 'deny').length;
  return html`<h2>Rules</h2>
<p>${list.length} rules checked; ${denied === 0 ? 'none refused' : `${denied} refused`}.</p>
${scrollTable(
  'Each rule, its outcome and its reason',
  html`<thead><tr><th scope="col">Rule</th><th scope="col">Outcome</th><th scope="col">Reason</th></tr></thead>
<tbody>${list.map((r) => html`<tr><th scope="row"><code>${r.id ?? '?'}</code></th><td>${outcomeBadge(String(r.outcome))}</td><td>${r.reason ?? ''}</td></tr>`)}</tbody>`,
)}`;
}

function obligationsList(obligations: unknown): Html | '' {
  if (!Array.isArray(obligations) || obligations.length === 0) return '';
  return html`<h2>Obligations on the answer</h2><ul>${(obligations as Record<string, unknown>[]).map((o) => {
    const { id, ...rest } = o;
    const terms = Object.entries(rest)
      .map(([k, v]) => `${words(k).toLowerCase()}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
      .join('; ');
    return html`<li><code>${String(id)}</code>${terms ? ` (${terms})` : ''}</li>`;
  })}</ul>`;
}

function header(entry: AuditEntry): Html {
  return html`<dl class="facts"><dt>Kind</dt><dd>${kindWords[entry.kind] ?? entry.kind}</dd><dt>Recorded</dt><dd>${londonTimeExact(entry.recordedAt)}</dd>
<dt>Place in the log</dt><dd>entry ${entry.seq}</dd><dt>Audit id</dt><dd><code>${entry.id}</code></dd>
<dt>Hash</dt><dd><code>${entry.hash}</code></dd><dt>Previous entry's hash</dt><dd><code>${entry.prevHash}</code></dd></dl>`;
}

export function entryPage(viewer: Viewer, entry: AuditEntry, linked: AuditEntry[], links: EntryLinks): string {
  const said = anyBody(entry);
  const refused = said.decision === 'deny';
  const body = html`
<p class="lead">${kindWords[entry.kind] ?? entry.kind}${said.exchange ? html` for <code>${String(said.exchange)}</code>` : ''}${
    said.decision ? html`: ${refused ? badge('urgent', 'Refused') : badge('ok', 'Permitted')}` : ''
  }. People appear only as keyed hashes; fields are named, never their values.</p>
${header(entry)}
<h2>What the entry says</h2>
${facts(entry.body, links)}
${rulesTable(said.rules)}
${obligationsList(said.obligations)}
<h2>Linked entries</h2>
${
  linked.length === 0
    ? html`<p>No other entry points at this one.</p>`
    : html`<ul class="linked">${linked.map(
        (e) => html`<li>
<a href="/console/dpo/entries/${e.id}">Entry ${e.seq}: ${kindWords[e.kind] ?? e.kind}</a>, ${londonTimeExact(e.recordedAt)}
${facts(Object.fromEntries(Object.entries(e.body).filter(([k]) => ['outcome', 'feedback', 'latencyMs', 'fieldsDisclosed', 'fieldsWithheld', 'referred'].includes(k))), links)}</li>`,
      )}</ul>`
}
<details><summary>The entry exactly as recorded (JSON)</summary><pre>${JSON.stringify(entry.body, null, 2)}</pre></details>`;
  return page(`Audit entry ${entry.seq}`, body, viewer, '');
}
