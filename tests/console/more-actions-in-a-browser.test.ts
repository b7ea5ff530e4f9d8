// The console acts (issue 15): an SRO issues a directive (¶5.43: directives "issued, extended, changed or lifted")
// and signs off a joint review for the Home Office (rec 2f: "regular joint reviews with agreed improvement plans";
// ¶6.93: the UKVI–HMRC agreement is reviewed jointly every six months), each through a form and a confirmation; a
// DPO verifies the log and exports it; the collaboration page shows accuracy, obligations and reported figures beside
// the log's own. Every action is audited under the person's name and needs the session's CSRF token. Driven in
// Chromium on a phone: every new page passes axe-core and does not scroll sideways at 390 px.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole } from '../support/register.ts';
import { send } from '../measures/workload.ts';
import { expectFine, launchChromium, signedInOnAPhone } from './browser.ts';

let now = new Date('2026-11-19T10:00:00Z');
let gw: TestGateway;
let browser: Browser;
const collaboration = 'ie-ukvi-hmrc-evidence-of-employment';

const signedIn = (clientId: string) => signedInOnAPhone(browser, gw, clientId, { acceptDownloads: true });

const fine = (page: Page, name: string) => expectFine(page, `more-actions-${name}`);

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

describe('the seven characteristics are named (¶2.7, Figure 1)', () => {
  const seven = [
    'Agreed objectives',
    'Defined processes',
    'Strategic leadership',
    'Committed resources',
    'Communication',
    'Evaluation',
    'Review and revision',
  ];
  /** Each characteristic as the page says it, "Name: met" or "Name: not met", in the report's order. */
  const expected = async (id: string) => {
    const card = (await asRole(gw, 'sro').get(`/v1/register/collaborations/${id}`)).body.scorecard as {
      characteristics: { id: string; met: boolean }[];
    };
    expect(card.characteristics).toHaveLength(7);
    return {
      met: card.characteristics.filter((c) => c.met).length,
      items: card.characteristics.map((c, i) => `${seven[i]}: ${c.met ? 'met' : 'not met'}`),
    };
  };
  const said = async (list: ReturnType<Page['locator']>) =>
    (await list.locator('li').allTextContents()).map((t) => t.replace(/[✓✗]/g, '').replace(/\s+/g, ' ').trim());

  it('on the collaboration page, each of the seven by name and whether it is met, not only "N of 7"', async () => {
    const { met, items } = await expected(collaboration);
    expect(met).toBeLessThan(7); // some unmet, so "met" and "not met" are both shown
    const { context, page } = await signedIn('sro');
    await page.goto(`${gw.baseUrl}/console/collaborations/${collaboration}`);
    const facts = page
      .locator('dt', { hasText: 'Characteristics met (¶2.7)' })
      .locator('xpath=following-sibling::dd[1]');
    expect(await facts.locator('strong').textContent()).toBe(`${met} of 7`);
    expect(await said(facts.locator('ul.characteristics'))).toEqual(items);
    await fine(page, 'characteristics');
    await context.close();
  }, 120_000);

  it("on the register page, all seven named, and every collaboration's row says which it meets", async () => {
    const { context, page } = await signedIn('sro');
    await page.goto(`${gw.baseUrl}/console/register`);
    expect((await page.locator('main').textContent())!.replace(/\s+/g, ' ')).toContain(
      `judged on the inspection's seven characteristics of a collaboration (¶2.7): ${seven.join(', ')}.`,
    );
    const { items } = await expected(collaboration);
    const row = page.locator('tr', { has: page.locator(`a[href="/console/collaborations/${collaboration}"]`) });
    expect(await said(row.locator('ul.characteristics'))).toEqual(items);
    const rows = page.locator('tbody tr', { has: page.locator('ul.characteristics') });
    expect(await rows.count()).toBeGreaterThan(5);
    for (const r of await rows.all())
      expect((await said(r.locator('ul.characteristics'))).map((t) => t.replace(/: (not )?met$/, ''))).toEqual(seven);
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

describe("the collaboration page's accuracy and obligations, from real exchanges", () => {
  // DWP's status checks (¶6.34): one about Clarence, who has a Windrush profile, so the Home Office owes the
  // Windrush Taskforce a referral (¶3.24); one about Priya, which DWP reports was about the wrong person.
  const dwp = 'dwp-status-checks';
  const facts = async (page: Page) => (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
  const fact = async (page: Page, term: string) =>
    (await page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent())!
      .replace(/\s+/g, ' ')
      .trim();
  const measured = async () => (await asRole(gw, 'sro').get(`/v1/measures/collaborations/${dwp}`)).body;

  it('gives the accuracy rate and the open, overdue and confirmed obligations, and confirming changes them', async () => {
    const clarence = await send(gw, 'dwp-check-windrush', '2026-11-19');
    const priya = await send(gw, 'dwp-check-priya', '2026-11-19');
    expect([clarence.decision, priya.decision]).toEqual(['permit', 'permit']);
    for (const [auditId, outcome] of [
      [priya.auditId, 'wrong-person'],
      [clarence.auditId, 'no-action'],
    ])
      expect((await asRole(gw, 'dwp-benefits').post('/v1/feedback', { auditId, outcome })).status).toBe(201);
    const referral = `refer-to-windrush-taskforce.${clarence.auditId}`;
    expect((await asRole(gw, 'sro').get('/v1/obligations')).body.obligations).toContainEqual(
      expect.objectContaining({ id: referral, due: '2026-12-03', status: 'open' }),
    );

    const first = await signedIn('dpo');
    await first.page.goto(`${gw.baseUrl}/console/collaborations/${dwp}`);
    await first.page.getByRole('heading', { level: 2, name: 'Accuracy and obligations' }).waitFor();
    expect(await fact(first.page, 'Accuracy (from the log)')).toBe(
      '50% accurate: of 2 answered exchanges with feedback, 1 reported wrong person, inaccurate or corrected, 0 corrected.',
    );
    expect(await fact(first.page, 'Obligations on decisions')).toBe('1 open, 0 confirmed');
    expect(await facts(first.page)).not.toContain('Obligation overdue');
    await fine(first.page, 'accuracy-and-obligations');
    await first.context.close();

    // The day after it was due, nobody having confirmed the referral: overdue, marked urgent.
    now = new Date('2026-12-04T10:00:00Z');
    try {
      const later = await signedIn('dpo');
      await later.page.goto(`${gw.baseUrl}/console/collaborations/${dwp}`);
      await later.page.getByRole('heading', { level: 2, name: 'Accuracy and obligations' }).waitFor();
      expect(await fact(later.page, 'Obligations on decisions')).toBe('1 overdue 0 open, 0 confirmed');
      expect(await facts(later.page)).toMatch(
        /Urgent Obligation overdue – DWP status checks .*: Refer the case to the Windrush Taskforce \(¶3\.24\): due from home-office on 2026-12-03/,
      );
      expect(await later.page.locator('.badge.urgent', { hasText: '1 overdue' }).count()).toBe(1);
      expect((await measured()).obligations).toEqual({ open: 0, overdue: 1, confirmed: 0 });

      // The Home Office's SRO confirms the referral was made: nothing overdue, one confirmed.
      expect((await asRole(gw, 'sro').post(`/v1/obligations/${referral}/confirmation`, {})).status).toBe(201);
      await later.page.reload();
      expect(await fact(later.page, 'Obligations on decisions')).toBe('0 open, 1 confirmed');
      expect(await facts(later.page)).not.toContain('Obligation overdue');
      expect(await fact(later.page, 'Accuracy (from the log)')).toMatch(/^50% accurate: of 2 answered/);
      expect((await measured()).obligations).toEqual({ open: 0, overdue: 0, confirmed: 1 });
      await fine(later.page, 'obligation-confirmed');
      await later.context.close();
    } finally {
      now = new Date('2026-11-19T10:00:00Z');
    }
  }, 180_000);
});
