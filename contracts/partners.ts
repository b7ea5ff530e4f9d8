// Loads contracts/partners.yaml (what a partner department's system must serve) and compiles ajv validators from it:
// the sandbox checks each request it is sent, and the gateway each answer it is given, against the same schemas.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { readContract, withoutMappings } from './contract-document.ts';

interface PartnersDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

export const partnersText = readContract(
  new URL('../contracts/partners.yaml', import.meta.url) /* from contracts/ and from the bundle in dist/ alike */,
);
export const partners = parse(partnersText) as PartnersDocument;

const ajv = new Ajv2020.default({ allErrors: true, strict: false, coerceTypes: false, discriminator: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'partners', components: withoutMappings(partners.components) } as object);

const cache = new Map<string, ValidateFunction>();

/** A validator for a schema in partners.yaml's components.schemas, e.g. partnerValidatorFor('DfePupilTraceRequest'). */
export function partnerValidatorFor(schemaName: string): ValidateFunction {
  let validate = cache.get(schemaName);
  if (!validate) {
    if (!(schemaName in partners.components.schemas)) throw new Error(`partners.yaml has no schema ${schemaName}`);
    validate = ajv.compile({ $ref: `partners#/components/schemas/${schemaName}` });
    cache.set(schemaName, validate);
  }
  return validate;
}
