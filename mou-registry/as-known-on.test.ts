import { describe, expect, it } from 'vitest';
import { knownAtFor } from './as-known-on.ts';

describe('asKnownOn', () => {
  it.each([
    ['2026-12-07', '2026-12-08T00:00:00.000Z'],
    ['2026-07-01', '2026-07-01T23:00:00.000Z'],
    ['2026-03-28', '2026-03-29T00:00:00.000Z'],
    ['2026-03-29', '2026-03-29T23:00:00.000Z'],
    ['2026-10-24', '2026-10-24T23:00:00.000Z'],
    ['2026-10-25', '2026-10-26T00:00:00.000Z'],
    ['2026-12-07T10:15:00Z', '2026-12-07T10:15:00.001Z'],
    ['2026-07-01T10:15:00+01:00', '2026-07-01T09:15:00.001Z'],
  ])('%s counts what was recorded before %s', (given, before) => {
    expect(knownAtFor(given)).toEqual({ before });
  });
  it('is the register now when not given', () => expect(knownAtFor(undefined)).toBeNull());
});
