/**
 * A failed update puts the map back as it was, also when the frame has no readable stored map
 * (damaged by another tool, or a map from before the data was stored): then the canvas as it
 * read back before the update is what is put back. Where nothing can be put back, the message
 * says so instead of claiming it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { syntheticMap } from '../../bench/synthetic';
import { uninstallFakeFigma } from '../support/figma-fake';
import { clone } from '../support/maps';
import { allNodes, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';
import { diffDumps, dumpMap } from '../support/dump';

afterEach(() => uninstallFakeFigma());

/** Figma refuses the `nth` text node created from now on. */
function failNthText(p: Plugin, nth: number): () => void {
  const api = p.figma as unknown as { createText: () => TextNode };
  const real = api.createText;
  let calls = 0;
  api.createText = () => {
    if (++calls === nth) throw new Error('Simulated Figma failure');
    return real();
  };
  return () => (api.createText = real);
}

async function damagedMap(p: Plugin) {
  const created = p.expectReply(await p.send({ type: 'create', map: syntheticMap(4, 3) }), 'created');
  const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
  frame.setSharedPluginData('journeymap', 'map.0', '{damaged');
  const edited = clone(created.map as JourneyMap);
  edited.stages.splice(1, 0, { id: 'n1', name: 'New one' }, { id: 'n2', name: 'New two' });
  edited.title = 'Renamed';
  return { frame, edited };
}

describe('an update that fails part-way on a map whose stored data is damaged', () => {
  it('puts back the canvas as it read back before the update', async () => {
    const p = await startPlugin();
    const { frame, edited } = await damagedMap(p);
    const before = dumpMap(frame);
    const restore = failNthText(p, 2);
    const replies = await p.send({ type: 'update', nodeId: frame.id, map: edited, force: true });
    restore();
    expect(p.expectReply(replies, 'error').message).toMatch(
      /Simulated Figma failure \(the map was put back as it was\)/,
    );
    expect(diffDumps(dumpMap(frame), before)).toEqual([]);
  });

  it('says so when it cannot put the map back, instead of claiming it did', async () => {
    const p = await startPlugin();
    const { frame, edited } = await damagedMap(p);
    // The canvas does not read back either (a stage name past the format's limit): nothing says
    // what to put back.
    const header = allNodes(frame).find((n) => n.type === 'TEXT' && tagField(n, 'role') === 'stage-name') as TextNode;
    await p.figma.loadFontAsync(header.fontName as FontName);
    header.characters = 'x'.repeat(500);
    const restore = failNthText(p, 2);
    const replies = await p.send({ type: 'update', nodeId: frame.id, map: edited, force: true });
    restore();
    const message = p.expectReply(replies, 'error').message;
    expect(message).toMatch(/Simulated Figma failure/);
    expect(message).not.toMatch(/put back as it was/);
    expect(message).toMatch(/press Undo/);
  });
});
