import type { Rule } from '../types.ts';

const clinical = /clinic|diagnos|treat|medic|condition|prescri|symptom|pregnan|hiv|mental|disab|vaccin|test-result/i;

/** NHS exchanges carry non-clinical data only, whatever an agreement might say (¶5.31, ¶6.153, fn 36). */
export const nhsNonClinical: Rule = ({ exchange, agreement, request }) => {
  if (!exchange.id.startsWith('nhs.'))
    return { id: 'nhs-non-clinical', outcome: 'not-applicable', reason: 'Applies to NHS exchanges only' };
  const terms = agreement?.exchanges.find((e) => e.exchange === exchange.id);
  const fields = [...request.dataFields, ...(terms?.requestFields ?? []), ...(terms?.responseFields ?? [])];
  const found = [...new Set(fields.filter((f) => clinical.test(f)))];
  if (found.length > 0)
    return {
      id: 'nhs-non-clinical',
      outcome: 'deny',
      reason: `Clinical information may never be shared: ${found.join(', ')}`,
    };
  return { id: 'nhs-non-clinical', outcome: 'permit', reason: 'Only non-clinical fields are exchanged' };
};
