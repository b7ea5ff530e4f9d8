// `npm run token -- <client>` prints a short-lived bearer token for a sandbox client (its key under the data
// directory); `npm run token -- <client> --key <file>` for any client, signed with the private key in <file> (PEM or
// JWK), such as the administrator registered by clients-bootstrap. Exit 0 with the token (or the usage, when asked
// for it), 1 when there is no key for the client, 2 for bad usage.
import { SignJWT } from 'jose';
import { readSigningKey, mintToken } from '../auth/sandbox-clients.ts';
import { readPrivateKey } from '../clients/key-files.ts';
import { loadConfig } from '../../platform/config.ts';

const usage = `usage: npm run --silent token -- <client-id>   (a sandbox client, e.g. ie-removals-casework, dpo)
       npm run --silent token -- <client-id> --key <private key file> [--kid <key-id>]   (any client; the key id is the key's thumbprint unless given)`;
const [clientId, ...rest] = process.argv.slice(2);
if (clientId === '--help' || clientId === '-h' || rest.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
const flag = (name: string) => (rest.indexOf(`--${name}`) >= 0 ? rest[rest.indexOf(`--${name}`) + 1] : undefined);
const wellFormed =
  rest.length === 0 ||
  (rest.length % 2 === 0 &&
    rest.every((arg, i) => (i % 2 === 0 ? ['--key', '--kid'].includes(arg) : !arg.startsWith('--'))) &&
    flag('key'));
if (!clientId || clientId.startsWith('-') || !wellFormed) {
  console.error(usage);
  process.exit(2);
}
try {
  const config = loadConfig(process.env);
  const keyFile = flag('key');
  if (!keyFile) {
    console.log(await mintToken(readSigningKey(config.dataDir, clientId), config.audience, 300));
  } else {
    const { key, alg, kid } = await readPrivateKey(keyFile, flag('kid'));
    console.log(
      await new SignJWT({})
        .setProtectedHeader({ alg, kid, typ: 'JWT' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(config.audience)
        .setIssuedAt()
        .setExpirationTime('300s')
        .setJti(crypto.randomUUID())
        .sign(key),
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
