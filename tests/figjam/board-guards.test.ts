/**
 * FigJam boards, guarded as maps are in Figma Design: a board dropped into another is the
 * participants' node there and survives the outer board's update; a board saved by a newer
 * plugin is refused even on Overwrite; an Update that changes nothing keeps its revision and
 * adds no history line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/figma/versions';
import { uninstallFakeFigma } from '../support/figma-fake';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());

const BOARD = {
  title: 'Workshop',
  stages: [
    { id: 'a', name: 'Discover' },
    { id: 'b', name: 'Buy' },
  ],
  lanes: [{ id: 'pains', title: 'Pain points', kind: 'cards', cells: { a: ['Too many tabs'] } }],
};

/** Every node on the page with its name and plugin data: to prove "unchanged". */
const snapshot = (p: Plugin) =>
  JSON.stringify(
    allNodes(p.figma.currentPage).map((n) => [
      n.id,
      n.name,
      n.getSharedPluginDataKeys('journeymap').map((k) => [k, n.getSharedPluginData('journeymap', k)]),
    ]),
  );

async function board(p: Plugin, map: object): Promise<SectionNode> {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  return (await p.figma.getNodeByIdAsync(created.nodeId)) as SectionNode;
}

describe('FigJam board guards', () => {
  it('a board dropped into another survives the outer one’s Overwrite, stickies and all', async () => {
    const p = await startPlugin({ editorType: 'figjam' });
    const outer = await board(p, BOARD);
    const inner = await board(p, { ...BOARD, title: 'Inner' });
    outer.appendChild(inner);
    const innerNodes = allNodes(inner).length;
    const replies = await p.send({
      type: 'update',
      nodeId: outer.id,
      map: { ...BOARD, title: 'Outer, edited' },
      force: true,
    });
    p.expectReply(replies, 'updated');
    expect(inner.removed).toBe(false);
    expect(inner.parent).toBe(outer);
    expect(allNodes(inner).length).toBe(innerNodes);
    // The inner board's sticky is not read as the outer board's.
    const back = p.expectReply(await p.send({ type: 'read', nodeId: outer.id }), 'map');
    expect((back.map as { lanes: { cells: Record<string, unknown[]> }[] }).lanes[0].cells).toEqual({
      a: ['Too many tabs'],
    });
  });

  it('a board saved by a newer plugin version is refused, Overwrite included, and nothing changes', async () => {
    const p = await startPlugin({ editorType: 'figjam' });
    const section = await board(p, BOARD);
    section.setSharedPluginData('journeymap', 'format', '3');
    const before = snapshot(p);
    const replies = await p.send({ type: 'update', nodeId: section.id, map: BOARD, force: true });
    expect(p.expectReply(replies, 'error').message).toMatch(/newer version of the plugin/);
    expect(snapshot(p)).toBe(before);
  });

  it('an Update with nothing changed keeps the revision and adds no history line', async () => {
    const p = await startPlugin({ editorType: 'figjam' });
    const section = await board(p, BOARD);
    const first = p.expectReply(await p.send({ type: 'update', nodeId: section.id, map: BOARD }), 'updated');
    expect(first.revision).toBe(1);
    expect(readHistory(section).map((e) => e.revision)).toEqual([1]);
    const changed = p.expectReply(
      await p.send({ type: 'update', nodeId: section.id, map: { ...BOARD, title: 'Renamed' } }),
      'updated',
    );
    expect(changed.revision).toBe(2);
    expect(readHistory(section).map((e) => e.revision)).toEqual([1, 2]);
  });

  it('an Overwrite that undoes a dragged dot is a new revision: a panel that read the dot gets a conflict', async () => {
    const p = await startPlugin({ editorType: 'figjam' });
    const map = {
      ...BOARD,
      lanes: [{ id: 'feel', title: 'Feel', kind: 'emotion', cells: { a: { score: 1 }, b: { score: -1 } } }],
    };
    const section = await board(p, map);
    const dot = managed(section, 'emotion-marker').find((n) => tagField(n, 'stage') === 'b') as SceneNode;
    dot.y += 40;
    const stale = p.expectReply(await p.send({ type: 'read', nodeId: section.id }), 'map');
    const overwrite = p.expectReply(await p.send({ type: 'update', nodeId: section.id, map, force: true }), 'updated');
    expect(overwrite.revision).toBe(stale.revision + 1);
    const replies = await p.send({
      type: 'update',
      nodeId: section.id,
      map: { ...(stale.map as object), title: 'From the stale panel' },
      baseRevision: stale.revision,
      baseCanvas: stale.canvas,
    });
    expect(p.expectReply(replies, 'error').code).toBe('conflict');
  });
});
