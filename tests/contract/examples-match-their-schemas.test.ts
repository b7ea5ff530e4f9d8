// Issue 14: "an example for every request and response, checked against its schema by a test". Every request body
// and every response of every operation, in both contracts (openapi.yaml, the gateway's API, and
// contracts/partners.yaml, what partners serve), carries an example for each JSON media type it documents, and
// every example is valid against its schema, so an example cannot drift from the contract it illustrates.
// No database: the documents are read as ajv reads them.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withoutMappings } from '../../contracts/contract-document.ts';
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

function cases(): Case[] {
  const out: Case[] = [];
  for (const { id, name, doc } of documents) {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
        const operation = `${name} ${String(op.operationId)} (${method.toUpperCase()} ${path})`;
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
  }
  return out;
}

describe('the examples in the contracts', () => {
  const all = cases();

  it('cover every request body and response with a JSON schema', () => {
    const missing = all.filter((c) => isJson(c.mediaType) && c.schema && c.examples.length === 0).map((c) => c.where);
    expect(missing).toEqual([]);
  });

  it('are each valid against the schema they illustrate', () => {
    const invalid: string[] = [];
    const compiled = new Map<string, ValidateFunction>();
    for (const c of all.filter((each) => isJson(each.mediaType) && each.schema)) {
      const key = `${c.id} ${JSON.stringify(c.schema)}`;
      const validate = compiled.get(key) ?? ajv.compile(absolute(c.schema, c.id) as object);
      compiled.set(key, validate);
      for (const [key, example] of c.examples) {
        if (!validate(example)) invalid.push(`${c.where} example ${key}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(invalid).toEqual([]);
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
