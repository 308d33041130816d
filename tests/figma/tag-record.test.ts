/**
 * The tags an operation read and wrote, kept for the next update of the same frame
 * (src/figma/node-cache.ts): that update takes each recorded node's tag and id from the
 * record instead of reading them again. Right only while nothing else changed a tag, so
 * these tests change tags the ways Figma can behind the plugin's back (Undo, a tag
 * written outside an operation, a failed update, a designer's copy) and check that the
 * next update still equals a fresh create, and that it read the tags again where it had to.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMap, forgetDrawn, updateMap } from '../../src/figma/map-ops';
import { NAMESPACE } from '../../src/figma/node-data';
import { rawTag, writeRawTag } from '../../src/figma/tags';
import type { JourneyMap } from '../../src/model';
import { syntheticMap } from '../../bench/synthetic';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { diffDumps, dumpMap } from '../support/dump';
import { allNodes, managed } from '../support/plugin';
import { freshDump } from '../support/fresh-dump';

afterEach(() => {
  vi.restoreAllMocks();
  uninstallFakeFigma();
});

function editCell(map: JourneyMap, lane: number, stage: number, text: string): JourneyMap {
  const m = structuredClone(map);
  (m.lanes[lane].cells as Record<string, string>)[m.stages[stage].id] = text;
  return m;
}

/** Plugin data and texts of every node under `frame`: what Undo puts back, for a text edit. */
function snapshot(frame: FrameNode) {
  return allNodes(frame).map((node) => ({
    node,
    data: Object.fromEntries(
      node.getSharedPluginDataKeys(NAMESPACE).map((k) => [k, node.getSharedPluginData(NAMESPACE, k)]),
    ),
    characters: node.type === 'TEXT' ? node.characters : undefined,
  }));
}

function restore(shot: ReturnType<typeof snapshot>) {
  for (const { node, data, characters } of shot) {
    for (const k of node.getSharedPluginDataKeys(NAMESPACE))
      if (!(k in data)) node.setSharedPluginData(NAMESPACE, k, '');
    for (const [k, v] of Object.entries(data)) node.setSharedPluginData(NAMESPACE, k, v);
    if (characters !== undefined) (node as TextNode).characters = characters;
  }
}

/** Reads of `update` on a map created from `map` and updated to `first`, with this run's record or cold. */
async function readsOfSecondUpdate(map: JourneyMap, first: JourneyMap, second: JourneyMap, cold: boolean) {
  const fake = installFakeFigma();
  const { frame } = await createMap(map);
  await updateMap(frame, first);
  void frame.height;
  if (cold) forgetDrawn();
  fake.resetStats();
  await updateMap(frame, second);
  const stats = fake.stats();
  const dump = dumpMap(frame);
  uninstallFakeFigma();
  return { ...stats, dump };
}

/** Reads of `update(create(map), next)` with no record (caches dropped, as after the plugin reopens). */
async function coldReads(map: JourneyMap, next: JourneyMap): Promise<number> {
  const fake = installFakeFigma();
  try {
    const { frame } = await createMap(map);
    forgetDrawn();
    fake.resetStats();
    await updateMap(frame, next);
    return fake.stats().reads;
  } finally {
    uninstallFakeFigma();
  }
}

/** Layers a create of `map` puts on the canvas. */
async function layers(map: JourneyMap): Promise<number> {
  installFakeFigma();
  try {
    return allNodes((await createMap(map)).frame).length;
  } finally {
    uninstallFakeFigma();
  }
}

