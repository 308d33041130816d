/**
 * Paints in the strict fake. Typings (RGB): channels are 0..1, not 0..255;
 * Figma validates fills/strokes on write and hands back frozen arrays.
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();
const solid = (r: number, g: number, b: number): SolidPaint => ({ type: 'SOLID', color: { r, g, b } });

describe('colour channels', () => {
  it.each([
    ['r = 255', solid(255, 0, 0)],
    ['g = 1.01', solid(0, 1.01, 0)],
    ['b = -0.1', solid(0, 0, -0.1)],
    ['r = NaN', solid(Number.NaN, 0, 0)],
  ])('refuses %s in fills and strokes, leaving the old paint', (_, paint) => {
    const r = ctx.figma.createRectangle();
    r.fills = [solid(0, 0, 1)];
    expect(() => (r.fills = [paint])).toThrow(/in set_fills: Property "fills" failed validation/);
    expect(() => (r.strokes = [paint])).toThrow(/in set_strokes: Property "strokes" failed validation/);
    expect((r.fills as SolidPaint[])[0].color).toEqual({ r: 0, g: 0, b: 1 });
    expect(r.strokes).toEqual([]);
  });

  it('accepts the 0 and 1 edges', () => {
    const r = ctx.figma.createRectangle();
    r.fills = [solid(0, 1, 0.5)];
    expect((r.fills as SolidPaint[])[0].color).toEqual({ r: 0, g: 1, b: 0.5 });
  });
});

describe('frozen read-back', () => {
  it('fills and strokes arrays, their paints and colours are frozen', () => {
    const r = ctx.figma.createRectangle();
    r.fills = [solid(1, 0, 0)];
    r.strokes = [solid(0, 0, 0)];
    for (const paints of [r.fills as SolidPaint[], r.strokes as SolidPaint[]]) {
      expect(Object.isFrozen(paints)).toBe(true);
      expect(Object.isFrozen(paints[0])).toBe(true);
      expect(Object.isFrozen(paints[0].color)).toBe(true);
      expect(() => (paints as SolidPaint[]).push(solid(0, 0, 0))).toThrow(TypeError);
    }
  });

  it("a new frame's default white fill is frozen too", () => {
    const f = ctx.figma.createFrame();
    expect((f.fills as SolidPaint[])[0].color).toEqual({ r: 1, g: 1, b: 1 });
    expect(Object.isFrozen(f.fills)).toBe(true);
  });

  it('mutating the array that was written does not change the node', () => {
    const r = ctx.figma.createRectangle();
    const color = { r: 1, g: 0, b: 0 };
    const paints: SolidPaint[] = [{ type: 'SOLID', color }];
    r.fills = paints;
    paints.push(solid(0, 1, 0));
    color.r = 0;
    expect(r.fills).toHaveLength(1);
    expect((r.fills as SolidPaint[])[0].color.r).toBe(1);
  });
});
