/**
 * Colour maths for the canvas: the emotion scale and WCAG contrast checks.
 *
 * Scores blend through OKLCH (perceptually even lightness, hue travelling
 * red → amber → green), so a +1 looks halfway between neutral and very
 * positive instead of a muddy sRGB mix. Hand-written rather than culori: the
 * smallest culori build that can interpolate in OKLab/OKLCH (useMode(modeRgb)
 * pulls in its CSS parsers) adds about 16.6 kB minified to the sandbox bundle,
 * for what is some 60 lines here. The tests check these numbers against
 * values computed with culori.
 */
import type { Rgb } from './spec';

/**
 * The ends and middle of the scale. All three (and so everything between,
 * since lightness is interpolated linearly) keep at least 3:1 contrast against
 * the white/near-white lane, WCAG's bar for graphical objects, so a marker
 * with a white ring still stands out.
 */
export const SCORE_COLORS = {
  /** -2: a clear red. */
  negative: '#D92D20',
  /** 0: a muted amber-yellow, neither good nor bad. */
  neutral: '#B08800',
  /** +2: a clear green. */
  positive: '#079455',
} as const;

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a hex colour: "${hex}"`);
  const h = m[1].length === 3 ? m[1].replace(/./g, (d) => d + d) : m[1];
  const n = parseInt(h, 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}

export function rgbToHex(c: Rgb): string {
  const h = (v: number) =>
    Math.round(Math.min(1, Math.max(0, v)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`.toUpperCase();
}

const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const toSrgb = (v: number) => (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055);

type Lch = { l: number; c: number; h: number };

// Björn Ottosson's OKLab matrices (https://bottosson.github.io/posts/oklab/).
function rgbToOklch(c: Rgb): Lch {
  const r = toLinear(c.r),
    g = toLinear(c.g),
    b = toLinear(c.b);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return { l: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, c: Math.hypot(A, B), h: Math.atan2(B, A) };
}

/** OKLCH → sRGB channels, not yet clipped (may fall outside [0, 1]). */
function oklchToSrgb({ l: L, c, h }: Lch): Rgb {
  const a = c * Math.cos(h),
    b = c * Math.sin(h);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return {
    r: toSrgb(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    g: toSrgb(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    b: toSrgb(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  };
}

const inGamut = (c: Rgb) => [c.r, c.g, c.b].every((v) => v >= -1e-4 && v <= 1 + 1e-4);

/**
 * Some blends between two displayable colours fall just outside sRGB.
 * Lowering chroma (keeping lightness and hue) brings them back without the
 * hue shift of clipping each channel, and keeps the contrast promise above.
 */
function toDisplayable(lch: Lch): Rgb {
  let rgb = oklchToSrgb(lch);
  if (!inGamut(rgb)) {
    let lo = 0,
      hi = lch.c;
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(oklchToSrgb({ l: lch.l, c: mid, h: lch.h }))) lo = mid;
      else hi = mid;
    }
    rgb = oklchToSrgb({ l: lch.l, c: lo, h: lch.h });
  }
  // Four decimals: exact enough for 8-bit output, and stable numbers in specs and snapshots.
  const round = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000;
  return { r: round(rgb.r), g: round(rgb.g), b: round(rgb.b) };
}

function mixLch(a: Lch, b: Lch, t: number): Lch {
  // Shorter way round the hue circle (the stops here never cross ±180°, but stay correct if they change).
  let dh = b.h - a.h;
  if (dh > Math.PI) dh -= 2 * Math.PI;
  if (dh < -Math.PI) dh += 2 * Math.PI;
  return { l: a.l + (b.l - a.l) * t, c: a.c + (b.c - a.c) * t, h: a.h + dh * t };
}

const STOPS = [SCORE_COLORS.negative, SCORE_COLORS.neutral, SCORE_COLORS.positive].map((h) => rgbToOklch(hexToRgb(h)));

/**
 * Fill for a score: -2 red · 0 amber-yellow · +2 green, blended in OKLCH
 * (piecewise between the three stops). Scores outside [-2, 2] are clamped.
 * Channels 0..1 as Figma paints want them.
 */
export function scoreColor(score: number): Rgb {
  const s = Math.min(2, Math.max(-2, Number.isNaN(score) ? 0 : score));
  return s <= 0
    ? toDisplayable(mixLch(STOPS[0], STOPS[1], (s + 2) / 2))
    : toDisplayable(mixLch(STOPS[1], STOPS[2], s / 2));
}

/** WCAG 2 relative luminance. */
export function luminance(c: Rgb): number {
  return 0.2126 * toLinear(c.r) + 0.7152 * toLinear(c.g) + 0.0722 * toLinear(c.b);
}

/** WCAG 2 contrast ratio, 1 to 21, symmetric in its arguments. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  return ratio(luminance(a), luminance(b));
}

/** The contrast of two relative luminances. */
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** `a` blended towards `b` by `t` (0..1) in sRGB, as hex: tints and borders from a theme's roles. */
export function mixHex(a: string, b: string, t: number): string {
  const x = hexToRgb(a),
    y = hexToRgb(b);
  return rgbToHex({ r: x.r + (y.r - x.r) * t, g: x.g + (y.g - x.g) * t, b: x.b + (y.b - x.b) * t });
}

/** Contrast of two hex colours. */
export const contrastHex = (a: string, b: string): number => contrastRatio(hexToRgb(a), hexToRgb(b));

/**
 * `color` if it reaches `ratio` against every background, else the nearest colour of its hue
 * that does: its OKLCH lightness moved towards black (on light backgrounds) or white (on dark
 * ones) just far enough. Falls back to black or white, whichever reads better.
 */
export function readableOn(color: string, backgrounds: readonly string[], ratio = 4.5): string {
  const worst = (c: string) => Math.min(...backgrounds.map((b) => contrastHex(c, b)));
  if (worst(color) >= ratio) return color.toUpperCase();
  const lch = rgbToOklch(hexToRgb(color));
  const light = Math.max(...backgrounds.map((b) => luminance(hexToRgb(b)))) > 0.18;
  const found = seek(lch, light, (l) => rgbToHex(toDisplayable({ l, c: lch.c, h: lch.h })), worst, ratio);
  return found ?? (worst('#000000') >= worst('#FFFFFF') ? '#000000' : '#FFFFFF');
}

/**
 * The colour `at` some lightness between `lch`'s own and black (on light backgrounds) or white (on
 * dark ones) that just reaches `ratio` (a binary search); the other way round when that end does
 * not read on every background; undefined when neither does.
 */
function seek<T>(lch: Lch, light: boolean, at: (l: number) => T, worst: (c: T) => number, ratio: number) {
  for (const end of light ? [0, 1] : [1, 0]) {
    if (worst(at(end)) < ratio) continue;
    let lo = lch.l,
      hi = end;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (worst(at(mid)) >= ratio) hi = mid;
      else lo = mid;
    }
    if (worst(at(hi)) >= ratio) return at(hi);
  }
  return undefined;
}

