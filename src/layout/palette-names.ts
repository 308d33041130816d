/**
 * A palette's colours by name, for the map's Figma variables (src/figma/variables.ts): one variable per
 * palette colour, named by its place in the palette ("colors/mapBackground", "tones/positive/fill",
 * "phaseFills/1", "extraCurves/2", "metric/met", "moment/ring"), so that every fill and stroke the map
 * draws from the palette, derived tints included, has its own variable and follows the Dark mode.
 *
 * The layout works with colours, not names, and several names often share one colour (white is the
 * surface, the stage text and the avatar initials; in dark mode only some stay white). So the map is
 * laid out once with a probe palette of the same shape whose every colour is unique: the colour on a
 * paint then says which palette colour it is (probeFor). Pure; the layout never compares colours, so
 * the probe lays out exactly as the real palette does.
 */
import { hex, type Palette } from './theme';
import type { Rgb } from './spec';

type Leaf = [name: string, path: Array<string | number>];

/** Every colour of a palette's shape: its variable name and where it sits. */
function leaves(p: Palette): Leaf[] {
  const out: Leaf[] = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (typeof v === 'string') out.push([path.map((k) => (typeof k === 'number' ? k + 1 : k)).join('/'), path]);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
  };
  walk(p, []);
  return out;
}

/** The colour at `path` in `p`; a list shorter than the names' shape (a dark scheme's phases) cycles. */
function at(p: Palette, path: Array<string | number>): string {
  let v: unknown = p;
  for (const k of path) v = Array.isArray(v) ? v[(k as number) % v.length] : (v as Record<string, unknown>)[k];
  return v as string;
}

/** The colours of `p` by the names of `shape`'s colours (shape: the palette the map is drawn with). */
export function paletteColors(p: Palette, shape: Palette = p): Map<string, string> {
  return new Map(leaves(shape).map(([name, path]) => [name, at(p, path)]));
}

export const rgbKey = (c: Rgb) => `${c.r},${c.g},${c.b}`;

export interface Probe {
  /** Same shape as the real palette, every colour unique. */
  palette: Palette;
  /** A probe colour (rgbKey of its paint) → the name of the palette colour it stands for. */
  names: Map<string, string>;
}

const probes = new WeakMap<Palette, Probe>();

/** The probe palette for `p` (one object per palette, so layout memo keys stay stable). */
export function probeFor(p: Palette): Probe {
  let probe = probes.get(p);
  if (probe) return probe;
  const copy = JSON.parse(JSON.stringify(p)) as Palette;
  const names = new Map<string, string>();
  leaves(p).forEach(([name, path], i) => {
    // Near-black colours no theme or score colour uses: #01xxyy.
    const h = `#01${(i >> 8).toString(16).padStart(2, '0')}${(i & 255).toString(16).padStart(2, '0')}`;
    let o = copy as unknown as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    o[path[path.length - 1]] = h;
    names.set(rgbKey(hex(h)), name);
  });
  probes.set(p, (probe = { palette: copy, names }));
  return probe;
}
