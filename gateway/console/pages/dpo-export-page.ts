// The DPO exports a run of the audit log from the console, as the API's GET /v1/audit/export does: JSON lines or
// CSV, led by the signed manifest that `npm run audit -- verify-export` checks with no database. A POST, so that it
// carries the session's CSRF token and is audited as the DPO's action.
import { html } from '../html.ts';
import { page, type Viewer } from '../layout.ts';
import { dayField, errorSummary, hidden } from './action-pages.ts';

export interface ExportValues {
  from: string;
  to: string;
  format: string;
}

export function exportPage(viewer: Viewer, v: ExportValues, errors: string[] = []): string {
  const body = html`${errorSummary(errors)}
<p class="lead">Download the entries recorded between two London days, led by a signed manifest (count, first and last hash, a checkpoint and its inclusion proof). Leave both days empty for the whole log; at most 100,000 entries are exported here. The export is recorded in the audit log under your name.</p>
<form class="stack" method="post" action="/console/dpo/export" novalidate>${hidden(viewer, {})}
${dayField('from', 'From (optional)', 'The first London day, YYYY-MM-DD', v.from)}
${dayField('to', 'Up to (optional)', 'The last London day, YYYY-MM-DD', v.to)}
<fieldset><legend>Format</legend>
<p><input type="radio" id="format-jsonl" name="format" value="jsonl"${v.format !== 'csv' ? html` checked` : ''}> <label for="format-jsonl" class="inline">JSON lines</label></p>
<p><input type="radio" id="format-csv" name="format" value="csv"${v.format === 'csv' ? html` checked` : ''}> <label for="format-csv" class="inline">CSV</label></p></fieldset>
<p><button type="submit">Download the export</button></p>
</form>`;
  return page('Export the audit log', body, viewer, '/console/dpo/export');
}
