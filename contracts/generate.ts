// Generates contracts/openapi-types.ts from openapi.yaml (the gateway's API) and contracts/partners-types.ts from
// contracts/partners.yaml (the partners' contracts). `npm run contracts` writes both; a test fails when one is stale.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { readContract } from './contract-document.ts';

const here = (file: string) => new URL(file, import.meta.url);
export const generated = [
  { path: fileURLToPath(here('./openapi-types.ts')), source: here('../openapi.yaml'), name: 'openapi.yaml' },
  {
    path: fileURLToPath(here('./partners-types.ts')),
    source: here('./partners.yaml'),
    name: 'contracts/partners.yaml',
  },
] as const;

/** The types of one document, read as ajv reads it: the schemas it shares through common.yaml written in place. */
export async function generateTypes(source: URL, name: string): Promise<string> {
  const ast = await openapiTS(readContract(source));
  return `// Generated from ${name} by \`npm run contracts\`. Do not edit.\n${astToString(ast)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { path, source, name } of generated) {
    fs.writeFileSync(path, await generateTypes(source, name));
    console.log(`wrote ${path}`);
  }
}
