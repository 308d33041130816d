/**
 * End to end, format 2 in the BUILT panel (dist/ui.html) in headless Chromium: a map with two
 * personas and two curves on one chart loaded from the canvas, edited through the Personas,
 * Lanes and Stages tabs, then Update posts a map with every field. Screenshots of the three
 * tabs, light and dark, at Figma's default width and the narrowest, go to tests/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { norm } from '../support/maps';
import { UiToPluginSchema } from '../../src/protocol';
import { TEMPLATE_LIST } from '../../src/templates';
import { CHROMIUM, CHROMIUM_ARGS, openPanel } from '../support/panel-page';

const haveChromium = existsSync(CHROMIUM);
const SHOTS = 'tests/screenshots';

/** The as-is / to-be template with a second persona, the to-be curve tied to her. */
function twoPersonasTwoCurves() {
  const t = TEMPLATE_LIST.find((x) => x.id === 'redesign-as-is-to-be')!;
  const map = norm(structuredClone(t.map));
  map.personas = [...(map.personas ?? []), { id: 'tom', name: 'Tom Ellis', role: 'Landlord, three flats' }];
  return map;
}

describe.skipIf(!haveChromium && process.env.CI !== 'true')('format 2 in the panel, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('edits personas, a curve’s chart, scale, persona and line, and a moment; Update sends them all', async () => {
    const map = twoPersonasTwoCurves();
    const p = await openPanel(browser);
    const f = p.frame;
    await p.post({ type: 'map', nodeId: '1:2', revision: 1, canvas: 'e2e', map });
    await f.getByRole('tab', { name: /Personas/ }).click();
    await f.getByLabel('Role of persona 2', { exact: true }).fill('Landlord, four flats');
    await f.getByRole('button', { name: 'Move persona 2 up' }).click();
    expect(await f.getByLabel('Persona 1 name', { exact: true }).inputValue()).toBe('Tom Ellis');

    await f.getByRole('tab', { name: /Lanes/ }).click();
    const lanes = map.lanes.map((l) => l.title);
    const today = lanes.indexOf(map.lanes.find((l) => l.kind === 'emotion' && !l.overlay)!.title) + 1;
    const tobe = lanes.indexOf(map.lanes.find((l) => l.kind === 'emotion' && l.overlay)!.title) + 1;
    await f.getByLabel(`Persona of lane ${tobe}`, { exact: true }).selectOption({ label: 'Tom Ellis' });
    await f.getByLabel(`Scale of lane ${today}`, { exact: true }).selectOption({ label: '0 to 10' });
    await f.getByLabel(`High end word of lane ${today}`, { exact: true }).fill('Delighted');

    await f.getByRole('tab', { name: /Stages/ }).click();
    await f.getByLabel('Moment of truth of stage 1', { exact: true }).check();
    await f.getByLabel('Moment note of stage 1', { exact: true }).fill('The letter decides whether she looks around');

    await f.getByRole('button', { name: 'Update selected map' }).click();
    await p.page.waitForFunction(() =>
      (window as unknown as { __messages: { type: string }[] }).__messages.some((m) => m.type === 'update'),
    );
    const update = (await p.messages()).find((m) => m.type === 'update')!;
    expect(UiToPluginSchema.safeParse(update).success).toBe(true);
    const sent = norm((update as { map: unknown }).map);
    expect(sent.personas?.map((x) => x.id)).toEqual(['tom', ...(map.personas ?? []).slice(0, -1).map((x) => x.id)]);
    expect(sent.personas?.[0].role).toBe('Landlord, four flats');
    const [host, guest] = [today, tobe].map((n) => sent.lanes[n - 1]);
    expect(host).toMatchObject({ kind: 'emotion', scale: { min: 0, max: 10, high: 'Delighted' } });
    expect(guest).toMatchObject({ kind: 'emotion', overlay: host.id, persona: 'tom', style: 'dashed' });
    expect(sent.stages[0]).toMatchObject({ moment: true, momentNote: 'The letter decides whether she looks around' });
    expect(sent.objective).toBe(map.objective);
    await p.page.close();
  });

  it('Personas, Lanes and Stages tabs, light and dark, 420 and 320 px wide (screenshots)', async () => {
    for (const [theme, width] of [
      ['light', 420],
      ['dark', 420],
      ['light', 320],
    ] as const) {
      const p = await openPanel(browser, { width, height: 720 });
      await p.setTheme(theme);
      await p.post({ type: 'map', nodeId: '1:2', revision: 1, canvas: 'e2e', map: twoPersonasTwoCurves() });
      const f = p.frame;
      await f.getByRole('tab', { name: /Personas/ }).click();
      await f.getByLabel('Persona 1 name', { exact: true }).waitFor();
      // One persona's details unfolded, the other folded.
      await f.getByRole('button', { name: /^Details.*of persona 2$/ }).click();
      await p.page.screenshot({ path: `${SHOTS}/format2-personas-${theme}-${width}.png` });
      await f.getByRole('tab', { name: /Lanes/ }).click();
      // The emotion lanes are at the end: the first of them at the top.
      await f
        .locator('li.curve')
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'start' }));
      // Only the tab scrolls, never the panel page (hidden label words once made it taller).
      expect(await f.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
      await p.page.screenshot({ path: `${SHOTS}/format2-lanes-${theme}-${width}.png` });
      await f.getByRole('tab', { name: /Stages/ }).click();
      await f.getByLabel('Objective', { exact: true }).waitFor();
      await f.locator('main.content').evaluate((el) => el.scrollTo(0, 0));
      await p.page.screenshot({ path: `${SHOTS}/format2-stages-${theme}-${width}.png` });
      await p.page.close();
    }
  });
});
