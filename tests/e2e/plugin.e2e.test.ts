/**
 * The whole plugin in a browser: the dev harness (dev/server.mjs) runs the
 * built sandbox against the in-memory Figma and the built panel in an iframe,
 * bridged like Figma. These tests do what designers do, through the panel's
 * labels and the drawn canvas, and save a screenshot of each under
 * tests/screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, requireBrowserOrSkip } from '../support/browser';
// @ts-expect-error: plain ESM module without types
import { startDevServer } from '../../dev/server.mjs';

const browserCheck = requireBrowserOrSkip();
const SHOTS = 'tests/screenshots';

describe.skipIf(!browserCheck.available)('plugin in the dev harness', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let page: Page;
  let panel: FrameLocator;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startDevServer({ port: 0 });
    browser = (await launchBrowser())!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(10000);
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { harness?: { ready: boolean } }).harness?.ready === true);
    panel = page.frameLocator('#plugin');
    await panel.getByRole('tablist').waitFor();
  });

  /** Evaluate in the harness: the in-memory Figma's page, as plain data. */
  const canvasTexts = () =>
    page.evaluate(() => {
      const h = (window as unknown as { harness: { figma: PluginAPI } }).harness;
      const out: Record<string, string> = {};
      const walk = (n: SceneNode) => {
        if (n.type === 'TEXT') out[n.id] = n.characters;
        if ('children' in n) n.children.forEach(walk);
      };
      h.figma.currentPage.children.forEach(walk);
      return out;
    });
  const mapCount = () => page.evaluate(() => (window as unknown as { harness: { figma: PluginAPI } }).harness.figma.currentPage.children.filter((n) => n.getPluginData('role') === 'map').length);
  const waitForReply = (type: string) =>
    page.waitForFunction((t) => (window as unknown as { harness: { messagesToPanel: Array<{ type: string }> } }).harness.messagesToPanel.some((m) => m.type === t), type);

  async function createFromTemplate(id: string) {
    await panel.getByLabel('Start from').selectOption(id);
    await panel.getByRole('button', { name: 'New map' }).click();
    await panel.getByRole('button', { name: 'Create map' }).click();
    await waitForReply('created');
    await page.locator('#canvas [data-role="map"]').first().waitFor();
  }

  /** Browser-computed geometry of the drawn map: texts don't overlap, cards stay in cells, markers sit on column centres. */
  async function checkGeometry() {
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#canvas [data-node-id]')).map((el) => {
        const r = el.getBoundingClientRect();
        const e = el as HTMLElement;
        return { id: e.dataset.nodeId!, type: e.dataset.type!, role: e.dataset.role ?? '', stage: e.dataset.stage ?? '', lane: e.dataset.lane ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    const texts = boxes.filter((b) => b.type === 'TEXT' && b.w > 0 && b.h > 0);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i];
        const b = texts[j];
        const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
        expect(overlap, `texts ${a.id} (${a.role}) and ${b.id} (${b.role}) overlap`).toBe(false);
      }
    for (const card of boxes.filter((b) => b.role === 'card')) {
      const cell = boxes.find((b) => b.role === 'cell' && b.stage === card.stage && b.lane === card.lane)!;
      expect(card.x).toBeGreaterThanOrEqual(cell.x - 0.5);
      expect(card.x + card.w).toBeLessThanOrEqual(cell.x + cell.w + 0.5);
      expect(card.y).toBeGreaterThanOrEqual(cell.y - 0.5);
      expect(card.y + card.h).toBeLessThanOrEqual(cell.y + cell.h + 0.5);
    }
    const markers = boxes.filter((b) => b.role === 'emotion-marker');
    for (const m of markers) {
      const header = boxes.find((b) => b.role === 'stage-header' && b.stage === m.stage)!;
      expect(Math.abs(m.x + m.w / 2 - (header.x + header.w / 2))).toBeLessThanOrEqual(1);
    }
    return { texts: texts.length, markers: markers.length };
  }

  it('picks a template and creates a map that is drawn with sound geometry', async () => {
    await createFromTemplate('ecommerce');
    expect(await mapCount()).toBe(1);
    const shown = Object.values(await canvasTexts()).join('\n');
    expect(shown).toContain('Buying running shoes online');
    const g = await checkGeometry();
    expect(g.markers).toBeGreaterThan(3);
    await page.screenshot({ path: `${SHOTS}/e2e-create.png` });
  });

  it('updates a stage name and a cell in place; only those texts change and a hand-added node survives', async () => {
    await createFromTemplate('hospital-visit');
    // A designer drops a sticker into the map.
    const stickerId = await page.evaluate(() => {
      const h = (window as unknown as { harness: { figma: PluginAPI; redraw: () => void } }).harness;
      const map = h.figma.currentPage.children[0] as FrameNode;
      const r = h.figma.createRectangle();
      r.name = 'Sticker';
      r.fills = [{ type: 'SOLID', color: { r: 1, g: 0.8, b: 0 } }];
      map.appendChild(r);
      h.redraw();
      return r.id;
    });
    const before = await canvasTexts();
    await panel.getByRole('tab', { name: /Stages/ }).click();
    await panel.getByLabel('Stage 1 name', { exact: true }).fill('GP visit');
    await panel.getByRole('tab', { name: /Cells/ }).click();
    const cell = panel.getByRole('textbox', { name: /Actions.*GP visit|GP visit.*Actions/ }).first();
    await cell.fill('Sees the GP, who books the scan');
    await panel.getByRole('button', { name: 'Update selected map' }).click();
    await waitForReply('updated');
    const after = await canvasTexts();
    const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(changed.map((id) => after[id]).sort()).toEqual(['GP visit', 'Sees the GP, who books the scan'].sort());
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort()); // same nodes, same ids
    expect(await page.evaluate(async (id) => !!(await (window as unknown as { harness: { figma: PluginAPI } }).harness.figma.getNodeByIdAsync(id)), stickerId)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/e2e-update.png` });
  });

  it('brings a canvas text edit back into the panel with "Load selected map"', async () => {
    await createFromTemplate('saas-onboarding');
    const stageName = page.locator('#canvas [data-role="stage-name"]').first();
    await stageName.click();
    await page.getByLabel('Text of the selected node').fill('Edited on canvas');
    await page.getByRole('button', { name: 'Apply text' }).click();
    await panel.getByRole('button', { name: /Load selected map/ }).click();
    await waitForReply('map');
    await panel.getByRole('tab', { name: /Stages/ }).click();
    await expect.poll(() => panel.getByLabel('Stage 1 name', { exact: true }).inputValue()).toBe('Edited on canvas');
    await page.screenshot({ path: `${SHOTS}/e2e-read-back.png` });
  });

  it('imports a spreadsheet paste and a Mermaid diagram and creates a map from each', async () => {
    for (const [name, text, expectText] of [
      ['table', 'Trip\tPlan\tTravel\tArrive\nActions\tBooks a train\tReads\tWalks to hotel\nEmotions\t4 keen\t2 bored\t5 relieved', 'Books a train'],
      ['mermaid', 'journey\n  title Commute\n  section Morning\n    Wake up: 2: Me\n    Train: 4: Me, Commuters', 'Commute'],
    ] as const) {
      await panel.getByRole('tab', { name: /Import/ }).click();
      await panel.getByLabel(/Paste a map/).fill(text);
      await panel.getByRole('button', { name: /^Import/ }).first().click();
      await expect.poll(() => panel.locator('body').innerText()).not.toMatch(/Could not import/);
      await panel.getByRole('button', { name: 'Create map' }).click();
      await page.waitForFunction((n) => (window as unknown as { harness: { messagesToPanel: Array<{ type: string }> } }).harness.messagesToPanel.filter((m) => m.type === 'created').length === n, name === 'table' ? 1 : 2);
      const texts = Object.values(await canvasTexts());
      expect(texts).toContain(expectText); // a whole text node, not part of a title
      await page.screenshot({ path: `${SHOTS}/e2e-import-${name}.png` });
    }
    expect(await mapCount()).toBe(2);
  });

  it('refuses broken JSON with a clear message and leaves the canvas untouched', async () => {
    await createFromTemplate('call-centre');
    const before = await canvasTexts();
    await panel.getByRole('tab', { name: /Import/ }).click();
    await panel.getByLabel(/Paste a map/).fill('{"title": "Broken", "stages": [ {"name": } ]');
    await panel.getByRole('button', { name: /^Import/ }).first().click();
    await expect.poll(() => panel.locator('body').innerText()).toMatch(/not valid JSON/i);
    expect(await canvasTexts()).toEqual(before);
    expect(await mapCount()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/e2e-broken-json.png` });
  });
});
