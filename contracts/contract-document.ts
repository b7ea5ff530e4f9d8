// Reads a contract document with the schemas it takes from contracts/common.yaml written in place, so that ajv, the
// generated types and /docs each see one self-contained document. Each document names a shared schema by a line
// of its own, `Name: { $ref: '<file>#/components/schemas/Name' }`, and only in components.schemas.
import fs from 'node:fs';
import { parse } from 'yaml';

interface SharedSchemas {
  components: { schemas: Record<string, unknown> };
}

const sharedRef = /^(\s+)(\w+): \{ \$ref: '([^'#]+)#\/components\/schemas\/(\w+)' \}$/gm;

/** The document's text with every shared schema written inline (as JSON, which YAML reads as it is). */
export function readContract(file: URL): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.replace(sharedRef, (_line, indent: string, name: string, other: string, target: string) => {
    const shared = parse(fs.readFileSync(new URL(other, file), 'utf8')) as SharedSchemas;
    const schema = shared.components.schemas[target];
    if (schema === undefined) throw new Error(`${other} has no schema ${target}, which ${file.pathname} names`);
    return `${indent}${name}: ${JSON.stringify(schema)}`;
  });
}

/**
 * Schemas as ajv reads them. ajv chooses a oneOf branch by the `const` of its discriminator property and refuses a
 * `mapping`, which the contracts keep for the generated types and for readers; the two name the same kinds
 * (contracts.test.ts checks).
 */
export function withoutMappings(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutMappings);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === 'discriminator' ? { propertyName: (v as { propertyName: string }).propertyName } : withoutMappings(v),
    ]),
  );
}
