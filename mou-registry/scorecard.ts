// The scorecard: each collaboration judged on the inspection's seven characteristics (¶2.7, Figure 1),
// derived from the register's own data so that a gap cannot be hidden by saying otherwise.
import { standingOn } from './lifecycle.ts';
import type { AgreementVersion, Collaboration, IsoDate, Party } from './types.ts';

export const characteristics = [
  'agreed-objectives',
  'defined-processes',
  'strategic-leadership',
  'committed-resources',
  'communication',
  'evaluation',
  'review-and-revision',
] as const;
export type Characteristic = (typeof characteristics)[number];

export type GapCode =
  | 'no-signed-agreement'
  | 'draft-in-use'
  | 'no-legal-basis'
  | 'no-stated-aims'
  | 'no-defined-process'
  | 'party-without-senior-owner'
  | 'defunct-organisation-named'
  | 'no-communication-arrangements'
  | 'no-feedback-mechanism'
  | 'no-performance-measures'
  | 'review-overdue'
  | 'never-reviewed'
  | 'no-mou';

export interface Gap {
  code: GapCode;
  characteristic: Characteristic;
  detail: string;
  weight: number;
}

export interface Scorecard {
  collaborationId: string;
  title: string;
  kind: Collaboration['kind'];
  asOf: IsoDate;
  characteristics: { id: Characteristic; met: boolean; gaps: GapCode[] }[];
  gaps: Gap[];
  /** Higher needs attention sooner. */
  priority: number;
}

export function scorecard(
  collaboration: Collaboration,
  allVersions: AgreementVersion[],
  parties: readonly Party[],
  asOf: IsoDate,
): Scorecard {
  // Judged only on what existed on the day: a version first written later is no draft then (valid time). What the
  // register had been told by then (record time) is the caller's `asKnownOn`, applied when the register is read.
  const versions = allVersions.filter((v) => !v.draftedOn || v.draftedOn <= asOf);
  const gaps: Gap[] = [];
  const gap = (code: GapCode, characteristic: Characteristic, weight: number, detail: string) =>
    gaps.push({ code, characteristic, weight, detail });
  const defunct = new Map(parties.filter((p) => p.defunctSince && p.defunctSince <= asOf).map((p) => [p.id, p]));
  // A collaboration that has ended (an operation over, ¶6.19, ¶6.72) is judged as it stood on its last day: nothing
  // need be in force now, and there is nothing left to review.
  const ended = collaboration.endsOn !== null && collaboration.endsOn < asOf;
  const judgedOn = ended ? collaboration.endsOn! : asOf;
  const current = versions.filter((v) => standingOn(v, judgedOn).authorises);
  const drafts = versions.filter((v) => standingOn(v, judgedOn).status === 'draft');
  const governing = current.length > 0 ? current : versions;

  if (current.length === 0)
    gap('no-signed-agreement', 'agreed-objectives', 40, 'No agreement signed by every party is in force');
  for (const d of drafts) gap('draft-in-use', 'agreed-objectives', 30, `${d.title} v${d.version} is an unsigned draft`);
  // A basis the register records as 'unstated-…' is one nobody could name: it is no basis a DPO can rely on.
  if (governing.every((v) => v.legalBases.every((b) => b.code.startsWith('unstated-'))))
    gap('no-legal-basis', 'agreed-objectives', 35, 'No legal basis is recorded');
  // Recommendation 2a asks for a signed MoU "or similar" covering every aspect, even where a statute is the gateway.
  if (collaboration.kind === 'bau' && current.length > 0 && current.every((v) => v.kind === 'statutory-gateway')) {
    gap(
      'no-mou',
      'agreed-objectives',
      15,
      'Sharing rests on a statutory gateway with no MoU setting out how the parties work',
    );
  }
  if (governing.every((v) => v.partyAims.length === 0))
    gap('no-stated-aims', 'agreed-objectives', 10, 'What each party seeks is not recorded');
  if (governing.every((v) => v.sopReferences.length === 0 && v.processMaps.length === 0)) {
    gap('no-defined-process', 'defined-processes', 15, 'No SOP or process map is referenced');
  }
  for (const party of collaboration.parties) {
    if (!governing.some((v) => v.seniorOwners.some((o) => o.party === party))) {
      gap('party-without-senior-owner', 'strategic-leadership', 20, `${party} has no nominated senior owner`);
    }
  }
  const named = new Set([
    ...collaboration.parties,
    ...versions.flatMap((v) => [...v.parties, ...v.namesOrganisations]),
  ]);
  for (const id of named) {
    const p = defunct.get(id);
    if (p)
      gap(
        'defunct-organisation-named',
        'committed-resources',
        15,
        `${p.name} (defunct since ${p.defunctSince}) is named`,
      );
  }
  if (governing.every((v) => !v.communication))
    gap('no-communication-arrangements', 'communication', 10, 'No communication arrangements are recorded');
  if (governing.every((v) => !v.feedback))
    gap('no-feedback-mechanism', 'communication', 10, 'No feedback mechanism is recorded');
  if (governing.every((v) => v.measures.length === 0))
    gap('no-performance-measures', 'evaluation', 20, 'No performance measures are set');
  const reviews = governing.map((v) => v.review);
  if (!ended && reviews.every((r) => r.lastReviewedOn === null))
    gap('never-reviewed', 'review-and-revision', 15, 'No joint review is recorded');
  const due = reviews
    .map((r) => r.nextReviewDue)
    .filter((d): d is string => d !== null)
    .sort()
    .reverse()[0];
  if (!ended && due && due < asOf)
    gap('review-overdue', 'review-and-revision', 25, `The joint review was due on ${due}`);

  return {
    collaborationId: collaboration.id,
    title: collaboration.title,
    kind: collaboration.kind,
    asOf,
    characteristics: characteristics.map((id) => {
      const mine = gaps.filter((g) => g.characteristic === id).map((g) => g.code);
      return { id, met: mine.length === 0, gaps: [...new Set(mine)] };
    }),
    gaps,
    priority: gaps.reduce((sum, g) => sum + g.weight, 0) * (collaboration.kind === 'bau' ? 2 : 1),
  };
}
