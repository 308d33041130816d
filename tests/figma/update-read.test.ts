import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { uninstallFakeFigma } from '../support/figma-fake';
import { arbMapInput } from '../support/arbitraries';
import { clone, loadExamples, norm } from '../support/maps';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { syntheticMap } from '../../bench/synthetic';
import { EMOTION_AREA } from '../../src/layout/map-spec';
import { tagField } from '../support/tags';

const examples = loadExamples().map((e) => e.input);

async function create(p: Plugin, map: unknown) {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
  return { frame, revision: created.revision, map: created.map as JourneyMap };
}
async function read(p: Plugin, nodeId?: string) {
  return p.expectReply(await p.send({ type: 'read', nodeId }), 'map');
}
async function update(p: Plugin, nodeId: string, map: unknown, extra: Record<string, unknown> = {}) {
  return p.send({ type: 'update', nodeId, map, ...extra });
}
const idsOf = (frame: FrameNode) =>
  new Map(
    allNodes(frame)
      .filter((n) => tagField(n, 'key'))
      .map((n) => [n.id, n]),
  );
const cellText = (frame: FrameNode, lane: string, stage: string) =>
  managed(frame, 'cell-text').find((n) => tagField(n, 'lane') === lane && tagField(n, 'stage') === stage) as TextNode;

afterEach(() => uninstallFakeFigma());

describe('read back', () => {
  it('gives back exactly the map that was created (every example)', async () => {
    for (const input of examples) {
      const p = await startPlugin();
      const { frame } = await create(p, input);
      expect((await read(p, frame.id)).map).toEqual(norm(input));
      uninstallFakeFigma();
    }
  });

  it('gives back random maps exactly', async () => {
    await fc.assert(
      fc.asyncProperty(arbMapInput({ maxStages: 8, maxLanes: 5 }), async (input) => {
        const p = await startPlugin();
        const { frame } = await create(p, input);
        expect((await read(p, frame.id)).map).toEqual(norm(input));
        uninstallFakeFigma();
      }),
      { numRuns: 25 },
    );
  });

  it('brings back texts edited on the canvas, deleted cards and dragged markers', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(4, 3));
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Semi Bold' });
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
    cellText(frame, 'l0', 's1').characters = 'Typed on the canvas';
    (managed(frame, 'stage-name').find((n) => tagField(n, 'stage') === 's2') as TextNode).characters =
      'Renamed on canvas';
    const cards = managed(frame, 'card').filter((n) => tagField(n, 'lane') === 'l1' && tagField(n, 'stage') === 's0');
    cards[0].remove();
    const marker = managed(frame, 'emotion-marker').find((n) => tagField(n, 'stage') === 's3') as EllipseNode;
    marker.y = EMOTION_AREA.padTop - marker.height / 2; // dragged to the top of the scale: +2
    const back = (await read(p, frame.id)).map as JourneyMap;
    const expected = clone(map);
    (expected.lanes[0].cells as Record<string, string>).s1 = 'Typed on the canvas';
    expected.stages[2].name = 'Renamed on canvas';
    (expected.lanes[1].cells as Record<string, string[]>).s0 = [(map.lanes[1].cells as Record<string, string[]>).s0[1]];
    (expected.lanes[2].cells as Record<string, { score: number }>).s3.score = 2;
    expect(back).toEqual(expected);
  });

  it('reads a phase renamed on the canvas back onto every stage of its band, and persona edits', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(6, 1)); // phases: stages 1–4 "Phase 1", 5–6 "Phase 2"
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Semi Bold' });
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    const label = managed(frame, 'phase-label').find((n) => tagField(n, 'stage') === 's0') as TextNode;
    label.characters = 'Discovery';
    (managed(frame, 'persona-name')[0] as TextNode).characters = 'Sam Renamed';
    (managed(frame, 'persona-goal')[0] as TextNode).characters = '• Speed and calm';
    const back = (await read(p, frame.id)).map as JourneyMap;
    expect(back.stages.map((s) => s.phase)).toEqual([
      'Discovery',
      'Discovery',
      'Discovery',
      'Discovery',
      'Phase 2',
      'Phase 2',
    ]);
    expect(back.personas).toEqual([{ ...map.personas![0], name: 'Sam Renamed', goals: ['Speed and calm'] }]);
  });

  it('reads the map around the selection when no id is given, and says so when nothing is selected', async () => {
    const p = await startPlugin();
    const { frame } = await create(p, examples[0]);
    p.figma.currentPage.selection = [managed(frame, 'card')[0]];
    expect((await read(p)).nodeId).toBe(frame.id);
    p.figma.currentPage.selection = [];
    const error = p.expectReply(await p.send({ type: 'read' }), 'error');
    expect(error.code).toBe('not-found');
  });

  it('rebuilds from the canvas tags when the stored data is corrupted', async () => {
    const p = await startPlugin();
    const { frame } = await create(p, examples[1]);
    frame.setSharedPluginData('journeymap', 'map.0', '{"broken');
    frame.setSharedPluginData('journeymap', 'map.0', '{"broken');
    const reply = await read(p, frame.id);
    const expected = norm(examples[1]);
    const back = reply.map as JourneyMap;
    expect(back.stages.map((s) => s.name)).toEqual(expected.stages.map((s) => s.name));
    expect(back.lanes.map((l) => l.title)).toEqual(expected.lanes.map((l) => l.title));
    expect(reply.warnings?.join(' ')).toMatch(/rebuilt from the canvas/);
  });

  it('loads the map into the panel when opened from its "Edit journey map" button', async () => {
    const first = await startPlugin();
    const { frame } = await create(first, examples[2]);
    first.figma.currentPage.selection = [frame];
    // Relaunch: the same document, a new plugin run with command "edit".
    await first.fake.runCommand('edit');
    const replies = await first.send({ type: 'ready' });
    const map = first.expectReply(replies, 'map');
    expect(map.nodeId).toBe(frame.id);
    expect(map.map).toEqual(norm(examples[2]));
    // Only once: a later "ready" does not reload it over the panel's work.
    expect((await first.send({ type: 'ready' })).some((r) => r.type === 'map')).toBe(false);
  });

  it('tells the panel which maps are selected', async () => {
    const p = await startPlugin();
    const { frame } = await create(p, examples[0]);
    p.figma.currentPage.selection = [managed(frame, 'stage-name')[0]];
    const before = p.fake.uiMessages.length;
    p.fake.fireSelectionChange();
    expect(p.fake.uiMessages.slice(before)).toContainEqual({
      type: 'selection',
      maps: [{ nodeId: frame.id, title: frame.name }],
    });
  });
});

