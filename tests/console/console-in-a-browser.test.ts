// The console in a real browser: an SRO signs in, sees the register and what needs attention, opens a collaboration
// and sees its charts; a DPO goes from a person's identifiers to every exchange about them in two clicks; a partner
// is refused. Every request the pages make stays on the gateway: the charts need no network.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { send, type Sent } from '../measures/workload.ts';
import { launchChromium, screenshot } from './browser.ts';

let now = new Date('2026-11-02T10:00:00Z');
let gw: TestGateway;
let browser: Browser;
const sent: Sent[] = [];
const offSite: string[] = [];

async function signedIn(clientId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(gw.baseUrl) && !r.url().startsWith('data:')) offSite.push(r.url());
  });
  await page.goto(`${gw.baseUrl}/console`);
  await page.getByLabel('Your client token').fill(await gw.token(clientId, { jti: randomUUID() }));
  await page.getByRole('button', { name: 'Sign in' }).click();
  return { context, page };
}

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  // Three weeks of exchanges, so that the charts have something to draw.
  for (const [day, names] of [
    ['2026-11-03', ['trace-matched', 'trace-no-match', 'dwp-check-windrush', 'fsm-check']],
    ['2026-11-10', ['trace-matched', 'trace-nationality', 'dwp-check-priya', 'hmrc-notify-elder']],
    ['2026-11-17', ['trace-matched', 'trace-matched', 'trace-no-grounds', 'dwp-check-windrush', 'fsm-check']],
  ] as const) {
    now = new Date(`${day}T10:00:00Z`);
    for (const name of names) sent.push(await send(gw, name, day));
  }
  const ie = await gw.token('ie-removals-casework');
  const first = sent.find((s) => s.template === 'trace-matched')!;
  await gw.http
    .post('/v1/feedback')
    .set('authorization', `Bearer ${ie}`)
    .send({ auditId: first.auditId, outcome: 'address-updated' });
  now = new Date('2026-11-19T10:00:00Z');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('an SRO', () => {
  it('signs in, sees the register with what needs attention first, opens a collaboration and sees its chart', async () => {
    const { context, page } = await signedIn('sro');
    await expect.poll(() => page.title()).toContain('Collaboration register');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { name: 'Needs attention first' }).waitFor();
    // Child tracing's joint review was due in October 2017: the register says so on its first page.
    const row = page.getByRole('row', { name: /Operation BORTZ → child tracing/ });
    expect(await row.textContent()).toContain('Overdue');
    await screenshot(page, 'sro-register');

    await page.getByRole('link', { name: 'Operation BORTZ → child tracing' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Operation BORTZ → child tracing' }).waitFor();
    const chart = page.getByRole('img', { name: /Requests each week, both directions/ });
    await chart.waitFor();
    expect(await chart.locator('rect').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /Share of responses within the SLA/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /What exchanges led to/ }).count()).toBe(1);
    // The figures behind the chart, for anyone who cannot see it.
    await page.getByText('Requests each week, both directions: the figures as a table').click();
    const traces = sent.filter((s) => s.exchange === 'dfe.child-trace').length;
    expect(await page.getByRole('table', { name: 'Requests each week, both directions' }).textContent()).toContain(
      String(traces),
    );
    await screenshot(page, 'sro-collaboration');
    await context.close();
  });

  it('can reach the main content from the keyboard first', async () => {
    const { context, page } = await signedIn('sro');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.getByRole('link', { name: 'Directives' }).click();
    await page.getByRole('img', { name: /Directives in force over time/ }).waitFor();
    await screenshot(page, 'sro-directives');
    await context.close();
  });
});

describe('a DPO', () => {
  it("goes from a person's NINo to every exchange about them in two clicks, with nothing in the address bar", async () => {
    const { context, page } = await signedIn('dpo');
    await page.getByRole('heading', { level: 1, name: 'Subject report' }).waitFor();
    const nino = fixtures.windrushElder.nino!;
    await page.getByLabel('NINo').fill(nino);
    await page.getByRole('button', { name: 'Find every exchange' }).click();
    const about = sent.filter((s) => s.template === 'dwp-check-windrush').length;
    await page.getByRole('heading', { name: `${about} exchanges about this person` }).waitFor();
    const rows = page.getByRole('table', { name: 'Exchanges about this person' }).locator('tbody tr');
    expect(await rows.count()).toBe(about);
    expect(await rows.first().textContent()).toContain('dwp.status-check');
    expect(page.url()).not.toContain(nino.slice(0, 6));
    expect(await page.content()).not.toContain(nino);
    await screenshot(page, 'dpo-subject-report');

    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'What the entry says' }).waitFor();
    await page.getByRole('link', { name: 'Verification' }).click();
    await page.getByRole('button', { name: 'Verify the whole log' }).click();
    await page.getByRole('heading', { name: /Verified/ }).waitFor();
    await screenshot(page, 'dpo-verification');
    await context.close();
  });
});

describe('a partner', () => {
  it('is refused the console and given no session', async () => {
    const { context, page } = await signedIn('ie-removals-casework');
    await page.getByRole('heading', { level: 1, name: 'The console is not for this identity' }).waitFor();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('gw-console');
    await page.goto(`${gw.baseUrl}/console/register`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to the console' }).waitFor();
    await screenshot(page, 'partner-refused');
    await context.close();
  });

  it('and no page fetched anything from anywhere but the gateway', () => {
    expect(offSite).toEqual([]);
  });
});
