// Checks an answer against openapi.yaml as an independent validating proxy would: the status must be one the
// operation lists, the content type one that status declares, the body valid against its schema, and the headers
// the response declares as required present. Used by tests/contract to fail on anything undocumented.
import { inlineValidator, openapi } from '../../contracts/openapi.ts';

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: { contentSchema?: object } }>;
  headers?: Record<string, { required?: boolean; $ref?: string }>;
}
interface OperationObject {
  operationId: string;
  tags?: string[];
  responses: Record<string, ResponseObject>;
}

const components = openapi.components as unknown as {
  responses: Record<string, ResponseObject>;
  headers?: Record<string, { required?: boolean }>;
};
const resolve = <T>(node: T & { $ref?: string }, kind: 'responses' | 'headers'): T =>
  node.$ref ? (components[kind] as Record<string, T>)[node.$ref.split('/').pop()!]! : node;

/** The gateway's own operations (not the partners' contracts), as method, path pattern and operation. */
const operations = Object.entries(openapi.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, OperationObject>)
    .filter(
      ([method, op]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method) && !op.tags?.includes('upstream'),
    )
    .map(([method, op]) => ({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
      op,
    })),
);

export function operationFor(method: string, url: string): OperationObject | null {
  const path = new URL(url, 'http://x').pathname;
  return operations.find((o) => o.method === method && o.pattern.test(path))?.op ?? null;
}

export interface Answer {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

/** What is wrong with an answer, as lines a reader can act on; an answer to no documented operation is not checked. */
export function contractViolations(answer: Answer): string[] {
  const op = operationFor(answer.method, answer.url);
  if (!op) return [];
  const where = `${op.operationId} ${answer.status}`;
  const declared = op.responses[String(answer.status)];
  if (!declared) return [`${where}: status not documented (${answer.method} ${answer.url})`];
  const response = resolve(declared, 'responses');
  const problems: string[] = [];
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (resolve(header, 'headers').required && answer.headers[name.toLowerCase()] === undefined)
      problems.push(`${where}: header ${name} missing`);
  }
  const type = String(answer.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  const content = response.content ?? {};
  if (Object.keys(content).length === 0) {
    if (answer.text) problems.push(`${where}: a body where none is documented`);
    return problems;
  }
  const media = content[type];
  if (!media)
    return [
      ...problems,
      `${where}: content type ${type || '(none)'} not documented (${Object.keys(content).join(', ')})`,
    ];
  if (media.schema) {
    // JSON is checked as parsed; any other type (NDJSON, YAML, CSV) as the text it is.
    const validate = inlineValidator(media.schema);
    const value = /^application\/(.+\+)?json$/.test(type) ? answer.body : answer.text;
    if (!validate(value))
      problems.push(`${where}: body breaks its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    // NDJSON whose schema names its lines' schema (contentSchema): each line read as JSON, and checked.
    if (type === 'application/x-ndjson' && media.schema.contentSchema) {
      const lines = answer.text.split('\n').filter(Boolean);
      let parsed: unknown[] | null = null;
      try {
        parsed = lines.map((line) => JSON.parse(line) as unknown);
      } catch {
        problems.push(`${where}: a line is not JSON`);
      }
      const validateLines = inlineValidator(media.schema.contentSchema);
      if (parsed && !validateLines(parsed))
        problems.push(`${where}: a line breaks its schema: ${JSON.stringify(validateLines.errors?.slice(0, 3))}`);
    }
  }
  return problems;
}
