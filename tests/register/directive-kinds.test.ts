// Directives are a closed set. An administrator who issues a pause must be able to rely on it being in force: a
// directive whose kind no rule handles would be accepted and do nothing, so it is refused at the door (400, nothing
// written), and one that reaches the register some other way (older data, a DBA's psql) refuses every exchange it
// reaches, naming it. The Windrush pause is "a time-bounded directive that can be extended, changed or lifted;
// decisions must follow the directive in force on the day" (¶5.42–5.43).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { directiveKinds } from '../../gateway/policy/directive-kinds.ts';
import { fixedClock } from '../support/child-trace.ts';
import { caller, dpoReason, expectPermitted, expectRefused, type Caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole, rowCounts } from '../support/register.ts';
import { dwpStatusCheck, hmrcProactiveNotification, hmrcStatusCheck, paths } from '../support/requests.ts';

let gw: TestGateway;
let admin: ReturnType<typeof asRole>;
let hmrc: Caller;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  admin = asRole(gw, 'registry-admin');
  hmrc = caller(gw, 'hmrc-benefits');
});
afterAll(() => gw.close());

const directive = (
  id: string,
  condition: Record<string, unknown>,
  scope: object = { exchanges: ['hmrc.proactive-notification'] },
) => ({
  id,
  title: `Directive ${id}`,
  authority: 'Home Secretary',
  scope,
  condition,
  effectiveFrom: '2026-12-01',
  effectiveTo: null,
  reference: '¶5.43',
});

/** A well-formed condition of every kind the rules handle, and ways each can be wrong. */
const valid: Record<(typeof directiveKinds)[number], Record<string, unknown>> = {
  'pause-over-age': { kind: 'pause-over-age', age: 30, atExactAge: 'paused', whenAgeUnknown: 'paused' },
  'refer-windrush-profile': { kind: 'refer-windrush-profile', settledBefore: '1973-01-01' },
  'only-under-age-facing-deportation': {
    kind: 'only-under-age-facing-deportation',
    age: 30,
    reasonField: 'reason',
    requiredReason: 'facing-deportation-for-criminal-offence',
  },
  'allowed-purposes': {
    kind: 'allowed-purposes',
    purposes: ['presence-not-conducive'],
    otherEffortsFailedRequired: true,
    otherEffortsFailedField: 'trace.otherEffortsFailed',
    seriousOffenceMinimumSentenceMonths: 12,
    sentenceField: 'trace.sentenceMonths',
  },
};
const without = (c: Record<string, unknown>, field: string) =>
  Object.fromEntries(Object.entries(c).filter(([k]) => k !== field));
const wrong: [kind: keyof typeof valid, condition: Record<string, unknown>, detail: RegExp][] = [
  ['pause-over-age', without(valid['pause-over-age'], 'age'), /condition\.age is required/],
  ['pause-over-age', { ...valid['pause-over-age'], age: 'thirty' }, /condition\.age must be integer/],
  [
    'pause-over-age',
    { ...valid['pause-over-age'], atExactAge: 'not-paused' },
    /condition\.atExactAge must be equal to constant/,
  ],
  [
    'refer-windrush-profile',
    { ...valid['refer-windrush-profile'], settledBefore: '1980-01-01' },
    /condition\.settledBefore must be equal to constant/,
  ],
  [
    'only-under-age-facing-deportation',
    without(valid['only-under-age-facing-deportation'], 'requiredReason'),
    /condition\.requiredReason is required/,
  ],
  [
    'only-under-age-facing-deportation',
    { ...valid['only-under-age-facing-deportation'], age: 29.5 },
    /condition\.age must be integer/,
  ],
  ['allowed-purposes', without(valid['allowed-purposes'], 'purposes'), /condition\.purposes is required/],
  [
    'allowed-purposes',
    { ...valid['allowed-purposes'], purposes: [] },
    /condition\.purposes must NOT have fewer than 1 items/,
  ],
  [
    'allowed-purposes',
    { ...valid['allowed-purposes'], otherEffortsFailedRequired: 'yes' },
    /condition\.otherEffortsFailedRequired must be boolean/,
  ],
  [
    'allowed-purposes',
    { ...valid['allowed-purposes'], seriousOffenceMinimumSentenceMonths: '12' },
    /condition\.seriousOffenceMinimumSentenceMonths must be integer/,
  ],
  [
    'allowed-purposes',
    { ...valid['allowed-purposes'], sentenceField: 'trace sentence' },
    /condition\.sentenceField is not in the expected format/,
  ],
];

