// Sandbox clients, one per party role a newcomer needs, with keys made at a sandbox's first start
// (sandbox/start.ts). Private keys are written under the data directory so `npm run token` can sign for them;
// public keys go to the database. A production start enrols none and refuses a database that holds them.
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Client, ClientStore } from './client-store.ts';

export const sandboxClients: Client[] = [
  {
    id: 'ie-removals-casework',
    party: 'home-office-ie',
    displayName: 'Immigration Enforcement, Removals Casework',
    roles: ['partner'],
  },
  {
    id: 'dfe-pupil-data',
    party: 'dfe',
    displayName: 'DfE pupil data team (and the free-school-meals ECS)',
    roles: ['partner'],
  },
  {
    id: 'ho-status-sharing',
    party: 'home-office',
    displayName: 'Home Office status sharing (proactive notifications, NHS Digital tracing, banks)',
    roles: ['partner'],
  },
  {
    id: 'ukvi-casework',
    party: 'home-office-ukvi',
    displayName: 'UK Visas and Immigration casework',
    roles: ['partner'],
  },
  { id: 'dwp-benefits', party: 'dwp', displayName: 'DWP benefit eligibility', roles: ['partner'] },
  { id: 'hmrc-benefits', party: 'hmrc', displayName: 'HMRC child benefit and tax credits', roles: ['partner'] },
  {
    id: 'lea-admissions',
    party: 'local-education-authorities',
    displayName: 'A local education authority admissions team',
    roles: ['partner'],
  },
  {
    id: 'guys-ovm',
    party: 'nhs-trust-guys-st-thomas',
    displayName: "Guy's and St Thomas' Overseas Visitors Manager",
    roles: ['partner'],
  },
  {
    id: 'wealdbridge-ovm',
    party: 'nhs-trust-wealdbridge',
    displayName: 'Wealdbridge NHS Trust Overseas Visitors Manager (no signed MoU)',
    roles: ['partner'],
  },
  {
    id: 'registry-admin',
    party: 'home-office',
    displayName: 'Home Office register administrator',
    roles: ['registry-admin'],
  },
  { id: 'sro', party: 'home-office', displayName: 'Senior Responsible Officer for collaborations', roles: ['sro'] },
  { id: 'dpo', party: 'home-office', displayName: 'Home Office Data Protection Officer', roles: ['dpo'] },
];

export const keysDir = (dataDir: string) => path.join(dataDir, 'client-keys');

export interface SigningKey {
  clientId: string;
  kid: string;
  privateJwk: JWK;
}

/** Makes a key pair for the client, registers the public half, returns the private half. */
export async function enrolClient(clients: Pick<ClientStore, 'register'>, client: Client): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `${client.id}-${Date.now().toString(36)}`;
  await clients.register(client, {
    kid,
    clientId: client.id,
    alg: 'ES256',
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' },
  });
  return { clientId: client.id, kid, privateJwk: await exportJWK(privateKey) };
}

export function readSigningKey(dataDir: string, clientId: string): SigningKey {
  const file = path.join(keysDir(dataDir), `${clientId}.json`);
  if (!fs.existsSync(file)) {
    const known = fs.existsSync(keysDir(dataDir))
      ? fs.readdirSync(keysDir(dataDir)).map((f) => f.replace(/\.json$/, ''))
      : [];
    throw new Error(
      known.length
        ? `No key for client "${clientId}". Known clients: ${known.join(', ')}`
        : 'No client keys yet: start the gateway once with `npm start`',
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SigningKey;
}

export async function mintToken(key: SigningKey, audience: string, lifetimeSeconds = 300): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(key.clientId)
    .setSubject(key.clientId)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .setJti(crypto.randomUUID())
    .sign(await importJWK(key.privateJwk, 'ES256'));
}
