// The key behind the subject HMACs: from AUDIT_HMAC_KEY or the file AUDIT_HMAC_KEY_FILE names. Only a sandbox
// makes one itself, kept under the data directory; a production start refuses to run without one
// (production-keys.ts), since a key left beside the database protects nothing from whoever can read the disk.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../platform/config.ts';

/** The key in AUDIT_HMAC_KEY_FILE, or a ConfigError naming the setting and what is wrong with it. */
export function keyFromFile(file: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `AUDIT_HMAC_KEY_FILE (${file}) cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    ]);
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length < 32)
    throw new ConfigError([
      `AUDIT_HMAC_KEY_FILE (${file}) must hold at least 32 bytes, base64-encoded (openssl rand -base64 32)`,
    ]);
  return key;
}

export function auditHmacKey(
  config: Pick<Config, 'auditHmacKey' | 'auditHmacKeyFile' | 'dataDir' | 'sandbox'>,
): Buffer {
  if (config.auditHmacKey !== null) return Buffer.from(config.auditHmacKey, 'base64');
  if (config.auditHmacKeyFile !== null) return keyFromFile(config.auditHmacKeyFile);
  if (!config.sandbox.start)
    throw new ConfigError(['AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE must be set for a production start (SANDBOX=false)']);
  const file = path.join(config.dataDir, 'audit-hmac.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
