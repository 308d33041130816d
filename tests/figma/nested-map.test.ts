/**
 * A map (or a drawn comparison) the designer drags into another map's frame is their node
 * there, like a sticky note or a screenshot (src/figma/tree.ts): an update of the outer map,
 * Overwrite included, keeps it where they put it and writes nothing in it (or moves it to the
 * holding area with the other designer nodes when its stage goes away); the outer map's
 * read-back never takes its stages, lanes or personas for the outer map's own; and the inner
 * map stays a map of its own. Cold (the plugin just opened) and warm (tags recorded by the
 * last update, src/figma/node-cache.ts) alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { createMap, forgetDrawn, updateMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { NAMESPACE } from '../../src/figma/node-data';
import { syntheticMap } from '../../bench/synthetic';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { diffDumps, dumpMap } from '../support/dump';
import { freshDump } from '../support/fresh-dump';
import { clone, norm } from '../support/maps';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';
import { toVersion02 } from '../support/old-versions';

afterEach(() => uninstallFakeFigma());

async function create(p: Plugin, map: unknown) {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
  return { frame, map: created.map as JourneyMap };
}
async function read(p: Plugin, nodeId: string) {
  return p.expectReply(await p.send({ type: 'read', nodeId }), 'map');
}

/** The outer map, and an inner one sharing its lane and persona ids (as two maps from one template do). */
const outerMap = () => syntheticMap(3, 2);
function innerMap(): JourneyMap {
  const m = clone(syntheticMap(2, 1));
  m.title = 'Inner';
  m.stages = m.stages.map((s, i) => ({ ...s, id: `inner${i}` }));
  m.lanes[0].cells = { inner0: 'Inside the inner map' };
  return m;
}

/** Everything on and under a node: ids, names, texts, plugin data; to prove "untouched". */
function snapshot(node: BaseNode): string {
  return JSON.stringify(
    allNodes(node).map((n) => [
      n.id,
      n.name,
      n.type === 'TEXT' ? (n as TextNode).characters : '',
      n.getSharedPluginDataKeys(NAMESPACE).map((k) => [k, n.getSharedPluginData(NAMESPACE, k)]),
    ]),
  );
}

/** A cell of the outer map's first lane, in stage `stage`. */
const cellOf = (frame: FrameNode, stage: string) =>
  managed(frame, 'cell').find((n) => tagField(n, 'stage') === stage && tagField(n, 'lane') === 'l0') as FrameNode;

