/**
 * `npm run dev -- --watch`: an open harness page reloads itself when dev/ or
 * dist/ changes (here: dev/index.html touched), and comes back up working.
 * The server runs without its `build.mjs --watch` child, so this test never
 * rewrites dist/ under the other tests' feet.
 */
import { utimesSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, requireBrowserOrSkip } from '../support/browser';
// @ts-expect-error: plain ESM module without types
import { startDevServer } from '../../dev/server.mjs';

const browserCheck = requireBrowserOrSkip();

describe.skipIf(!browserCheck.available)('dev harness --watch', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await startDevServer({ port: 0, watchMode: true, rebuild: false });
    browser = (await launchBrowser())!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reloads the open page when a watched file changes', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10000);
    await page.goto(server.url);
    const ready = () =>
      page.waitForFunction(() => (window as unknown as { harness?: { ready: boolean } }).harness?.ready === true);
    await ready();
    // A mark that only survives if the page is NOT reloaded.
    await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
    const reloaded = page.waitForEvent('load');
    const now = new Date();
    utimesSync('dev/index.html', now, now);
    await reloaded;
    await ready();
    expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBeUndefined();
    await page.frameLocator('#plugin').getByRole('tablist').waitFor();
    await page.close();
  });
});
