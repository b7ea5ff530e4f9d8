// The canonical form is the one CHAIN.md documents; the fast reader of stored text must give exactly the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonAsStored } from './canonical.ts';
import { canonicalFromJsonText } from './canonical-text.ts';
import { entryHash } from './entry-hash.ts';

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units at every depth and writes no white space', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 'x' }], a: null, 'a!': true, A: 'é', '\u{1F600}': 1, '\uFFFD': 2 })).toBe(
      '{"A":"é","a":null,"a!":true,"b":[{"a":"x","z":1}],"\u{1F600}":1,"\uFFFD":2}',
    );
  });

  it('writes any value as JSON would hold it, in one pass: Dates, undefined, non-finite numbers and all', () => {
    const awkward = fc.oneof(
      fc.date({ noInvalidDate: true }),
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(-0),
      fc.constant(() => 1),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        awkward,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 5 }), (body) => {
        expect(canonicalJsonAsStored(body)).toBe(canonicalJson(JSON.parse(JSON.stringify(body))));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the documented hash for a documented entry (the worked example in CHAIN.md)', () => {
    const entry = {
      seq: 1,
      id: '00000000-0000-4000-8000-000000000001',
      recordedAt: '2026-11-23T12:00:00.000Z',
      kind: 'decision' as const,
      body: { exchange: 'dfe.child-trace', decision: 'permit', latencyMs: 42 },
      prevHash: '0'.repeat(64),
    };
    expect(entryHash(entry)).toBe('55c1f702f15df35c40262a4370155fd9a84cce803748459ac8b087c3a9df4795');
  });

  it('is the same when read from any JSON text of the value, however it is spaced or escaped', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, space) => {
        const text = JSON.stringify(value, null, space);
        expect(canonicalFromJsonText(text)).toBe(canonicalJson(JSON.parse(text)));
      }),
      { numRuns: 3000 },
    );
    for (const text of [
      '{"a":1,"a":2}',
      '{"\\u0041":"\\/x","B":1e2,"c":-0,"d":0.10,"e":"\\ud83d\\ude00"}',
      ' [ 1 , {"b" : [] } ] ',
    ]) {
      expect(canonicalFromJsonText(text)).toBe(canonicalJson(JSON.parse(text)));
    }
  });
});
