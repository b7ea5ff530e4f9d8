// A joint review from the console to the end (rec 2f: "regular joint reviews with agreed improvement plans"; ¶6.140
// found reviews not held and plans not followed; issue 15: a "joint" review recorded by one SRO alone counted). An
// SRO holds the review of child tracing, due since October 2017, with someone from the Home Office and from DfE and
// an improvement plan; the review stays overdue while the SRO's own sign-off is the only one, and clears once DfE
// signs off too; the SRO closes an action with what came of it. The collaboration page shows who has yet to sign
// and the actions still open. Each step is a form and a confirmation, audited under the SRO's name, and needs the
// session's CSRF token. Driven in Chromium on a phone: every page passes axe-core and does not scroll sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole, reviewOverdue } from '../support/register.ts';
import { expectFine, launchChromium, signedInOnAPhone } from './browser.ts';

const now = new Date('2026-11-19T10:00:00Z');
let gw: TestGateway;
let browser: Browser;
const collaboration = '/console/collaborations/ie-dfe-child-tracing';
const agreement = 'ie-dfe-child-tracing-mou';

const signedIn = (clientId: string) => signedInOnAPhone(browser, gw, clientId);

const fine = (page: Page, name: string) => expectFine(page, `joint-review-${name}`);

const changes = async (action: string) =>
  (await gw.db('audit_log').where({ kind: 'register-change' }).orderBy('seq').select('body'))
    .map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body))
    .filter((b) => b.action === action);
const overdue = () => reviewOverdue(gw, agreement);
const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

let reviewId = '';

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('an SRO holds a joint review of child tracing in the console', () => {
  it('with someone from each party and an improvement plan; the collaboration page says who has yet to sign', async () => {
    expect(await overdue()).toBe(true);
    const { context, page } = await signedIn('sro');
    await page.goto(`${gw.baseUrl}${collaboration}`);
    expect(await main(page)).toContain("No joint review has been held under this collaboration's agreements");
    await page.getByRole('link', { name: /Hold a joint review of .* version 2\.0/ }).click();
    await page.getByRole('heading', { level: 1, name: /Hold a joint review/ }).waitFor();

    await page.getByLabel('Held on').fill('2026-11-18');
    for (const [party, name] of [
      ['home-office-ie', 'Head of Removals Casework'],
      ['dfe', 'Head of Data Sharing'],
    ]) {
      const group = page.getByRole('group', { name: `Attending for ${party}` });
      await group.getByLabel('Name').fill(name!);
      await group.getByLabel('Role').fill('Senior owner');
    }
    await page.getByLabel('What the review found').fill('The 10-working-day turnaround was missed twice');
    const plan = [
      ['DfE to report turnaround weekly', 'dfe', 'Head of Data Sharing', '2026-12-31'],
      ['Chase any trace after 8 working days', 'home-office-ie', 'Head of Removals Casework', '2027-01-31'],
    ];
    for (const [i, [description, party, owner, due]] of plan.entries()) {
      const group = page.getByRole('group', { name: new RegExp(`^Improvement action ${i + 1}`) });
      await group.getByLabel('What is to be done').fill(description!);
      await group.getByLabel('Owned by party').selectOption(party!);
      await group.getByLabel('Owner').fill(owner!);
      await group.getByLabel('Due on').fill(due!);
    }
    // An action due before the review: the workflow's own refusal, shown on the form after the confirmation.
    await page
      .getByRole('group', { name: /^Improvement action 2/ })
      .getByLabel('Due on')
      .fill('2026-11-01');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Record the joint review' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'an action cannot be due before the review that set it',
    );
    expect(await changes('record-joint-review')).toHaveLength(0);
    await page
      .getByRole('group', { name: /^Improvement action 2/ })
      .getByLabel('Due on')
      .fill('2027-01-31');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the joint review' }).waitFor();
    expect(await main(page)).toContain(
      'Head of Removals Casework (Senior owner, home-office-ie); Head of Data Sharing (Senior owner, dfe)',
    );
    await page.getByRole('button', { name: 'Record the joint review' }).click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    const recorded = await changes('record-joint-review');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ actor: 'sro', target: `agreement/${agreement}/version/2.0` });
    reviewId = recorded[0].after.id;
    expect(await overdue()).toBe(true);

    await page.goto(`${gw.baseUrl}${collaboration}`);
    const text = await main(page);
    expect(text).toContain('Latest review held on 2026-11-18: Awaiting sign-off by home-office-ie, dfe');
    expect(text).toContain('No party has signed it off yet.');
    const open = page.getByRole('region', { name: /Open improvement actions, .* version 2\.0/ });
    expect(await open.getByRole('row', { name: /DfE to report turnaround weekly/ }).textContent()).toMatch(
      /Head of Data Sharing \(dfe\).*2026-12-31.*Open.*2026-11-18/,
    );
    expect(await open.getByRole('row').count()).toBe(3);
    await fine(page, 'collaboration-awaiting');
    await context.close();
  }, 180_000);
});

