// The signed-note bytes are the C2SP ones: checked against the example of the Go reference implementation
// (golang.org/x/mod/sumdb/note, its package documentation), whose Ed25519 signature is deterministic.
import { describe, expect, it } from 'vitest';
import {
  checkpointText,
  cosign,
  ed25519PrivateKey,
  noteSignedBy,
  parseCheckpointText,
  parseNote,
  parseSignatureLine,
  parseVerifierKey,
  rawPublicKey,
  readCosignature,
  signNoteText,
  signatureType,
  verifierKey,
} from './checkpoint-note.ts';

const referenceSigner = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const referenceVerifier = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const referenceText =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const referenceSignature =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('checkpoints as C2SP signed notes', () => {
  const seed = Buffer.from(referenceSigner.slice('PRIVATE+KEY+PeterNeumann+c74f20a3+'.length), 'base64').subarray(1);
  const key = ed25519PrivateKey(seed);

  it('signs the reference note byte for byte, with the reference key ID', () => {
    expect(signNoteText(referenceText, 'PeterNeumann', key)).toBe(referenceSignature);
    expect(verifierKey('PeterNeumann', signatureType.ed25519, rawPublicKey(key))).toBe(referenceVerifier);
    expect(parseVerifierKey(referenceVerifier)).toMatchObject({ name: 'PeterNeumann', type: 1 });
  });

  it('reads the reference note and accepts only the right key under the right name', () => {
    const note = parseNote(`${referenceText}\n${referenceSignature}`)!;
    expect(note.text).toBe(referenceText);
    expect(noteSignedBy(note, 'PeterNeumann', rawPublicKey(key))).toBe(true);
    expect(noteSignedBy(note, 'PeterNeumann2', rawPublicKey(key))).toBe(false);
    expect(
      noteSignedBy({ ...note, text: referenceText.replace('answer', 'question') }, 'PeterNeumann', rawPublicKey(key)),
    ).toBe(false);
  });

  it('writes the checkpoint text as origin, size and base64 root, and reads it back', () => {
    const text = checkpointText({
      origin: 'example.gov.uk/audit',
      size: 3,
      rootHash: 'b0fedebdbf4d0c03c7608d8763b6472cadfc3fd8800bb9c70eadb332e94c39be',
    });
    expect(text).toBe('example.gov.uk/audit\n3\nsP7evb9NDAPHYI2HY7ZHLK38P9iAC7nHDq2zMulMOb4=\n');
    expect(parseCheckpointText(text)).toEqual({
      origin: 'example.gov.uk/audit',
      size: 3,
      rootHash: 'b0fedebdbf4d0c03c7608d8763b6472cadfc3fd8800bb9c70eadb332e94c39be',
    });
    expect(parseCheckpointText('example.gov.uk/audit\n03\nsP7evb9NDAPHYI2HY7ZHLK38P9iAC7nHDq2zMulMOb4=\n')).toBeNull();
  });

  it('cosigns with a timestamp (tlog-cosignature v1) that only the same text verifies', () => {
    const text = checkpointText({
      origin: 'example.gov.uk/audit',
      size: 3,
      rootHash: 'b0fedebdbf4d0c03c7608d8763b6472cadfc3fd8800bb9c70eadb332e94c39be',
    });
    const line = parseSignatureLine(cosign(text, 'ico.example/witness', key, 1_765_000_000))!;
    expect(line.signature.length).toBe(72);
    expect(readCosignature(line, text, 'ico.example/witness', rawPublicKey(key))).toBe(1_765_000_000);
    expect(readCosignature(line, text.replace('\n3\n', '\n4\n'), 'ico.example/witness', rawPublicKey(key))).toBeNull();
    expect(readCosignature(line, text, 'another.example/witness', rawPublicKey(key))).toBeNull();
  });
});
