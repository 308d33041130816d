/**
 * Canvas states designers really produce, built in the strict in-memory Figma:
 * for each, update and read either succeed correctly or fail with a clear
 * message and an unchanged canvas. Nothing a designer added is ever lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { syntheticMap } from '../../bench/synthetic';
import { uninstallFakeFigma, DEFAULT_FONTS } from '../support/figma-fake';
import { unwrap } from '../support/figma-fake/nodes';
import { clone, norm } from '../support/maps';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';
import type { StoredTag } from '../../src/figma/tags';

afterEach(() => uninstallFakeFigma());

async function create(p: Plugin, map: unknown) {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  return { frame: (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode, map: created.map as JourneyMap };
}
const read = async (p: Plugin, nodeId: string) => {
  const reply = p.expectReply(await p.send({ type: 'read', nodeId }), 'map');
  return { ...reply, map: reply.map as JourneyMap };
};
const update = async (p: Plugin, nodeId: string, map: unknown, force = true) =>
  p.send({ type: 'update', nodeId, map, force });
const byTag = (frame: BaseNode, role: string, tag: Record<string, string>) =>
  managed(frame, role).find((n) => Object.entries(tag).every(([k, v]) => tagField(n, k as keyof StoredTag) === v))!;
/** A snapshot of everything on the page: ids, names, texts and plugin data, to prove "unchanged". */
const snapshot = (p: Plugin) =>
  JSON.stringify(
    allNodes(p.figma.currentPage).map((n) => [
      n.id,
      n.name,
      n.type === 'TEXT' ? (n as TextNode).characters : '',
      n.getSharedPluginDataKeys('journeymap').map((k) => n.getSharedPluginData('journeymap', k)),
    ]),
  );
async function loadInter(p: Plugin) {
  for (const style of ['Regular', 'Medium', 'Semi Bold', 'Bold'])
    await p.figma.loadFontAsync({ family: 'Inter', style });
}

describe('duplicated map (Cmd+D)', () => {
  it('keeps both frames editable and independent; the copy gets its own identity', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 3));
    const copy = frame.clone();
    expect((await read(p, copy.id)).map).toEqual(map);
    expect((await read(p, copy.id)).revision).toBe(0); // not the original's revision

    const forCopy = clone(map);
    forCopy.title = 'The copy';
    const updated = p.expectReply(await update(p, copy.id, forCopy, false), 'updated');
    expect(updated.revision).toBe(1);
    expect((await read(p, copy.id)).map.title).toBe('The copy');
    expect((await read(p, frame.id)).map).toEqual(map); // the original is untouched

    const forOriginal = clone(map);
    forOriginal.stages[0].name = 'Original only';
    p.expectReply(await update(p, frame.id, forOriginal, false), 'updated');
    expect((await read(p, frame.id)).map.stages[0].name).toBe('Original only');
    expect((await read(p, copy.id)).map.stages[0].name).toBe(map.stages[0].name);
  });
});

