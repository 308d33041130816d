/**
 * End to end: the BUILT dist/ui.html in headless Chromium, inside a parent
 * page standing in for Figma. Fill a persona and three stages by label, press
 * Create, check the posted message; then take light and dark screenshots.
 * Then the windowed Cells grid of a 40 × 30 map: few editors in the DOM, the
 * right ones after scrolling, typing edits the cell typed in, a focused cell
 * survives scrolling away, and the keyboard order is the unwindowed one.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { norm } from '../support/maps';
import { UiToPluginSchema } from '../../src/protocol';
import { CHROMIUM, CHROMIUM_ARGS, openPanel, type PanelPage } from '../support/panel-page';
import { syntheticMap } from '../../bench/synthetic';

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
    await f.getByRole('button', { name: '+ Add persona' }).click();
    await f.getByLabel('Persona 1 name', { exact: true }).fill('Maya');
    await f.getByLabel('Role of persona 1', { exact: true }).fill('Night nurse');
    await f.getByRole('button', { name: '+ Add goal of persona 1' }).click();
    await f.getByLabel('Goal 1 of persona 1', { exact: true }).fill('Park close to the entrance');

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
    expect(map.personas).toEqual([
      { id: 'maya', name: 'Maya', role: 'Night nurse', goals: ['Park close to the entrance'] },
    ]);
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

  describe('Cells grid, windowed above 120 cells', () => {
    const EDITORS = '.grid textarea, .grid fieldset.emotion';
    /** Scroll the grid box to (left, top) in px, or to its end with Infinity. */
    const scrollGrid = (p: PanelPage, left: number, top: number) =>
      p.frame.evaluate(
        ([x, y]) => {
          const box = document.querySelector<HTMLElement>('.grid-scroll')!;
          box.scrollTo(Math.min(x, box.scrollWidth), Math.min(y, box.scrollHeight));
        },
        [left, top],
      );
    const focusedLabel = (p: PanelPage) => p.frame.evaluate(() => document.activeElement?.getAttribute('aria-label'));

    async function openGrid(stages = 40, lanes = 30): Promise<PanelPage> {
      const p = await openPanel(browser);
      await p.post({ type: 'map', nodeId: '1:2', revision: 1, canvas: 'e2e', map: syntheticMap(stages, lanes) });
      await p.frame.getByRole('tab', { name: /Cells/ }).click();
      await p.frame.getByLabel('Lane 1, Stage 1', { exact: true }).waitFor();
      return p;
    }

    it('renders only the cells in view, brings the right ones in on scrolling, and types into the cell typed in', async () => {
      const p = await openGrid();
      const f = p.frame;
      const table = f.locator('table.grid');
      expect(await table.getAttribute('aria-rowcount')).toBe('31');
      expect(await table.getAttribute('aria-colcount')).toBe('41');
      const editors = await f.locator(EDITORS).count();
      expect(editors).toBeGreaterThan(4);
      expect(editors).toBeLessThan(100); // of 1200
      expect(await f.locator('#cell-29-39').count()).toBe(0);
      // A form per cell keeps Chromium's autofill from re-reading every control on each keystroke (see CellsTab).
      expect(await f.locator('td.cell > form').count()).toBe(editors);

      // The far corner: lane 28 (a text lane) of stage 40 comes in, the first cells go.
      await scrollGrid(p, Infinity, Infinity);
      const far = f.getByLabel('Lane 28, Stage 40', { exact: true });
      await far.waitFor();
      await f.waitForFunction(() => !document.getElementById('cell-0-0'));
      expect(await f.locator(EDITORS).count()).toBeLessThan(100);
      // Row and cell positions for assistive technology: row 29 of 31, column 41 of 41.
      expect(await f.locator('#cell-27-39').getAttribute('aria-colindex')).toBe('41');
      expect(await f.locator('tr:has(#cell-27-39)').getAttribute('aria-rowindex')).toBe('29');
      // The spacers keep the scroll extent of the whole grid: the far cell sits at its end.
      const edge = await f.evaluate(() => {
        const box = document.querySelector<HTMLElement>('.grid-scroll')!.getBoundingClientRect();
        const cell = document.getElementById('cell-29-39')!.getBoundingClientRect();
        return { right: box.right - cell.right, bottom: box.bottom - cell.bottom };
      });
      expect(Math.abs(edge.right)).toBeLessThan(20);
      expect(Math.abs(edge.bottom)).toBeLessThan(20);

      await far.fill('Typed far away');
      await expect.poll(() => far.inputValue()).toBe('Typed far away');
      mkdirSync('tests/screenshots', { recursive: true });
      await p.page.screenshot({ path: 'tests/screenshots/e2e-cells-grid.png' });

      // A focused cell stays in the DOM, focused, when the grid scrolls far from it; typing still reaches it.
      await far.focus();
      await scrollGrid(p, 0, 0);
      await f.getByLabel('Lane 1, Stage 1', { exact: true }).waitFor();
      expect(await focusedLabel(p)).toBe('Lane 28, Stage 40');
      await p.page.keyboard.type('!');
      await p.page.waitForFunction(() =>
        (
          window as unknown as { __messages: { type: string; draft?: { map: { lanes: unknown[] } } }[] }
        ).__messages.some(
          (m) => m.type === 'save-draft' && JSON.stringify(m.draft?.map.lanes[27]).includes('Typed far away!'),
        ),
      );
      const saved = (await p.messages()).filter((m) => m.type === 'save-draft').pop() as {
        draft: { map: { lanes: { cells: Record<string, unknown> }[] } };
      };
      expect(saved.draft.map.lanes[27].cells.s39).toBe('Typed far away!');
      expect(saved.draft.map.lanes[27].cells.s38).toBe('Lane 28, stage 39: the customer does something worth noting.');
      await p.page.close();
    });

    it('renders a grid of a template’s size whole (windowing starts above 120 cells)', async () => {
      const p = await openGrid(8, 6);
      expect(await p.frame.locator(EDITORS).count()).toBe(48);
      expect(await p.frame.locator('.grid .gap').count()).toBe(0);
      await p.page.close();
    });

    it('keeps the keyboard order of the whole grid: Alt+Arrow, Tab across rows, Tab into the grid', async () => {
      const p = await openGrid();
      const f = p.frame;
      const press = (key: string) => p.page.keyboard.press(key);

      // Alt+Arrow to a cell that is not rendered (the grid was scrolled away from the focused one).
      await f.getByLabel('Lane 1, Stage 1', { exact: true }).focus();
      await scrollGrid(p, Infinity, Infinity);
      await f.waitForFunction(() => !document.getElementById('cell-1-0'));
      await press('Alt+ArrowDown');
      await expect.poll(() => focusedLabel(p)).toBe('Lane 2, Stage 1');

      // Tab from the last stage of a lane goes to the first stage of the next lane, Shift+Tab back.
      await scrollGrid(p, Infinity, 0);
      await f.getByLabel('Lane 1, Stage 40', { exact: true }).focus();
      await scrollGrid(p, Infinity, 5); // the cell focused before is let go on the next scroll
      await f.waitForFunction(() => !document.getElementById('cell-1-0'));
      await press('Tab');
      await expect.poll(() => focusedLabel(p)).toBe('Lane 2, Stage 1');
      await press('Shift+Tab');
      await expect.poll(() => focusedLabel(p)).toBe('Lane 1, Stage 40');
      // Shift+Tab into an emotion cell lands on its last control, the note.
      await scrollGrid(p, 0, 0);
      await f.getByLabel('Lane 4, Stage 1', { exact: true }).focus();
      await scrollGrid(p, 0, 5);
      await f.waitForFunction(() => !document.getElementById('cell-2-39'));
      await press('Shift+Tab');
      await expect.poll(() => focusedLabel(p)).toBe('Lane 3 note, Stage 40');
      // Each cell sits in its own form (see CellsTab): Enter in the note submits nothing and reloads nothing.
      await press('Enter');
      expect(await focusedLabel(p)).toBe('Lane 3 note, Stage 40');

      // Tab from the tab list into a scrolled grid lands on the first cell, as without windowing.
      await scrollGrid(p, 2000, 800);
      await f.waitForFunction(() => !document.getElementById('cell-0-0'));
      await f.getByRole('tab', { name: /Cells/ }).focus();
      await press('Tab');
      await expect.poll(() => focusedLabel(p)).toBe('Lane 1, Stage 1');
      await p.page.close();
    });
  });
});
