/**
 * The fake's finer Figma behaviours: exact error wording the plugin may meet,
 * derived sizing properties, groups, paints as Figma reads them back, and the
 * shape of nodes seen through `in`. Each test pins one rule that a looser fake
 * would get wrong.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeFigma, uninstallFakeFigma, type FakeFigma } from '../support/figma-fake';
import { validatePathData } from '../support/figma-fake/paths';

let fake: FakeFigma;
let figma: PluginAPI;
const red = { r: 1, g: 0, b: 0 };

beforeEach(() => {
  fake = installFakeFigma();
  figma = fake.figma;
});
afterEach(() => uninstallFakeFigma());

describe("Figma's error wording", () => {
  it('names the operation and the id for every use of a removed node', () => {
    const r = figma.createRectangle();
    r.remove();
    expect(() => r.parent).toThrow(`in get_parent: The node with id "${r.id}" does not exist`);
    expect(() => (r.name = 'x')).toThrow(`in set_name: The node with id "${r.id}" does not exist`);
    expect(() => r.remove()).toThrow(`in remove: The node with id "${r.id}" does not exist`);
    expect(() => r.setPluginData('k', 'v')).toThrow(`in setPluginData: The node with id "${r.id}" does not exist`);
  });

  it('uses the unloaded-font message Figma gives', () => {
    const t = figma.createText();
    expect(() => (t.characters = 'x')).toThrow(
      'in set_characters: Cannot write to node with unloaded font "Inter Regular". Please call figma.loadFontAsync({ family: "Inter", style: "Regular" }) and await the returned promise first.',
    );
  });

  it("rejects unknown fonts with Figma's message, and loads a whole family when style is omitted", async () => {
    await expect(figma.loadFontAsync({ family: 'Comic Neue', style: 'Bold' })).rejects.toThrow(
      'The font "Comic Neue Bold" could not be loaded',
    );
    await figma.loadFontAsync({ family: 'Inter' } as FontName);
    const t = figma.createText();
    t.fontName = { family: 'Inter', style: 'Bold' }; // loaded as part of the family
    t.characters = 'ok';
    expect(t.characters).toBe('ok');
  });
});

describe('paints', () => {
  it('refuses unknown keys like an alpha inside a SOLID colour, with the failing path', () => {
    const r = figma.createRectangle();
    expect(() => (r.fills = [{ type: 'SOLID', color: { ...red, a: 0.5 } as RGB }])).toThrow(
      /Unrecognized key\(s\) in object: 'a' at \[0\]\.color/,
    );
    expect(() => (r.strokes = [{ type: 'SOLID', color: red, alpha: 1 } as unknown as Paint])).toThrow(
      /in set_strokes: .*'alpha'/,
    );
    expect(() => (r.fills = [{ type: 'SOLID', color: red, opacity: 1.5 }])).toThrow(/opacity/);
  });

  it('reads paints back normalised, as Figma does (visible, opacity, blendMode filled in)', () => {
    const r = figma.createRectangle();
    r.fills = [{ type: 'SOLID', color: red }];
    expect(r.fills).toEqual([{ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: red }]);
    expect(Object.isFrozen((r.fills as SolidPaint[])[0].color)).toBe(true);
  });
});

describe('layout sizing is a view of the underlying properties', () => {
  it('FILL maps to layoutGrow on the primary axis and layoutAlign on the counter axis, and back', () => {
    const row = figma.createFrame();
    row.layoutMode = 'HORIZONTAL';
    const child = figma.createFrame();
    row.appendChild(child);
    child.layoutSizingHorizontal = 'FILL';
    child.layoutSizingVertical = 'FILL';
    expect(child.layoutGrow).toBe(1);
    expect(child.layoutAlign).toBe('STRETCH');
    child.layoutGrow = 0;
    expect(child.layoutSizingHorizontal).toBe('FIXED');
    expect(child.layoutSizingVertical).toBe('FILL');
    // Out of auto-layout, nothing can be FILL any more.
    figma.currentPage.appendChild(child);
    expect(child.layoutSizingVertical).toBe('FIXED');
  });

  it('HUG maps to the frame sizing modes; resize() turns a hugging frame FIXED', () => {
    const col = figma.createFrame();
    col.layoutMode = 'VERTICAL';
    col.layoutSizingHorizontal = 'HUG'; // counter axis of a vertical frame
    expect(col.counterAxisSizingMode).toBe('AUTO');
    col.layoutSizingVertical = 'FIXED';
    expect(col.primaryAxisSizingMode).toBe('FIXED');
    col.layoutSizingVertical = 'HUG';
    col.resize(200, 300);
    expect([col.layoutSizingHorizontal, col.layoutSizingVertical]).toEqual(['FIXED', 'FIXED']);
  });

  it('texts hug through textAutoResize', () => {
    const t = figma.createText();
    expect(t.layoutSizingHorizontal).toBe('HUG'); // new texts are WIDTH_AND_HEIGHT
    t.layoutSizingHorizontal = 'FIXED';
    expect(t.textAutoResize).toBe('HEIGHT');
    expect(t.layoutSizingVertical).toBe('HUG');
    t.layoutSizingVertical = 'FIXED';
    expect(t.textAutoResize).toBe('NONE');
  });

  it('refuses layoutGrow other than 0 or 1, GRID, and FILL on an absolutely positioned child', () => {
    const row = figma.createFrame();
    row.layoutMode = 'HORIZONTAL';
    const child = figma.createRectangle();
    row.appendChild(child);
    expect(() => (child.layoutGrow = 0.5)).toThrow(/0 or 1/);
    expect(() => (row.layoutMode = 'GRID')).toThrow(/not implemented/);
    child.layoutPositioning = 'ABSOLUTE';
    expect(() => (child.layoutSizingHorizontal = 'FILL')).toThrow(/absolutely positioned/);
  });
});

describe('groups', () => {
  it('take their bounds from their children and keep them at the same absolute place', () => {
    const frame = figma.createFrame();
    frame.x = 100;
    frame.y = 50;
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    a.x = 10;
    a.y = 10;
    b.x = 200;
    b.y = 300;
    b.resize(20, 20);
    frame.appendChild(a);
    const group = figma.group([a, b], frame); // b moves from the page into the frame: absolute place kept
    expect(b.absoluteBoundingBox).toEqual({ x: 200, y: 300, width: 20, height: 20 });
    expect(b.x).toBe(100);
    expect([group.x, group.y, group.width, group.height]).toEqual([10, 10, 110, 260]);
    expect(group.absoluteTransform).toEqual([
      [1, 0, 110],
      [0, 1, 60],
    ]);
    group.x = 0; // moving a group moves its children
    expect([a.x, b.x]).toEqual([0, 90]);
  });

  it('delete themselves when their last child leaves, as Figma does', () => {
    const frame = figma.createFrame();
    const a = figma.createRectangle();
    frame.appendChild(a);
    const group = figma.group([a], frame);
    frame.appendChild(a);
    expect(group.removed).toBe(true);
    expect(frame.children).toEqual([a]);
  });

  it('refuse an empty node list and grouping a parent into its own child', () => {
    const frame = figma.createFrame();
    const inner = figma.createFrame();
    frame.appendChild(inner);
    expect(() => figma.group([], frame)).toThrow(/at least one node/);
    expect(() => figma.group([frame], inner)).toThrow(/parenting cycle/);
  });
});

describe('node shape', () => {
  it('answers `in` per node type, as plugin code tests for mixins that way', () => {
    const t = figma.createText();
    const f = figma.createFrame();
    const g = figma.group([figma.createRectangle()], figma.currentPage);
    expect(['children' in t, 'appendChild' in t, 'characters' in t, 'setRangeFontName' in t]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(['children' in f, 'appendChild' in f, 'characters' in f, 'layoutSizingHorizontal' in f]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(['layoutSizingHorizontal' in g, 'children' in g]).toEqual([false, true]);
    expect(() => (f as unknown as TextNode).getRangeFontName(0, 1)).toThrow(/does not exist on this node type/);
  });

  it('keeps pages out of frames and frames out of the document', () => {
    const other = fake.addPage('Other');
    const f = figma.createFrame();
    expect(() => f.appendChild(other as unknown as SceneNode)).toThrow(/Pages can only be children of the document/);
    expect(() => figma.root.appendChild(f as unknown as PageNode)).toThrow(/other than PAGE/);
  });

  it('de-duplicates the selection and refuses nodes of another page', async () => {
    const r = figma.createRectangle();
    figma.currentPage.selection = [r, r];
    expect(figma.currentPage.selection).toEqual([r]);
    const other = fake.addPage('Other');
    await figma.setCurrentPageAsync(other);
    expect(() => (figma.currentPage.selection = [r])).toThrow(/must be on the page/);
  });

  it('resizes a text in a MISSING font without loading it, but needs an existing font loaded', () => {
    uninstallFakeFigma();
    fake = installFakeFigma({ fonts: [{ family: 'Roboto', style: 'Regular' }] });
    const t = fake.figma.createText(); // Inter Regular: missing in this "Figma"
    t.resize(50, 20);
    expect(t.width).toBe(50);
    const u = fake.figma.createText();
    return fake.figma.loadFontAsync({ family: 'Roboto', style: 'Regular' }).then(() => {
      u.fontName = { family: 'Roboto', style: 'Regular' };
      uninstallFakeFigma();
      // A fresh run: Roboto exists but is not loaded yet.
      fake = installFakeFigma({ fonts: [{ family: 'Inter', style: 'Regular' }] });
      const v = fake.figma.createText();
      expect(() => v.resize(50, 20)).toThrow(/in set_resize: Cannot write to node with unloaded font "Inter Regular"/);
    });
  });
});

describe('data limits and vector paths', () => {
  it('counts plugin data in UTF-8 bytes, key included', () => {
    const r = figma.createRectangle();
    const emoji = '😀'.repeat(25_000); // 50 000 UTF-16 units, 100 000 bytes
    expect(() => r.setPluginData('k', emoji)).toThrow(/100 kB/);
    r.setPluginData('k', '😀'.repeat(24_000));
    expect(r.getPluginData('k').length).toBe(48_000);
    expect(() => r.setSharedPluginData('journeymap', 'k', emoji)).toThrow(/100 kB/);
  });

  it('wants path tokens separated by single spaces, as the typings say', () => {
    expect(() => validatePathData('M 0 0 L 1 1 Z')).not.toThrow();
    for (const bad of ['M 0 0  L 1 1', ' M 0 0', 'M 0 0 L 1 1 ', 'M 0 0\nL 1 1', 'M\t0 0']) {
      expect(() => validatePathData(bad), JSON.stringify(bad)).toThrow(/single spaces/);
    }
  });
});