describe('the tag record an update leaves for the next one', () => {
  const map = syntheticMap(8, 6);
  const first = editCell(map, 0, 1, 'First edit');
  const second = editCell(first, 0, 2, 'Second edit');

  it('lets the next update skip reading the tags and ids of the nodes it recorded, and draw the same', async () => {
    const warm = await readsOfSecondUpdate(map, first, second, false);
    const cold = await readsOfSecondUpdate(map, first, second, true);
    const nodes = await layers(second);
    // Cold reads each node's tag and id (2 reads a node); warm reads neither for recorded nodes.
    expect(cold.reads - warm.reads).toBeGreaterThan(1.5 * nodes);
    expect(warm.writes).toBe(cold.writes);
    expect(warm.nodesWritten).toBe(cold.nodesWritten);
    const expected = await freshDump(second);
    expect(diffDumps(warm.dump, expected)).toEqual([]);
    expect(diffDumps(cold.dump, expected)).toEqual([]);
  });

  it('after an Undo put back the tags and the stored map, reads the tags again and still equals a fresh create', async () => {
    installFakeFigma();
    const { frame } = await createMap(map);
    const before = snapshot(frame);
    await updateMap(frame, first);
    // Cmd+Z: the text, its tag (with the hash of what was written) and the map stored on the frame
    // are as before the update. The record still says what the update wrote.
    restore(before);
    await updateMap(frame, first);
    expect(diffDumps(dumpMap(frame), await freshDump(first))).toEqual([]);
  });

  it('does not use a record after the update that followed it failed and was rolled back', async () => {
    const fake = installFakeFigma();
    const { frame } = await createMap(map);
    const real = fake.figma.createText.bind(fake.figma);
    vi.spyOn(fake.figma, 'createText').mockImplementation(() => {
      throw new Error('boom');
    });
    const grown = structuredClone(map);
    grown.stages.push({ id: 'extra', name: 'Extra stage' });
    await expect(updateMap(frame, grown)).rejects.toThrow(/put back/);
    vi.mocked(fake.figma.createText).mockImplementation(real);
    fake.resetStats();
    await updateMap(frame, first);
    const afterFailure = fake.stats().reads;
    expect(diffDumps(dumpMap(frame), await freshDump(first))).toEqual([]);
    // As many reads as an update with no record at all.
    expect(afterFailure).toBe(await coldReads(map, first));
  });

  it('does not use a record once a tag was written outside a create or update', async () => {
    const fake = installFakeFigma();
    const { frame } = await createMap(map);
    const cell = managed(frame, 'cell-text')[0];
    writeRawTag(cell, rawTag(cell)); // e.g. code of another command tagging a node
    fake.resetStats();
    await updateMap(frame, first);
    const reads = fake.stats().reads;
    uninstallFakeFigma();
    expect(reads).toBe(await coldReads(map, first));
  });

  it("still tells a designer's copy of a managed node from ours after a run of updates", async () => {
    // Lane 0 is a text lane; its cell at stage 5 is empty, so a text pasted there repeats no key.
    const base = structuredClone(first);
    delete (base.lanes[0].cells as Record<string, string>)[base.stages[5].id];
    const next = [editCell(base, 0, 2, 'Second edit'), editCell(base, 0, 3, 'Third edit')];
    const expected = [await freshDump(next[0]), await freshDump(next[1])];
    installFakeFigma();
    const { frame } = await createMap(map);
    await updateMap(frame, base);
    const ours = managed(frame, 'cell-text').find((n) => n.parent?.name === `Cell: ${base.stages[1].id}`)!;
    const empty = managed(frame, 'cell').find(
      (n) => n.name === `Cell: ${base.stages[5].id}` && (n as FrameNode).children.length === 0,
    ) as FrameNode;
    const copy = ours.clone(); // copy and paste: the same tag, another id
    empty.appendChild(copy);
    // Two updates: the first reads the copy's tag, the second must not take it from the record as ours.
    for (const [i, map2] of next.entries()) {
      await updateMap(frame, map2);
      expect(copy.removed).toBe(false);
      expect(ours.removed).toBe(false);
      // The copy is left as the designer's: the managed tree is exactly a fresh create's.
      expect(diffDumps(dumpMap(frame), expected[i])).toEqual([]);
    }
  });
});
