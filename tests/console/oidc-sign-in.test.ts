// A person signs into the console at the department's identity provider, in Chromium: a real OpenID Provider
// (oidc-provider, the sandbox's) on another site (127.0.0.2, where the gateway is on 127.0.0.1, so the browser treats
// the return from the provider as the cross-site navigation it is in production). Roles come from the register of
// people; an unmapped person, a forged state and a wrong PKCE verifier are refused; every sign-in, sign-out and
// refusal is in the audit log, with no one's name or identifier in clear.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPseudonymiser } from '../../audit/subject-key.ts';
import { demoPeople, listenIdentityProvider } from '../../sandbox/identity-provider.ts';
import { demoMappings, mapDemoPeople } from '../../sandbox/start.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { launchChromium, screenshot } from './browser.ts';

let gw: TestGateway;
let idp: Awaited<ReturnType<typeof listenIdentityProvider>>;
let browser: Browser;
const [dana, sam, uma] = demoPeople as [(typeof demoPeople)[0], (typeof demoPeople)[0], (typeof demoPeople)[0]];
const clientSecret = randomBytes(32).toString('base64url');

beforeAll(async () => {
  idp = await listenIdentityProvider({ host: '127.0.0.2', port: 0, setting: 'SANDBOX_IDP_PORT' });
  gw = await startTestGateway({
    oidc: (baseUrl) => ({
      issuer: idp.issuer,
      clientId: 'gateway-console',
      clientSecret,
      privateKeyFile: null,
      redirectUrl: `${baseUrl}/console/sign-in/callback`,
      groupsClaim: 'groups',
      providerName: 'the sandbox identity provider',
    }),
  });
  await idp.serve(demoPeople, { clientId: 'gateway-console', clientSecret, redirectUri: gw.config.oidc!.redirectUrl });
  await mapDemoPeople(gw.people, { info: () => undefined } as never);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
  await idp?.close();
});

