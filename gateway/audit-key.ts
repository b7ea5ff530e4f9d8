// The key behind the subject HMACs: from AUDIT_HMAC_KEY, or made once and kept under the data directory.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

export function auditHmacKey(config: Pick<Config, 'auditHmacKey' | 'dataDir'>): Buffer {
  if (config.auditHmacKey !== null) return Buffer.from(config.auditHmacKey, 'base64');
  const file = path.join(config.dataDir, 'audit-hmac.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