describe('issuing a directive', () => {
  it('of a kind no rule handles ("teleport") is a 400 naming condition.kind, and writes nothing', async () => {
    const before = await rowCounts(gw);
    const res = await admin.post('/v1/register/directives', directive('teleport', { kind: 'teleport' }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/condition\.kind is not a kind any rule handles/);
    expect(res.body.detail).not.toContain('teleport');
    expect(await rowCounts(gw)).toEqual(before);
    expect(await gw.db('directives').where({ id: 'teleport' }).first()).toBeUndefined();
    const changes = (await gw.db('audit_log').where({ kind: 'register-change' }).select('body')).map((r) =>
      typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
    );
    expect(changes.filter((b) => b.target === 'directive/teleport')).toEqual([]);
  });

  it.each(directiveKinds)('of kind %s is accepted with its fields', async (kind) => {
    expect((await admin.post('/v1/register/directives', directive(`ok-${kind}`, valid[kind]))).status).toBe(201);
  });

  it.each(wrong)(
    'of kind %s with a field missing or mistyped is a 400 naming it (%#)',
    async (_kind, condition, detail) => {
      const before = await rowCounts(gw);
      const res = await admin.post(
        '/v1/register/directives',
        directive(`wrong-${Math.random().toString(36).slice(2, 8)}`, condition),
      );
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(detail);
      expect(await rowCounts(gw)).toEqual(before);
    },
  );
});

describe('a directive of an unknown kind already in the register', () => {
  const priya = fixtures.turns30On2018_05_01;
  const older = {
    ...directive('teleport-2019', { kind: 'teleport' }, { exchanges: ['hmrc.status-check'] }),
    effectiveFrom: '2019-01-01',
  };

  it('refuses the exchanges it reaches, naming it', async () => {
    await expectPermitted(gw, await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(priya, { nino: true })));
    // As an older row would be, or one written around the API: straight into the table.
    await gw.db('directives').insert({ id: older.id, body: JSON.stringify(older) });
    const refused = await expectRefused(
      gw,
      await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(priya, { nino: true })),
      'unknown-directive',
    );
    expect(refused.decision.directives).toContain('teleport-2019');
    expect(refused.detail).toMatch(
      /unknown-directive: Directive teleport-2019 \("Directive teleport-2019", kind "teleport"\) is in force but of a kind no rule applies/,
    );
    expect(await dpoReason(gw, refused.auditId, 'unknown-directive')).toMatch(/teleport-2019/);
    // The SRO's measures say which rule refuses under it.
    const measures = await gw.http.get('/v1/measures').set('authorization', `Bearer ${await gw.token('sro')}`);
    expect(
      measures.body.directives.find((d: { directiveId: string }) => d.directiveId === 'teleport-2019'),
    ).toMatchObject({ rule: 'unknown-directive', refusedByDirective: 1 });
  });

  it('leaves the exchanges it does not reach alone', async () => {
    const dry = await caller(gw, 'ho-status-sharing').decide(
      'hmrc.proactive-notification',
      hmrcProactiveNotification(priya),
    );
    expect(dry.status, JSON.stringify(dry.body).slice(0, 400)).toBe(200);
    expect(dry.body.rules.find((r: { id: string }) => r.id === 'unknown-directive').outcome).toBe('not-applicable');
  });

  it('refuses, the same way, a known kind whose condition its schema refuses (written around the API)', async () => {
    const misread = {
      ...directive(
        'pause-thirty-words',
        { kind: 'pause-over-age', age: 'thirty' },
        { exchanges: ['dwp.status-check'] },
      ),
      effectiveFrom: '2019-01-01',
    };
    await gw.db('directives').insert({ id: misread.id, body: JSON.stringify(misread) });
    const refused = await expectRefused(
      gw,
      await caller(gw, 'dwp-benefits').post(paths['dwp.status-check'], dwpStatusCheck(priya, { nino: true })),
      'unknown-directive',
    );
    expect(refused.detail).toMatch(/pause-thirty-words .*kind "pause-over-age" with a condition its schema refuses/);
  });

  it('is listed, so that it can be seen and lifted', async () => {
    const listed = await admin.get('/v1/register/directives?asOf=2026-11-23');
    expect(listed.status).toBe(200);
    expect(listed.body.directives.map((d: { id: string }) => d.id)).toContain('teleport-2019');
    const lifted = await admin.post('/v1/register/directives/teleport-2019/end', {
      action: 'lift',
      effectiveTo: '2026-11-23',
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body.condition).toEqual({ kind: 'teleport' });
  });
});