/** Opens the console, follows "Sign in with…" to the provider, and chooses who to be there. */
async function signInAs(
  name: string,
  beforeChoosing?: (page: Page) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${gw.baseUrl}/console`);
  await page.getByRole('link', { name: 'Sign in with the sandbox identity provider' }).click();
  await page.getByRole('heading', { name: 'Sandbox identity provider' }).waitFor();
  expect(new URL(page.url()).host).toBe(new URL(idp.issuer).host);
  await beforeChoosing?.(page);
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  return { context, page };
}

const accessEntries = async () =>
  (await gw.db('audit_log').where({ kind: 'console-access' }).orderBy('seq')).map((r) => ({
    seq: Number(r.seq),
    id: r.id as string,
    body: (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as Record<string, unknown>,
  }));
const latestAccess = async () => (await accessEntries()).at(-1)!;
const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'gw-console');

describe('a person the register of people knows', () => {
  it('signs in as a DPO (by her group) and lands on the DPO pages, audited by an HMAC of her subject only', async () => {
    const { context, page } = await signInAs(dana.name);
    await page.getByRole('heading', { level: 1, name: 'Subject report' }).waitFor();
    expect(new URL(page.url()).origin).toBe(gw.baseUrl);
    expect(await page.locator('.who').textContent()).toContain(`Signed in as ${dana.name} (dpo)`);
    await screenshot(page, 'oidc-dpo-signed-in');

    const entry = await latestAccess();
    expect(entry.body).toMatchObject({
      action: 'sign-in',
      method: 'oidc',
      roles: ['dpo'],
      subjectHmac: createPseudonymiser(gw.hmacKey).providerSubject(dana.subject),
    });
    const log = JSON.stringify(await gw.db('audit_log').select('body_canonical'));
    for (const canary of [dana.subject, dana.name, 'Whitfield']) expect(log).not.toContain(canary);
    await context.close();
  });

  it('signs in as the SRO (by her subject) and sees the register; the session cookie is HttpOnly and SameSite=Strict', async () => {
    const { context, page } = await signInAs(sam.name);
    await page.getByRole('heading', { level: 1, name: /Collaboration register/ }).waitFor();
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The sign-in's own cookie (state, nonce and verifier live server-side, under its hash) is gone.
    expect((await context.cookies()).map((c) => c.name)).not.toContain('gw-console-oidc');
    await context.close();
  });

  it('signs out: the session ends, the old cookie opens nothing, and the sign-out is audited', async () => {
    const { context, page } = await signInAs(sam.name);
    await page.getByRole('heading', { level: 1, name: /Collaboration register/ }).waitFor();
    const cookie = (await sessionCookie(context))!;
    const signIn = await latestAccess();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the console' }).waitFor();
    const signOut = await latestAccess();
    expect(signOut.body).toMatchObject({
      action: 'sign-out',
      method: 'oidc',
      subjectHmac: signIn.body.subjectHmac,
      session: signIn.body.session,
    });
    // The cookie copied before signing out is refused.
    const again = await browser.newContext();
    await again.addCookies([{ name: cookie.name, value: cookie.value, domain: '127.0.0.1', path: '/' }]);
    const other = await again.newPage();
    await other.goto(`${gw.baseUrl}/console/register`);
    await other.getByRole('heading', { level: 1, name: 'Sign in to the console' }).waitFor();
    await again.close();
    await context.close();
  });

  it('loses the console at the next page once a registry administrator revokes the role', async () => {
    const { context, page } = await signInAs(dana.name);
    await page.getByRole('heading', { level: 1, name: 'Subject report' }).waitFor();
    await gw.people.revoke('registry-admin', demoMappings[0]!);
    await page.goto(`${gw.baseUrl}/console/dpo`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to the console' }).waitFor();
    await gw.people.grant('registry-admin', demoMappings[0]!);
    await context.close();
  });
});

describe('refused', () => {
  it('a person the provider knows but the register of people does not: a clear page, no session, the refusal audited', async () => {
    const { context, page } = await signInAs(uma.name);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to the console' }).waitFor();
    expect(await page.textContent('main')).toContain(uma.subject);
    expect(await sessionCookie(context)).toBeUndefined();
    const entry = await latestAccess();
    expect(entry.body).toMatchObject({
      action: 'sign-in-refused',
      method: 'oidc',
      reason: 'not-in-register',
      subjectHmac: createPseudonymiser(gw.hmacKey).providerSubject(uma.subject),
    });
    expect(await page.textContent('main')).toContain(entry.id);
    expect(JSON.stringify(entry.body)).not.toContain(uma.subject);
    await screenshot(page, 'oidc-not-in-register');
    await context.close();
  });

  it('an answer whose state is not the one this browser was sent with (a second sign-in begun in another tab)', async () => {
    const { context, page } = await signInAs(dana.name, async (p) => {
      // The second tab's sign-in replaces this one's cookie, so this tab's answer carries a state no longer its own.
      const tab = await p.context().newPage();
      await tab.goto(`${gw.baseUrl}/console/sign-in/oidc`);
      await tab.getByRole('heading', { name: 'Sandbox identity provider' }).waitFor();
      await tab.close();
    });
    await page.getByRole('heading', { level: 1, name: 'Start again' }).waitFor();
    expect(await sessionCookie(context)).toBeUndefined();
    expect((await latestAccess()).body).toMatchObject({ action: 'sign-in-refused', reason: 'state-mismatch' });
    await context.close();
  });

  it('a code redeemed with a PKCE verifier other than the one its challenge was made from', async () => {
    const { context, page } = await signInAs(dana.name, async () => {
      // As if the code had been stolen and redeemed by someone without this sign-in's verifier.
      await gw.db('console_sign_in_attempts').update({ code_verifier: randomBytes(32).toString('base64url') });
    });
    await page.getByRole('heading', { level: 1, name: 'You could not be signed in' }).waitFor();
    expect(await sessionCookie(context)).toBeUndefined();
    expect((await latestAccess()).body).toMatchObject({ action: 'sign-in-refused', reason: 'code-exchange-failed' });
    await context.close();
  });

  it('a callback that no sign-in here began, and the same callback replayed, without writing to the log', async () => {
    let callback = '';
    const { context, page } = await signInAs(sam.name, async (p) => {
      p.on('request', (r) => {
        if (r.url().startsWith(`${gw.baseUrl}/console/sign-in/callback?`)) callback = r.url();
      });
    });
    await page.getByRole('heading', { level: 1, name: /Collaboration register/ }).waitFor();
    const before = (await accessEntries()).length;
    const replay = await gw.http.get(callback.slice(gw.baseUrl.length));
    expect(replay.status).toBe(403);
    expect(replay.text).toContain('Start again');
    expect((await accessEntries()).length).toBe(before);
    await context.close();
  });
});

describe('the audit log', () => {
  it('lets a DPO find every sign-in, sign-out and refusal by its kind, chained like any entry', async () => {
    const res = await gw.http
      .get('/v1/audit/entries?kind=console-access&limit=100')
      .set('authorization', `Bearer ${await gw.token('dpo')}`);
    expect(res.status).toBe(200);
    const actions = new Set(res.body.entries.map((e: { body: { action: string } }) => e.body.action));
    expect([...actions].sort()).toEqual(['sign-in', 'sign-in-refused', 'sign-out']);
    const verification = await gw.http
      .get('/v1/audit/verification')
      .set('authorization', `Bearer ${await gw.token('dpo')}`);
    expect(verification.body).toMatchObject({ ok: true });
  });
});
