// A reader of the log gets an entry's body typed by its kind only once it has asked the kind. The type checks are
// the `@ts-expect-error` lines and the expectTypeOf calls: `npx tsc --noEmit -p .` fails if one of them stops holding.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { anyBody, stored, type AuditEntry, type StoredBody } from './types.ts';

const frame = { seq: 7, id: '0b7c1f3e-4c1a-4f57-9a53-6d1e0b4f8e21', recordedAt: '2026-12-07T10:00:00.000Z' };
const hashes = { prevHash: '0'.repeat(64), hash: '1'.repeat(64) };
const decision = { exchange: 'dfe.child-trace', party: 'dfe', decision: 'permit', rules: [] };
const read = (kind: AuditEntry['kind'], body: unknown): AuditEntry => ({ ...frame, ...stored(kind, body), ...hashes });

describe('AuditEntry', () => {
  it("refuses, at typecheck, a field of another kind's body read without asking the kind", () => {
    const entry = read('decision', decision);
    // @ts-expect-error: only a decision or a dry run has rules
    expect(entry.body.rules).toEqual([]);
    // @ts-expect-error: a register change has no exchange
    expect(entry.body.exchange).toBe('dfe.child-trace');
    if (entry.kind === 'outcome') {
      // @ts-expect-error: an outcome has no rules
      expect(entry.body.rules).toBeUndefined();
    }
  });

  it('types the body by its kind once the kind is asked, every field optional but those the kind has always had', () => {
    const entry = read('decision', decision);
    if (entry.kind !== 'decision') throw new Error('read back as another kind');
    expectTypeOf(entry.body.exchange).toEqualTypeOf<string>();
    expectTypeOf(entry.body.decision).toEqualTypeOf<'permit' | 'deny'>();
    expectTypeOf(entry.body.rules).toEqualTypeOf<StoredBody<'decision'>['rules']>();
    expectTypeOf(entry.body.sealedFacts).toEqualTypeOf<string | undefined>();
    expect(entry.body.rules).toEqual([]);
    const outcome = read('outcome', { decisionId: frame.id, outcome: 'matched' });
    if (outcome.kind === 'outcome') expectTypeOf(outcome.body.exchange).toEqualTypeOf<string | undefined>();
    expect(outcome.body).not.toHaveProperty('exchange');
  });

  it('reads a body the database gives as text as it reads one given as an object', () => {
    expect(read('decision', JSON.stringify(decision))).toEqual(read('decision', decision));
  });

  it("reads any kind's fields through anyBody, and refuses a field no kind has", () => {
    const change = read('register-change', { action: 'issue-directive', actor: 'ho-sro', after: null });
    expect([
      anyBody(change).exchange ?? anyBody(change).action,
      anyBody(change).party ?? anyBody(change).actor,
    ]).toEqual(['issue-directive', 'ho-sro']);
    // @ts-expect-error: no kind of entry has a colour
    expect(anyBody(change).colour).toBeUndefined();
  });
});