describe('update in place', () => {
  it('changes only what changed, keeps ids, position and designer nodes', async () => {
    const p = await startPlugin();
    const { frame, map, revision } = await create(p, syntheticMap(12, 8));
    frame.x = 1234;
    frame.y = -55;
    const cell = managed(frame, 'cell').find(
      (n) => tagField(n, 'lane') === 'l3' && tagField(n, 'stage') === 's5',
    ) as FrameNode;
    const sticker = p.figma.createRectangle();
    sticker.name = 'Designer sticker';
    cell.appendChild(sticker);
    const topNote = p.figma.createRectangle();
    frame.appendChild(topNote);
    const before = idsOf(frame);

    const edited = clone(map);
    (edited.lanes[0].cells as Record<string, string>).s4 = 'One cell changed';
    p.fake.resetStats();
    const updated = p.expectReply(await update(p, frame.id, edited, { baseRevision: revision }), 'updated');
    const written = p.fake.stats().nodesWritten;
    expect(updated.nodeId).toBe(frame.id);
    expect(updated.revision).toBe(revision + 1);
    expect(frame.x).toBe(1234);
    expect(frame.y).toBe(-55);
    expect(sticker.removed).toBe(false);
    expect(sticker.parent).toBe(cell);
    expect(topNote.parent).toBe(frame);
    expect(written).toBeLessThanOrEqual(4); // the text node and the frame's stored data
    expect(updated.stats).toMatchObject({ created: 0, removed: 0, updated: 1 });
    const after = idsOf(frame);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(cellText(frame, 'l0', 's4').characters).toBe('One cell changed');
    expect((await read(p, frame.id)).map).toEqual(edited);
    expect(p.fake.undoCommits).toBe(2);
  });

  it('writes the same small number of nodes for a one-cell edit whatever the map size', async () => {
    const counts: number[] = [];
    for (const [s, l] of [
      [5, 5],
      [12, 8],
      [40, 30],
    ]) {
      const p = await startPlugin();
      const { frame, map } = await create(p, syntheticMap(s, l));
      const edited = clone(map);
      (edited.lanes[0].cells as Record<string, string>).s1 = 'Edited';
      p.fake.resetStats();
      p.expectReply(await update(p, frame.id, edited), 'updated');
      counts.push(p.fake.stats().nodesWritten);
      uninstallFakeFigma();
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  it('moves columns on reorder, adds and removes stages, and keeps designer nodes of removed stages', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(5, 3));
    const headerIds = new Map(managed(frame, 'stage-header').map((n) => [tagField(n, 'stage'), n.id]));
    const doomedCell = managed(frame, 'cell').find((n) => tagField(n, 'stage') === 's2') as FrameNode;
    const screenshot = p.figma.createRectangle();
    screenshot.name = 'Screenshot';
    doomedCell.appendChild(screenshot);

    const edited = clone(map);
    edited.stages = [map.stages[4], map.stages[0], map.stages[1], map.stages[3], { id: 'new', name: 'Brand new' }];
    for (const lane of edited.lanes) delete (lane.cells as Record<string, unknown>).s2;
    const reply = p.expectReply(await update(p, frame.id, edited), 'updated');
    const headers = managed(frame, 'stage-header');
    expect(headers.map((n) => tagField(n, 'stage'))).toEqual(['s4', 's0', 's1', 's3', 'new']);
    for (const id of ['s4', 's0', 's1', 's3'])
      expect(headers.find((h) => tagField(h, 'stage') === id)!.id).toBe(headerIds.get(id));
    expect(screenshot.removed).toBe(false);
    const holding = screenshot.parent as FrameNode;
    expect(tagField(holding, 'role')).toBe('holding');
    expect(holding.parent).toBe(frame);
    expect(reply.stats.removed).toBeGreaterThan(0);
    expect(reply.stats.created).toBeGreaterThan(0);
    expect((await read(p, frame.id)).map).toEqual(norm(edited));
  });

  it('keeps a designer’s styling on nodes whose data did not change, and a renamed frame name', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(4, 3));
    const card = managed(frame, 'card')[0] as FrameNode;
    const pink: SolidPaint = { type: 'SOLID', color: { r: 1, g: 0.4, b: 0.8 } };
    card.fills = [pink];
    frame.name = 'My renamed map';
    const edited = clone(map);
    edited.title = 'New title';
    (edited.lanes[0].cells as Record<string, string>).s3 = 'changed';
    p.expectReply(await update(p, frame.id, edited, { force: true }), 'updated');
    expect(card.fills).toMatchObject([pink]); // Figma reads paints back with defaults (visible, blendMode) filled in
    expect(frame.name).toBe('My renamed map');
    expect(managed(frame, 'title')[0]).toHaveProperty('characters', 'New title');
  });

  it('keeps stage columns a designer resized', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, syntheticMap(3, 2));
    for (const h of managed(frame, 'stage-header') as FrameNode[]) h.resize(320, h.height);
    const edited = clone(map);
    edited.stages.push({ id: 'x', name: 'Extra' });
    p.expectReply(await update(p, frame.id, edited, { force: true }), 'updated');
    expect((managed(frame, 'stage-header') as FrameNode[]).map((h) => h.width)).toEqual([320, 320, 320, 320]);
  });

  it('refuses to overwrite canvas edits made since the panel loaded the map, unless forced', async () => {
    const p = await startPlugin();
    const { frame, map, revision } = await create(p, syntheticMap(3, 2));
    await p.figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    cellText(frame, 'l0', 's0').characters = 'Canvas edit';
    const edited = clone(map);
    edited.title = 'Panel edit';
    p.fake.resetStats();
    const error = p.expectReply(await update(p, frame.id, edited, { baseRevision: revision }), 'error');
    expect(error.code).toBe('conflict');
    expect(p.fake.stats().writes).toBe(0);
    expect(cellText(frame, 'l0', 's0').characters).toBe('Canvas edit');
    p.expectReply(await update(p, frame.id, edited, { baseRevision: revision, force: true }), 'updated');
    // a stale revision is a conflict too
    const stale = p.expectReply(await update(p, frame.id, edited, { baseRevision: revision }), 'error');
    expect(stale.code).toBe('conflict');
  });

  it('random edits then update then read give the edited map; unchanged nodes keep their ids', async () => {
    const arbEdit = fc.record({
      rename: fc.option(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        { nil: undefined },
      ),
      cell: fc.option(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
        { nil: undefined },
      ),
      reverse: fc.boolean(),
      drop: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(arbMapInput({ maxStages: 6, maxLanes: 4 }), arbEdit, async (input, e) => {
        const p = await startPlugin();
        const { frame, map } = await create(p, input);
        const edited = clone(map);
        if (e.rename) edited.stages[0].name = e.rename;
        const textLane = edited.lanes.find((l) => l.kind === 'text');
        if (e.cell && textLane) (textLane.cells ??= {})[edited.stages[0].id] = e.cell;
        if (e.reverse) edited.stages.reverse();
        if (e.drop && edited.stages.length > 1) {
          const gone = edited.stages.pop()!;
          for (const lane of edited.lanes) delete (lane.cells as Record<string, unknown> | undefined)?.[gone.id];
        }
        const keptStages = new Set(edited.stages.map((s) => s.id));
        const headerIds = new Map(managed(frame, 'stage-header').map((n) => [tagField(n, 'stage'), n.id]));
        const x = frame.x;
        const designer = p.figma.createRectangle();
        frame.appendChild(designer);
        p.expectReply(await update(p, frame.id, edited), 'updated');
        const want = norm(edited);
        expect((await read(p, frame.id)).map).toEqual(want);
        expect(frame.x).toBe(x);
        expect(designer.removed).toBe(false);
        for (const h of managed(frame, 'stage-header')) {
          const id = tagField(h, 'stage');
          if (keptStages.has(id) && headerIds.has(id)) expect(h.id).toBe(headerIds.get(id));
        }
        uninstallFakeFigma();
      }),
      { numRuns: 25 },
    );
  });

  it('answers not-found for a frame that is gone', async () => {
    const p = await startPlugin();
    const { frame, map } = await create(p, examples[0]);
    frame.remove();
    const error = p.expectReply(await update(p, frame.id, map), 'error');
    expect(error.code).toBe('not-found');
  });
});
