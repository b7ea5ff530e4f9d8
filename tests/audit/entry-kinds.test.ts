// The audit entry is a discriminated union declared in openapi.yaml (issue 17): one schema per kind, each with the
// body its writers put in it. Every kind the database allows has its schema and its constructor, and no schema names a
// kind the database refuses; and the entries that real work writes through the app, of every kind, each hold to their
// kind's schema, so what a DPO reads is what the contract says.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as constructors from '../../audit/entry-kinds.ts';
import { toEntry } from '../../audit/read.ts';
import { openapi, validatorFor } from '../../contracts/openapi.ts';
import { sandboxClients } from '../../gateway/auth/sandbox-clients.ts';
import { exchanges } from '../../gateway/exchanges/catalogue.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { paths, rightfulRequest } from '../support/requests.ts';
import { send, templates } from '../measures/workload.ts';

interface Union {
  oneOf: { $ref: string }[];
  discriminator: { propertyName: string; mapping: Record<string, string> };
}
const schemas = openapi.components.schemas as Record<string, unknown>;
const union = schemas.AuditEntry as Union;
const kindOf = (ref: string) =>
  (schemas[ref.replace('#/components/schemas/', '')] as { properties: { kind: { const: string } } }).properties.kind
    .const;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
}, 60_000);
afterAll(() => gw.close());

