import { describe, expect, it } from 'vitest';
import { pickIndices } from '../../ui/components/virtual';

// Ten items of 10 px; the range 35–55 meets items 3, 4 and 5.
const sizes = Array.from({ length: 10 }, () => 10);

describe('pickIndices with overscan ahead of the scroll', () => {
  it('takes `before` items before the range and `after` items after it', () => {
    expect(pickIndices(sizes, 35, 55, [0, 0])).toEqual([3, 4, 5]);
    expect(pickIndices(sizes, 35, 55, [0, 1])).toEqual([3, 4, 5, 6]);
    expect(pickIndices(sizes, 35, 55, [1, 0])).toEqual([2, 3, 4, 5]);
    expect(pickIndices(sizes, 35, 55, [2, 1])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stays within the axis and keeps pinned items', () => {
    expect(pickIndices(sizes, 0, 15, [3, 0])).toEqual([0, 1]);
    expect(pickIndices(sizes, 85, 100, [0, 3])).toEqual([8, 9]);
    expect(pickIndices(sizes, 0, 15, [0, 1], [9])).toEqual([0, 1, 2, 9]);
  });
});
