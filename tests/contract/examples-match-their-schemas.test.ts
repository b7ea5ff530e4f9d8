// Issue 14: "an example for every request and response, checked against its schema by a test". Every request body
// and every response of every operation and callback, in both contracts (openapi.yaml, the gateway's API, and
// contracts/partners.yaml, what partners serve), carries an example for each media type it documents, and every
// example is valid against its schema, so an example cannot drift from the contract it illustrates. Examples that
// are not JSON are held to what the code makes and reads: each NDJSON line against its line schema, a CSV's header
// row against the columns the code writes, the checkpoint note and the export files through the code's own parsers
// and verifier, with the key the contract publishes. No database: the documents are read as ajv reads them.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { noteSignedBy, parseCheckpointText, parseNote } from '../../audit/checkpoint-note.ts';
import { csvHeader } from '../../audit/export.ts';
import { columns as subjectReportColumns } from '../../audit/subject-report-csv.ts';
import { verifyExport } from '../../audit/verify-export.ts';
import { withoutMappings } from '../../contracts/contract-document.ts';
import { columns as publishedColumns } from '../../mou-registry/published-list.ts';
import { openapiText } from '../../contracts/openapi.ts';
import { partnersText } from '../../contracts/partners.ts';

type Node = Record<string, unknown>;
interface Media {
  schema?: Node;
  example?: unknown;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
}
interface Document {
  paths: Record<string, Record<string, Node>>;
  components: Record<string, Record<string, Node>>;
}

const documents = [
  { id: 'openapi', name: 'openapi.yaml', doc: parse(openapiText) as Document },
  { id: 'partners', name: 'contracts/partners.yaml', doc: parse(partnersText) as Document },
];

const ajv = new Ajv2020.default({ allErrors: true, strict: false, discriminator: true });
addFormats.default(ajv);
for (const { id, doc } of documents) ajv.addSchema({ $id: id, components: withoutMappings(doc.components) } as object);

