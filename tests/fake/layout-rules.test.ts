/**
 * Auto-layout rules in the strict fake. Typings, layoutSizingHorizontal:
 * "HUG" is only valid on auto-layout frames and text nodes. "FILL" is only
 * valid on auto-layout children. Setting these values when they don't apply
 * will throw an error." layoutPositioning: only for children of auto-layout frames.
 */
import { describe, expect, it } from 'vitest';
import { INTER, useFake } from './use-fake';

const ctx = useFake();
const AXES = ['layoutSizingHorizontal', 'layoutSizingVertical'] as const;

function autoFrame(mode: 'HORIZONTAL' | 'VERTICAL'): FrameNode {
  const f = ctx.figma.createFrame();
  f.layoutMode = mode;
  return f;
}

describe("'FILL'", () => {
  it.each(AXES)('%s = FILL throws for a child of the page', (axis) => {
    const r = ctx.figma.createRectangle();
    expect(r.parent).toBe(ctx.figma.currentPage);
    expect(() => (r[axis] = 'FILL')).toThrow(`in set_${axis}: FILL can only be set on children of auto-layout frames`);
    expect(r[axis]).toBe('FIXED');
  });

  it.each(AXES)('%s = FILL throws for a child of a frame without auto-layout', (axis) => {
    const plain = ctx.figma.createFrame();
    expect(plain.layoutMode).toBe('NONE');
    const child = ctx.figma.createFrame();
    plain.appendChild(child);
    expect(() => (child[axis] = 'FILL')).toThrow(/FILL can only be set on children of auto-layout frames/);
  });

  it.each(AXES)('%s = FILL works inside horizontal and vertical auto-layout frames', (axis) => {
    for (const mode of ['HORIZONTAL', 'VERTICAL'] as const) {
      const row = autoFrame(mode);
      const child = ctx.figma.createRectangle();
      row.appendChild(child);
      child[axis] = 'FILL';
      expect(child[axis], mode).toBe('FILL');
    }
  });

  it('stops being FILL once the node leaves auto-layout', () => {
    const row = autoFrame('HORIZONTAL');
    const child = ctx.figma.createRectangle();
    row.appendChild(child);
    child.layoutSizingHorizontal = 'FILL';
    ctx.figma.currentPage.appendChild(child);
    expect(child.layoutSizingHorizontal).toBe('FIXED');
  });

  it('refuses values outside FIXED | HUG | FILL', () => {
    const r = ctx.figma.createRectangle();
    expect(() => ((r as { layoutSizingHorizontal: string }).layoutSizingHorizontal = 'STRETCH')).toThrow(
      /Invalid enum value/,
    );
  });
});

describe("'HUG'", () => {
  it.each(AXES)('%s = HUG throws on a rectangle, even inside auto-layout', (axis) => {
    const r = ctx.figma.createRectangle();
    expect(() => (r[axis] = 'HUG')).toThrow(`in set_${axis}: HUG can only be set on auto-layout frames and text nodes`);
    autoFrame('HORIZONTAL').appendChild(r);
    expect(() => (r[axis] = 'HUG')).toThrow(/HUG can only be set/);
  });

  it.each(AXES)('%s = HUG throws on a frame without auto-layout', (axis) => {
    const f = ctx.figma.createFrame();
    expect(() => (f[axis] = 'HUG')).toThrow(/HUG can only be set on auto-layout frames and text nodes/);
    expect(f[axis]).toBe('FIXED');
  });

  it.each(AXES)('%s = HUG works on an auto-layout frame', (axis) => {
    const f = autoFrame('VERTICAL');
    f.resize(200, 200); // explicit size: both axes FIXED first, so HUG is a real change
    expect(f[axis]).toBe('FIXED');
    f[axis] = 'HUG';
    expect(f[axis]).toBe('HUG');
  });

  it.each(AXES)('%s = HUG works on a text', async (axis) => {
    await ctx.figma.loadFontAsync(INTER);
    const t = ctx.figma.createText();
    t.textAutoResize = 'NONE';
    expect(t[axis]).toBe('FIXED');
    t[axis] = 'HUG';
    expect(t[axis]).toBe('HUG');
  });
});

describe("layoutPositioning = 'ABSOLUTE'", () => {
  it('throws for a child of the page and of a frame without auto-layout', () => {
    const r = ctx.figma.createRectangle();
    expect(() => (r.layoutPositioning = 'ABSOLUTE')).toThrow(
      'in set_layoutPositioning: node must be a child of an auto-layout frame',
    );
    const plain = ctx.figma.createFrame();
    plain.appendChild(r);
    expect(() => (r.layoutPositioning = 'ABSOLUTE')).toThrow(/child of an auto-layout frame/);
    expect(r.layoutPositioning).toBe('AUTO');
  });

  it('works inside an auto-layout frame, and resets to AUTO when moved out', () => {
    const row = autoFrame('HORIZONTAL');
    const r = ctx.figma.createRectangle();
    row.appendChild(r);
    r.layoutPositioning = 'ABSOLUTE';
    expect(r.layoutPositioning).toBe('ABSOLUTE');
    ctx.figma.createFrame().appendChild(r);
    expect(r.layoutPositioning).toBe('AUTO');
  });

  it('refuses unknown values even inside auto-layout', () => {
    const row = autoFrame('VERTICAL');
    const r = ctx.figma.createRectangle();
    row.appendChild(r);
    expect(() => ((r as { layoutPositioning: string }).layoutPositioning = 'FIXED')).toThrow(/Invalid enum value/);
  });
});
