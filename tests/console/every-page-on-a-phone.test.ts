// Every console page on a 390-pixel phone screen: nothing scrolls sideways, and axe-core finds no accessibility
// violation (WCAG 2.1 A and AA rules, as axe runs them by default). Pages are visited as an SRO and a DPO would
// reach them, with real exchanges in the log so that tables and charts are full.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { send, type Sent } from '../measures/workload.ts';
import { axeViolations, launchChromium, screenshot, sidewaysScroll } from './browser.ts';

let now = new Date('2026-11-02T10:00:00Z');
let gw: TestGateway;
let browser: Browser;
const sent: Sent[] = [];

async function phone(clientId: string | null): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the pages themselves run no script.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${gw.baseUrl}/console`);
  if (clientId) {
    await page.getByLabel('Your client token').fill(await gw.token(clientId, { jti: randomUUID() }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  return page;
}

/** What is wrong with the page as it stands: sideways scroll and axe's violations. */
async function problems(page: Page, name: string): Promise<string[]> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await screenshot(page, `phone-${name}`);
  return [...(await sidewaysScroll(page)), ...(await axeViolations(page))];
}

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  for (const [day, names] of [
    ['2026-11-03', ['trace-matched', 'trace-no-match', 'dwp-check-windrush', 'fsm-check', 'hmrc-notify-elder']],
    ['2026-11-10', ['trace-matched', 'trace-nationality', 'dwp-check-priya', 'hmrc-notify-young']],
    ['2026-11-17', ['trace-matched', 'trace-no-grounds', 'dwp-check-windrush', 'fsm-check']],
  ] as const) {
    now = new Date(`${day}T10:00:00Z`);
    for (const name of names) sent.push(await send(gw, name, day));
  }
  now = new Date('2026-11-19T10:00:00Z');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('on a 390-pixel screen', () => {
  it('the sign-in page and a page that does not exist', async () => {
    const page = await phone(null);
    expect(await problems(page, 'sign-in')).toEqual([]);
    await page.goto(`${gw.baseUrl}/console/no-such-page`);
    expect(await problems(page, 'not-found')).toEqual([]);
    await page.context().close();
  });

  it('every page an SRO opens: the register, every collaboration, the directives', async () => {
    const page = await phone('sro');
    const found: Record<string, string[]> = {};
    found.register = await problems(page, 'register');
    const ids = (
      await gw.http.get('/v1/register/collaborations').set('authorization', `Bearer ${await gw.token('sro')}`)
    ).body.collaborations.map((c: { collaboration: { id: string } }) => c.collaboration.id) as string[];
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      await page.goto(`${gw.baseUrl}/console/collaborations/${id}`);
      found[id] = await problems(page, `collaboration-${id}`);
    }
    await page.goto(`${gw.baseUrl}/console/directives`);
    found.directives = await problems(page, 'directives');
    expect(Object.fromEntries(Object.entries(found).filter(([, p]) => p.length > 0))).toEqual({});
    await page.context().close();
  }, 120_000);

  it('every page a DPO opens: subject report, search, an entry, verification', async () => {
    const page = await phone('dpo');
    const found: Record<string, string[]> = {};
    found.subject = await problems(page, 'dpo-subject');
    await page.getByLabel('NINo').fill(fixtures.windrushElder.nino!);
    await page.getByRole('button', { name: 'Find every exchange' }).click();
    await page.getByRole('heading', { name: /exchanges about this person/ }).waitFor();
    found.subjectReport = await problems(page, 'dpo-subject-report');
    await page.goto(`${gw.baseUrl}/console/dpo/search`);
    found.search = await problems(page, 'dpo-search');
    await page.goto(`${gw.baseUrl}/console/dpo/search?exchange=dfe.child-trace&from=2026-11-01&to=2026-11-30`);
    found.searchResults = await problems(page, 'dpo-search-results');
    await page.goto(`${gw.baseUrl}/console/dpo/search?from=yesterday`);
    found.searchError = await problems(page, 'dpo-search-error');
    const refused = sent.find((s) => s.template === 'trace-nationality')!;
    await page.goto(`${gw.baseUrl}/console/dpo/entries/${refused.auditId}`);
    found.refusedEntry = await problems(page, 'dpo-entry-refused');
    const permitted = sent.find((s) => s.template === 'trace-matched')!;
    await page.goto(`${gw.baseUrl}/console/dpo/entries/${permitted.auditId}`);
    found.permittedEntry = await problems(page, 'dpo-entry-permitted');
    await page.goto(`${gw.baseUrl}/console/dpo/verification`);
    found.verification = await problems(page, 'dpo-verification');
    await page.getByRole('button', { name: 'Verify the whole log' }).click();
    await page.getByRole('heading', { name: /Verified/ }).waitFor();
    found.verified = await problems(page, 'dpo-verified');
    await page.goto(`${gw.baseUrl}/console/register`);
    found.registerAsDpo = await problems(page, 'dpo-register');
    expect(Object.fromEntries(Object.entries(found).filter(([, p]) => p.length > 0))).toEqual({});
    await page.context().close();
  }, 120_000);
});
