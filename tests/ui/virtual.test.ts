/** The Cells grid's windowing arithmetic (ui/components/virtual.ts), without a layout. */
import { describe, expect, it } from 'vitest';
import { pickIndices, sameSlots, toSlots } from '../../ui/components/virtual';

const sizes = [10, 20, 30, 40, 50]; // items at 0, 10, 30, 60, 100; 150 in all

describe('pickIndices', () => {
  it('takes the items that meet the range, and overscan on each side', () => {
    expect(pickIndices(sizes, 15, 35, 0)).toEqual([1, 2]);
    expect(pickIndices(sizes, 15, 35, 1)).toEqual([0, 1, 2, 3]);
    expect(pickIndices(sizes, 0, 150, 2)).toEqual([0, 1, 2, 3, 4]);
    // An item ending where the range starts is not in it.
    expect(pickIndices(sizes, 30, 31, 0)).toEqual([2]);
  });

  it('adds pinned items (the focused cell), in order, without duplicates, ignoring ones out of bounds', () => {
    expect(pickIndices(sizes, 0, 5, 0, [4, 0, undefined, -1, 9])).toEqual([0, 4]);
  });

  it('takes the last item when the range lies past the end (sizes estimated too large), the first when empty', () => {
    expect(pickIndices(sizes, 500, 600, 1)).toEqual([3, 4]);
    expect(pickIndices(sizes, 0, 0, 0)).toEqual([0]);
    expect(pickIndices([], 0, 100, 1, [0])).toEqual([]);
  });
});

describe('toSlots', () => {
  it('puts a gap as large as the items it stands for wherever items are left out', () => {
    expect(toSlots([1, 3], sizes)).toEqual([
      { kind: 'gap', from: 0, count: 1, size: 10 },
      { kind: 'item', index: 1 },
      { kind: 'gap', from: 2, count: 1, size: 30 },
      { kind: 'item', index: 3 },
      { kind: 'gap', from: 4, count: 1, size: 50 },
    ]);
    expect(toSlots([0, 1, 2, 3, 4], sizes).every((s) => s.kind === 'item')).toBe(true);
    const total = toSlots([2], sizes).reduce((n, s) => n + (s.kind === 'gap' ? s.size : sizes[s.index]), 0);
    expect(total).toBe(150);
  });

  it('compares slot lists by items and by gaps to the pixel', () => {
    const a = toSlots([1, 3], sizes);
    expect(sameSlots(a, toSlots([1, 3], sizes))).toBe(true);
    expect(sameSlots(a, toSlots([1, 3], [10.4, 20, 30, 40, 50]))).toBe(true);
    expect(sameSlots(a, toSlots([1, 3], [12, 20, 30, 40, 50]))).toBe(false);
    expect(sameSlots(a, toSlots([1, 2], sizes))).toBe(false);
  });
});
