// Loads openapi.yaml (the gateway's contract) and compiles ajv validators from it. The partners' side is
// contracts/partners.yaml (partners.ts).
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { readContract, withoutMappings } from './contract-document.ts';

export const openapiPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
/** openapi.yaml with the schemas it shares with partners.yaml written in place: what ajv reads and /docs serves. */
export const openapiText = readContract(new URL('../openapi.yaml', import.meta.url));

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, unknown> };
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }>; $ref?: string }>;
}

export const openapi = parse(openapiText) as OpenApiDocument;

const forAjv = withoutMappings(openapi.components) as object;

const ajv = new Ajv2020.default({ allErrors: true, strict: false, coerceTypes: false, discriminator: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi', components: forAjv } as object);

const cache = new Map<string, ValidateFunction>();

/** Every property name either contract uses anywhere: words that are safe to repeat back to a caller. */
const contractWords = new Set<string>();
(function collect(node: unknown): void {
  if (Array.isArray(node)) node.forEach(collect);
  else if (node !== null && typeof node === 'object') {
    const properties = (node as { properties?: unknown }).properties;
    if (properties && typeof properties === 'object') Object.keys(properties).forEach((k) => contractWords.add(k));
    Object.values(node).forEach(collect);
  }
})([
  openapi.components,
  parse(
    readContract(
      new URL('../contracts/partners.yaml', import.meta.url) /* from contracts/ and from the bundle in dist/ alike */,
    ),
  ).components,
]);

/** A validator for a schema in components.schemas, e.g. validatorFor('ChildTraceRequest'). */
export function validatorFor(schemaName: string): ValidateFunction {
  let validate = cache.get(schemaName);
  if (!validate) {
    if (!(schemaName in openapi.components.schemas)) throw new Error(`openapi.yaml has no schema ${schemaName}`);
    validate = ajv.compile({ $ref: `openapi#/components/schemas/${schemaName}` });
    cache.set(schemaName, validate);
  }
  return validate;
}

export function operation(operationId: string): { method: string; path: string; op: Operation } {
  for (const [path, item] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if ((op as Operation)?.operationId === operationId) return { method, path, op: op as Operation };
    }
  }
  throw new Error(`openapi.yaml has no operation ${operationId}`);
}

/** The components schema a request body of this operation refers to. */
export function requestSchemaName(operationId: string): string | null {
  const ref = (
    operation(operationId).op.requestBody?.content['application/json']?.schema as { $ref?: string } | undefined
  )?.$ref;
  return ref ? ref.replace('#/components/schemas/', '') : null;
}

/** The components schema of this operation's JSON response for a status. */
export function responseSchemaName(operationId: string, status: number): string | null {
  const response = operation(operationId).op.responses[String(status)];
  const ref = (response?.content?.['application/json']?.schema as { $ref?: string } | undefined)?.$ref;
  return ref ? ref.replace('#/components/schemas/', '') : null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** ajv errors as field paths a caller can act on, e.g. { field: 'subject.nickname', message: 'is not allowed' }. */
/** The contract's IsoDate: the days the domain and the database can hold (a year 0000 would fail in PostgreSQL). */
const isoDatePattern = '^(1[89]\\d{2}|2\\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

export function fieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors ?? []) {
    const base = e.instancePath.split('/').filter(Boolean).join('.');
    let field = base || '(body)';
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'additionalProperties') {
      // A field name the contract does not know is the caller's own text and could be personal data:
      // name it only when it is one of the contract's own words.
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      if (contractWords.has(extra)) {
        field = base ? `${base}.${extra}` : extra;
        message = 'is not a recognised field';
      } else {
        message = 'has a field that is not recognised';
      }
    } else if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      field = base ? `${base}.${missing}` : missing;
      message = 'is required';
    } else if (e.keyword === 'discriminator') {
      // A oneOf chosen by its `kind`: a kind outside the contract's list is named as such, never repeated back.
      const { error, tag, tagValue } = e.params as { error: 'tag' | 'mapping'; tag: string; tagValue: unknown };
      field = base ? `${base}.${tag}` : tag;
      message =
        error === 'mapping'
          ? 'is not a kind any rule handles'
          : tagValue === undefined
            ? 'is required'
            : 'must be a string';
    } else if (e.keyword === 'pattern' && (e.params as { pattern?: string }).pattern === isoDatePattern) {
      message = 'must be a day from 1800-01-01 to 2999-12-31, as YYYY-MM-DD';
    } else if (e.keyword === 'pattern' || e.keyword === 'format') {
      message = 'is not in the expected format';
    }
    const key = `${field}:${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ field, message });
    }
  }
  return out;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: object;
}

const coercing = new Ajv2020.default({
  allErrors: true,
  strict: false,
  coerceTypes: true,
  useDefaults: true,
  discriminator: true,
});
addFormats.default(coercing);
coercing.addSchema({ $id: 'openapi', components: forAjv } as object);

/** Parameter schemas live outside components, so their local refs are pointed at the registered document. */
function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi${v}` : absoluteRefs(v),
    ]),
  );
}
const parameterCache = new Map<string, ValidateFunction>();

/** An operation's parameters, with those shared under components.parameters resolved. */
export function parametersOf(operationId: string): Parameter[] {
  const shared = (openapi.components as { parameters?: Record<string, Parameter> }).parameters ?? {};
  return ((operation(operationId).op as { parameters?: (Parameter | { $ref: string })[] }).parameters ?? []).map((p) =>
    '$ref' in p ? shared[p.$ref.replace('#/components/parameters/', '')]! : p,
  );
}

/** Validates (and coerces, and fills defaults in) an operation's path and query parameters as one object. */
export function parametersValidator(operationId: string): ValidateFunction {
  let validate = parameterCache.get(operationId);
  if (!validate) {
    const params = parametersOf(operationId).filter((p) => p.in !== 'header');
    validate = coercing.compile({
      type: 'object',
      additionalProperties: false,
      required: params.filter((p) => p.required).map((p) => p.name),
      properties: Object.fromEntries(params.map((p) => [p.name, absoluteRefs(p.schema)])),
    });
    parameterCache.set(operationId, validate);
  }
  return validate;
}

const inlineCache = new Map<string, ValidateFunction>();

/** A validator for a schema written inline in the contract (a response's, a parameter's), its refs pointing into it. */
export function inlineValidator(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = inlineCache.get(key);
  if (!validate) {
    validate = ajv.compile(absoluteRefs(schema) as object);
    inlineCache.set(key, validate);
  }
  return validate;
}
