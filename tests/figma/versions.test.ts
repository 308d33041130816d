/**
 * Named versions and the history of a map (src/figma/versions.ts), through the messages the
 * panel sends (src/protocol.ts): saved, listed, loaded, deleted, at most ten; found again after
 * a duplicate, a paste into another file and a plugin restart; every create and update in the
 * history; bad input gets a located message and changes nothing; a comparison is a diff reply,
 * or a frame drawn beside the map that never touches the map. (How they are stored:
 * versions-store.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { applyDiff, type MapDiff } from '../../src/model/diff';
import { MAX_VERSIONS, listVersions, readHistory } from '../../src/figma/versions';
import { findMapFrame } from '../../src/figma/tree';
import { COMPARE } from '../../src/figma/compare-frame';
import { rgbToHex } from '../../src/layout/color';
import { uninstallFakeFigma, type FakeFigma } from '../support/figma-fake';
import { syntheticMap } from '../../bench/synthetic';
import { dumpMap } from '../support/dump';
import { checkGeometry } from '../support/fake-geometry';
import { clone, norm } from '../support/maps';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());

const NS = 'journeymap';

async function create(p: Plugin, map: unknown) {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
  return { frame, map: created.map as JourneyMap };
}

/** Every entry of shared plugin data on the frame. */
function entries(node: BaseNode): Record<string, string> {
  return Object.fromEntries(node.getSharedPluginDataKeys(NS).map((k) => [k, node.getSharedPluginData(NS, k)]));
}

/** Everything on and under a node: ids, names, texts, plugin data; to prove "unchanged". */
function snapshot(node: BaseNode): string {
  return JSON.stringify(
    allNodes(node).map((n) => [n.id, n.name, n.type === 'TEXT' ? (n as TextNode).characters : '', entries(n)]),
  );
}

const map = () =>
  norm({
    title: 'Shoes',
    stages: [{ name: 'Search' }, { name: 'Choose' }, { name: 'Checkout' }],
    lanes: [
      { title: 'Doing', kind: 'text', cells: { search: 'Googles', checkout: 'Pays' } },
      { title: 'Today', kind: 'emotion', cells: { search: { score: 1 }, checkout: { score: 1 } } },
    ],
  });

