// A subject access request (issue 5): the same person reached by different exchanges, named by their NINo in some,
// by name and date of birth in all, by their Home Office reference in others. A DPO who supplies one identifier finds
// exactly the exchanges that carried it — never those about another person of the same name — and the report says
// for each who asked, when, for what purpose, under which agreement and legal basis, and which fields went (by name,
// never their values). The log itself holds none of the identifiers: only keyed HMACs, useless under another key.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request, { type Response } from 'supertest';
import { exchanges } from '../../gateway/exchanges/catalogue.ts';
import { buildGateway } from '../../gateway/gateway.ts';
import { createLogger } from '../../platform/logger.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { caller, deniedRules, nameAndBirth } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import {
  chargeabilityCheck,
  dwpProactiveNotification,
  dwpStatusCheck,
  hmrcStatusCheck,
  ninoAlignment,
  paths,
} from '../support/requests.ts';

const { turns30On2018_05_01: priya, nonEeaDebtor: jordan, commonNamePairA: khanA, commonNamePairB: khanB } = fixtures;

// Each exchange a minute after the one before, so when each happened can be checked.
let minute = 0;
const clock = () => new Date(Date.UTC(2026, 10, 23, 9, minute));

/** An exchange about someone as the test made it: what the report should say of it. */
interface Made {
  name: string;
  auditId: string;
  recordedAt: string;
  dryRun: boolean;
  exchange: string;
  party: string;
  clientId: string;
  purpose: string;
  legalBasis: string;
  agreement: { id: string; version: string } | null;
  decision: string;
  deniedBy: string[];
  outcome: string | null;
  result: Record<string, unknown> | null;
}

let gw: TestGateway;
const made: Record<string, Made> = {};

async function make(
  name: string,
  clientId: string,
  party: string,
  exchange: keyof typeof paths,
  body: { purpose: string; legalBasis: string },
  dryRun = false,
) {
  minute += 1;
  const client = caller(gw, clientId);
  const res: Response = dryRun ? await client.decide(exchange, body) : await client.post(paths[exchange], body);
  expect([200, 403], JSON.stringify(res.body).slice(0, 400)).toContain(res.status);
  const decision = dryRun ? res.body : res.body.decision;
  made[name] = {
    name,
    auditId: decision.auditId,
    recordedAt: clock().toISOString(),
    dryRun,
    exchange,
    party,
    clientId,
    purpose: body.purpose,
    legalBasis: body.legalBasis,
    agreement: decision.agreement,
    decision: decision.decision,
    deniedBy: deniedRules(decision),
    outcome: dryRun || res.status !== 200 ? null : res.body.outcome,
    result: dryRun || res.status !== 200 ? null : res.body.result,
  };
  return made[name]!;
}

const dpo = async () => `Bearer ${await gw.token('dpo')}`;
const report = async (query: object, token?: string) =>
  gw.http
    .post('/v1/audit/subject-report')
    .set('authorization', token ?? (await dpo()))
    .send(query);
const subjectSearch = async (query: object, token?: string) =>
  gw.http
    .post('/v1/audit/subject-search')
    .set('authorization', token ?? (await dpo()))
    .send(query);

/** The audit ids a report lists, having checked it answered 200 in full. */
async function reported(query: object) {
  const res = await report(query);
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
  expect(res.body.truncated).toBe(false);
  expect(res.body.count).toBe(res.body.exchanges.length);
  return res.body.exchanges.map((e: { auditId: string }) => e.auditId) as string[];
}
/** The decisions and dry runs a subject search finds (each lookup made before a decision is found too: see below). */
async function searched(query: object) {
  const res = await subjectSearch({ limit: 500, ...query });
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
  const entries = res.body.entries as { id: string; kind: string; body: { lookupId?: string } }[];
  // Every decision made after a lookup is found with its lookup: looking the person up disclosed the same identifiers.
  const found = new Set(entries.map((e) => e.id));
  for (const e of entries)
    if (e.body.lookupId) expect(found.has(e.body.lookupId), 'the lookup before a decision').toBe(true);
  return entries.filter((e) => e.kind !== 'lookup').map((e) => e.id);
}
/** Oldest first, as the report lists them; the search lists them newest first. */
const ids = (...names: string[]) => names.map((n) => made[n]!.auditId);

