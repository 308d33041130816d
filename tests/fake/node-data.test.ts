/**
 * Data stored on nodes (typings, PluginDataMixin): plugin data, shared plugin
 * data under a namespace of at least 3 alphanumeric characters, relaunch data;
 * each per node, copied by clone(); "" deletes; an entry is at most 100 kB.
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();
const NS = 'journeymap';

describe('plugin data', () => {
  it('is per node and answers "" for a missing key', () => {
    const a = ctx.figma.createRectangle();
    const b = ctx.figma.createRectangle();
    a.setPluginData('k', 'for a');
    b.setPluginData('k', 'for b');
    expect([a.getPluginData('k'), b.getPluginData('k')]).toEqual(['for a', 'for b']);
    expect(a.getPluginData('missing')).toBe('');
    expect(a.getPluginDataKeys()).toEqual(['k']);
  });

  it('the empty string deletes the key', () => {
    const a = ctx.figma.createRectangle();
    a.setPluginData('k', 'v');
    a.setPluginData('other', 'w');
    a.setPluginData('k', '');
    expect(a.getPluginDataKeys()).toEqual(['other']);
    expect(a.getPluginData('k')).toBe('');
  });

  it('refuses a non-string value', () => {
    const a = ctx.figma.createRectangle();
    expect(() => a.setPluginData('k', 5 as unknown as string)).toThrow(/Expected value to be a string/);
    expect(a.getPluginDataKeys()).toEqual([]);
  });

  it('caps an entry (plugin id + key + value) at 100 kB', () => {
    const a = ctx.figma.createRectangle();
    const max = 100_000 - ctx.figma.pluginId!.length - 1; // typings: "(`pluginId`, `key`, `value`)"
    a.setPluginData('k', 'x'.repeat(max)); // exactly 100 kB
    expect(a.getPluginData('k').length).toBe(max);
    expect(() => a.setPluginData('k', 'x'.repeat(max + 1))).toThrow(
      'in setPluginData: The total size of the entry "k" exceeds the 100 kB limit',
    );
    expect(() => a.setPluginData('kk', 'x'.repeat(max))).toThrow(/100 kB/); // the key counts too
    expect(a.getPluginData('k').length).toBe(max); // the refused write left the old value
  });
});

describe('plugin data belongs to the plugin id; shared data to everyone', () => {
  it("figma.pluginId is the manifest's id unless the fake is given another", () => {
    expect(ctx.figma.pluginId).toBe('journey-map-figma-plugin');
    expect(ctx.fake.pluginId).toBe('journey-map-figma-plugin');
    ctx.reinstall({ pluginId: '1234567890' });
    expect(ctx.figma.pluginId).toBe('1234567890');
  });

  it('another plugin id sees none of the private data, and keeps its own; shared data is seen by all', () => {
    const a = ctx.figma.createFrame();
    a.setPluginData('role', 'map');
    a.setSharedPluginData(NS, 'role', 'map');
    ctx.fake.switchPluginId('1234567890'); // e.g. the id Figma assigns when the plugin is published
    expect(ctx.figma.pluginId).toBe('1234567890');
    expect(a.getPluginData('role')).toBe('');
    expect(a.getPluginDataKeys()).toEqual([]);
    expect(a.getSharedPluginData(NS, 'role')).toBe('map');
    a.setPluginData('role', 'other');
    a.setSharedPluginData(NS, 'note', 'from the second id');
    ctx.fake.switchPluginId('journey-map-figma-plugin');
    expect(a.getPluginData('role')).toBe('map'); // the first id's data is still there, its own
    expect(a.getSharedPluginData(NS, 'note')).toBe('from the second id');
  });

  it("clone() and createComponentFromNode keep every id's data apart", () => {
    const a = ctx.figma.createFrame();
    a.setPluginData('k', 'first');
    ctx.fake.switchPluginId('second');
    a.setPluginData('k', 'second');
    const copy = a.clone();
    const comp = ctx.figma.createComponentFromNode(a);
    expect([copy.getPluginData('k'), comp.getPluginData('k')]).toEqual(['second', 'second']);
    ctx.fake.switchPluginId('journey-map-figma-plugin');
    expect([copy.getPluginData('k'), comp.getPluginData('k')]).toEqual(['first', 'first']);
  });
});

describe('shared plugin data', () => {
  it('is per node and per namespace', () => {
    const a = ctx.figma.createRectangle();
    const b = ctx.figma.createRectangle();
    a.setSharedPluginData(NS, 'k', '1');
    a.setSharedPluginData('other', 'k', '2');
    expect(a.getSharedPluginData(NS, 'k')).toBe('1');
    expect(a.getSharedPluginData('other', 'k')).toBe('2');
    expect(b.getSharedPluginData(NS, 'k')).toBe('');
    expect(a.getSharedPluginDataKeys(NS)).toEqual(['k']);
    expect(a.getPluginData('k')).toBe(''); // private plugin data is separate
  });

  it.each(['', 'ab', 'journey map', 'journey-map', 'journey_map', 'journey.map', 'café'])(
    'refuses the namespace %j on set, get and keys',
    (ns) => {
      const a = ctx.figma.createRectangle();
      expect(() => a.setSharedPluginData(ns, 'k', 'v')).toThrow(`Invalid namespace "${ns}"`);
      expect(() => a.getSharedPluginData(ns, 'k')).toThrow(/Invalid namespace/);
      expect(() => a.getSharedPluginDataKeys(ns)).toThrow(/Invalid namespace/);
    },
  );

  it.each(['abc', 'JourneyMap2', NS])('accepts the namespace %j', (ns) => {
    const a = ctx.figma.createRectangle();
    a.setSharedPluginData(ns, 'k', 'v');
    expect(a.getSharedPluginData(ns, 'k')).toBe('v');
  });

  it('the empty string deletes; an entry (namespace + key + value) is capped at 100 kB', () => {
    const a = ctx.figma.createRectangle();
    a.setSharedPluginData(NS, 'k', 'v');
    a.setSharedPluginData(NS, 'k', '');
    expect(a.getSharedPluginDataKeys(NS)).toEqual([]);
    a.setSharedPluginData(NS, 'k', 'x'.repeat(100_000 - NS.length - 1));
    expect(() => a.setSharedPluginData(NS, 'k', 'x'.repeat(100_000 - NS.length))).toThrow(
      'in setSharedPluginData: The total size of the entry "k" exceeds the 100 kB limit',
    );
  });
});

describe('relaunch data', () => {
  it('is per node, read back as a copy, and replaced as a whole', () => {
    const a = ctx.figma.createFrame();
    const b = ctx.figma.createFrame();
    a.setRelaunchData({ edit: 'Edit the map', open: '' });
    expect(a.getRelaunchData()).toEqual({ edit: 'Edit the map', open: '' });
    expect(b.getRelaunchData()).toEqual({});
    const read = a.getRelaunchData();
    read.edit = 'changed';
    expect(a.getRelaunchData().edit).toBe('Edit the map');
    a.setRelaunchData({ open: 'Open' });
    expect(a.getRelaunchData()).toEqual({ open: 'Open' });
  });

  it('refuses non-string descriptions', () => {
    const a = ctx.figma.createFrame();
    expect(() => a.setRelaunchData({ edit: 1 as unknown as string })).toThrow(/must be a string/);
  });
});

describe('clone() copies all three, independently', () => {
  it('the copy starts with the same data, and later writes do not leak between them', () => {
    const parent = ctx.figma.createFrame();
    const a = ctx.figma.createFrame();
    const child = ctx.figma.createRectangle();
    parent.appendChild(a);
    a.appendChild(child);
    a.setPluginData('key', 'card:0');
    a.setSharedPluginData(NS, 'format', '1');
    a.setRelaunchData({ edit: 'Edit' });
    child.setPluginData('role', 'label');

    const copy = a.clone();
    expect(copy.getPluginData('key')).toBe('card:0');
    expect(copy.getSharedPluginData(NS, 'format')).toBe('1');
    expect(copy.getRelaunchData()).toEqual({ edit: 'Edit' });
    expect((copy.children[0] as RectangleNode).getPluginData('role')).toBe('label');

    copy.setPluginData('key', 'card:1');
    copy.setSharedPluginData(NS, 'format', '2');
    copy.setRelaunchData({});
    expect(a.getPluginData('key')).toBe('card:0');
    expect(a.getSharedPluginData(NS, 'format')).toBe('1');
    expect(a.getRelaunchData()).toEqual({ edit: 'Edit' });
  });
});
