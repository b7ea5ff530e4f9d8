// The console's sign-in and sessions over plain HTTP: what a department's security review would try first.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole, collaborationBody } from '../support/register.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`));

async function signInForm() {
  const res = await gw.http.get('/console/sign-in');
  return {
    nonce: /name="signin" value="([^"]+)"/.exec(res.text)![1]!,
    cookie: cookieOf(res, 'gw-console-signin')!.split(';')[0]!,
  };
}
async function signIn(token: string, headers: Record<string, string> = {}) {
  const form = await signInForm();
  const req = gw.http.post('/console/sign-in').set('cookie', form.cookie).set('origin', gw.baseUrl).type('form');
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send({ signin: form.nonce, token });
}
const fresh = (clientId: string) => gw.token(clientId, { jti: randomUUID() });
async function session(clientId: string) {
  const res = await signIn(await fresh(clientId));
  expect(res.status).toBe(303);
  const cookie = cookieOf(res, 'gw-console')!.split(';')[0]!;
  const page = await gw.http.get('/console/dpo').set('cookie', cookie);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return { cookie, csrf };
}

describe('signing in', () => {
  it('sends anyone without a session to the sign-in page', async () => {
    for (const path of ['/console', '/console/register', '/console/dpo/search']) {
      const res = await gw.http.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/sign-in');
    }
  });

  it('exchanges a token once for an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await signIn(await fresh('sro'));
    expect(res.status).toBe(303);
    const cookie = cookieOf(res, 'gw-console')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // served over http in tests; Secure and __Host- over https
    const page = await gw.http.get('/console/register').set('cookie', cookie.split(';')[0]!);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    // The session id is kept only as a hash.
    const id = cookie.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(await gw.db('console_sessions').select())).not.toContain(id);
  });

  it('refuses the same token a second time, a token without a jti, and a forged one', async () => {
    const token = await fresh('dpo');
    expect((await signIn(token)).status).toBe(303);
    const again = await signIn(token);
    expect(again.status).toBe(401);
    expect(again.text).toContain('already been used');
    const noJti = await signIn(await gw.token('dpo'));
    expect(noJti.status).toBe(401);
    expect(noJti.text).toContain('jti');
    const forged = await signIn(`${token.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expect(forged.text).not.toContain(token);
  });

  it('refuses a partner and a registry administrator, opening no session', async () => {
    for (const client of ['ie-removals-casework', 'dwp-benefits', 'registry-admin']) {
      const res = await signIn(await fresh(client));
      expect(res.status, client).toBe(403);
      expect(res.text).toContain('The console is for Senior Responsible Officers and Data Protection Officers');
      expect(cookieOf(res, 'gw-console')).toBeUndefined();
    }
  });

  it('refuses a sign-in form from another site or without its form token (login CSRF)', async () => {
    const form = await signInForm();
    const token = await fresh('sro');
    const noCookie = await gw.http
      .post('/console/sign-in')
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ signin: form.nonce, token });
    expect(noCookie.status).toBe(403);
    const elsewhere = await signIn(await fresh('sro'), { origin: 'https://attacker.example' });
    expect(elsewhere.status).toBe(403);
    const crossSite = await signIn(await fresh('sro'), { 'sec-fetch-site': 'cross-site', origin: 'null' });
    expect(crossSite.status).toBe(403);
  });
});

describe('inside a session', () => {
  it('keeps DPO pages from an SRO', async () => {
    const sro = await session('sro');
    for (const path of ['/console/dpo', '/console/dpo/search', '/console/dpo/verification']) {
      expect((await gw.http.get(path).set('cookie', sro.cookie)).status, path).toBe(403);
    }
  });

  it("accepts a form only with the session's CSRF token, from the console itself", async () => {
    const dpo = await session('dpo');
    const post = (body: Record<string, string>, origin = gw.baseUrl) =>
      gw.http
        .post('/console/dpo/subject-report')
        .set('cookie', dpo.cookie)
        .set('origin', origin)
        .type('form')
        .send(body);
    expect((await post({ nino: 'YH204817B' })).status).toBe(403);
    expect((await post({ nino: 'YH204817B', csrf: 'guess' })).status).toBe(403);
    expect((await post({ nino: 'YH204817B', csrf: dpo.csrf }, 'https://attacker.example')).status).toBe(403);
    const ok = await post({ nino: 'YH204817B', csrf: dpo.csrf });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('0 exchanges about this person');
    expect(ok.text).not.toContain('YH204817B');
  });

  it('explains a subject given two ways, or badly, without echoing it', async () => {
    const dpo = await session('dpo');
    const res = await gw.http
      .post('/console/dpo/subject-report')
      .set('cookie', dpo.cookie)
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ csrf: dpo.csrf, nino: 'YH204817B', homeOfficeReference: 'HO-4000004' });
    expect(res.text).toContain('Name the person one way only');
    const bad = await gw.http
      .post('/console/dpo/subject-report')
      .set('cookie', dpo.cookie)
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ csrf: dpo.csrf, nino: 'Clarence Baptiste' });
    expect(bad.text).toContain('There is a problem');
    expect(bad.text).not.toContain('Clarence');
  });

  it('ends on sign-out: the old cookie opens nothing', async () => {
    const dpo = await session('dpo');
    const out = await gw.http
      .post('/console/sign-out')
      .set('cookie', dpo.cookie)
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ csrf: dpo.csrf });
    expect(out.status).toBe(303);
    expect(cookieOf(out, 'gw-console')).toMatch(/Max-Age=0/);
    expect((await gw.http.get('/console/dpo').set('cookie', dpo.cookie)).status).toBe(303);
  });

  it('escapes whatever the register holds: a title with markup is shown as text', async () => {
    const admin = asRole(gw, 'registry-admin');
    expect(
      (
        await admin.post(
          '/v1/register/collaborations',
          collaborationBody('test-markup', { title: '<script>alert(1)</script> Test' }),
        )
      ).status,
    ).toBe(201);
    const sro = await session('sro');
    const page = await gw.http.get('/console/register').set('cookie', sro.cookie);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Test');
  });

  it('answers an unknown page or collaboration with an HTML 404, and a bad search with its reason', async () => {
    const dpo = await session('dpo');
    expect((await gw.http.get('/console/nowhere').set('cookie', dpo.cookie)).status).toBe(404);
    expect((await gw.http.get('/console/collaborations/no-such').set('cookie', dpo.cookie)).status).toBe(404);
    expect((await gw.http.get('/console/dpo/entries/not-an-id').set('cookie', dpo.cookie)).status).toBe(404);
    const bad = await gw.http.get('/console/dpo/search?exchange=<b>x</b>&from=yesterday').set('cookie', dpo.cookie);
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('Choose an exchange from the list.');
    expect(bad.text).not.toContain('<b>x</b>');
  });
});

describe('a cookie the console could not have written', () => {
  // `%` and a cut-off escape cannot be percent-decoded; they once made every console page answer 500.
  const malformed = ['gw-console=%', 'gw-console=%E0%A4%A; gw-console-signin=%'];

  it.each(malformed)('is no session on every page, sign-in included (%s)', async (cookie) => {
    for (const path of [
      '/console',
      '/console/register',
      '/console/collaborations/ie-dfe-child-tracing',
      '/console/directives',
      '/console/dpo',
      '/console/dpo/search',
      '/console/dpo/verification',
    ]) {
      const res = await gw.http.get(path).set('cookie', cookie);
      expect(res.status, path).toBe(303);
      expect(res.headers.location).toBe('/console/sign-in');
    }
    const signInPage = await gw.http.get('/console/sign-in').set('cookie', cookie);
    expect(signInPage.status).toBe(200);
    expect(signInPage.text).toContain('name="signin"');
    for (const path of ['/console/sign-out', '/console/dpo/subject-report', '/console/dpo/verification']) {
      const res = await gw.http
        .post(path)
        .set('cookie', cookie)
        .set('origin', gw.baseUrl)
        .type('form')
        .send({ csrf: 'x' });
      expect(res.status, path).toBe(401);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('Your session has ended');
    }
  });

  it('is no sign-in form either: the form is refused and a new one offered', async () => {
    const form = await signInForm();
    const res = await gw.http
      .post('/console/sign-in')
      .set('cookie', 'gw-console-signin=%')
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ signin: form.nonce, token: await fresh('sro') });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Start again');
  });
});