const priyaNames = [
  'dwp by nino',
  'nhs by name',
  'dwp by reference',
  'notification paused',
  'hmrc with postcode',
  'dry run by nino',
  'nhs in capitals',
  'nino alignment batch',
];

beforeAll(async () => {
  gw = await startTestGateway({ clock });
  await make('dwp by nino', 'dwp-benefits', 'dwp', 'dwp.status-check', dwpStatusCheck(priya, { nino: true }));
  await make(
    'nhs by name',
    'guys-ovm',
    'nhs-trust-guys-st-thomas',
    'nhs.chargeability-check',
    chargeabilityCheck(priya),
  );
  await make(
    'dwp by reference',
    'dwp-benefits',
    'dwp',
    'dwp.status-check',
    dwpStatusCheck(priya, { homeOfficeReference: true }),
  );
  await make(
    'notification paused',
    'ho-status-sharing',
    'home-office',
    'dwp.proactive-notification',
    dwpProactiveNotification(priya),
  );
  const withPostcode = {
    ...hmrcStatusCheck(priya),
    subject: { ...hmrcStatusCheck(priya).subject, postcode: priya.addresses[1]!.postcode },
  };
  await make('hmrc with postcode', 'hmrc-benefits', 'hmrc', 'hmrc.status-check', withPostcode);
  await make(
    'dry run by nino',
    'hmrc-benefits',
    'hmrc',
    'hmrc.status-check',
    hmrcStatusCheck(priya, { nino: true }),
    true,
  );
  const shouted = {
    ...chargeabilityCheck(priya),
    subject: { ...chargeabilityCheck(priya).subject, forename: 'PRIYA', surname: 'RAGHUNATHAN' },
  };
  await make('nhs in capitals', 'guys-ovm', 'nhs-trust-guys-st-thomas', 'nhs.chargeability-check', shouted);
  const grant = (p: typeof priya) => ({ ...p, homeOfficeReference: p.immigration.homeOfficeReference!, nino: p.nino });
  await make(
    'nino alignment batch',
    'ukvi-casework',
    'home-office-ukvi',
    'dwp.nino-alignment',
    ninoAlignment([grant(priya), grant(jordan)]),
  );
  // Two men called Mohammed Khan, born six years apart.
  await make('khan a by nino', 'dwp-benefits', 'dwp', 'dwp.status-check', dwpStatusCheck(khanA, { nino: true }));
  await make('khan b by name', 'hmrc-benefits', 'hmrc', 'hmrc.status-check', hmrcStatusCheck(khanB));
  await make(
    'khan a by name',
    'guys-ovm',
    'nhs-trust-guys-st-thomas',
    'nhs.chargeability-check',
    chargeabilityCheck(khanA),
  );
  // A caller who misspelt her surname but gave her NINo.
  await make(
    'dwp misspelt',
    'dwp-benefits',
    'dwp',
    'dwp.status-check',
    dwpStatusCheck({ ...priya, surname: 'Ragunathan' }, { nino: true }),
  );

  // The workload is what it was meant to be.
  expect(made['notification paused']!.deniedBy).toEqual(['windrush-pause']);
  expect(made['hmrc with postcode']!.deniedBy).toEqual(['field-scope']);
  for (const name of ['dwp by nino', 'nhs by name', 'dwp by reference', 'nino alignment batch', 'khan a by nino'])
    expect(made[name]!.decision, name).toBe('permit');
}, 120_000);
afterAll(() => gw?.close());

