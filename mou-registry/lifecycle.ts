// Where a version stands on a given day, derived from its dated facts so that any past day can be recalled.
import type { AgreementVersion, IsoDate, VersionStatus } from './types.ts';

export interface Standing {
  status: VersionStatus;
  authorises: boolean;
  reason: string;
}

export function standingOn(version: AgreementVersion, day: IsoDate): Standing {
  const label = `${version.title} v${version.version}`;
  const unsigned = version.parties.filter(
    (party) => !version.signatures.some((s) => s.party === party && s.signedOn <= day),
  );
  if (unsigned.length > 0) {
    return { status: 'draft', authorises: false, reason: `${label} is not signed by ${unsigned.join(', ')} on ${day}` };
  }
  if (version.terminatedOn !== null && version.terminatedOn <= day) {
    return { status: 'terminated', authorises: false, reason: `${label} was terminated on ${version.terminatedOn}` };
  }
  if (version.inForceFrom === null || day < version.inForceFrom) {
    const when = version.inForceFrom
      ? `comes into force on ${version.inForceFrom}`
      : 'has no date of coming into force';
    return { status: 'signed', authorises: false, reason: `${label} is signed but ${when}` };
  }
  if (version.inForceTo !== null && day > version.inForceTo) {
    return { status: 'expired', authorises: false, reason: `${label} expired on ${version.inForceTo}` };
  }
  const suspension = version.suspensions.find((s) => s.from <= day && (s.to === null || day <= s.to));
  if (suspension) {
    return {
      status: 'suspended',
      authorises: false,
      reason: `${label} is suspended from ${suspension.from}: ${suspension.reason}`,
    };
  }
  return { status: 'in-force', authorises: true, reason: `${label} is signed by every party and in force on ${day}` };
}
