// Checks an export file with no database: the manifest's signature, every entry's hash and its link to the one
// before, seq without gaps, the counts and end hashes the manifest states, and the inclusion proof that ties the
// last entry (and so, through the chain, every entry) to a signed checkpoint. The algorithm is CHAIN.md's.
import { compactVerify, createLocalJWKSet } from 'jose';
import { canonicalJson } from './canonical.ts';
import { canonicalFromJsonText } from './canonical-text.ts';
import type { ChainRow } from './chain-reader.ts';
import { rowHashes } from './chain-reader.ts';
import { readCheckpoint } from './checkpoint-token.ts';
import { csvHeader, manifestType, type ExportManifest, type SignedManifest } from './export.ts';
import { verifyInclusion } from './merkle.ts';
import type { Jwks } from './signing-keys.ts';
import { diagnose, type GoodLink, type TamperKind } from './tamper-diagnosis.ts';
import { genesisHash } from './types.ts';

export interface ExportCheck {
  ok: boolean;
  checked: number;
  /** Whether the signatures were checked against keys you supplied, or only against the keys the file carries. */
  keys: 'supplied' | 'embedded';
  firstBad?: { seq: number | null; problem: TamperKind | 'manifest' | 'checkpoint' | 'malformed'; detail: string };
}

const lookahead = 64;

/** Splits one CSV record (RFC 4180, no line breaks inside fields). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new SyntaxError('unterminated quoted field');
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
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/** An exported time back in the stored form verification compares ('…HH:MM:SS.ffffff'). */
function storedTime(recordedAt: unknown): string {
  if (typeof recordedAt !== 'string') return '';
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})(\d{3})?Z$/.exec(recordedAt);
  return m ? `${m[1]}${m[2] ?? '000'}` : recordedAt;
}

function rowOf(line: string, format: 'jsonl' | 'csv'): ChainRow {
  if (format === 'csv') {
    const [seq, id, recordedAt, kind, prevHash, hash, body, ...rest] = csvFields(line);
    if (body === undefined || rest.length > 0) throw new SyntaxError('a row must have 7 fields');
    return {
      seq: Number(seq),
      id: id!,
      recordedAtUs: storedTime(recordedAt),
      kind: kind!,
      body: canonicalFromJsonText(body),
      prevHash: prevHash!,
      hash: hash!,
    };
  }
  const e = JSON.parse(line) as Record<string, unknown>;
  return {
    seq: Number(e.seq),
    id: String(e.id),
    recordedAtUs: storedTime(e.recordedAt),
    kind: String(e.kind),
    body: canonicalJson(e.body),
    prevHash: String(e.prevHash),
    hash: String(e.hash),
  };
}

export async function verifyExport(lines: AsyncIterable<string>, suppliedKeys?: Jwks): Promise<ExportCheck> {
  const iterator = lines[Symbol.asyncIterator]();
  const keys = suppliedKeys ? 'supplied' : 'embedded';
  let checked = 0;
  const fail = (
    seq: number | null,
    problem: NonNullable<ExportCheck['firstBad']>['problem'],
    detail: string,
  ): ExportCheck => ({ ok: false, checked, keys, firstBad: { seq, problem, detail } });

  const first = await iterator.next();
  if (first.done) return fail(null, 'malformed', 'the file is empty');
  const format = first.value.startsWith('# ') ? 'csv' : 'jsonl';
  let signed: SignedManifest;
  try {
    signed = (JSON.parse(format === 'csv' ? first.value.slice(2) : first.value) as { manifest: SignedManifest })
      .manifest;
  } catch {
    return fail(null, 'malformed', 'the first line is not the manifest');
  }
  const jwks = suppliedKeys ?? signed.keys;
  const { keys: _embedded, signature, ...manifest } = signed;
  try {
    const verified = await compactVerify(
      signature,
      createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]),
      { algorithms: ['EdDSA'] },
    );
    if (
      verified.protectedHeader.typ !== manifestType ||
      new TextDecoder().decode(verified.payload) !== canonicalJson(manifest as ExportManifest)
    ) {
      return fail(null, 'manifest', 'the manifest is not the one that was signed');
    }
  } catch {
    return fail(null, 'manifest', 'the manifest signature does not verify with the keys given');
  }
  if (manifest.format !== 'audit-export/1' || manifest.entries !== format) {
    return fail(null, 'malformed', `the manifest is not an audit-export/1 manifest of ${format} entries`);
  }
  if (format === 'csv' && (await iterator.next()).value !== csvHeader)
    return fail(null, 'malformed', 'the CSV header is not the expected one');

  // Each row is checked once the rows after it are read, so a failure can be named by looking ahead.
  const window: ChainRow[] = [];
  let expectedSeq = manifest.firstSeq ?? 1;
  let prevHash = manifest.firstSeq === 1 ? genesisHash : (manifest.firstPrevHash ?? genesisHash);
  let last: GoodLink | null = null;
  let ended = false;
  while (!ended || window.length > 0) {
    while (!ended && window.length <= lookahead) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else if (next.value !== '') {
        try {
          window.push(rowOf(next.value, format));
        } catch {
          return fail(
            expectedSeq + window.length,
            'malformed',
            `the line after entry ${expectedSeq + window.length - 1} cannot be read`,
          );
        }
      }
    }
    const row = window.shift();
    if (!row) break;
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || !rowHashes(row)) {
      // Unlike rows in the database, a line moved in the file keeps its seq: the entry due here turning up later
      // means the lines were reordered, not that it was deleted.
      if (row.seq > expectedSeq && window.some((r) => r.seq === expectedSeq)) {
        return fail(expectedSeq, 'reordered', `entry ${expectedSeq} comes after entry ${row.seq} in the file`);
      }
      const finding = diagnose(last, row, expectedSeq, prevHash, window);
      return fail(finding.seq, finding.problem, finding.detail);
    }
    checked += 1;
    last = row;
    prevHash = row.hash;
    expectedSeq += 1;
  }
  if (checked !== manifest.count)
    return fail(expectedSeq, 'deleted', `the manifest says ${manifest.count} entries and the file holds ${checked}`);
  if (checked === 0) return { ok: true, checked, keys };
  if (last!.hash !== manifest.lastHash)
    return fail(last!.seq, 'manifest', 'the last entry is not the one the manifest names');

  if (!manifest.checkpoint || !manifest.inclusionProof)
    return fail(manifest.lastSeq, 'checkpoint', 'no signed checkpoint covers the export');
  const reading = await readCheckpoint(manifest.checkpoint.jws, jwks);
  if (!reading.ok) return fail(manifest.lastSeq, 'checkpoint', `the checkpoint cannot be trusted: ${reading.reason}`);
  const proof = manifest.inclusionProof;
  if (
    proof.leafIndex !== last!.seq - 1 ||
    proof.treeSize !== reading.checkpoint.size ||
    !verifyInclusion(last!.hash, proof.leafIndex, proof.treeSize, proof.hashes, reading.checkpoint.rootHash)
  ) {
    return fail(last!.seq, 'checkpoint', 'the inclusion proof does not tie the last entry to the signed checkpoint');
  }
  return { ok: true, checked, keys };
}
