import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.ts';

describe('nearest-rank percentiles', () => {
  it.each([
    [[], 50, null],
    [[7], 50, 7],
    [[7], 95, 7],
    [[4, 1, 3, 2], 50, 2],
    [[4, 1, 3, 2], 95, 4],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 50, 50],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 95, 100],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
  ])('of %j at p%d is %j', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});
