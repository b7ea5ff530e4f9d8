// English towns with areas and real postcode districts, so that addresses look right to a
// partner's matching code; streets and house numbers are combined at random, so an address is
// very unlikely to be a real one. England only: DfE's records cover English schools.
import type { Random } from './random.ts';

export interface Area {
  name: string;
  district: string;
}
export interface Town {
  name: string;
  areas: readonly Area[];
  /** Relative chance a household lives here. */
  weight: number;
  /** An asylum dispersal area: where s.95 accommodation is usually found. */
  dispersal: boolean;
}

const town = (name: string, weight: number, dispersal: boolean, areas: string): Town => ({
  name,
  weight,
  dispersal,
  areas: areas.split(',').map((pair) => {
    const [area, district] = pair.trim().split(':') as [string, string];
    return { name: area, district };
  }),
});

export const towns: readonly Town[] = [
  town(
    'London',
    30,
    false,
    'Brixton:SW9, Peckham:SE15, Tottenham:N17, Southall:UB1, East Ham:E6, Lewisham:SE13, Harlesden:NW10, Walthamstow:E17, Whitechapel:E1, Croydon:CR0',
  ),
  town('Birmingham', 9, true, 'Handsworth:B21, Sparkbrook:B11, Erdington:B23, Small Heath:B10, Moseley:B13, Aston:B6'),
  town('Manchester', 7, true, 'Moss Side:M14, Longsight:M13, Didsbury:M20, Cheetham Hill:M8, Gorton:M18'),
  town('Leeds', 6, true, 'Headingley:LS6, Beeston:LS11, Harehills:LS9, Chapeltown:LS7, Roundhay:LS8, Armley:LS12'),
  town('Bradford', 4, true, 'Manningham:BD8, Great Horton:BD7, Bradford Moor:BD3, Thornbury:BD3'),
  town('Leicester', 4, true, 'Belgrave:LE4, Highfields:LE2, Braunstone:LE3, Evington:LE5'),
  town('Bristol', 4, false, 'St Pauls:BS2, Easton:BS5, Bedminster:BS3, Southmead:BS10'),
  town('Liverpool', 4, true, 'Toxteth:L8, Walton:L4, Wavertree:L15, Kensington:L7'),
  town('Sheffield', 4, true, 'Darnall:S9, Burngreave:S4, Sharrow:S11, Page Hall:S4'),
  town('Nottingham', 3, true, 'Sneinton:NG3, Radford:NG7, Bulwell:NG6, Hyson Green:NG7'),
  town('Newcastle upon Tyne', 3, true, 'Benwell:NE4, Heaton:NE6, Gosforth:NE3, Elswick:NE4'),
  town('Middlesbrough', 2, true, 'North Ormesby:TS3, Linthorpe:TS5, Newport:TS1'),
  town('Stoke-on-Trent', 2, true, 'Hanley:ST1, Longton:ST3, Shelton:ST4'),
  town('Coventry', 3, true, 'Foleshill:CV6, Earlsdon:CV5, Hillfields:CV1'),
  town('Peterborough', 2, false, 'Millfield:PE1, Dogsthorpe:PE1, Orton:PE2'),
  town('Luton', 2, false, 'Bury Park:LU1, Dallow:LU1, Stopsley:LU2'),
  town('Slough', 2, false, 'Chalvey:SL1, Cippenham:SL1, Langley:SL3'),
  town('Southampton', 2, false, 'Shirley:SO15, Portswood:SO17, Bitterne:SO18'),
  town('Norwich', 2, false, 'Lakenham:NR1, Mile Cross:NR3, Earlham:NR4'),
  town('Plymouth', 2, false, 'Stonehouse:PL1, Devonport:PL2, Mutley:PL4'),
  town('Hull', 2, true, 'Newland:HU5, Bransholme:HU7, Orchard Park:HU6'),
];

export const townNamed = (name: string): Town => {
  const found = towns.find((t) => t.name === name);
  if (!found) throw new RangeError(`Unknown town ${name}`);
  return found;
};

const streets = [
  'Church Street',
  'Victoria Road',
  'Station Road',
  'Park Avenue',
  'Mill Lane',
  'Queens Road',
  'Albert Street',
  'Kings Road',
  'Grove Terrace',
  'Chapel Street',
  'Elm Grove',
  'Windsor Road',
  'Clarendon Road',
  'Highfield Road',
  'Brook Street',
  'Springfield Avenue',
  'Cemetery Road',
  'Ladysmith Road',
  'Osborne Street',
  'Belmont Crescent',
  'Beech Avenue',
  'Hawthorn Close',
  'Nelson Street',
  'Cavendish Road',
  'Stanley Road',
  'Mafeking Terrace',
  'Oak Tree Drive',
  'Meadow Way',
  'Rosebery Street',
  'Alexandra Road',
  'Chestnut Walk',
  'Hollybank Road',
];

// Royal Mail never uses C, I, K, M, O or V in the last two letters of a postcode.
export const POSTCODE_UNIT_LETTERS: readonly string[] = [...'ABDEFGHJLNPQRSTUWXYZ'];

export function postcodeIn(random: Random, district: string): string {
  return `${district} ${random.int(1, 9)}${random.pick(POSTCODE_UNIT_LETTERS)}${random.pick(POSTCODE_UNIT_LETTERS)}`;
}

export function streetAddress(random: Random): string {
  return random.chance(0.12)
    ? `Flat ${random.int(1, 24)}, ${random.int(1, 60)} ${random.pick(streets)}`
    : `${random.int(1, 240)} ${random.pick(streets)}`;
}

const byWeight = towns.map((t) => [t, t.weight] as const);
const dispersalByWeight = byWeight.filter(([t]) => t.dispersal);

export function pickTown(random: Random, options: { dispersalOnly?: boolean } = {}): Town {
  return random.weighted(options.dispersalOnly ? dispersalByWeight : byWeight);
}
