// The register of people over the API, and the console of a production start (SANDBOX=false): sign-in at the
// identity provider only, no token pasting.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPseudonymiser } from '../../audit/subject-key.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
// Nothing listens on port 9 (discard): the provider is unreachable, which only signing in finds out.
beforeAll(async () => {
  gw = await startTestGateway({
    sandbox: false,
    oidc: (baseUrl) => ({
      issuer: 'http://127.0.0.1:9',
      clientId: 'gateway-console',
      clientSecret: 'secret',
      privateKeyFile: null,
      redirectUrl: `${baseUrl}/console/sign-in/callback`,
      groupsClaim: 'groups',
      providerName: 'Home Office sign-in',
    }),
  });
});
afterAll(() => gw.close());

const canary = 'person-canary-7731';
const admin = async () => `Bearer ${await gw.token('registry-admin')}`;
const registerChanges = async () =>
  (await gw.db('audit_log').where({ kind: 'register-change' }).orderBy('seq')).map((r) =>
    typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
  );

describe('the register of people', () => {
  it('gives a person a console role by subject, audited with an HMAC of the subject and nothing in clear', async () => {
    const res = await gw.http
      .post('/v1/console/people/grants')
      .set('authorization', await admin())
      .send({ claim: 'sub', value: canary, role: 'dpo' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ claim: 'sub', value: canary, role: 'dpo', grantedBy: 'registry-admin' });
    const list = await gw.http.get('/v1/console/people').set('authorization', await admin());
    expect(list.body.mappings).toEqual([expect.objectContaining({ claim: 'sub', value: canary, role: 'dpo' })]);
    expect((await registerChanges()).at(-1)).toMatchObject({
      action: 'grant-console-role',
      actor: 'registry-admin',
      target: 'console-people',
      after: { claim: 'sub', role: 'dpo', subjectHmac: createPseudonymiser(gw.hmacKey).providerSubject(canary) },
    });
    expect(JSON.stringify(await gw.db('audit_log').select('body_canonical'))).not.toContain(canary);
  });

  it('refuses the same grant twice (409) and a role the console does not serve (400), writing nothing', async () => {
    const before = (await registerChanges()).length;
    const twice = await gw.http
      .post('/v1/console/people/grants')
      .set('authorization', await admin())
      .send({ claim: 'sub', value: canary, role: 'dpo' });
    expect(twice.status).toBe(409);
    const partner = await gw.http
      .post('/v1/console/people/grants')
      .set('authorization', await admin())
      .send({ claim: 'group', value: 'staff', role: 'partner' });
    expect(partner.status).toBe(400);
    expect((await registerChanges()).length).toBe(before);
  });

  it('revokes, keeping the history: grant and revocation both stand in the table, dated by the database', async () => {
    const res = await gw.http
      .post('/v1/console/people/revocations')
      .set('authorization', await admin())
      .send({ claim: 'sub', value: canary, role: 'dpo' });
    expect(res.status).toBe(204);
    expect((await gw.http.get('/v1/console/people').set('authorization', await admin())).body.mappings).toEqual([]);
    const again = await gw.http
      .post('/v1/console/people/revocations')
      .set('authorization', await admin())
      .send({ claim: 'sub', value: canary, role: 'dpo' });
    expect(again.status).toBe(404);
    const history = await gw.db('console_people_roles').where({ value: canary }).orderBy('seq');
    expect(history.map((r) => r.change)).toEqual(['grant', 'revoke']);
    expect(history.every((r) => r.recorded_at instanceof Date || typeof r.recorded_at === 'string')).toBe(true);
    expect((await registerChanges()).at(-1)).toMatchObject({
      action: 'revoke-console-role',
      before: { claim: 'sub', role: 'dpo' },
      after: null,
    });
  });

  it("keeps a group name in the audit entry, a group not being anyone's personal data", async () => {
    await gw.http
      .post('/v1/console/people/grants')
      .set('authorization', await admin())
      .send({ claim: 'group', value: 'gateway-sro', role: 'sro' });
    expect((await registerChanges()).at(-1)).toMatchObject({
      after: { claim: 'group', value: 'gateway-sro', role: 'sro' },
    });
  });

  it('is append-only in the database itself', async () => {
    await expect(gw.db('console_people_roles').update({ role: 'dpo' })).rejects.toThrow(/append-only/);
    await expect(gw.db('console_people_roles').delete()).rejects.toThrow(/append-only/);
    await expect(gw.db.raw('truncate console_people_roles')).rejects.toThrow(/append-only/);
  });
});

describe('the console of a production start', () => {
  it('offers only the identity provider: no token form, and a pasted token is not taken', async () => {
    const page = await gw.http.get('/console/sign-in');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/console/sign-in/oidc"');
    expect(page.text).toContain('Sign in with Home Office sign-in');
    expect(page.text).not.toContain('textarea');
    const pasted = await gw.http
      .post('/console/sign-in')
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ signin: 'x', token: await gw.token('sro', { jti: randomUUID() }) });
    expect(pasted.status).toBe(404);
    expect(pasted.headers['set-cookie'] ?? []).toEqual([]);
  });

  it('says sign-in is unavailable (503) when the identity provider cannot be reached, and sets no cookie', async () => {
    const res = await gw.http.get('/console/sign-in/oidc');
    expect(res.status).toBe(503);
    expect(res.text).toContain('Sign-in is unavailable');
    expect(res.headers['set-cookie'] ?? []).toEqual([]);
  });

  it('refuses a callback with no sign-in behind it, writing nothing to the log', async () => {
    const before = await gw.db('audit_log').count<{ n: string }[]>({ n: '*' }).first();
    const res = await gw.http.get('/console/sign-in/callback?code=abc&state=def').set('cookie', 'gw-console-oidc=%');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Start again');
    expect(await gw.db('audit_log').count<{ n: string }[]>({ n: '*' }).first()).toEqual(before);
  });
});
