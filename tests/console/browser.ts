// Debian's Chromium driven by playwright-core: no browser is downloaded. Screenshots go to test-results/console/.
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

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