describe('versions through messages', () => {
  it('saves named versions of the canvas or of the panel data, lists, loads and deletes them', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    const saved = p.expectReply(
      await p.send({ type: 'save-version', nodeId: frame.id, name: '  As-is, June  ' }),
      'versions',
    );
    expect(saved.versions).toEqual([{ id: 'v1', name: 'As-is, June', date: expect.any(String), revision: 1 }]);
    expect(saved.saved).toBe('v1');
    expect(saved.max).toBe(MAX_VERSIONS);
    expect(new Date(saved.versions[0].date).toString()).not.toBe('Invalid Date');

    const panel = clone(a);
    panel.stages[0].name = 'Search online';
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'Draft', map: panel }), 'versions');
    const listed = p.expectReply(await p.send({ type: 'list-versions', nodeId: frame.id }), 'versions');
    expect(listed.versions.map((v) => [v.id, v.name])).toEqual([
      ['v1', 'As-is, June'],
      ['v2', 'Draft'],
    ]);
    expect(listed.history.map((h) => [h.revision, h.summary])).toEqual([[1, 'created: 3 stages, 2 lanes']]);

    const v1 = p.expectReply(await p.send({ type: 'load-version', nodeId: frame.id, versionId: 'v1' }), 'version');
    expect(v1.map).toEqual(a);
    const v2 = p.expectReply(await p.send({ type: 'load-version', nodeId: frame.id, versionId: 'v2' }), 'version');
    expect(v2.map).toEqual(panel);

    const after = p.expectReply(
      await p.send({ type: 'delete-version', nodeId: frame.id, versionId: 'v1' }),
      'versions',
    );
    expect(after.versions.map((v) => v.id)).toEqual(['v2']);
    // Ids are never reused: the next one is v3.
    const third = p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'Third' }), 'versions');
    expect(third.saved).toBe('v3');
  });

  it('refuses bad input with a located message and changes nothing; no exception escapes', async () => {
    const p = await startPlugin();
    const { frame } = await create(p, map());
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'Kept' }), 'versions');
    const before = snapshot(p.figma.currentPage);
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{ type: 'save-version', nodeId: frame.id, name: '   ' }, 'invalid', 'name'],
      [{ type: 'save-version', nodeId: frame.id, name: 'x'.repeat(81) }, 'invalid', 'name'],
      [
        { type: 'save-version', nodeId: frame.id, name: 'Bad map', map: { title: 'x', stages: [] } },
        'invalid',
        'stages',
      ],
      [{ type: 'save-version', nodeId: frame.id }, 'invalid', 'name'],
      [{ type: 'save-version', nodeId: '999:999', name: 'Nowhere' }, 'not-found'],
      [{ type: 'delete-version', nodeId: frame.id, versionId: 'v9' }, 'not-found'],
      [{ type: 'load-version', nodeId: frame.id, versionId: 'v9' }, 'not-found'],
      [{ type: 'compare', nodeId: frame.id, a: 'v9' }, 'not-found'],
      [{ type: 'compare', nodeId: frame.id, a: 'v1', b: 'v9' }, 'not-found'],
      [{ type: 'compare', nodeId: frame.id, a: 'current' }, 'not-found'],
      [
        { type: 'compare', nodeId: frame.id, map: { title: 'x', stages: [{ name: 'A', moment: 'yes' }] } },
        'invalid',
        'stages[0].moment',
      ],
      [{ type: 'draw-comparison', nodeId: frame.id, a: 'v9' }, 'not-found'],
      [{ type: 'list-versions' }, 'invalid', 'nodeId'],
      [{ type: 'delete-version', nodeId: frame.id, versionId: '' }, 'invalid', 'versionId'],
    ];
    for (const [msg, code, path] of cases) {
      const error = p.expectReply(await p.send(msg), 'error');
      expect(error.code, JSON.stringify(msg)).toBe(code);
      if (path)
        expect(
          error.issues.map((i) => i.path),
          JSON.stringify(msg),
        ).toContain(path);
    }
    expect(snapshot(p.figma.currentPage)).toBe(before);
  });

  it('keeps at most 10 versions: the 11th is refused and nothing is written', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    for (let i = 1; i <= MAX_VERSIONS; i++) {
      const m = clone(a);
      m.title = `Shoes ${i}`;
      p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: `V${i}`, map: m }), 'versions');
    }
    const before = entries(frame);
    const error = p.expectReply(
      await p.send({ type: 'save-version', nodeId: frame.id, name: 'One too many' }),
      'error',
    );
    expect(error.message).toContain('at most 10 versions');
    expect(entries(frame)).toEqual(before);
  });

  it('compares the latest version with the canvas, with the panel data, and two versions', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'As-is' }), 'versions');
    const b = clone(a);
    b.stages.push({ id: 'wait', name: 'Wait' });
    (b.lanes[1].cells as Record<string, { score: number }>).checkout.score = -0.5;
    p.expectReply(await p.send({ type: 'update', nodeId: frame.id, map: b }), 'updated');

    const now = p.expectReply(await p.send({ type: 'compare', nodeId: frame.id }), 'comparison');
    expect(now.a).toMatchObject({ id: 'v1', name: 'As-is', revision: 1 });
    expect(now.b).toMatchObject({ id: 'current', name: 'Current', revision: 2 });
    expect(now.diff.summary).toBe("stage 'Wait' added, curve 'Today' −1.5 at Checkout");
    expect(applyDiff(a, now.diff as MapDiff)).toEqual(b);

    const panel = clone(b);
    panel.title = 'Shoes, to be';
    const withPanel = p.expectReply(await p.send({ type: 'compare', nodeId: frame.id, map: panel }), 'comparison');
    expect(applyDiff(a, withPanel.diff as MapDiff)).toEqual(panel);

    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'To-be' }), 'versions');
    const two = p.expectReply(await p.send({ type: 'compare', nodeId: frame.id, a: 'v1', b: 'v2' }), 'comparison');
    expect([two.a.id, two.b.id, two.diff.summary]).toEqual(['v1', 'v2', now.diff.summary]);
    const none = p.expectReply(await p.send({ type: 'compare', nodeId: frame.id, a: 'v2' }), 'comparison');
    expect([none.diff.count, none.diff.summary]).toEqual([0, 'no changes']);

    // The history says what each update did, in words.
    const listed = p.expectReply(await p.send({ type: 'list-versions', nodeId: frame.id }), 'versions');
    expect(listed.history.map((h) => h.summary)).toEqual(['created: 3 stages, 2 lanes', now.diff.summary]);
  });

  it('are found again after a duplicate (Cmd+D), and each frame keeps its own from then on', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'Before the copy' }), 'versions');
    const copy = frame.clone();
    const listed = p.expectReply(await p.send({ type: 'list-versions', nodeId: copy.id }), 'versions');
    expect(listed.nodeId).toBe(copy.id);
    expect(listed.versions.map((v) => v.name)).toEqual(['Before the copy']);
    expect(
      p.expectReply(await p.send({ type: 'load-version', nodeId: copy.id, versionId: 'v1' }), 'version').map,
    ).toEqual(a);
    p.expectReply(await p.send({ type: 'save-version', nodeId: copy.id, name: 'Copy only' }), 'versions');
    expect(listVersions(frame).map((v) => v.name)).toEqual(['Before the copy']);
    expect(listVersions(copy).map((v) => v.name)).toEqual(['Before the copy', 'Copy only']);
  });

  it('are found again in a copy pasted into another file, and after a plugin restart', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, syntheticMap(4, 3));
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'Workshop' }), 'versions');
    const b = clone(a);
    b.stages[0].name = 'Renamed';
    p.expectReply(await p.send({ type: 'update', nodeId: frame.id, map: b }), 'updated');
    const copied = copyTree(frame);
    const history = readHistory(frame);
    uninstallFakeFigma();

    // Another file: a new document, the frame pasted with new ids (shared plugin data goes along).
    const q = await startPlugin();
    await loadInter(q.fake);
    q.figma.currentPage.appendChild(q.figma.createRectangle()); // the other file has layers of its own
    const pasted = pasteTree(q.fake, copied) as FrameNode;
    expect(pasted.id).not.toBe(frame.id);
    const listed = q.expectReply(await q.send({ type: 'list-versions', nodeId: pasted.id }), 'versions');
    expect(listed.versions.map((v) => v.name)).toEqual(['Workshop']);
    expect(listed.history).toEqual(history);
    expect(
      q.expectReply(await q.send({ type: 'load-version', nodeId: pasted.id, versionId: 'v1' }), 'version').map,
    ).toEqual(a);
    const cmp = q.expectReply(await q.send({ type: 'compare', nodeId: pasted.id }), 'comparison');
    expect(cmp.diff.summary).toBe(`stage '${a.stages[0].name}' renamed 'Renamed'`);

    // A restart: the plugin's code runs afresh (nothing kept in memory) over the same document.
    vi.resetModules();
    await import('../../src/main');
    await q.fake.runCommand('open');
    const again = q.expectReply(await q.send({ type: 'list-versions', nodeId: pasted.id }), 'versions');
    expect(again.versions.map((v) => v.name)).toEqual(['Workshop']);
    expect(
      q.expectReply(await q.send({ type: 'load-version', nodeId: pasted.id, versionId: 'v1' }), 'version').map,
    ).toEqual(a);
    // And an update there goes on with the history.
    q.expectReply(await q.send({ type: 'update', nodeId: pasted.id, map: a, force: true }), 'updated');
    expect(readHistory(pasted).length).toBe(history.length + 1);
  });
});

