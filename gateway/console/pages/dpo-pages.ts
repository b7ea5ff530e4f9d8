// The DPO's pages: a subject report from a person's identifiers (sent by POST, never in a URL, never shown back),
// audit search, one entry with what is linked to it, and the log's verification with its last signed checkpoint and
// which witness has seen which size of the log.
import type { AuditPage } from '../../../audit/read.ts';
import type { SubjectReport } from '../../../audit/subject-report.ts';
import type { VerificationResult } from '../../../audit/verify.ts';
import type { CheckpointRow } from '../../../audit/checkpoints.ts';
import type { ChainHealth } from '../../../audit/chain-health.ts';
import type { WitnessWithLatest } from '../../../audit/witnesses.ts';
import { anyBody } from '../../../audit/types.ts';
import { html, scrollTable, type Html } from '../html.ts';
import { londonTime } from '../london-time.ts';
import { badge, page, type Viewer } from '../layout.ts';

/** A day typed as YYYY-MM-DD in a plain text box: a browser's date picker shows mm/dd/yyyy to many UK readers. */
const dayInput = html`type="text" inputmode="numeric" pattern="\\d{4}-\\d{2}-\\d{2}" autocomplete="off" spellcheck="false"`;

const errorSummary = (errors: string[]) =>
  errors.length
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
    : '';

/** The alert a DPO cannot miss: the log does not verify, and exchanges are refused until it does. */
function chainAlert(chain: ChainHealth | null | undefined): Html | '' {
  if (chain?.status !== 'broken') return '';
  return html`<div class="alert" role="alert"><h2>The audit log does not verify</h2>
<p>${chain.problem ?? 'A check found the log altered.'} Found by ${chain.source === 'verification' ? 'a verification of the whole log' : 'the checkpointer'} at ${chain.since ? londonTime(chain.since) : 'an unknown time'}.</p>
<p>Every exchange is refused until a verification of the whole log passes. Investigate who changed the database, restore the log, then <a href="/console/dpo/verification">verify it</a>.</p></div>`;
}

export function subjectPage(
  viewer: Viewer,
  result: { report?: SubjectReport; errors?: string[]; chain?: ChainHealth | null } = {},
): string {
  const r = result.report;
  const body = html`
${chainAlert(result.chain)}
${errorSummary(result.errors ?? [])}
<p class="lead">Every exchange about one person: who asked, when, why, under which agreement and legal basis, what was decided and
which fields went. Name the person one way only. What you type is sent once, is not kept or logged, and is not shown back.</p>
<form class="stack" method="post" action="/console/dpo/subject-report" autocomplete="off" novalidate>
<input type="hidden" name="csrf" value="${viewer.csrf}">
<fieldset><legend>By National Insurance number</legend>
<label for="nino">NINo</label><p class="hint" id="nino-hint">For example QQ 12 34 56 C</p><input id="nino" name="nino" aria-describedby="nino-hint" spellcheck="false" size="14"></fieldset>
<fieldset><legend>Or by name and date of birth</legend>
<label for="forename">Forename</label><input id="forename" name="forename" spellcheck="false">
<label for="surname">Surname</label><input id="surname" name="surname" spellcheck="false">
<label for="dateOfBirth">Date of birth</label><p class="hint" id="dob-hint">Year, month and day, for example 1948-06-22</p>
<input id="dateOfBirth" name="dateOfBirth" ${dayInput} aria-describedby="dob-hint" size="12"></fieldset>
<fieldset><legend>Or by Home Office reference</legend>
<label for="homeOfficeReference">Home Office reference</label><p class="hint" id="ho-hint">For example HO-4000004</p><input id="homeOfficeReference" name="homeOfficeReference" aria-describedby="ho-hint" spellcheck="false" size="14"></fieldset>
<button type="submit">Find every exchange</button>
</form>
${r ? reportTable(r) : ''}`;
  return page('Subject report', body, viewer, '/console/dpo');
}

