/**
 * The panel in real Chromium with a 40-stage × 30-lane map (1200 cells): the
 * main-thread cost of one keystroke in the Cells grid and of opening the Cells
 * tab. Drives the BUILT dist/ui.html (run `npm run build` first) hosted the way
 * the e2e tests host it (tests/support/panel-page.ts), so nothing from ui/ is
 * imported here and it runs under tsconfig.node.json:
 *
 *   npx tsx --tsconfig tsconfig.node.json bench/panel.bench.ts
 *   PANEL_TRACE=/tmp/panel-trace.json …   also keeps the trace (of the last window size), for DevTools
 *   PANEL_BENCH_MAP=12x8 …                 another map size (stages x lanes)
 *
 * Main-thread time is read from a Chromium trace (devtools.timeline, as the
 * DevTools Performance panel records it): the thread CPU time of every task
 * the renderer's main thread ran between two `performance.mark`s, split into
 * phases by bench/panel-trace.ts. A keystroke's window is the key press, the
 * two animation frames after it and the rest of 100 ms (the browser's own
 * follow-up work, e.g. autofill's, lands there); opening the tab, the click,
 * two frames and 300 ms. CPU time rather than wall time, so other processes
 * on a busy machine inflate it less.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openPanel } from '../tests/support/panel-page';
import { medianTimes, windowsFromTrace, type PhaseTimes } from './panel-trace';
import { syntheticMap } from './synthetic';

/** The map: 40 × 30, or PANEL_BENCH_MAP=<stages>x<lanes> to compare sizes. */
const [STAGES, LANES] = (/^(\d+)x(\d+)$/.exec(process.env.PANEL_BENCH_MAP ?? '') ?? [0, 40, 30]).slice(1).map(Number);
/** Figma opens the panel at 440 × 680 (src/main.ts); 900 × 800 shows more than twice the cells. */
export const VIEWPORTS = [
  { width: 440, height: 680 },
  { width: 900, height: 800 },
];
const KEYSTROKES = 20;
const TAB_OPENS = 5;
/** The cell typed into: a text lane (every third lane is one) past the middle, mid-row, so it must be scrolled to. */
const CELL = { row: Math.floor(LANES / 6) * 3, col: Math.floor(STAGES / 2) };
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());

/** Resolves when the frame after the current one has started: the current one has been painted. */
const twoFrames = (f: Frame) =>
  f.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

const mark = (f: Frame, name: string) =>
  f.evaluate((n) => {
    performance.mark(n);
  }, name);

/** One measured window: `action`, two frames, and the rest of `settleMs`, between two marks. */
async function timed(f: Frame, page: Page, name: string, settleMs: number, action: () => Promise<unknown>) {
  await mark(f, `${name}:start`);
  const t0 = Date.now();
  await action();
  await twoFrames(f);
  await page.waitForTimeout(Math.max(0, settleMs - (Date.now() - t0)));
  await mark(f, `${name}:end`);
}

const countEditors = (f: Frame) =>
  f.evaluate(() => document.querySelectorAll('.grid textarea, .grid fieldset.emotion').length);

/** Scroll the grid towards the benchmarked cell until it is rendered, then focus its textarea. */
async function focusCell(f: Frame, page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const found = await f.evaluate(({ row, col }) => {
      const el = document.querySelector<HTMLTextAreaElement>(`#cell-${row}-${col} textarea`);
      if (el) {
        el.scrollIntoView({ block: 'center', inline: 'center' });
        el.focus();
        el.setSelectionRange(el.value.length, el.value.length);
        return document.activeElement === el;
      }
      // Step from the cell in the middle of the scroll box towards the wanted one.
      const box = document.querySelector<HTMLElement>('.grid-scroll')!;
      const r = box.getBoundingClientRect();
      const mid = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const td = mid?.closest<HTMLElement>('td[data-row]');
      const dRow = td ? Math.sign(row - Number(td.dataset.row)) : 1;
      const dCol = td ? Math.sign(col - Number(td.dataset.col)) : 1;
      box.scrollBy(dCol * 150, dRow * 60);
      return false;
    }, CELL);
    if (found) return;
    await page.waitForTimeout(16);
  }
  throw new Error(`panel bench: cell ${CELL.row}-${CELL.col} never appeared`);
}

export interface PanelBenchResult {
  viewport: { width: number; height: number };
  keystroke: PhaseTimes;
  openTab: PhaseTimes;
  /** Wall clock from the click on the tab to the end of the second frame after it, in the page. */
  openWall: number;
  idle: PhaseTimes;
  editorsInDom: number;
  mutationsPerKeystroke: number;
}

