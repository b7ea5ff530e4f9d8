// Reads and writes the register tables. A version is its frozen terms plus its dated history (signatures,
// suspensions, termination, joint reviews), folded together so any past day can be recalled (valid time). Every
// row also carries when the register learned it (record time), so the register as it was known at any revision
// or moment can be read back: `createRegisterStore(db, known)`.
import type { Knex } from 'knex';
import { scheduledReview } from './reviews/schedule.ts';
import type { Agreement, AgreementVersion, Collaboration, Directive, IsoDate, Party, VersionTerms } from './types.ts';

type Db = Knex | Knex.Transaction;

/**
 * Which rows count as known: every row (null: the register now), those visible at a register revision (what a
 * decision names, exact), or those recorded before a moment (`asKnownOn`, by the writing transaction's start time).
 */
export type KnownAt = { generation: number } | { before: string } | null;

const knownIn = (known: KnownAt, table: string) => (q: Knex.QueryBuilder) => {
  if (known && 'generation' in known) q.where(`${table}.recorded_generation`, '<=', known.generation);
  else if (known) q.where(`${table}.recorded_at`, '<', known.before);
};
const json = (value: unknown) => JSON.stringify(value);
const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

interface EventRow {
  agreement_id: string;
  version: string;
  kind: string;
  party: string | null;
  signatory: string | null;
  on_date: string;
  reason: string | null;
}
interface PartyRow {
  id: Party['id'];
  name: string;
  kind: Party['kind'];
  defunct_since: IsoDate | null;
}
interface AgreementRow {
  id: string;
  collaboration_id: string;
  kind: Agreement['kind'];
  title: string;
}
interface ReviewRow {
  agreement_id: string;
  version: string;
  reviewed_on: string;
  improvement_plan: string | null;
  next_review_due: string;
}

const shiftDay = (day: IsoDate, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayBefore = (day: IsoDate) => shiftDay(day, -1);
const dayAfter = (day: IsoDate) => shiftDay(day, 1);

export function foldVersion(terms: VersionTerms, events: EventRow[], reviews: ReviewRow[]): AgreementVersion {
  const ordered = [...events].sort((a, b) => (a.on_date < b.on_date ? -1 : a.on_date > b.on_date ? 1 : 0));
  const suspensions: AgreementVersion['suspensions'] = [];
  for (const e of ordered) {
    if (e.kind === 'suspended') suspensions.push({ from: e.on_date, to: null, reason: e.reason ?? '' });
    const open = suspensions[suspensions.length - 1];
    if (e.kind === 'reinstated' && open && open.to === null) open.to = dayBefore(e.on_date);
  }
  const latest = [...reviews].sort((a, b) => (a.reviewed_on < b.reviewed_on ? 1 : -1))[0];
  return {
    ...terms,
    signatures: ordered
      .filter((e) => e.kind === 'signed')
      .map((e) => ({ party: e.party!, signatory: e.signatory!, signedOn: e.on_date })),
    suspensions,
    terminatedOn: ordered.find((e) => e.kind === 'terminated')?.on_date ?? null,
    review: scheduledReview(
      latest
        ? {
            ...terms.review,
            lastReviewedOn: latest.reviewed_on,
            nextReviewDue: latest.next_review_due,
            improvementPlan: latest.improvement_plan ?? terms.review.improvementPlan,
          }
        : terms.review,
      terms.inForceFrom,
    ),
  };
}

export function createRegisterStore(db: Db, known: KnownAt = null) {
  const from = (table: string): Knex.QueryBuilder => {
    const q = db(table);
    knownIn(known, table)(q);
    return q;
  };

  async function loadVersions(filter: (q: Knex.QueryBuilder) => void): Promise<AgreementVersion[]> {
    const query = from('agreement_versions').select('agreement_id', 'version', 'terms');
    filter(query);
    const rows: { agreement_id: string; version: string; terms: unknown }[] = await query;
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => r.agreement_id as string))];
    // In turn rather than together: `db` may be a transaction, whose one connection cannot run two at once.
    const events = (await from('agreement_version_events').whereIn('agreement_id', ids).orderBy('id')) as EventRow[];
    // Only a joint review counts as the version's review: one held with every party and signed off by each (its
    // last sign-off writes the row and names it). A row recorded by one SRO alone, before that was refused, names
    // none: it stays as recorded but clears nothing. A review the report records is in the version's own terms.
    const reviews = (await from('agreement_reviews')
      .whereIn('agreement_id', ids)
      .whereNotNull('joint_review_id')
      .orderBy('id')) as ReviewRow[];
    // A draft whose terms were replaced reads as its newest replacement known.
    const replaced = new Map<string, unknown>();
    for (const t of await from('agreement_version_terms').whereIn('agreement_id', ids).orderBy('revision'))
      replaced.set(`${t.agreement_id}\u0000${t.version}`, t.terms);
    const mine = <T extends { agreement_id: string; version: string }>(
      list: T[],
      r: { agreement_id: string; version: string },
    ) => list.filter((e) => e.agreement_id === r.agreement_id && e.version === r.version);
    return rows.map((r) =>
      foldVersion(
        parse<VersionTerms>(replaced.get(`${r.agreement_id}\u0000${r.version}`) ?? r.terms),
        mine(events, r),
        mine(reviews, r),
      ),
    );
  }

  /** Each directive as its newest revision known. */
  async function directives(): Promise<Directive[]> {
    const rows = await from('directives')
      .select('id', 'body')
      .orderBy([{ column: 'id' }, { column: 'revision' }]);
    const newest = new Map<string, unknown>();
    for (const r of rows) newest.set(r.id, r.body);
    return [...newest.values()].map((body) => parse<Directive>(body));
  }

  return {
    loadVersions,
    versionsOf: (agreementIds: string[]) =>
      loadVersions((q) => {
        q.whereIn('agreement_id', agreementIds);
      }),
    allVersions: () => loadVersions(() => {}),

    async version(agreementId: string, version: string): Promise<AgreementVersion | null> {
      return (
        (
          await loadVersions((q) => {
            q.where({ agreement_id: agreementId, version });
          })
        )[0] ?? null
      );
    },

    async directivesInForce(day: IsoDate): Promise<Directive[]> {
      return (await directives()).filter(
        (d) => d.effectiveFrom <= day && (d.effectiveTo === null || d.effectiveTo >= day),
      );
    },
    directives,
    async directive(id: string): Promise<Directive | null> {
      const row = await from('directives').where({ id }).orderBy('revision', 'desc').first('body');
      return row ? parse<Directive>(row.body) : null;
    },

    async parties(): Promise<Party[]> {
      const rows = await from('parties').orderBy('id');
      return rows.map((r: PartyRow) => ({ id: r.id, name: r.name, kind: r.kind, defunctSince: r.defunct_since }));
    },
    async collaborations(): Promise<Collaboration[]> {
      return (await from('collaborations').select('body').orderBy('id')).map((r: { body: unknown }) =>
        parse<Collaboration>(r.body),
      );
    },
    async collaboration(id: string): Promise<Collaboration | null> {
      const row = await from('collaborations').where({ id }).first('body');
      return row ? parse<Collaboration>(row.body) : null;
    },
    async agreements(collaborationId?: string): Promise<Agreement[]> {
      const q = from('agreements').orderBy('id');
      if (collaborationId) q.where({ collaboration_id: collaborationId });
      return (await q).map((r: AgreementRow) => ({
        id: r.id,
        collaborationId: r.collaboration_id,
        kind: r.kind,
        title: r.title,
      }));
    },
    async agreement(id: string): Promise<Agreement | null> {
      const r = await from('agreements').where({ id }).first();
      return r ? { id: r.id, collaborationId: r.collaboration_id, kind: r.kind, title: r.title } : null;
    },
  };
}
export type RegisterStore = ReturnType<typeof createRegisterStore>;

