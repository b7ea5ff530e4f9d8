// The inspection's seven characteristics of a collaboration (¶2.7, Figure 1), named wherever a count of them is
// shown: "2 of 7" means nothing to a reader who cannot see which two.
import { characteristics, type Characteristic, type Scorecard } from '../../../mou-registry/scorecard.ts';
import { html } from '../html.ts';

export const characteristicNames: Record<Characteristic, string> = {
  'agreed-objectives': 'Agreed objectives',
  'defined-processes': 'Defined processes',
  'strategic-leadership': 'Strategic leadership',
  'committed-resources': 'Committed resources',
  communication: 'Communication',
  evaluation: 'Evaluation',
  'review-and-revision': 'Review and revision',
};

export const allSeven = characteristics.map((c) => characteristicNames[c]).join(', ');

/** "2 of 7", then each characteristic marked met or not, in the report's order. */
export function characteristicsMet(card: Pick<Scorecard, 'characteristics'>) {
  const met = card.characteristics.filter((c) => c.met).length;
  return html`<strong>${met} of 7</strong><ul class="characteristics">${card.characteristics.map(
    (c) => html`<li class="${c.met ? 'met' : 'unmet'}">
<span aria-hidden="true">${c.met ? '✓' : '✗'}</span> ${characteristicNames[c.id]}<span class="visually-hidden">${c.met ? ': met' : ': not met'}</span></li>`,
  )}</ul>`;
}
