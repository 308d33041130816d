/**
 * The strict fake as FigJam (`editorType: 'figjam'`), one test per rule, each citing its source
 * (the rules and their sources are listed in tests/support/figma-fake/figjam.ts).
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';
import { DESIGN_ONLY, FIGJAM_ONLY, SHAPE_SIZE, STICKY_SIZE } from '../support/figma-fake/figjam';

type Loose = Record<string, unknown>;
const MEDIUM = { family: 'Inter', style: 'Medium' };

describe('FigJam editor', () => {
  const ctx = useFake({ editorType: 'figjam' });

  it("figma.editorType is \"figjam\" (typings: editorType: 'figma' | 'figjam' | …)", () => {
    expect(ctx.figma.editorType).toBe('figjam');
  });

  // Typings: "Note: This API is only available in Figma Design"; figma-use-figjam: createPage in FigJam
  // "throws TypeError: figma.createPage no such property 'createPage' on the figma global object".
  it.each(DESIGN_ONLY)('figma.%s does not exist in FigJam', (name) => {
    expect(() => (ctx.figma as unknown as Loose)[name]).toThrow(
      new TypeError(`figma.${name} no such property '${name}' on the figma global object`),
    );
  });

  it('a sticky: 240 × 240 and not resizable (typings, createSticky; StickyNode has no resize)', () => {
    const s = ctx.figma.createSticky();
    expect(s.type).toBe('STICKY');
    expect([s.width, s.height]).toEqual([STICKY_SIZE, STICKY_SIZE]);
    expect(() => (s as unknown as Loose).resize).toThrow(/does not exist on this node type/);
    expect(() => ((s as unknown as Loose).isWideWidth = true)).toThrow(/not implemented/);
  });

  it('a sticky has a text sublayer that needs its font loaded (typings, createSticky example)', async () => {
    const s = ctx.figma.createSticky();
    expect(s.text.fontName).toEqual(MEDIUM);
    expect(() => (s.text.characters = 'Hello')).toThrow(/unloaded font "Inter Medium"/);
    await ctx.figma.loadFontAsync(s.text.fontName as FontName);
    s.text.characters = 'Hello';
    expect(s.text.characters).toBe('Hello');
    expect(() => ((s as unknown as Loose).text = {})).toThrow(/read only property 'text'/);
    expect(() => (s.text as unknown as Loose).textAutoResize).toThrow(/not implemented/);
  });

  it('a sticky: authorVisible is a boolean, fills take solid paints (typings, StickyNode)', () => {
    const s = ctx.figma.createSticky();
    expect(s.authorVisible).toBe(true);
    s.authorVisible = false;
    expect(s.authorVisible).toBe(false);
    expect(() => ((s as unknown as Loose).authorVisible = 'no')).toThrow(/Expected boolean/);
    s.fills = [{ type: 'SOLID', color: { r: 0.7, g: 0.9, b: 0.7 } }];
    expect((s.fills as SolidPaint[])[0].color).toEqual({ r: 0.7, g: 0.9, b: 0.7 });
    expect(() => (s.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1, a: 1 } as RGB }])).toThrow(
      /failed validation/,
    );
  });

  it('a shape with text: 208 × 208, resizable, shapeType an enum, cornerRadius read-only (typings)', async () => {
    const sh = ctx.figma.createShapeWithText();
    expect([sh.width, sh.height]).toEqual([SHAPE_SIZE, SHAPE_SIZE]);
    sh.resize(300, 80);
    expect([sh.width, sh.height]).toEqual([300, 80]);
    sh.shapeType = 'ROUNDED_RECTANGLE';
    expect(() => ((sh as unknown as Loose).shapeType = 'CIRCLE')).toThrow(/Invalid enum value/);
    expect(() => ((sh as unknown as Loose).cornerRadius = 4)).toThrow(/read only/);
    await ctx.figma.loadFontAsync(MEDIUM);
    sh.text.characters = 'Stage';
    expect(sh.text.characters).toBe('Stage');
  });

  it('a section holds children at positions relative to it and resizes (typings, SectionNode)', () => {
    const sec = ctx.figma.createSection();
    sec.x = 100;
    sec.y = 50;
    sec.resizeWithoutConstraints(800, 600);
    const s = ctx.figma.createSticky();
    sec.appendChild(s);
    s.x = 10;
    s.y = 20;
    expect(s.parent).toBe(sec);
    expect(s.absoluteBoundingBox).toEqual({ x: 110, y: 70, width: 240, height: 240 });
    expect([sec.width, sec.height]).toEqual([800, 600]);
  });

  it('a clone of a sticky keeps its text (typings, StickyNode.clone)', async () => {
    const s = ctx.figma.createSticky();
    await ctx.figma.loadFontAsync(MEDIUM);
    s.text.characters = 'Copy me';
    const c = s.clone();
    expect(c.text.characters).toBe('Copy me');
    c.text.characters = 'Changed';
    expect(s.text.characters).toBe('Copy me');
  });
});

describe('Figma Design editor', () => {
  const ctx = useFake();

  it('figma.editorType is "figma"', () => {
    expect(ctx.figma.editorType).toBe('figma');
  });

  // Typings: "Note: This API is only available in FigJam".
  it.each(FIGJAM_ONLY)('figma.%s does not exist in Figma Design', (name) => {
    expect(() => (ctx.figma as unknown as Loose)[name]).toThrow(/no such property/);
  });

  it('sections exist in both editors (typings: createSection has no editor note)', () => {
    expect(ctx.figma.createSection().type).toBe('SECTION');
  });
});
