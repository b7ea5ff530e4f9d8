import { standingOn } from '../../../mou-registry/lifecycle.ts';
import type { Rule } from '../types.ts';

/** Only a version signed by every party and in force on the day authorises an exchange (¶6.113: the unsigned v2.3 draft). */
export const agreementInForce: Rule = ({ agreement, decisionDate }) => {
  if (agreement === null)
    return { id: 'agreement-in-force', outcome: 'not-applicable', reason: 'There is no agreement to check' };
  const standing = standingOn(agreement, decisionDate);
  return { id: 'agreement-in-force', outcome: standing.authorises ? 'permit' : 'deny', reason: standing.reason };
};
