/**
 * What the plugin does about Figma rules a forgiving fake would hide (the
 * strict fake encodes each, with its source, in tests/support/figma-fake/):
 * toasts die with closePlugin and show 100 characters; clientStorage holds
 * 5 MB; private plugin data belongs to the plugin id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples } from '../support/maps';
import { startPlugin } from '../support/plugin';
import { toastText, TOAST_MAX } from '../../src/toast-text';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());
const [example] = loadExamples();

describe('notifications', () => {
  it('a template command reports through closePlugin(message), which outlives the plugin', async () => {
    const p = await startPlugin(undefined, 'template:ecommerce');
    expect(p.fake.closed).toBe(true);
    expect(p.fake.closeMessage).toMatch(/^Created “Buying running shoes online”/);
    // A notify before closing would have died with the plugin: nothing was left to die.
    expect(p.fake.notifications).toEqual([]);
  });

  it('an unknown template says so through closePlugin too', async () => {
    const p = await startPlugin(undefined, 'template:nope');
    expect(p.fake.closeMessage).toMatch(/Unknown template/);
  });

  it('never passes Figma more than it shows (100 characters), and the panel gets the full text', async () => {
    const p = await startPlugin();
    const created = p.expectReply(await p.send({ type: 'create', map: example.input }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    // A canvas edit, then an update from the stale panel: the conflict message.
    const text = frame.findOne((n) => n.type === 'TEXT' && tagField(n, 'role') === 'cell-text') as TextNode;
    text.characters = 'Edited on the canvas';
    const conflict = p.expectReply(
      await p.send({ type: 'update', nodeId: frame.id, map: example.input, baseRevision: created.revision }),
      'error',
    );
    expect(conflict.code).toBe('conflict');
    // Invalid maps with long located issues.
    const long = 'x'.repeat(300);
    const invalid = p.expectReply(
      await p.send({ type: 'create', map: { title: long, stages: [{ name: long }], lanes: [] } }),
      'error',
    );
    expect(invalid.issues.length).toBeGreaterThan(0);
    await p.send({ type: 'notify', message: 'y '.repeat(200) });
    expect(p.fake.notifications.length).toBeGreaterThanOrEqual(4);
    for (const n of p.fake.notifications) expect(Array.from(n.message).length).toBeLessThanOrEqual(TOAST_MAX);
  });

  it('cuts on a word boundary and marks the cut', () => {
    const s = toastText('word '.repeat(40));
    expect(Array.from(s).length).toBeLessThanOrEqual(100);
    expect(s.endsWith('word…')).toBe(true);
    expect(toastText('short')).toBe('short');
  });
});

describe('clientStorage quota', () => {
  it('a draft too big to save gives one clear message, not one per autosave, and nothing breaks', async () => {
    const p = await startPlugin();
    const huge = { text: 'z'.repeat(5_100_000) };
    const first = await p.send({ type: 'save-draft', draft: huge });
    const error = p.expectReply(first, 'error');
    expect(error.code).toBe('storage');
    expect(error.message).toMatch(/could not be saved/);
    const again = await p.send({ type: 'save-draft', draft: huge });
    expect(again.filter((m) => m.type === 'error')).toEqual([]);
    // A draft that fits is saved again, and a later failure is reported again.
    expect(await p.send({ type: 'save-draft', draft: { small: true } })).toEqual([]);
    expect(await p.figma.clientStorage.getAsync('draft')).toEqual({ small: true });
    p.expectReply(await p.send({ type: 'save-draft', draft: huge }), 'error');
  });
});

describe('plugin id', () => {
  it('a map made under one plugin id is still a map, updatable and readable, under another (publishing)', async () => {
    const p = await startPlugin({ pluginId: 'development-id' });
    const created = p.expectReply(await p.send({ type: 'create', map: example.input }), 'created');
    p.fake.switchPluginId('1234567890-published');
    const read = p.expectReply(await p.send({ type: 'read', nodeId: created.nodeId }), 'map');
    expect(read.warnings ?? []).toEqual([]);
    const edited = structuredClone(read.map) as { title: string };
    edited.title = 'After publishing';
    const updated = p.expectReply(
      await p.send({
        type: 'update',
        nodeId: created.nodeId,
        map: edited,
        baseRevision: read.revision,
        baseCanvas: read.canvas,
      }),
      'updated',
    );
    // Updated in place: nothing was recreated, because every node was still recognised.
    expect(updated.stats.created).toBe(0);
    expect(updated.stats.removed).toBe(0);
  });
});
