// `npm run token -- <client>` prints a short-lived bearer token for a sandbox client.
// Exit 0 with the token (or the usage, when asked for it), 1 when there is no key for the client, 2 for bad usage.
import { readSigningKey, mintToken } from '../auth/sandbox-clients.ts';
import { loadConfig } from '../config.ts';

const usage = 'usage: npm run --silent token -- <client-id>   (e.g. ie-removals-casework, dpo)';
const clientId = process.argv[2];
if (clientId === '--help' || clientId === '-h') {
  console.log(usage);
  process.exit(0);
}
if (!clientId || clientId.startsWith('-')) {
  console.error(usage);
  process.exit(2);
}
try {
  const config = loadConfig(process.env);
  console.log(await mintToken(readSigningKey(config.dataDir, clientId), config.audience, 300));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