describe('a map dragged into another map', () => {
  it('an Overwrite of the outer map keeps the inner one where it is, untouched, and draws the rest as a create', async () => {
    const edited = clone(norm(outerMap()));
    edited.title = 'Outer, edited';
    const expected = await freshDump(edited);
    const p = await startPlugin();
    const outer = await create(p, outerMap());
    const inner = await create(p, innerMap());
    outer.frame.appendChild(inner.frame);
    const before = snapshot(inner.frame);

    p.expectReply(await p.send({ type: 'update', nodeId: outer.frame.id, map: edited, force: true }), 'updated');
    expect(inner.frame.removed).toBe(false);
    expect(inner.frame.parent).toBe(outer.frame);
    expect(snapshot(inner.frame)).toBe(before);
    expect((await read(p, outer.frame.id)).map).toEqual(edited);
    expect((await read(p, inner.frame.id)).map).toEqual(inner.map);
    // Taken out again, the outer map is what a create of the edited map draws.
    p.figma.currentPage.appendChild(inner.frame);
    expect(diffDumps(dumpMap(outer.frame), expected)).toEqual([]);
  });

  it('reading the outer map gives the outer map, so a normal update of it is no conflict', async () => {
    const p = await startPlugin();
    const outer = await create(p, outerMap());
    const inner = await create(p, innerMap());
    cellOf(outer.frame, 's1').appendChild(inner.frame);

    const got = await read(p, outer.frame.id);
    expect(got.map).toEqual(outer.map);
    const edited = clone(outer.map);
    (edited.lanes[0].cells as Record<string, string>).s2 = 'Edited';
    const before = snapshot(inner.frame);
    const updated = p.expectReply(
      await p.send({
        type: 'update',
        nodeId: outer.frame.id,
        map: edited,
        baseRevision: got.revision,
        baseCanvas: got.canvas,
      }),
      'updated',
    );
    expect(updated.stats.removed).toBe(0);
    expect(inner.frame.parent).toBe(cellOf(outer.frame, 's1'));
    expect(snapshot(inner.frame)).toBe(before);
    expect((await read(p, outer.frame.id)).map).toEqual(edited);
    // The inner map is still a map of its own: it updates in place.
    const innerEdited = clone(inner.map);
    innerEdited.title = 'Inner, edited';
    p.expectReply(await p.send({ type: 'update', nodeId: inner.frame.id, map: innerEdited }), 'updated');
    expect((await read(p, inner.frame.id)).map).toEqual(innerEdited);
    expect((await read(p, outer.frame.id)).map).toEqual(edited);
  });

  it('goes to the holding area with the other designer nodes when its stage is removed', async () => {
    const p = await startPlugin();
    const outer = await create(p, outerMap());
    const inner = await create(p, innerMap());
    cellOf(outer.frame, 's1').appendChild(inner.frame);
    const before = snapshot(inner.frame);

    const edited = clone(outer.map);
    edited.stages = edited.stages.filter((s) => s.id !== 's1');
    for (const lane of edited.lanes) delete (lane.cells as Record<string, unknown>).s1;
    p.expectReply(await p.send({ type: 'update', nodeId: outer.frame.id, map: edited, force: true }), 'updated');
    expect(inner.frame.removed).toBe(false);
    const holding = inner.frame.parent as FrameNode;
    expect(tagField(holding, 'role')).toBe('holding');
    expect(holding.parent).toBe(outer.frame);
    expect(snapshot(inner.frame)).toBe(before);
    expect((await read(p, outer.frame.id)).map).toEqual(norm(edited));
    expect((await read(p, inner.frame.id)).map).toEqual(inner.map);
  });

  it('a drawn comparison dragged into the map is kept and not read as the map', async () => {
    const p = await startPlugin();
    const outer = await create(p, outerMap());
    p.expectReply(await p.send({ type: 'save-version', nodeId: outer.frame.id, name: 'As-is' }), 'versions');
    const edited = clone(outer.map);
    edited.stages[0].name = 'Renamed';
    p.expectReply(await p.send({ type: 'update', nodeId: outer.frame.id, map: edited }), 'updated');
    const drawn = p.expectReply(await p.send({ type: 'draw-comparison', nodeId: outer.frame.id }), 'comparison-drawn');
    const cmp = (await p.figma.getNodeByIdAsync(drawn.frameId)) as FrameNode;
    outer.frame.appendChild(cmp);
    const before = snapshot(cmp);

    expect((await read(p, outer.frame.id)).map).toEqual(edited);
    const again = clone(edited);
    again.title = 'Outer, edited';
    p.expectReply(await p.send({ type: 'update', nodeId: outer.frame.id, map: again, force: true }), 'updated');
    expect(cmp.parent).toBe(outer.frame);
    expect(snapshot(cmp)).toBe(before);
    expect((await read(p, outer.frame.id)).map).toEqual(again);
  });

  it('warm (tags recorded by the last updates) as cold: kept, untouched, not read as the outer map', async () => {
    /** Create the inner map, create and update the outer one, nest, then update the outer map twice. */
    const run = async (cold: boolean) => {
      const fake = installFakeFigma();
      try {
        const { frame: inner } = await createMap(innerMap());
        const first = norm(outerMap());
        const { frame: outer } = await createMap(first);
        const second = clone(first);
        (second.lanes[0].cells as Record<string, string>).s0 = 'First edit';
        await updateMap(outer, second);
        cellOf(outer, 's1').appendChild(inner);
        const before = snapshot(inner);
        const third = clone(second);
        (third.lanes[0].cells as Record<string, string>).s2 = 'Second edit';
        if (cold) forgetDrawn();
        fake.resetStats();
        await updateMap(outer, third);
        const reads = fake.stats().reads;
        // Again with the record this update made (it read the inner map's tag once).
        const fourth = clone(third);
        fourth.title = 'Third edit';
        if (cold) forgetDrawn();
        await updateMap(outer, fourth);
        expect(inner.removed).toBe(false);
        expect(inner.parent).toBe(cellOf(outer, 's1'));
        expect(snapshot(inner)).toBe(before);
        const back = readMap(outer);
        expect(back.ok && back.map).toEqual(fourth);
        return reads;
      } finally {
        uninstallFakeFigma();
      }
    };
    const warm = await run(false);
    const cold = await run(true);
    // The warm run did take the tags from the record (else this would test the cold path twice).
    expect(warm).toBeLessThan(cold);
  });

  it('a map from 0.2.0 inside another one from 0.2.0 is converted as itself, not as part of the outer map', async () => {
    const p = await startPlugin();
    const outer = await create(p, outerMap());
    const innerInput = innerMap();
    innerInput.personas = [{ ...innerInput.personas![0], id: 'ines', name: 'Ines' }];
    const inner = await create(p, innerInput);
    toVersion02(outer.frame);
    toVersion02(inner.frame);
    outer.frame.appendChild(inner.frame);

    expect((await read(p, outer.frame.id)).map).toEqual(outer.map);
    expect((await read(p, inner.frame.id)).map).toEqual(inner.map);
  });
});