function reportTable(r: SubjectReport): Html {
  const kind = { nino: 'NINo', 'name-dob': 'name and date of birth', 'ho-ref': 'Home Office reference' }[
    r.identifiedBy
  ];
  return html`<h2 id="report" tabindex="-1">${r.count} ${r.count === 1 ? 'exchange' : 'exchanges'} about this person</h2>
<p>Found by the keyed hash of the ${kind}${r.truncated ? ', showing the first 5,000' : ''}. Oldest first.</p>
${
  r.count === 0
    ? html`<p>The log holds no exchange about this person under that identifier.</p>`
    : scrollTable(
        'Exchanges about this person',
        html`<thead><tr><th scope="col">When</th><th scope="col">Exchange</th><th scope="col">Asked by → of</th><th scope="col">Purpose and legal basis</th><th scope="col">Agreement</th>
<th scope="col">Decision</th><th scope="col">Outcome</th><th scope="col">Fields disclosed</th></tr></thead>
<tbody>${r.exchanges.map(
          (e) => html`<tr>
<td><a href="/console/dpo/entries/${e.auditId}">${londonTime(e.recordedAt)}</a>${e.dryRun ? html` ${badge('warning', 'Dry run')}` : ''}</td>
<td>${e.exchange}</td><td>${e.party} (${e.clientId}) → ${e.partner}</td><td>${e.purpose}; ${e.legalBasis}</td>
<td>${e.agreement ? `${e.agreement.id} v${e.agreement.version}` : 'none'}</td>
<td>${e.decision === 'permit' ? badge('ok', 'Permitted') : html`${badge('urgent', 'Refused')} ${e.deniedBy.join(', ')}`}</td>
<td>${e.outcome ?? '–'}</td><td>${e.fieldsDisclosed.join(', ') || '–'}</td></tr>`,
        )}</tbody>`,
      )
}`;
}

export function searchPage(
  viewer: Viewer,
  data: {
    query: Record<string, string>;
    exchanges: string[];
    rules: readonly string[];
    page: AuditPage | null;
    errors: string[];
  },
): string {
  const q = data.query;
  const select = (
    name: string,
    label: string,
    options: readonly string[],
  ) => html`<div><label for="${name}">${label}</label><select id="${name}" name="${name}">
<option value="">Any</option>${options.map((o) => html`<option${q[name] === o ? html` selected` : ''}>${o}</option>`)}</select></div>`;
  const next = data.page?.nextBefore
    ? new URLSearchParams({ ...q, before: String(data.page.nextBefore) }).toString()
    : null;
  const body = html`
${errorSummary(data.errors)}
<p class="lead">Search the log by exchange, decision, kind, party, the rule that refused, and time. To find a person, use the
<a href="/console/dpo">subject report</a>, which keeps identifiers out of addresses.</p>
<form method="get" action="/console/dpo/search" class="filters" novalidate>
${select('exchange', 'Exchange', data.exchanges)}
${select('decision', 'Decision', ['permit', 'deny'])}
${select('kind', 'Kind', ['decision', 'lookup', 'outcome', 'feedback', 'dry-run', 'register-change'])}
${select('rule', 'Refused by rule', data.rules)}
<div><label for="party">Party</label><input id="party" name="party" value="${q.party ?? ''}" size="18"></div>
<div><label for="from">From (day, London)</label><p class="hint" id="from-hint">For example 2026-11-01</p><input id="from" name="from" ${dayInput} aria-describedby="from-hint" size="12" value="${q.from ?? ''}"></div>
<div><label for="to">Up to (day, London)</label><p class="hint" id="to-hint">Includes the whole day</p><input id="to" name="to" ${dayInput} aria-describedby="to-hint" size="12" value="${q.to ?? ''}"></div>
<div><button type="submit">Search</button></div>
</form>
${
  data.page
    ? html`${scrollTable(
        `${data.page.entries.length} entries, newest first`,
        html`<thead><tr><th scope="col" class="num">Seq</th><th scope="col">Recorded</th><th scope="col">Kind</th><th scope="col">Exchange</th><th scope="col">Party</th><th scope="col">Decision or outcome</th></tr></thead>
<tbody>${data.page.entries.map(
          (
            e,
          ) => html`<tr><td class="num">${e.seq}</td><td><a href="/console/dpo/entries/${e.id}">${londonTime(e.recordedAt)}</a></td>
<td>${e.kind}</td><td>${String(anyBody(e).exchange ?? anyBody(e).action ?? '–')}</td><td>${String(anyBody(e).party ?? anyBody(e).actor ?? '–')}</td>
<td>${String(anyBody(e).decision ?? anyBody(e).outcome ?? anyBody(e).feedback ?? '–')}</td></tr>`,
        )}</tbody>`,
      )}
${next ? html`<p><a href="/console/dpo/search?${next}">Older entries</a></p>` : ''}`
    : ''
}`;
  return page('Audit search', body, viewer, '/console/dpo/search');
}

