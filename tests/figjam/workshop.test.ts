/**
 * Workshop mode (issue #16): the same create / update / read tests in Figma Design and in
 * FigJam (the strict fake as FigJam), then what only a FigJam board does: stickies that
 * participants add, move, edit or leave outside the cells, and emotion markers dragged on it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { uninstallFakeFigma } from '../support/figma-fake';
import { clone, loadExamples, norm } from '../support/maps';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { arbText } from '../support/arbitraries';
import { boardGeometry, cellRect, stickySlot, EMOTION_AREA, STICKY } from '../../src/figjam/geometry';
import { scoreToY } from '../../src/layout/emotion';
import { tagField } from '../support/tags';
import { TOAST_MAX } from '../../src/toast-text';

type Editor = 'figma' | 'figjam';
const examples = loadExamples();

afterEach(() => uninstallFakeFigma());

const start = (editor: Editor) => startPlugin({ editorType: editor });
async function create(p: Plugin, map: unknown) {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  return { id: created.nodeId, map: created.map as JourneyMap };
}
const read = async (p: Plugin, nodeId: string) => p.expectReply(await p.send({ type: 'read', nodeId }), 'map');
const update = async (p: Plugin, nodeId: string, map: unknown) =>
  p.expectReply(await p.send({ type: 'update', nodeId, map, force: true }), 'updated');
const root = async (p: Plugin, id: string) => (await p.figma.getNodeByIdAsync(id)) as BaseNode & ChildrenMixin;

/** A small map with a cards lane, a text lane and a curve. */
const WORKSHOP = {
  title: 'Workshop',
  stages: [
    { id: 'a', name: 'Discover' },
    { id: 'b', name: 'Buy' },
    { id: 'c', name: 'Use' },
  ],
  lanes: [
    { id: 'doing', title: 'Doing', kind: 'text', cells: { a: 'Searches', b: 'Pays' } },
    { id: 'pains', title: 'Pain points', kind: 'cards', tone: 'negative', cells: { a: ['Too many tabs'], b: [] } },
    { id: 'ideas', title: 'Ideas', kind: 'cards', tone: 'idea', cells: {} },
    { id: 'feel', title: 'Feeling', kind: 'emotion', cells: { a: { score: 1 }, b: { score: -1 }, c: { score: 0.5 } } },
  ],
};

describe.each(['figma', 'figjam'] as const)('in %s', (editor) => {
  it('the panel is told which editor it is in', async () => {
    const p = await start(editor);
    const replies = await p.send({ type: 'ready' });
    expect(p.expectReply(replies, 'editor').editor).toBe(editor);
  });

  it.each(examples.map((e) => [e.file, e.input] as const))('create → read gives back %s exactly', async (_, input) => {
    const p = await start(editor);
    const { id } = await create(p, input);
    const back = await read(p, id);
    expect(back.map).toEqual(norm(input));
    expect(back.warnings).toEqual([]);
  });

  it('update after an edit in the panel reads back as the edited map', async () => {
    const p = await start(editor);
    const { id, map } = await create(p, WORKSHOP);
    const edited = clone(map);
    edited.stages.push({ id: 'd', name: 'Return' });
    const pains = edited.lanes.find((l) => l.id === 'pains') as Extract<JourneyMap['lanes'][number], { kind: 'cards' }>;
    pains.cells.a = ['Too many tabs', 'No size chart'];
    pains.cells.d = ['Label printer needed'];
    const updated = await update(p, id, edited);
    expect(updated.nodeId).toBe(id);
    expect((await read(p, id)).map).toEqual(norm(edited));
    // And back: removing the cards again removes them.
    await update(p, id, map);
    expect((await read(p, id)).map).toEqual(norm(map));
  });

  it('update keeps what participants added that is not in the data, where it is', async () => {
    const p = await start(editor);
    const { id, map } = await create(p, WORKSHOP);
    const board = await root(p, id);
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
    let own: SceneNode;
    if (editor === 'figjam') {
      const s = p.figma.createSticky();
      s.text.characters = 'Parking note';
      board.appendChild(s);
      own = s;
    } else {
      // The map frame is auto-layout: a designer's own node placed freely is absolutely positioned.
      const r = p.figma.createRectangle();
      board.appendChild(r);
      r.layoutPositioning = 'ABSOLUTE';
      own = r;
    }
    own.x = 5;
    own.y = 5;
    const edited = clone(map);
    edited.title = 'Workshop, day 2';
    await update(p, id, edited);
    expect(own.removed).toBe(false);
    expect([own.x, own.y]).toEqual([5, 5]);
  });
});

