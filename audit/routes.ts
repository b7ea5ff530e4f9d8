// The audit API. A DPO searches, reports on a person, exports and verifies; a party reads the entries and receipts
// of its own exchanges; anyone may fetch the public keys. Another party's entry is "not found", never "forbidden",
// so that its existence is not given away.
import { GatewayError } from '../platform/http/problem.ts';
import { defineRoute, type HandlerContext, type Route } from '../platform/http/route.ts';
import { mayReadEntry } from './entry-access.ts';
import { ExportTooLargeError, type ExportFormat, type ExportRequest } from './export.ts';
import type { AuditPage, AuditQuery, AuditReader } from './read.ts';
import type { Receipt } from './receipts.ts';
import type { AuditKeyRing } from './signing-keys.ts';
import { subjectIdentifier, type SubjectQuery, type SubjectReport } from './subject-report.ts';
import type { LinkedSubjectReport } from './linked-subject-report.ts';
import { subjectReportCsv } from './subject-report-csv.ts';
import type { Pseudonymiser } from './subject-key.ts';
import type { AuditEntry } from './types.ts';
import type { VerificationResult } from './verify.ts';
import type { components } from '../contracts/openapi-types.ts';

type Schemas = components['schemas'];
// Narrow conversions, each to what the contract says and ajv has checked, where the generated types cannot say it:
// - an entry is read back as stored (types.ts: its kind's body with the fields an old entry may lack optional), where
//   the contract's AuditEntry requires them; handle() checks a 200 answer against the contract before it is sent;
const listed = (page: AuditPage) => page as Schemas['AuditEntryList'];
const asContract = (entry: AuditEntry) => entry as Schemas['AuditEntry'];
const receipted = (receipt: Receipt) => receipt as Schemas['AuditReceipt'];
// - a person is named in exactly one way (AuditSubjectQuery's oneOf), which becomes `& (unknown | unknown | unknown)`;
const named = (query: Schemas['AuditSubjectQuery']) => query as SubjectQuery;
const allNamed = (queries: Schemas['AuditSubjectQuery'][]) => queries as SubjectQuery[];
// - a query parameter with a default in the contract is filled in by ajv (useDefaults), yet generated as optional.
const withDefaults = (params: { limit?: number }) => params as AuditQuery;
const exportFormat = (format: ExportFormat | undefined) => format as ExportFormat;

export interface AuditRouteDeps {
  reader: AuditReader;
  pseudonymiser: Pick<Pseudonymiser, 'subject'>;
  subjectReport(query: SubjectQuery): Promise<SubjectReport>;
  linkedSubjectReport(queries: SubjectQuery[]): Promise<LinkedSubjectReport>;
  receiptFor(entry: AuditEntry): Promise<Receipt | null>;
  keys: Pick<AuditKeyRing, 'jwks'>;
  verify(): Promise<VerificationResult>;
  exportLines(request: ExportRequest, limit: number): AsyncGenerator<string>;
}

export const httpExportLimit = 100_000;

const mediaTypes: Record<ExportFormat, string> = { jsonl: 'application/x-ndjson', csv: 'text/csv; charset=utf-8' };

/** A time range the log can be read by: both ends real instants, the start before the end. */
function checkTimeRange(range: { from?: string | undefined; to?: string | undefined }) {
  // RFC 3339 allows a leap second (23:59:60), which no clock here can name.
  for (const name of ['from', 'to'] as const) {
    const time = range[name];
    if (time && Number.isNaN(Date.parse(time)))
      throw new GatewayError('invalid-request', `${name} is not a time the gateway can compare (a leap second?)`);
  }
  if (range.from && range.to && Date.parse(range.from) >= Date.parse(range.to))
    throw new GatewayError('invalid-request', 'from must be earlier than to');
}

