/**
 * The panel loads nothing remote and makes no request while it is used:
 * every request the page makes is recorded (Playwright sees fetch, XHR,
 * images, fonts, scripts alike) through a session of real use.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openPanel } from '../support/panel-page';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI !== 'true') {
  console.log(`no-network e2e skipped: ${CHROMIUM} is missing; install it with \`apt-get install -y chromium\``);
}

describe.skipIf(!haveChromium && process.env.CI !== 'true')('panel network use', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('makes no network request while a designer imports, edits and exports', async () => {
    const requests: string[] = [];
    const p = await openPanel(browser);
    p.page.on('request', (r) => requests.push(r.url()));
    const f = p.frame;
    await f.getByLabel('Start from').selectOption('ecommerce');
    await f.getByRole('button', { name: 'New map' }).click();
    await f.getByRole('tab', { name: /^Data/ }).click();
    const paste = f.getByLabel(/Paste a map/);
    await paste.fill('Trip\tPlan\tGo\nActions\tBooks\tTravels\nEmotions\t4 keen\t2 tired');
    await f
      .getByRole('button', { name: /^Import/ })
      .first()
      .click();
    await f.getByRole('tab', { name: /Stages/ }).click();
    expect(await f.getByLabel('Stage 1 name', { exact: true }).inputValue()).toBe('Plan'); // the paste was really imported
    await f.getByRole('button', { name: 'Create map' }).click();
    await p.page.waitForTimeout(300);
    const posted = await p.messages();
    expect(posted.some((m) => m.type === 'create')).toBe(true);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
  });
});
