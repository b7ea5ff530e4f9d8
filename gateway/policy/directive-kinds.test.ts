// The kinds the rules handle are the kinds the contract accepts: a kind in one list and not the other would be
// either refused though a rule applies it, or accepted and in force with no effect.
import { describe, expect, it } from 'vitest';
import { openapi, validatorFor } from '../../contracts/openapi.ts';
import { directives } from '../../mou-registry/default-register/directives.ts';
import { directiveKinds } from './directive-kinds.ts';

type Schema = {
  $ref?: string;
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  properties?: Record<string, { const?: string }>;
};
const schemas = openapi.components.schemas as Record<string, Schema>;
const condition = schemas.DirectiveCondition!;
const branch = (s: Schema) => schemas[s.$ref!.replace('#/components/schemas/', '')]!;

describe('directive kinds', () => {
  it("are exactly the kinds of openapi.yaml's DirectiveCondition", () => {
    expect(condition.oneOf!.map((s) => branch(s).properties!.kind!.const).sort()).toEqual([...directiveKinds].sort());
  });

  it("are named alike by the discriminator mapping and by each schema's const", () => {
    expect(condition.discriminator!.propertyName).toBe('kind');
    for (const [kind, ref] of Object.entries(condition.discriminator!.mapping!))
      expect(branch({ $ref: ref }).properties!.kind!.const).toBe(kind);
    expect(Object.keys(condition.discriminator!.mapping!).sort()).toEqual([...directiveKinds].sort());
  });

  it("include every default-register directive's, which the contract accepts as they stand", () => {
    const validate = validatorFor('Directive');
    for (const d of directives) {
      expect(validate(d), `${d.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(directiveKinds).toContain(d.condition.kind);
    }
  });
});
