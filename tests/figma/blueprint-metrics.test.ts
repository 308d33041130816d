/**
 * Divider and metric lanes on the canvas (issue #14): drawn, read back with what a designer
 * typed on the canvas, updated in place, and refused when malformed with nothing drawn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { uninstallFakeFigma } from '../support/figma-fake';
import { clone, loadExamples } from '../support/maps';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());

const metrics = loadExamples().find((e) => e.file === 'checkout-metrics.json')!.input;
const blueprint = loadExamples().find((e) => e.file === 'service-blueprint-hotel.json')!.input;

async function create(p: Plugin, map: unknown) {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
  return { frame, map: created.map as JourneyMap };
}
const read = async (p: Plugin, nodeId: string) => p.expectReply(await p.send({ type: 'read', nodeId }), 'map');
const textIn = (frame: FrameNode, role: string, lane: string, stage?: string) =>
  managed(frame, role).find(
    (n) => tagField(n, 'lane') === lane && (stage === undefined || tagField(n, 'stage') === stage),
  ) as TextNode;
async function loadFonts(p: Plugin) {
  for (const style of ['Regular', 'Medium', 'Semi Bold', 'Bold'])
    await p.figma.loadFontAsync({ family: 'Inter', style });
}

describe('metric lanes', () => {
  it('draw each value with its unit, and the target with met or missed', async () => {
    const p = await startPlugin();
    const { frame } = await create(p, metrics);
    expect(textIn(frame, 'metric-value', 'drop-off', 'create-account').characters).toBe('31%');
    expect(textIn(frame, 'metric-target', 'drop-off', 'create-account').characters).toBe('Target 20% · missed');
    expect(textIn(frame, 'metric-target', 'drop-off', 'install-and-open').characters).toBe('Target 15% · met');
    expect(textIn(frame, 'metric-value', 'time-on-step', 'create-account').characters).toBe('3.5 min');
    // No target: no target line.
    expect(textIn(frame, 'metric-target', 'time-on-step', 'fill-the-basket')).toBeUndefined();
    const met = textIn(frame, 'metric-value', 'drop-off', 'install-and-open').fills as SolidPaint[];
    const missed = textIn(frame, 'metric-value', 'drop-off', 'create-account').fills as SolidPaint[];
    expect(met[0].color).not.toEqual(missed[0].color);
  });

  it('read back values typed on the canvas ("42 %", "3,5 min", "Target: 2"), keeping which way is better', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, metrics);
    await loadFonts(p);
    textIn(frame, 'metric-value', 'drop-off', 'pay').characters = '42 %';
    textIn(frame, 'metric-value', 'time-on-step', 'pay').characters = '3,5 min';
    textIn(frame, 'metric-target', 'time-on-step', 'pay').characters = 'Target: 2';
    const back = (await read(p, frame.id)).map as JourneyMap;
    const expected = clone(map);
    const cells = (id: string) =>
      (expected.lanes.find((l) => l.id === id)!.cells as Record<string, Record<string, unknown>>).pay;
    Object.assign(cells('drop-off'), { value: 42, unit: '%' });
    Object.assign(cells('time-on-step'), { value: 3.5, unit: 'min', target: 2 });
    expect(back).toEqual(expected);
    expect(cells('drop-off').better).toBe('lower');
  });

  it('read back exactly from an untouched canvas, even values the words round (0.1234567, 10^21)', async () => {
    const p = await startPlugin();
    const input = {
      title: 'Precise',
      stages: [{ name: 'A' }, { name: 'B' }],
      lanes: [
        {
          title: 'Average basket',
          kind: 'metric',
          cells: { a: { value: 0.1234567, target: 0.1234561 }, b: { value: 1e21, unit: 'visits' } },
        },
      ],
    };
    const { frame, map } = await create(p, input);
    const back = await read(p, frame.id);
    expect(back.map).toEqual(map);
    // And so an update based on it is no conflict.
    const next = clone(map);
    next.title = 'Precise, renamed';
    p.expectReply(
      await p.send({
        type: 'update',
        nodeId: frame.id,
        map: next,
        baseCanvas: back.canvas,
        baseRevision: back.revision,
      }),
      'updated',
    );
  });

  it('keep the stored value when the canvas text is no longer a number, and say so', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, metrics);
    await loadFonts(p);
    textIn(frame, 'metric-value', 'drop-off', 'pay').characters = 'n/a';
    const reply = await read(p, frame.id);
    expect(reply.map).toEqual(map);
    expect((reply.warnings ?? []).join('\n')).toMatch(/"n\/a" in Drop-off is not a number; kept 9%/);
  });

  it('update in place: a changed value rewrites that cell only, and the map equals a fresh create', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, metrics);
    const next = clone(map);
    const lane = next.lanes.find((l) => l.id === 'drop-off')!;
    (lane.cells as Record<string, { value: number; target?: number }>).pay.value = 7;
    const before = new Map(allNodes(frame).map((n) => [n.id, n]));
    const reply = p.expectReply(await p.send({ type: 'update', nodeId: frame.id, map: next }), 'updated');
    expect(textIn(frame, 'metric-value', 'drop-off', 'pay').characters).toBe('7%');
    expect(textIn(frame, 'metric-target', 'drop-off', 'pay').characters).toBe('Target 8% · met');
    // Every node kept its id: nothing was redrawn.
    expect(allNodes(frame).every((n) => before.has(n.id))).toBe(true);
    expect(reply.map).toEqual(next);
  });
});

describe('divider lanes', () => {
  it('draw a labelled line across every column, dashed when asked', async () => {
    const p = await startPlugin();
    const { frame } = await create(p, blueprint);
    const lines = managed(frame, 'divider-line').filter((n) => n.type === 'VECTOR') as VectorNode[];
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.dashPattern.length > 0)).toEqual([false, true, false]);
    const line = lines[0].parent as FrameNode;
    // As wide as the stage columns: from the first column's left to the last one's right.
    const cols = managed(frame, 'stage-header') as FrameNode[];
    expect(line.width).toBeCloseTo(cols[cols.length - 1].x + cols[cols.length - 1].width - cols[0].x, 0);
  });

  it('read back a title edited on the canvas; a line has no cells', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, blueprint);
    await loadFonts(p);
    textIn(frame, 'lane-title', 'line-of-visibility').characters = 'Line of visibility (staff only below)';
    const back = (await read(p, frame.id)).map as JourneyMap;
    const expected = clone(map);
    expected.lanes.find((l) => l.id === 'line-of-visibility')!.title = 'Line of visibility (staff only below)';
    expect(back).toEqual(expected);
  });

  it('a divider with cells is refused with a located message, and nothing is drawn', async () => {
    const p = await startPlugin();
    const bad = clone(blueprint) as { lanes: Array<Record<string, unknown>> };
    bad.lanes[2].cells = { book: 'Seen by the guest' };
    const error = p.expectReply(await p.send({ type: 'create', map: bad }), 'error');
    expect(JSON.stringify(error)).toContain('lanes[2].cells.book');
    expect(JSON.stringify(error)).toContain('a divider lane has no cells');
    expect(p.figma.currentPage.children).toHaveLength(0);
  });
});

describe('evidence links', () => {
  const linked = {
    title: 'Evidence',
    stages: [{ name: 'Search' }, { name: 'Buy' }],
    lanes: [
      {
        title: 'Doing',
        kind: 'text',
        cells: { search: { text: 'Compares three shops', url: 'https://research.example.org/interviews/7' } },
      },
      {
        title: 'Pain points',
        kind: 'cards',
        tone: 'negative',
        cells: { buy: ['Card declined', { text: 'Fees shown late', url: 'mailto:research@example.org' }] },
      },
    ],
  };

  it('are drawn as real hyperlinks, underlined; other texts carry none', async () => {
    const p = await startPlugin();
    const { frame } = await create(p, linked);
    const cell = textIn(frame, 'cell-text', 'doing', 'search');
    expect(cell.hyperlink).toEqual({ type: 'URL', value: 'https://research.example.org/interviews/7' });
    expect(cell.textDecoration).toBe('UNDERLINE');
    const cards = managed(frame, 'card-text') as TextNode[];
    expect(cards.map((c) => [c.characters, c.hyperlink])).toEqual([
      ['Card declined', null],
      ['Fees shown late', { type: 'URL', value: 'mailto:research@example.org' }],
    ]);
  });

  it('a link a designer adds to a card on the canvas reads back as its url; a javascript: one is left out, said', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, linked);
    await loadFonts(p);
    const cards = managed(frame, 'card-text') as TextNode[];
    cards[0].hyperlink = { type: 'URL', value: 'https://support.example.org/ticket/42' };
    const back = await read(p, frame.id);
    const expected = clone(map);
    (expected.lanes[1].cells as Record<string, unknown[]>).buy[0] = {
      text: 'Card declined',
      url: 'https://support.example.org/ticket/42',
    };
    expect(back.map).toEqual(expected);
    cards[0].hyperlink = { type: 'URL', value: 'javascript:alert(1)' };
    const again = await read(p, frame.id);
    expect(again.map).toEqual(map);
    expect((again.warnings ?? []).join('\n')).toContain('only https:, http: and mailto: links are kept');
  });

  it('a javascript: URL in the data is refused with a located message, and nothing is drawn', async () => {
    const p = await startPlugin();
    const bad = clone(linked);
    (bad.lanes[1].cells.buy as unknown[])[1] = { text: 'Fees shown late', url: 'javascript:alert(document.cookie)' };
    const error = p.expectReply(await p.send({ type: 'create', map: bad }), 'error');
    expect(JSON.stringify(error)).toContain('lanes[1].cells.buy[1].url');
    expect(JSON.stringify(error)).toContain('must be an https:, http: or mailto: link');
    expect(p.figma.currentPage.children).toHaveLength(0);
  });

  it('an update that only takes a link off writes that text alone', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, linked);
    const next = clone(map);
    (next.lanes[0].cells as Record<string, unknown>).search = 'Compares three shops';
    p.fake.resetStats();
    p.expectReply(await p.send({ type: 'update', nodeId: frame.id, map: next }), 'updated');
    const cell = textIn(frame, 'cell-text', 'doing', 'search');
    expect([cell.hyperlink, cell.textDecoration]).toEqual([null, 'NONE']);
    // The text and the frame (its stored data): nothing else.
    expect(p.fake.stats().nodesWritten).toBe(2);
  });
});
