// A verifier of the audit log's exports and receipts written from audit/CHAIN.md alone, to show the document is
// enough: it imports nothing from audit/ or gateway/, only node:crypto. Each function names the CHAIN.md section
// it follows. It answers with the first thing that does not verify, or ok.
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';

export interface Jwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg?: string;
  use?: string;
}
export interface Jwks {
  keys: Jwk[];
}
export interface Entry {
  seq: number;
  id: string;
  recordedAt: string;
  kind: string;
  body: unknown;
  prevHash: string;
  hash: string;
}
export type Verdict = { ok: true; checked: number } | { ok: false; seq: number | null; problem: string };

const genesis = '0'.repeat(64);
const hex64 = /^[0-9a-f]{64}$/;
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

// §2 Canonical JSON.
function canonicalString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    ) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16)}`;
    else out += s[i];
  }
  return `${out}"`;
}

export function canonical(value: unknown): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return canonicalString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('no canonical form for a non-finite number');
    return String(value); // ECMAScript Number::toString; -0 gives "0"
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    // Default sort compares UTF-16 code units, as §2 asks.
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${canonicalString(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  throw new Error(`no canonical form for a ${typeof value}`);
}

// §4 Entry hash.
export function entryHash(e: Omit<Entry, 'hash'>): string {
  const preimage = canonical({
    seq: e.seq,
    id: e.id,
    recordedAt: e.recordedAt,
    kind: e.kind,
    body: e.body,
    prevHash: e.prevHash,
  });
  return sha256(Buffer.from(preimage, 'utf8')).toString('hex');
}

// §6 Merkle tree (RFC 6962 / RFC 9162).
export const leafHash = (entryHashHex: string) =>
  sha256(Buffer.concat([Buffer.from([0]), Buffer.from(entryHashHex, 'hex')]));
const nodeHash = (l: Buffer, r: Buffer) => sha256(Buffer.concat([Buffer.from([1]), l, r]));

export function merkleRoot(entryHashes: string[]): string {
  const mth = (leaves: Buffer[]): Buffer => {
    if (leaves.length === 0) return sha256(Buffer.alloc(0));
    if (leaves.length === 1) return leaves[0]!;
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
  };
  return mth(entryHashes.map(leafHash)).toString('hex');
}

export function inclusionHolds(
  entryHashHex: string,
  leafIndex: number,
  treeSize: number,
  proof: unknown,
  rootHex: string,
): boolean {
  if (!hex64.test(entryHashHex) || !Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (
    leafIndex < 0 ||
    leafIndex >= treeSize ||
    !Array.isArray(proof) ||
    !proof.every((p) => typeof p === 'string' && hex64.test(p))
  )
    return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash(entryHashHex);
  for (const p of proof as string[]) {
    if (sn === 0) return false;
    const sibling = Buffer.from(p, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.toString('hex') === rootHex;
}

// §7 Keys: kid is the RFC 7638 thumbprint.
export function thumbprint(jwk: Pick<Jwk, 'x'>): string {
  return sha256(`{"crv":"Ed25519","kty":"OKP","x":"${jwk.x}"}`).toString('base64url');
}

/** §8 A compact JWS signed with EdDSA (Ed25519) by a key of the set, with the given typ: its payload text, or why not. */
export function verifyJws(
  jws: unknown,
  jwks: Jwks,
  typ: string,
): { ok: true; payload: string; kid: string } | { ok: false; problem: string } {
  if (typeof jws !== 'string') return { ok: false, problem: 'not a JWS' };
  const parts = jws.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p)))
    return { ok: false, problem: 'not a compact JWS' };
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'its header is not JSON' };
  }
  if (header.alg !== 'EdDSA' || header.typ !== typ || typeof header.kid !== 'string')
    return { ok: false, problem: 'wrong alg, typ or kid' };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) return { ok: false, problem: `key ${header.kid} is not in the key set` };
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || thumbprint(jwk) !== jwk.kid)
    return { ok: false, problem: 'the key is not an Ed25519 key named by its thumbprint' };
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  if (!verifySignature(null, signed, key, Buffer.from(parts[2]!, 'base64url')))
    return { ok: false, problem: 'the signature does not verify' };
  return { ok: true, payload: Buffer.from(parts[1]!, 'base64url').toString('utf8'), kid: header.kid };
}

