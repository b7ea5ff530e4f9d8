// The public keys a check is made against: a JWKS file or URL the DPO holds, or the keys this gateway publishes
// (its signing-key directory). Reading them never creates a key.
import fs from 'node:fs';
import { fileKeyRing, type Jwks } from '../signing-keys.ts';
import { CliError } from './cli-error.ts';
import type { Config } from '../../platform/config.ts';

function asJwks(value: unknown, where: string): Jwks {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (
    !Array.isArray(keys) ||
    keys.length === 0 ||
    !keys.every((k) => k && typeof k === 'object' && typeof (k as { kid?: unknown }).kid === 'string')
  ) {
    throw new CliError(`${where} is not a JWKS ({ "keys": [ ... ] } with at least one key)`);
  }
  return value as Jwks;
}

export async function readJwks(source: string): Promise<Jwks> {
  if (/^https?:\/\//.test(source)) {
    let response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new CliError(`cannot fetch the keys from ${source}`);
    }
    if (!response.ok) throw new CliError(`fetching the keys from ${source} answered ${response.status}`);
    try {
      return asJwks(await response.json(), source);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${source} did not answer JSON`);
    }
  }
  return asJwks(readJsonFile(source, 'the key set'), source);
}

/** The keys under the configured signing-key directory, as /.well-known/audit-keys.json publishes them. */
export async function publishedJwks(config: Pick<Config, 'auditCheckpoints'>): Promise<Jwks> {
  const dir = config.auditCheckpoints.keysDir;
  if (!fs.existsSync(dir) || !fs.readdirSync(dir).some((name) => name.endsWith('.jwk'))) {
    throw new CliError(`no audit signing keys in ${dir}: pass --jwks with the published key set (file or URL)`);
  }
  return fileKeyRing(dir).jwks();
}

export function readJsonFile(file: string, what: string): unknown {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(code === 'ENOENT' ? `there is no file ${file}` : `cannot read ${file} (${code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not JSON, so it cannot be ${what}`);
  }
}

export function requireReadableFile(file: string): void {
  try {
    if (!fs.statSync(file).isFile()) throw new CliError(`${file} is not a file`);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    throw new CliError(code === 'ENOENT' ? `there is no file ${file}` : `cannot read ${file} (${code ?? 'error'})`);
  }
}
