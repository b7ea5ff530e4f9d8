import { describe, expect, it } from 'vitest';
import { countScale } from './chart-scale.ts';

describe('a count axis', () => {
  it.each([
    // largest value, ticks
    [0, [0, 1]],
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [5, [0, 1, 2, 3, 4, 5]],
    [6, [0, 2, 4, 6]],
    [7, [0, 2, 4, 6, 8]],
    [11, [0, 5, 10, 15]],
    [17, [0, 5, 10, 15, 20]],
    [48, [0, 10, 20, 30, 40, 50]],
    [51, [0, 20, 40, 60]],
    [100, [0, 20, 40, 60, 80, 100]],
    [503, [0, 200, 400, 600]],
    [9_999, [0, 2_000, 4_000, 6_000, 8_000, 10_000]],
    [-4, [0, 1]],
    [Number.NaN, [0, 1]],
  ])('with a largest value of %s reads %j', (largest, ticks) => {
    const scale = countScale(largest);
    expect(scale.ticks).toEqual(ticks);
    expect(scale.top).toBe(ticks.at(-1));
    expect(scale.top).toBeGreaterThanOrEqual(Number.isFinite(largest) ? largest : 0);
  });

  it('steps only by 1, 2 or 5 times a power of ten, so every tick is a round number', () => {
    for (let largest = 0; largest <= 5_000; largest += 7) {
      const { step } = countScale(largest);
      const lead = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5], String(largest)).toContain(lead);
    }
  });
});
