// The register as the policy check reads it on every request: held in memory, indexed by exchange and by the
// party asking, and reloaded whenever the database's register generation has moved (one single-row read per
// decision instead of loading and folding every version). The generation is read before the register, so a
// change that lands during a reload is seen at the next decision, never missed.
import type { Knex } from 'knex';
import type { RegisterStore } from './store.ts';
import type { AgreementVersion, Directive, ExchangeId, IsoDate, PartyId } from './types.ts';

interface Snapshot {
  generation: number;
  byExchange: Map<ExchangeId, AgreementVersion[]>;
  byExchangeAndParty: Map<string, AgreementVersion[]>;
  directives: Directive[];
}

const key = (exchange: ExchangeId, party: PartyId) => `${exchange}\u0000${party}`;

function index(generation: number, versions: AgreementVersion[], directives: Directive[]): Snapshot {
  const byExchange = new Map<ExchangeId, AgreementVersion[]>();
  const byExchangeAndParty = new Map<string, AgreementVersion[]>();
  const add = <K>(map: Map<K, AgreementVersion[]>, k: K, v: AgreementVersion) => { const list = map.get(k); if (list) list.push(v); else map.set(k, [v]); };
  for (const version of versions) {
    for (const terms of version.exchanges) {
      add(byExchange, terms.exchange, version);
      for (const requester of terms.requesters) add(byExchangeAndParty, key(terms.exchange, requester), version);
    }
  }
  return { generation, byExchange, byExchangeAndParty, directives };
}

export function createRegisterCache(db: Knex, store: Pick<RegisterStore, 'allVersions' | 'directives'>) {
  let snapshot: Snapshot | null = null;
  let reloading: Promise<Snapshot> | null = null;

  async function current(): Promise<Snapshot> {
    const row = await db('register_generation').where({ id: 1 }).first('generation');
    const generation = Number(row!.generation);
    if (snapshot && snapshot.generation === generation) return snapshot;
    // One reload at a time; callers arriving meanwhile wait for it rather than loading the register again.
    reloading ??= Promise.all([store.allVersions(), store.directives()])
      .then(([versions, directives]) => (snapshot = index(generation, versions, directives)))
      .finally(() => { reloading = null; });
    const loaded = await reloading;
    return loaded.generation >= generation ? loaded : current();
  }

  return {
    /** Versions whose terms cover the exchange; with a party, only those in which that party may ask. */
    async versionsCovering(exchange: ExchangeId, party?: PartyId): Promise<AgreementVersion[]> {
      const s = await current();
      return (party === undefined ? s.byExchange.get(exchange) : s.byExchangeAndParty.get(key(exchange, party))) ?? [];
    },
    async directivesInForce(day: IsoDate): Promise<Directive[]> {
      const s = await current();
      return s.directives.filter((d) => d.effectiveFrom <= day && (d.effectiveTo === null || d.effectiveTo >= day));
    },
  };
}
export type RegisterCache = ReturnType<typeof createRegisterCache>;
