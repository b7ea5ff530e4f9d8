// Issue 16: "The DPO's verification and the console show which witness has seen which size." Two witnesses are
// registered; one (the ICO) has cosigned a checkpoint, the other nothing yet. The DPO sees both on the Verification
// page with the size each has seen, and after verifying the whole log, that the ICO's cosignature still holds.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519PrivateKey, rawPublicKey, signatureType, verifierKey } from '../../audit/checkpoint-note.ts';
import { witnessOnce } from '../../audit/witness/witness.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { hmrcStatusCheck, paths } from '../support/requests.ts';
import { launchChromium, screenshot } from './browser.ts';

let gw: TestGateway;
let browser: Browser;
let seen = 0;

const witnessKey = (name: string) => {
  const key = ed25519PrivateKey(randomBytes(32));
  return { name, key, vkey: verifierKey(name, signatureType.cosignature, rawPublicKey(key)) };
};

beforeAll(async () => {
  gw = await startTestGateway();
  const hmrc = caller(gw, 'hmrc-benefits');
  expect((await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(fixtures.turns30On2018_05_01))).status).toBe(200);
  const ico = witnessKey('ico.org.uk/audit-witness');
  const partner = witnessKey('dwp.gov.uk/audit-witness');
  for (const w of [ico, partner])
    expect((await caller(gw, 'registry-admin').post('/v1/audit/witnesses', { vkey: w.vkey })).status).toBe(201);
  // The ICO's witness run, as `npm run witness -- run` makes it, over HTTP against the gateway.
  const run = await witnessOnce({
    gateway: gw.baseUrl,
    token: await gw.token('hmrc-benefits'),
    name: ico.name,
    key: ico.key,
    state: null,
  });
  if (!run.ok) throw new Error(run.reason);
  seen = run.cosigned;
  // The log grows after the witness has seen it: the page says how far behind the head the witness is.
  expect((await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(fixtures.turns30On2018_05_01))).status).toBe(200);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('a DPO on the Verification page', () => {
  it('sees which witness has seen which size of the log, and after verifying, that the cosignature holds', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${gw.baseUrl}/console`);
    await page.getByLabel('Your client token').fill(await gw.token('dpo', { jti: randomUUID() }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Verification' }).click();

    const table = page.getByRole('table', { name: 'Which witness has seen which size of the log' });
    const row = (name: string) => table.locator('tbody tr', { hasText: name });
    const [size, head] = (await row('ico.org.uk/audit-witness').locator('td').nth(1).textContent())!
      .split(' of ')
      .map(Number);
    expect(size).toBe(seen);
    expect(head).toBeGreaterThan(seen);
    expect(await row('dwp.gov.uk/audit-witness').locator('td').nth(1).textContent()).toBe('nothing yet');

    await page.getByRole('button', { name: 'Verify the whole log' }).click();
    await page.getByRole('heading', { name: /Verified/ }).waitFor();
    expect(await row('ico.org.uk/audit-witness').locator('td').nth(3).textContent()).toBe('Cosignature holds');
    expect(await row('dwp.gov.uk/audit-witness').locator('td').nth(3).textContent()).toBe('–');
    await screenshot(page, 'dpo-verification-witnesses');
    await context.close();
  });
});