export interface RegisterContents {
  parties: Party[];
  collaborations: Collaboration[];
  agreements: Agreement[];
  versions: AgreementVersion[];
  directives: Directive[];
}

export function termsOf(version: AgreementVersion): VersionTerms {
  const { signatures: _s, suspensions: _u, terminatedOn: _t, ...terms } = version;
  return terms;
}

/** Inserts register contents in the caller's transaction (used to load the default register). */
export async function insertRegister(
  trx: Knex.Transaction,
  contents: RegisterContents,
  actor = 'system',
): Promise<void> {
  const chunked = async (table: string, rows: object[]) => {
    for (let i = 0; i < rows.length; i += 200) await trx(table).insert(rows.slice(i, i + 200));
  };
  await chunked(
    'parties',
    contents.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, defunct_since: p.defunctSince })),
  );
  await chunked(
    'collaborations',
    contents.collaborations.map((c) => ({ id: c.id, body: json(c) })),
  );
  await chunked(
    'agreements',
    contents.agreements.map((a) => ({ id: a.id, collaboration_id: a.collaborationId, kind: a.kind, title: a.title })),
  );
  await chunked(
    'agreement_versions',
    contents.versions.map((v) => ({ agreement_id: v.agreementId, version: v.version, terms: json(termsOf(v)) })),
  );
  await chunked(
    'agreement_version_events',
    contents.versions.flatMap((v) => [
      ...v.signatures.map((s) => ({
        agreement_id: v.agreementId,
        version: v.version,
        kind: 'signed',
        party: s.party,
        signatory: s.signatory,
        on_date: s.signedOn,
        actor,
      })),
      ...v.suspensions.flatMap((s) => [
        {
          agreement_id: v.agreementId,
          version: v.version,
          kind: 'suspended',
          on_date: s.from,
          reason: s.reason,
          actor,
        },
        ...(s.to
          ? [{ agreement_id: v.agreementId, version: v.version, kind: 'reinstated', on_date: dayAfter(s.to), actor }]
          : []),
      ]),
      ...(v.terminatedOn
        ? [{ agreement_id: v.agreementId, version: v.version, kind: 'terminated', on_date: v.terminatedOn, actor }]
        : []),
    ]),
  );
  await chunked(
    'directives',
    contents.directives.map((d) => ({ id: d.id, body: json(d) })),
  );
}
