// What the built plugin draws in FigJam (issue #16), measured in Chromium: the bundle creates
// every example as a workshop board in the fake's FigJam mode, the board is rendered to HTML
// (stickies and shapes with text as tests/support/render-html.ts draws them), and its
// browser-computed geometry is checked the way a facilitator would look at it: every sticky in
// its own cell and clear of the others, the dots on their stage's column inside the chart, cells
// under their stage headers, and no text running out of its box.
import { describe, expect, it } from 'vitest';
import { renderNodeToHtml } from '../support/render-html';
import {
  measureHtml,
  requireBrowserOrSkip,
  launchBrowser,
  EPS,
  boxInside,
  boxesOverlap,
  centreX,
} from '../support/browser';
import { createWithSandbox, loadBundle } from '../../scripts/preview';
import { loadExamples } from '../support/maps';

const inside = boxInside;
const overlaps = boxesOverlap;

const browser = requireBrowserOrSkip();

describe.skipIf(!browser.available)('FigJam boards drawn in Chromium', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 17}`).join(' ');
  const LONG = {
    title: 'Long texts',
    personas: [
      { name: 'Pat', role: words(8), quote: words(60), goals: [words(30), words(38)], frustrations: [words(38)] },
    ],
    stages: [
      { id: 'a', name: 'A', description: words(120), moment: true, momentNote: words(30) },
      { id: 'b', name: 'B' },
    ],
    lanes: [
      {
        id: 't',
        title: 'Doing',
        kind: 'text',
        cells: { a: words(280), b: `${words(20)}\n${words(20)}\n\n${words(5)}` },
      },
      { id: 'c', title: 'Cards', kind: 'cards', cells: { a: [words(40)] } },
    ],
  };
  it.each([...loadExamples().map((e) => [e.file, e.input] as const), ['long texts', LONG] as const])(
    '%s',
    async (file, input) => {
      const section = await createWithSandbox(loadBundle(), input, file, undefined, 'figjam');
      const chromium = (await launchBrowser())!;
      try {
        const html = renderNodeToHtml(section, { padding: 24 });
        const boxes = await measureHtml(html, { browser: chromium });
        expect(boxes[0].type).toBe('SECTION');
        const headers = new Map(boxes.filter((b) => b.role === 'stage-name').map((b) => [b.stage!, b]));
        const cells = boxes.filter((b) => b.role === 'cell' || b.role === 'cell-text');
        for (const cell of cells)
          expect(Math.abs(centreX(cell) - centreX(headers.get(cell.stage!)!))).toBeLessThan(EPS);

        const personas = boxes.filter((b) => b.role === 'persona');
        for (const t of boxes.filter((b) => b.role === 'persona-description' || b.role === 'persona-name'))
          expect(
            personas.some((p) => inside(t, p)),
            `${t.text?.slice(0, 30)} inside its persona card`,
          ).toBe(true);
        const firstRow = Math.min(...cells.map((c) => c.y));
        for (const d of boxes.filter((b) => b.role === 'stage-description'))
          expect(d.y + d.height, `${d.text?.slice(0, 30)} above the first row`).toBeLessThanOrEqual(firstRow + EPS);

        const stickies = boxes.filter((b) => b.type === 'STICKY');
        for (const s of stickies) {
          const cell = cells.find((c) => c.role === 'cell' && c.lane === s.lane && c.stage === s.stage);
          expect(cell, `${s.name}: its cell`).toBeDefined();
          expect(inside(s, cell!), `${s.name} inside its cell`).toBe(true);
        }
        for (let i = 0; i < stickies.length; i++)
          for (let j = i + 1; j < stickies.length; j++)
            expect(overlaps(stickies[i], stickies[j]), `${stickies[i].name} / ${stickies[j].name}`).toBe(false);

        const charts = boxes.filter((b) => b.role === 'emotion-area');
        for (const m of boxes.filter((b) => b.role === 'emotion-marker')) {
          expect(Math.abs(centreX(m) - centreX(headers.get(m.stage!)!))).toBeLessThan(EPS);
          expect(charts.some((c) => inside(m, c))).toBe(true);
        }
        // Texts stay on the board, and no shape's or sticky's text runs out of it (it would be cut off).
        for (const t of boxes.filter((b) => b.type === 'TEXT'))
          expect(inside(t, boxes[0]), `${t.text?.slice(0, 30)} inside the board`).toBe(true);
        const page = await chromium.newPage();
        await page.setContent(html);
        const overflowing = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('[data-type="SHAPE_WITH_TEXT"], [data-type="STICKY"]'))
            .filter((el) => {
              const text = el.firstElementChild as HTMLElement | null;
              return !!text && text.getBoundingClientRect().bottom > el.getBoundingClientRect().bottom + 1;
            })
            .map((el) => `${el.dataset.role}: ${(el.textContent ?? '').slice(0, 40)}`),
        );
        await page.close();
        expect(overflowing).toEqual([]);
      } finally {
        await chromium.close();
      }
    },
  );
});
