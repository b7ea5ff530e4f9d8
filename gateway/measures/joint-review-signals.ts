// Joint-review signals for GET /v1/measures/signals (rec 2f: "regular joint reviews with agreed improvement plans";
// ¶6.140 found reviews not held and plans not followed): a review that not every party has signed off within
// signOffDays of being held, and an improvement action past its due date and not closed. The workflow
// (mou-registry/reviews) already says so on each review; this puts the same signals where an SRO looks first.
import type { Knex } from 'knex';
import { jointReviewView } from '../../mou-registry/reviews/joint-review-view.ts';
import { reviewsOf } from '../../mou-registry/reviews/joint-reviews.ts';
import type { RegisterStore } from '../../mou-registry/store.ts';
import type { IsoDate } from '../../mou-registry/types.ts';
import type { Signal } from './signals.ts';

export interface JointReviewSignalDeps {
  db: Knex;
  register: Pick<RegisterStore, 'agreements' | 'allVersions'>;
  today: () => IsoDate;
}

export function createJointReviewSignals(deps: JointReviewSignalDeps) {
  return async function jointReviewSignals(): Promise<Signal[]> {
    const held = await deps
      .db('joint_reviews')
      .distinct('agreement_id', 'version')
      .orderBy(['agreement_id', 'version']);
    if (held.length === 0) return [];
    const [agreements, versions] = await Promise.all([deps.register.agreements(), deps.register.allVersions()]);
    const today = deps.today();
    const out: Signal[] = [];
    for (const { agreement_id: agreementId, version } of held as { agreement_id: string; version: string }[]) {
      const v = versions.find((x) => x.agreementId === agreementId && x.version === version);
      if (!v) continue;
      const collaborationId = agreements.find((a) => a.id === agreementId)?.collaborationId ?? null;
      for (const review of await reviewsOf(deps.db, agreementId, version)) {
        for (const s of jointReviewView(review, v.parties, today).signals) {
          out.push({
            code: s.code,
            severity: 'warning',
            collaborationId,
            agreementId,
            exchange: null,
            directiveId: null,
            detail: `${agreementId} (version ${version}): ${s.detail}`,
          });
        }
      }
    }
    return out;
  };
}
