/**
 * Versions end to end in the dev harness (issue #18): the built sandbox against the in-memory
 * Figma, the built panel in its iframe. A map from a template is saved as version "As-is",
 * edited in the panel (a stage renamed, a cell changed, a score moved) and updated; the Versions
 * tab then compares it with "As-is" and shows those three changes, and "Draw on canvas" puts a
 * second top-level frame beside the map without touching the map. Run `npm run build` first.
 * Screenshots of the panel (440 and 320 px wide) and of the canvas go to tests/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import {
  browserCheck,
  SHOTS,
  useDevHarness,
  waitForReplies as waitForRepliesOn,
  type HarnessWindow,
} from '../support/dev-harness';

describe.skipIf(!browserCheck.available)('versions in the dev harness', () => {
  let page: Page;
  let panel: FrameLocator;
  useDevHarness((p, f) => {
    page = p;
    panel = f;
  });

  const waitForReplies = (type: string, count = 1) => waitForRepliesOn(page, type, count);
  const replies = (type: string) =>
    page.evaluate(
      (t) => (window as unknown as HarnessWindow).harness.bridge.toPanel.filter((m) => m.type === t).length,
      type,
    );
  const redrawn = () => page.evaluate(() => (window as unknown as HarnessWindow).harness.redraw());
  /** The page's top-level nodes: type, name, place and size. */
  const topLevel = () =>
    page.evaluate(() =>
      (window as unknown as HarnessWindow).harness.figma.currentPage.children.map((n) => ({
        id: n.id,
        type: n.type,
        name: n.name,
        x: n.x,
        y: n.y,
        width: n.width,
      })),
    );
  /** Texts inside one top-level node, by node id. */
  const textsOf = (id: string) =>
    page.evaluate((top) => {
      const h = (window as unknown as HarnessWindow).harness;
      const out: Record<string, string> = {};
      const walk = (n: SceneNode) => {
        if (n.type === 'TEXT') out[n.id] = n.characters;
        if ('children' in n) n.children.forEach(walk);
      };
      walk(h.figma.currentPage.children.find((n) => n.id === top)!);
      return out;
    }, id);

  it('saves "As-is", edits and updates, compares in the panel and draws the comparison beside the map', async () => {
    // A map from a template, on the canvas.
    await panel.getByLabel('Start from').selectOption('ecommerce');
    await panel.getByRole('button', { name: 'New map' }).click();
    await panel.getByRole('button', { name: 'Create map' }).click();
    await waitForReplies('created');
    await redrawn();

    // Save it as "As-is".
    await panel.getByRole('tab', { name: /Versions/ }).click();
    await waitForReplies('versions');
    await panel.getByLabel('Version name', { exact: true }).fill('As-is');
    await panel.getByRole('button', { name: 'Save current as version' }).click();
    await waitForReplies('versions', 2);
    const footer = panel.locator('footer');
    await expect.poll(() => footer.getByRole('status').innerText()).toMatch(/as version “As-is” \(1 of 10\)/);
    const item = panel.getByRole('listitem', { name: 'As-is' });
    await expect(item.innerText()).resolves.toMatch(/Revision 1 ·/);

    // Edit in the panel: a stage renamed, a cell changed, a score moved; then Update.
    await panel.getByRole('tab', { name: /Stages/ }).click();
    await panel.getByLabel('Stage 4 name', { exact: true }).fill('Pay');
    await panel.getByRole('tab', { name: /Cells/ }).click();
    await panel.getByRole('textbox', { name: 'Actions, Search', exact: true }).fill('Asks a friend who runs');
    await panel.getByRole('group', { name: 'Emotions, Compare models' }).getByTitle('−2 very negative').click();
    await panel.getByRole('button', { name: 'Update selected map' }).click();
    await waitForReplies('updated');
    await redrawn();
    const [map] = await topLevel();
    const mapTexts = await textsOf(map.id);
    expect(Object.values(mapTexts)).toContain('Pay');
    expect(Object.values(mapTexts)).toContain('Asks a friend who runs');

    // Versions: the history has the update in words; compare with "As-is".
    await panel.getByRole('tab', { name: /Versions/ }).click();
    const history = panel.getByRole('region', { name: 'History' });
    await expect
      .poll(() => history.getByRole('listitem').first().innerText())
      .toMatch(
        /^Revision 2 · [^\n]+\nStage 'Checkout' renamed 'Pay', 1 cell changed, curve 'Emotions' −1\.5 at Compare models$/,
      );
    const compares = await replies('comparison');
    await item.getByRole('button', { name: 'Compare with current' }).click();
    await waitForReplies('comparison', compares + 1);
    const view = panel.getByRole('region', { name: 'As-is → current map' });
    await view.waitFor();
    const group = (title: string) => view.locator('.ver-group', { has: panel.getByRole('heading', { name: title }) });
    // textContent: the tags are upper-cased by CSS only.
    await expect(group('Stages').getByRole('listitem').allTextContents()).resolves.toEqual([
      'Renamed “Checkout” → “Pay”',
    ]);
    const cells = await group('Cells').getByRole('listitem').allInnerTexts();
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatch(/^Actions · Search\nGoogles .* → Asks a friend who runs$/s);
    await expect(group('Cells').locator('del').innerText()).resolves.toMatch(/^Googles "best cushioned/);
    await expect(group('Cells').locator('ins').innerText()).resolves.toBe('Asks a friend who runs');
    await expect(group('Scores').getByRole('listitem').allInnerTexts()).resolves.toEqual([
      'Emotions · Compare models\n−0.5 → −2 −1.5',
    ]);
    await page.screenshot({ path: `${SHOTS}/e2e-versions-compare.png` });
    await page.locator('#plugin').screenshot({ path: `${SHOTS}/e2e-versions-panel-440.png` });

    // Draw it on the canvas: a second top-level frame to the right of the map; the map unchanged.
    await view.getByRole('button', { name: 'Draw on canvas' }).click();
    await waitForReplies('comparison-drawn');
    await redrawn();
    await expect
      .poll(() => footer.getByRole('status').innerText())
      .toMatch(
        /^Drew the comparison of “As-is” with the current map as a separate frame to the right of the map on the canvas; the map itself is unchanged\.$/,
      );
    const tops = await topLevel();
    expect(tops).toHaveLength(2);
    const [mapAfter, drawn] = tops;
    expect(mapAfter).toEqual(map);
    expect(drawn.type).toBe('FRAME');
    expect(drawn.x).toBeGreaterThan(map.x + map.width);
    expect(drawn.y).toBe(map.y);
    expect(await textsOf(map.id)).toEqual(mapTexts);
    const drawnTexts = Object.values(await textsOf(drawn.id)).join('\n');
    expect(drawnTexts).toContain('As-is');
    expect(drawnTexts).toContain('Pay');
    await page.locator('#canvas .top').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/e2e-versions-canvas.png` });
    // The comparison frame whole: zoomed out, the harness's toast out of the way.
    await page.getByLabel('Zoom').fill('0.3');
    await page.evaluate(() => document.getElementById('toast')?.setAttribute('hidden', ''));
    const frameShot = page.locator('#canvas .top').nth(1);
    await frameShot.scrollIntoViewIfNeeded();
    await frameShot.screenshot({ path: `${SHOTS}/e2e-versions-comparison-frame.png` });

    // The narrowest panel (Figma's resize, as the panel's grip does it): nothing cut off sideways.
    await page.evaluate(() => (window as unknown as HarnessWindow).harness.figma.ui.resize(320, 640));
    await expect.poll(async () => (await page.locator('#plugin').boundingBox())?.width).toBe(320);
    const content = panel.locator('main.content');
    await expect.poll(() => content.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('#plugin').screenshot({ path: `${SHOTS}/e2e-versions-panel-320.png` });
    await content.evaluate((el) => el.scrollTo(0, 0));
    await page.locator('#plugin').screenshot({ path: `${SHOTS}/e2e-versions-list-320.png` });
  });
});
