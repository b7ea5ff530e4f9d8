// `npm run --silent callback-keys -- rotate-key`: makes a new Ed25519 key in CALLBACK_SIGNING_KEYS_DIR (the
// directory a production start requires, gateway/production-keys.ts), which signs batch callbacks from then on; the
// older keys stay published at /.well-known/callback-keys.json so a partner mid-rotation still verifies.
// `list` prints the published key set. Exit 0, 1 when the settings are wrong, 2 for bad usage.
import { fileKeyRing } from '../../audit/signing-keys.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';

const usage = 'usage: CALLBACK_SIGNING_KEYS_DIR=<dir> npm run --silent callback-keys -- rotate-key | list';
const [command, ...rest] = process.argv.slice(2);
if (rest.length > 0 || !['rotate-key', 'list'].includes(command ?? '')) {
  console.error(usage);
  process.exit(2);
}
try {
  const { keysDir } = loadConfig(process.env).batches.callbacks;
  const ring = fileKeyRing(keysDir, { create: false });
  if (command === 'rotate-key') {
    const key = await ring.rotate();
    console.log(`made callback signing key ${key.kid} in ${keysDir}; it signs from now on`);
  } else {
    console.log(JSON.stringify(await ring.jwks(), null, 2));
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `callback-keys: ${(error as Error).message}`);
  process.exit(1);
}
