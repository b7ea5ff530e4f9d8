// `npx tsx gateway/cli/clients-bootstrap.ts --id <client-id> --party <party> --public-key <file>`: registers the
// first registry administrator of a production gateway from a public key file (its private key stays where it was
// made), audited like any change to the client register, then says what to do next. It refuses once any registry
// administrator exists: from then on clients are registered through the API by an administrator.
// Exit 0 when registered (or help was asked for), 1 when refused, 2 for bad usage or settings, 4 when the database
// cannot be reached or the embedded one is held by a running gateway.
import os from 'node:os';
import { createAuditAppender } from '../../audit/append.ts';
import { sandboxClients } from '../auth/sandbox-clients.ts';
import { createClientCommands } from '../clients/commands.ts';
import { KeyFileError, readPublicKey } from '../clients/key-files.ts';
import { connect, withoutKnexWarnings } from '../../platform/db/connect.ts';
import { migrate } from '../../schema/migrations.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { loadConfigOrExit, lockEmbeddedOrExit, whyNotStarted } from '../../platform/start-up.ts';

const command = 'npx tsx gateway/cli/clients-bootstrap.ts';
const usage = `usage: ${command} --id <client-id> --party <party-id> --public-key <file> [--kid <key-id>] [--display-name <text>]

Registers the first registry administrator client of this gateway's database (DATABASE_URL or GATEWAY_DATA_DIR),
with the public key in <file> (PEM, as \`openssl pkey -pubout\` writes it, or a JWK). The key id is the key's
RFC 7638 thumbprint unless --kid is given. Refused once a registry administrator exists.
Exit: 0 registered, 1 refused, 2 usage or settings, 4 database unreachable or held by a running gateway.`;

function parse(argv: string[]): Record<string, string> | null {
  const known = ['id', 'party', 'public-key', 'kid', 'display-name'];
  const given: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!.replace(/^--/, '');
    if (!argv[i]!.startsWith('--') || !known.includes(name) || argv[i + 1] === undefined) return null;
    given[name] = argv[i + 1]!;
  }
  return given.id && given.party && given['public-key'] ? given : null;
}

class Refusal extends Error {}

const argv = process.argv.slice(2);
if (argv.some((a) => a === '--help' || a === '-h')) {
  console.log(usage);
  process.exit(0);
}
const args = parse(argv);
if (!args) {
  console.error(usage);
  process.exit(2);
}
const refuse = (line: string): never => {
  console.error(`clients-bootstrap: ${line}`);
  process.exit(1);
};
if (sandboxClients.some((c) => c.id === args.id))
  refuse(
    `"${args.id}" is a sandbox client's id, which a production start refuses: choose another, e.g. ${args.party}-registry-admin`,
  );

const config = loadConfigOrExit();
let publicJwk;
try {
  publicJwk = await readPublicKey(args['public-key']!, args.kid);
} catch (error) {
  if (error instanceof KeyFileError) refuse(error.message);
  throw error;
}

lockEmbeddedOrExit(config, 'clients-bootstrap');
const db = connect(config);
let code = 0;
try {
  await withoutKnexWarnings(db, () => migrate(db));
  const commands = createClientCommands({ db, audit: createAuditAppender(db), changed: () => undefined });
  const admins = (await commands.list()).filter((c) => c.roles.includes('registry-admin') && c.status === 'active');
  if (admins.length > 0) {
    throw new Refusal(
      `this gateway already has ${admins.length === 1 ? 'a registry administrator' : `${admins.length} registry administrators`} (${admins.map((a) => a.id).join(', ')}): register further clients through the API as one of them (POST /v1/clients)`,
    );
  }
  const who = `clients-bootstrap (${os.userInfo().username}@${os.hostname()})`;
  await commands.register(
    { clientId: who },
    {
      id: args.id!,
      party: args.party!,
      displayName: args['display-name'] ?? 'Registry administrator (bootstrap)',
      roles: ['registry-admin'],
      jwks: { keys: [publicJwk!] },
      reason: 'the first registry administrator, registered with the bootstrap command',
    },
  );
  console.log(`Registered "${args.id}" (party ${args.party}, role registry-admin) with key ${publicJwk!.kid} (${publicJwk!.alg}); the audit log records it.

Next:
  1. Sign a token with the private key you kept (it never comes to the gateway):
       TOKEN=$(npm run --silent token -- ${args.id} --key <private key file>)
     or with any JWT library: alg ${publicJwk!.alg}, kid "${publicJwk!.kid}", iss and sub "${args.id}", aud "${config.audience}",
     iat and exp, at most ${config.tokenMaxAgeSeconds} s old.
  2. Register each partner's system with its public keys (inline JWKS or its jwks_uri):
       curl -X POST ${config.publicUrl}/v1/clients -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @partner.json
  3. Rotate, revoke, suspend: README.md, "Running it for real: onboarding a partner".`);
} catch (error) {
  if (error instanceof GatewayError || error instanceof Refusal) {
    console.error(`clients-bootstrap: ${error instanceof GatewayError ? error.detail : error.message}`);
    code = 1;
  } else {
    const failure = whyNotStarted(config, error);
    if (!failure) throw error;
    console.error(failure.message.replace(/^The gateway/, 'clients-bootstrap'));
    code = failure.exitCode;
  }
} finally {
  await db.destroy();
}
process.exit(code);
