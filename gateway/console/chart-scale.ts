// The value axis of a count chart: ticks at nice round numbers (steps of 1, 2 or 5 times a power of ten) from 0 to
// a top at or above the largest value, so an axis reads 0, 2, 4, 6 and never 0, 1, 3, 4, 5. Pure.

export interface Scale {
  top: number;
  step: number;
  ticks: number[];
}

/** At most this many intervals between 0 and the top: enough to read a bar's height, few enough to label. */
const maxIntervals = 5;

export function countScale(largest: number): Scale {
  const value = Number.isFinite(largest) && largest > 0 ? largest : 0;
  // Counts are whole: the smallest step is 1, and an empty chart still has an axis from 0 to 1.
  let step: number;
  for (let magnitude = 1; ; magnitude *= 10) {
    const fit = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(value / s) <= maxIntervals);
    if (fit !== undefined) {
      step = fit;
      break;
    }
  }
  const top = Math.max(step, Math.ceil(value / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { top, step, ticks };
}