const bearer = async (client: string) => `Bearer ${await gw.token(client)}`;
const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`))?.split(';')[0] ??
  '';

async function allowedByTheDatabase(): Promise<string[]> {
  const { rows } = await gw.db.raw(`select pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = 'audit_log'::regclass and conname = 'audit_log_kind_check'`);
  return [...String((rows as { def: string }[])[0]!.def).matchAll(/'([^']+)'/g)].map((m) => m[1]!).sort();
}

/** Signs in to the console with a client token; the session cookie and its CSRF token, or only the answer if refused. */
async function consoleSignIn(client: string) {
  const form = await gw.http.get('/console/sign-in');
  const nonce = /name="signin" value="([^"]+)"/.exec(form.text)![1]!;
  const res = await gw.http
    .post('/console/sign-in')
    .set('cookie', cookieOf(form, 'gw-console-signin'))
    .set('origin', gw.baseUrl)
    .type('form')
    .send({ signin: nonce, token: await gw.token(client, { jti: randomUUID() }) });
  const cookie = cookieOf(res, 'gw-console');
  if (!cookie) return { res };
  const page = await gw.http.get('/console/').set('cookie', cookie);
  return { res, cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '' };
}

describe('the audit entry union', () => {
  it('has a schema for every kind the database allows, and for no other kind', async () => {
    const allowed = await allowedByTheDatabase();
    expect(union.discriminator.propertyName).toBe('kind');
    expect(Object.keys(union.discriminator.mapping).sort()).toEqual(allowed);
    expect(union.oneOf.map((r) => kindOf(r.$ref)).sort()).toEqual(allowed);
    for (const [kind, ref] of Object.entries(union.discriminator.mapping)) expect(kindOf(ref), ref).toBe(kind);
    // The search filter names the same kinds, and audit/entry-kinds.ts builds each one.
    const list = (
      openapi.paths['/v1/audit/entries'] as { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }
    ).get;
    expect([...list.parameters.find((p) => p.name === 'kind')!.schema.enum!].sort()).toEqual(allowed);
    const built = Object.values(constructors).map(
      (make) => (make as (body: never) => { kind: string })({} as never).kind,
    );
    expect(built.sort()).toEqual(allowed);
    // A constructor only names the kind: the body is the writer's own object, so its canonical text and hash are too.
    const body = { action: 'load-default-register', actor: 'system', after: null };
    expect(constructors.registerChangeEntry(body).body).toBe(body);
  });

  it('holds every entry real work writes through the app, of every kind', async () => {
    // Decisions, lookups and outcomes: each exchange asked by every partner, refused or permitted; the workload's cases.
    const partners = sandboxClients.filter((c) => c.roles.includes('partner'));
    for (const def of exchanges) {
      const path = paths[def.id as keyof typeof paths];
      const body = rightfulRequest[def.id as keyof typeof paths](fixtures.offenderUnder30);
      for (const client of partners)
        await gw.http
          .post(path)
          .set('authorization', await bearer(client.id))
          .send(body as object);
    }
    const sent = Object.fromEntries(
      await Promise.all(
        Object.keys(templates).map(async (name) => [name, await send(gw, name, '2026-11-23')] as const),
      ),
    );

    // Dry runs, of an exchange that looks the person up and of one that does not.
    const dryRuns = [
      {
        as: 'dpo',
        party: 'home-office-ie',
        exchange: 'dfe.child-trace',
        request: childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }),
      },
      {
        as: 'dwp-benefits',
        exchange: 'dwp.status-check',
        request: rightfulRequest['dwp.status-check'](fixtures.windrushElder),
      },
    ];
    for (const { as, ...request } of dryRuns) {
      const res = await gw.http
        .post('/v1/decisions')
        .set('authorization', await bearer(as))
        .send(request);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    // Feedback, a correction, and a completion.
    const traced = sent['trace-matched']!.auditId;
    const ie = await bearer('ie-removals-casework');
    const wrong = await gw.http
      .post('/v1/feedback')
      .set('authorization', ie)
      .send({ auditId: traced, outcome: 'wrong-person' });
    expect(wrong.status).toBe(201);
    const corrected = await gw.http
      .post('/v1/feedback')
      .set('authorization', ie)
      .send({ auditId: traced, outcome: 'corrected', corrects: wrong.body.auditId });
    expect(corrected.status).toBe(201);
    const done = await gw.http
      .post('/v1/completions')
      .set('authorization', await bearer('dfe-pupil-data'))
      .send({ auditId: traced, work: 'trace-answered', completedAt: fixedClock().toISOString() });
    expect(done.status).toBe(201);

    // An obligation confirmed: the Windrush referral a status check gave rise to.
    const referral = `refer-to-windrush-taskforce.${sent['dwp-check-windrush']!.auditId}`;
    expect(
      (
        await gw.http
          .post(`/v1/obligations/${referral}/confirmation`)
          .set('authorization', await bearer('sro'))
          .send({})
      ).status,
    ).toBe(201);

    // Console access: a refused sign-in, a sign-in and its sign-out.
    expect((await consoleSignIn('dwp-benefits')).res.status).toBe(403);
    const dpo = await consoleSignIn('dpo');
    expect(dpo.cookie).toBeTruthy();
    await gw.http
      .post('/console/sign-out')
      .set('cookie', dpo.cookie!)
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ csrf: dpo.csrf });

    const entries = (await gw.db('audit_log').orderBy('seq')).map(toEntry);
    const validate = validatorFor('AuditEntry');
    const errorsOf = (entry: unknown) => (validate(entry) ? null : validate.errors);
    const broken = entries
      .map((e) => ({ seq: e.seq, kind: e.kind, errors: errorsOf(e) }))
      .filter((e) => e.errors !== null);
    expect(broken).toEqual([]);
    expect([...new Set(entries.map((e) => e.kind))].sort()).toEqual(await allowedByTheDatabase());
    // A body under another kind is refused; a field an older gateway wrote stays readable (the log is never
    // rewritten), while writers are held to the listed fields by the generated types.
    const decision = entries.find((e) => e.kind === 'decision')!;
    expect(errorsOf({ ...decision, kind: 'outcome' })).not.toBeNull();
    expect(errorsOf({ ...decision, body: { ...decision.body, decision: undefined } })).not.toBeNull();
    expect(errorsOf({ ...decision, body: { ...decision.body, fieldAnOlderGatewayWrote: 'x' } })).toBeNull();

    // And the DPO reads them through the API as the contract says (the route checks its own answer).
    expect((await gw.http.get('/v1/audit/entries?limit=500').set('authorization', await bearer('dpo'))).status).toBe(
      200,
    );
  }, 240_000);
});
