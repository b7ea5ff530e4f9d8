// Which nationalities the generator uses, and the facts about each that drive immigration rules:
// EEA nationals have EU Settlement Scheme status; Commonwealth citizens who settled before 1973
// are the Windrush generation; NHS debtor reporting covers non-EEA patients only.
import type { Heritage } from './names.ts';

export interface Nationality {
  code: string;
  heritage: Heritage;
  eea: boolean;
  commonwealth: boolean;
}

const nationality = (
  code: string,
  heritage: Heritage,
  flags: { eea?: boolean; commonwealth?: boolean } = {},
): Nationality => ({
  code,
  heritage,
  eea: flags.eea ?? false,
  commonwealth: flags.commonwealth ?? false,
});

const all = [
  nationality('GBR', 'british'),
  // Commonwealth
  nationality('JAM', 'caribbean', { commonwealth: true }),
  nationality('TTO', 'caribbean', { commonwealth: true }),
  nationality('BRB', 'caribbean', { commonwealth: true }),
  nationality('GUY', 'caribbean', { commonwealth: true }),
  nationality('IND', 'indian', { commonwealth: true }),
  nationality('PAK', 'pakistani', { commonwealth: true }),
  nationality('BGD', 'bangladeshi', { commonwealth: true }),
  nationality('NGA', 'nigerian', { commonwealth: true }),
  nationality('GHA', 'ghanaian', { commonwealth: true }),
  nationality('ZWE', 'zimbabwean', { commonwealth: true }),
  // EEA
  nationality('POL', 'polish', { eea: true }),
  nationality('ROU', 'romanian', { eea: true }),
  nationality('LTU', 'lithuanian', { eea: true }),
  nationality('FRA', 'french', { eea: true }),
  nationality('DEU', 'german', { eea: true }),
  nationality('ITA', 'italian', { eea: true }),
  nationality('ESP', 'spanish', { eea: true }),
  nationality('PRT', 'portuguese', { eea: true }),
  // Elsewhere
  nationality('CHN', 'chinese'),
  nationality('PHL', 'filipino'),
  nationality('USA', 'british'),
  nationality('ZAF', 'british', { commonwealth: true }),
  nationality('SOM', 'somali'),
  nationality('ERI', 'eritrean'),
  nationality('AFG', 'afghan'),
  nationality('SYR', 'arabic'),
  nationality('IRQ', 'arabic'),
  nationality('SDN', 'arabic'),
  nationality('IRN', 'iranian'),
] as const;

export const nationalities: ReadonlyMap<string, Nationality> = new Map(all.map((n) => [n.code, n]));

export function nationalityOf(code: string): Nationality {
  const found = nationalities.get(code);
  if (!found) throw new RangeError(`Unknown nationality ${code}`);
  return found;
}

export const isEea = (code: string): boolean => nationalities.get(code)?.eea ?? false;
export const isCommonwealth = (code: string): boolean => nationalities.get(code)?.commonwealth ?? false;

/** Relative weights, loosely following UK migration statistics rather than matching them. */
export const eeaOrigins: readonly (readonly [string, number])[] = [
  ['POL', 30],
  ['ROU', 25],
  ['LTU', 8],
  ['ITA', 10],
  ['PRT', 8],
  ['ESP', 7],
  ['FRA', 7],
  ['DEU', 5],
];
export const workAndFamilyOrigins: readonly (readonly [string, number])[] = [
  ['IND', 30],
  ['PAK', 14],
  ['NGA', 14],
  ['BGD', 6],
  ['GHA', 6],
  ['ZWE', 5],
  ['CHN', 10],
  ['PHL', 8],
  ['USA', 5],
  ['JAM', 4],
  ['ZAF', 3],
];
export const asylumOrigins: readonly (readonly [string, number])[] = [
  ['AFG', 25],
  ['ERI', 20],
  ['IRN', 18],
  ['SYR', 15],
  ['SDN', 12],
  ['IRQ', 10],
  ['SOM', 8],
];
export const windrushOrigins: readonly (readonly [string, number])[] = [
  ['JAM', 50],
  ['TTO', 10],
  ['BRB', 8],
  ['GUY', 7],
  ['IND', 10],
  ['PAK', 7],
  ['GHA', 4],
  ['NGA', 4],
];
/** Heritages of British citizens whose families came from elsewhere, some long ago. */
export const britishHeritages: readonly (readonly [Heritage, number])[] = [
  ['indian', 25],
  ['pakistani', 20],
  ['caribbean', 18],
  ['nigerian', 9],
  ['bangladeshi', 9],
  ['ghanaian', 4],
  ['somali', 4],
  ['chinese', 6],
  ['polish', 3],
  ['zimbabwean', 2],
];
