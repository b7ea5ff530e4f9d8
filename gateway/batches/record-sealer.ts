// A batch's record inputs and results are personal data kept at rest: sealed with AES-256-GCM under a key derived
// from the audit key (as audit/sealed-facts.ts does for decision facts), with a label of their own, so a batch
// text can never be opened as decision facts or the other way round.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface RecordSealer {
  seal(value: unknown): string;
  open(sealed: string): unknown;
}

export function createRecordSealer(auditKey: Buffer): RecordSealer {
  const key = Buffer.from(hkdfSync('sha256', auditKey, Buffer.alloc(0), 'data-sharing-gateway batch records v1', 32));
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(text) {
      const [, iv, body] = text.split('.');
      const bytes = Buffer.from(body!, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64url'));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return JSON.parse(
        Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8'),
      );
    },
  };
}
