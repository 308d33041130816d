/**
 * Research as teams keep it, end to end: the dev harness (dev/server.mjs) runs the built sandbox
 * against the in-memory Figma and the built panel in an iframe, as tests/e2e/plugin.e2e.test.ts
 * does. A titled CSV, a one-stage-per-row TSV and an Excel CSV file (byte-order mark, CRLF, ";")
 * go in through the Import tab; "Create map" must then draw the maps they describe: the title,
 * stage names, phases, lane titles and cards on the canvas, and the scores sent to the sandbox.
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

/** What the last map on the canvas shows, by the role the plugin tagged each text with. */
type Drawn = Record<string, string[]>;

describe.skipIf(!browserCheck.available)('importing research tables in the dev harness', () => {
  let page: Page;
  let panel: FrameLocator;
  useDevHarness((p, f) => {
    page = p;
    panel = f;
  });

  /** Texts of the newest map on the canvas, grouped by their tag's role, in drawing order. */
  const drawn = () =>
    page.evaluate(() => {
      const h = (window as unknown as HarnessWindow).harness;
      const maps = h.figma.currentPage.children.filter(
        (n) => n.getSharedPluginData('journeymap', 't').split('\u001f')[0] === 'map',
      );
      const out: Record<string, string[]> = {};
      const walk = (n: SceneNode) => {
        if (n.type === 'TEXT') {
          const role = n.getSharedPluginData('journeymap', 't').split('\u001f')[0];
          (out[role] ??= []).push(n.characters);
        }
        if ('children' in n) n.children.forEach(walk);
      };
      walk(maps[maps.length - 1]);
      return out;
    }) as Promise<Drawn>;
  /** The map of the panel's last create message. */
  const created = () =>
    page.evaluate(() => {
      const sent = (window as unknown as HarnessWindow).harness.bridge.fromPanel.filter((m) => m.type === 'create');
      return sent[sent.length - 1].map;
    }) as Promise<{
      title: string;
      stages: Array<{ name: string; phase?: string }>;
      lanes: Array<{ title: string; kind: string; cells: Record<string, unknown> }>;
    }>;
  const waitForReplies = (type: string, count = 1) => waitForRepliesOn(page, type, count);
  const importRegion = () => panel.getByRole('region', { name: 'Import' });

  /** Import `text` (pasted, or as a file), check the import message, create, and wait for the drawing. */
  async function importAndCreate(text: string, n: number, file?: { name: string; buffer: Buffer }) {
    await panel.getByRole('tab', { name: /^Data/ }).click();
    if (file) {
      await panel.getByLabel('Open a file…').setInputFiles({ ...file, mimeType: 'text/csv' });
    } else {
      await panel.getByLabel(/Paste a map/).fill(text);
      await panel.getByRole('button', { name: 'Import pasted text' }).click();
    }
    const said = importRegion().getByRole('status');
    await expect.poll(() => said.innerText()).toMatch(/^Imported table/);
    const message = await said.innerText();
    await panel.getByRole('button', { name: 'Create map' }).click();
    await waitForReplies('created', n);
    await page.evaluate(() => (window as unknown as HarnessWindow).harness.redraw());
    const report = await page.evaluate(() => (window as unknown as HarnessWindow).harness.checkLayout());
    expect(report.problems).toEqual([]);
    return message;
  }

  it('a CSV with a title row, a blank row, merged phase cells and quoted cells becomes the map it describes', async () => {
    const csv = [
      'Buying running shoes online,,,',
      ',,,',
      'Stage,Discover,Compare,Buy',
      'Phase,Before purchase,,Purchase',
      'Doing,"Searches ""trail shoes""',
      'Reads two blogs",Compares three shops,Pays by card',
      'Touchpoints,"Instagram, word of mouth",App; email reminders,Shop site',
      'Emotion (1 = very unhappy 5 = delighted),2 unsure,1,4 relieved',
    ].join('\n');
    const message = await importAndCreate(csv, 1);
    expect(message).toContain('Read stages as columns: stage names in row 3, one lane per row.');
    expect(message).toContain('“Emotion (1 = very unhappy 5 = delighted)”: scale 1 to 5, from its title.');

    const texts = await drawn();
    expect(texts.title).toEqual(['Buying running shoes online']);
    expect(texts['stage-name']).toEqual(['Discover', 'Compare', 'Buy']);
    expect(texts['phase-label']).toEqual(['Before purchase', 'Purchase']);
    expect(texts['lane-title']).toEqual(['Doing', 'Touchpoints', 'Emotion']);
    expect(texts['cell-text']).toContain('Searches "trail shoes"\nReads two blogs');
    // Cards split at ";", never at the comma.
    expect(texts['card-text']).toEqual(['Instagram, word of mouth', 'App', 'email reminders', 'Shop site']);
    // The sheet's scale and its words go with the lane; the scores stay as written.
    const map = await created();
    expect(map.lanes[2]).toMatchObject({
      scale: { min: 1, max: 5, low: 'very unhappy', high: 'delighted' },
      cells: { discover: { score: 2, note: 'unsure' }, compare: { score: 1 }, buy: { score: 4, note: 'relieved' } },
    });
    await page.screenshot({ path: `${SHOTS}/e2e-import-titled-csv.png` });
  });

  it('a TSV with one stage per row (stage names down column A, lane titles across) is read that way', async () => {
    const tsv = [
      'Clinic visit\t\t\t',
      'Stage\tPhase\tDoing\tPain points\tFeeling',
      'Book\tBefore\tCalls the clinic\tOn hold\t-1 on hold',
      'Travel\t\tDrives\t"No parking\nLate"\t-2',
      'Consult\tVisit\tTalks to the doctor\t\t+1',
      'Leave\tAfter\tGoes home\t\t+2 relieved',
    ].join('\n');
    const message = await importAndCreate(tsv, 1);
    expect(message).toContain('Read one stage per row: stage names in column A, one lane per column.');

    const texts = await drawn();
    expect(texts.title).toEqual(['Clinic visit']);
    expect(texts['stage-name']).toEqual(['Book', 'Travel', 'Consult', 'Leave']);
    expect(texts['phase-label']).toEqual(['Before', 'Visit', 'After']);
    expect(texts['lane-title']).toEqual(['Doing', 'Pain points', 'Feeling']);
    expect(texts['card-text']).toEqual(['On hold', 'No parking', 'Late']);
    const map = await created();
    expect(Object.values(map.lanes[2].cells)).toEqual([
      { score: -1, note: 'on hold' },
      { score: -2 },
      { score: 1 },
      { score: 2, note: 'relieved' },
    ]);
    await page.screenshot({ path: `${SHOTS}/e2e-import-stage-rows-tsv.png` });
  });

  it('an Excel CSV file (byte-order mark, CRLF, ";") opened from disk, then a broken paste changes nothing', async () => {
    const csv = '\uFEFFReise;;\r\nStage;Suchen;Kaufen\r\nActions;"Sucht; fragt";Bezahlt\r\nMood (1-10);8;3\r\n';
    await importAndCreate('', 1, { name: 'reise.csv', buffer: Buffer.from(csv, 'utf8') });
    const texts = await drawn();
    expect(texts.title).toEqual(['Reise']);
    expect(texts['stage-name']).toEqual(['Suchen', 'Kaufen']);
    expect(texts['cell-text']).toEqual(['Sucht; fragt', 'Bezahlt']);
    expect((await created()).lanes[1]).toMatchObject({
      title: 'Mood',
      scale: { min: 1, max: 10 },
      cells: { suchen: { score: 8 }, kaufen: { score: 3 } },
    });

    // A table with a bad score: located message, no "Map created" left beside it, nothing sent.
    const sentBefore = await page.evaluate(() => (window as unknown as HarnessWindow).harness.bridge.fromPanel.length);
    await panel.getByLabel(/Paste a map/).fill('Stage\tDoing\tMood (1-5)\nA\tx\t2\nB\ty\t7');
    await panel.getByRole('button', { name: 'Import pasted text' }).click();
    await expect
      .poll(() => importRegion().getByRole('alert').innerText())
      .toMatch(/could not be imported \(your map is unchanged\):\s*row 3, column C: score must be between 1 and 5/);
    expect(await panel.locator('.footer .status').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as HarnessWindow).harness.bridge.fromPanel.length)).toBe(
      sentBefore,
    );
    await page.screenshot({ path: `${SHOTS}/e2e-import-refused.png` });
  });
});
