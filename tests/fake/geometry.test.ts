/**
 * tests/support/fake-geometry.ts on hand-built maps laid out by the fake: a
 * tidy map passes, and each kind of fault is reported (a card out of its cell,
 * texts on top of each other, a marker 3 px off its column, rows on top of
 * each other, a header drawn over the grid). The sizes are computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { tagNode, type StoredTag } from '../../src/figma/tags';
import { checkGeometry, tagOf } from '../support/fake-geometry';
import { INTER, useFake } from './use-fake';

const ctx = useFake();

type Tag = { role: string; stage?: string; lane?: string };

let keys = 0;
/** Tags are written as the plugin writes them: one entry per node (src/figma/tags.ts). */
function tag<T extends BaseNode>(node: T, t: Tag): T {
  tagNode(node, { ...t, role: t.role as StoredTag['role'], key: `${t.role}-${keys++}` });
  return node;
}

function auto(
  parent: FrameNode | undefined,
  mode: 'HORIZONTAL' | 'VERTICAL' | 'NONE',
  t: Tag,
  o: { w?: number; h?: number; gap?: number; pad?: number } = {},
): FrameNode {
  const f = ctx.figma.createFrame();
  if (parent) parent.appendChild(f);
  f.resize(o.w ?? 100, o.h ?? 100);
  f.layoutMode = mode;
  if (mode !== 'NONE') {
    f.itemSpacing = o.gap ?? 0;
    for (const side of ['paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'] as const) f[side] = o.pad ?? 0;
    if (o.w === undefined) f.layoutSizingHorizontal = 'HUG';
    if (o.h === undefined) f.layoutSizingVertical = 'HUG';
  }
  return tag(f, t);
}

function text(parent: FrameNode, chars: string, t: Tag): TextNode {
  const n = ctx.figma.createText();
  parent.appendChild(n);
  n.fontSize = 10;
  n.lineHeight = { unit: 'PIXELS', value: 12 };
  n.characters = chars;
  if (parent.layoutMode !== 'NONE') n.layoutSizingHorizontal = 'FILL';
  return tag(n, t);
}

/**
 * header (title) above a grid of: stage row (two stage headers), a cards lane (a card in stage a)
 * and an emotion lane (markers in a frame without auto-layout, centred on the columns).
 *   columns: 100 wide, 10 apart, after a 50-wide label, rows padded 5 → column a at x 60, b at 170.
 */
async function buildMap() {
  await ctx.figma.loadFontAsync(INTER);
  const map = auto(undefined, 'VERTICAL', { role: 'map' }, { gap: 20, pad: 10 });
  const header = auto(map, 'VERTICAL', { role: 'header' }, { w: 275 });
  header.layoutSizingVertical = 'HUG';
  text(header, 'Journey title', { role: 'title' });
  const grid = auto(map, 'VERTICAL', { role: 'grid' }, { gap: 8 });
  const row = (t: Tag) => auto(grid, 'HORIZONTAL', t, { gap: 10, pad: 5 });
  const label = (parent: FrameNode, chars: string, t: Tag) => {
    const l = auto(parent, 'VERTICAL', { role: 'lane-label', lane: t.lane }, { w: 50 });
    l.layoutSizingVertical = 'HUG';
    text(l, chars, t);
  };
  const stages = row({ role: 'stage-row' });
  label(stages, 'Stages', { role: 'stage-row-label' });
  const headers = ['a', 'b'].map((s) => {
    const h = auto(stages, 'VERTICAL', { role: 'stage-header', stage: s }, { w: 100 });
    h.layoutSizingVertical = 'HUG';
    text(h, `Stage ${s}`, { role: 'stage-name', stage: s });
    return h;
  });
  const cards = row({ role: 'lane', lane: 'pains' });
  label(cards, 'Pains', { role: 'lane-title', lane: 'pains' });
  const cells = ['a', 'b'].map((s) => {
    const c = auto(cards, 'VERTICAL', { role: 'cell', stage: s, lane: 'pains' }, { w: 100, gap: 4 });
    c.layoutSizingVertical = 'HUG';
    return c;
  });
  const card = auto(cells[0], 'VERTICAL', { role: 'card', stage: 'a', lane: 'pains' }, { pad: 4 });
  card.layoutSizingHorizontal = 'FILL';
  text(card, 'Slow checkout', { role: 'card-text', stage: 'a', lane: 'pains' });
  const feel = row({ role: 'lane', lane: 'feel' });
  label(feel, 'Feeling', { role: 'lane-title', lane: 'feel' });
  const area = auto(feel, 'NONE', { role: 'emotion-area', lane: 'feel' }, { w: 210, h: 60 });
  const markers = ['a', 'b'].map((s, i) => {
    const m = ctx.figma.createEllipse();
    area.appendChild(m);
    m.resize(16, 16);
    m.x = 50 + i * 110 - 8; // column centres in the area: 50 and 160
    m.y = 20;
    return tag(m, { role: 'emotion-marker', stage: s, lane: 'feel' });
  });
  return { map, header, grid, headers, cells, card, markers, area, stages };
}

