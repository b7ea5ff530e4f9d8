// What a Data Protection Officer gets from GET /v1/audit/entries (issue 5): a varied day of real exchanges (five
// kinds of party, permitted and refused for different rules, dry runs, outcome feedback and a register change, at
// three known hours), and then each filter, and filters combined, must return exactly the entries that were made,
// newest first. The expected entries come from what the test sent and was answered, never from another query of the
// same API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { operation } from '../../contracts/openapi.ts';
import { exchanges } from '../../gateway/exchanges/catalogue.ts';
import { ruleIds } from '../../gateway/policy/types.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { caller, deniedRules } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { collaborationBody } from '../support/register.ts';
import {
  accessedPublicFunds,
  chargeabilityCheck,
  dwpStatusCheck,
  fsmEligibility,
  hmrcProactiveNotification,
  hmrcStatusCheck,
  paths,
} from '../support/requests.ts';

const {
  turns30On2018_05_01: priya,
  nonEeaDebtor: jordan,
  windrushElder: clarence,
  offenderUnder30: ruan,
  s95Parent: yonas,
} = fixtures;

/** The three hours of the day the workload is made in (all on 23 November 2026, so the same rules apply). */
const hours = { nine: '2026-11-23T09:00:00.000Z', ten: '2026-11-23T10:00:00.000Z', eleven: '2026-11-23T11:00:00.000Z' };
let now = new Date(hours.nine);

/** An entry as the test knows it from what it made. */
interface Made {
  id: string;
  seq: number;
  kind: string;
  exchange: string | null;
  party: string | null;
  agreement: string | null;
  decision: string | null;
  denied: string[];
  at: string;
}

let gw: TestGateway;
const made: Made[] = [];
/** The entries this test made, by name, to say which one a check is about. */
const named: Record<string, Made> = {};

async function seqAndTime(id: string) {
  const row = await gw.db('audit_log').where({ id }).first('seq', 'recorded_at');
  return { seq: Number(row.seq), at: new Date(row.recorded_at).toISOString() };
}

/** An exchange as its caller makes it; its decision, and its outcome when permitted, are added to what was made. */
async function exchange(
  name: string,
  clientId: string,
  party: string,
  exchangeId: keyof typeof paths,
  body: unknown,
  expected: 'permit' | 'deny',
) {
  const res = await caller(gw, clientId).post(paths[exchangeId], body);
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(expected === 'permit' ? 200 : 403);
  return note(name, res, 'decision', exchangeId, party);
}

async function dryRun(
  name: string,
  clientId: string,
  party: string,
  exchangeId: keyof typeof paths,
  body: unknown,
  asOf?: string,
) {
  const res = await caller(gw, clientId).decide(exchangeId, body, asOf);
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
  return note(name, res, 'dry-run', exchangeId, party);
}

async function note(name: string, res: Response, kind: string, exchangeId: string, party: string) {
  const decision = kind === 'dry-run' ? res.body : res.body.decision;
  const agreement = (decision.agreement?.id as string | undefined) ?? null;
  const entry: Made = {
    id: decision.auditId,
    ...(await seqAndTime(decision.auditId)),
    kind,
    exchange: exchangeId,
    party,
    agreement,
    decision: decision.decision,
    denied: deniedRules(decision),
  };
  // An exchange that looks the person up committed its intent to look up first, unless refused on the request alone.
  const { body } = await gw.db('audit_log').where({ id: entry.id }).first('body');
  const lookupId = (typeof body === 'string' ? JSON.parse(body) : body).lookupId as string | undefined;
  if (lookupId) {
    const lookup: Made = {
      ...entry,
      id: lookupId,
      ...(await seqAndTime(lookupId)),
      kind: 'lookup',
      decision: null,
      denied: [],
    };
    made.push(lookup);
    named[`${name} lookup`] = lookup;
  }
  made.push(entry);
  named[name] = entry;
  if (kind === 'decision' && decision.decision === 'permit') {
    const outcome = await gw.db('audit_log').where({ decision_id: entry.id, kind: 'outcome' }).first('id');
    expect(outcome, `outcome of ${name}`).toBeDefined();
    const o: Made = {
      ...entry,
      id: outcome.id,
      ...(await seqAndTime(outcome.id)),
      kind: 'outcome',
      decision: null,
      denied: [],
    };
    made.push(o);
    named[`${name} outcome`] = o;
  }
  return entry;
}

