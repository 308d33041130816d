/**
 * What the fake records for tests: creation/write counters, undo commits,
 * notifications, UI messages (structured clones), asynchronous panel→plugin
 * delivery, cloned clientStorage values and menu commands.
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('stats()', () => {
  it('counts creations of every kind, clones included', () => {
    ctx.fake.resetStats();
    const f = ctx.figma.createFrame();
    ctx.figma.createText();
    ctx.figma.createRectangle();
    ctx.figma.createEllipse();
    ctx.figma.createVector();
    expect(ctx.fake.stats().created).toBe(5);
    f.appendChild(ctx.figma.createRectangle());
    f.clone(); // the frame and its child
    expect(ctx.fake.stats().created).toBe(8);
  });

  it('counts each property write and mutating call, per node; reads and refused writes do not count', () => {
    const a = ctx.figma.createRectangle();
    const b = ctx.figma.createRectangle();
    const c = ctx.figma.createRectangle();
    ctx.fake.resetStats();
    a.name = 'A';
    a.opacity = 0.5;
    a.resize(10, 10);
    b.setPluginData('k', 'v');
    void c.name;
    void c.getPluginData('k');
    expect(() => (c.opacity = 2)).toThrow();
    const s = ctx.fake.stats();
    expect(s).toMatchObject({ created: 0, writes: 4, reads: 2, nodesWritten: 2 });
    expect(s.writtenIds).toEqual(new Set([a.id, b.id]));
  });

  it('resetStats() zeroes every counter, and stats() is a snapshot', () => {
    const a = ctx.figma.createRectangle();
    a.name = 'x';
    const before = ctx.fake.stats();
    ctx.fake.resetStats();
    expect(ctx.fake.stats()).toEqual({
      created: 0,
      writes: 0,
      reads: 0,
      unchangedWrites: 0,
      unchangedByProp: {},
      nodesWritten: 0,
      writtenIds: new Set(),
    });
    expect(before.created).toBe(1);
    expect(before.writtenIds.has(a.id)).toBe(true);
  });

  it('counts writes that leave a value as it was, by property, only when asked', async () => {
    const { installFakeFigma } = await import('../support/figma-fake');
    const counting = installFakeFigma({ countUnchangedWrites: true });
    const f = counting.figma.createFrame();
    f.itemSpacing = 0; // a new frame has no spacing: unchanged
    f.itemSpacing = 8; // changed
    f.paddingLeft = 4; // changed
    f.paddingLeft = 4; // unchanged
    expect(counting.stats().unchangedWrites).toBe(2);
    expect(counting.stats().unchangedByProp).toEqual({ itemSpacing: 1, paddingLeft: 1 });
    expect(counting.stats().writes).toBe(4);
  });
});

describe('undo, notifications', () => {
  it('counts commitUndo calls', () => {
    expect(ctx.fake.undoCommits).toBe(0);
    ctx.figma.commitUndo();
    ctx.figma.commitUndo();
    expect(ctx.fake.undoCommits).toBe(2);
  });

  it('records notify messages with their options, in order', () => {
    const handle = ctx.figma.notify('Map created');
    ctx.figma.notify('Could not read', { error: true, timeout: 5000 });
    expect(ctx.fake.notifications).toEqual([
      { message: 'Map created', shown: 'Map created', options: undefined },
      { message: 'Could not read', shown: 'Could not read', options: { error: true, timeout: 5000 } },
    ]);
    expect(() => handle.cancel()).not.toThrow();
  });

  it('shows at most 100 characters of a notification (typings: "Longer messages will be truncated")', () => {
    const long = `This map was edited on the canvas since it was last generated. ${'x'.repeat(60)}`;
    ctx.figma.notify(long);
    const [toast] = ctx.fake.notifications;
    expect(toast.message).toBe(long);
    expect(toast.shown).toBe(long.slice(0, 100));
    expect(toast.shown).toHaveLength(100);
  });

  it('keeps toasts visible until cancelled; closePlugin() ends them all', () => {
    const a = ctx.figma.notify('first');
    ctx.figma.notify('second');
    expect(ctx.fake.visibleToasts.map((t) => t.shown)).toEqual(['first', 'second']);
    a.cancel();
    expect(ctx.fake.visibleToasts.map((t) => t.shown)).toEqual(['second']);
    ctx.figma.closePlugin();
    expect(ctx.fake.visibleToasts).toEqual([]);
    expect(ctx.fake.closeMessage).toBeUndefined();
    expect(ctx.fake.notifications.map((t) => t.message)).toEqual(['first', 'second']); // the record stays
  });

  it('closePlugin(message) shows the message after closing, and notify afterwards throws', () => {
    ctx.figma.notify('Created “Onboarding”');
    ctx.figma.closePlugin('Created “Onboarding”. Run the plugin again to edit it.');
    expect(ctx.fake.closeMessage).toBe('Created “Onboarding”. Run the plugin again to edit it.');
    expect(ctx.fake.visibleToasts.map((t) => t.shown)).toEqual([
      'Created “Onboarding”. Run the plugin again to edit it.',
    ]);
    // Typings, closePlugin: "Calling figma.closePlugin() disables callbacks and Figma APIs."
    expect(() => ctx.figma.notify('too late')).toThrow('in notify: The plugin has been closed');
  });
});

describe('selection and viewport', () => {
  it('records scrollAndZoomIntoView calls and keeps the selection set on the page', () => {
    const r = ctx.figma.createRectangle();
    const f = ctx.figma.createFrame();
    ctx.figma.currentPage.selection = [r, f];
    ctx.figma.viewport.scrollAndZoomIntoView([f]);
    expect(ctx.figma.currentPage.selection).toEqual([r, f]);
    expect(ctx.fake.scrolledTo).toEqual([[f]]);
  });

  it('fireSelectionChange runs selectionchange handlers; setting the selection alone does not', () => {
    let fired = 0;
    ctx.figma.on('selectionchange', () => void fired++);
    ctx.figma.currentPage.selection = [ctx.figma.createRectangle()];
    expect(fired).toBe(0);
    ctx.fake.fireSelectionChange();
    expect(fired).toBe(1);
  });
});

describe('plugin → UI messages', () => {
  it('uiMessages holds structured clones, so later mutation does not show', () => {
    ctx.figma.showUI('<p>x</p>');
    const msg = { type: 'state', nested: { list: [1, 2] }, when: new Date(0) };
    ctx.figma.ui.postMessage(msg);
    msg.nested.list.push(3);
    expect(ctx.fake.uiMessages).toEqual([{ type: 'state', nested: { list: [1, 2] }, when: new Date(0) }]);
    expect(ctx.fake.uiMessages[0]).not.toBe(msg);
  });

  it('refuses what structured clone refuses (functions)', () => {
    expect(() => ctx.figma.ui.postMessage({ fn: () => 1 })).toThrow();
    expect(ctx.fake.uiMessages).toEqual([]);
  });

  it('onUiMessage listeners get the clone', () => {
    const seen: unknown[] = [];
    ctx.fake.onUiMessage((m) => seen.push(m));
    const msg = { a: 1 };
    ctx.figma.ui.postMessage(msg);
    expect(seen).toEqual([{ a: 1 }]);
    expect(seen[0]).not.toBe(msg);
    expect(seen[0]).toBe(ctx.fake.uiMessages[0]);
  });
});

describe('UI → plugin messages (sendToPlugin)', () => {
  it('does not run the handler synchronously, and resolves only after an async handler finishes', async () => {
    const events: string[] = [];
    ctx.figma.ui.onmessage = async () => {
      events.push('start');
      await tick(5);
      events.push('end');
    };
    const delivery = ctx.fake.sendToPlugin({ type: 'x' });
    expect(events).toEqual([]); // not delivered yet
    await delivery;
    expect(events).toEqual(['start', 'end']);
  });

  it('delivers a structured clone to onmessage and to figma.ui.on("message") handlers', async () => {
    const got: unknown[] = [];
    ctx.figma.ui.onmessage = (m) => void got.push(m);
    ctx.figma.ui.on('message', (m) => void got.push(m));
    const msg = { type: 'create', map: { stages: ['a'] } };
    await ctx.fake.sendToPlugin(msg);
    expect(got).toEqual([msg, msg]);
    expect(got[0]).not.toBe(msg);
  });

  it('rejects when the plugin has no handler, and passes a handler error on', async () => {
    await expect(ctx.fake.sendToPlugin({})).rejects.toThrow(/no figma\.ui\.onmessage handler/);
    ctx.figma.ui.onmessage = async () => {
      throw new Error('boom');
    };
    await expect(ctx.fake.sendToPlugin({})).rejects.toThrow('boom');
  });
});

describe('clientStorage', () => {
  it('stores a clone: mutating the original after setAsync, or the value read, changes nothing stored', async () => {
    const value = { recent: ['a'], nested: { n: 1 } };
    await ctx.figma.clientStorage.setAsync('prefs', value);
    value.recent.push('b');
    value.nested.n = 2;
    const read = (await ctx.figma.clientStorage.getAsync('prefs')) as typeof value;
    expect(read).toEqual({ recent: ['a'], nested: { n: 1 } });
    read.recent.push('c');
    expect(await ctx.figma.clientStorage.getAsync('prefs')).toEqual({ recent: ['a'], nested: { n: 1 } });
  });

  it('belongs to the plugin id (docs: "The data is specific to your plugin ID")', async () => {
    await ctx.figma.clientStorage.setAsync('draft', { title: 'A' });
    ctx.fake.switchPluginId('1234567890');
    expect(await ctx.figma.clientStorage.getAsync('draft')).toBeUndefined();
    expect(await ctx.figma.clientStorage.keysAsync()).toEqual([]);
    ctx.fake.switchPluginId('journey-map-figma-plugin');
    expect(await ctx.figma.clientStorage.getAsync('draft')).toEqual({ title: 'A' });
  });

  it('has a 5 MB quota per plugin: key + JSON of the value, a Uint8Array by its bytes', async () => {
    const cs = ctx.figma.clientStorage;
    // 'big' (3 bytes) + a JSON string of 4 999 995 x's and 2 quotes: exactly 5 000 000 bytes.
    await cs.setAsync('big', 'x'.repeat(4_999_995));
    expect(ctx.fake.clientStorageBytes()).toBe(5_000_000);
    await expect(cs.setAsync('one', 1)).rejects.toThrow(/in setAsync: Client storage quota exceeded/);
    expect(await cs.keysAsync()).toEqual(['big']); // the refused value was not stored
    // Replacing a key counts the new value instead of the old one.
    await cs.setAsync('big', 'x'.repeat(10));
    await cs.setAsync('bytes', new Uint8Array(4_000_000));
    expect(ctx.fake.clientStorageBytes()).toBe(3 + 12 + 5 + 4_000_000);
    await expect(cs.setAsync('more', new Uint8Array(1_000_000))).rejects.toThrow(/quota/);
    // UTF-8 bytes, not characters: 'é' is two bytes.
    await cs.deleteAsync('bytes');
    await cs.setAsync('é', 'é'.repeat(2_000_000));
    expect(ctx.fake.clientStorageBytes()).toBe(3 + 12 + 2 + 4_000_002);
    // Another plugin id has its own quota.
    ctx.fake.switchPluginId('other');
    await cs.setAsync('big', 'x'.repeat(4_000_000));
  });

  it('lists and deletes keys; a missing key reads undefined', async () => {
    await ctx.figma.clientStorage.setAsync('a', 1);
    await ctx.figma.clientStorage.setAsync('b', 2);
    expect(await ctx.figma.clientStorage.keysAsync()).toEqual(['a', 'b']);
    await ctx.figma.clientStorage.deleteAsync('a');
    expect(await ctx.figma.clientStorage.getAsync('a')).toBeUndefined();
    expect([...ctx.fake.clientStorage.keys()]).toEqual(['b']);
  });
});

describe('runCommand', () => {
  it('sets figma.command, passes parameters, and awaits async run handlers', async () => {
    expect(ctx.figma.command).toBe('');
    let seen: RunEvent | undefined;
    let finished = false;
    ctx.figma.on('run', async (e: RunEvent) => {
      seen = e;
      await tick(5);
      finished = true;
    });
    await ctx.fake.runCommand('open', { file: 'x' });
    expect(ctx.figma.command).toBe('open');
    expect(seen).toEqual({ command: 'open', parameters: { file: 'x' } });
    expect(finished).toBe(true);
  });
});
