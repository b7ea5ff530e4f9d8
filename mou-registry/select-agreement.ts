// Finds the agreement version that governs a request: the caller, exchange, purpose and day.
// When none authorises it, the closest candidate is still returned so the refusal can say why.
import { standingOn } from './lifecycle.ts';
import type { AgreementVersion, ExchangeId, IsoDate, PartyId } from './types.ts';

export interface Wanted {
  exchange: ExchangeId;
  party: PartyId;
  purpose: string;
  day: IsoDate;
  agreementId?: string;
}

export function selectAgreement(versions: readonly AgreementVersion[], wanted: Wanted): AgreementVersion | null {
  const candidates = versions.filter(
    (v) =>
      (wanted.agreementId === undefined || v.agreementId === wanted.agreementId) &&
      v.parties.includes(wanted.party) &&
      v.exchanges.some((e) => e.exchange === wanted.exchange && e.requesters.includes(wanted.party)),
  );
  const score = (v: AgreementVersion) =>
    (standingOn(v, wanted.day).authorises ? 4 : 0) +
    (v.purposes.some((p) => p.code === wanted.purpose) ? 2 : 0) +
    (v.inForceFrom !== null && v.inForceFrom <= wanted.day ? 1 : 0);
  // One pass, each candidate scored once: with a large register the scoring (its standing on the day) is the cost.
  let best: AgreementVersion | null = null;
  let bestScore = -1;
  for (const v of candidates) {
    const s = score(v);
    if (s > bestScore || (s === bestScore && (v.inForceFrom ?? '') > (best!.inForceFrom ?? ''))) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}