describe('each identifier finds exactly the exchanges that carried it', () => {
  it('by NINo: the exchanges that named her NINo, and no others', async () => {
    const expected = ids('dwp by nino', 'dry run by nino', 'nino alignment batch', 'dwp misspelt');
    expect(await reported({ nino: priya.nino })).toEqual(expected);
    expect(await searched({ nino: priya.nino })).toEqual([...expected].reverse());
    // As a caseworker might type it: lower case, in pairs.
    expect(await reported({ nino: 'pl 73 92 01 d' })).toEqual(expected);
  });

  it('by name and date of birth: every exchange that named her so, whatever the case of the name', async () => {
    const expected = ids(...priyaNames);
    // Not the one that misspelt her name: only her NINo finds that, so a DPO asks by each identifier held.
    expect(expected).not.toContain(made['dwp misspelt']!.auditId);
    expect(await reported(nameAndBirth(priya))).toEqual(expected);
    expect(await searched(nameAndBirth(priya))).toEqual([...expected].reverse());
    expect(await reported({ forename: 'priya', surname: 'raghunathan ', dateOfBirth: priya.dateOfBirth })).toEqual(
      expected,
    );
    // Full-width letters, as some keyboards give them, are the same letters after NFKC normalisation.
    expect(await reported({ forename: 'Ｐｒｉｙａ', surname: priya.surname, dateOfBirth: priya.dateOfBirth })).toEqual(
      expected,
    );
  });

  it('by Home Office reference: the exchanges that named it, a batch among them', async () => {
    const expected = ids('dwp by reference', 'notification paused', 'nino alignment batch');
    expect(await reported({ homeOfficeReference: priya.immigration.homeOfficeReference })).toEqual(expected);
    expect(await searched({ homeOfficeReference: priya.immigration.homeOfficeReference })).toEqual(
      [...expected].reverse(),
    );
    // The other person in the batch finds it too, and nothing of hers.
    expect(await reported({ homeOfficeReference: jordan.immigration.homeOfficeReference })).toEqual(
      ids('nino alignment batch'),
    );
  });

  it('never finds another person of the same name born on another day', async () => {
    expect(await reported(nameAndBirth(khanA))).toEqual(ids('khan a by nino', 'khan a by name'));
    expect(await reported(nameAndBirth(khanB))).toEqual(ids('khan b by name'));
    expect(await searched(nameAndBirth(khanB))).toEqual(ids('khan b by name'));
    expect(await reported({ nino: khanA.nino })).toEqual(ids('khan a by nino'));
    expect(await reported({ ...nameAndBirth(priya), dateOfBirth: '1988-05-02' })).toEqual([]);
  });

  it('a person no exchange was about has an empty report (200, not 404)', async () => {
    for (const query of [
      { nino: 'AB123456C' },
      { homeOfficeReference: 'HO-9999999' },
      { forename: 'Nobody', surname: 'Atall', dateOfBirth: '1990-01-01' },
    ]) {
      const res = await report(query);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        identifiedBy: Object.keys(query).length === 1 ? ('nino' in query ? 'nino' : 'ho-ref') : 'name-dob',
        count: 0,
        truncated: false,
        exchanges: [],
      });
      const search = await subjectSearch(query);
      expect(search.status).toBe(200);
      expect(search.body).toEqual({ entries: [] });
    }
  });

  it('the search pages, newest first, as the log search does', async () => {
    const all = (await subjectSearch({ ...nameAndBirth(priya), limit: 500 })).body.entries.map(
      (e: { id: string }) => e.id,
    ) as string[];
    expect(all.filter((id) => ids(...priyaNames).includes(id))).toEqual(ids(...priyaNames).reverse());
    const first = await subjectSearch({ ...nameAndBirth(priya), limit: 5 });
    expect(first.status).toBe(200);
    expect(first.body.entries.map((e: { id: string }) => e.id)).toEqual(all.slice(0, 5));
    expect(first.body.nextBefore).toBe(first.body.entries[4].seq);
    const pages = [first.body.entries.map((e: { id: string }) => e.id)];
    for (let before = first.body.nextBefore; before !== undefined; ) {
      const next = await subjectSearch({ ...nameAndBirth(priya), limit: 5, before });
      pages.push(next.body.entries.map((e: { id: string }) => e.id));
      before = next.body.nextBefore;
    }
    expect(pages.flat()).toEqual(all);
  });
});