export function auditRoutes(deps: AuditRouteDeps): Route[] {
  async function readableEntry({
    params,
    principal,
  }: HandlerContext<unknown, { auditId: string }>): Promise<AuditEntry> {
    const entry = await deps.reader.byId(params.auditId);
    if (!entry || !mayReadEntry(entry, principal!))
      throw new GatewayError('not-found', 'There is no audit entry with that id that you may read');
    return entry;
  }

  return [
    defineRoute({
      operationId: 'listAuditEntries',
      roles: ['dpo'],
      handler: async ({ params }) => {
        checkTimeRange(params);
        return { body: listed(await deps.reader.search(withDefaults(params))) };
      },
    }),
    defineRoute({
      operationId: 'getAuditEntry',
      roles: ['dpo', 'partner'],
      handler: async (ctx) => {
        const entry = await readableEntry(ctx);
        return {
          body: { entry: asContract(entry), outcomes: (await deps.reader.outcomesOf(entry.id)).map(asContract) },
        };
      },
    }),
    defineRoute({
      operationId: 'searchAuditBySubject',
      roles: ['dpo'],
      handler: async ({ body }) => {
        const { limit, before, ...person } = body;
        const subject = deps.pseudonymiser.subject(subjectIdentifier(named(person)));
        return {
          body: listed(
            await deps.reader.search({ subjects: [subject], limit: limit ?? 100, ...(before ? { before } : {}) }),
          ),
        };
      },
    }),
    defineRoute({
      operationId: 'auditSubjectReport',
      roles: ['dpo'],
      handler: async ({ body, params, req }) => {
        // The old body, one identifier, still answers exactly as before; a list answers across all of them.
        const report =
          'identifiers' in body
            ? await deps.linkedSubjectReport(allNamed(body.identifiers))
            : await deps.subjectReport(named(body));
        const csv =
          params.format === 'csv' || (params.format === undefined && /\btext\/csv\b/.test(req.get('accept') ?? ''));
        if (!csv) return { body: report };
        const lines = subjectReportCsv(report);
        return {
          lines: { next: async () => lines.next() },
          type: 'text/csv; charset=utf-8',
          // A fixed file name: one made from the person's identifiers would put them in a header.
          headers: { 'content-disposition': 'attachment; filename="subject-report.csv"', 'cache-control': 'no-store' },
        };
      },
    }),
    defineRoute({
      operationId: 'getAuditReceipt',
      roles: ['dpo', 'partner'],
      handler: async (ctx) => {
        const receipt = await deps.receiptFor(await readableEntry(ctx)).catch(() => null);
        if (!receipt)
          throw new GatewayError(
            'unavailable',
            'No checkpoint can be signed over the log just now, so there is no receipt yet',
          );
        return { body: receipted(receipt) };
      },
    }),
    defineRoute({
      operationId: 'exportAuditLog',
      roles: ['dpo'],
      handler: async ({ params }) => {
        const { from, to } = params;
        const format = exportFormat(params.format);
        checkTimeRange({ from, to });
        const lines = deps.exportLines({ format, from: from ?? null, to: to ?? null }, httpExportLimit);
        // The size is checked before the first line is made, so a refusal is a problem, not a cut-off file.
        const refusing = async (): Promise<IteratorResult<string>> => {
          try {
            return await lines.next();
          } catch (error) {
            if (error instanceof ExportTooLargeError) {
              throw new GatewayError(
                'unprocessable',
                `${error.message}: narrow from and to, or use npm run audit -- export`,
              );
            }
            throw error;
          }
        };
        let started = false;
        const iterator: AsyncIterator<string> = {
          next: () => (started ? lines.next() : ((started = true), refusing())),
          return: () => lines.return(undefined),
        };
        return {
          lines: iterator,
          type: mediaTypes[format],
          headers: { 'content-disposition': `attachment; filename="audit-export.${format}"` },
        };
      },
    }),
    defineRoute({
      operationId: 'verifyAuditLog',
      roles: ['dpo'],
      handler: async () => ({ body: await deps.verify() }),
    }),
    defineRoute({
      operationId: 'getAuditKeys',
      roles: 'public',
      handler: async () => ({ body: await deps.keys.jwks() }),
    }),
  ];
}
