/**
 * Read back, then Update, against the real sandbox (src/main.ts) on the strict in-memory Figma:
 * an update based on what a read saw is no conflict, a canvas edit made after the read is one.
 * The second half drives the panel's controller (ui/controller.ts) against the same sandbox:
 * conflict → Reload from canvas merges the panel's edits with the canvas's → Update goes through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import type { PluginToUi } from '../../src/protocol';
import { PanelController } from '../../ui/controller';
import { toMapInput } from '../../ui/draft';
import { setCell, updateStage } from '../../ui/edit';
import { uninstallFakeFigma } from '../support/figma-fake';
import { clone, norm } from '../support/maps';
import { managed, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());

const INPUT = {
  title: 'Shop',
  stages: [
    { id: 'discover', name: 'Discover' },
    { id: 'buy', name: 'Buy' },
    { id: 'use', name: 'Use' },
  ],
  lanes: [
    { id: 'touch', title: 'Touchpoints', kind: 'text', cells: { discover: 'Ads', buy: 'Web shop', use: 'App' } },
    { id: 'pains', title: 'Pains', kind: 'cards', cells: { buy: ['Slow checkout'] } },
  ],
};
const CONFLICT = 'This map was edited on the canvas since the panel last read or updated it. Reload or overwrite.';

const cellText = (frame: FrameNode, lane: string, stage: string) =>
  managed(frame, 'cell-text').find((n) => tagField(n, 'lane') === lane && tagField(n, 'stage') === stage) as TextNode;
const textCells = (m: { lanes: JourneyMap['lanes'] }) => m.lanes[0].cells as Record<string, string>;

async function createMap(p: Plugin) {
  const created = p.expectReply(await p.send({ type: 'create', map: INPUT }), 'created');
  const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
  for (const style of ['Regular', 'Medium', 'Semi Bold']) await p.figma.loadFontAsync({ family: 'Inter', style });
  return { created, frame };
}

describe('read back, then update, on the real sandbox', () => {
  it('an update based on the read is no conflict and keeps the canvas edit it read', async () => {
    const p = await startPlugin();
    const { created, frame } = await createMap(p);
    expect(created.canvas).not.toBe('');

    // A designer types into a cell on the canvas.
    cellText(frame, 'touch', 'discover').characters = 'Typed on the canvas';
    const read = p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map');
    const fromCanvas = read.map as JourneyMap;
    expect(textCells(fromCanvas).discover).toBe('Typed on the canvas');
    expect(read.canvas).not.toBe(created.canvas);

    // The panel changes another cell of what it read, and updates based on that read.
    const edited = clone(fromCanvas);
    textCells(edited).buy = 'Changed in the panel';
    const replies = await p.send({
      type: 'update',
      nodeId: frame.id,
      map: edited,
      baseRevision: read.revision,
      baseCanvas: read.canvas,
    });
    const updated = p.expectReply(replies, 'updated');
    expect(updated.revision).toBe(read.revision + 1);
    expect(cellText(frame, 'touch', 'discover').characters).toBe('Typed on the canvas');
    expect(cellText(frame, 'touch', 'buy').characters).toBe('Changed in the panel');
    expect(p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map').map).toEqual(edited);
  });

  it('a canvas edit made after the read is a conflict, and stays on the canvas', async () => {
    const p = await startPlugin();
    const { frame } = await createMap(p);
    cellText(frame, 'touch', 'discover').characters = 'Typed before the read';
    const read = p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map');
    cellText(frame, 'touch', 'use').characters = 'Typed after the read';

    const edited = clone(read.map as JourneyMap);
    textCells(edited).buy = 'Changed in the panel';
    const replies = await p.send({
      type: 'update',
      nodeId: frame.id,
      map: edited,
      baseRevision: read.revision,
      baseCanvas: read.canvas,
    });
    const error = p.expectReply(replies, 'error');
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(CONFLICT);
    expect(replies.some((r) => r.type === 'updated')).toBe(false);
    expect(cellText(frame, 'touch', 'use').characters).toBe('Typed after the read');
    expect(cellText(frame, 'touch', 'buy').characters).toBe('Web shop');
  });

  it('the fingerprint of an update is the base of the next one; a canvas edit after it conflicts', async () => {
    const p = await startPlugin();
    const { created, frame } = await createMap(p);
    const first = clone(created.map as JourneyMap);
    textCells(first).buy = 'First update';
    const updated = p.expectReply(
      await p.send({
        type: 'update',
        nodeId: frame.id,
        map: first,
        baseRevision: created.revision,
        baseCanvas: created.canvas,
      }),
      'updated',
    );
    const second = clone(first);
    textCells(second).use = 'Second update';
    const again = p.expectReply(
      await p.send({
        type: 'update',
        nodeId: frame.id,
        map: second,
        baseRevision: updated.revision,
        baseCanvas: updated.canvas,
      }),
      'updated',
    );
    cellText(frame, 'touch', 'discover').characters = 'Typed after the update';
    const third = clone(second);
    textCells(third).use = 'Third update';
    const error = p.expectReply(
      await p.send({
        type: 'update',
        nodeId: frame.id,
        map: third,
        baseRevision: again.revision,
        baseCanvas: again.canvas,
      }),
      'error',
    );
    expect(error.code).toBe('conflict');
  });
});

/** The panel's controller wired to the real sandbox, the way ui/bridge.ts wires it in Figma. */
function connect(p: Plugin) {
  const pending: Promise<void>[] = [];
  const received: PluginToUi[] = [];
  const controller = new PanelController({
    send: (msg) => {
      pending.push(
        p.send(msg).then((replies) => {
          for (const r of replies) {
            received.push(r);
            controller.handle(r);
          }
        }),
      );
    },
  });
  const settle = async () => {
    while (pending.length) await pending.shift();
  };
  return { controller, received, settle };
}