describe('what the report says of each exchange', () => {
  it('who, when, for what purpose, under which agreement and legal basis, what was decided and which fields went', async () => {
    const res = await report(nameAndBirth(priya));
    expect(res.body.identifiedBy).toBe('name-dob');
    for (const [i, line] of (res.body.exchanges as Record<string, any>[]).entries()) {
      const m = made[priyaNames[i]!]!;
      const def = exchanges.find((e) => e.id === m.exchange)!;
      const outcome =
        m.outcome === null
          ? null
          : await gw
              .db('audit_log')
              .where({ decision_id: m.auditId, kind: 'outcome' })
              .first('id', 'recorded_at', 'body');
      expect(line, m.name).toEqual({
        auditId: m.auditId,
        recordedAt: m.recordedAt,
        dryRun: m.dryRun,
        exchange: m.exchange,
        direction: def.direction,
        partner: def.partner,
        party: m.party,
        clientId: m.clientId,
        purpose: m.purpose,
        legalBasis: m.legalBasis,
        agreement: m.agreement,
        decision: m.decision,
        deniedBy: m.deniedBy,
        fieldsRequested: expect.any(Array),
        outcome: m.outcome,
        outcomeAuditId: outcome?.id ?? null,
        outcomeRecordedAt: outcome ? m.recordedAt : null,
        fieldsDisclosed: expect.any(Array),
        fieldsWithheld: expect.any(Array),
      });
      expect(
        line.agreement === null ||
          (typeof line.agreement.id === 'string' && typeof line.agreement.version === 'string'),
        m.name,
      ).toBe(true);
      // The fields disclosed are those the caller's answer carried something in, by name (an empty list sends nothing).
      const carried = Object.entries(m.result ?? {})
        .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
        .map(([k]) => k);
      expect([...line.fieldsDisclosed].sort(), m.name).toEqual(carried.sort());
      expect(
        line.fieldsWithheld.every((f: string) => !line.fieldsDisclosed.includes(f)),
        m.name,
      ).toBe(true);
    }
  });

  it('names the fields asked about, among them the ones a rule refused', async () => {
    const lines = new Map<string, Record<string, any>>(
      (await report(nameAndBirth(priya))).body.exchanges.map((l: { auditId: string }) => [l.auditId, l]),
    );
    const asked = (name: string) => lines.get(made[name]!.auditId)!.fieldsRequested as string[];
    expect(asked('dwp by nino')).toEqual(
      expect.arrayContaining(['subject.forename', 'subject.surname', 'subject.dateOfBirth', 'subject.nino']),
    );
    expect(asked('nhs by name')).not.toContain('subject.nino');
    expect(asked('dwp by reference')).toContain('subject.homeOfficeReference');
    expect(asked('hmrc with postcode')).toContain('subject.postcode');
    expect(lines.get(made['notification paused']!.auditId)).toMatchObject({
      decision: 'deny',
      deniedBy: ['windrush-pause'],
      outcome: null,
      fieldsDisclosed: [],
    });
    expect(lines.get(made['dry run by nino']!.auditId)).toMatchObject({
      dryRun: true,
      outcome: null,
      outcomeAuditId: null,
    });
  });

  it("never carries the values that went, nor the person's particulars", async () => {
    const text = JSON.stringify((await report(nameAndBirth(priya))).body);
    const values = Object.values(made)
      .filter((m) => priyaNames.includes(m.name) && m.result)
      .flatMap((m) => leaves(m.result));
    expect(values.length).toBeGreaterThan(5);
    for (const value of values) expect(text, String(value)).not.toContain(JSON.stringify(value));
    for (const particular of particularsOfPriya) expect(text.toLowerCase()).not.toContain(particular.toLowerCase());
  });
});

describe('bad queries and the wrong people', () => {
  const bad: [string, object][] = [
    ['an empty body', {}],
    ['a name without a date of birth', { forename: priya.forename, surname: priya.surname }],
    ['a date of birth alone', { dateOfBirth: priya.dateOfBirth }],
    ['a forename and date of birth without a surname', { forename: priya.forename, dateOfBirth: priya.dateOfBirth }],
    ['a NINo that is not one', { nino: 'PL739201' }],
    ['a Home Office reference that is not one', { homeOfficeReference: '4000005' }],
    ['a date of birth that is not a date', { ...nameAndBirth(priya), dateOfBirth: '01/05/1988' }],
    ['two identifiers at once', { nino: priya.nino, homeOfficeReference: priya.immigration.homeOfficeReference }],
    ['a NINo with a name and date of birth', { nino: priya.nino, ...nameAndBirth(priya) }],
    ['a field the query does not have', { name: 'Priya Raghunathan' }],
    ['an identifier that is not a string', { nino: 739201 }],
  ];
  it.each(bad)('%s is 400 problem+json, for the report and the search, echoing nothing', async (_what, query) => {
    for (const res of [await report(query), await subjectSearch(query)]) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 400, code: 'invalid-request' });
      for (const particular of particularsOfPriya) expect(JSON.stringify(res.body)).not.toContain(particular);
      expect(JSON.stringify(res.body)).not.toContain('739201');
    }
  });

  it('a search with only paging and no person, or a page that cannot be, is 400', async () => {
    expect((await subjectSearch({ limit: 10 })).status).toBe(400);
    expect((await subjectSearch({ ...nameAndBirth(priya), limit: 0 })).status).toBe(400);
    expect((await subjectSearch({ ...nameAndBirth(priya), limit: 501 })).status).toBe(400);
    for (const before of [0, 1e20, 2 ** 53 + 2, 1.5]) {
      const res = await subjectSearch({ ...nameAndBirth(priya), before });
      expect(res.status, `before ${before}`).toBe(400);
      expect(res.body.code).toBe('invalid-request');
    }
  });

  it('a body that is not JSON is 415', async () => {
    const res = await gw.http
      .post('/v1/audit/subject-report')
      .set('authorization', await dpo())
      .set('content-type', 'text/plain')
      .send(`nino=${priya.nino}`);
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('only a DPO may ask: a partner or an SRO gets 403, no token 401', async () => {
    for (const clientId of ['dwp-benefits', 'ho-status-sharing', 'sro', 'registry-admin']) {
      const token = `Bearer ${await gw.token(clientId)}`;
      for (const res of [await report({ nino: priya.nino }, token), await subjectSearch({ nino: priya.nino }, token)]) {
        expect(res.status, clientId).toBe(403);
        expect(res.body).toMatchObject({ code: 'forbidden' });
        expect(res.body.exchanges ?? res.body.entries).toBeUndefined();
      }
    }
    expect((await gw.http.post('/v1/audit/subject-report').send({ nino: priya.nino })).status).toBe(401);
    expect((await gw.http.post('/v1/audit/subject-search').send({ nino: priya.nino })).status).toBe(401);
  });
});

