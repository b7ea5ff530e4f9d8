// Person ids, National Insurance numbers and Home Office references. Each must be unique across
// the population, because the sandbox services look people up by them.
import type { Random } from './random.ts';

/** HMRC's rules: no D, F, I, Q, U or V in the prefix, no O second, some prefixes never issued; suffix A–D. */
export const NINO_PATTERN = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
export const HOME_OFFICE_REFERENCE_PATTERN = /^HO-\d{7}$/;

const FIRST = [...'ABCEGHJKLMNOPRSTWXYZ'];
const SECOND = [...'ABCEGHJKLMNPRSTWXYZ'];
const SUFFIX = ['A', 'B', 'C', 'D'];
const NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export const personId = (n: number): string => `P${String(n).padStart(6, '0')}`;

export interface IdentifierIssuer {
  nino(): string;
  homeOfficeReference(): string;
}

/** `reserved` holds identifiers already taken (the fixtures'), so generated ones never collide with them. */
export function createIdentifierIssuer(random: Random, reserved: Iterable<string>): IdentifierIssuer {
  const taken = new Set(reserved);
  const unique = (make: () => string): string => {
    for (;;) {
      const candidate = make();
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  return {
    nino: () =>
      unique(() => {
        let prefix: string;
        do prefix = random.pick(FIRST) + random.pick(SECOND);
        while (NEVER_ISSUED.has(prefix));
        return `${prefix}${String(random.int(0, 999_999)).padStart(6, '0')}${random.pick(SUFFIX)}`;
      }),
    homeOfficeReference: () => unique(() => `HO-${random.int(1_000_000, 9_999_999)}`),
  };
}
