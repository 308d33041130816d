/**
 * The fake lays out like Figma (tests/support/figma-fake/layout.ts cites each
 * rule): HUG, FILL and FIXED sizes, padding, itemSpacing, alignment, ABSOLUTE
 * and hidden children, frames without auto-layout, texts measured with the
 * fake's metric (CHAR_ADVANCE × fontSize a character). Every expected number
 * here is computed by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { AUTO_LINE_HEIGHT, CHAR_ADVANCE } from '../support/figma-fake/layout';
import { INTER, useFake } from './use-fake';

const ctx = useFake();

function frame(mode: 'HORIZONTAL' | 'VERTICAL' | 'NONE', w = 100, h = 100): FrameNode {
  const f = ctx.figma.createFrame();
  f.resize(w, h);
  f.layoutMode = mode;
  return f;
}

function rect(parent: FrameNode | GroupNode, w: number, h: number): RectangleNode {
  const r = ctx.figma.createRectangle();
  r.resize(w, h);
  parent.appendChild(r);
  return r;
}

async function text(parent: FrameNode | undefined, chars: string, size = 10, line?: number): Promise<TextNode> {
  await ctx.figma.loadFontAsync(INTER);
  const t = ctx.figma.createText();
  if (parent) parent.appendChild(t);
  t.fontSize = size;
  if (line !== undefined) t.lineHeight = { unit: 'PIXELS', value: line };
  t.characters = chars;
  return t;
}

const box = (n: SceneNode) => [n.x, n.y, n.width, n.height];

describe('auto-layout frames', () => {
  it('HUG on both axes: padding + children + spacing along, padding + largest child across', () => {
    const row = frame('HORIZONTAL');
    row.layoutSizingHorizontal = 'HUG';
    row.layoutSizingVertical = 'HUG';
    Object.assign(row, { paddingLeft: 10, paddingRight: 20, paddingTop: 5, paddingBottom: 7, itemSpacing: 8 });
    const a = rect(row, 30, 40);
    const b = rect(row, 50, 10);
    // width 10 + 30 + 8 + 50 + 20 = 118; height 5 + 40 + 7 = 52
    expect([row.width, row.height]).toEqual([118, 52]);
    expect(box(a)).toEqual([10, 5, 30, 40]);
    expect(box(b)).toEqual([48, 5, 50, 10]); // 10 + 30 + 8
  });

  it('a vertical frame hugs too, and re-hugs when a child is removed', () => {
    const col = frame('VERTICAL');
    col.layoutSizingHorizontal = 'HUG';
    col.layoutSizingVertical = 'HUG';
    col.itemSpacing = 4;
    const a = rect(col, 30, 40);
    const b = rect(col, 50, 10);
    expect([col.width, col.height]).toEqual([50, 54]); // 40 + 4 + 10
    expect(b.y).toBe(44);
    a.remove();
    expect([col.width, col.height]).toEqual([50, 10]);
    expect(b.y).toBe(0);
  });

  it('FIXED keeps the resize() size, whatever the children', () => {
    const row = frame('HORIZONTAL', 300, 60); // resize before layoutMode: both axes FIXED
    row.resize(300, 60);
    rect(row, 500, 500);
    expect([row.width, row.height]).toEqual([300, 60]);
    expect([row.layoutSizingHorizontal, row.layoutSizingVertical]).toEqual(['FIXED', 'FIXED']);
  });

  it('FILL along the primary axis shares what the others leave; STRETCH fills across minus padding', () => {
    const row = frame('HORIZONTAL');
    row.resize(300, 80);
    Object.assign(row, { paddingLeft: 10, paddingRight: 10, paddingTop: 6, paddingBottom: 4, itemSpacing: 5 });
    const fixed = rect(row, 40, 20);
    const a = rect(row, 10, 10);
    const b = rect(row, 10, 10);
    a.layoutSizingHorizontal = 'FILL';
    b.layoutSizingHorizontal = 'FILL';
    b.layoutSizingVertical = 'FILL';
    // free = 300 - 20 (padding) - 10 (two gaps) - 40 = 230, shared: 115 each
    expect(box(fixed)).toEqual([10, 6, 40, 20]);
    expect(box(a)).toEqual([55, 6, 115, 10]);
    expect(box(b)).toEqual([175, 6, 115, 70]); // 80 - 6 - 4
  });

  it('a FILL child follows its parent when the parent is resized', () => {
    const col = frame('VERTICAL');
    col.resize(200, 100);
    col.paddingLeft = 20;
    const child = rect(col, 10, 10);
    child.layoutSizingHorizontal = 'FILL';
    expect(child.width).toBe(180);
    col.resize(120, 100);
    expect(child.width).toBe(100);
  });

  it.each([
    ['MIN', [10, 70]], // b: 10 + 40 + 20
    ['CENTER', [40, 100]], // free = 200 - 2×10 (padding) - 100 - 20 (gap) = 60: half before
    ['MAX', [70, 130]],
    ['SPACE_BETWEEN', [10, 130]], // gap = (200 - 20 - 100) / 1 = 80, itemSpacing ignored
    ['SPACE_EVENLY', [10 + 80 / 3, 10 + 80 / 3 + 40 + 80 / 3]], // 80 / 3 before, between, after
    ['SPACE_AROUND', [30, 110]], // 80 / 2 = 40 between, 20 at each end
  ] as const)('primaryAxisAlignItems %s', (align, xs) => {
    const row = frame('HORIZONTAL');
    row.resize(200, 50);
    Object.assign(row, { paddingLeft: 10, paddingRight: 10, itemSpacing: 20, primaryAxisAlignItems: align });
    const a = rect(row, 40, 10);
    const b = rect(row, 60, 10);
    expect(a.x).toBeCloseTo(xs[0], 9);
    expect(b.x).toBeCloseTo(xs[1], 9);
  });

  it.each([
    ['MIN', 5],
    ['CENTER', 30], // 5 (padding) + (inner 60 - 10 (child)) / 2
    ['MAX', 55], // 5 + 60 - 10
  ] as const)('counterAxisAlignItems %s', (align, y) => {
    const row = frame('HORIZONTAL');
    row.resize(200, 70);
    Object.assign(row, { paddingTop: 5, paddingBottom: 5, counterAxisAlignItems: align });
    const a = rect(row, 40, 10);
    expect(a.y).toBe(y);
  });

  it('ABSOLUTE children keep their x/y and take no room; hidden children take no room', () => {
    const row = frame('HORIZONTAL');
    row.layoutSizingHorizontal = 'HUG';
    row.layoutSizingVertical = 'HUG';
    row.itemSpacing = 10;
    const a = rect(row, 30, 30);
    const pinned = rect(row, 500, 500);
    pinned.layoutPositioning = 'ABSOLUTE';
    pinned.x = 7;
    pinned.y = -3;
    const hidden = rect(row, 80, 80);
    hidden.visible = false;
    const b = rect(row, 20, 20);
    expect([row.width, row.height]).toEqual([60, 30]); // 30 + 10 + 20
    expect([pinned.x, pinned.y]).toEqual([7, -3]);
    expect([a.x, b.x]).toEqual([0, 40]);
  });

  it('resize() of a FILL child changes nothing along the filled axis (changelog, Update 8: it no-ops)', () => {
    const row = frame('HORIZONTAL');
    row.resize(200, 50);
    const a = rect(row, 10, 10);
    a.layoutSizingHorizontal = 'FILL';
    a.resize(30, 20);
    expect([a.width, a.height]).toEqual([200, 20]);
  });

  it('writing x/y of a child in the flow changes nothing (auto-layout places it)', () => {
    const row = frame('HORIZONTAL');
    const a = rect(row, 30, 30);
    a.x = 99;
    a.y = 99;
    expect([a.x, a.y]).toEqual([0, 0]);
  });

  it('nested frames: sizes and absolute positions', () => {
    const outer = frame('VERTICAL');
    outer.layoutSizingHorizontal = 'HUG';
    outer.layoutSizingVertical = 'HUG';
    Object.assign(outer, { paddingLeft: 10, paddingTop: 10, paddingRight: 10, paddingBottom: 10, itemSpacing: 6 });
    outer.x = 100;
    outer.y = 200;
    const header = rect(outer, 200, 30);
    const inner = frame('HORIZONTAL');
    outer.appendChild(inner);
    inner.layoutSizingHorizontal = 'FILL';
    inner.layoutSizingVertical = 'HUG';
    inner.paddingLeft = 4;
    inner.itemSpacing = 2;
    const c = rect(inner, 10, 12);
    const d = rect(inner, 10, 8);
    d.layoutSizingHorizontal = 'FILL';
    // outer: width 10 + 200 + 10 = 220; inner fills 200; height 10 + 30 + 6 + 12 + 10 = 68
    expect(box(outer)).toEqual([100, 200, 220, 68]);
    expect(box(header)).toEqual([10, 10, 200, 30]);
    expect(box(inner)).toEqual([10, 46, 200, 12]);
    expect(box(c)).toEqual([4, 0, 10, 12]);
    expect(box(d)).toEqual([16, 0, 184, 8]); // 200 - 4 - 10 - 2
    expect(d.absoluteBoundingBox).toEqual({ x: 126, y: 246, width: 184, height: 8 });
    expect(d.absoluteTransform).toEqual([
      [1, 0, 126],
      [0, 1, 246],
    ]);
  });

  it('a group in the flow is placed by moving its children', () => {
    const col = frame('VERTICAL');
    col.itemSpacing = 10;
    rect(col, 50, 20);
    const holder = frame('NONE', 300, 300);
    const r1 = rect(holder, 10, 10);
    const r2 = rect(holder, 10, 10);
    r2.x = 20;
    r2.y = 5;
    const g = ctx.figma.group([r1, r2], col);
    expect([g.x, g.y, g.width, g.height]).toEqual([0, 30, 30, 15]);
    expect([r2.x, r2.y]).toEqual([20, 35]);
  });
});

describe('frames without auto-layout', () => {
  it('keep their size and their children keep their x/y', () => {
    const f = frame('NONE', 120, 80);
    const r = rect(f, 500, 10);
    r.x = 30;
    r.y = 40;
    expect(box(f).slice(2)).toEqual([120, 80]);
    expect([r.x, r.y]).toEqual([30, 40]);
  });

  it('an auto-layout frame inside one is still laid out', () => {
    const f = frame('NONE', 400, 400);
    const col = frame('VERTICAL');
    f.appendChild(col);
    col.layoutSizingHorizontal = 'HUG';
    col.x = 12;
    rect(col, 30, 10);
    rect(col, 20, 10);
    expect(box(col)).toEqual([12, 0, 30, 20]);
  });

  it('turning auto-layout off keeps the positions and size auto-layout gave', () => {
    const row = frame('HORIZONTAL');
    row.layoutSizingHorizontal = 'HUG';
    row.itemSpacing = 10;
    rect(row, 30, 30);
    const b = rect(row, 20, 20);
    row.layoutMode = 'NONE';
    expect(b.x).toBe(40);
    expect(row.width).toBe(60);
    b.x = 5; // now it can move
    expect(b.x).toBe(5);
  });
});

describe('sizes that stop being computed keep their value', () => {
  it('HUG made FIXED keeps the hugged size', () => {
    const col = frame('VERTICAL');
    col.layoutSizingVertical = 'HUG';
    rect(col, 30, 25);
    col.layoutSizingVertical = 'FIXED';
    rect(col, 30, 25);
    expect(col.height).toBe(25);
  });

  it('FILL made FIXED keeps the filled size', () => {
    const row = frame('HORIZONTAL');
    row.resize(200, 50);
    const a = rect(row, 10, 10);
    a.layoutSizingHorizontal = 'FILL';
    a.layoutSizingHorizontal = 'FIXED';
    row.resize(400, 50);
    expect(a.width).toBe(200);
  });

  it('a child moved out of auto-layout keeps its place and size there; so does one made ABSOLUTE', () => {
    const row = frame('HORIZONTAL');
    row.resize(200, 50);
    row.paddingLeft = 10;
    const a = rect(row, 30, 10);
    const b = rect(row, 30, 10);
    const c = rect(row, 5, 5);
    b.layoutSizingHorizontal = 'FILL'; // 200 - 10 - 30 - 5 = 155 while c is in the flow
    c.layoutPositioning = 'ABSOLUTE';
    expect([c.x, c.width]).toEqual([195, 5]); // where the flow had put it: after b (10 + 30 + 155)
    expect(b.width).toBe(160); // c left the flow
    frame('NONE', 500, 500).appendChild(b);
    expect([b.x, b.width]).toEqual([40, 160]);
    expect(a.x).toBe(10);
  });
});

describe('texts', () => {
  const adv = (size: number) => CHAR_ADVANCE * size;

  it('WIDTH_AND_HEIGHT hugs its text on one line per paragraph', async () => {
    const t = await text(undefined, 'Hello world', 20, 30);
    expect(t.textAutoResize).toBe('WIDTH_AND_HEIGHT');
    expect(t.width).toBeCloseTo(11 * adv(20), 9); // 121
    expect(t.height).toBe(30);
    t.characters = 'Hello\nwide world';
    expect(t.width).toBeCloseTo(10 * adv(20), 9);
    expect(t.height).toBe(60);
  });

  it('line height: PIXELS, PERCENT of the font size, AUTO = 1.2 × the font size', async () => {
    const t = await text(undefined, 'x', 20);
    expect(t.height).toBeCloseTo(AUTO_LINE_HEIGHT * 20, 9); // 24
    t.lineHeight = { unit: 'PERCENT', value: 150 };
    expect(t.height).toBe(30);
    t.lineHeight = { unit: 'PIXELS', value: 17 };
    expect(t.height).toBe(17);
  });

  it('letter spacing adds to every character', async () => {
    const t = await text(undefined, 'abcd', 10);
    t.letterSpacing = { unit: 'PIXELS', value: 1 };
    expect(t.width).toBeCloseTo(4 * (adv(10) + 1), 9);
    t.letterSpacing = { unit: 'PERCENT', value: 10 };
    expect(t.width).toBeCloseTo(4 * (adv(10) + 1), 9); // 10% of 10 px
  });

  it('HEIGHT wraps words within its width; height = lines × line height', async () => {
    // Font size 10: 5.5 a character. Width 60 fits 10 characters.
    const t = await text(undefined, 'aaaa bbbb cccc dd', 10, 12);
    t.textAutoResize = 'HEIGHT';
    t.resize(60, 12); // resize() fixes both axes (textAutoResize NONE) …
    expect(t.textAutoResize).toBe('NONE');
    t.textAutoResize = 'HEIGHT'; // … so auto height goes back on after it
    // "aaaa bbbb" (9 chars = 49.5) fits; + " cccc" = 14 chars does not; "cccc dd" (7) fits.
    expect([t.width, t.height]).toEqual([60, 24]);
    t.characters = 'aaaa bbbb cccc dd ee ff gg hh';
    // aaaa bbbb | cccc dd ee | ff gg hh  → 3 lines (spaces at a break take no room)
    expect(t.height).toBe(36);
  });

  it('a word wider than the box breaks between characters; an empty text is one line', async () => {
    const t = await text(undefined, 'x'.repeat(25), 10, 12);
    t.resize(60, 12);
    t.textAutoResize = 'HEIGHT';
    expect(t.height).toBe(36); // 10 + 10 + 5 characters
    t.characters = '';
    expect(t.height).toBe(12);
  });

  it('NONE keeps its size', async () => {
    const t = await text(undefined, 'a long text that would wrap', 10, 12);
    t.resize(40, 13);
    expect([t.width, t.height]).toEqual([40, 13]);
    t.characters = 'other';
    expect([t.width, t.height]).toEqual([40, 13]);
  });

  it('a FILL text wraps at the width its parent gives it, and the parent hugs the lines', async () => {
    const col = frame('VERTICAL');
    col.resize(80, 10); // 80 - 2×10 padding = 60 for the text
    col.layoutSizingVertical = 'HUG';
    Object.assign(col, { paddingLeft: 10, paddingRight: 10, paddingTop: 4, paddingBottom: 4 });
    const t = await text(col, 'aaaa bbbb cccc dd', 10, 12);
    t.layoutSizingHorizontal = 'FILL';
    expect(t.textAutoResize).toBe('HEIGHT');
    expect(box(t)).toEqual([10, 4, 60, 24]);
    expect(col.height).toBe(32); // 4 + 24 + 4
  });

  it('a text made fixed-width keeps the width it had (its own measure)', async () => {
    const t = await text(undefined, 'abcdefghij', 10, 12); // 55 wide
    t.textAutoResize = 'HEIGHT';
    expect(t.width).toBeCloseTo(55, 9);
    t.characters = 'abcdefghij klmno';
    expect(t.height).toBe(24); // wraps at 55 now
  });
});

describe('bookkeeping', () => {
  it('laying out writes nothing; a geometry read is one read, as any other', () => {
    const row = frame('HORIZONTAL');
    rect(row, 10, 10);
    ctx.fake.resetStats();
    void row.width;
    void row.absoluteBoundingBox;
    expect(ctx.fake.stats()).toMatchObject({ writes: 0, created: 0, reads: 2 });
  });

  it('refuses what the layout does not model: WRAP, BASELINE; and values the typings do not list', () => {
    const row = frame('HORIZONTAL');
    expect(() => (row.layoutWrap = 'WRAP')).toThrow(/layoutWrap WRAP is not implemented/);
    expect(() => (row.counterAxisAlignItems = 'BASELINE')).toThrow(/BASELINE is not implemented/);
    expect(() => ((row as { primaryAxisAlignItems: string }).primaryAxisAlignItems = 'STRETCH')).toThrow(
      /Invalid enum value/,
    );
  });
});