describe('manifest', () => {
  // developers.figma.com/docs/plugins/setting-editor-type lists the combinations Figma accepts
  // (["figjam", "figma"] among them) and: "Plugins cannot specify both "dev" and "figjam" editor
  // types at the same time". Its manifest example pairs ["figma", "figjam"] with dynamic-page.
  it('runs in Figma Design and FigJam, in a combination Figma accepts', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
      editorType: string[];
      documentAccess: string;
    };
    expect([...manifest.editorType].sort()).toEqual(['figjam', 'figma']);
    expect(manifest.editorType.includes('dev') && manifest.editorType.includes('figjam')).toBe(false);
    expect(manifest.documentAccess).toBe('dynamic-page');
  });
});

describe('the same JSON in both editors', () => {
  it.each(examples.map((e) => [e.file, e.input] as const))(
    '%s read back in FigJam creates the same map in Figma Design, and the other way round',
    async (_, input) => {
      const jam = await start('figjam');
      const fromJam = (await read(jam, (await create(jam, input)).id)).map;
      uninstallFakeFigma();
      const design = await start('figma');
      expect((await read(design, (await create(design, fromJam)).id)).map).toEqual(fromJam);
      const fromDesign = (await read(design, (await create(design, input)).id)).map;
      uninstallFakeFigma();
      const jam2 = await start('figjam');
      expect((await read(jam2, (await create(jam2, fromDesign)).id)).map).toEqual(fromDesign);
    },
  );

  it('the template menu command draws a board in FigJam and a frame in Figma Design', async () => {
    for (const [editor, type] of [
      ['figjam', 'SECTION'],
      ['figma', 'FRAME'],
    ] as const) {
      const p = await startPlugin({ editorType: editor }, 'template:ecommerce');
      expect(p.figma.currentPage.children.map((n) => n.type)).toEqual([type]);
      expect(p.fake.closeMessage).toMatch(/Created “Buying running shoes online”/);
      uninstallFakeFigma();
    }
  });
});

// ------------------------------------------------------------------------------------ FigJam only

async function board(map: unknown = WORKSHOP) {
  const p = await start('figjam');
  const { id, map: drawn } = await create(p, map);
  const section = (await root(p, id)) as SectionNode;
  await p.figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
  const geo = boardGeometry(drawn);
  /** Where the i-th slot of a cell is, relative to the section. */
  const slot = (lane: string, stage: string, i: number) => {
    const row = geo.rows.find((r) => r.lane.id === lane)!;
    const col = geo.columns.find((c) => c.stageId === stage)!;
    return stickySlot(cellRect(row, col), i);
  };
  /** A participant's sticky, at x/y relative to the section. */
  const sticky = (text: string, at: { x: number; y: number }) => {
    const s = p.figma.createSticky();
    s.text.characters = text;
    section.appendChild(s);
    s.x = at.x;
    s.y = at.y;
    return s;
  };
  const stickies = () => allNodes(section).filter((n): n is StickyNode => n.type === 'STICKY');
  return { p, id, map: drawn, section, geo, slot, sticky, stickies };
}

/** The map with its title changed: an edit that leaves every node in place. */
const p2 = (map: JourneyMap): JourneyMap => ({ ...map, title: `${map.title} (copy)` });

const cardsOf = (map: JourneyMap, lane: string) =>
  (map.lanes.find((l) => l.id === lane) as Extract<JourneyMap['lanes'][number], { kind: 'cards' }>).cells;

