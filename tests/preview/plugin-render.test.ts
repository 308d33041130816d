// What the real built plugin draws, measured in Chromium: the bundle (dist/code.js,
// built by `npm test` before vitest runs) creates a map in the Figma fake, the
// created frame is rendered to HTML, and its browser-computed geometry is checked.
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNodeToHtml } from '../support/render-html';
import {
  measureHtml,
  requireBrowserOrSkip,
  screenshotHtml,
  type MeasuredBox,
  EPS,
  boxInside,
  boxesOverlap,
  centreX,
} from '../support/browser';
import { createWithSandbox, loadBundle } from '../../scripts/preview';

const MAP = {
  title: 'Checkout <journey> & "returns"',
  persona: { name: 'Ada Lovelace', role: 'Frequent buyer', goals: ['Pay fast'], frustrations: ['Hidden fees'] },
  stages: [
    { id: 'browse', name: 'Browse', phase: 'Before' },
    { id: 'cart', name: 'Cart', phase: 'Before', description: 'Reviews the items in the cart before paying for them' },
    { id: 'pay', name: 'Pay', phase: 'During' },
    { id: 'wait', name: 'Wait for delivery' },
  ],
  lanes: [
    {
      id: 'doing',
      title: 'Doing',
      kind: 'text',
      cells: {
        browse: 'Scrolls through the catalogue, compares three products side by side',
        pay: 'Types card details',
      },
    },
    {
      id: 'pains',
      title: 'Pain points',
      kind: 'cards',
      tone: 'negative',
      cells: {
        cart: ['Shipping cost appears late', 'Coupon field rejects a valid code', 'Slow'],
        pay: ['3-D Secure popup'],
      },
    },
    {
      id: 'feel',
      title: 'Feeling',
      kind: 'emotion',
      cells: {
        browse: { score: 1, note: 'Curious' },
        cart: { score: -1 },
        pay: { score: -2, note: 'Anxious about the payment' },
        wait: { score: 2 },
      },
    },
  ],
};

const inside = boxInside;
const overlaps = boxesOverlap;

const browser = requireBrowserOrSkip();

describe.skipIf(!browser.available)('the built plugin, drawn in Chromium', () => {
  it('creates a map whose columns line up, whose cards stay in their cells, texts never overlap and markers sit on their columns', async () => {
    const frame = await createWithSandbox(loadBundle(), MAP, 'test map');
    const html = renderNodeToHtml(frame, { padding: 24 });
    // Kept for a human to look at when this fails.
    await screenshotHtml(html, join(tmpdir(), 'journey-preview-test.png'));
    const boxes = (await measureHtml(html)).filter((b) => b.width > 0 || b.height > 0);

    expect(boxes[0].role).toBe('map');
    const headers = new Map(boxes.filter((b) => b.role === 'stage-header').map((b) => [b.stage!, b]));
    expect([...headers.keys()]).toEqual(['browse', 'cart', 'pay', 'wait']);

    // Every cell is exactly under its stage's header.
    const cells = boxes.filter((b) => b.role === 'cell');
    expect(cells.length).toBeGreaterThanOrEqual(8);
    for (const c of cells) {
      const h = headers.get(c.stage!)!;
      expect(Math.abs(c.x - h.x), `cell ${c.lane}/${c.stage} x`).toBeLessThanOrEqual(EPS);
      expect(Math.abs(c.width - h.width), `cell ${c.lane}/${c.stage} width`).toBeLessThanOrEqual(EPS);
    }

    // Cards and cell texts stay inside their cell.
    const cellOf = (b: MeasuredBox) => cells.find((c) => c.stage === b.stage && c.lane === b.lane);
    const contents = boxes.filter((b) => b.role === 'card' || b.role === 'cell-text');
    expect(contents.filter((b) => b.role === 'card')).toHaveLength(4);
    for (const b of contents) expect(inside(b, cellOf(b)!), `${b.role} ${b.text ?? b.name} inside its cell`).toBe(true);

    // No two texts overlap anywhere on the map.
    const texts = boxes.filter((b) => b.type === 'TEXT' && b.width > 0 && b.height > 0);
    expect(texts.length).toBeGreaterThan(15);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        expect(overlaps(texts[i], texts[j]), `"${texts[i].text}" overlaps "${texts[j].text}"`).toBe(false);

    // One marker per scored stage, centred on its column.
    const markers = boxes.filter((b) => b.role === 'emotion-marker');
    expect(markers.map((m) => m.stage).sort()).toEqual(['browse', 'cart', 'pay', 'wait']);
    for (const m of markers)
      expect(Math.abs(centreX(m) - centreX(headers.get(m.stage!)!)), `marker ${m.stage}`).toBeLessThanOrEqual(EPS);
    // Higher scores are drawn higher: browse (1) above cart (-1) above pay (-2); wait (2) highest.
    const y = (s: string) => markers.find((m) => m.stage === s)!.y;
    expect(y('wait')).toBeLessThan(y('browse'));
    expect(y('browse')).toBeLessThan(y('cart'));
    expect(y('cart')).toBeLessThan(y('pay'));
  });
});
