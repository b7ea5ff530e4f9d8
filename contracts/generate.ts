// Generates contracts/openapi-types.ts from openapi.yaml. `npm run contracts` writes it; a test fails when it is stale.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const generatedPath = fileURLToPath(new URL('./openapi-types.ts', import.meta.url));
const header = '// Generated from openapi.yaml by `npm run contracts`. Do not edit.\n';

export async function generateTypes(): Promise<string> {
  const ast = await openapiTS(new URL('../openapi.yaml', import.meta.url));
  return header + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(generatedPath, await generateTypes());
  console.log(`wrote ${generatedPath}`);
}
