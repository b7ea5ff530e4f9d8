// The console acts (issue 15): an SRO issues a directive (¶5.43: directives "issued, extended, changed or lifted")
// and signs off a joint review for the Home Office (rec 2f: "regular joint reviews with agreed improvement plans";
// ¶6.93: the UKVI–HMRC agreement is reviewed jointly every six months), each through a form and a confirmation; a
// DPO verifies the log and exports it; the collaboration page shows accuracy, obligations and reported figures beside
// the log's own. Every action is audited under the person's name and needs the session's CSRF token. Driven in
// Chromium on a phone: every new page passes axe-core and does not scroll sideways at 390 px.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole } from '../support/register.ts';
import { axeViolations, launchChromium, screenshot, sidewaysScroll } from './browser.ts';

const now = new Date('2026-11-19T10:00:00Z');
let gw: TestGateway;
let browser: Browser;
const collaboration = 'ie-ukvi-hmrc-evidence-of-employment';

async function signedIn(clientId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    bypassCSP: true,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${gw.baseUrl}/console`);
  await page.getByLabel('Your client token').fill(await gw.token(clientId, { jti: randomUUID() }));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page };
}

async function fine(page: Page, name: string) {
  await screenshot(page, `more-actions-${name}`);
  expect([...(await sidewaysScroll(page)), ...(await axeViolations(page))], name).toEqual([]);
}

const entries = async (kind: string, action: string) =>
  (await gw.db('audit_log').where({ kind }).orderBy('seq').select('body'))
    .map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body))
    .filter((b) => b.action === action);

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('an SRO issues a directive', () => {
  it('through a form and a confirmation, audited under their name', async () => {
    const { context, page } = await signedIn('sro');
    await page.getByRole('link', { name: 'Directives' }).click();
    await page.getByRole('link', { name: 'Issue a directive' }).click();
    await page.getByRole('heading', { level: 1, name: 'Issue a directive' }).waitFor();
    await fine(page, 'issue-form');

    await page.getByLabel('Directive code').fill('pause-over-60-2027');
    await page.getByLabel('Title').fill('Pause proactive sharing about people aged 60 or over');
    await page.getByLabel('Issued by').fill('Permanent Secretary');
    await page.getByLabel('Reference').fill('Letter of 18 November 2026');
    await page.getByLabel('First day').fill('2026-12-01');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Nothing chosen for what it does: refused, said why, the form kept.
    expect(await page.getByRole('alert').textContent()).toContain('Choose what the directive does');
    expect(await page.getByLabel('Title').inputValue()).toContain('aged 60');
    await page.getByLabel(/Pause sharing about anyone of a given age/).check();
    await page.getByLabel('Age (for a pause)').fill('60');
    await page.getByLabel('Which sharing').selectOption('proactive');
    await page.getByLabel('hmrc.proactive-notification').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the new directive' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('(aged 60 or over), from 2026-12-01 with no end date');
    await fine(page, 'issue-confirm');
    expect(await entries('register-change', 'issue-directive')).toHaveLength(0);

    await page.getByRole('button', { name: 'Issue the directive' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directives' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The directive was issued');
    const issued = await entries('register-change', 'issue-directive');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ actor: 'sro', target: 'directive/pause-over-60-2027' });
    const listed = (await asRole(gw, 'sro').get('/v1/register/directives')).body.directives.find(
      (d: { id: string }) => d.id === 'pause-over-60-2027',
    );
    expect(listed).toMatchObject({
      condition: { kind: 'pause-over-age', age: 60 },
      scope: { exchanges: ['hmrc.proactive-notification'], purposeMode: 'proactive' },
      effectiveFrom: '2026-12-01',
      effectiveTo: null,
    });

    // The register's own refusal is shown on the form: the same code again.
    await page.goto(`${gw.baseUrl}/console/directives/new`);
    await page.getByLabel('Directive code').fill('pause-over-60-2027');
    await page.getByLabel('Title').fill('Again');
    await page.getByLabel('Issued by').fill('Permanent Secretary');
    await page.getByLabel('First day').fill('2026-12-01');
    await page.getByLabel(/Windrush profile/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Issue the directive' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('already exists');
    await context.close();
  }, 120_000);
});

describe('an SRO signs off a joint review for the Home Office', () => {
  it("after HMRC has signed through the API: the review becomes joint, audited under the SRO's name", async () => {
    const held = await asRole(gw, 'sro').post(
      '/v1/register/agreements/ukvi-hmrc-bulk-evidence-dsa/versions/1.0/joint-reviews',
      {
        heldOn: '2026-11-02',
        attendees: [
          { party: 'home-office-ukvi', name: 'UKVI European Casework lead', role: 'Senior owner' },
          { party: 'hmrc', name: 'HMRC data-sharing lead', role: 'Senior owner' },
        ],
        findings: ['Requests stayed under the 10,000 a month cap (¶6.95)'],
        actions: [
          {
            description: 'Automate the monthly return file',
            owner: { party: 'hmrc', name: 'HMRC data-sharing lead' },
            dueOn: '2026-12-20',
          },
        ],
      },
    );
    expect(held.status).toBe(201);
    expect(
      (
        await asRole(gw, 'hmrc-benefits').post(`/v1/register/joint-reviews/${held.body.id}/sign-offs`, {
          party: 'hmrc',
          signatory: 'HMRC director',
          signedOn: '2026-11-05',
        })
      ).status,
    ).toBe(200);

    const { context, page } = await signedIn('sro');
    await page.goto(`${gw.baseUrl}/console/collaborations/${collaboration}`);
    await page
      .getByRole('link', { name: /Joint reviews and sign-offs of UKVI – HMRC bulk data-sharing agreement version 1.0/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Awaiting home-office-ukvi');
    await fine(page, 'joint-reviews');
    await page.getByRole('link', { name: /Sign off for home-office-ukvi/ }).click();
    await page.getByRole('heading', { level: 1, name: /Sign off a joint review/ }).waitFor();
    await fine(page, 'sign-off-form');
    await page.getByLabel('Signed off by').fill('UKVI Director of European Casework');
    await page.getByLabel('Signed on').fill('2026-11-01');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the sign-off' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Every party will then have signed it off');
    await fine(page, 'sign-off-confirm');
    expect(await entries('register-change', 'sign-off-joint-review')).toHaveLength(1); // HMRC's only

    // A day before the review was held: the workflow's own refusal, shown on the form; nothing recorded.
    await page.getByRole('button', { name: 'Sign off the review' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('a sign-off falls between the review and today');
    expect(await entries('register-change', 'sign-off-joint-review')).toHaveLength(1);
    await page.getByLabel('Signed on').fill('2026-11-06');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Sign off the review' }).click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The sign-off was recorded');
    expect(await page.locator('main').textContent()).toContain('Joint');
    await fine(page, 'signed-off');
    const signed = await entries('register-change', 'sign-off-joint-review');
    expect(signed).toHaveLength(2);
    expect(signed[1]).toMatchObject({ actor: 'sro', target: `joint-review/${held.body.id}` });
    const version = await asRole(gw, 'sro').get('/v1/register/agreements/ukvi-hmrc-bulk-evidence-dsa/versions/1.0');
    expect(version.body.version.review).toMatchObject({ lastReviewedOn: '2026-11-02', nextReviewDue: '2027-05-02' });
    await context.close();
  }, 120_000);
});

describe('the collaboration page shows accuracy, obligations and reported figures', () => {
  it("beside the log's own, each reported figure marked as reported with its source", async () => {
    const recorded = await asRole(gw, 'sro').post('/v1/measures/reported', {
      collaborationId: collaboration,
      measure: 'manual-evidence-requests',
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      value: 42,
      source: 'HMRC monthly return, October 2026',
    });
    expect(recorded.status).toBe(201);
    const { context, page } = await signedIn('dpo');
    await page.goto(`${gw.baseUrl}/console/collaborations/${collaboration}`);
    await page.getByRole('heading', { level: 2, name: 'Accuracy and obligations' }).waitFor();
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain('No exchange has feedback yet');
    expect(main).toMatch(/0 open, 0 confirmed/);
    const row = page
      .getByRole('region', { name: 'Reported figures (not from the audit log)' })
      .getByRole('row', { name: /manual-evidence-requests/ });
    expect(await row.textContent()).toMatch(
      /2026-10-01 to 2026-10-31.*42.*Reported.*HMRC monthly return, October 2026/,
    );
    await fine(page, 'collaboration-reported');
    await context.close();
  }, 120_000);
});

describe('a DPO verifies and exports the log', () => {
  it('each audited under their name; the export is the signed file the API gives', async () => {
    const { context, page } = await signedIn('dpo');
    await page.getByRole('link', { name: 'Verification' }).click();
    await page.getByRole('button', { name: 'Verify the whole log' }).click();
    await page.getByRole('heading', { level: 3, name: /Verified/ }).waitFor();
    const runs = await entries('console-access', 'verification-run');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ actor: 'dpo', ok: true });

    await page.getByRole('link', { name: 'Export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export the audit log' }).waitFor();
    await fine(page, 'export');
    await page.getByLabel('From (optional)').fill('30/11/2026');
    await page.getByRole('button', { name: 'Download the export' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('From must be a day written as YYYY-MM-DD');
    await fine(page, 'export-error');
    await page.getByLabel('From (optional)').fill('');
    await page.getByLabel('CSV').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-export.csv');
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    const manifest = JSON.parse(lines[0]!.replace(/^# /, '')).manifest; // the signed manifest leads the file
    expect(manifest).toMatchObject({
      format: 'audit-export/1',
      entries: 'csv',
      count: lines.length - 2,
      signature: expect.any(String),
    });
    expect(lines[1]).toBe('seq,id,recordedAt,kind,prevHash,hash,body');
    expect(lines.length).toBeGreaterThan(3);
    const exports = await entries('console-access', 'audit-export');
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ actor: 'dpo', format: 'csv', from: null, to: null });
    await context.close();
  }, 120_000);
});

describe('what cannot act', () => {
  it("a POST without the session's CSRF token, or with another, changes and exports nothing", async () => {
    const { context } = await signedIn('sro');
    const cookie = (await context.cookies()).find((c) => c.name === 'gw-console')!;
    const post = (path: string, fields: Record<string, string>) =>
      gw.http
        .post(path)
        .set('cookie', `gw-console=${cookie.value}`)
        .set('origin', gw.baseUrl)
        .type('form')
        .send(fields);
    const directive = {
      id: 'sneaked-in',
      title: 'x',
      authority: 'x',
      reference: 'x',
      effectiveFrom: '2026-12-01',
      kind: 'refer-windrush-profile',
      confirmed: 'yes',
    };
    expect((await post('/console/directives/new', directive)).status).toBe(403);
    expect((await post('/console/directives/new', { ...directive, csrf: 'not-the-token' })).status).toBe(403);
    expect(await entries('register-change', 'issue-directive')).toHaveLength(1);
    const { context: dpo } = await signedIn('dpo');
    const dpoCookie = (await dpo.cookies()).find((c) => c.name === 'gw-console')!;
    const exported = await gw.http
      .post('/console/dpo/export')
      .set('cookie', `gw-console=${dpoCookie.value}`)
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ format: 'jsonl' });
    expect(exported.status).toBe(403);
    expect(await entries('console-access', 'audit-export')).toHaveLength(1);
    await context.close();
    await dpo.close();
  });

  it("a DPO is refused the SRO's forms, and an SRO the DPO's export", async () => {
    const { context, page } = await signedIn('dpo');
    await page.goto(`${gw.baseUrl}/console/directives/new`);
    await page.getByRole('heading', { level: 1, name: 'Not for your role' }).waitFor();
    await page.goto(`${gw.baseUrl}/console/directives`);
    expect(await page.getByRole('link', { name: 'Issue a directive' }).count()).toBe(0);
    await context.close();
    const { context: sro, page: sroPage } = await signedIn('sro');
    await sroPage.goto(`${gw.baseUrl}/console/dpo/export`);
    await sroPage.getByRole('heading', { level: 1, name: 'Not for your role' }).waitFor();
    await sro.close();
  });
});