describe('a FigJam board', () => {
  it('draws cards as stickies coloured by their lane’s tone, in a section, with FigJam’s own nodes', async () => {
    const b = await board();
    expect(b.section.type).toBe('SECTION');
    const types = new Set(allNodes(b.section).map((n) => n.type));
    for (const t of types) expect(['SECTION', 'STICKY', 'SHAPE_WITH_TEXT', 'TEXT', 'VECTOR']).toContain(t);
    const [s] = b.stickies();
    expect(s.text.characters).toBe('Too many tabs');
    expect(s.authorVisible).toBe(false);
    expect((s.fills as SolidPaint[])[0].color).toEqual({ r: 1, g: 0.7804, b: 0.7608 }); // negative: red
    expect(managed(b.section, 'emotion-marker')).toHaveLength(3);
    expect(managed(b.section, 'emotion-curve').length).toBeGreaterThan(0);
  });

  it('reads a sticky put into a cell as a card there, in reading order, and counts stickies outside', async () => {
    const b = await board();
    // Added below and then beside the existing card: reading order is top-to-bottom, left-to-right.
    b.sticky('Second row', { ...b.slot('pains', 'a', 2), y: b.slot('pains', 'a', 2).y + 7 });
    b.sticky('Beside it', {
      ...b.slot('pains', 'a', 1),
      x: b.slot('pains', 'a', 1).x - 3,
      y: b.slot('pains', 'a', 1).y + 20,
    });
    b.sticky('An idea', b.slot('ideas', 'c', 0));
    b.sticky('Off the grid', { x: 2, y: 2 });
    b.sticky('Also off', { x: b.geo.width - STICKY, y: 2 });
    const back = await read(b.p, b.id);
    expect(cardsOf(back.map as JourneyMap, 'pains').a).toEqual(['Too many tabs', 'Beside it', 'Second row']);
    expect(cardsOf(back.map as JourneyMap, 'ideas')).toEqual({ c: ['An idea'] });
    expect(back.ignored).toBe(2);
    expect(back.warnings).toEqual(['2 stickies are outside every cards cell and were left out.']);
  });

  it('a moved sticky moves its card; an edited sticky’s text comes back; a deleted one deletes its card', async () => {
    const b = await board({
      ...WORKSHOP,
      lanes: [{ id: 'pains', title: 'Pains', kind: 'cards', cells: { a: ['One', 'Two', 'Three'] } }],
    });
    const [one, two, three] = b.stickies();
    const to = b.slot('pains', 'c', 0);
    one.x = to.x;
    one.y = to.y;
    two.text.characters = 'Two, reworded';
    three.remove();
    const back = (await read(b.p, b.id)).map as JourneyMap;
    expect(cardsOf(back, 'pains')).toEqual({ a: ['Two, reworded'], c: ['One'] });
  });

  it('a dragged emotion marker comes back as its score, snapped to quarter points', async () => {
    const b = await board();
    const marker = managed(b.section, 'emotion-marker').find((n) => tagField(n, 'stage') === 'b')!;
    const row = b.geo.rows.find((r) => r.lane.id === 'feel')!;
    marker.y = row.y + scoreToY(1.6, EMOTION_AREA) - marker.height / 2;
    const back = (await read(b.p, b.id)).map as JourneyMap;
    const feel = back.lanes.find((l) => l.id === 'feel') as Extract<JourneyMap['lanes'][number], { kind: 'emotion' }>;
    expect(feel.cells.b.score).toBe(1.5);
    expect(feel.cells.a.score).toBe(1);
  });

  it('a dragged dot of a curve drawn on another lane’s chart reads on that chart’s scale', async () => {
    const b = await board({
      title: 'Two curves',
      stages: WORKSHOP.stages,
      lanes: [
        { id: 'today', title: 'Today', kind: 'emotion', scale: { min: 1, max: 5 }, cells: { a: { score: 2 } } },
        { id: 'tobe', title: 'To be', kind: 'emotion', overlay: 'today', cells: { a: { score: 4 }, b: { score: 5 } } },
      ],
    });
    const marker = managed(b.section, 'emotion-marker').find(
      (n) => tagField(n, 'lane') === 'tobe' && tagField(n, 'stage') === 'b',
    )!;
    const row = b.geo.rows.find((r) => r.lane.id === 'today')!;
    marker.y = row.y + scoreToY(3.3, EMOTION_AREA, { min: 1, max: 5 }) - marker.height / 2;
    const back = (await read(b.p, b.id)).map as JourneyMap;
    const tobe = back.lanes.find((l) => l.id === 'tobe') as Extract<JourneyMap['lanes'][number], { kind: 'emotion' }>;
    expect(tobe.cells).toEqual({ a: { score: 4 }, b: { score: 3.25 } });
    expect(managed(b.section, 'emotion-legend-text').map((n) => (n as TextNode).characters)).toEqual([
      '——  Today',
      '——  To be',
    ]);
  });

  it('the relaunch button (Edit journey map) on a board loads it into the panel', async () => {
    const b = await board();
    b.p.figma.currentPage.selection = [b.section];
    await b.p.fake.runCommand('edit');
    const loaded = b.p.expectReply(await b.p.send({ type: 'ready' }), 'map');
    expect(loaded.nodeId).toBe(b.id);
    expect(loaded.map).toEqual(b.map);
  });

  it('edited texts in text cells, stage headers and lane labels come back', async () => {
    const b = await board();
    const shape = (role: string, lane?: string, stage?: string) =>
      managed(b.section, role).find(
        (n) => (!lane || tagField(n, 'lane') === lane) && (!stage || tagField(n, 'stage') === stage),
      ) as ShapeWithTextNode;
    shape('cell-text', 'doing', 'c').text.characters = 'Unboxes';
    shape('stage-name', undefined, 'b').text.characters = 'Checkout';
    shape('lane-title', 'pains').text.characters = 'Pains';
    const back = (await read(b.p, b.id)).map as JourneyMap;
    expect(back.stages[1].name).toBe('Checkout');
    expect(back.lanes[1].title).toBe('Pains');
    expect((back.lanes[0] as { cells: Record<string, string> }).cells).toEqual({
      a: 'Searches',
      b: 'Pays',
      c: 'Unboxes',
    });
  });

  it('read back then update: participants’ stickies become the cards, nothing doubles, none of theirs is deleted', async () => {
    const b = await board();
    const theirs = b.sticky('Queue at the till', {
      x: b.slot('pains', 'b', 0).x + 40,
      y: b.slot('pains', 'b', 0).y + 30,
    });
    const parked = b.sticky('Parking lot', { x: 2, y: 2 });
    const back = (await read(b.p, b.id)).map as JourneyMap;
    await update(b.p, b.id, back);
    const texts = b
      .stickies()
      .map((s) => s.text.characters)
      .sort();
    expect(texts).toEqual(['Parking lot', 'Queue at the till', 'Too many tabs']);
    // Theirs, now a card, is tidied into its slot; the parked one stays where it was.
    expect([theirs.x, theirs.y]).toEqual([b.slot('pains', 'b', 0).x, b.slot('pains', 'b', 0).y]);
    expect([parked.x, parked.y]).toEqual([2, 2]);
    expect((await read(b.p, b.id)).map).toEqual(back);
    // The data loses the card: their sticky stays (the plugin did not create it), unmatched.
    const without = clone(back);
    cardsOf(without, 'pains').b = [];
    await update(b.p, b.id, without);
    expect(theirs.removed).toBe(false);
    // A sticky the plugin made, edited by a participant, is theirs now: kept when its card goes.
    const ours = b.stickies().find((s) => s.text.characters === 'Too many tabs')!;
    ours.text.characters = 'Too many tabs!!';
    const none = clone(without);
    cardsOf(none, 'pains').a = [];
    await update(b.p, b.id, none);
    expect(ours.removed).toBe(false);
  });

  it('board edits the panel has not read are a conflict, as in Figma Design; read back, then the update goes through', async () => {
    const p = await start('figjam');
    const created = p.expectReply(await p.send({ type: 'create', map: WORKSHOP }), 'created');
    const section = (await root(p, created.nodeId)) as SectionNode;
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
    const geo = boardGeometry(created.map as JourneyMap);
    const s = p.figma.createSticky();
    s.text.characters = 'Slow page';
    section.appendChild(s);
    const at = stickySlot(cellRect(geo.rows[1], geo.columns[2]), 0);
    s.x = at.x;
    s.y = at.y;
    const base = { baseRevision: created.revision, baseCanvas: created.canvas };
    const edited = { ...(created.map as JourneyMap), title: 'Renamed in the panel' };
    const refused = p.expectReply(
      await p.send({ type: 'update', nodeId: created.nodeId, map: edited, ...base }),
      'error',
    );
    expect(refused.code).toBe('conflict');
    expect(section.name).toBe('Workshop');
    // Reload: the panel reads the board (with the sticky) and updates from that.
    const back = await read(p, created.nodeId);
    const merged = { ...(back.map as JourneyMap), title: 'Renamed in the panel' };
    p.expectReply(
      await p.send({
        type: 'update',
        nodeId: created.nodeId,
        map: merged,
        baseRevision: back.revision,
        baseCanvas: back.canvas,
      }),
      'updated',
    );
    expect(cardsOf((await read(p, created.nodeId)).map as JourneyMap, 'pains').c).toEqual(['Slow page']);
  });

  it('after an overwrite that kept participants’ stickies in cells, the next update is no conflict', async () => {
    const p = await start('figjam');
    const created = p.expectReply(await p.send({ type: 'create', map: WORKSHOP }), 'created');
    const section = (await root(p, created.nodeId)) as SectionNode;
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
    const s = p.figma.createSticky();
    s.text.characters = 'Not in the data';
    section.appendChild(s);
    const geo = boardGeometry(created.map as JourneyMap);
    const at = stickySlot(cellRect(geo.rows[1], geo.columns[2]), 0);
    [s.x, s.y] = [at.x, at.y];
    const overwrite = p.expectReply(
      await p.send({ type: 'update', nodeId: created.nodeId, map: created.map, force: true }),
      'updated',
    );
    expect(s.removed).toBe(false);
    const next = { ...(created.map as JourneyMap), title: 'Next' };
    p.expectReply(
      await p.send({
        type: 'update',
        nodeId: created.nodeId,
        map: next,
        baseRevision: overwrite.revision,
        baseCanvas: overwrite.canvas,
      }),
      'updated',
    );
  });

  it('a card removed in the panel removes the sticky the plugin made for it', async () => {
    const b = await board();
    const edited = clone(b.map);
    cardsOf(edited, 'pains').a = [];
    const [s] = b.stickies();
    await update(b.p, b.id, edited);
    expect(s.removed).toBe(true);
    expect(b.stickies()).toHaveLength(0);
  });

  it('versions work on a board: save the board as it is (stickies read back), compare; drawing a comparison is Design-only', async () => {
    const b = await board();
    b.sticky('Added in the workshop', b.slot('ideas', 'a', 0));
    const saved = b.p.expectReply(
      await b.p.send({ type: 'save-version', nodeId: b.id, name: 'After the workshop' }),
      'versions',
    );
    expect(saved.versions.map((v) => v.name)).toEqual(['After the workshop']);
    const loaded = b.p.expectReply(
      await b.p.send({ type: 'load-version', nodeId: b.id, versionId: saved.saved! }),
      'version',
    );
    expect(cardsOf(loaded.map as JourneyMap, 'ideas')).toEqual({ a: ['Added in the workshop'] });
    const diff = b.p.expectReply(await b.p.send({ type: 'compare', nodeId: b.id, map: b.map }), 'comparison');
    expect(diff.diff.cells.map((c) => [c.lane, c.stage])).toEqual([['ideas', 'a']]);
    const refused = b.p.expectReply(await b.p.send({ type: 'draw-comparison', nodeId: b.id }), 'error');
    expect(refused.message).toMatch(/needs Figma Design/);
  });

  it('a duplicated board is a board of its own: read, edited and updated without touching the original', async () => {
    const b = await board();
    const copy = b.section.clone();
    copy.x += b.geo.width + 200;
    const stage = managed(copy, 'stage-name').find((n) => tagField(n, 'stage') === 'b') as ShapeWithTextNode;
    stage.text.characters = 'Pay';
    const read1 = await read(b.p, copy.id);
    expect((read1.map as JourneyMap).stages[1].name).toBe('Pay');
    const count = allNodes(copy).length;
    const updated = p2(read1.map as JourneyMap);
    b.p.expectReply(await b.p.send({ type: 'update', nodeId: copy.id, map: updated, force: true }), 'updated');
    expect(allNodes(copy).length).toBe(count);
    expect((await read(b.p, copy.id)).map).toEqual(updated);
    expect((await read(b.p, b.id)).map).toEqual(b.map);
  });

  it('a participant’s sticky longer than a card’s text, read back then updated, is not doubled', async () => {
    const b = await board();
    const long = `${'Waited on hold for ages. '.repeat(14)}Then hung up.`;
    expect(long.length).toBeGreaterThan(280);
    b.sticky(long, b.slot('pains', 'b', 0));
    const back = await read(b.p, b.id);
    const map = back.map as JourneyMap;
    expect(cardsOf(map, 'pains').b).toEqual([long.slice(0, 280)]);
    b.p.expectReply(
      await b.p.send({ type: 'update', nodeId: b.id, map, baseRevision: back.revision, baseCanvas: back.canvas }),
      'updated',
    );
    // Their sticky stands for the card: no second sticky with the cut text, and it reads back once.
    expect(b.stickies().map((s) => s.text.characters.length)).toEqual(['Too many tabs'.length, long.length]);
    expect((await read(b.p, b.id)).map).toEqual(map);
  });

  it('a sticky of the plugin’s left out of a full cell by read-back is not deleted by the update after it', async () => {
    const b = await board();
    const at = b.slot('pains', 'a', 0);
    // Twelve of theirs before the plugin's "Too many tabs" in reading order: the cell reads as those twelve.
    for (let i = 0; i < 12; i++) b.sticky(`Pain ${i + 1}`, { x: at.x - 5, y: at.y });
    const back = await read(b.p, b.id);
    expect(back.warnings).toEqual(['1 sticky over 12 in one cell left out.']);
    expect(cardsOf(back.map as JourneyMap, 'pains').a).not.toContain('Too many tabs');
    b.p.expectReply(
      await b.p.send({
        type: 'update',
        nodeId: b.id,
        map: back.map,
        baseRevision: back.revision,
        baseCanvas: back.canvas,
      }),
      'updated',
    );
    expect(b.stickies().map((s) => s.text.characters)).toContain('Too many tabs');
  });

  it('a create that fails part-way leaves nothing on the canvas', async () => {
    const p = await start('figjam');
    const real = p.figma.createSticky.bind(p.figma);
    let n = 0;
    vi.spyOn(p.figma, 'createSticky').mockImplementation(() => {
      if (++n === 1) throw new Error('Sticky refused');
      return real();
    });
    const refused = p.expectReply(await p.send({ type: 'create', map: WORKSHOP, requestId: 'c1' }), 'error');
    expect(refused.message).toMatch(/Sticky refused/);
    expect(p.figma.currentPage.children).toHaveLength(0);
  });

  it('an update that fails part-way leaves the board and participants’ stickies as they were', async () => {
    const b = await board();
    const theirs = b.sticky('Queue at the till', {
      x: b.slot('pains', 'b', 0).x + 40,
      y: b.slot('pains', 'b', 0).y + 30,
    });
    const back = await read(b.p, b.id);
    const shot = () =>
      allNodes(b.section).map((n) => [
        n.id,
        n.type,
        n.name,
        'x' in n ? n.x : 0,
        'y' in n ? n.y : 0,
        n.type === 'STICKY' || n.type === 'SHAPE_WITH_TEXT' ? n.text.characters : '',
      ]);
    const before = shot();
    const edited = clone(back.map as JourneyMap);
    edited.stages[0].name = 'Discover it';
    cardsOf(edited, 'ideas').c = ['Self-checkout'];
    vi.spyOn(b.p.figma, 'createSticky').mockImplementation(() => {
      throw new Error('Sticky refused');
    });
    const refused = b.p.expectReply(
      await b.p.send({
        type: 'update',
        nodeId: b.id,
        map: edited,
        baseRevision: back.revision,
        baseCanvas: back.canvas,
        requestId: 'u1',
      }),
      'error',
    );
    expect(refused.message).toMatch(/Sticky refused.*left as it was/);
    expect(shot()).toEqual(before);
    expect(theirs.removed).toBe(false);
    expect((await read(b.p, b.id)).map).toEqual(back.map);
  });

  it('refuses a board too big to draw before anything is on the canvas', async () => {
    const p = await start('figjam');
    const stages = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
    const cells = Object.fromEntries(stages.map((st) => [st.id, Array.from({ length: 12 }, (_, k) => `Card ${k}`)]));
    const lanes = Array.from({ length: 30 }, (_, i) => ({ id: `l${i}`, title: `Lane ${i}`, kind: 'cards', cells }));
    const refused = p.expectReply(await p.send({ type: 'create', map: { title: 'Huge', stages, lanes } }), 'error');
    expect(refused.message).toMatch(/the limit is 15,000.*Nothing was changed/);
    expect(p.figma.currentPage.children).toHaveLength(0);
  });

  it('random stickies placed into random cells come back as exactly those cards', async () => {
    const lanes = ['pains', 'ideas'];
    const stages = ['a', 'b', 'c'];
    const arbPlaced = fc.uniqueArray(
      fc.record({
        lane: fc.constantFrom(...lanes),
        stage: fc.constantFrom(...stages),
        slot: fc.integer({ min: 0, max: 3 }),
        text: arbText.filter((t) => t.trim() === t && t.length > 0 && t.length <= 280),
        dx: fc.integer({ min: -30, max: 30 }),
        dy: fc.integer({ min: -40, max: 40 }),
      }),
      { selector: (s) => `${s.lane}/${s.stage}/${s.slot}`, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(arbPlaced, async (placed) => {
        const b = await board({
          ...WORKSHOP,
          lanes: WORKSHOP.lanes.map((l) => (l.kind === 'cards' ? { ...l, cells: {} } : l)),
        });
        for (const s of placed) {
          const at = b.slot(s.lane, s.stage, s.slot);
          b.sticky(s.text, { x: at.x + s.dx, y: at.y + s.dy });
        }
        const back = (await read(b.p, b.id)).map as JourneyMap;
        for (const lane of lanes) {
          const want: Record<string, string[]> = {};
          for (const stage of stages) {
            const here = placed.filter((s) => s.lane === lane && s.stage === stage).sort((x, y) => x.slot - y.slot);
            if (here.length) want[stage] = here.map((s) => s.text);
          }
          expect(cardsOf(back, lane)).toEqual(want);
        }
        expect((await read(b.p, b.id)).ignored).toBe(0);
        uninstallFakeFigma();
      }),
      { numRuns: 40 },
    );
  });
});

describe('what a board cannot draw as Figma Design does is said', () => {
  /** Without Inter: the fallback chain ends at Roboto, as in tests/figma/create.test.ts. */
  const ROBOTO = ['Regular', 'Medium', 'Bold', 'Italic'].map((style) => ({ family: 'Roboto', style }));
  const toasts = (p: Plugin) => p.fake.notifications.map((n) => n.message);

  it('a map with Figma variables: one warning on create and on update, in the toast too, each under 100 characters', async () => {
    const p = await start('figjam');
    const map = { ...WORKSHOP, theme: { variables: true } };
    const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
    const said = 'FigJam boards use plain colours: Figma variables apply in Figma Design.';
    expect(created.warnings).toEqual([said]);
    expect(toasts(p)).toEqual([said]);
    const updated = await update(p, created.nodeId, map);
    expect(updated.warnings).toEqual([said]);
    expect(toasts(p)).toEqual([said, said]);
    // The map keeps its setting (for Figma Design), and the board reads back as it.
    expect((await read(p, created.nodeId)).map).toEqual(norm(map));
    // Without variables: nothing said.
    const plain = p.expectReply(await p.send({ type: 'create', map: WORKSHOP }), 'created');
    expect(plain.warnings).toEqual([]);
    expect(p.fake.notifications.every((n) => Array.from(n.shown).length <= TOAST_MAX)).toBe(true);
  });

  it('a theme font FigJam lacks, and Inter missing too, get the warnings Figma Design gives, on create and update', async () => {
    const said: Record<Editor, { created: string[]; updated: string[]; toasts: string[] }> = {} as never;
    for (const editor of ['figma', 'figjam'] as const) {
      const p = await startPlugin({ editorType: editor, fonts: ROBOTO });
      const map = { ...WORKSHOP, theme: { font: 'Brand Sans' } };
      const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
      const updated = await update(p, created.nodeId, { ...map, title: 'Workshop 2' });
      said[editor] = { created: created.warnings ?? [], updated: updated.warnings ?? [], toasts: toasts(p) };
      expect(p.fake.notifications.every((n) => Array.from(n.shown).length <= TOAST_MAX)).toBe(true);
      uninstallFakeFigma();
    }
    expect(said.figma.created).toEqual([
      'The font “Brand Sans” is not available in this file; the map uses Inter instead',
      expect.stringMatching(/^Inter is not available; used Inter Regular → Roboto Regular, /),
    ]);
    expect(said.figjam).toEqual(said.figma);
    expect(said.figjam.updated).toEqual(said.figma.created);
  });
});
