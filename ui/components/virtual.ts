/**
 * Windowing for the Cells grid, one axis at a time: given the size of every
 * row (or column) and the part of the axis in view, which items to render,
 * and the gaps (sized spacers) that stand in for the others so the scroll
 * extent stays that of the whole grid. Pure, so it is tested without a layout.
 */

/** One rendered item, or a spacer as large as the items `from` … `from + count - 1` it stands for. */
export type Slot = { kind: 'item'; index: number } | { kind: 'gap'; from: number; count: number; size: number };

/**
 * Indices of the items that meet the range [start, end) of the axis, `overscan`
 * more on each side (or `[before, after]`: that many before the range and after
 * it), and every index in `pinned` (the focused cell's row, the
 * first and last ones so Tab enters and leaves the grid where it would without
 * windowing), sorted and unique. If the range lies beyond every item (sizes
 * were estimated too large), the last item is taken as the one in view.
 */
export function pickIndices(
  sizes: readonly number[],
  start: number,
  end: number,
  overscan: number | readonly [before: number, after: number],
  pinned: readonly (number | undefined)[] = [],
): number[] {
  const n = sizes.length;
  if (!n) return [];
  let first = -1;
  let last = -1;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const next = pos + sizes[i];
    if (next > start && pos < end) {
      if (first < 0) first = i;
      last = i;
    }
    pos = next;
  }
  if (first < 0) first = last = start >= pos ? n - 1 : 0;
  const [before, after] = typeof overscan === 'number' ? [overscan, overscan] : overscan;
  const picked = new Set<number>();
  for (let i = Math.max(0, first - before); i <= Math.min(n - 1, last + after); i++) picked.add(i);
  for (const p of pinned) if (p !== undefined && p >= 0 && p < n) picked.add(p);
  return [...picked].sort((a, b) => a - b);
}

/** The rendered items in order, with a gap slot wherever items were left out. */
export function toSlots(indices: readonly number[], sizes: readonly number[]): Slot[] {
  const out: Slot[] = [];
  let next = 0;
  const gap = (from: number, to: number) => {
    let size = 0;
    for (let i = from; i < to; i++) size += sizes[i];
    out.push({ kind: 'gap', from, count: to - from, size });
  };
  for (const i of indices) {
    if (i > next) gap(next, i);
    out.push({ kind: 'item', index: i });
    next = i + 1;
  }
  if (next < sizes.length) gap(next, sizes.length);
  return out;
}

/** Whether two slot lists render the same: same items, gaps within a pixel of each other. */
export function sameSlots(a: readonly Slot[], b: readonly Slot[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      if (x.kind === 'item') return y.kind === 'item' && y.index === x.index;
      return y.kind === 'gap' && y.from === x.from && y.count === x.count && Math.abs(y.size - x.size) < 1;
    })
  );
}