export interface Checkpoint {
  size: number;
  headHash: string;
  rootHash: string;
  time: string;
}

/** §8 A signed checkpoint's payload, checked. */
export function readCheckpoint(
  jws: unknown,
  jwks: Jwks,
): { ok: true; checkpoint: Checkpoint; kid: string } | { ok: false; problem: string } {
  const v = verifyJws(jws, jwks, 'audit-checkpoint+jws');
  if (!v.ok) return v;
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(v.payload);
  } catch {
    return { ok: false, problem: 'the payload is not JSON' };
  }
  if (canonical(p) !== v.payload) return { ok: false, problem: 'the payload is not canonical JSON' };
  const { size, headHash, rootHash, time } = p;
  if (
    Object.keys(p).length !== 4 ||
    !Number.isSafeInteger(size) ||
    (size as number) < 1 ||
    typeof headHash !== 'string' ||
    !hex64.test(headHash) ||
    typeof rootHash !== 'string' ||
    !hex64.test(rootHash) ||
    typeof time !== 'string' ||
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(time)
  ) {
    return { ok: false, problem: 'the payload is not { headHash, rootHash, size, time }' };
  }
  return { ok: true, checkpoint: { size: size as number, headHash, rootHash, time }, kid: v.kid };
}

const wellFormed = (e: Entry) =>
  Number.isSafeInteger(e.seq) &&
  e.seq >= 1 &&
  typeof e.id === 'string' &&
  typeof e.kind === 'string' &&
  typeof e.recordedAt === 'string' &&
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(e.recordedAt) &&
  typeof e.prevHash === 'string' &&
  hex64.test(e.prevHash) &&
  typeof e.hash === 'string' &&
  hex64.test(e.hash) &&
  typeof e.body === 'object' &&
  e.body !== null &&
  !Array.isArray(e.body);

/** §9 Receipts. */
export function verifyReceipt(
  receipt: {
    auditId: string;
    entry: Entry;
    checkpoint: { jws: string };
    inclusionProof: { leafIndex: number; treeSize: number; hashes: string[] };
  },
  jwks: Jwks,
): Verdict {
  const { entry, inclusionProof: proof } = receipt;
  const bad = (problem: string): Verdict => ({ ok: false, seq: entry?.seq ?? null, problem });
  if (!entry || !proof || !receipt.checkpoint) return bad('not a receipt');
  if (receipt.auditId !== entry.id) return bad('the entry is not the one the receipt is for');
  if (!wellFormed(entry)) return bad('the entry is malformed');
  if (entryHash(entry) !== entry.hash) return bad('the entry does not give its hash');
  const cp = readCheckpoint(receipt.checkpoint.jws, jwks);
  if (!cp.ok) return bad(`checkpoint: ${cp.problem}`);
  if (proof.leafIndex !== entry.seq - 1 || proof.treeSize !== cp.checkpoint.size)
    return bad('the proof is not for this entry in the signed tree');
  if (!inclusionHolds(entry.hash, proof.leafIndex, proof.treeSize, proof.hashes, cp.checkpoint.rootHash))
    return bad('the inclusion proof does not reach the signed root');
  if (cp.checkpoint.size === entry.seq && cp.checkpoint.headHash !== entry.hash)
    return bad('the checkpoint head is not this entry');
  return { ok: true, checked: 1 };
}

/** §10 CSV records: RFC 4180 fields, no line breaks inside. */
export function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const field = line.slice(i, comma < 0 ? line.length : comma);
      if (field.includes('"')) return null;
      fields.push(field);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

const csvColumns = 'seq,id,recordedAt,kind,prevHash,hash,body';

function entryOfLine(line: string, format: 'jsonl' | 'csv'): Entry | null {
  try {
    if (format === 'jsonl') {
      const e = JSON.parse(line) as Entry;
      if (
        typeof e !== 'object' ||
        e === null ||
        Object.keys(e).sort().join(',') !== 'body,hash,id,kind,prevHash,recordedAt,seq'
      )
        return null;
      return e;
    }
    const f = csvFields(line);
    if (!f || f.length !== 7 || !/^[1-9][0-9]*$/.test(f[0]!)) return null;
    return {
      seq: Number(f[0]),
      id: f[1]!,
      recordedAt: f[2]!,
      kind: f[3]!,
      prevHash: f[4]!,
      hash: f[5]!,
      body: JSON.parse(f[6]!),
    };
  } catch {
    return null;
  }
}