/**
 * Which witness has seen which size of the log: each registered witness and the largest checkpoint it cosigned. After
 * a verification, whether that cosignature still holds for the log as it is now (witness-report.ts).
 */
function witnessesSection(witnesses: WitnessWithLatest[], head: number, result: VerificationResult | null): Html {
  if (witnesses.length === 0) {
    return html`<h2>Witnesses</h2><p>No witness is registered. A second party (the ICO, a partner department) runs <code>npm run witness</code>, and a registry administrator registers its key; it then cosigns each checkpoint it finds consistent with the last it saw.</p>`;
  }
  const checked = (name: string) => {
    const seen = result?.witnesses.find((w) => w.name === name);
    if (!seen || seen.verified === null) return '–';
    return seen.verified
      ? badge('ok', 'Cosignature holds')
      : badge('urgent', 'Cosignature does not hold for the log as it is now');
  };
  return html`<h2>Witnesses</h2>
<p>A witness cosigns a checkpoint only after checking that the log only grew since the last one it cosigned: it vouches for the log up to the size it has seen.</p>
${scrollTable(
  'Which witness has seen which size of the log',
  html`<thead><tr><th scope="col">Witness</th><th scope="col" class="num">Has seen (entries)</th><th scope="col">Last cosigned</th><th scope="col">After this verification</th></tr></thead>
<tbody>${witnesses.map(
    (w) => html`<tr><td><code>${w.name}</code></td>
<td class="num">${w.latest ? `${w.latest.treeSize} of ${head}` : 'nothing yet'}</td><td>${w.latest ? londonTime(w.latest.cosignedAt) : '–'}</td><td>${checked(w.name)}</td></tr>`,
  )}</tbody>`,
)}`;
}

export function verificationPage(
  viewer: Viewer,
  data: {
    head: number;
    checkpoint: CheckpointRow | null;
    result: VerificationResult | null;
    chain?: ChainHealth | null;
    witnesses: WitnessWithLatest[];
  },
): string {
  const cp = data.checkpoint;
  const r = data.result;
  const body = html`
${chainAlert(data.chain)}
<p class="lead">The log is hash-chained and append-only; signed checkpoints fix its size and Merkle root at intervals.</p>
<h2>Last signed checkpoint</h2>
${
  cp
    ? html`<dl class="facts"><dt>Covers entries</dt><dd>1 to ${cp.size} of ${data.head}</dd><dt>Signed</dt><dd>${londonTime(cp.signedAt)} with key <code>${cp.keyId}</code></dd>
<dt>Merkle root</dt><dd><code>${cp.rootHash}</code></dd><dt>Head hash</dt><dd><code>${cp.headHash}</code></dd></dl>`
    : html`<p>No checkpoint has been signed yet (${data.head} entries).</p>`
}
${witnessesSection(data.witnesses, data.head, r)}
<h2>Verify now</h2>
<form method="post" action="/console/dpo/verification"><input type="hidden" name="csrf" value="${viewer.csrf}"><button type="submit">Verify the whole log</button></form>
${
  r
    ? html`<h3 id="result" tabindex="-1">${r.ok ? badge('ok', 'Verified') : badge('urgent', 'Does not verify')} ${r.checked} entries and ${r.checkpointsChecked} checkpoints checked up to entry ${r.head}</h3>
${r.firstBad ? html`<p>First problem at entry ${r.firstBad.seq}: ${r.firstBad.problem}. ${r.firstBad.detail}</p>` : ''}
<p>Append-only protection in the database: ${r.protection.intact ? 'intact' : 'NOT intact'}.</p>`
    : ''
}`;
  return page('Verification', body, viewer, '/console/dpo/verification');
}
