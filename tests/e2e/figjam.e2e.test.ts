/**
 * Workshop mode end to end (issue #16): the dev harness as FigJam (`?editor=figjam`), the built
 * plugin and panel. A facilitator creates the board from the panel; a participant puts a sticky
 * into a cell on the drawn board (the harness's "Add sticky to picked cell" tool); Read back in
 * the panel brings it in as a card of that lane and stage.
 */
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { browserCheck, SHOTS, useDevHarness, waitForReplies, type HarnessWindow } from '../support/dev-harness';

describe.skipIf(!browserCheck.available)('workshop board in the FigJam harness', () => {
  let page: Page;
  let panel: FrameLocator;
  useDevHarness(
    (p, f) => {
      page = p;
      panel = f;
    },
    { editor: 'figjam' },
  );
  const redrawn = () => page.evaluate(() => (window as unknown as HarnessWindow).harness.redraw());

  it('creates a board, a sticky added into a cell reads back as a card there', async () => {
    expect(await page.evaluate(() => (window as unknown as HarnessWindow).harness.figma.editorType)).toBe('figjam');
    // The panel says where behaviour differs.
    await expect.poll(() => panel.getByRole('note').textContent()).toMatch(/FigJam: the map is a workshop board/);

    await panel.getByLabel('Start from').selectOption('ecommerce');
    await panel.getByRole('button', { name: 'New map' }).click();
    await panel.getByRole('button', { name: 'Create map' }).click();
    await waitForReplies(page, 'created');
    await redrawn();
    await page.locator('#canvas [data-type="SECTION"][data-role="map"]').waitFor();
    // The harness's layout check passes on the board (texts apart, stickies in their cells, dots on their columns).
    const layout = await page.evaluate(() => (window as unknown as HarnessWindow).harness.checkLayout());
    expect(layout.problems).toEqual([]);
    expect(layout.counts.cards).toBeGreaterThan(5);
    expect(layout.counts.markers).toBe(7);
    const stickiesBefore = await page.locator('#canvas [data-type="STICKY"]').count();
    expect(stickiesBefore).toBeGreaterThan(5);

    // Pick an empty corner of a cards cell on the drawn board, type a sticky's text, add it.
    const cell = page.locator('#canvas [data-role="cell"]').nth(3);
    const lane = await cell.getAttribute('data-lane');
    const stage = await cell.getAttribute('data-stage');
    const box = (await cell.boundingBox())!;
    await cell.click({ position: { x: box.width - 12, y: box.height - 12 } });
    await page.getByLabel('Text of the picked node').fill('Wants to pay later');
    await page.getByRole('button', { name: 'Add sticky to picked cell' }).click();
    await expect.poll(() => page.locator('#canvas [data-type="STICKY"]').count()).toBe(stickiesBefore + 1);
    await page.locator('#canvas').screenshot({ path: `${SHOTS}/figjam-board-sticky-added.png` });

    // Read back in the panel: the sticky is a card of that lane and stage, the last in reading order.
    await panel.getByRole('button', { name: 'Read back' }).click();
    await waitForReplies(page, 'map');
    const reply = await page.evaluate(() =>
      (window as unknown as HarnessWindow).harness.bridge.toPanel.filter((m) => m.type === 'map').at(-1),
    );
    const map = (reply as unknown as { map: { lanes: Array<{ id: string; cells: Record<string, unknown> }> } }).map;
    const cards = map.lanes.find((l) => l.id === lane)!.cells[stage!] as string[];
    expect(cards.at(-1)).toBe('Wants to pay later');
    expect((reply as unknown as { ignored: number }).ignored).toBe(0);
    await expect.poll(() => panel.getByRole('status').first().textContent()).toMatch(/Loaded/);
  });
});