const particularsOfPriya = [
  priya.forename,
  priya.surname,
  priya.dateOfBirth,
  priya.dateOfBirth.replaceAll('-', ''),
  priya.nino!,
  priya.immigration.homeOfficeReference!,
  ...priya.addresses.flatMap((a) => [a.postcode, a.postcode.replace(' ', '')]),
];

function leaves(value: unknown): (string | number)[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  // Booleans and short codes could be anywhere in a report; dates, references and status words would not be.
  return (typeof value === 'string' && value.length >= 6) || (typeof value === 'number' && value > 999) ? [value] : [];
}

describe('the log holds keyed hashes, not identifiers', () => {
  it('no column of any audit table holds her name, date of birth, postcode, NINo or reference, yet the report finds her', async () => {
    const tables: string[] = await gw
      .db('information_schema.tables')
      .where({ table_schema: 'public' })
      .where('table_name', 'like', 'audit%')
      .pluck('table_name');
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'audit_checkpoints']));
    let rows = 0;
    for (const table of tables) {
      const text: string[] = (await gw.db.raw(`select t::text as row from "${table}" t`)).rows.map(
        (r: { row: string }) => r.row.toLowerCase(),
      );
      rows += text.length;
      for (const particular of [...particularsOfPriya, khanA.nino!, khanB.nino!, khanB.dateOfBirth]) {
        expect(
          text.filter((r) => r.includes(particular.toLowerCase())),
          `${particular} in ${table}`,
        ).toEqual([]);
      }
    }
    expect(rows).toBeGreaterThan(Object.keys(made).length);
    // Nor do the gateway's logs, though every query above named her.
    const logs = gw.logs().toLowerCase();
    expect(logs.length).toBeGreaterThan(0);
    for (const particular of particularsOfPriya) expect(logs, particular).not.toContain(particular.toLowerCase());
    expect(await reported({ nino: priya.nino })).toHaveLength(4);
    expect(await reported(nameAndBirth(priya))).toHaveLength(priyaNames.length);
  });

  it('a gateway with another HMAC key over the same log finds nothing; with the same key, everything', async () => {
    const ask = async (hmacKey: Buffer) => {
      const other = buildGateway(gw.config, { db: gw.db, logger: createLogger('silent'), hmacKey, clock });
      try {
        const res = await request(other.app)
          .post('/v1/audit/subject-report')
          .set('authorization', await dpo())
          .send(nameAndBirth(priya));
        expect(res.status).toBe(200);
        return res.body.exchanges.map((e: { auditId: string }) => e.auditId) as string[];
      } finally {
        await other.close();
      }
    };
    expect(await ask(randomBytes(32))).toEqual([]);
    expect(await ask(Buffer.from(gw.hmacKey))).toEqual(ids(...priyaNames));
  });
});

