// The facts a decision was made from, sealed into its audit entry so that it can be replayed: what the request
// carried and what the records said of the person are personal data, so they are kept only encrypted (AES-256-GCM,
// a key derived from the audit key), never in clear. The hash chain covers the sealed text, so it cannot be swapped.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface FactSealer {
  seal(facts: unknown): string;
  /** The facts, or null when the text was not sealed by this key (or was altered). */
  open(sealed: string): unknown;
}

const version = 'v1';

export function createFactSealer(auditKey: Buffer): FactSealer {
  const key = Buffer.from(hkdfSync('sha256', auditKey, Buffer.alloc(0), 'data-sharing-gateway decision facts v1', 32));
  return {
    seal(facts) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify(facts), 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${version}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(text) {
      const [v, iv, body] = text.split('.');
      if (v !== version || !iv || !body) return null;
      try {
        const bytes = Buffer.from(body, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        return JSON.parse(
          Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8'),
        );
      } catch {
        return null;
      }
    },
  };
}
