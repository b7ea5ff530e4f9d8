// An SRO acts from the console, on a phone: holds the joint review of child tracing that was due in October 2017
// (¶6.140 found reviews not held) with someone from each party, which stays overdue until every party has signed
// it off (joint-review-in-a-browser.test.ts follows it to the end), and lifts the Windrush pause on a named day
// (¶5.43: a directive "can be extended, changed or lifted"). Each takes a form and then a confirmation that says
// what will change; nothing changes before it; the change goes through the register's own commands and is audited
// under the SRO's name; a POST without the session's CSRF token changes nothing; a DPO cannot do it. Every page
// passes axe-core and does not scroll sideways at 390 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { reviewOverdue } from '../support/register.ts';
import { expectFine, launchChromium, signedInOnAPhone } from './browser.ts';

const now = new Date('2026-11-19T10:00:00Z');
let gw: TestGateway;
let browser: Browser;

const signedIn = (clientId: string) => signedInOnAPhone(browser, gw, clientId);

const fine = (page: Page, name: string) => expectFine(page, `sro-acts-${name}`);

const changes = async (action: string) =>
  (await gw.db('audit_log').where({ kind: 'register-change' }).select('body'))
    .map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body))
    .filter((b) => b.action === action);
const reviewsOfChildTracing = async () =>
  (await gw.db('joint_reviews').where({ agreement_id: 'ie-dfe-child-tracing-mou' })).length;
const signals = async () =>
  (await gw.http.get('/v1/measures/signals').set('authorization', `Bearer ${await gw.token('sro')}`)).body.signals as {
    code: string;
    agreementId: string | null;
    directiveId: string | null;
  }[];

const childTracingOverdue = () => reviewOverdue(gw, 'ie-dfe-child-tracing-mou');

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('an SRO holds a joint review', () => {
  it('through a form and a confirmation, audited under their name; one party alone does not clear the overdue signal', async () => {
    expect(await childTracingOverdue()).toBe(true);
    const before = await reviewsOfChildTracing();
    const { context, page } = await signedIn('sro');
    await page.goto(`${gw.baseUrl}/console/collaborations/ie-dfe-child-tracing`);
    await page
      .getByRole('link', { name: /Hold a joint review of .* version 2\.0/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Hold a joint review/ }).waitFor();
    await fine(page, 'review-form');

    // A day the browser's date picker would have shown as mm/dd/yyyy, typed wrongly, and no one named for DfE:
    // refused, said why, nothing kept.
    await page.getByLabel('Held on').fill('19/11/2026');
    const ie = page.getByRole('group', { name: 'Attending for home-office-ie' });
    await ie.getByLabel('Name').fill('Head of Removals Casework');
    await ie.getByLabel('Role').fill('Senior owner');
    await page
      .getByLabel('What the review found')
      .fill('Requests were within the cap\nThe 10-working-day turnaround was missed twice');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('Held on must be a day written as YYYY-MM-DD');
    expect(alert).toContain('Give the name and role of someone who attended for dfe');
    expect(await page.getByLabel('What the review found').inputValue()).toContain('missed twice');
    await fine(page, 'review-form-error');

    await page.getByLabel('Held on').fill('2026-11-18');
    const dfe = page.getByRole('group', { name: 'Attending for dfe' });
    await dfe.getByLabel('Name').fill('Head of Data Sharing');
    await dfe.getByLabel('Role').fill('Senior owner');
    const action = page.getByRole('group', { name: 'Improvement action 1' });
    await action.getByLabel('What is to be done').fill('DfE to report turnaround weekly');
    await action.getByLabel('Owned by party').selectOption('dfe');
    await action.getByLabel('Owner').fill('Head of Data Sharing');
    await action.getByLabel('Due on').fill('2026-12-31');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the joint review' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(
      'DfE to report turnaround weekly: Head of Data Sharing (dfe), due 2026-12-31',
    );
    await fine(page, 'review-confirm');
    expect(await reviewsOfChildTracing()).toBe(before); // nothing yet

    await page.getByRole('button', { name: 'Record the joint review' }).click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The joint review was recorded');
    expect(await page.locator('main').textContent()).toContain('Awaiting home-office-ie, dfe');
    await fine(page, 'review-recorded');
    expect(await reviewsOfChildTracing()).toBe(before + 1);
    const audited = await changes('record-joint-review');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actor: 'sro',
      after: {
        heldOn: '2026-11-18',
        joint: false,
        findings: ['Requests were within the cap', 'The 10-working-day turnaround was missed twice'],
      },
    });
    // Held, but signed off by no party: not joint, so the review is still overdue.
    expect(await childTracingOverdue()).toBe(true);
    await context.close();
  }, 180_000);
});

