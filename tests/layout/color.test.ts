// Colour maths: the emotion scale, hex conversion and WCAG contrast.
// Reference values marked "culori" were computed once with culori 4.0.2, an
// independent implementation: interpolate([...stops], 'oklch'), then
// clampChroma(c, 'oklch') and formatHex; wcagContrast for contrast ratios.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contrastRatio, hexToRgb, luminance, rgbToHex, scoreColor, SCORE_COLORS } from '../../src/layout/color';
import type { Rgb } from '../../src/layout/spec';

const WHITE: Rgb = { r: 1, g: 1, b: 1 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };
/** The emotion lane's background in the theme at the time of writing (near-white). */
const LANE = hexToRgb('#F9FAFB');

const quarter = fc.integer({ min: -8, max: 8 }).map((n) => n / 4);
const score = fc.double({ min: -2, max: 2, noNaN: true });
const channel = fc.double({ min: 0, max: 1, noNaN: true });
const rgb = fc.record({ r: channel, g: channel, b: channel });

// culori: quarter scores → hex, stops #D92D20 / #B08800 / #079455 blended in OKLCH.
const CULORI: Record<string, string> = {
  '-2': '#D92D20',
  '-1.75': '#D63E00',
  '-1.5': '#CE5200',
  '-1.25': '#C75F00',
  '-1': '#C26900',
  '-0.75': '#BD7200',
  '-0.5': '#B97A00',
  '-0.25': '#B58100',
  '0': '#B08800',
  '0.25': '#A48B00',
  '0.5': '#978D00',
  '0.75': '#898F0C',
  '1': '#79911E',
  '1.25': '#67932D',
  '1.5': '#52943B',
  '1.75': '#399448',
  '2': '#079455',
};

describe('scoreColor', () => {
  it('is red at -2, amber-yellow at 0, green at +2', () => {
    expect(rgbToHex(scoreColor(-2))).toBe('#D92D20');
    expect(rgbToHex(scoreColor(0))).toBe('#B08800');
    expect(rgbToHex(scoreColor(2))).toBe('#079455');
    expect(SCORE_COLORS).toEqual({ negative: '#D92D20', neutral: '#B08800', positive: '#079455' });
    const red = scoreColor(-2),
      amber = scoreColor(0),
      green = scoreColor(2);
    expect(red.r).toBeGreaterThan(red.g + 0.5);
    expect(green.g).toBeGreaterThan(green.r + 0.5);
    expect(amber.r).toBeGreaterThan(amber.b + 0.5); // warm…
    expect(amber.g).toBeGreaterThan(amber.b + 0.4); // …and yellowish, not orange-red
  });

  it('blends in OKLCH exactly as an independent implementation does', () => {
    for (const [s, hex] of Object.entries(CULORI)) expect(rgbToHex(scoreColor(Number(s))), `score ${s}`).toBe(hex);
  });

  it('clamps scores outside the scale and treats NaN as neutral', () => {
    expect(scoreColor(-7)).toEqual(scoreColor(-2));
    expect(scoreColor(Infinity)).toEqual(scoreColor(2));
    expect(scoreColor(NaN)).toEqual(scoreColor(0));
  });

  it('gives channels in [0, 1], Figma paint style', () => {
    fc.assert(
      fc.property(score, (s) => {
        const c = scoreColor(s);
        for (const v of [c.r, c.g, c.b]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('turns from red to green as the score rises (green minus red is monotone)', () => {
    const warmth = (s: number) => scoreColor(s).g - scoreColor(s).r;
    fc.assert(
      fc.property(quarter, quarter, (a, b) => {
        if (a < b) expect(warmth(a)).toBeLessThan(warmth(b));
      }),
    );
    fc.assert(
      fc.property(score, score, (a, b) => {
        if (a < b) expect(warmth(a)).toBeLessThanOrEqual(warmth(b) + 1e-4); // 4-decimal channels
      }),
    );
  });

  it('changes smoothly: a hundredth of a point never jumps the colour', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 1.99, noNaN: true }), (s) => {
        const a = scoreColor(s),
          b = scoreColor(s + 0.01);
        expect(Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b))).toBeLessThan(0.02);
      }),
    );
  });

  it('stands out from a white or near-white lane (≥ 3:1, WCAG non-text contrast) at every score', () => {
    fc.assert(
      fc.property(score, (s) => {
        expect(contrastRatio(scoreColor(s), WHITE)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(scoreColor(s), LANE)).toBeGreaterThanOrEqual(3);
      }),
    );
  });
});

describe('hex', () => {
  it('parses long and short forms, with or without #', () => {
    expect(hexToRgb('#FF8000')).toEqual({ r: 1, g: 128 / 255, b: 0 });
    expect(hexToRgb('ff8000')).toEqual(hexToRgb('#FF8000'));
    expect(hexToRgb('#f80')).toEqual({ r: 1, g: 136 / 255, b: 0 });
    for (const bad of ['', '#12', '#12345', '#GGGGGG', 'red', '#1234567']) expect(() => hexToRgb(bad), bad).toThrow();
  });

  it('round-trips every 24-bit colour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const hex = `#${n.toString(16).padStart(6, '0').toUpperCase()}`;
        expect(rgbToHex(hexToRgb(hex))).toBe(hex);
      }),
    );
  });

  it('rounds and clamps channels when writing', () => {
    expect(rgbToHex({ r: 1.2, g: -0.1, b: 0.5 })).toBe('#FF0080');
    fc.assert(
      fc.property(rgb, (c) => {
        const back = hexToRgb(rgbToHex(c));
        for (const k of ['r', 'g', 'b'] as const)
          expect(Math.abs(back[k] - c[k])).toBeLessThanOrEqual(0.5 / 255 + 1e-12);
      }),
    );
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio(BLACK, WHITE)).toBe(21);
    expect(contrastRatio(WHITE, BLACK)).toBe(21);
    expect(contrastRatio(hexToRgb('#777777'), hexToRgb('#777777'))).toBe(1);
  });

  it('matches culori on known pairs', () => {
    expect(contrastRatio(hexToRgb('#777777'), WHITE)).toBeCloseTo(4.478089453577214, 10);
    expect(contrastRatio(hexToRgb('#777777'), BLACK)).toBeCloseTo(4.68949989000882, 10);
    expect(contrastRatio(hexToRgb('#D92D20'), LANE)).toBeCloseTo(4.623247939480865, 10);
    expect(contrastRatio(hexToRgb('#B08800'), LANE)).toBeCloseTo(3.155808910198367, 10);
  });

  it('is symmetric, within [1, 21], and larger for the darker of two greys on white', () => {
    fc.assert(
      fc.property(rgb, rgb, (a, b) => {
        const r = contrastRatio(a, b);
        expect(r).toBe(contrastRatio(b, a));
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(21);
      }),
    );
    fc.assert(
      fc.property(channel, channel, (x, y) => {
        if (x < y)
          expect(contrastRatio({ r: x, g: x, b: x }, WHITE)).toBeGreaterThanOrEqual(
            contrastRatio({ r: y, g: y, b: y }, WHITE),
          );
      }),
    );
  });

  it('uses WCAG relative luminance', () => {
    expect(luminance(WHITE)).toBeCloseTo(1, 12);
    expect(luminance(BLACK)).toBe(0);
    expect(luminance({ r: 0, g: 1, b: 0 })).toBeCloseTo(0.7152, 12);
  });
});
