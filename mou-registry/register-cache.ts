// The register as the policy check reads it on every request: held in memory, indexed by exchange and by the
// party asking, and reloaded whenever the database's register generation has moved (one single-row read per
// decision instead of loading and folding every version). The generation is read before the register, so a
// change that lands during a reload is seen at the next decision, never missed.
import type { Knex } from 'knex';
import { validatorFor } from '../contracts/openapi.ts';
import type { RegisterStore } from './store.ts';
import type { AgreementVersion, Directive, ExchangeId, IsoDate, PartyId } from './types.ts';

interface Snapshot {
  generation: number;
  byExchange: Map<ExchangeId, AgreementVersion[]>;
  byExchangeAndParty: Map<string, AgreementVersion[]>;
  directives: Directive[];
}

const key = (exchange: ExchangeId, party: PartyId) => `${exchange}\u0000${party}`;

const conditionReadable = validatorFor('DirectiveCondition');

function index(generation: number, versions: AgreementVersion[], loadedDirectives: Directive[]): Snapshot {
  // A condition its kind's schema refuses (say `age: "thirty"`) would make its rule read nonsense and permit.
  const directives = loadedDirectives.map((d) =>
    conditionReadable(d.condition) ? d : { ...d, conditionUnreadable: true as const },
  );
  const byExchange = new Map<ExchangeId, AgreementVersion[]>();
  const byExchangeAndParty = new Map<string, AgreementVersion[]>();
  const add = <K>(map: Map<K, AgreementVersion[]>, k: K, v: AgreementVersion) => {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  };
  for (const version of versions) {
    for (const terms of version.exchanges) {
      add(byExchange, terms.exchange, version);
      for (const requester of terms.requesters) add(byExchangeAndParty, key(terms.exchange, requester), version);
    }
  }
  return { generation, byExchange, byExchangeAndParty, directives };
}

/** The register as it stood when read: what a decision consults, synchronously. */
export interface RegisterView {
  /** The register's revision (its generation): what a decision names as the register state it was made on. */
  generation: number;
  /** Set on a view of the register as known before a moment (a dry run's `asKnownOn`): what that decision names instead. */
  knownBefore?: string;
  /** Versions whose terms cover the exchange; with a party, only those in which that party may ask. */
  versionsCovering(exchange: ExchangeId, party?: PartyId): AgreementVersion[];
  directivesInForce(day: IsoDate): Directive[];
}

/** The view of a register held in hand (the bench, a replay, a dry run as known on a past day). */
export const registerView = (
  versions: AgreementVersion[],
  directives: Directive[],
  generation = 0,
  knownBefore?: string,
): RegisterView => ({
  ...viewOf(index(generation, versions, directives)),
  ...(knownBefore ? { knownBefore } : {}),
});

/** The register as it was known at a revision or before a moment, read afresh (not the cache, which holds now). */
export async function registerAsKnown(
  store: Pick<RegisterStore, 'allVersions' | 'directives'>,
  known: { generation: number } | { before: string },
): Promise<RegisterView> {
  const versions = await store.allVersions();
  const directives = await store.directives();
  return 'generation' in known
    ? registerView(versions, directives, known.generation)
    : registerView(versions, directives, -1, known.before);
}

function viewOf(s: Snapshot): RegisterView {
  return {
    generation: s.generation,
    versionsCovering: (exchange, party) =>
      (party === undefined ? s.byExchange.get(exchange) : s.byExchangeAndParty.get(key(exchange, party))) ?? [],
    directivesInForce: (day) =>
      s.directives.filter((d) => d.effectiveFrom <= day && (d.effectiveTo === null || d.effectiveTo >= day)),
  };
}

type Reader = Pick<RegisterStore, 'allVersions' | 'directives'>;

/** `storeOn` reads the register through the connection given: inside a transaction, that transaction (PGlite has one connection only). */
export function createRegisterCache(db: Knex, storeOn: (conn: Knex | Knex.Transaction) => Reader) {
  let snapshot: Snapshot | null = null;
  let reloading: Promise<Snapshot> | null = null;
  // One generation read per transaction: a group commit's requests share it, as they share the chain lock.
  const perTransaction = new WeakMap<object, Promise<RegisterView>>();

  async function current(conn: Knex | Knex.Transaction): Promise<Snapshot> {
    const row = await conn('register_generation').where({ id: 1 }).first('generation');
    return at(conn, Number(row!.generation));
  }

  /** The register at a generation just read through `conn`: the snapshot held, or reloaded through `conn`. */
  async function at(conn: Knex | Knex.Transaction, generation: number): Promise<Snapshot> {
    if (snapshot && snapshot.generation === generation) return snapshot;
    // One reload at a time; callers arriving meanwhile wait for it rather than loading the register again.
    const store = storeOn(conn);
    // One after the other: on a transaction's single connection, queries cannot overlap.
    reloading ??= (async () => index(generation, await store.allVersions(), await store.directives()))()
      .then((loaded) => (snapshot = loaded))
      .finally(() => {
        reloading = null;
      });
    const loaded = await reloading;
    return loaded.generation >= generation ? loaded : current(conn);
  }

  return {
    /** The register now, checked against the database's generation through `conn` (a transaction or the pool). */
    view(conn: Knex | Knex.Transaction = db): Promise<RegisterView> {
      let view = perTransaction.get(conn);
      if (!view) {
        view = current(conn).then(viewOf);
        if (conn !== db) perTransaction.set(conn, view);
      }
      return view;
    },
    /** The SQL expression for the generation, to be read in a statement the caller makes anyway (a group commit's head read). */
    generationColumn: 'select generation from register_generation where id = 1',
    /** The register held, if it is at the generation the caller has just read; null when it must be reloaded (`view()`). */
    /** The register held now, whatever the database says: a guess, to be checked against a generation read later. */
    held(): RegisterView | null {
      return snapshot ? viewOf(snapshot) : null;
    },
    heldAt(generation: number): RegisterView | null {
      return snapshot && snapshot.generation === generation ? viewOf(snapshot) : null;
    },
  };
}
export type RegisterCache = ReturnType<typeof createRegisterCache>;
