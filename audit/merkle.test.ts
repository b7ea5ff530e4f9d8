// The Merkle tree is RFC 6962's, so a DPO can check a receipt with any Certificate Transparency library.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MerkleFrontier,
  consistencyProofOfLeaves,
  inclusionProof,
  leafHashOf,
  merkleRoot,
  proofOfLeaves,
  rootOfLeaves,
  verifyConsistency,
  verifyInclusion,
  verifyLeafInclusion,
} from './merkle.ts';

// The reference leaves and tree heads used by the Certificate Transparency implementations.
const referenceLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => leafHashOf(Buffer.from(hex, 'hex')));
const referenceRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('the Merkle tree over the log', () => {
  it('has the RFC 6962 tree head for every reference size', () => {
    for (let n = 0; n <= 8; n++) expect(rootOfLeaves(referenceLeaves.slice(0, n))).toBe(referenceRoots[n]);
  });

  it('accepts the RFC 6962 reference inclusion proof of leaf 0 in the 8-leaf tree', () => {
    const proof = [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ];
    expect(proofOfLeaves(referenceLeaves, 0)).toEqual(proof);
    expect(verifyLeafInclusion(referenceLeaves[0]!, 0, 8, proof, referenceRoots[8]!)).toBe(true);
  });

  const hashes = Array.from({ length: 37 }, () => randomBytes(32).toString('hex'));

  it('grows a frontier whose root is the tree head at every size', () => {
    const frontier = new MerkleFrontier();
    for (let n = 1; n <= hashes.length; n++) {
      frontier.append(hashes[n - 1]!);
      expect(frontier.root()).toBe(merkleRoot(hashes.slice(0, n)));
      const resumed = MerkleFrontier.fromHex(n, frontier.toHex());
      expect(resumed.root()).toBe(frontier.root());
    }
  });

  it('proves every entry in every tree size, and nothing else', () => {
    for (let size = 1; size <= hashes.length; size++) {
      const tree = hashes.slice(0, size);
      const root = merkleRoot(tree);
      for (let i = 0; i < size; i++) {
        const proof = inclusionProof(tree, i);
        expect(verifyInclusion(tree[i]!, i, size, proof, root)).toBe(true);
        if (size > 1) expect(verifyInclusion(tree[(i + 1) % size]!, i, size, proof, root)).toBe(false);
        for (let j = 0; j < proof.length; j++) {
          const bent = proof.map((p, k) => (k === j ? `${p[0] === '0' ? '1' : '0'}${p.slice(1)}` : p));
          expect(verifyInclusion(tree[i]!, i, size, bent, root)).toBe(false);
        }
      }
    }
  });
});

describe('consistency proofs between two sizes of the tree', () => {
  // The reference consistency proofs of the Certificate Transparency implementations, over the same 8 leaves.
  const referenceProofs: [number, number, string[]][] = [
    [1, 1, []],
    [
      1,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      6,
      8,
      [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
    [
      2,
      5,
      [
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
  ];
  for (const [first, second, proof] of referenceProofs) {
    it(`gives and accepts the reference proof from ${first} to ${second}`, () => {
      expect(consistencyProofOfLeaves(referenceLeaves.slice(0, second), first)).toEqual(proof);
      expect(verifyConsistency(first, second, proof, referenceRoots[first]!, referenceRoots[second]!)).toBe(true);
    });
  }

  it('proves every smaller size consistent with every larger one, and refuses a proof bent or a history rewritten', () => {
    const leaves = Array.from({ length: 37 }, () => leafHashOf(randomBytes(32)));
    const rewritten = leaves.map((l, i) => (i === 4 ? leafHashOf(randomBytes(32)) : l));
    for (let second = 1; second <= leaves.length; second++) {
      const root = rootOfLeaves(leaves.slice(0, second));
      for (let first = 1; first <= second; first++) {
        const proof = consistencyProofOfLeaves(leaves.slice(0, second), first);
        expect(proof.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(second)) + 1);
        expect(verifyConsistency(first, second, proof, rootOfLeaves(leaves.slice(0, first)), root)).toBe(true);
        if (first < second) {
          const bent = proof.map((p, k) => (k === 0 ? `${p[0] === '0' ? '1' : '0'}${p.slice(1)}` : p));
          expect(verifyConsistency(first, second, bent, rootOfLeaves(leaves.slice(0, first)), root)).toBe(false);
          if (first > 4) {
            const forged = consistencyProofOfLeaves(rewritten.slice(0, second), first);
            expect(
              verifyConsistency(
                first,
                second,
                forged,
                rootOfLeaves(leaves.slice(0, first)),
                rootOfLeaves(rewritten.slice(0, second)),
              ),
            ).toBe(false);
          }
        }
      }
    }
  });
});