/**
 * An emotion marker's fill for a score, on lanes of these relative luminances: scoreColor where it
 * reaches 3:1 on each (every preset, light and dark), else the same hue and chroma with its lightness
 * moved just far enough (an amber 0 on a pale cyan surface a designer picked is a darker amber).
 */
/** scoreColorOn's answers: a chart asks for the same few scores on the same lanes at every stage. */
const onLanes = new Map<string, Rgb>();

export function scoreColorOn(score: number, lanes: readonly number[]): Rgb {
  const key = `${score}|${lanes.join(',')}`;
  let rgb = onLanes.get(key);
  if (!rgb) {
    if (onLanes.size > 2000) onLanes.clear();
    onLanes.set(key, (rgb = Object.freeze(scoreColorOnUncached(score, lanes))));
  }
  return rgb;
}

function scoreColorOnUncached(score: number, lanes: readonly number[]): Rgb {
  const c = scoreColor(score);
  const lch = rgbToOklch(c);
  const worst = (x: Rgb) => Math.min(...lanes.map((b) => ratio(luminance(x), b)));
  const at = (l: number) => toDisplayable({ l, c: lch.c, h: lch.h });
  // Always found on a lane pair (a surface and its tint): black reads on a light one, white on a dark one.
  return worst(c) >= 3 ? c : (seek(lch, Math.max(...lanes) > 0.18, at, worst, 3) ?? c);
}

/**
 * `color` at OKLCH lightness `l` (0..1) with its chroma capped at `maxChroma`, keeping its hue:
 * a role colour carried to a dark scheme (a cream surface becomes a warm near-black).
 */
export function atLightness(color: string, l: number, maxChroma: number): string {
  const lch = rgbToOklch(hexToRgb(color));
  return rgbToHex(toDisplayable({ l, c: Math.min(lch.c, maxChroma), h: lch.h }));
}

/** White if it reads on `background`, else `dark` made readable there. */
export function textOn(background: string, dark: string): string {
  return contrastHex('#FFFFFF', background) >= 4.5 ? '#FFFFFF' : readableOn(dark, [background]);
}