describe('history through updates', () => {
  it('a damaged history never fails an update', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    frame.setSharedPluginData(NS, 'history', '[{"revision": "x"}]');
    const b = clone(a);
    b.title = 'Retitled';
    p.expectReply(await p.send({ type: 'update', nodeId: frame.id, map: b }), 'updated');
    expect(readHistory(frame).map((e) => e.summary)).toEqual(['title changed']);
  });

  it('an update that changes nothing keeps its revision, adds no history line and writes nothing', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    const first = p.expectReply(
      await p.send({ type: 'update', nodeId: frame.id, map: { ...a, title: 'B' } }),
      'updated',
    );
    const before = snapshot(frame);
    p.fake.resetStats();
    const again = p.expectReply(
      await p.send({ type: 'update', nodeId: frame.id, map: first.map, baseRevision: first.revision }),
      'updated',
    );
    expect(again.revision).toBe(first.revision);
    expect(again.stats).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(p.fake.stats().writes).toBe(0);
    expect(snapshot(frame)).toBe(before);
    expect(readHistory(frame).map((e) => e.revision)).toEqual([1, 2]);
    // The next real change continues from the kept revision.
    const next = p.expectReply(
      await p.send({
        type: 'update',
        nodeId: frame.id,
        map: { ...(first.map as JourneyMap), title: 'C' },
        baseRevision: again.revision,
      }),
      'updated',
    );
    expect(next.revision).toBe(first.revision + 1);
    expect(readHistory(frame).map((e) => e.summary)).toEqual([
      'created: 3 stages, 2 lanes',
      'title changed',
      'title changed',
    ]);
  });
  it("a copy's first Update, even with nothing changed, gives the copy a revision of its own", async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    const copy = frame.clone();
    const replies = await p.send({ type: 'update', nodeId: copy.id, map: a });
    expect(p.expectReply(replies, 'updated').revision).toBe(1);
    expect(copy.getSharedPluginData(NS, 'revision')).toBe(`${copy.id}:1`);
  });
});

