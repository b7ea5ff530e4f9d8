// A production start (SANDBOX=false) takes its secrets from settings and never makes them: the audit HMAC key from
// AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE, the checkpoint signing keys from AUDIT_SIGNING_KEYS_DIR, which must already
// hold one. A key generated into the data directory would sit beside the database for anyone who copies the disk,
// and would differ between gateways that do not share that directory. A sandbox keeps making its own. The same holds
// for the keys that sign batch callbacks, from CALLBACK_SIGNING_KEYS_DIR (gateway/batches/callbacks/).
import fs from 'node:fs';
import { keyFromFile } from './audit-key.ts';
import { ConfigError, type Config } from '../platform/config.ts';

const makeCallbackKey =
  'make the first one with `CALLBACK_SIGNING_KEYS_DIR=<dir> npm run --silent callback-keys -- rotate-key` ' +
  'and give every gateway the same directory';
const makeSigningKey =
  'make the first one with `AUDIT_SIGNING_KEYS_DIR=<dir> npm run --silent audit -- rotate-key` and give every gateway the same directory';

const holdsKey = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).some((name) => name.endsWith('.jwk'));

/** Throws a ConfigError (exit 2) naming every missing or unusable setting; does nothing for a sandbox. */
type KeySettings = Pick<Config, 'sandbox' | 'auditHmacKey' | 'auditHmacKeyFile' | 'auditCheckpoints'> & {
  batches: Pick<Config['batches'], 'callbacks'>;
};

export function checkProductionKeys(config: KeySettings): void {
  if (config.sandbox.start) return;
  const problems: string[] = [];
  if (config.auditHmacKey === null && config.auditHmacKeyFile === null) {
    problems.push(
      'AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE must be set: a production start never makes the audit HMAC key itself ' +
        '(make one with `openssl rand -base64 32`, keep it in your secret store, and keep it for as long as the log: subjects are found by it)',
    );
  } else if (config.auditHmacKeyFile !== null) {
    try {
      keyFromFile(config.auditHmacKeyFile);
    } catch (error) {
      problems.push(...(error as ConfigError).problems);
    }
  }
  const { keysDir, keysDirGiven } = config.auditCheckpoints;
  if (!keysDirGiven) {
    problems.push(
      `AUDIT_SIGNING_KEYS_DIR must be set: a production start never makes its checkpoint signing key itself; ${makeSigningKey}`,
    );
  } else if (!holdsKey(keysDir)) {
    problems.push(`AUDIT_SIGNING_KEYS_DIR (${keysDir}) holds no checkpoint signing key: ${makeSigningKey}`);
  }
  const callbacks = config.batches.callbacks;
  if (!callbacks.keysDirGiven) {
    problems.push(
      'CALLBACK_SIGNING_KEYS_DIR must be set: a production start never makes the key that signs batch callbacks ' +
        `itself; ${makeCallbackKey}`,
    );
  } else if (!holdsKey(callbacks.keysDir)) {
    problems.push(`CALLBACK_SIGNING_KEYS_DIR (${callbacks.keysDir}) holds no callback signing key: ${makeCallbackKey}`);
  }
  if (problems.length > 0) throw new ConfigError(problems, 'A production start (SANDBOX=false) cannot start');
}
