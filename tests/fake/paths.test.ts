/**
 * vectorPaths in the strict fake. Typings (VectorPath.data): only absolute
 * M, L, Q, C and Z, "separated by a single space". The fake also refuses commas
 * and exponents, which Figma never writes, so the plugin cannot depend on them.
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();
const VALID = 'M 0 0 C 1 2 3 4 5 6 L 7 8 Z';

function vectorWith(data: string): VectorNode {
  const v = ctx.figma.createVector();
  v.vectorPaths = [{ windingRule: 'NONZERO', data }];
  return v;
}

describe('accepted paths', () => {
  it.each([VALID, 'M 0 0 Q 1 1 2 2', 'M -1.5 2.25 L 3 -4 Z', 'M 0 0 L 1 1 M 5 5 L 6 6', ''])(
    'accepts %j and reads it back',
    (data) => {
      const v = vectorWith(data);
      expect(v.vectorPaths).toEqual([{ windingRule: 'NONZERO', data }]);
      expect(Object.isFrozen(v.vectorPaths)).toBe(true);
    },
  );
});

describe('rejected paths', () => {
  it.each([
    ['relative m', 'm 0 0 l 1 1'],
    ['relative l after M', 'M 0 0 l 1 1'],
    ['H shorthand', 'M 0 0 H 10'],
    ['V shorthand', 'M 0 0 V 10'],
    ['S shorthand', 'M 0 0 S 1 1 2 2'],
    ['arc A', 'M 0 0 A 1 1 0 0 1 2 2'],
    ['commas', 'M 0,0 L 1,1'],
    ['exponent', 'M 0 0 L 1e3 1'],
    ['NaN', 'M 0 0 L NaN 1'],
    ['Infinity', 'M 0 0 L Infinity 1'],
    ['too few numbers for C', 'M 0 0 C 1 2 3'],
    ['too few numbers for M', 'M 0'],
    ['too many numbers for L', 'M 0 0 L 1 2 3'],
    ['a number after Z', 'M 0 0 Z 1'],
    ['not starting with M (L)', 'L 1 1'],
    ['not starting with M (Z)', 'Z'],
    ['command glued to number', 'M0 0'],
    ['double space', 'M 0 0  L 1 1'],
  ])('rejects %s', (_, data) => {
    const v = vectorWith(VALID);
    expect(() => (v.vectorPaths = [{ windingRule: 'NONZERO', data }])).toThrow(/Failed to parse path/);
    expect(v.vectorPaths[0].data).toBe(VALID); // the failed write changed nothing
  });

  it('rejects an unknown windingRule and a non-array', () => {
    const v = ctx.figma.createVector();
    expect(() => (v.vectorPaths = [{ windingRule: 'ODD' as WindingRule, data: VALID }])).toThrow(/windingRule/);
    expect(() => (v.vectorPaths = VALID as unknown as VectorPaths)).toThrow(/Expected array/);
  });
});