describe('a map whose nodes the designer changed', () => {
  it('recreates deleted managed nodes on update, and reads without them before', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(4, 3));
    byTag(frame, 'lane', { lane: 'l1' }).remove();
    managed(frame, 'persona')[0].remove();
    byTag(frame, 'stage-description', { stage: 's2' }).remove();
    const back = (await read(p, frame.id)).map;
    expect(back.lanes.map((l) => l.id)).toEqual(['l0', 'l2']);
    expect(back.personas).toBeUndefined();
    expect(back.stages[2].description).toBeUndefined();
    p.expectReply(await update(p, frame.id, map), 'updated');
    expect((await read(p, frame.id)).map).toEqual(map);
  });

  it('keeps renamed and locked nodes, and their names', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 3));
    const cell = byTag(frame, 'cell', { lane: 'l0', stage: 's1' }) as FrameNode;
    cell.name = 'My favourite cell';
    cell.locked = true;
    const edited = clone(map);
    (edited.lanes[0].cells as Record<string, string>).s1 = 'Edited under a lock';
    p.expectReply(await update(p, frame.id, edited), 'updated');
    expect(cell.removed).toBe(false);
    expect(cell.name).toBe('My favourite cell');
    expect((await read(p, frame.id)).map).toEqual(edited);
  });

  it('handles a card frame the designer removed (unwrapped), with its text left in the cell', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 3));
    const card = byTag(frame, 'card', { lane: 'l1', stage: 's0', index: '0' }) as FrameNode;
    const cell = card.parent as FrameNode;
    const text = card.children[0];
    cell.insertChild(cell.children.indexOf(card), text); // "Remove frame": the child takes its place
    card.remove();
    p.expectReply(await update(p, frame.id, map), 'updated');
    expect((await read(p, frame.id)).map).toEqual(map);
  });

  it('looks through a group the designer made around cards: updates them in place, reads them, keeps the group', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 3));
    const cell = byTag(frame, 'cell', { lane: 'l1', stage: 's1' }) as FrameNode;
    const [a, b] = cell.children;
    const group = p.figma.group([a, b], cell);
    group.name = 'My pair';
    expect((await read(p, frame.id)).map).toEqual(map);
    const edited = clone(map);
    (edited.lanes[1].cells as Record<string, string[]>).s1 = [
      'Renamed in the panel',
      (map.lanes[1].cells as Record<string, string[]>).s1[1],
    ];
    p.fake.resetStats();
    p.expectReply(await update(p, frame.id, edited), 'updated');
    expect(p.fake.stats().created).toBe(0); // no duplicate cards drawn beside the group
    expect(group.removed).toBe(false);
    expect(group.parent).toBe(cell);
    expect(group.children).toEqual([a, b]);
    expect(((a as FrameNode).children[0] as TextNode).characters).toBe('Renamed in the panel');
    expect((await read(p, frame.id)).map).toEqual(edited);
  });

  it('writes into a text whose font the designer changed for part of it', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 3));
    await loadInter(p);
    const t = byTag(frame, 'cell-text', { lane: 'l0', stage: 's0' }) as TextNode;
    t.setRangeFontName(0, 4, { family: 'Inter', style: 'Bold' });
    expect(t.fontName).toBe(p.figma.mixed);
    const edited = clone(map);
    (edited.lanes[0].cells as Record<string, string>).s0 = 'Rewritten';
    p.expectReply(await update(p, frame.id, edited), 'updated');
    expect(t.characters).toBe('Rewritten');
  });

  it('replaces a font missing on this machine and says so, instead of failing', async () => {
    const p = await startPlugin({ fonts: [...DEFAULT_FONTS, { family: 'Papyrus', style: 'Regular' }] });
    const { frame, map } = await create(p, syntheticMap(3, 3));
    const t = byTag(frame, 'cell-text', { lane: 'l0', stage: 's2' }) as TextNode;
    unwrap(t).font = { family: 'Gone Sans', style: 'Regular' }; // as opened on a machine without it
    expect(t.hasMissingFont).toBe(true);
    const edited = clone(map);
    (edited.lanes[0].cells as Record<string, string>).s2 = 'Still written';
    p.expectReply(await update(p, frame.id, edited), 'updated');
    expect(t.characters).toBe('Still written');
    expect((t.fontName as FontName).family).toBe('Inter');
    expect(p.fake.notifications.map((n) => n.message).join(' ')).toMatch(/missing font/);
  });
});

describe('where the map lives', () => {
  it('updates and reads a map on another page', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 2));
    const other = p.fake.addPage('Other');
    await p.figma.setCurrentPageAsync(other);
    const edited = clone(map);
    edited.title = 'Edited from another page';
    p.expectReply(await update(p, frame.id, edited), 'updated');
    expect((await read(p, frame.id)).map.title).toBe('Edited from another page');
  });

  it('updates and reads a map grouped inside another frame, also from the selection', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 2));
    const board = p.figma.createFrame();
    board.appendChild(frame);
    p.figma.currentPage.selection = [byTag(frame, 'card', { lane: 'l1', stage: 's1', index: '1' })];
    expect(p.expectReply(await p.send({ type: 'read' }), 'map').nodeId).toBe(frame.id);
    p.expectReply(await update(p, frame.id, map), 'updated');
    expect(frame.parent).toBe(board);
  });

  it('updates a map converted to a component; refuses an instance with a clear message, unchanged', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 2));
    const component = (
      p.figma as unknown as { createComponentFromNode(n: SceneNode): ComponentNode }
    ).createComponentFromNode(frame);
    const edited = clone(map);
    edited.stages[1].name = 'Component edit';
    p.expectReply(await update(p, component.id, edited), 'updated');
    expect((await read(p, component.id)).map).toEqual(edited);

    const instance = component.createInstance();
    expect((await read(p, instance.id)).map).toEqual(edited);
    const before = snapshot(p);
    const error = p.expectReply(await update(p, instance.id, map), 'error');
    expect(error.message).toMatch(/instance/);
    expect(snapshot(p)).toBe(before);
  });
});