describe('one report across her linked identifiers (issue 15: the DPO no longer merges three reports by hand)', () => {
  const linked = () => ({
    identifiers: [
      { nino: priya.nino },
      nameAndBirth(priya),
      { homeOfficeReference: priya.immigration.homeOfficeReference! },
    ],
  });

  it('lists every exchange naming any of them once, oldest first, each saying which identifiers it matched', async () => {
    const singles = [
      await reported({ nino: priya.nino }),
      await reported(nameAndBirth(priya)),
      await reported({ homeOfficeReference: priya.immigration.homeOfficeReference }),
    ];
    const res = await report(linked());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      identifiedBy: 'linked',
      identifiers: [
        { index: 0, kind: 'nino' },
        { index: 1, kind: 'name-dob' },
        { index: 2, kind: 'ho-ref' },
      ],
      truncated: false,
    });
    const union = [...new Set(singles.flat())];
    const listed = res.body.exchanges as { auditId: string; recordedAt: string; matchedBy: number[] }[];
    expect(new Set(listed.map((e) => e.auditId))).toEqual(new Set(union));
    expect(listed).toHaveLength(union.length);
    expect(res.body.count).toBe(union.length);
    expect(listed.map((e) => e.recordedAt)).toEqual([...listed.map((e) => e.recordedAt)].sort());
    for (const e of listed)
      expect(e.matchedBy, e.auditId).toEqual([0, 1, 2].filter((i) => singles[i]!.includes(e.auditId)));
    // The misspelt surname was found by her NINo alone; the batch by all three.
    expect(listed.find((e) => e.auditId === made['dwp misspelt']!.auditId)!.matchedBy).toEqual([0]);
    expect(listed.find((e) => e.auditId === made['nino alignment batch']!.auditId)!.matchedBy).toEqual([0, 1, 2]);
    // Never the other Mohammed Khan, nor anyone else.
    expect(listed.map((e) => e.auditId)).not.toContain(made['khan b by name']!.auditId);
  });

  it('the old single-identifier body answers as before', async () => {
    const res = await report({ nino: priya.nino });
    expect(res.body.identifiedBy).toBe('nino');
    expect(res.body).not.toHaveProperty('identifiers');
    expect(res.body.exchanges[0]).not.toHaveProperty('matchedBy');
  });

  it('exports as CSV for a subject access request, by ?format=csv or Accept: text/csv, with no identifier in the headers', async () => {
    const json = await report(linked());
    const byQuery = await gw.http
      .post('/v1/audit/subject-report?format=csv')
      .set('authorization', await dpo())
      .send(linked());
    const byAccept = await gw.http
      .post('/v1/audit/subject-report')
      .set('authorization', await dpo())
      .set('accept', 'text/csv')
      .send(linked());
    for (const res of [byQuery, byAccept]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toBe('attachment; filename="subject-report.csv"');
      const lines = res.text.trim().split('\n');
      expect(lines[0]).toMatch(/^recordedAt,auditId,matchedBy,exchange,/);
      expect(lines).toHaveLength(json.body.count + 1);
      const batch = lines.find((l) => l.includes(made['nino alignment batch']!.auditId))!;
      expect(batch).toContain('1 nino; 2 name-dob; 3 ho-ref');
      const headers = JSON.stringify(res.headers).toLowerCase();
      for (const particular of particularsOfPriya) {
        expect(headers, particular).not.toContain(particular.toLowerCase());
        expect(res.text.toLowerCase(), particular).not.toContain(particular.toLowerCase());
      }
    }
    const logs = gw.logs().toLowerCase();
    for (const particular of particularsOfPriya) expect(logs, particular).not.toContain(particular.toLowerCase());
  });

  it('refuses an empty list, more than ten, or a malformed identifier among them, without echoing it (400)', async () => {
    for (const body of [
      { identifiers: [] },
      { identifiers: Array.from({ length: 11 }, () => ({ nino: priya.nino })) },
      { identifiers: [{ nino: priya.nino }, { surname: priya.surname }] },
      { identifiers: [{ nino: priya.nino }], nino: priya.nino },
    ]) {
      const res = await report(body);
      expect(res.status).toBe(400);
      expect(res.text.toLowerCase()).not.toContain(priya.surname.toLowerCase());
    }
  });

  it('is for a DPO only', async () => {
    for (const client of ['sro', 'dwp-benefits'])
      expect((await report(linked(), `Bearer ${await gw.token(client)}`)).status, client).toBe(403);
  });
});
