/**
 * Stored entries damaged by another tool (shared plugin data is writable by any plugin and the
 * REST API, README "Data on the canvas"). A damaged entry may cost the map its stored data, but
 * never freezes Figma and never blocks Overwrite. The count loops are synchronous, so a
 * timeout cannot end them: the frame's plugin-data calls are counted and stopped past a bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { syntheticMap } from '../../bench/synthetic';
import { uninstallFakeFigma } from '../support/figma-fake';
import { unwrap } from '../support/figma-fake/nodes';
import { clone } from '../support/maps';
import { startPlugin, type Plugin } from '../support/plugin';

afterEach(() => uninstallFakeFigma());

const NS = 'journeymap';
const BOUND = 5000;

/** Count the frame's shared plugin-data calls; throw past BOUND so a runaway loop ends the test. */
function guard(frame: FrameNode): () => number {
  let calls = 0;
  const ns = (unwrap(frame) as unknown as { sharedData: Map<string, Map<string, string>> }).sharedData.get(NS)!;
  for (const name of ['get', 'set', 'delete'] as const) {
    const real = (ns[name] as (...a: unknown[]) => unknown).bind(ns);
    (ns as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
      if (++calls > BOUND) throw new Error(`runaway: more than ${BOUND} plugin-data calls on the map frame`);
      return real(...a);
    };
  }
  return () => calls;
}

async function created(p: Plugin) {
  const reply = p.expectReply(await p.send({ type: 'create', map: syntheticMap(3, 2) }), 'created');
  const frame = (await p.figma.getNodeByIdAsync(reply.nodeId)) as FrameNode;
  return { frame, map: reply.map as JourneyMap };
}

/** Overwrite with a new title: it must update, and the map must read back with that title. */
async function overwrite(p: Plugin, frame: FrameNode, map: JourneyMap) {
  const edited = clone(map);
  edited.title = 'Edited';
  const replies = await p.send({ type: 'update', nodeId: frame.id, map: edited, force: true });
  expect(replies.find((r) => r.type === 'error')).toBeUndefined();
  const back = p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map');
  expect((back.map as JourneyMap).title).toBe('Edited');
}

describe('a damaged chunk count', () => {
  it.each(['1e400', '100000000'])('map.n = %s: Overwrite updates, in a bounded number of calls', async (n) => {
    const p = await startPlugin();
    const { frame, map } = await created(p);
    frame.setSharedPluginData(NS, 'map.n', n);
    const calls = guard(frame);
    await overwrite(p, frame, map);
    expect(calls()).toBeLessThan(BOUND);
  });

  it('map.n = 100000000: reading the map makes a bounded number of calls', async () => {
    const p = await startPlugin();
    const { frame } = await created(p);
    frame.setSharedPluginData(NS, 'map.n', '100000000');
    const calls = guard(frame);
    await p.send({ type: 'read', nodeId: frame.id });
    expect(calls()).toBeLessThan(BOUND);
  });

  it('with the count damaged, the next write still deletes chunks left over', async () => {
    const p = await startPlugin();
    const { frame, map } = await created(p);
    frame.setSharedPluginData(NS, 'map.7', 'left over');
    frame.setSharedPluginData(NS, 'map.n', 'x');
    await overwrite(p, frame, map);
    expect(frame.getSharedPluginData(NS, 'map.7')).toBe('');
    expect(Number(frame.getSharedPluginData(NS, 'map.n'))).toBeGreaterThan(0);
  });

  it('a version whose count is 100000000 loads in a bounded number of calls', async () => {
    const p = await startPlugin();
    const { frame } = await created(p);
    p.expectReply(await p.send({ type: 'save-version', nodeId: frame.id, name: 'As-is' }), 'versions');
    const index = JSON.parse(frame.getSharedPluginData(NS, 'versions')) as { list: { id: string; n: number }[] };
    index.list[0].n = 100000000;
    frame.setSharedPluginData(NS, 'versions', JSON.stringify(index));
    const calls = guard(frame);
    await p.send({ type: 'load-version', nodeId: frame.id, versionId: index.list[0].id });
    expect(calls()).toBeLessThan(BOUND);
  });
});

describe('a damaged render entry', () => {
  it.each([
    '{"columnWidths":null}',
    '{"columnWidths":{"s0":"wide"}}',
    '{"columnWidth":"wide"}',
    '{"columnWidth":-5}',
    '{"fonts":null}',
    '{"fonts":{"regular":5}}',
    '{"variables":"x"}',
    '[1,2]',
  ])('render = %s: Overwrite still updates the map', async (render) => {
    const p = await startPlugin();
    const { frame, map } = await created(p);
    frame.setSharedPluginData(NS, 'render', render);
    await overwrite(p, frame, map);
  });
});