describe('draw-comparison', () => {
  it('draws a separate frame beside the map, never touching the map', async () => {
    const p = await startPlugin();
    const input = syntheticMap(5, 4);
    const { frame, map: a } = await create(p, input);
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'As-is' }), 'versions');
    const b = clone(a);
    b.stages.splice(2, 0, { id: 'new', name: 'New step' });
    b.stages[0].name = 'Renamed first';
    const textLane = b.lanes.find((l) => l.kind === 'text')!;
    (textLane.cells as Record<string, string>).s1 = 'Changed text';
    const emotion = b.lanes.find((l) => l.kind === 'emotion')!;
    const cells = emotion.cells as Record<string, { score: number }>;
    cells.s3 = { score: cells.s3 ? -cells.s3.score || 1 : 1 };
    b.lanes.splice(1, 1);
    p.expectReply(await p.send({ type: 'update', nodeId: frame.id, map: b }), 'updated');

    const mapBefore = snapshot(frame);
    const dumpBefore = JSON.stringify(dumpMap(frame));
    const drawn = p.expectReply(await p.send({ type: 'draw-comparison', nodeId: frame.id }), 'comparison-drawn');
    expect(snapshot(frame)).toBe(mapBefore);
    expect(JSON.stringify(dumpMap(frame))).toBe(dumpBefore);
    const cmp = (await p.figma.getNodeByIdAsync(drawn.frameId)) as FrameNode;
    // Beside the map, on its page, not inside it; never taken for a map.
    expect(cmp.parent).toBe(frame.parent);
    expect(cmp.x).toBeGreaterThan(frame.x + frame.width);
    expect(findMapFrame(cmp)).toBeUndefined();
    expect(findMapFrame(managed(cmp, 'stage-name')[0])).toBeUndefined();
    p.figma.currentPage.selection = [managed(cmp, 'cell-text')[0]];
    p.fake.fireSelectionChange();
    expect(p.fake.uiMessages.at(-1)).toEqual({ type: 'selection', maps: [] });
    expect(drawn.summary).toBe(
      p.expectReply(await p.send({ type: 'compare', nodeId: frame.id }), 'comparison').diff.summary,
    );
    // What it shows: the banner, the changed cell with what it held, the new stage, the older curve.
    const texts = managed(cmp, 'comparison')
      .filter((n) => n.type === 'TEXT')
      .map((n) => (n as TextNode).characters);
    expect(texts[0]).toBe('What changed: As-is → Current');
    expect(texts).toContain(drawn.summary[0].toUpperCase() + drawn.summary.slice(1));
    expect(texts.some((t) => t.startsWith('Removed (not shown below): lane'))).toBe(true);
    expect(texts).toContain('New stage');
    expect(texts.some((t) => t.startsWith('Renamed · was'))).toBe(true);
    const oldText = (a.lanes.find((l) => l.id === textLane.id)!.cells as Record<string, string>).s1;
    expect(texts).toContain(`Before: ${oldText}`);
    const changedCell = managed(cmp, 'cell').find(
      (n) => tagField(n, 'lane') === textLane.id && tagField(n, 'stage') === 's1',
    ) as FrameNode;
    expect((changedCell.strokes[0] as SolidPaint).color).toBeDefined();
    const older = managed(cmp, 'comparison').filter((n) => n.type === 'VECTOR');
    expect(older.length).toBeGreaterThan(0);
    expect(older.every((v) => ((v as VectorNode).strokes[0] as SolidPaint).opacity! < 0.5)).toBe(true);
    // The moved score's marker is ringed in the "changed" blue; the markers that did not move are not.
    const blue = (n: SceneNode) => {
      const c = ((n as EllipseNode).strokes[0] as SolidPaint).color;
      return rgbToHex(c).toUpperCase() === COMPARE.changedBorder;
    };
    const ringed = managed(cmp, 'emotion-marker')
      .filter(blue)
      .map((n) => `${tagField(n, 'lane')}/${tagField(n, 'stage')}`);
    expect(ringed).toEqual([`${emotion.id}/s3`]);
    expect(checkGeometry(cmp).problems).toEqual([]);

    // Drawn again: it replaces the earlier comparison of this map.
    const again = p.expectReply(await p.send({ type: 'draw-comparison', nodeId: frame.id }), 'comparison-drawn');
    expect(cmp.removed).toBe(true);
    const comparisons = p.figma.currentPage.children.filter((n) => tagField(n, 'role') === 'comparison');
    expect(comparisons.map((n) => n.id)).toEqual([again.frameId]);
    expect(snapshot(frame)).toBe(mapBefore);
  });
});

