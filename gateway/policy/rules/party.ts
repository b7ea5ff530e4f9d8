import type { Rule } from '../types.ts';

/** The caller must be a party to the agreement, allowed to request this exchange (¶4.2a). */
export const party: Rule = ({ agreement, caller, exchange }) => {
  if (agreement === null) {
    return {
      id: 'party',
      outcome: 'deny',
      reason: `No agreement in the register covers ${exchange.id} for ${caller.party}`,
    };
  }
  const terms = agreement.exchanges.find((e) => e.exchange === exchange.id);
  if (!agreement.parties.includes(caller.party) || !terms?.requesters.includes(caller.party)) {
    return {
      id: 'party',
      outcome: 'deny',
      reason: `${caller.party} is not a requesting party to ${exchange.id} under ${agreement.title}`,
    };
  }
  if (!agreement.parties.includes(terms.responder)) {
    return { id: 'party', outcome: 'deny', reason: `${terms.responder} is not a party to ${agreement.title}` };
  }
  return {
    id: 'party',
    outcome: 'permit',
    reason: `${caller.party} may ask ${terms.responder} under ${agreement.title}`,
  };
};
