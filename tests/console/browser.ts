// Debian's Chromium driven by playwright-core: no browser is downloaded. Screenshots go to test-results/console/.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { JWTPayload } from 'jose';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = '/usr/bin/chromium';
export const screenshotDir = path.resolve('test-results/console');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (.ci/run does this)`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * What makes the page scroll sideways: nothing when its scrollWidth is within its clientWidth; otherwise by how much,
 * and the outermost elements that reach past the window's right edge (outside any region that scrolls by itself).
 */
export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    if (overflow <= 0) return [];
    const inScroller = (e: Element) =>
      e.parentElement?.closest('.table-region') !== null && getComputedStyle(e).position !== 'absolute';
    const past = [...document.body.querySelectorAll('*')].filter(
      (e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && !inScroller(e),
    );
    const outermost = past
      .filter((e) => !past.some((o) => o !== e && o.contains(e)) || e.children.length === 0)
      .slice(0, 5);
    return [
      `scrolls sideways by ${overflow}px`,
      ...outermost.map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.className ? `.${e.className}` : ''}: ${(e.textContent ?? '').trim().slice(0, 60)}`,
      ),
    ];
  });

/**
 * axe-core's violations on the page as it stands, each as "rule: target". The page's CSP forbids inline script,
 * so the context that runs this must be opened with bypassCSP (only the test's own injected script needs it).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => String(n.target)).join(' | ')}`);
  });
  return result;
}

/**
 * A console session in a phone-sized window (390 × 844), signed in with `clientId`'s token, the heading of the page
 * it lands on drawn. The context bypasses the page's CSP so that axe-core's injected script may run.
 */
export async function signedInOnAPhone(
  browser: Browser,
  gw: { baseUrl: string; token(clientId: string, claims?: JWTPayload): Promise<string> },
  clientId: string,
  options: { acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.goto(`${gw.baseUrl}/console`);
  await page.getByLabel('Your client token').fill(await gw.token(clientId, { jti: randomUUID() }));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page };
}

/** The page as it stands neither scrolls sideways nor has an axe-core violation; its screenshot is kept as `name`. */
export async function expectFine(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect([...(await sidewaysScroll(page)), ...(await axeViolations(page))], name).toEqual([]);
}
