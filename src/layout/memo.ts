/**
 * Spec subtrees built from the same inputs are the same objects across renders.
 * A one-cell edit of a 40×30 map then rebuilds one cell and the rows around it,
 * and the reconciler, which hashes each spec object once (reconcile.ts), hashes
 * only those. Specs are never mutated after they are built, so sharing is safe.
 *
 * Entries not used by the last two renders are dropped when a render starts, so
 * the cache holds at most about two maps' worth of specs.
 */
import type { GridGeometry } from './grid';
import type { Fonts } from './nodes';
import { DEFAULT_PALETTE, type Palette } from './theme';
import type { NodeSpec } from './spec';

let generation = 0;
const entries = new Map<string, { spec: NodeSpec; used: number }>();

/** Start a render: forget what the previous two did not use. */
export function nextRender(): void {
  generation++;
  if (entries.size > 0) for (const [k, e] of entries) if (e.used < generation - 2) entries.delete(k);
}

/** The spec built for `key` before, or build it now. `key` must name every input of `build`. */
export function memo(key: string, build: () => NodeSpec): NodeSpec {
  const hit = entries.get(key);
  if (hit) {
    hit.used = generation;
    return hit.spec;
  }
  const spec = build();
  entries.set(key, { spec, used: generation });
  return spec;
}

/** Forget everything (a cold start, for benchmarks and tests). */
export function clearMemo(): void {
  entries.clear();
}

/** Fonts as part of a memo key. */
const fontKeys = new WeakMap<Fonts, string>();

export function fontsKey(fonts: Fonts): string {
  let k = fontKeys.get(fonts);
  if (k === undefined) fontKeys.set(fonts, (k = JSON.stringify(fonts)));
  return k;
}

/** A palette as part of a memo key: '' for the default look, so its keys are today's. */
const paletteKeys = new WeakMap<Palette, string>();

export function paletteKey(palette: Palette): string {
  let k = paletteKeys.get(palette);
  if (k === undefined) paletteKeys.set(palette, (k = palette === DEFAULT_PALETTE ? '' : JSON.stringify(palette)));
  return k;
}

/** Column geometry (stage ids, positions, widths) as part of a memo key, stringified once per render. */
const geometryKeys = new WeakMap<GridGeometry, string>();

export function geometryKey(g: GridGeometry): string {
  let k = geometryKeys.get(g);
  if (k === undefined) geometryKeys.set(g, (k = JSON.stringify([g.columnWidth, g.columns])));
  return k;
}