/** A schema written inline in the document, its local refs pointed at the registered document. */
function absolute(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absolute(n, id));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${id}${v}` : absolute(v, id),
    ]),
  );
}

const resolve = <T>(doc: Document, node: T & { $ref?: string }): T => {
  if (!node.$ref) return node;
  const [, kind, name] = node.$ref.split('/').slice(1);
  return doc.components[kind!]![name!] as T;
};

const isJson = (mediaType: string) => /^application\/([\w.-]+\+)?json$/.test(mediaType);

interface Case {
  where: string;
  id: string;
  mediaType: string;
  schema?: Node;
  examples: [string, unknown][];
}

/** Each operation, and each callback an operation declares, as where it is and what it is. */
function operationsOf(name: string, doc: Document): [string, Node][] {
  const out: [string, Node][] = [];
  const walk = (paths: Record<string, Record<string, Node>>, within: string) => {
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
        const where = `${within}${String(op.operationId ?? 'callback')} (${method.toUpperCase()} ${path})`;
        out.push([where, op]);
        for (const [callback, expressions] of Object.entries((op.callbacks ?? {}) as Record<string, Node>)) {
          walk(expressions as Record<string, Record<string, Node>>, `${where} callback ${callback}: `);
        }
      }
    }
  };
  walk(doc.paths, `${name} `);
  return out;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const { id, name, doc } of documents) {
    for (const [operation, op] of operationsOf(name, doc)) {
      const bodies: [string, { content?: Record<string, Media> }][] = [];
      if (op.requestBody) bodies.push(['request', resolve(doc, op.requestBody as Node)]);
      for (const [status, response] of Object.entries(op.responses as Record<string, Node>)) {
        bodies.push([`response ${status}`, resolve(doc, response)]);
      }
      for (const [which, body] of bodies) {
        for (const [mediaType, media] of Object.entries(body.content ?? {})) {
          const examples: [string, unknown][] = media.example !== undefined ? [['example', media.example]] : [];
          for (const [key, example] of Object.entries(media.examples ?? {})) {
            examples.push([key, resolve(doc, example).value]);
          }
          out.push({ where: `${operation} ${which} ${mediaType}`, id, mediaType, schema: media.schema, examples });
        }
      }
    }
  }
  return out;
}

const linesOf = (text: string) => text.split(/\r?\n/).filter((line) => line !== '');
async function* asLines(text: string) {
  yield* linesOf(text);
}

describe('the examples in the contracts', () => {
  const all = cases();
  const example = (operationId: string, mediaType: string) => {
    const found = all.find((c) => c.where.startsWith(`openapi.yaml ${operationId} `) && c.mediaType === mediaType);
    return found!.examples[0]![1];
  };
  /** The keys /.well-known/audit-keys.json publishes, as the contract's example gives them. */
  const publishedKeys = () => example('getAuditKeys', 'application/json') as { keys: { x: string }[] };

  it('cover every request body and response with a schema, whatever its media type, callbacks included', () => {
    const missing = all.filter((c) => c.schema && c.examples.length === 0).map((c) => c.where);
    expect(missing).toEqual([]);
    expect(all.some((c) => c.where.includes('callback batchFinished') && c.examples.length > 0)).toBe(true);
  });

  it('are each valid against the schema they illustrate (a text one as the text it is)', () => {
    const invalid: string[] = [];
    const compiled = new Map<string, ValidateFunction>();
    for (const c of all.filter((each) => each.schema)) {
      const key = `${c.id} ${JSON.stringify(c.schema)}`;
      const validate = compiled.get(key) ?? ajv.compile(absolute(c.schema, c.id) as object);
      compiled.set(key, validate);
      for (const [key, example] of c.examples) {
        if (!validate(example)) invalid.push(`${c.where} example ${key}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(invalid).toEqual([]);
  });

  it('give each NDJSON line as its line schema says', () => {
    const ndjson = all.filter((c) => c.mediaType === 'application/x-ndjson' && c.where.includes('response'));
    expect(ndjson.map((c) => c.where.split(' ')[1])).toEqual(['exportAuditLog', 'getBatchResults']);
    for (const c of ndjson) {
      const contentSchema = (c.schema as { contentSchema?: object }).contentSchema;
      expect(contentSchema, `${c.where} names no line schema`).toBeDefined();
      const validate = ajv.compile(absolute(contentSchema, c.id) as object);
      for (const [, example] of c.examples) {
        const lines = linesOf(String(example)).map((line) => JSON.parse(line) as unknown);
        expect(lines.length).toBeGreaterThan(1);
        expect(validate(lines), `${c.where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it('give each CSV with the header row the code writes', () => {
    const header = (text: unknown) => linesOf(String(text)).find((line) => !line.startsWith('#'));
    const expected: Record<string, string> = {
      auditSubjectReport: subjectReportColumns.join(','),
      exportAuditLog: csvHeader,
      publishedCollaborations: publishedColumns.join(','),
    };
    const csv = all.filter((c) => c.mediaType === 'text/csv');
    expect(csv.map((c) => c.where.split(' ')[1]).sort()).toEqual(Object.keys(expected));
    for (const c of csv) {
      const operation = c.where.split(' ')[1]!;
      for (const [, example] of c.examples) expect(header(example), c.where).toBe(expected[operation]);
      // The schema's pattern holds real answers to the same header (tests/contract/answers-match-the-spec.test.ts).
      expect(String(c.schema!.pattern), c.where).toContain(expected[operation]);
    }
  });

  it('give a checkpoint that parses as the C2SP note the gateway signs, signed by the published key', () => {
    const note = String(example('getAuditCheckpoint', 'text/plain'));
    const parsed = parseNote(note);
    expect(parsed).not.toBeNull();
    const checkpoint = parseCheckpointText(parsed!.text);
    expect(checkpoint).toMatchObject({ origin: expect.any(String), size: expect.any(Number) });
    const [key] = publishedKeys().keys;
    expect(noteSignedBy(parsed!, checkpoint!.origin, Buffer.from(key!.x, 'base64url'))).toBe(true);
  });

  it('give exports that the offline verifier accepts with the published keys, in both formats', async () => {
    for (const mediaType of ['application/x-ndjson', 'text/csv']) {
      const text = String(example('exportAuditLog', mediaType));
      const check = await verifyExport(asLines(text), publishedKeys() as never);
      expect(check, mediaType).toMatchObject({ ok: true, keys: 'supplied' });
      expect(check.checked).toBeGreaterThan(0);
    }
  });

  it('give metrics in the Prometheus text format, each sample of a declared metric', () => {
    const text = String(example('getMetrics', 'text/plain'));
    const typed = new Set<string>();
    const sample =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? -?[0-9.e+]+$/;
    for (const line of linesOf(text)) {
      const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type) typed.add(type[1]!);
      else if (line.startsWith('# HELP ')) continue;
      else {
        const m = sample.exec(line);
        expect(m, line).not.toBeNull();
        expect(typed, line).toContain(m![1]!.replace(/_(bucket|sum|count)$/, ''));
      }
    }
    expect(typed.size).toBeGreaterThan(3);
  });

  it("gives a batch of records each of which the exchange's single endpoint takes", () => {
    const batch = all.find((each) => each.where.includes('submitExchangeBatch') && isJson(each.mediaType));
    const single = ajv.compile({ $ref: 'openapi#/components/schemas/ChildTraceRequest' });
    const records = batch!.examples[0]![1] as unknown[];
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(single(record), ajv.errorsText(single.errors)).toBe(true);
  });

  it('would catch a drift: an example with a required field removed is refused', () => {
    const c = all.find((each) => each.where.includes('dfeChildTrace') && each.where.includes('request'));
    const schema = ajv.compile(absolute(c!.schema, c!.id) as object);
    const example = { ...(c!.examples[0]![1] as Node) };
    expect(schema(example)).toBe(true);
    delete example.purpose;
    expect(schema(example)).toBe(false);
  });
});
