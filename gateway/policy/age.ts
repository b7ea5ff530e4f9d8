import type { IsoDate } from '../../mou-registry/types.ts';

/** Age in whole years on a day: on a birthday the new age already counts. 29 February birthdays fall on 1 March. */
export function ageOn(dateOfBirth: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
