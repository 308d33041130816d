/**
 * Bugs found in review, each pinned: maps made by 0.1.0 (tags in private
 * plugin data) are still maps; phase names that look like another band's key
 * don't duplicate bands; a new stage's width doesn't depend on which column
 * the designer widened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { NAMESPACE } from '../../src/figma/node-data';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { startPlugin } from '../support/plugin';
import { diffDumps, dumpMap } from '../support/dump';
import { loadExamples, norm } from '../support/maps';
import { tagged } from '../support/update-cases';
import { toVersion01 } from '../support/old-versions';

afterEach(() => uninstallFakeFigma());
const ecommerce = () => structuredClone(loadExamples().find((e) => e.file === 'ecommerce.json')!.input) as any;

describe('a map made by 0.1.0', () => {
  it('is offered for loading, reads back, and updates in place (nothing recreated, nothing left behind)', async () => {
    const p = await startPlugin();
    const created = p.expectReply(await p.send({ type: 'create', map: ecommerce() }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    const count = frame.findAll(() => true).length;
    toVersion01(frame);
    expect(frame.getSharedPluginData(NAMESPACE, 'role')).toBe('');

    p.figma.currentPage.selection = [frame];
    p.fake.fireSelectionChange();
    const selection = p.fake.uiMessages.at(-1) as { type: string; maps: Array<{ nodeId: string }> };
    expect(selection).toMatchObject({ type: 'selection', maps: [{ nodeId: frame.id }] });

    const read = p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map');
    expect(read.map).toEqual(norm(ecommerce()));
    const edited = structuredClone(read.map) as any;
    edited.lanes[0].cells.search = 'Edited after the upgrade';
    const updated = p.expectReply(
      await p.send({
        type: 'update',
        nodeId: frame.id,
        map: edited,
        baseRevision: read.revision,
        baseCanvas: read.canvas,
      }),
      'updated',
    );
    expect(updated.stats).toMatchObject({ created: 0, removed: 0 });
    expect(frame.findAll(() => true).length).toBe(count);
  });
});

describe('phase bands', () => {
  it('a phase named like another band\'s second occurrence ("X#2") never duplicates bands over updates', async () => {
    const input = ecommerce();
    const phases = ['X', 'Y', 'X', 'Z', 'X#2', 'X:1', 'X'];
    input.stages.forEach((s: any, i: number) => (s.phase = phases[i]));
    const map = norm(input);
    installFakeFigma();
    const { frame: fresh } = await createMap(map);
    const expected = dumpMap(fresh);
    uninstallFakeFigma();

    installFakeFigma();
    const { frame } = await createMap(map);
    const bands = tagged(frame, 'phase').length;
    expect(bands).toBe(7);
    for (let i = 0; i < 3; i++) await updateMap(frame, norm({ ...input, title: `Round ${i}` }));
    await updateMap(frame, map);
    expect(tagged(frame, 'phase').length).toBe(bands);
    expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
  });
});

describe('a new stage after the designer widened one column of two', () => {
  for (const widened of [0, 1]) {
    it(`gets the default width whichever column was widened (column ${widened + 1})`, async () => {
      const input = ecommerce();
      input.stages = input.stages.slice(0, 2);
      input.lanes = [];
      installFakeFigma();
      const { frame } = await createMap(norm(input));
      const header = tagged(frame, 'stage-header')[widened] as FrameNode;
      header.resize(400, header.height);
      header.layoutSizingVertical = 'HUG';
      input.stages.push({ id: 'extra', name: 'Extra' });
      await updateMap(frame, norm(input));
      const widths = tagged(frame, 'stage-header').map((h) => (h as FrameNode).width);
      expect(widths[widened]).toBe(400);
      expect(widths[2]).toBe(240);
    });
  }
});
