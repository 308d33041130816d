/**
 * End to end: the BUILT dist/ui.html in headless Chromium, inside a parent
 * page standing in for Figma. Fill a persona and three stages by label, press
 * Create, check the posted message; then take light and dark screenshots.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { norm } from '../support/maps';
import { UiToPluginSchema } from '../../src/protocol';
import { CHROMIUM, CHROMIUM_ARGS, openPanel } from '../support/panel-page';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI !== 'true') {
  console.log(`panel e2e skipped: ${CHROMIUM} is missing; install it with \`apt-get install -y chromium\``);
}

describe.skipIf(!haveChromium && process.env.CI !== 'true')('panel in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    // In CI a missing Chromium must fail, not skip: this launch throws.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fills persona and three stages by label and posts a valid create', async () => {
    const p = await openPanel(browser);
    const f = p.frame;
    expect((await p.messages())[0]).toEqual({ type: 'ready' });

    await f.getByLabel('Map title', { exact: true }).fill('Clinic visit');
    await f.getByLabel('Persona name', { exact: true }).fill('Maya');
    await f.getByLabel('Role', { exact: true }).fill('Night nurse');
    await f.getByRole('button', { name: '+ Add goal' }).click();
    await f.getByLabel('Goal 1', { exact: true }).fill('Park close to the entrance');

    await f.getByRole('tab', { name: /Stages/ }).click();
    await f.getByLabel('Stage 1 name', { exact: true }).fill('Book');
    await f.getByLabel('Stage 2 name', { exact: true }).fill('Arrive');
    await f.getByLabel('Stage 3 name', { exact: true }).fill('Consult');
    await f.getByRole('group', { name: 'Emotion, Arrive' }).getByTitle('−2 very negative').click();

    await f.getByRole('button', { name: 'Create map' }).click();
    await p.page.waitForFunction(() =>
      (window as unknown as { __messages: { type: string }[] }).__messages.some((m) => m.type === 'create'),
    );
    const create = (await p.messages()).find((m) => m.type === 'create')!;
    expect(UiToPluginSchema.safeParse(create).success).toBe(true);
    const map = norm((create as { map: unknown }).map);
    expect(map.title).toBe('Clinic visit');
    expect(map.persona).toEqual({ name: 'Maya', role: 'Night nurse', goals: ['Park close to the entrance'] });
    expect(map.stages.map((s) => s.name)).toEqual(['Book', 'Arrive', 'Consult']);
    const emotion = map.lanes.find((l) => l.kind === 'emotion')!;
    expect(emotion.cells).toEqual({ [map.stages[1].id]: { score: -2 } });
    await p.page.close();
  });

  it('looks right in light and dark themes (screenshots)', async () => {
    mkdirSync('tests/screenshots', { recursive: true });
    mkdirSync('docs', { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const p = await openPanel(browser);
      await p.setTheme(theme);
      await p.post({ type: 'selection', maps: [{ nodeId: '1:2', title: 'Clinic visit' }] });
      await p.frame.getByLabel('Map title', { exact: true }).fill('Clinic visit');
      await p.frame.getByRole('tab', { name: /Stages/ }).click();
      await p.frame.getByLabel('Stage 1 name', { exact: true }).fill('Book');
      await p.frame.getByLabel('Stage 2 name', { exact: true }).fill('Arrive');
      await p.frame.getByRole('group', { name: 'Emotion, Book' }).getByTitle('+1 positive').click();
      await p.frame.getByRole('group', { name: 'Emotion, Arrive' }).getByTitle('−2 very negative').click();
      await p.frame.getByLabel('Emotion note, Arrive', { exact: true }).fill('No parking nearby');
      const bg = await p.frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(theme === 'dark' ? 'rgb(44, 44, 44)' : 'rgb(255, 255, 255)');
      const file = `tests/screenshots/panel-${theme}.png`;
      await p.page.screenshot({ path: file });
      copyFileSync(file, `docs/panel-${theme}.png`);
      await p.page.close();
    }
  });
});