const manifestFields = [
  'checkpoint',
  'count',
  'entries',
  'firstHash',
  'firstPrevHash',
  'firstSeq',
  'format',
  'from',
  'generatedAt',
  'inclusionProof',
  'lastHash',
  'lastSeq',
  'to',
];

/** §10 An export file, as the text the gateway served, against a JWKS you trust. */
export function verifyExport(text: string, jwks: Jwks): Verdict {
  let checked = 0;
  const bad = (seq: number | null, problem: string): Verdict => ({ ok: false, seq, problem });
  if (!text.endsWith('\n')) return bad(null, 'the file does not end with a line feed');
  const lines = text.slice(0, -1).split('\n');
  const format = lines[0]!.startsWith('# ') ? 'csv' : 'jsonl';
  let outer: { manifest?: Record<string, unknown> };
  try {
    outer = JSON.parse(format === 'csv' ? lines[0]!.slice(2) : lines[0]!);
  } catch {
    return bad(null, 'the first line is not the manifest');
  }
  const line = outer?.manifest;
  if (!line || typeof line !== 'object') return bad(null, 'the first line is not the manifest');
  const signed = verifyJws(line.signature, jwks, 'audit-export-manifest+jws');
  if (!signed.ok) return bad(null, `manifest: ${signed.problem}`);
  const { keys: _embedded, signature: _signature, ...copy } = line;
  if (canonical(copy) !== signed.payload) return bad(null, 'the manifest line is not what was signed');
  const m = JSON.parse(signed.payload) as Record<string, any>;
  if (
    Object.keys(m).sort().join(',') !== manifestFields.join(',') ||
    m.format !== 'audit-export/1' ||
    m.entries !== format
  )
    return bad(null, 'not an audit-export/1 manifest of this format');
  let body = lines.slice(1);
  if (format === 'csv') {
    if (body[0] !== csvColumns) return bad(null, 'the CSV header is not the expected one');
    body = body.slice(1);
  }
  let expectedSeq: number = m.firstSeq ?? 1;
  let prevHash: string = m.firstSeq === 1 ? genesis : m.firstPrevHash;
  let last: Entry | null = null;
  for (const text of body) {
    const e = entryOfLine(text, format);
    if (!e || !wellFormed(e)) return bad(expectedSeq, 'a line cannot be read as an entry');
    if (e.seq !== expectedSeq) return bad(expectedSeq, `entry ${e.seq} is where entry ${expectedSeq} should be`);
    if (e.prevHash !== prevHash) return bad(expectedSeq, 'the entry does not link to the one before');
    if (entryHash(e) !== e.hash) return bad(expectedSeq, 'the entry does not give its hash');
    if (checked === 0 && e.hash !== m.firstHash)
      return bad(expectedSeq, 'the first entry is not the one the manifest names');
    checked += 1;
    last = e;
    prevHash = e.hash;
    expectedSeq += 1;
  }
  if (checked !== m.count)
    return bad(expectedSeq, `the manifest counts ${m.count} entries and the file holds ${checked}`);
  if (checked === 0)
    return m.firstSeq === null && m.checkpoint === null
      ? { ok: true, checked }
      : bad(null, 'an empty export names entries');
  if (last!.seq !== m.lastSeq || last!.hash !== m.lastHash)
    return bad(last!.seq, 'the last entry is not the one the manifest names');
  const cp = readCheckpoint(m.checkpoint?.jws, jwks);
  if (!cp.ok) return bad(m.lastSeq, `checkpoint: ${cp.problem}`);
  const proof = m.inclusionProof;
  if (
    !proof ||
    proof.leafIndex !== m.lastSeq - 1 ||
    proof.treeSize !== cp.checkpoint.size ||
    !inclusionHolds(m.lastHash, proof.leafIndex, proof.treeSize, proof.hashes, cp.checkpoint.rootHash)
  ) {
    return bad(m.lastSeq, 'the inclusion proof does not tie the last entry to the signed checkpoint');
  }
  if (cp.checkpoint.size === m.lastSeq && cp.checkpoint.headHash !== m.lastHash)
    return bad(m.lastSeq, 'the checkpoint head is not the last entry');
  return { ok: true, checked };
}