/** Entries the test made that satisfy `keep`, newest first: what a search should answer. */
const expected = (keep: (e: Made) => boolean) =>
  made
    .filter(keep)
    .sort((a, b) => b.seq - a.seq)
    .map((e) => e.id);

const dpoToken = () => gw.token('dpo');
async function search(query: Record<string, string | number>, token?: string) {
  return gw.http
    .get('/v1/audit/entries')
    .query(query)
    .set('authorization', `Bearer ${token ?? (await dpoToken())}`);
}
/** The ids a search finds, having checked it is one whole page. */
async function found(query: Record<string, string | number>) {
  const res = await search({ limit: 500, ...query });
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
  expect(res.body.nextBefore).toBeUndefined();
  return (res.body.entries as { id: string }[]).map((e) => e.id);
}

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  // The default register's loading is in the log already, as a register change.
  for (const row of await gw.db('audit_log').select('id', 'kind')) {
    expect(row.kind).toBe('register-change');
    made.push({
      id: row.id,
      ...(await seqAndTime(row.id)),
      kind: 'register-change',
      exchange: null,
      party: null,
      agreement: null,
      decision: null,
      denied: [],
    });
  }

  now = new Date(hours.nine);
  await exchange(
    'dwp check',
    'dwp-benefits',
    'dwp',
    'dwp.status-check',
    dwpStatusCheck(priya, { nino: true }),
    'permit',
  );
  await exchange(
    'hmrc check',
    'hmrc-benefits',
    'hmrc',
    'hmrc.status-check',
    hmrcStatusCheck(priya, { nino: true }),
    'permit',
  );
  await exchange(
    'hmrc bad purpose',
    'hmrc-benefits',
    'hmrc',
    'hmrc.status-check',
    { ...hmrcStatusCheck(priya), purpose: 'tax-investigation' },
    'deny',
  );

  now = new Date(hours.ten);
  await exchange('dfe fsm', 'dfe-pupil-data', 'dfe', 'dfe.fsm-eligibility', fsmEligibility(yonas), 'permit');
  await exchange(
    'nhs check',
    'guys-ovm',
    'nhs-trust-guys-st-thomas',
    'nhs.chargeability-check',
    chargeabilityCheck(jordan),
    'permit',
  );
  const withNino = {
    ...chargeabilityCheck(jordan),
    subject: { ...chargeabilityCheck(jordan).subject, nino: 'PL739201D' },
  };
  await exchange(
    'nhs out of scope',
    'guys-ovm',
    'nhs-trust-guys-st-thomas',
    'nhs.chargeability-check',
    withNino,
    'deny',
  );
  await exchange(
    'ho paused',
    'ho-status-sharing',
    'home-office',
    'hmrc.proactive-notification',
    hmrcProactiveNotification(priya),
    'deny',
  );

  now = new Date(hours.eleven);
  await exchange(
    'ho notification',
    'ho-status-sharing',
    'home-office',
    'hmrc.proactive-notification',
    hmrcProactiveNotification(ruan),
    'permit',
  );
  await dryRun(
    'ukvi dry run',
    'ukvi-casework',
    'home-office-ukvi',
    'dwp.accessed-public-funds',
    accessedPublicFunds(clarence),
  );
  await dryRun(
    'ukvi dry run in 1999',
    'ukvi-casework',
    'home-office-ukvi',
    'dwp.accessed-public-funds',
    accessedPublicFunds(clarence),
    '1999-06-01',
  );
  // Under the free school meals MoU's first version, in force 2009 to 2016.
  const earlier = await caller(gw, 'dfe-pupil-data').decide('dfe.fsm-eligibility', fsmEligibility(yonas), '2012-01-01');
  expect(earlier.body.agreement, JSON.stringify(earlier.body).slice(0, 400)).toEqual({
    id: 'ho-dfe-fsm-process-mou',
    version: 'V1-0',
  });
  await note('dfe dry run in 2012', earlier, 'dry-run', 'dfe.fsm-eligibility', 'dfe');
  // DWP says what its check led to (¶6.62): an entry of its own, linked to the decision.
  const reported = await caller(gw, 'dwp-benefits').post('/v1/feedback', {
    auditId: named['dwp check']!.id,
    outcome: 'no-action',
  });
  expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  const dwpCheck = named['dwp check']!;
  named['dwp feedback'] = {
    ...dwpCheck,
    id: reported.body.auditId,
    ...(await seqAndTime(reported.body.auditId)),
    kind: 'feedback',
    decision: null,
    denied: [],
  };
  made.push(named['dwp feedback']);
  const head = made.reduce((max, e) => Math.max(max, e.seq), 0);
  const created = await caller(gw, 'registry-admin').post(
    '/v1/register/collaborations',
    collaborationBody('dpo-search-test'),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const changes = await gw.db('audit_log').where('seq', '>', head).select('id');
  expect(changes).toHaveLength(1);
  made.push({
    id: changes[0]!.id,
    ...(await seqAndTime(changes[0]!.id)),
    kind: 'register-change',
    exchange: null,
    party: null,
    agreement: null,
    decision: null,
    denied: [],
  });
  named['register change'] = made[made.length - 1]!;

  // The workload is what it was meant to be.
  expect(named['hmrc bad purpose']!.denied).toEqual(['purpose']);
  expect(named['nhs out of scope']!.denied).toEqual(['field-scope']);
  expect(named['ho paused']!.denied).toEqual(['windrush-pause']);
  expect(named['ukvi dry run']!.decision).toBe('permit');
  expect(named['ukvi dry run in 1999']!.denied).toContain('agreement-in-force');
  expect(named['dwp check']!.at).toBe(hours.nine);
  expect(named['ho notification outcome']!.at).toBe(hours.eleven);
}, 120_000);
afterAll(() => gw?.close());