describe('unusual content', () => {
  it('draws an emotion lane where every score is missing: no markers, no curve, reads back the same', async () => {
    const p = await startPlugin();
    const input = {
      title: 'Empty feelings',
      stages: [{ name: 'A' }, { name: 'B' }],
      lanes: [{ title: 'Emotions', kind: 'emotion', cells: {} }],
    };
    const { frame } = await create(p, input);
    expect(managed(frame, 'emotion-marker')).toHaveLength(0);
    expect(managed(frame, 'emotion-curve')).toHaveLength(0);
    expect(managed(frame, 'emotion-baseline')).toHaveLength(1);
    expect((await read(p, frame.id)).map).toEqual(norm(input));
  });

  it('handles 40 stages with very long names, emoji and right-to-left text', async () => {
    const p = await startPlugin();
    const long = (i: number) =>
      `${i} ${'مرحلة طويلة جدا 🚀 with a very long name that keeps going '.repeat(3)}`.slice(0, 120);
    const input = {
      title: 'Long names 🧭 رحلة',
      stages: Array.from({ length: 40 }, (_, i) => ({ name: long(i) })),
      lanes: [{ title: 'Notes ✍️', kind: 'text', cells: {} }],
    };
    const map = norm(input);
    (map.lanes[0].cells as Record<string, string>)[map.stages[39].id] = 'שלום 👋 end';
    const { frame } = await create(p, map);
    expect(managed(frame, 'stage-header')).toHaveLength(40);
    expect((await read(p, frame.id)).map).toEqual(map);
  });
});

describe('faults', () => {
  it('puts the map back when an update fails half-way, keeping designer nodes', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(4, 3));
    const sticker = p.figma.createRectangle();
    (byTag(frame, 'cell', { lane: 'l0', stage: 's3' }) as FrameNode).appendChild(sticker);
    const edited = clone(map);
    edited.stages.splice(3, 1, { id: 'n1', name: 'New one' }, { id: 'n2', name: 'New two' });
    for (const lane of edited.lanes) delete (lane.cells as Record<string, unknown>).s3;
    // Figma refuses the second text node of this update (the new stages' names).
    const api = p.figma as unknown as { createText: () => TextNode };
    const real = api.createText;
    let calls = 0;
    api.createText = () => {
      if (++calls === 2) throw new Error('Simulated Figma failure');
      return real();
    };
    const error = p.expectReply(await update(p, frame.id, edited), 'error');
    api.createText = real;
    expect(error.message).toMatch(/Simulated Figma failure/);
    expect(error.message).toMatch(/put back/);
    expect((await read(p, frame.id)).map).toEqual(map);
    expect(sticker.removed).toBe(false);
    expect(p.fake.notifications.at(-1)?.options?.error).toBe(true);
  });

  it('refuses to update a map saved by a newer version, and changes nothing', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 2));
    frame.setSharedPluginData('journeymap', 'format', '9');
    const before = snapshot(p);
    const error = p.expectReply(await update(p, frame.id, map), 'error');
    expect(error.message).toMatch(/format 9/);
    expect(error.message).toMatch(/up to 2/);
    expect(snapshot(p)).toBe(before);
    const reply = await read(p, frame.id);
    expect(reply.warnings?.join(' ')).toMatch(/version 9/);
  });

  it('never lets an exception out of a handler: malformed messages of every kind get error replies', async () => {
    const p = await startPlugin();
    for (const msg of [
      null,
      42,
      'create',
      [],
      { type: 'create' },
      { type: 'update', nodeId: '', map: {} },
      { type: 'read', nodeId: 7 },
      { type: 'resize', width: -1, height: 10 },
      { type: 'create', map: { title: 'x', stages: 'nope' } },
    ]) {
      const replies = await p.send(msg as Record<string, unknown>);
      expect(replies.some((r) => r.type === 'error')).toBe(true);
    }
  });
});
