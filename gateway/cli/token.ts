// `npm run token -- <client>` prints a short-lived bearer token for a sandbox client.
import { readSigningKey, mintToken } from '../auth/sandbox-clients.ts';
import { loadConfig } from '../config.ts';

const clientId = process.argv[2];
if (!clientId) {
  console.error('usage: npm run --silent token -- <client-id>   (e.g. ie-removals-casework, dpo)');
  process.exit(2);
}
try {
  const config = loadConfig(process.env);
  console.log(await mintToken(readSigningKey(config.dataDir, clientId), config.audience, 300));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