async function loadInter(fake: FakeFigma) {
  for (const style of ['Regular', 'Medium', 'Semi Bold', 'Bold', 'Italic'])
    await fake.figma.loadFontAsync({ family: 'Inter', style });
}

interface Copied {
  type: SceneNode['type'];
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  data: Record<string, string>;
  text?: { characters: string; fontName: FontName };
  children: Copied[];
}

/** What the clipboard carries of a node: its type, place, size, text and shared plugin data. */
function copyTree(node: SceneNode): Copied {
  return {
    type: node.type,
    name: node.name,
    x: node.x,
    y: node.y,
    width: node.width,
    height: node.height,
    data: entries(node),
    text: node.type === 'TEXT' ? { characters: node.characters, fontName: node.fontName as FontName } : undefined,
    children: 'children' in node ? (node as FrameNode).children.map(copyTree) : [],
  };
}

/** Paste a copied tree into the current page of another document (every node gets a new id). */
function pasteTree(fake: FakeFigma, c: Copied, parent: BaseNode & ChildrenMixin = fake.figma.currentPage): SceneNode {
  const f = fake.figma;
  const node =
    c.type === 'TEXT'
      ? f.createText()
      : c.type === 'VECTOR'
        ? f.createVector()
        : c.type === 'ELLIPSE'
          ? f.createEllipse()
          : c.type === 'RECTANGLE'
            ? f.createRectangle()
            : f.createFrame();
  parent.appendChild(node);
  node.name = c.name;
  if (c.text) {
    (node as TextNode).fontName = c.text.fontName;
    (node as TextNode).characters = c.text.characters;
  } else (node as FrameNode).resize(Math.max(0.01, c.width), Math.max(0.01, c.height));
  node.x = c.x;
  node.y = c.y;
  for (const [k, v] of Object.entries(c.data)) node.setSharedPluginData(NS, k, v);
  for (const child of c.children) pasteTree(fake, child, node as FrameNode);
  return node;
}