// §6 Consistency proofs (RFC 9162 §2.1.4.2), as CHAIN.md spells the steps out.
export function consistencyHolds(
  first: number,
  second: number,
  proof: unknown,
  firstRoot: string,
  secondRoot: string,
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second) return false;
  if (!Array.isArray(proof) || !proof.every((p) => typeof p === 'string' && hex64.test(p))) return false;
  if (first === second) return proof.length === 0 && firstRoot === secondRoot;
  if (proof.length === 0) return false;
  const path = (proof as string[]).map((p) => Buffer.from(p, 'hex'));
  if ((first & (first - 1)) === 0) path.unshift(Buffer.from(firstRoot, 'hex'));
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.toString('hex') === firstRoot && sr.toString('hex') === secondRoot;
}

// §8a Checkpoints as signed notes, and witnesses' cosignatures.
const noteKeyId = (name: string, type: number, publicKey: Buffer) =>
  sha256(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([type]), publicKey])).subarray(0, 4);
const ed25519 = (raw: Buffer) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });

export interface NoteCheckpoint {
  origin: string;
  size: number;
  rootHash: string;
  text: string;
  lines: { name: string; bytes: Buffer }[];
}

/** Reads a signed-note checkpoint and checks the log's signature with a key of the set: its contents, or why not. */
export function readNoteCheckpoint(
  note: string,
  jwks: Jwks,
): { ok: true; checkpoint: NoteCheckpoint } | { ok: false; problem: string } {
  const split = note.lastIndexOf('\n\n');
  if (!note.endsWith('\n') || split < 0) return { ok: false, problem: 'not a signed note' };
  const text = note.slice(0, split + 1);
  const lines = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
      return m ? { name: m[1]!, bytes: Buffer.from(m[2]!, 'base64') } : null;
    });
  if (lines.some((l) => l === null)) return { ok: false, problem: 'a signature line is malformed' };
  const m = /^([^\s+]+)\n(0|[1-9][0-9]*)\n([A-Za-z0-9+/]{43}=)\n$/.exec(text);
  if (!m) return { ok: false, problem: 'the text is not origin, size, base64 root' };
  const [origin, size, root] = [m[1]!, Number(m[2]), Buffer.from(m[3]!, 'base64')];
  const signed = jwks.keys.some((k) => {
    const publicKey = Buffer.from(k.x, 'base64url');
    const id = noteKeyId(origin, 0x01, publicKey);
    return lines.some(
      (l) =>
        l!.name === origin &&
        l!.bytes.length === 68 &&
        l!.bytes.subarray(0, 4).equals(id) &&
        verifySignature(null, Buffer.from(text), ed25519(publicKey), l!.bytes.subarray(4)),
    );
  });
  if (!signed) return { ok: false, problem: 'no signature by a key of the set under the origin' };
  return {
    ok: true,
    checkpoint: {
      origin,
      size,
      rootHash: root.toString('hex'),
      text,
      lines: lines as { name: string; bytes: Buffer }[],
    },
  };
}

/** The time (POSIX seconds) of a witness's good tlog-cosignature/v1 on this checkpoint, or null. */
export function cosignedAt(checkpoint: NoteCheckpoint, witnessName: string, witnessKey: Buffer): number | null {
  const id = noteKeyId(witnessName, 0x04, witnessKey);
  for (const line of checkpoint.lines) {
    if (line.name !== witnessName || line.bytes.length !== 76 || !line.bytes.subarray(0, 4).equals(id)) continue;
    const time = line.bytes.readBigUInt64BE(4);
    const message = `cosignature/v1\ntime ${time}\n${checkpoint.text}`;
    if (verifySignature(null, Buffer.from(message), ed25519(witnessKey), line.bytes.subarray(12))) return Number(time);
  }
  return null;
}
