// The register as the console shows it: collaborations with their scorecards and their agreements' standing today.
import { standingOn } from '../../mou-registry/lifecycle.ts';
import { scorecard } from '../../mou-registry/scorecard.ts';
import type { RegisterStore } from '../../mou-registry/store.ts';
import type { IsoDate } from '../../mou-registry/types.ts';

export type RegisterReads = Pick<
  RegisterStore,
  'collaborations' | 'agreements' | 'allVersions' | 'parties' | 'directives'
>;

export async function registerData(store: RegisterReads, day: IsoDate, only?: string) {
  const [all, agreements, versions, parties] = await Promise.all([
    store.collaborations(),
    store.agreements(),
    store.allVersions(),
    store.parties(),
  ]);
  const collaborations = only ? all.filter((c) => c.id === only) : all;
  const scorecards = collaborations.map((c) => {
    const ids = new Set(agreements.filter((a) => a.collaborationId === c.id).map((a) => a.id));
    return scorecard(
      c,
      versions.filter((v) => ids.has(v.agreementId)),
      parties,
      day,
    );
  });
  const mine = agreements.filter((a) => collaborations.some((c) => c.id === a.collaborationId));
  return {
    collaborations,
    scorecards,
    agreements: mine.map((a) => ({
      id: a.id,
      title: a.title,
      versions: versions
        .filter((v) => v.agreementId === a.id)
        .map((v) => ({ version: v.version, ...standingOn(v, day) })),
    })),
  };
}
