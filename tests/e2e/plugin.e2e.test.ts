/**
 * The whole plugin in a browser: the dev harness (dev/server.mjs) runs the
 * built sandbox against the in-memory Figma and the built panel in an iframe,
 * bridged like Figma. These tests do what designers do, through the panel's
 * labels and the drawn canvas, check the geometry the browser computed, and
 * save a screenshot of each under tests/screenshots/ (git-ignored).
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
import { FIGMA_THEMES } from '../support/figma-themes';
import { syntheticMap } from '../../bench/synthetic';

describe.skipIf(!browserCheck.available)('plugin in the dev harness', () => {
  let page: Page;
  let panel: FrameLocator;
  useDevHarness((p, f) => {
    page = p;
    panel = f;
  });

  /** The in-memory Figma's texts, by node id, as plain data. */
  const canvasTexts = () =>
    page.evaluate(() => {
      const h = (window as unknown as HarnessWindow).harness;
      const out: Record<string, string> = {};
      const walk = (n: SceneNode) => {
        if (n.type === 'TEXT') out[n.id] = n.characters;
        if ('children' in n) n.children.forEach(walk);
      };
      h.figma.currentPage.children.forEach(walk);
      return out;
    });
  const mapCount = () =>
    page.evaluate(
      () =>
        (window as unknown as HarnessWindow).harness.figma.currentPage.children.filter(
          (n) => n.getSharedPluginData('journeymap', 't').split('\u001f')[0] === 'map',
        ).length,
    );
  /** Wait until the sandbox has sent `count` messages of this type in all. */
  const waitForReplies = (type: string, count = 1) => waitForRepliesOn(page, type, count);
  /** Let the harness redraw now rather than at its next 100 ms poll. */
  const redrawn = () => page.evaluate(() => (window as unknown as HarnessWindow).harness.redraw());

  /** Pick a text on the drawn canvas and retype it with the toolbar, as a designer edits a text in Figma. */
  async function editOnCanvas(selector: string, text: string) {
    await page.locator(`#canvas ${selector}`).click();
    await page.getByLabel('Text of the picked node').fill(text);
    await page.getByRole('button', { name: 'Apply text' }).click();
    await expect.poll(async () => Object.values(await canvasTexts())).toContain(text);
    await redrawn();
  }

  async function createFromTemplate(id: string) {
    await panel.getByLabel('Start from').selectOption(id);
    await panel.getByRole('button', { name: 'New map' }).click();
    await panel.getByRole('button', { name: 'Create map' }).click();
    await waitForReplies('created');
    await redrawn();
    await page.locator('#canvas [data-role="map"]').first().waitFor();
  }

  it('picks a template, creates a map drawn with sound geometry, and selecting it on the canvas reaches the panel', async () => {
    await createFromTemplate('ecommerce');
    expect(await mapCount()).toBe(1);
    expect(Object.values(await canvasTexts())).toContain('Buying running shoes online');
    const g = await checkDrawnGeometry(page);
    expect(g.cards).toBeGreaterThan(5);
    expect(g.markers).toBeGreaterThan(3);

    // Clicking empty canvas clears Figma's selection; clicking inside the map selects the map.
    await page.locator('#canvas').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => panel.getByRole('button', { name: /Load selected map/ }).count()).toBe(0);
    await page.locator('#canvas [data-role="stage-name"]').first().click();
    const selection = await page.evaluate(() =>
      (window as unknown as HarnessWindow).harness.figma.currentPage.selection.map(
        (n) => n.getSharedPluginData('journeymap', 't').split('\u001f')[0],
      ),
    );
    expect(selection).toEqual(['map']);
    await expect(
      panel.getByRole('button', { name: 'Load selected map “Buying running shoes online”' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator('#canvas .selected[data-role="map"]').count()).resolves.toBe(1);
    await expect(page.locator('#canvas .picked[data-role="stage-name"]').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/e2e-create.png` });
  });

  it('the geometry check catches a card pushed out of its cell, overlapping texts and an off-centre marker', async () => {
    await createFromTemplate('ecommerce');
    await checkDrawnGeometry(page);
    // Break the drawing, not the map: shift elements as a layout bug would.
    await page.evaluate(() => {
      const q = (sel: string) => document.querySelector<HTMLElement>(`#canvas ${sel}`)!;
      q('[data-role="card"]').style.translate = '0 400px';
      q('[data-role="emotion-marker"]').style.translate = '3px 0';
      const names = document.querySelectorAll<HTMLElement>('#canvas [data-role="stage-name"]');
      const [a, b] = [names[0].getBoundingClientRect(), names[1].getBoundingClientRect()];
      const zoom = Number(getComputedStyle(document.querySelector('#canvas .top')!).zoom);
      names[1].style.translate = `${(a.x - b.x) / zoom}px 0`;
    });
    const { problems } = await page.evaluate(() => (window as unknown as HarnessWindow).harness.checkLayout());
    expect(problems.some((p) => /^card .* is not inside its cell/.test(p))).toBe(true);
    // 3 px off, give or take the browser's rounding at the drawing's zoom.
    const off = problems
      .map((p) => /^marker .* is (-?[\d.]+) off the centre/.exec(p)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(off).toHaveLength(1);
    expect(Math.abs(off[0] - 3)).toBeLessThan(0.1);
    expect(problems.some((p) => /^texts overlap .*stage-name.*stage-name/.test(p))).toBe(true);
    await page.getByRole('button', { name: 'Check layout' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/layout problems?/);
  });

  it('updates a stage name and a cell in place; only those texts change and a hand-added node survives', async () => {
    await createFromTemplate('hospital-visit');
    // A designer drops a sticker into the map.
    const stickerId = await page.evaluate(() => {
      const h = (window as unknown as HarnessWindow).harness;
      const map = h.figma.currentPage.children[0] as FrameNode;
      const r = h.figma.createRectangle();
      r.name = 'Sticker';
      r.fills = [{ type: 'SOLID', color: { r: 1, g: 0.8, b: 0 } }];
      map.appendChild(r);
      return r.id;
    });
    await redrawn();
    await expect(page.locator(`#canvas [data-node-id="${stickerId}"]`).count()).resolves.toBe(1);
    const before = await canvasTexts();
    await panel.getByRole('tab', { name: /Stages/ }).click();
    await panel.getByLabel('Stage 1 name', { exact: true }).fill('GP visit');
    await panel.getByRole('tab', { name: /Cells/ }).click();
    await panel.getByRole('textbox', { name: 'Actions, GP visit' }).fill('Sees the GP, who books the scan');
    await panel.getByRole('button', { name: 'Update selected map' }).click();
    await waitForReplies('updated');
    await redrawn();
    const after = await canvasTexts();
    const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(changed.map((id) => after[id]).sort()).toEqual(['GP visit', 'Sees the GP, who books the scan'].sort());
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort()); // same nodes, same ids
    await expect(page.locator(`#canvas [data-node-id="${stickerId}"]`).count()).resolves.toBe(1);
    await checkDrawnGeometry(page);
    await page.locator(`#canvas [data-node-id="${stickerId}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/e2e-update.png` });
  });

  it('brings a canvas text edit back into the panel with "Load selected map"', async () => {
    await createFromTemplate('saas-onboarding');
    await page.locator('#canvas [data-role="stage-name"]').first().click();
    await page.getByLabel('Text of the picked node').fill('Edited on canvas');
    await page.getByRole('button', { name: 'Apply text' }).click();
    await expect.poll(async () => Object.values(await canvasTexts())).toContain('Edited on canvas');
    await panel.getByRole('button', { name: /Load selected map/ }).click();
    await waitForReplies('map');
    await panel.getByRole('tab', { name: /Stages/ }).click();
    await expect.poll(() => panel.getByLabel('Stage 1 name', { exact: true }).inputValue()).toBe('Edited on canvas');
    await page.screenshot({ path: `${SHOTS}/e2e-read-back.png` });
  });

  it('reads back, then updates without a conflict; after a later canvas edit, "Reload from canvas" merges and keeps the panel\'s edit', async () => {
    await createFromTemplate('saas-onboarding');
    const created = await canvasTexts();
    const footer = panel.locator('footer');
    const conflictChoices = footer.getByRole('group', { name: 'Conflict' });
    const cell = (name: string) => panel.getByRole('textbox', { name, exact: true });
    const edits = {
      canvas1: 'Starts a trial from an ad',
      panel1: 'Imports the CSV, fixes 12 dates (panel)',
      canvas2: 'Shares the invite link in team chat (canvas)',
      panel2: 'Plans the sprint on a shared screen (panel)',
    };

    // 1. Edit a text on the canvas, read the map back, edit a different cell in the panel: Update goes through.
    await editOnCanvas('[data-role="stage-name"][data-stage="sign-up"]', edits.canvas1);
    await panel.getByRole('button', { name: /Load selected map/ }).click();
    await waitForReplies('map');
    await panel.getByRole('tab', { name: /Stages/ }).click();
    await expect.poll(() => panel.getByLabel('Stage 1 name', { exact: true }).inputValue()).toBe(edits.canvas1);
    await panel.getByRole('tab', { name: /Cells/ }).click();
    await cell('Actions, Import tasks').fill(edits.panel1);
    await panel.getByRole('button', { name: 'Update selected map' }).click();
    await waitForReplies('updated');
    await redrawn();
    await expect.poll(() => footer.getByRole('status').innerText()).toMatch(/^Map updated: /);
    await expect(conflictChoices.count()).resolves.toBe(0);
    let texts = Object.values(await canvasTexts());
    expect(texts).toContain(edits.canvas1);
    expect(texts).toContain(edits.panel1);
    await checkDrawnGeometry(page);
    await page.screenshot({ path: `${SHOTS}/e2e-read-update.png` });

    // 2. Another canvas edit after that update, and another panel edit: Update is a conflict.
    await editOnCanvas('[data-role="cell-text"][data-lane="actions"][data-stage="invite-team"]', edits.canvas2);
    await cell('Actions, First sprint').fill(edits.panel2);
    const errorsBefore = await page.evaluate(
      () => (window as unknown as HarnessWindow).harness.bridge.toPanel.filter((m) => m.type === 'error').length,
    );
    await panel.getByRole('button', { name: 'Update selected map' }).click();
    await waitForReplies('error', errorsBefore + 1);
    await expect
      .poll(() => footer.getByRole('alert').innerText())
      .toMatch(/edited on the canvas since the panel last read or updated it/);
    await expect(conflictChoices.getByRole('button', { name: 'Reload from canvas' }).isVisible()).resolves.toBe(true);
    await expect(conflictChoices.getByRole('button', { name: 'Overwrite' }).isVisible()).resolves.toBe(true);
    // Nothing was written: the canvas keeps its edit, the panel's edit is not there yet.
    texts = Object.values(await canvasTexts());
    expect(texts).toContain(edits.canvas2);
    expect(texts).not.toContain(edits.panel2);
    await page.screenshot({ path: `${SHOTS}/e2e-conflict.png` });
    await panel.locator('footer').screenshot({ path: `${SHOTS}/e2e-conflict-footer.png` });

    // 3. Reload from canvas: the canvas edit comes in, the panel's edit is kept, and the status says so.
    await conflictChoices.getByRole('button', { name: 'Reload from canvas' }).click();
    await waitForReplies('map', 2);
    await expect
      .poll(() => footer.getByRole('status').innerText())
      .toBe(
        'Reloaded from the canvas and kept your 1 edit (Actions · First sprint). Press Update to put it on the canvas.',
      );
    await expect(conflictChoices.count()).resolves.toBe(0);
    await expect.poll(() => cell('Actions, Invite team').inputValue()).toBe(edits.canvas2);
    expect(await cell('Actions, First sprint').inputValue()).toBe(edits.panel2);
    expect(await cell('Actions, Import tasks').inputValue()).toBe(edits.panel1);
    await panel.getByRole('tab', { name: /Stages/ }).click();
    expect(await panel.getByLabel('Stage 1 name', { exact: true }).inputValue()).toBe(edits.canvas1);
    await page.screenshot({ path: `${SHOTS}/e2e-reload-merge.png` });
    await panel.locator('footer').screenshot({ path: `${SHOTS}/e2e-reload-merge-footer.png` });

    // 4. Update: no conflict, and the canvas has every edit, in the nodes it was created with.
    await panel.getByRole('button', { name: 'Update selected map' }).click();
    await waitForReplies('updated', 2);
    await redrawn();
    await expect.poll(() => footer.getByRole('status').innerText()).toMatch(/^Map updated: /);
    await expect(conflictChoices.count()).resolves.toBe(0);
    const after = await canvasTexts();
    expect(Object.keys(after).sort()).toEqual(Object.keys(created).sort());
    const changed = Object.keys(after).filter((id) => after[id] !== created[id]);
    expect(changed.map((id) => after[id]).sort()).toEqual(Object.values(edits).sort());
    await checkDrawnGeometry(page);
    await page.screenshot({ path: `${SHOTS}/e2e-reload-merge-updated.png` });
  });

  it('reads a dragged emotion marker back as a new score', async () => {
    await createFromTemplate('ecommerce');
    await panel.getByRole('tab', { name: /Stages/ }).click();
    // The panel's score for each stage, and each marker's stage name.
    const markers = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#canvas [data-role="emotion-marker"]')).map((m) => {
        const header = document.querySelector(`#canvas [data-role="stage-header"][data-stage="${m.dataset.stage}"]`);
        return { id: m.dataset.nodeId!, stage: header?.querySelector('[data-role="stage-name"]')?.textContent ?? '' };
      }),
    );
    const scoreOf = (stage: string) =>
      panel
        .getByRole('group', { name: new RegExp(`, ${stage}$`) })
        .first()
        .evaluate((g) => g.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? null);
    let target: { id: string; stage: string; score: number } | undefined;
    for (const m of markers) {
      const v = await scoreOf(m.stage);
      if (v !== null && Number(v) < 2) {
        target = { ...m, score: Number(v) };
        break;
      }
    }
    expect(target, 'a stage whose marker can move up one point').toBeDefined();
    const { id, stage, score } = target!;

    // Drag the marker up by one point of the scale, with the mouse, on the zoomed drawing.
    const { point, zoom } = await page.evaluate(() => ({
      point: (window as unknown as HarnessWindow).harness.markerPoint,
      zoom: Number(getComputedStyle(document.querySelector('#canvas .top')!).zoom),
    }));
    expect(point).toBeGreaterThan(5);
    const marker = page.locator(`#canvas [data-node-id="${id}"]`);
    const box = (await marker.boundingBox())!;
    const yBefore = await page.evaluate(
      (nid) =>
        ((window as unknown as HarnessWindow).harness.figma.getNodeByIdAsync(nid) as Promise<EllipseNode>).then(
          (n) => n.y,
        ),
      id,
    );
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - (point * zoom) / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - point * zoom, { steps: 4 });
    await page.mouse.up();
    const yAfter = await page.evaluate(
      (nid) =>
        ((window as unknown as HarnessWindow).harness.figma.getNodeByIdAsync(nid) as Promise<EllipseNode>).then(
          (n) => n.y,
        ),
      id,
    );
    expect(Math.abs(yBefore - point - yAfter)).toBeLessThanOrEqual(1);

    await panel.getByRole('button', { name: /Load selected map/ }).click();
    await waitForReplies('map');
    await expect.poll(() => scoreOf(stage)).toBe(String(score + 1));
    await page.screenshot({ path: `${SHOTS}/e2e-marker-drag.png` });
  });

  it('reads a dragged marker of the second curve on a shared chart back as that curve’s score only', async () => {
    await createFromTemplate('redesign-as-is-to-be');
    const lanesOf = (msg: {
      type: string;
      map?: { lanes: Array<{ id: string; cells: Record<string, { score: number }> }> };
    }) => Object.fromEntries((msg.map?.lanes ?? []).map((l) => [l.id, l.cells]));
    const created = await page.evaluate(() =>
      (window as unknown as HarnessWindow).harness.bridge.toPanel.filter((m) => m.type === 'created').at(-1),
    );
    const before = lanesOf(created as never);
    // The to-be curve's marker at "Review cover" (3.75 on 1–5): one point up is 4.75.
    const marker = page.locator('#canvas [data-role="emotion-marker"][data-lane="to-be"][data-stage="review"]');
    expect(await marker.count()).toBe(1);
    const { point, zoom } = await page.evaluate(() => ({
      point: (window as unknown as HarnessWindow).harness.markerPoint,
      zoom: Number(getComputedStyle(document.querySelector('#canvas .top')!).zoom),
    }));
    const box = (await marker.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - (point * zoom) / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - point * zoom, { steps: 4 });
    await page.mouse.up();
    await redrawn();
    await panel.getByRole('button', { name: /Load selected map/ }).click();
    await waitForReplies('map');
    const read = await page.evaluate(() =>
      (window as unknown as HarnessWindow).harness.bridge.toPanel.filter((m) => m.type === 'map').at(-1),
    );
    const after = lanesOf(read as never);
    expect(after['to-be'].review.score).toBe(before['to-be'].review.score + 1);
    // Nothing else moved: the other stages of that curve, and the whole of the other curve.
    expect({ ...after['to-be'], review: null }).toEqual({ ...before['to-be'], review: null });
    expect(after.today).toEqual(before.today);
    await page.screenshot({ path: `${SHOTS}/e2e-second-curve-drag.png` });
  });

  it('imports a spreadsheet paste and a Mermaid diagram and creates a map from each', async () => {
    const cases = [
      [
        'table',
        'Trip\tPlan\tTravel\tArrive\nActions\tBooks a train\tReads\tWalks to hotel\nEmotions\t4 keen\t2 bored\t5 relieved',
        'Books a train',
      ],
      [
        'mermaid',
        'journey\n  title Commute\n  section Morning\n    Wake up: 2: Me\n    Train: 4: Me, Commuters',
        'Commute',
      ],
    ] as const;
    for (const [k, [name, text, expectText]] of cases.entries()) {
      await panel.getByRole('tab', { name: /^Data/ }).click();
      await panel.getByLabel(/Paste a map/).fill(text);
      const said = panel.getByRole('region', { name: 'Import' }).getByRole('status');
      const previous = k === 0 ? '' : await said.innerText();
      await panel.getByRole('button', { name: 'Import pasted text' }).click();
      await expect.poll(() => said.innerText()).not.toBe(previous);
      expect(await said.innerText()).toMatch(/^Imported /);
      await panel.getByRole('button', { name: 'Create map' }).click();
      await waitForReplies('created', k + 1);
      await redrawn();
      expect(Object.values(await canvasTexts())).toContain(expectText); // a whole text node, not part of a title
      await checkDrawnGeometry(page);
      await page.screenshot({ path: `${SHOTS}/e2e-import-${name}.png` });
    }
    expect(await mapCount()).toBe(2);
  });

  it('shows a progress bar that moves while a 40×30 map is drawn, then the result', async () => {
    await panel.getByRole('tab', { name: /^Data/ }).click();
    await panel.getByLabel(/Paste a map/).fill(JSON.stringify(syntheticMap(40, 30)));
    await panel.getByRole('button', { name: 'Import pasted text' }).click();
    await expect
      .poll(() => panel.getByRole('region', { name: 'Import' }).getByRole('status').innerText())
      .toMatch(/^Imported /);
    // Record every value the bar shows, from inside the panel, as the sandbox reports progress.
    const panelFrame = () => page.frames().find((f) => f !== page.mainFrame())!;
    await panelFrame().evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { barValues: number[] }).barValues = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('progress.status-progress');
        if (bar && seen[seen.length - 1] !== bar.value) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // In Figma every layer created crosses from the sandbox into the editor and costs;
    // the in-memory Figma costs microseconds, so on a fast machine a whole 40×30 map is
    // drawn inside one progress budget and the bar shows a single value (CI, stop 20).
    // Give each created layer a fixed cost, well under Figma's, so the draw spans
    // several budgets on any machine.
    const slowed = await page.evaluate(() => {
      const api = (window as unknown as HarnessWindow).harness.figma as unknown as Record<string, unknown>;
      const names: string[] = [];
      for (const name of Object.keys(api).concat(Object.getOwnPropertyNames(Object.getPrototypeOf(api)))) {
        const original = api[name];
        if (!name.startsWith('create') || typeof original !== 'function') continue;
        names.push(name);
        api[name] = function (this: unknown, ...args: unknown[]) {
          const until = performance.now() + 0.4;
          while (performance.now() < until) {
            /* the editor's cost of one layer */
          }
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        };
      }
      return names;
    });
    expect(slowed).toEqual(expect.arrayContaining(['createFrame', 'createText']));
    await panel.getByRole('button', { name: 'Create map' }).click();
    // The harness redraws the whole canvas in HTML whenever the sandbox yields: slower than Figma.
    await page.waitForFunction(
      () => (window as unknown as HarnessWindow).harness.bridge.toPanel.some((m) => m.type === 'created'),
      undefined,
      { timeout: 120_000 },
    );
    const values = await panelFrame().evaluate(() => (window as unknown as { barValues: number[] }).barValues);
    expect(values.length, `bar values seen: ${values.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await expect.poll(() => panel.locator('progress.status-progress').count()).toBe(0);
    await expect.poll(() => panel.getByText('Map created on the canvas.').count()).toBe(1);
  }, 180_000);

  it('refuses broken JSON with a clear message and leaves the canvas untouched', async () => {
    await createFromTemplate('call-centre');
    const before = await canvasTexts();
    const sentBefore = await page.evaluate(() => (window as unknown as HarnessWindow).harness.bridge.fromPanel.length);
    await panel.getByRole('tab', { name: /^Data/ }).click();
    await panel.getByLabel(/Paste a map/).fill('{"title": "Broken", "stages": [ {"name": } ]');
    await panel.getByRole('button', { name: 'Import pasted text' }).click();
    await expect.poll(() => panel.getByRole('alert').first().innerText()).toMatch(/not valid JSON/i);
    expect(await canvasTexts()).toEqual(before);
    expect(await mapCount()).toBe(1);
    // Nothing went to the sandbox: an import is the panel's business until "Create map".
    expect(await page.evaluate(() => (window as unknown as HarnessWindow).harness.bridge.fromPanel.length)).toBe(
      sentBefore,
    );
    await page.screenshot({ path: `${SHOTS}/e2e-broken-json.png` });
  });

  it("switches the panel between Figma's light and dark themes, and the panel has Figma's null origin", async () => {
    const html = panel.locator('html');
    const bg = () =>
      html.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--figma-color-bg').trim());
    await expect(html.getAttribute('class')).resolves.toBe('figma-light');
    await expect(bg()).resolves.toBe(FIGMA_THEMES.light['--figma-color-bg']);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => html.getAttribute('class')).toBe('figma-dark');
    await expect(bg()).resolves.toBe(FIGMA_THEMES.dark['--figma-color-bg']);
    // The panel paints with the variables, so its body turns dark too.
    const bodyBg = await panel.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    const [r, g, b] = bodyBg.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    expect(await html.evaluate(() => window.origin)).toBe('null');
    await createFromTemplate('ecommerce');
    await page.screenshot({ path: `${SHOTS}/e2e-dark.png` });
  });
});

/** dev/geometry.ts, run in the page on every drawn map; fails with the exact numbers. */
async function checkDrawnGeometry(page: Page) {
  const report = await page.evaluate(() => (window as unknown as HarnessWindow).harness.checkLayout());
  expect(report.counts.maps).toBeGreaterThan(0);
  expect(report.problems).toEqual([]);
  return report.counts;
}
