// Reads and writes the register tables. Terms are stored whole as JSON; lifecycle is derived from their dates.
import type { Knex } from 'knex';
import type { Agreement, AgreementVersion, Collaboration, Directive, ExchangeId, IsoDate, Party } from './types.ts';

const json = (value: unknown) => JSON.stringify(value);
const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function createRegisterStore(db: Knex) {
  return {
    async versionsCovering(exchange: ExchangeId): Promise<AgreementVersion[]> {
      const rows = await db('agreement_versions')
        .select('terms')
        .whereRaw(`terms->'exchanges' @> ?::jsonb`, [json([{ exchange }])]);
      return rows.map((r) => parse<AgreementVersion>(r.terms));
    },

    async directivesInForce(day: IsoDate): Promise<Directive[]> {
      const rows = await db('directives')
        .select('body')
        .whereRaw(`(body->>'effectiveFrom') <= ?`, [day])
        .andWhere((q) => q.whereRaw(`body->>'effectiveTo' is null`).orWhereRaw(`(body->>'effectiveTo') >= ?`, [day]));
      return rows.map((r) => parse<Directive>(r.body));
    },

    async isEmpty(): Promise<boolean> {
      const row = await db('collaborations').count<{ count: string | number }[]>({ count: '*' }).first();
      return Number(row?.count ?? 0) === 0;
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

/** Inserts register contents in the caller's transaction (used to load the default register). */
export async function insertRegister(trx: Knex.Transaction, contents: RegisterContents): Promise<void> {
  if (contents.parties.length) {
    await trx('parties').insert(contents.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, defunct_since: p.defunctSince })));
  }
  if (contents.collaborations.length) {
    await trx('collaborations').insert(contents.collaborations.map((c) => ({ id: c.id, body: json(c) })));
  }
  if (contents.agreements.length) {
    await trx('agreements').insert(
      contents.agreements.map((a) => ({ id: a.id, collaboration_id: a.collaborationId, kind: a.kind, title: a.title })),
    );
  }
  if (contents.versions.length) {
    await trx('agreement_versions').insert(
      contents.versions.map((v) => ({ agreement_id: v.agreementId, version: v.version, terms: json(v) })),
    );
  }
  if (contents.directives.length) {
    await trx('directives').insert(contents.directives.map((d) => ({ id: d.id, body: json(d) })));
  }
}