describe('the review counts only once every party has signed it off', () => {
  it("the SRO's sign-off for the Home Office leaves it overdue; DfE's makes it joint and clears the signal", async () => {
    const { context, page } = await signedIn('sro');
    await page.goto(`${gw.baseUrl}${collaboration}`);
    await page.getByRole('link', { name: /Joint reviews, sign-offs and actions of .* version 2\.0/ }).click();
    await page.getByRole('link', { name: /Sign off for home-office-ie/ }).click();
    await page.getByLabel('Signed off by').fill('Director of Immigration Enforcement');
    await page.getByLabel('Signed on').fill('2026-11-19');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await main(page)).toContain('It will still await dfe.');
    await page.getByRole('button', { name: 'Sign off the review' }).click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The sign-off was recorded');
    expect(await overdue()).toBe(true);
    const version = `/v1/register/agreements/${agreement}/versions/2.0`;
    expect((await asRole(gw, 'sro').get(version)).body.version.review.lastReviewedOn).toBe('2016-10-01');
    await page.goto(`${gw.baseUrl}${collaboration}`);
    expect(await main(page)).toContain('Awaiting sign-off by dfe');
    expect(await main(page)).toContain('Signed off by home-office-ie on 2026-11-19.');

    const dfe = await asRole(gw, 'dfe-pupil-data').post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
      party: 'dfe',
      signatory: 'DfE Director of Data',
      signedOn: '2026-11-19',
    });
    expect(dfe.status).toBe(200);
    expect(dfe.body.joint).toBe(true);
    expect(await overdue()).toBe(false);
    expect((await asRole(gw, 'sro').get(version)).body.version.review).toMatchObject({
      lastReviewedOn: '2026-11-18',
      nextReviewDue: '2027-11-18',
    });
    await page.reload();
    expect(await main(page)).toContain('Latest review held on 2026-11-18: Joint');
    expect(await main(page)).not.toContain('The joint review of ie-dfe-child-tracing-mou (version 2.0) was due');
    await fine(page, 'collaboration-joint');
    await context.close();
  }, 180_000);
});

describe('an SRO closes an improvement action', () => {
  it('with what came of it, after confirming, audited under their name', async () => {
    const { context, page } = await signedIn('sro');
    await page.goto(`${gw.baseUrl}${collaboration}`);
    await page.getByRole('link', { name: /Joint reviews, sign-offs and actions of .* version 2\.0/ }).click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    await fine(page, 'reviews');
    await page.getByRole('link', { name: 'Close the action: DfE to report turnaround weekly' }).click();
    await page.getByRole('heading', { level: 1, name: /Close an improvement action/ }).waitFor();
    await fine(page, 'close-form');
    await page.getByLabel('Closed on').fill('2026-11-19');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Say what came of it');
    await fine(page, 'close-form-error');
    await page.getByLabel('What came of it').fill('Weekly turnaround report in place since 19 November');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the closure' }).waitFor();
    await fine(page, 'close-confirm');
    expect(await changes('close-improvement-action')).toHaveLength(0);
    await page.getByRole('button', { name: 'Close the action' }).click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The improvement action was closed');
    expect(await page.getByRole('row', { name: /DfE to report turnaround weekly/ }).textContent()).toContain(
      'Closed 2026-11-19',
    );
    const closed = await changes('close-improvement-action');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ actor: 'sro' });

    // Only the other action is still open on the collaboration page.
    await page.goto(`${gw.baseUrl}${collaboration}`);
    const open = page.getByRole('region', { name: /Open improvement actions, .* version 2\.0/ });
    expect(await open.getByRole('row').count()).toBe(2);
    expect(await open.textContent()).toContain('Chase any trace after 8 working days');
    await context.close();
  }, 180_000);
});

describe('what cannot act', () => {
  it("a POST without the session's CSRF token holds no review; a DPO sees the reviews but cannot hold or close", async () => {
    const { context } = await signedIn('sro');
    const cookie = (await context.cookies()).find((c) => c.name === 'gw-console')!;
    const posted = await gw.http
      .post(`/console/collaborations/ie-dfe-child-tracing/agreements/${agreement}/versions/2.0/joint-reviews/new`)
      .set('cookie', `gw-console=${cookie.value}`)
      .set('origin', gw.baseUrl)
      .type('form')
      .send({
        heldOn: '2026-11-19',
        'attendee-0-name': 'x',
        'attendee-0-role': 'x',
        'attendee-1-name': 'x',
        'attendee-1-role': 'x',
        confirmed: 'yes',
      });
    expect(posted.status).toBe(403);
    expect(await changes('record-joint-review')).toHaveLength(1);
    await context.close();

    const { context: dpo, page } = await signedIn('dpo');
    await page.goto(`${gw.baseUrl}${collaboration}`);
    expect(await main(page)).toContain('Latest review held on 2026-11-18: Joint');
    await page.getByRole('link', { name: /Joint reviews, sign-offs and actions of .* version 2\.0/ }).click();
    await page.getByRole('heading', { level: 1, name: /Joint reviews/ }).waitFor();
    expect(await page.getByRole('link', { name: /Hold a joint review|Close the action/ }).count()).toBe(0);
    await page.goto(
      `${gw.baseUrl}/console/collaborations/ie-dfe-child-tracing/agreements/${agreement}/versions/2.0/joint-reviews/new`,
    );
    await page.getByRole('heading', { level: 1, name: 'Not for your role' }).waitFor();
    await dpo.close();
  }, 120_000);
});
