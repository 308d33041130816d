/**
 * A comparison frame is drawn in the map's own look: the older curves in the colours the map
 * draws those curves in (each preset has its own), and, for a map drawn in its theme's dark
 * colours, texts that stay readable (the light "changed" tints would sit under light text).
 */
import { describe, expect, it } from 'vitest';
import { comparisonSpec } from '../../src/figma/compare-frame';
import { contrastRatio, rgbToHex } from '../../src/layout/color';
import { paletteFor } from '../../src/layout/palette';
import type { NodeSpec } from '../../src/layout/spec';
import { PREFERRED_FONTS } from '../../src/layout/theme';
import { diffMaps } from '../../src/model/diff';
import { THEME_PRESETS, type JourneyMap } from '../../src/model';
import { clone, norm } from '../support/maps';

type Rgb = { r: number; g: number; b: number };
const colourOf = (paints: unknown): Rgb | undefined =>
  Array.isArray(paints) && paints[0]?.type === 'SOLID' && (paints[0].opacity ?? 1) === 1 ? paints[0].color : undefined;

/** Every text of the spec with the colour of the nearest filled frame behind it. */
function textsOnBackgrounds(spec: NodeSpec, behind: Rgb, out: Array<{ text: string; ratio: number }> = []) {
  const fill = spec.type === 'FRAME' ? colourOf(spec.props.fills) : undefined;
  const here = fill ?? behind;
  if (spec.type === 'TEXT') {
    const color = colourOf(spec.props.fills);
    if (color) out.push({ text: String(spec.props.characters), ratio: contrastRatio(color, here) });
  }
  for (const c of spec.children ?? []) textsOnBackgrounds(c, here, out);
  return out;
}

function olderCurveColours(spec: NodeSpec, out: Record<string, string> = {}): Record<string, string> {
  if (spec.type === 'VECTOR' && spec.key.startsWith('older:')) {
    const c = (spec.props.strokes as Array<{ color: Rgb }>)[0].color;
    out[spec.tag.lane!] = rgbToHex(c).toUpperCase();
  }
  for (const c of spec.children ?? []) olderCurveColours(c, out);
  return out;
}

function maps(preset: (typeof THEME_PRESETS)[number]): [JourneyMap, JourneyMap] {
  const a = norm({
    title: 'Clinic',
    theme: { preset },
    stages: [{ name: 'Book' }, { name: 'Visit' }, { name: 'Pay' }],
    lanes: [
      { title: 'Doing', kind: 'text', cells: { book: 'Calls the desk', visit: 'Waits' } },
      { title: 'Pains', kind: 'cards', cells: { pay: ['Surprise bill'] } },
      {
        id: 'today',
        title: 'Today',
        kind: 'emotion',
        cells: { book: { score: 1 }, visit: { score: -1 }, pay: { score: 0 } },
      },
      {
        id: 'later',
        title: 'Later',
        kind: 'emotion',
        overlay: 'today',
        cells: { book: { score: 2 }, visit: { score: 0 }, pay: { score: 1 } },
      },
    ],
  });
  const b = clone(a);
  (b.lanes[0].cells as Record<string, string>).visit = 'Waits an hour';
  (b.lanes[1].cells as Record<string, string[]>).book = ['Busy line'];
  (b.lanes[2].cells as Record<string, { score: number }>).visit = { score: -2 };
  (b.lanes[3].cells as Record<string, { score: number }>).pay = { score: 2 };
  return [a, b];
}

describe('a comparison in the map’s own look', () => {
  for (const preset of THEME_PRESETS) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${preset}, ${scheme}: older curves in the map's curve colours, every text readable`, () => {
        const [a, b] = maps(preset);
        const render = scheme === 'dark' ? { scheme: 'dark' as const } : {};
        const spec = comparisonSpec(a, b, diffMaps(a, b), { older: 'v1', newer: 'now' }, PREFERRED_FONTS, render);
        const pal = paletteFor(b.theme, scheme);
        expect(olderCurveColours(spec)).toEqual({
          today: pal.colors.emotionCurve.toUpperCase(),
          later: pal.extraCurves[0].toUpperCase(),
        });
        const texts = textsOnBackgrounds(spec, { r: 1, g: 1, b: 1 });
        expect(texts.some((t) => t.text.startsWith('Before:'))).toBe(true);
        const worst = texts.reduce((w, t) => (t.ratio < w.ratio ? t : w));
        expect(worst.ratio, JSON.stringify(worst)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});