export async function measurePanel(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<PanelBenchResult> {
  const p = await openPanel(browser, viewport);
  const { page, frame: f } = p;
  try {
    await p.setTheme('light');
    // As if the map had been read back from the canvas ("Load selected map").
    await p.post({ type: 'map', nodeId: '1:2', revision: 1, canvas: 'bench', map: syntheticMap(STAGES, LANES) });
    await f.waitForFunction((n) => document.querySelector('#tab-stages .count')?.textContent === String(n), STAGES);
    // Warm-up: the first opening also compiles the grid's code.
    await f.click('#tab-cells');
    await twoFrames(f);
    await f.click('#tab-persona');
    await twoFrames(f);

    await browser.startTracing(page, { categories: CATEGORIES });
    // The floor: a window with nothing to do.
    for (let i = 0; i < 5; i++) await timed(f, page, `idle:${i}`, 100, async () => {});

    // Opening the Cells tab from the Persona tab.
    const walls: number[] = [];
    for (let i = 0; i < TAB_OPENS; i++) {
      await f.evaluate(() => {
        const w = globalThis as unknown as { __t0: number };
        const tab = document.getElementById('tab-cells')!;
        tab.addEventListener('click', () => (w.__t0 = performance.now()), { capture: true, once: true });
      });
      // A real click at the tab's place, without Playwright's checks before it (they would be measured too).
      const box = (await f.locator('#tab-cells').boundingBox())!;
      await timed(f, page, `open:${i}`, 300, async () => {
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await twoFrames(f);
        walls.push(await f.evaluate(() => performance.now() - (globalThis as unknown as { __t0: number }).__t0));
      });
      if (i < TAB_OPENS - 1) {
        await f.click('#tab-persona');
        await twoFrames(f);
      }
    }
    const editorsInDom = await countEditors(f);

    // Typing into one cell, one key at a time, 100 ms apart.
    await focusCell(f, page);
    // Let the scroll to the cell settle (and the grid render the cells it brought into view) first.
    await page.waitForTimeout(200);
    await twoFrames(f);
    await f.evaluate(() => {
      const w = globalThis as unknown as { __mutations: number };
      w.__mutations = 0;
      new MutationObserver((rs) => (w.__mutations += rs.length)).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    for (let i = 0; i < KEYSTROKES; i++)
      await timed(f, page, `key:${i}`, 100, () => page.keyboard.press(i % 5 === 4 ? 'Space' : 'x'));
    const mutations = await f.evaluate(() => (globalThis as unknown as { __mutations: number }).__mutations);
    const trace = (await browser.stopTracing()).toString('utf8');
    if (process.env.PANEL_TRACE) writeFileSync(process.env.PANEL_TRACE, trace);

    const typed = await f.evaluate(
      (sel) => document.querySelector<HTMLTextAreaElement>(sel)?.value ?? '',
      `#cell-${CELL.row}-${CELL.col} textarea`,
    );
    if (!/x{4} x{4} /.test(typed)) throw new Error(`panel bench: typing did not reach the cell (${typed})`);

    return {
      viewport,
      keystroke: medianTimes(windowsFromTrace(trace, 'key')),
      openTab: medianTimes(windowsFromTrace(trace, 'open')),
      openWall: median(walls),
      idle: medianTimes(windowsFromTrace(trace, 'idle')),
      editorsInDom,
      mutationsPerKeystroke: mutations / KEYSTROKES,
    };
  } finally {
    await page.close();
  }
}

/** `## Panel (Chromium, 40×30 map)`: a markdown section for `npm run bench`. */
export async function panelSection(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results: PanelBenchResult[] = [];
  try {
    for (const v of VIEWPORTS) results.push(await measurePanel(browser, v));
  } finally {
    await browser.close();
  }
  const size = (r: PanelBenchResult) => `${r.viewport.width}×${r.viewport.height}`;
  const row = (label: string, m: PhaseTimes) =>
    `| ${label} | **${fmt(m.total)}** | ${[m.script, m.input, m.style, m.layout, m.paint, m.layerize, m.other].map(fmt).join(' | ')} |`;
  return [
    `## Panel (Chromium, ${STAGES}×${LANES} map)`,
    '',
    'Built dist/ui.html in headless Chromium. Main-thread CPU ms from a Chromium trace (devtools.timeline;',
    `bench/panel-trace.ts splits it into phases): medians of ${KEYSTROKES} keystrokes in one text cell (lane ${CELL.row + 1},`,
    `stage ${CELL.col + 1}; each window: the key, two frames, the rest of 100 ms) and of ${TAB_OPENS} openings of the Cells`,
    'tab from the Persona tab (the click, two frames, the rest of 300 ms), in two window sizes. Each column is',
    'its own median. Goals: ≤ 16 ms a keystroke, ≤ 100 ms to open the tab.',
    '',
    '| main thread, CPU ms | total | script | input, editing | style | layout | paint | layerize, commit | other |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => row(`one keystroke in a Cells cell, ${size(r)}`, r.keystroke)),
    ...results.map((r) => row(`opening the Cells tab, ${size(r)}`, r.openTab)),
    row('nothing, a 100 ms window (the floor: the bench’s own marks and frames)', results[0].idle),
    '',
    `| also | ${results.map(size).join(' | ')} |`,
    `| --- | ${results.map(() => '---:').join(' | ')} |`,
    `| opening the Cells tab, wall clock from the click to the end of the second frame (ms) | ${results.map((r) => fmt(r.openWall)).join(' | ')} |`,
    `| cell editors in the DOM on the Cells tab (of ${STAGES * LANES}) | ${results.map((r) => r.editorsInDom).join(' | ')} |`,
    `| DOM mutation records per keystroke | ${results.map((r) => fmt(r.mutationsPerKeystroke)).join(' | ')} |`,
  ].join('\n');
}

const isMain = process.argv[1] && /panel\.bench\.ts$/.test(process.argv[1]);
if (isMain) console.log(await panelSection());
