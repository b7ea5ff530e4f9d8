import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

const settings = { backoffMs: 30_000, backoffMaxMs: 3_600_000 };

describe('the wait before a callback is tried again', () => {
  it.each([
    [1, 0, 15_000],
    [1, 0.999_999, 30_000],
    [2, 0, 30_000],
    [3, 0.5, 90_000],
    [8, 0, 1_800_000],
    [9, 0, 1_800_000],
    [50, 0.999_999, 3_599_998],
  ])('after attempt %i with jitter %d waits %i ms', (attempt, random, expected) => {
    expect(retryDelayMs(attempt, settings, random)).toBe(expected);
  });

  it('spreads retries between half and the whole of the delay', () => {
    const waits = Array.from({ length: 200 }, () => retryDelayMs(3, settings));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(60_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(120_000);
    expect(new Set(waits).size).toBeGreaterThan(1);
  });
});