describe('the panel against the real sandbox', () => {
  it('Load selected map → edit a cell → Update: no conflict, the canvas shows both edits', async () => {
    const p = await startPlugin();
    const { frame } = await createMap(p);
    cellText(frame, 'touch', 'discover').characters = 'Typed on the canvas';

    const { controller, settle } = connect(p);
    controller.start();
    controller.read(frame.id);
    await settle();
    expect(controller.state.status?.text).toBe('Loaded “Shop” from the canvas.');
    controller.edit((m) => setCell(m, 'touch', 'buy', 'Changed in the panel'));
    controller.update();
    await settle();
    expect(controller.state.conflict).toBe(false);
    expect(controller.state.status?.text).toMatch(/^Map updated: 1 changed/);
    expect(cellText(frame, 'touch', 'discover').characters).toBe('Typed on the canvas');
    expect(cellText(frame, 'touch', 'buy').characters).toBe('Changed in the panel');
  });

  it('conflict → Reload from canvas merges the edits of both → Update goes through with both', async () => {
    const p = await startPlugin();
    const { frame } = await createMap(p);
    const { controller, settle } = connect(p);
    controller.start();
    controller.read(frame.id);
    await settle();

    // The panel edits a stage name and a cell; meanwhile a designer edits another cell on the canvas.
    controller.edit((m) => updateStage(m, 'buy', { name: 'Checkout' }));
    controller.edit((m) => setCell(m, 'touch', 'use', 'Changed in the panel'));
    cellText(frame, 'touch', 'discover').characters = 'Typed on the canvas';
    controller.update();
    await settle();
    expect(controller.state.conflict).toBe(true);
    expect(controller.state.status?.text).toBe(CONFLICT);

    controller.read(); // Reload from canvas
    await settle();
    expect(controller.state.status?.text).toBe(
      'Reloaded from the canvas and kept your 2 edits (Stage 2 name, Touchpoints · Use). Press Update to put them on the canvas.',
    );
    expect(controller.state.conflict).toBe(false);

    controller.update();
    await settle();
    expect(controller.state.conflict).toBe(false);
    expect(controller.state.status?.text).toMatch(/^Map updated/);
    expect(cellText(frame, 'touch', 'discover').characters).toBe('Typed on the canvas');
    expect(cellText(frame, 'touch', 'use').characters).toBe('Changed in the panel');
    const onCanvas = p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map').map as JourneyMap;
    expect(onCanvas).toEqual(norm(toMapInput(controller.state.map)));
    expect(onCanvas.stages[1].name).toBe('Checkout');
  });
});