describe('comparison frame, more', () => {
  it('marks a note new (green) or changed (blue) on the curve', async () => {
    const { comparisonSpec, COMPARE } = await import('../../src/figma/compare-frame');
    const { diffMaps } = await import('../../src/model/diff');
    const { PREFERRED_FONTS, solid } = await import('../../src/layout/theme');
    const a = norm({
      title: 'T',
      stages: [{ name: 'A' }, { name: 'B' }],
      lanes: [{ title: 'Feel', kind: 'emotion', cells: { a: { score: 1, note: 'Old' }, b: { score: 0 } } }],
    });
    const b = clone(a);
    const cells = b.lanes[0].cells as Record<string, { score: number; note?: string }>;
    cells.a.note = 'Changed';
    cells.b.note = 'Added';
    const spec = comparisonSpec(a, b, diffMaps(a, b), { older: 'v1', newer: 'now' }, PREFERRED_FONTS);
    const pills: Record<string, unknown> = {};
    const walk = (n: import('../../src/layout/spec').NodeSpec) => {
      if (n.tag.role === 'emotion-note-pill') pills[n.tag.stage!] = n.props.strokes;
      n.children?.forEach(walk);
    };
    walk(spec);
    expect(pills).toEqual({ a: solid(COMPARE.changedBorder), b: solid(COMPARE.newBorder) });
    expect(spec.tag.role).toBe('comparison');
  });

  it('a drawing that fails part-way leaves the earlier comparison and the page as they were', async () => {
    const p = await startPlugin();
    const { frame, map: a } = await create(p, map());
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'As-is' }), 'versions');
    const b = { ...a, title: 'To-be' };
    const first = p.expectReply(
      await p.send({ type: 'draw-comparison', nodeId: frame.id, map: b }),
      'comparison-drawn',
    );
    const pageBefore = snapshot(p.figma.currentPage);
    const api = p.figma as unknown as { createText: () => TextNode };
    const real = api.createText;
    let calls = 0;
    api.createText = () => {
      if (++calls === 5) throw new Error('Simulated Figma failure');
      return real();
    };
    const replies = await p.send({ type: 'draw-comparison', nodeId: frame.id, map: b });
    api.createText = real;
    expect(p.expectReply(replies, 'error').message).toMatch(/Simulated Figma failure/);
    expect((await p.figma.getNodeByIdAsync(first.frameId))?.removed).toBe(false);
    expect(snapshot(p.figma.currentPage)).toBe(pageBefore);
  });

  it('refuses a comparison past the layer limit, drawing nothing', async () => {
    const { buildMapSpec } = await import('../../src/layout/map-spec');
    const { PREFERRED_FONTS } = await import('../../src/layout/theme');
    const { LIMITS } = await import('../../src/model');
    const count = (s: import('../../src/layout/spec').NodeSpec): number =>
      1 + (s.children ?? []).reduce((n, c) => n + count(c), 0);
    // 40 stages, a text lane, and cards added until the map is just under the limit.
    const stages = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
    const text: Record<string, string> = Object.fromEntries(stages.map((s) => [s.id, 'Before']));
    const lanes: Array<{ id: string; title: string; kind: 'cards'; cells: Record<string, string[]> }> = [];
    const input = () => ({ title: 'Big', stages, lanes: [{ title: 'Doing', kind: 'text', cells: text }, ...lanes] });
    let n = count(buildMapSpec(norm(input()), { fonts: PREFERRED_FONTS }));
    for (let l = 0; n < LIMITS.totalNodes - 30; l++) {
      lanes.push({ id: `c${l}`, title: `Cards ${l}`, kind: 'cards', cells: {} });
      for (const s of stages) {
        if (n >= LIMITS.totalNodes - 30) break;
        lanes[l].cells[s.id] = Array.from({ length: 12 }, (_, k) => `Card ${k}`);
        n = count(buildMapSpec(norm(input()), { fonts: PREFERRED_FONTS }));
      }
    }
    expect(n).toBeLessThanOrEqual(LIMITS.totalNodes);
    const p = await startPlugin();
    const { frame, map: a } = await create(p, input());
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'Before' }), 'versions');
    const b = clone(a);
    for (const s of stages) (b.lanes[0].cells as Record<string, string>)[s.id] = 'After';
    const pageBefore = snapshot(p.figma.currentPage);
    const error = p.expectReply(await p.send({ type: 'draw-comparison', nodeId: frame.id, map: b }), 'error');
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/This comparison would need [\d,]+ layers; the limit is 15,000/);
    expect(snapshot(p.figma.currentPage)).toBe(pageBefore);
  }, 120_000);
});