describe('checkGeometry', () => {
  it('finds nothing wrong with a tidy map, and counts what it checked', async () => {
    const { map, headers, markers, card, cells } = await buildMap();
    // Hand-computed: map padding 10, header 12 high + gap 20 → grid at y 42 (absolute, map at 0,0).
    expect(headers.map((h) => h.absoluteBoundingBox!.x)).toEqual([75, 185]); // 10 + 5 + 50 + 10, + 110
    expect(markers.map((m) => m.absoluteBoundingBox!.x + 8)).toEqual([125, 235]); // 10 + 5 + 50 + 10 + 50, + 110
    expect(card.absoluteBoundingBox).toEqual({ x: 75, y: 42 + 22 + 8 + 5, width: 100, height: 20 }); // text 12 + 2×4
    expect(cells[0].height).toBe(20);
    const report = checkGeometry(map);
    expect(report.problems).toEqual([]);
    expect(report.counts).toEqual({ maps: 1, texts: 7, cards: 1, markers: 2, rows: 3, headerNodes: 2 });
  });

  it('reports a card displaced out of its cell', async () => {
    const { map, card } = await buildMap();
    card.layoutPositioning = 'ABSOLUTE';
    card.x = 60;
    const { problems } = checkGeometry(map);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^card .* card \[x 135\.0, .* is not inside its cell .* cell \[x 75\.0/);
  });

  it('reports texts that overlap', async () => {
    const { map, area } = await buildMap();
    const a = ctx.figma.createText();
    area.appendChild(a);
    a.characters = 'A note';
    const b = a.clone();
    b.characters = 'Another';
    b.x = 20; // the first is 39.6 wide (6 × 0.55 × 12 px, the default size): 19.6 overlap
    b.y = 5; // and 14.4 high (1.2 × 12): 9.4 overlap
    const { problems } = checkGeometry(map);
    expect(problems).toEqual([expect.stringMatching(/^texts overlap by 19\.6 x 9\.4: .*"A note".*"Another"/)]);
  });

  it('reports a marker 3 px off the centre of its column, not one within a pixel', async () => {
    const { map, markers } = await buildMap();
    markers[0].x += 0.9;
    expect(checkGeometry(map).problems).toEqual([]);
    markers[1].x += 3;
    const { problems } = checkGeometry(map);
    expect(problems).toEqual([expect.stringMatching(/^marker .* is 3\.00 off the centre of .*stage-header/)]);
  });

  it("reports a marker over a note's text, and not a note beside it", async () => {
    const { map, area } = await buildMap();
    const note = ctx.figma.createText();
    area.appendChild(note);
    note.characters = 'Waits';
    tag(note, { role: 'emotion-note-text', stage: 'a', lane: 'feel' });
    note.x = 60; // the first marker spans x 42–58 of the area
    note.y = 20;
    expect(checkGeometry(map).problems).toEqual([]);
    note.x = 50;
    expect(checkGeometry(map).problems).toEqual([
      expect.stringMatching(/^marker covers a note's text by 8\.0 x 14\.4: .*emotion-marker.* over .*"Waits"/),
    ]);
  });

  it('reports rows drawn over each other', async () => {
    const { map, grid } = await buildMap();
    grid.itemSpacing = -10; // a negative gap overlaps the rows by 10
    const { problems } = checkGeometry(map);
    expect(problems.filter((p) => p.startsWith('grid rows overlap'))).toHaveLength(2);
  });

  it('reports a header drawn over the grid: content taller than a header fixed too small', async () => {
    const { map, header } = await buildMap();
    const persona = auto(header, 'VERTICAL', { role: 'persona' }, { w: 275 });
    persona.layoutSizingVertical = 'HUG';
    text(persona, 'Goals and frustrations', { role: 'persona-goal' });
    text(persona, 'Another line', { role: 'persona-goal' });
    expect(checkGeometry(map).problems).toEqual([]);
    // FIXED at 1 px: title (12) and persona (24) now reach 36 down, the grid starts at 1 + 20 and
    // its first text at 26.
    header.resize(275, 1);
    const { problems } = checkGeometry(map);
    expect(problems.some((p) => /^header part .* persona .* overlaps the grid/.test(p))).toBe(true);
    expect(problems.some((p) => /^texts overlap .*"Another line".*"Stages"/.test(p))).toBe(true);
  });

  it('reads stage and lane a tag inherits from its tagged parent, and its own where it has them', async () => {
    const { map, card } = await buildMap();
    const inner = ctx.figma.createRectangle();
    (card.parent as FrameNode).appendChild(inner);
    tag(inner, { role: 'card' });
    expect([tagOf(inner, 'role'), tagOf(inner, 'stage'), tagOf(inner, 'lane')]).toEqual(['card', 'a', 'pains']);
    inner.remove();
    const stray = tag(ctx.figma.createRectangle(), { role: 'card', stage: 'zz', lane: 'pains' });
    map.appendChild(stray);
    expect(checkGeometry(map).problems).toEqual([expect.stringMatching(/^no cell \(stage zz, lane pains\)/)]);
  });

  it('skips hidden nodes', async () => {
    const { map, card } = await buildMap();
    card.layoutPositioning = 'ABSOLUTE';
    card.x = 500;
    card.visible = false;
    expect(checkGeometry(map).problems).toEqual([]);
  });
});
