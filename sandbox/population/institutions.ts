// Schools, employers and NHS trusts for the records to refer to. Schools and employers are
// invented (a real school or firm must never appear to hold a fake child or worker); NHS trusts
// are real public bodies because they are the partner organisations the sandbox stands in for.
import type { Address } from './types.ts';
import { POSTCODE_UNIT_LETTERS, towns } from './places.ts';

export interface School {
  urn: string;
  name: string;
  phase: 'primary' | 'secondary';
  line1: string;
  town: string;
  postcode: string;
  district: string;
}
export interface Employer {
  name: string;
  payeReference: string;
}

const schoolStreets = ['School Lane', 'Academy Way', 'College Road', 'Learning Walk', 'Chapel Road', 'Green Lane'];
const primaryPatterns = [
  (a: string) => `${a} Primary School`,
  (a: string) => `${a} Park Primary School`,
  (a: string) => `St Mary's C of E Primary School, ${a}`,
  (a: string) => `${a} Community Primary School`,
];
const secondaryPatterns = [(a: string) => `${a} Academy`, (a: string) => `${a} High School`];

/** Built without the seeded generator so that a school's URN and address never vary with the seed. */
function buildSchools(): ReadonlyMap<string, { primary: School[]; secondary: School[] }> {
  const byTown = new Map<string, { primary: School[]; secondary: School[] }>();
  let n = 0;
  const school = (name: string, phase: School['phase'], town: string, district: string): School => {
    n += 1;
    const letter = (k: number) => POSTCODE_UNIT_LETTERS[k % POSTCODE_UNIT_LETTERS.length] ?? 'A';
    return {
      urn: String(100_000 + n * 37),
      name,
      phase,
      line1: `${(n % 90) + 1} ${schoolStreets[n % schoolStreets.length] ?? 'School Lane'}`,
      town,
      postcode: `${district} ${(n % 9) + 1}${letter(n * 7)}${letter(n * 13 + 3)}`,
      district,
    };
  };
  for (const town of towns) {
    const primary = town.areas.map((area, i) =>
      school(
        (primaryPatterns[i % primaryPatterns.length] ?? primaryPatterns[0]!)(area.name),
        'primary',
        town.name,
        area.district,
      ),
    );
    const secondary = town.areas
      .filter((_, i) => i % 2 === 0)
      .map((area, i) =>
        school(
          (secondaryPatterns[i % secondaryPatterns.length] ?? secondaryPatterns[0]!)(area.name),
          'secondary',
          town.name,
          area.district,
        ),
      );
    byTown.set(town.name, { primary, secondary });
  }
  return byTown;
}

export const schoolsByTown = buildSchools();

export function schoolAddress(school: School, from: string, to: string | null): Address {
  return { line1: school.line1, town: school.town, postcode: school.postcode, from, to };
}

const employerPrefixes = [
  'Aire Valley',
  'Pennine',
  'Thames Gateway',
  'Severn Vale',
  'Mersey',
  'Northgate',
  'Kingsway',
  'Riverside',
  'Oakfield',
  'Brookside',
  'Midland',
  'Wolds',
];
const employerSectors = [
  'Logistics Ltd',
  'Care Homes Ltd',
  'Foods plc',
  'Cleaning Services Ltd',
  'Construction Ltd',
  'Hospitality Group Ltd',
  'Software Ltd',
  'Retail Ltd',
  'Security Services Ltd',
  'Engineering Ltd',
];

/** PAYE references look like HMRC's: a three-digit tax office number, a slash and an alphanumeric reference. */
export const employers: readonly Employer[] = employerPrefixes.flatMap((prefix, i) =>
  employerSectors.map((sector, j) => {
    const k = i * employerSectors.length + j;
    const initials = `${prefix[0]}${sector[0]}`.toUpperCase();
    return {
      name: `${prefix} ${sector}`,
      payeReference: `${String(120 + ((k * 37) % 800)).padStart(3, '0')}/${initials}${String(10_000 + ((k * 7_919) % 90_000))}`,
    };
  }),
);

export const nhsTrustsByTown: Readonly<Record<string, string>> = {
  London: "Guy's and St Thomas' NHS Foundation Trust",
  Birmingham: 'University Hospitals Birmingham NHS Foundation Trust',
  Manchester: 'Manchester University NHS Foundation Trust',
  Leeds: 'Leeds Teaching Hospitals NHS Trust',
  Bradford: 'Bradford Teaching Hospitals NHS Foundation Trust',
  Leicester: 'University Hospitals of Leicester NHS Trust',
  Bristol: 'North Bristol NHS Trust',
  Liverpool: 'Liverpool University Hospitals NHS Foundation Trust',
  Sheffield: 'Sheffield Teaching Hospitals NHS Foundation Trust',
  Nottingham: 'Nottingham University Hospitals NHS Trust',
  'Newcastle upon Tyne': 'The Newcastle upon Tyne Hospitals NHS Foundation Trust',
  Middlesbrough: 'South Tees Hospitals NHS Foundation Trust',
  'Stoke-on-Trent': 'University Hospitals of North Midlands NHS Trust',
  Coventry: 'University Hospitals Coventry and Warwickshire NHS Trust',
  Peterborough: 'North West Anglia NHS Foundation Trust',
  Luton: 'Bedfordshire Hospitals NHS Foundation Trust',
  Slough: 'Frimley Health NHS Foundation Trust',
  Southampton: 'University Hospital Southampton NHS Foundation Trust',
  Norwich: 'Norfolk and Norwich University Hospitals NHS Foundation Trust',
  Plymouth: 'University Hospitals Plymouth NHS Trust',
  Hull: 'Hull University Teaching Hospitals NHS Trust',
};

export const trustFor = (town: string): string => nhsTrustsByTown[town] ?? "Guy's and St Thomas' NHS Foundation Trust";
