// Checkpoints as C2SP signed notes, so that existing transparency-log tools (witnesses, monitors) can read them:
//   c2sp.org/signed-note@v1.0.0       the note: text, a blank line, lines "— <name> base64(keyID ‖ signature)"
//   c2sp.org/tlog-checkpoint@v1.0.0   the text: origin, tree size, base64 root hash, each ending in a newline
//   c2sp.org/tlog-cosignature@v1.0.0  a witness's Ed25519 cosignature: keyID ‖ u64 timestamp ‖ signature over
//                                     "cosignature/v1\ntime <t>\n" followed by the checkpoint text
// Key IDs are SHA-256(name ‖ 0x0A ‖ type ‖ 32-byte public key)[:4], type 0x01 for the log's Ed25519 signature and
// 0x04 for a cosignature. checkpoint-note.test.ts checks this against golang.org/x/mod/sumdb/note's example.
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

export const signatureType = { ed25519: 0x01, cosignature: 0x04 } as const;
const emDash = '\u2014';

export interface CheckpointText {
  origin: string;
  size: number;
  rootHash: string;
}
export interface SignatureLine {
  name: string;
  keyId: Buffer;
  signature: Buffer;
}

/** Origins and key names: non-empty, no Unicode space, no plus (signed-note). */
export const validName = (name: string) => name.length > 0 && !/[\s+]/u.test(name);

export function keyId(name: string, type: number, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), publicKey]))
    .digest()
    .subarray(0, 4);
}

/** The checkpoint's note text (tlog-checkpoint): origin, size, root, each line ending in a newline. */
export function checkpointText({ origin, size, rootHash }: CheckpointText): string {
  return `${origin}\n${size}\n${Buffer.from(rootHash, 'hex').toString('base64')}\n`;
}

export function parseCheckpointText(text: string): CheckpointText | null {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') return null;
  const [origin, size, root] = lines as [string, string, string];
  if (!validName(origin) || !/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) return null;
  const rootBytes = Buffer.from(root, 'base64');
  if (rootBytes.length !== 32 || rootBytes.toString('base64') !== root) return null;
  return { origin, size: Number(size), rootHash: rootBytes.toString('hex') };
}

export const signatureLine = (line: SignatureLine) =>
  `${emDash} ${line.name} ${Buffer.concat([line.keyId, line.signature]).toString('base64')}\n`;

/** Splits a note at its last blank line into text and signature lines; null when it is not a signed note. */
export function parseNote(note: string): { text: string; signatures: SignatureLine[] } | null {
  // eslint-disable-next-line no-control-regex -- a note may hold no control character but the newline
  if (!note.endsWith('\n') || /[\u0000-\u0009\u000b-\u001f]/.test(note)) return null;
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return null;
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signatures: SignatureLine[] = [];
  for (const line of lines) {
    const parsed = parseSignatureLine(line);
    if (!parsed) return null;
    signatures.push(parsed);
  }
  return signatures.length > 0 ? { text, signatures } : null;
}

export function parseSignatureLine(line: string): SignatureLine | null {
  const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})\n?$/u.exec(line);
  if (!match || !validName(match[1]!)) return null;
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length < 5 || bytes.toString('base64') !== match[2]) return null;
  return { name: match[1]!, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
}

/** An Ed25519 public key from its 32 raw bytes. */
export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** An Ed25519 private key from its 32-byte seed. */
export function ed25519PrivateKey(seed: Buffer): KeyObject {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

export const rawPublicKey = (key: KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');

/** The log's own signature line (type 0x01) over a note text. */
export function signNoteText(text: string, name: string, privateKey: KeyObject): string {
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return signatureLine({ name, keyId: keyId(name, signatureType.ed25519, rawPublicKey(privateKey)), signature });
}

/** Whether one of the note's lines is a good type-0x01 signature by this key under this name. */
export function noteSignedBy(
  note: { text: string; signatures: SignatureLine[] },
  name: string,
  publicKey: Buffer,
): boolean {
  const id = keyId(name, signatureType.ed25519, publicKey);
  return note.signatures.some(
    (s) =>
      s.name === name &&
      s.keyId.equals(id) &&
      s.signature.length === 64 &&
      verify(null, Buffer.from(note.text, 'utf8'), ed25519PublicKey(publicKey), s.signature),
  );
}

/** What a witness signs (tlog-cosignature, Ed25519): two header lines, then the checkpoint's note text. */
export const cosignedMessage = (text: string, timestamp: number) => `cosignature/v1\ntime ${timestamp}\n${text}`;

export function cosign(text: string, name: string, privateKey: KeyObject, timestamp: number): string {
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, Buffer.from(cosignedMessage(text, timestamp), 'utf8'), privateKey);
  return signatureLine({
    name,
    keyId: keyId(name, signatureType.cosignature, rawPublicKey(privateKey)),
    signature: Buffer.concat([stamp, signature]),
  });
}

/** The cosignature's time (POSIX seconds) if the line is a good cosignature of `text` by this witness, else null. */
export function readCosignature(line: SignatureLine, text: string, name: string, publicKey: Buffer): number | null {
  if (
    line.name !== name ||
    !line.keyId.equals(keyId(name, signatureType.cosignature, publicKey)) ||
    line.signature.length !== 72
  )
    return null;
  const timestamp = line.signature.readBigUInt64BE(0);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const ok = verify(
    null,
    Buffer.from(cosignedMessage(text, Number(timestamp)), 'utf8'),
    ed25519PublicKey(publicKey),
    line.signature.subarray(8),
  );
  return ok ? Number(timestamp) : null;
}

/** A verifier key (signed-note "vkey"): <name>+<hex key ID>+base64(type ‖ public key). */
export function verifierKey(name: string, type: number, publicKey: Buffer): string {
  return `${name}+${keyId(name, type, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`;
}

export function parseVerifierKey(vkey: string): { name: string; type: number; publicKey: Buffer } | null {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(vkey);
  if (!match) return null;
  const bytes = Buffer.from(match[3]!, 'base64');
  if (bytes.length !== 33 || bytes.toString('base64') !== match[3]) return null;
  const [name, type, publicKey] = [match[1]!, bytes[0]!, bytes.subarray(1)];
  return keyId(name, type, publicKey).toString('hex') === match[2] ? { name, type, publicKey } : null;
}
