// openapi.yaml is the one contract: the generated types must match it, and request schemas refuse unknown fields.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generated, generateTypes } from './generate.ts';
import { openapi } from './openapi.ts';

describe('the contract', () => {
  it.each(generated)('has up-to-date types from $name (run `npm run contracts` after editing it)', async (file) => {
    const { path, source, name } = file;
    expect(fs.readFileSync(path, 'utf8')).toBe(await generateTypes(source, name));
  });

  it('refuses unknown fields in every request body schema and every object inside one', () => {
    const schemas = openapi.components.schemas as Record<string, Record<string, unknown>>;
    const open: string[] = [];
    const visit = (schema: Record<string, unknown>, where: string, seen: Set<string>) => {
      if (typeof schema.$ref === 'string') {
        const name = schema.$ref.replace('#/components/schemas/', '');
        if (!seen.has(name)) visit(schemas[name]!, name, new Set([...seen, name]));
        return;
      }
      if (schema.type === 'object' && schema.additionalProperties !== false && !schema['x-free-form']) open.push(where);
      for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>))
        visit(child, `${where}.${key}`, seen);
      if (schema.items) visit(schema.items as Record<string, unknown>, `${where}[]`, seen);
    };
    for (const item of Object.values(openapi.paths)) {
      for (const op of Object.values(item) as {
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        tags?: string[];
      }[]) {
        if (op?.tags?.includes('upstream')) continue;
        const schema = op?.requestBody?.content['application/json']?.schema;
        if (schema) visit(schema, 'request', new Set());
      }
    }
    expect(open).toEqual([]);
  });
});