describe('each filter of GET /v1/audit/entries finds exactly the entries made', () => {
  it('by exchange: its decisions and dry runs and the outcomes of its permits', async () => {
    expect(await found({ exchange: 'hmrc.status-check' })).toEqual(expected((e) => e.exchange === 'hmrc.status-check'));
    // The permitted check's lookup, decision and outcome, and the refused check's decision (refused before any lookup).
    expect(await found({ exchange: 'hmrc.status-check' })).toHaveLength(4);
    expect(await found({ exchange: 'dfe.fsm-eligibility' })).toEqual(
      [
        named['dfe dry run in 2012']!.id,
        named['dfe dry run in 2012 lookup']!.id,
        named['dfe fsm outcome']!.id,
        named['dfe fsm']!.id,
        named['dfe fsm lookup']!.id,
      ].filter(Boolean),
    );
    expect(await found({ exchange: 'dwp.accessed-public-funds' })).toEqual([
      named['ukvi dry run in 1999']!.id,
      named['ukvi dry run']!.id,
    ]);
    // An exchange the gateway offers but nobody used today.
    expect(await found({ exchange: 'dfe.child-trace' })).toEqual([]);
  });

  it('by party: what that party asked, with the outcomes', async () => {
    for (const party of ['dwp', 'hmrc', 'dfe', 'nhs-trust-guys-st-thomas', 'home-office', 'home-office-ukvi']) {
      expect(await found({ party }), party).toEqual(expected((e) => e.party === party));
    }
    expect(await found({ party: 'dwp' })).toEqual([
      named['dwp feedback']!.id,
      named['dwp check outcome']!.id,
      named['dwp check']!.id,
      named['dwp check lookup']!.id,
    ]);
    expect(await found({ party: 'nhs-trust-wealdbridge' })).toEqual([]);
  });

  it('by agreement: entries under any version of it', async () => {
    const agreement = named['hmrc check']!.agreement!;
    expect(agreement).toBe('home-office-hmrc-status-gateway');
    const ids = await found({ agreement });
    expect(ids).toEqual(expected((e) => e.agreement === agreement));
    expect(ids).toEqual(
      expect.arrayContaining([named['ho paused']!.id, named['ho notification']!.id, named['hmrc check outcome']!.id]),
    );
    // Both versions of the free school meals MoU.
    expect(await found({ agreement: 'ho-dfe-fsm-process-mou' })).toEqual(
      expected((e) => e.agreement === 'ho-dfe-fsm-process-mou'),
    );
    expect(await found({ agreement: 'ho-dfe-fsm-process-mou' })).toEqual(
      expect.arrayContaining([
        named['dfe dry run in 2012']!.id,
        named['dfe fsm outcome']!.id,
        named['dfe fsm']!.id,
        named['dfe fsm lookup']!.id,
      ]),
    );
    expect(await found({ agreement: 'iecas-mou-nhs-trust-guys-st-thomas' })).toEqual(
      expected((e) => e.agreement === 'iecas-mou-nhs-trust-guys-st-thomas'),
    );
  });

  it('by rule: the decisions that rule denied, and nothing it permitted', async () => {
    expect(await found({ rule: 'windrush-pause' })).toEqual([named['ho paused']!.id]);
    expect(await found({ rule: 'field-scope' })).toEqual([named['nhs out of scope']!.id]);
    expect(await found({ rule: 'purpose' })).toEqual([named['hmrc bad purpose']!.id]);
    expect(await found({ rule: 'agreement-in-force' })).toEqual(
      expected((e) => e.denied.includes('agreement-in-force')),
    );
    expect(await found({ rule: 'agreement-in-force' })).toContain(named['ukvi dry run in 1999']!.id);
    expect(await found({ rule: 'monthly-cap' })).toEqual([]);
  });

  it('by decision', async () => {
    expect(await found({ decision: 'deny' })).toEqual(expected((e) => e.decision === 'deny'));
    expect(await found({ decision: 'deny' })).toHaveLength(4);
    expect(await found({ decision: 'permit' })).toEqual(expected((e) => e.decision === 'permit'));
    expect(await found({ decision: 'permit' })).toHaveLength(7);
  });

  it('by kind', async () => {
    for (const kind of ['decision', 'lookup', 'outcome', 'dry-run', 'register-change', 'feedback']) {
      expect(await found({ kind }), kind).toEqual(expected((e) => e.kind === kind));
    }
    expect(await found({ kind: 'outcome' })).toHaveLength(5);
    expect(await found({ kind: 'feedback' })).toEqual([named['dwp feedback']!.id]);
    expect(await found({ kind: 'register-change' })).toContain(named['register change']!.id);
  });

  it('by time: from is inclusive, to is exclusive', async () => {
    const between = (from: string | null, to: string | null) =>
      expected((e) => (from === null || e.at >= from) && (to === null || e.at < to));
    expect(await found({ from: hours.ten, to: hours.eleven })).toEqual(between(hours.ten, hours.eleven));
    expect(await found({ from: hours.ten, to: hours.eleven })).toEqual(
      expect.arrayContaining([named['dfe fsm']!.id, named['nhs check outcome']!.id, named['ho paused']!.id]),
    );
    // Three decisions, the two permits' outcomes, and the three lookups made before deciding.
    expect(await found({ from: hours.ten, to: hours.eleven })).toHaveLength(9);
    expect(await found({ to: hours.ten })).toEqual(between(null, hours.ten));
    expect(await found({ from: hours.eleven })).toEqual(between(hours.eleven, null));
    // Another way of writing the same instant.
    expect(await found({ from: '2026-11-23T10:00:00+00:00', to: '2026-11-23T11:00:00Z' })).toEqual(
      between(hours.ten, hours.eleven),
    );
    expect(await found({ from: '2026-11-23T09:00:00.001Z', to: hours.ten })).toEqual([]);
  });

  it('by time: any RFC 3339 time the contract takes, however far off, and finer than a millisecond', async () => {
    const between = (from: string | null, to: string | null) =>
      expected((e) => (from === null || e.at >= from) && (to === null || e.at < to));
    expect(await found({ from: '0000-01-01T00:00:00Z' })).toEqual(between(null, null));
    expect(await found({ to: '0000-01-01T00:00:00Z' })).toEqual([]);
    expect(await found({ to: '9999-12-31T23:59:59-23:59' })).toEqual(between(null, null));
    expect(await found({ from: '2026-11-23T09:00:00-23:59' })).toEqual(between('2026-11-24T08:59:00.000Z', null));
    expect(await found({ from: '2026-11-23T10:00:00.0000001Z', to: hours.eleven })).toEqual([]);
    expect(await found({ from: '2026-11-23T09:59:59.9999Z', to: '2026-11-23T10:00:00.0001Z' })).toEqual(
      between(hours.ten, hours.eleven),
    );
  });

  it('filters combine: every one must hold', async () => {
    expect(await found({ party: 'home-office', decision: 'deny' })).toEqual([named['ho paused']!.id]);
    expect(await found({ exchange: 'hmrc.proactive-notification', decision: 'permit' })).toEqual([
      named['ho notification']!.id,
    ]);
    expect(await found({ kind: 'outcome', party: 'nhs-trust-guys-st-thomas' })).toEqual([
      named['nhs check outcome']!.id,
    ]);
    expect(await found({ agreement: 'home-office-hmrc-status-gateway', from: hours.nine, to: hours.ten })).toEqual(
      expected((e) => e.agreement === 'home-office-hmrc-status-gateway' && e.at < hours.ten),
    );
    expect(
      await found({
        agreement: 'home-office-hmrc-status-gateway',
        rule: 'windrush-pause',
        party: 'home-office',
        kind: 'decision',
      }),
    ).toEqual([named['ho paused']!.id]);
    expect(await found({ party: 'dwp', rule: 'windrush-pause' })).toEqual([]);
    expect(await found({ party: 'home-office', from: hours.nine, to: hours.ten })).toEqual([]);
  });

  it('answers whole entries with their hash chain fields', async () => {
    const res = await search({ exchange: 'dwp.status-check', kind: 'decision' });
    expect(res.status).toBe(200);
    const [entry] = res.body.entries;
    expect(entry).toMatchObject({
      id: named['dwp check']!.id,
      seq: named['dwp check']!.seq,
      kind: 'decision',
      recordedAt: hours.nine,
    });
    expect(entry.body).toMatchObject({
      exchange: 'dwp.status-check',
      party: 'dwp',
      clientId: 'dwp-benefits',
      decision: 'permit',
    });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.prevHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('limit and paging', () => {
  it('pages through every decision, newest first, with nextBefore until the last page', async () => {
    const all = expected((e) => e.kind === 'decision');
    expect(all).toHaveLength(8);
    const pages: string[][] = [];
    let before: number | undefined;
    for (;;) {
      const res = await search({ kind: 'decision', limit: 3, ...(before ? { before } : {}) });
      expect(res.status).toBe(200);
      pages.push(res.body.entries.map((e: { id: string }) => e.id));
      before = res.body.nextBefore;
      if (before === undefined) break;
      expect(before).toBe(res.body.entries[res.body.entries.length - 1].seq);
      expect(pages.length).toBeLessThan(5);
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toEqual(all);
  });

  it('gives no nextBefore when the last page is exactly full', async () => {
    const res = await search({ kind: 'outcome', limit: 5 });
    expect(res.body.entries.map((e: { id: string }) => e.id)).toEqual(expected((e) => e.kind === 'outcome'));
    expect(res.body.nextBefore).toBeUndefined();
    const first = await search({ kind: 'outcome', limit: 4 });
    expect(first.body.nextBefore).toBe(first.body.entries[3].seq);
    const rest = await search({ kind: 'outcome', limit: 4, before: first.body.nextBefore });
    expect(rest.body.entries.map((e: { id: string }) => e.id)).toEqual(expected((e) => e.kind === 'outcome').slice(4));
    expect(rest.body.nextBefore).toBeUndefined();
  });

  it('before on its own: entries made earlier than that one', async () => {
    const pivot = named['dfe fsm']!;
    expect(await found({ before: pivot.seq })).toEqual(expected((e) => e.seq < pivot.seq));
    expect(await found({ before: pivot.seq, party: 'hmrc' })).toEqual(
      expected((e) => e.seq < pivot.seq && e.party === 'hmrc'),
    );
  });
});

describe('bad searches are refused with 400 problem+json', () => {
  const bad: [string, Record<string, string | number>][] = [
    ['from equal to to', { from: hours.ten, to: hours.ten }],
    ['from after to', { from: hours.eleven, to: hours.ten }],
    ['a decision that is not permit or deny', { decision: 'maybe' }],
    ['a kind of entry there is not', { kind: 'request' }],
    ['an exchange the gateway does not offer', { exchange: 'dwp.everything' }],
    ['a rule there is not', { rule: 'no-such-rule' }],
    ['a party that is not a register code', { party: 'DWP Benefits' }],
    ['an agreement that is not a register code', { agreement: 'x' }],
    ['a rule that is not a rule id', { rule: 'Windrush Pause' }],
    ['a from that is not a date-time', { from: '23/11/2026' }],
    ['a to that is a day, not a time', { to: '2026-11-23' }],
    ['a from on a day that does not exist', { from: '2026-02-30T10:00:00Z' }],
    ['a to at an hour that does not exist', { to: '2026-11-23T25:00:00Z' }],
    ['a from in a year PostgreSQL cannot hold', { from: '99999-01-01T00:00:00Z' }],
    ['a before beyond any seq the log can count', { before: '99999999999999999999' }],
    ['a before past the integers JavaScript counts exactly', { before: '9007199254740993' }],
    ['a limit with a fraction', { limit: 2.5 }],
    ['a leap second, which no clock here can compare', { from: '2026-11-23T23:59:60Z' }],
    ['a limit of 0', { limit: 0 }],
    ['a limit over 500', { limit: 501 }],
    ['a limit that is not a number', { limit: 'all' }],
    ['a before of 0', { before: 0 }],
    ['a before that is not a seq', { before: 'yesterday' }],
    ['a filter the API does not have', { subject: 'PL739201D' }],
  ];
  it.each(bad)('%s', async (_what, query) => {
    const res = await search(query);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'invalid-request', type: '/problems/invalid-request' });
    expect(res.body.detail.length).toBeGreaterThan(5);
    expect(JSON.stringify(res.body)).not.toContain('PL739201D');
  });

  it('a repeated filter is refused, not silently narrowed to one of its values', async () => {
    const res = await gw.http
      .get('/v1/audit/entries?party=dwp&party=hmrc')
      .set('authorization', `Bearer ${await dpoToken()}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-request');
  });

  it('takes every exchange the gateway governs and every rule a decision lists, and nothing else', async () => {
    for (const { id } of exchanges) expect((await search({ exchange: id, limit: 1 })).status, id).toBe(200);
    for (const rule of ruleIds) expect((await search({ rule, limit: 1 })).status, rule).toBe(200);
    // The contract's lists are those of the code, so a new exchange or rule cannot be left unsearchable.
    const parameters = (
      operation('listAuditEntries').op as unknown as { parameters: { name: string; schema: { enum?: string[] } }[] }
    ).parameters;
    const values = (name: string) => [...parameters.find((p) => p.name === name)!.schema.enum!].sort();
    expect(values('exchange')).toEqual(exchanges.map((e) => e.id).sort());
    expect(values('rule')).toEqual([...ruleIds].sort());
  });
});

describe('who may search and read entries', () => {
  it('only a DPO may search: a partner, an SRO or a registry administrator gets 403', async () => {
    for (const clientId of ['dwp-benefits', 'ho-status-sharing', 'sro', 'registry-admin']) {
      const res = await search({ party: 'dwp' }, await gw.token(clientId));
      expect(res.status, clientId).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'forbidden' });
      expect(res.body.entries).toBeUndefined();
    }
    const anonymous = await gw.http.get('/v1/audit/entries').query({ party: 'dwp' });
    expect(anonymous.status).toBe(401);
  });

  it('a partner reads its own decision by id, with what is linked to it (its outcome and the feedback on it)', async () => {
    const dwp = caller(gw, 'dwp-benefits');
    const own = await dwp.get(`/v1/audit/entries/${named['dwp check']!.id}`);
    expect(own.status).toBe(200);
    expect(own.body.entry).toMatchObject({ id: named['dwp check']!.id, kind: 'decision', body: { party: 'dwp' } });
    expect(own.body.outcomes.map((o: { id: string }) => o.id)).toEqual([
      named['dwp check outcome']!.id,
      named['dwp feedback']!.id,
    ]);
    expect(own.body.outcomes.map((o: { kind: string }) => o.kind)).toEqual(['outcome', 'feedback']);
    const outcome = await dwp.get(`/v1/audit/entries/${named['dwp check outcome']!.id}`);
    expect(outcome.status).toBe(200);
    expect(outcome.body.entry.kind).toBe('outcome');
  });

  it("another party's entry is not found (404), exactly as an id that does not exist", async () => {
    const dwp = caller(gw, 'dwp-benefits');
    const missing = await dwp.get('/v1/audit/entries/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    for (const name of ['hmrc check', 'hmrc check outcome', 'ho paused', 'ukvi dry run', 'register change']) {
      const res = await dwp.get(`/v1/audit/entries/${named[name]!.id}`);
      expect(res.status, name).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const { requestId: _a, ...body } = res.body;
      const { requestId: _b, ...absent } = missing.body;
      expect(body).toEqual(absent);
    }
    // The Home Office partner cannot read the register's changes either, though the registry administrator is Home Office.
    expect(
      (await caller(gw, 'ho-status-sharing').get(`/v1/audit/entries/${named['register change']!.id}`)).status,
    ).toBe(404);
  });

  it('a DPO reads any entry; an SRO reads none; a malformed id is 400', async () => {
    for (const name of ['hmrc check', 'ukvi dry run', 'register change']) {
      const res = await gw.http
        .get(`/v1/audit/entries/${named[name]!.id}`)
        .set('authorization', `Bearer ${await dpoToken()}`);
      expect(res.status, name).toBe(200);
      expect(res.body.entry.id).toBe(named[name]!.id);
    }
    const sro = await caller(gw, 'sro').get(`/v1/audit/entries/${named['hmrc check']!.id}`);
    expect(sro.status).toBe(403);
    // The URN form of a UUID is one the contract takes.
    const urn = await gw.http
      .get(`/v1/audit/entries/urn:uuid:${named['hmrc check']!.id}`)
      .set('authorization', `Bearer ${await dpoToken()}`);
    expect(urn.status).toBe(200);
    expect(urn.body.entry.id).toBe(named['hmrc check']!.id);
    const unknownUrn = await caller(gw, 'dwp-benefits').get(`/v1/audit/entries/urn:uuid:${named['hmrc check']!.id}`);
    expect(unknownUrn.status).toBe(404);
    const malformed = await gw.http
      .get('/v1/audit/entries/not-a-uuid')
      .set('authorization', `Bearer ${await dpoToken()}`);
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });
});

// Last, because it adds entries of its own.
describe('the default page', () => {
  it('holds fifty entries unless more are asked for', async () => {
    now = new Date('2026-11-23T12:00:00.000Z');
    for (let i = 0; i < 45; i += 1)
      await dryRun(
        `dry run ${i}`,
        'ukvi-casework',
        'home-office-ukvi',
        'dwp.accessed-public-funds',
        accessedPublicFunds(clarence),
      );
    expect(made.length).toBeGreaterThan(50);
    const res = await search({});
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e: { id: string }) => e.id)).toEqual(expected(() => true).slice(0, 50));
    expect(res.body.nextBefore).toBe(res.body.entries[49].seq);
  }, 60_000);
});