describe('an SRO lifts a directive', () => {
  it('on a named day, after confirming, audited under their name', async () => {
    const { context, page } = await signedIn('sro');
    await page.getByRole('link', { name: 'Directives' }).click();
    await page.getByRole('link', { name: /Extend or lift Windrush: pause of proactive/ }).click();
    await page.getByRole('heading', { level: 1, name: /Extend or lift/ }).waitFor();
    await fine(page, 'directive-form');
    // Lifting needs a last day.
    await page.getByLabel('Lift it').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Give the last day the directive applies');
    await page.getByLabel('Its last day').fill('2026-11-30');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the change to the directive' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('its last day will be 2026-11-30');
    await fine(page, 'directive-confirm');
    expect(await changes('lift-directive')).toHaveLength(0);

    await page.getByRole('button', { name: 'Lift the directive' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directives' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The directive was lifted');
    await fine(page, 'directive-lifted');
    const lifted = await changes('lift-directive');
    expect(lifted).toHaveLength(1);
    expect(lifted[0]).toMatchObject({
      actor: 'sro',
      target: 'directive/windrush-pause-2018',
      after: { effectiveTo: '2026-11-30' },
    });
    const listed = (
      await gw.http.get('/v1/register/directives').set('authorization', `Bearer ${await gw.token('sro')}`)
    ).body.directives as { id: string; effectiveTo: string | null }[];
    expect(listed.find((d) => d.id === 'windrush-pause-2018')!.effectiveTo).toBe('2026-11-30');
    // Now lapsing within 30 days: the signal says so.
    expect(
      (await signals()).some((s) => s.code === 'directive-lapsing' && s.directiveId === 'windrush-pause-2018'),
    ).toBe(true);

    // A refusal by the register's own command is shown on the form: a day already past.
    await page.goto(`${gw.baseUrl}/console/directives/windrush-pause-2018/end`);
    await page.getByLabel('Extend it').check();
    await page.getByLabel('Its last day').fill('2026-11-01');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Extend the directive' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('a directive cannot be ended on a day already past');
    expect(await changes('extend-directive')).toHaveLength(0);

    // Extended on a day still to come: confirmed first, then the new end is on the directives page, in the register
    // and in the audit log under the SRO's name, and the directive no longer lapses within 30 days.
    await page.getByLabel('Its last day').fill('2027-03-31');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the change to the directive' }).waitFor();
    const confirmation = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
    expect(confirmation).toContain('Extend Windrush: pause of proactive');
    expect(confirmation).toContain('its last day will be 2027-03-31');
    expect(confirmation).toContain('Until now: in force from 2018-04-23 to 2026-11-30');
    await fine(page, 'directive-extend-confirm');
    expect(await changes('extend-directive')).toHaveLength(0);
    await page.getByRole('button', { name: 'Extend the directive' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directives' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The directive was extended');
    const row = page.getByRole('row', { name: /Windrush: pause of proactive/ });
    expect(await row.textContent()).toContain('2018-04-23 to 2027-03-31');
    await fine(page, 'directive-extended');
    const extended = await changes('extend-directive');
    expect(extended).toHaveLength(1);
    expect(extended[0]).toMatchObject({
      actor: 'sro',
      target: 'directive/windrush-pause-2018',
      before: { effectiveTo: '2026-11-30' },
      after: { effectiveTo: '2027-03-31' },
    });
    const relisted = (
      await gw.http.get('/v1/register/directives').set('authorization', `Bearer ${await gw.token('sro')}`)
    ).body.directives as { id: string; effectiveTo: string | null }[];
    expect(relisted.find((d) => d.id === 'windrush-pause-2018')!.effectiveTo).toBe('2027-03-31');
    expect(
      (await signals()).some((s) => s.code === 'directive-lapsing' && s.directiveId === 'windrush-pause-2018'),
    ).toBe(false);
    await context.close();
  }, 120_000);
});

describe('what cannot act', () => {
  it("a POST without the session's CSRF token, or with another, changes nothing", async () => {
    const { context } = await signedIn('sro');
    const cookie = (await context.cookies()).find((c) => c.name === 'gw-console')!;
    const post = (fields: Record<string, string>) =>
      gw.http
        .post('/console/directives/windrush-pause-2018/end')
        .set('cookie', `gw-console=${cookie.value}`)
        .set('origin', gw.baseUrl)
        .type('form')
        .send({ action: 'extend', effectiveTo: '', confirmed: 'yes', ...fields });
    expect((await post({})).status).toBe(403);
    expect((await post({ csrf: 'not-the-token' })).status).toBe(403);
    expect(await changes('extend-directive')).toHaveLength(1); // the SRO's own, above
    await context.close();
  });

  it("a DPO is refused the SRO's forms", async () => {
    const { context, page } = await signedIn('dpo');
    await page.goto(`${gw.baseUrl}/console/directives/windrush-pause-2018/end`);
    await page.getByRole('heading', { level: 1, name: 'Not for your role' }).waitFor();
    await page.goto(`${gw.baseUrl}/console/collaborations/ie-dfe-child-tracing`);
    expect(await page.getByRole('link', { name: /Hold a joint review/ }).count()).toBe(0);
    await context.close();
  });
});
