/**
 * The strict in-memory Figma must fail where Figma fails, or every sandbox
 * test built on it could pass by accident. One test per rule.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeFigma, uninstallFakeFigma, type FakeFigma } from '../support/figma-fake';
import { unwrap } from '../support/figma-fake/nodes';

let fake: FakeFigma;
let figma: PluginAPI;
const inter = { family: 'Inter', style: 'Regular' };
const interBold = { family: 'Inter', style: 'Bold' };

beforeEach(() => {
  fake = installFakeFigma();
  figma = fake.figma;
});
afterEach(() => uninstallFakeFigma());

describe('fonts', () => {
  it('refuses text writes before the font is loaded, and allows them after', async () => {
    const t = figma.createText();
    expect(() => (t.characters = 'x')).toThrow(/unloaded font "Inter Regular"/);
    expect(() => (t.fontSize = 20)).toThrow(/unloaded font/);
    expect(() => (t.lineHeight = { unit: 'PIXELS', value: 20 })).toThrow(/unloaded font/);
    expect(() => (t.letterSpacing = { unit: 'PERCENT', value: 2 })).toThrow(/unloaded font/);
    expect(() => (t.textAutoResize = 'HEIGHT')).toThrow(/unloaded font/);
    expect(() => (t.textCase = 'UPPER')).toThrow(/unloaded font/);
    await figma.loadFontAsync(inter);
    t.characters = 'Hello';
    t.fontSize = 20;
    expect(t.characters).toBe('Hello');
  });

  it('needs the NEW font loaded to set fontName', async () => {
    const t = figma.createText();
    expect(() => (t.fontName = interBold)).toThrow(/unloaded font "Inter Bold"/);
    await figma.loadFontAsync(interBold);
    t.fontName = interBold; // the old (Regular) font need not be loaded
    expect(t.fontName).toEqual(interBold);
  });

  it('rejects fonts that do not exist, as declared by the test', async () => {
    uninstallFakeFigma();
    fake = installFakeFigma({ fonts: [{ family: 'Roboto', style: 'Regular' }] });
    await expect(fake.figma.loadFontAsync(inter)).rejects.toThrow(/could not be loaded/);
    await expect(fake.figma.loadFontAsync({ family: 'Roboto', style: 'Regular' })).resolves.toBeUndefined();
    expect(fake.figma.createText().hasMissingFont).toBe(true);
  });

  it('reports mixed fonts and needs every font in use loaded to write characters', async () => {
    await figma.loadFontAsync(inter);
    await figma.loadFontAsync(interBold);
    const t = figma.createText();
    t.characters = 'Hello world';
    t.setRangeFontName(0, 5, interBold);
    expect(t.fontName).toBe(figma.mixed);
    expect(t.getRangeFontName(0, 11)).toBe(figma.mixed);
    expect(t.getRangeFontName(0, 5)).toEqual(interBold);
    t.characters = 'Fine: both fonts in use are loaded';
    // A text styled partly in a font this run has not loaded (as in a file a colleague edited):
    const u = figma.createText();
    u.characters = 'abc';
    unwrap(u).charFonts = [inter, inter, { family: 'Inter', style: 'Italic' }];
    expect(() => (u.characters = 'x')).toThrow(/unloaded font "Inter Italic"/);
  });
});

describe('auto-layout sizing', () => {
  it("throws on FILL outside an auto-layout parent and allows it inside (after appending)", () => {
    const plain = figma.createFrame();
    const child = figma.createFrame();
    expect(() => (child.layoutSizingHorizontal = 'FILL')).toThrow(/FILL/); // parent is the page
    plain.appendChild(child);
    expect(() => (child.layoutSizingVertical = 'FILL')).toThrow(/FILL/); // parent has no auto-layout
    const row = figma.createFrame();
    row.layoutMode = 'HORIZONTAL';
    row.appendChild(child);
    child.layoutSizingHorizontal = 'FILL';
    expect(child.layoutSizingHorizontal).toBe('FILL');
  });

  it('allows HUG only on auto-layout frames and texts', () => {
    const rect = figma.createRectangle();
    expect(() => (rect.layoutSizingHorizontal = 'HUG')).toThrow(/HUG/);
    const frame = figma.createFrame();
    expect(() => (frame.layoutSizingVertical = 'HUG')).toThrow(/HUG/);
    frame.layoutMode = 'VERTICAL';
    frame.layoutSizingVertical = 'HUG';
    expect(frame.layoutSizingVertical).toBe('HUG');
    const text = figma.createText();
    text.layoutSizingHorizontal = 'HUG';
  });

  it('allows absolute positioning only inside auto-layout', () => {
    const frame = figma.createFrame();
    const child = figma.createRectangle();
    frame.appendChild(child);
    expect(() => (child.layoutPositioning = 'ABSOLUTE')).toThrow(/auto-layout/);
    frame.layoutMode = 'HORIZONTAL';
    child.layoutPositioning = 'ABSOLUTE';
  });
});

describe('dynamic-page', () => {
  it('throws on getNodeById and on assigning currentPage; the async APIs work', async () => {
    const r = figma.createRectangle();
    expect(() => figma.getNodeById(r.id)).toThrow(/dynamic-page.*getNodeByIdAsync/);
    expect(await figma.getNodeByIdAsync(r.id)).toBe(r);
    expect(await figma.getNodeByIdAsync('999:999')).toBeNull();
    const other = fake.addPage('Other');
    expect(() => {
      figma.currentPage = other;
    }).toThrow(/setCurrentPageAsync/);
    await figma.setCurrentPageAsync(other);
    expect(figma.currentPage).toBe(other);
  });

  it("needs loadAsync before another page's children are read", async () => {
    const other = fake.addPage('Other');
    expect(() => other.children).toThrow(/loadAsync/);
    await other.loadAsync();
    expect(other.children).toEqual([]);
  });
});

describe('removed nodes', () => {
  it('throws on any use of a removed node or its descendants, except id and removed', async () => {
    const frame = figma.createFrame();
    const child = figma.createRectangle();
    frame.appendChild(child);
    frame.remove();
    expect(frame.removed).toBe(true);
    expect(child.removed).toBe(true);
    expect(typeof frame.id).toBe('string');
    expect(() => frame.name).toThrow(/does not exist/);
    expect(() => (child.name = 'x')).toThrow(/does not exist/);
    expect(() => child.getPluginData('k')).toThrow(/does not exist/);
    expect(await figma.getNodeByIdAsync(child.id)).toBeNull();
  });
});

describe('structure', () => {
  it('has no appendChild on leaves, refuses cycles and out-of-range indexes, and re-parents', () => {
    const text = figma.createText();
    const rect = figma.createRectangle();
    expect(() => (text as unknown as FrameNode).appendChild(rect)).toThrow(/not a container/);
    const outer = figma.createFrame();
    const inner = figma.createFrame();
    outer.appendChild(inner);
    expect(() => inner.appendChild(outer)).toThrow(/parenting cycle/);
    expect(() => outer.insertChild(5, rect)).toThrow(/index greater/);
    inner.appendChild(rect);
    expect(rect.parent).toBe(inner);
    outer.appendChild(rect);
    expect(rect.parent).toBe(outer);
    expect(inner.children).toEqual([]);
  });

  it('clones next to the original with new ids and the same plugin data', () => {
    const frame = figma.createFrame();
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    frame.appendChild(a);
    frame.appendChild(b);
    a.setPluginData('key', 'card:0');
    a.setSharedPluginData('journeymap', 'x', '1');
    a.setRelaunchData({ edit: 'Edit' });
    const copy = a.clone();
    expect(frame.children).toEqual([a, copy, b]);
    expect(copy.id).not.toBe(a.id);
    expect(copy.getPluginData('key')).toBe('card:0');
    expect(copy.getSharedPluginData('journeymap', 'x')).toBe('1');
    expect(copy.getRelaunchData()).toEqual({ edit: 'Edit' });
  });

  it('refuses tiny sizes', () => {
    const r = figma.createRectangle();
    expect(() => r.resize(0, 10)).toThrow(/0.01/);
    r.resize(0.01, 10);
    expect(r.width).toBe(0.01);
  });
});

describe('vector paths', () => {
  it('accepts absolute M L Q C Z paths and rejects what Figma rejects', () => {
    const v = figma.createVector();
    v.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 C 1 2 3 4 5 6 L 7 8 Q 1 1 2 2 Z' }];
    for (const bad of ['m 0 0 l 1 1', 'M 0 0 H 10', 'M 0 0 A 1 1 0 0 1 2 2', 'M 0,0 L 1,1', 'M 0 0 L 1e3 1', 'M 0 0 L NaN 1', 'M 0 0 C 1 2 3', 'L 1 1']) {
      expect(() => (v.vectorPaths = [{ windingRule: 'NONE', data: bad }]), bad).toThrow(/parse path/);
    }
  });
});

describe('data on nodes', () => {
  it('keeps plugin data per node, validates namespaces, deletes on empty, and caps entries at 100 kB', () => {
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    a.setPluginData('k', 'v');
    expect(b.getPluginData('k')).toBe('');
    expect(a.getPluginDataKeys()).toEqual(['k']);
    a.setPluginData('k', '');
    expect(a.getPluginDataKeys()).toEqual([]);
    expect(() => a.setSharedPluginData('x', 'k', 'v')).toThrow(/namespace/);
    expect(() => a.setPluginData('big', 'x'.repeat(100 * 1024))).toThrow(/100 kB/);
    a.setPluginData('ok', 'x'.repeat(90 * 1024));
  });

  it('rejects paint colours outside 0..1 and freezes paint arrays', () => {
    const r = figma.createRectangle();
    expect(() => (r.fills = [{ type: 'SOLID', color: { r: 255, g: 0, b: 0 } }])).toThrow(/between 0 and 1/);
    r.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }];
    expect(Object.isFrozen(r.fills)).toBe(true);
  });
});

describe('strictness about itself', () => {
  it('throws on APIs it does not implement, on figma and on nodes, but lets await and expect inspect nodes', async () => {
    expect(() => (figma as unknown as { createSticky: () => void }).createSticky()).toThrow(/not implemented/);
    expect(() => (figma.ui as unknown as { bogus: number }).bogus).toThrow(/not implemented/);
    const r = figma.createRectangle();
    expect(() => (r as unknown as { bogus: number }).bogus).toThrow(/not implemented/);
    expect(() => ((r as unknown as { bogus: number }).bogus = 1)).toThrow(/not implemented/);
    expect(await Promise.resolve(r)).toBe(r);
  });
});

describe('bookkeeping', () => {
  it('counts creations and writes per node, and resets', () => {
    fake.resetStats();
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    a.name = 'A';
    a.opacity = 0.5;
    b.setPluginData('k', 'v');
    expect(fake.stats()).toMatchObject({ created: 2, writes: 3, nodesWritten: 2 });
    fake.resetStats();
    expect(fake.stats()).toMatchObject({ created: 0, writes: 0, nodesWritten: 0 });
  });

  it('records commitUndo, notify, selection and viewport calls', () => {
    figma.commitUndo();
    figma.notify('hi', { error: true });
    const r = figma.createRectangle();
    figma.currentPage.selection = [r];
    figma.viewport.scrollAndZoomIntoView([r]);
    expect(fake.undoCommits).toBe(1);
    expect(fake.notifications).toEqual([{ message: 'hi', options: { error: true } }]);
    expect(figma.currentPage.selection).toEqual([r]);
    expect(fake.scrolledTo).toEqual([[r]]);
  });

  it('passes UI messages as structured clones, asynchronously, and awaits async handlers', async () => {
    const received: unknown[] = [];
    let finished = false;
    figma.showUI('<p>x</p>');
    figma.ui.onmessage = async (msg: unknown) => {
      received.push(msg);
      await new Promise((r) => setTimeout(r, 5));
      finished = true;
    };
    const msg = { type: 'x', nested: { a: 1 } };
    const delivery = fake.sendToPlugin(msg);
    expect(received).toEqual([]); // not delivered synchronously
    await delivery;
    expect(finished).toBe(true);
    expect(received[0]).toEqual(msg);
    expect(received[0]).not.toBe(msg);
    const out = { type: 'y' };
    figma.ui.postMessage(out);
    out.type = 'changed';
    expect(fake.uiMessages).toEqual([{ type: 'y' }]);
  });

  it('clones clientStorage values and runs commands', async () => {
    const value = { a: [1, 2] };
    await figma.clientStorage.setAsync('k', value);
    value.a.push(3);
    expect(await figma.clientStorage.getAsync('k')).toEqual({ a: [1, 2] });
    let ran = '';
    figma.on('run', async ({ command }: RunEvent) => {
      await new Promise((r) => setTimeout(r, 1));
      ran = command;
    });
    await fake.runCommand('open');
    expect(ran).toBe('open');
    expect(figma.command).toBe('open');
  });
});
