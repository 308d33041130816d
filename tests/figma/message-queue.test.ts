/**
 * Messages run one at a time (src/main.ts `receive`). In Figma loading a font is a trip to the
 * editor, and the panel's next message is delivered meanwhile: a second Update (a double click,
 * or an edit sent twice) used to index the tree the first was rewriting, fail, and roll back to
 * the old map over the first one's result, leaving a canvas that contradicted its stored data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { syntheticMap } from '../../bench/synthetic';
import { uninstallFakeFigma } from '../support/figma-fake';
import { clone } from '../support/maps';
import { startPlugin, type Plugin } from '../support/plugin';
import { freshDump } from '../support/fresh-dump';
import { diffDumps, dumpMap } from '../support/dump';

afterEach(() => uninstallFakeFigma());

function withNewStage(map: JourneyMap): JourneyMap {
  const b = clone(map);
  b.stages.splice(1, 0, { id: 'extra', name: 'Extra stage' });
  (b.lanes[0].cells as Record<string, string>).extra = 'New cell';
  return b;
}

/** Loading a font takes a timer tick, as the trip to the editor does in Figma. */
function slowFonts(p: Plugin): void {
  const api = p.figma as unknown as { loadFontAsync: (f: FontName) => Promise<void> };
  const real = api.loadFontAsync.bind(p.figma);
  api.loadFontAsync = async (f: FontName) => {
    await new Promise((r) => setTimeout(r, 1));
    return real(f);
  };
}

describe('messages run one at a time', () => {
  it('the same update sent twice at once: one updates, the other is a clean conflict, the map equals a fresh create', async () => {
    const a = syntheticMap(3, 3);
    const b = withNewStage(a);
    const want = await freshDump(b);
    const p = await startPlugin();
    const created = p.expectReply(await p.send({ type: 'create', map: a }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    slowFonts(p);
    const msg = { type: 'update', nodeId: frame.id, map: b, baseRevision: 1, baseCanvas: created.canvas };
    const [r1, r2] = await Promise.all([p.send({ ...msg, requestId: '1' }), p.send({ ...msg, requestId: '2' })]);
    expect(p.expectReply(r1, 'updated').revision).toBe(2);
    expect(p.expectReply(r2, 'error')).toMatchObject({ code: 'conflict', requestId: '2' });
    expect(diffDumps(dumpMap(frame), want)).toEqual([]);
  });

  it('a message that fails does not hold up the next one', async () => {
    const p = await startPlugin();
    const created = p.expectReply(await p.send({ type: 'create', map: syntheticMap(3, 3) }), 'created');
    slowFonts(p);
    const [bad, read] = await Promise.all([
      p.send({ type: 'update', requestId: 'x', nodeId: created.nodeId, map: { title: '' } }),
      p.send({ type: 'read', requestId: 'y', nodeId: created.nodeId }),
    ]);
    expect(p.expectReply(bad, 'error').requestId).toBe('x');
    expect(p.expectReply(read, 'map').requestId).toBe('y');
  });
});
