// The Ed25519 keys that sign checkpoints. Each key is named by its RFC 7638 thumbprint (its `kid`); the newest key
// signs, and every key ever used stays in the published JWKS so that old checkpoints and receipts still verify.
// Private keys live in files under the data directory (like the subject HMAC key) or, in tests, in memory.
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  createdAt: string;
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}
export interface Jwks {
  keys: PublicJwk[];
}

/** A key as it is kept at rest. */
export interface StoredKey {
  kid: string;
  createdAt: string;
  privateJwk: JWK;
}

export interface AuditKeyRing {
  /** The key new checkpoints are signed with: the newest one; made on first use when there is none. */
  active(): Promise<SigningKey>;
  /** Every public key, oldest first, as published at /.well-known/audit-keys.json. */
  jwks(): Promise<Jwks>;
  /** Makes a new key the active one; the old ones stay published. */
  rotate(): Promise<SigningKey>;
}

export async function generateStoredKey(now: Date = new Date()): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: privateJwk.x! });
  return { kid, createdAt: now.toISOString(), privateJwk };
}

function publicJwkOf(stored: StoredKey): PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x: stored.privateJwk.x!, kid: stored.kid, alg: 'EdDSA', use: 'sig' };
}

async function toSigningKey(stored: StoredKey): Promise<SigningKey> {
  const privateKey = (await importJWK({ ...stored.privateJwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  return { kid: stored.kid, createdAt: stored.createdAt, privateKey, publicJwk: publicJwkOf(stored) };
}

/** Keys held in memory, for tests and tools; starts with the keys given (or one new key). */
export function memoryKeyRing(initial: StoredKey[] = []): AuditKeyRing {
  const keys = [...initial];
  const ensure = async () => {
    if (keys.length === 0) keys.push(await generateStoredKey());
  };
  return {
    async active() {
      await ensure();
      return toSigningKey(keys[keys.length - 1]!);
    },
    async jwks() {
      await ensure();
      return { keys: keys.map(publicJwkOf) };
    },
    async rotate() {
      keys.push(await generateStoredKey());
      return toSigningKey(keys[keys.length - 1]!);
    },
  };
}

/**
 * Keys kept as files `<created>_<kid>.jwk` (mode 0600) in `dir`. Every gateway process that signs must see the same
 * directory. The directory is read on each use, so a key rotated by `npm run audit -- rotate-key` takes effect
 * at the next checkpoint without a restart.
 */
export function fileKeyRing(dir: string, options: { create?: boolean } = {}): AuditKeyRing {
  /** A production gateway never makes its own key (gateway/production-keys.ts); only rotate-key does, on purpose. */
  const create = options.create ?? true;
  const cache = new Map<string, SigningKey>();

  function storedKeys(): StoredKey[] {
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.jwk'))
      .sort()
      .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as StoredKey);
  }

  async function write(stored: StoredKey): Promise<void> {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = `${stored.createdAt.replace(/[:.]/g, '-')}_${stored.kid}.jwk`;
    // Written aside then linked into place, so another process never reads half a key, and two processes
    // making the first key at once both end up using the same directory listing.
    const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
    try {
      fs.linkSync(temporary, path.join(dir, name));
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  async function newest(): Promise<SigningKey> {
    let keys = storedKeys();
    if (keys.length === 0) {
      if (!create)
        throw new Error(`there is no checkpoint signing key in ${dir}: make one with \`npm run audit -- rotate-key\``);
      await write(await generateStoredKey());
      keys = storedKeys();
    }
    const stored = keys[keys.length - 1]!;
    let key = cache.get(stored.kid);
    if (!key) {
      key = await toSigningKey(stored);
      cache.set(stored.kid, key);
    }
    return key;
  }

  return {
    active: newest,
    async jwks() {
      if (storedKeys().length === 0 && create) await newest();
      return { keys: storedKeys().map(publicJwkOf) };
    },
    async rotate() {
      await write(await generateStoredKey());
      return newest();
    },
  };
}
