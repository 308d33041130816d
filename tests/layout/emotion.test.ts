// Unit tests of the emotion-curve geometry with hand-computed expectations.
// Randomised properties live in emotion.property.test.ts.
import { describe, expect, it } from 'vitest';
import {
  baselineY,
  curveRuns,
  emotionPoints,
  pathNumber,
  scoreToY,
  smoothPath,
  yToScore,
  type Column,
  type EmotionArea,
} from '../../src/layout/emotion';
import { validatePathData } from '../support/figma-fake/paths';

const area: EmotionArea = { height: 240, padTop: 40, padBottom: 40 }; // span 160: one score point = 40 px
const cols: Column[] = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ stageId: id, x: i * 100, width: 100 }));

describe('score ↔ y', () => {
  it('puts +2 at padTop, -2 at height - padBottom, 0 in the middle', () => {
    expect(scoreToY(2, area)).toBe(40);
    expect(scoreToY(-2, area)).toBe(200);
    expect(scoreToY(1, area)).toBe(80);
    expect(scoreToY(-0.5, area)).toBe(140);
    expect(baselineY(area)).toBe(120);
    expect(baselineY({ height: 100, padTop: 10, padBottom: 30 })).toBe(40); // asymmetric padding
  });

  it('reads y back on the quarter grid, clamped to the scale', () => {
    expect(yToScore(40, area)).toBe(2);
    expect(yToScore(200, area)).toBe(-2);
    expect(yToScore(120, area)).toBe(0);
    expect(Object.is(yToScore(121, area), 0)).toBe(true); // never -0
    expect(yToScore(84, area)).toBe(1); // 0.9 → 1
    expect(yToScore(86, area)).toBe(0.75); // 0.85 → 0.75
    expect(yToScore(-500, area)).toBe(2);
    expect(yToScore(999, area)).toBe(-2);
  });

  it('refuses an area with no room between its paddings', () => {
    expect(() => scoreToY(0, { height: 80, padTop: 40, padBottom: 40 })).toThrow(RangeError);
    expect(() => yToScore(0, { height: 70, padTop: 40, padBottom: 40 })).toThrow(RangeError);
  });
});

describe('points and runs', () => {
  it('places scored stages at column centres and skips the rest', () => {
    const pts = emotionPoints(cols, { a: 2, b: undefined, c: -1, e: 0 }, area);
    expect(pts).toEqual([
      { stageId: 'a', x: 50, y: 40, score: 2 },
      { stageId: 'c', x: 250, y: 160, score: -1 },
      { stageId: 'e', x: 450, y: 120, score: 0 },
    ]);
  });

  it('keeps a score of 0 as a point (only a missing score is a gap)', () => {
    expect(emotionPoints(cols, { a: 0, b: 0 }, area).map((p) => p.stageId)).toEqual(['a', 'b']);
  });

  it('breaks the curve at each stage without a score', () => {
    const pts = emotionPoints(cols, { a: 1, b: 2, d: 0, e: -1 }, area);
    expect(curveRuns(cols, pts).map((r) => r.map((p) => p.stageId))).toEqual([
      ['a', 'b'],
      ['d', 'e'],
    ]);
    const lone = emotionPoints(cols, { a: 1, c: 2, e: 0 }, area);
    expect(curveRuns(cols, lone).map((r) => r.length)).toEqual([1, 1, 1]);
    expect(curveRuns(cols, [])).toEqual([]);
  });

  it('never joins a point whose stage is not a column', () => {
    const pts = [
      { stageId: 'a', x: 50, y: 40, score: 2 },
      { stageId: 'ghost', x: 150, y: 40, score: 2 },
      { stageId: 'b', x: 150, y: 40, score: 2 },
    ];
    expect(curveRuns(cols, pts).map((r) => r.length)).toEqual([1, 1, 1]);
  });
});

describe('path numbers', () => {
  it('writes at most two decimals, no exponent, no -0', () => {
    expect(pathNumber(10)).toBe('10');
    expect(pathNumber(100)).toBe('100');
    expect(pathNumber(10.5)).toBe('10.5');
    expect(pathNumber(1 / 3)).toBe('0.33');
    expect(pathNumber(-2.675e-7)).toBe('0');
    expect(pathNumber(-0)).toBe('0');
    expect(pathNumber(-12.346)).toBe('-12.35');
    expect(pathNumber(1e-7)).toBe('0');
    expect(pathNumber(123456789.123)).toBe('123456789.12');
    expect(() => pathNumber(NaN)).toThrow(RangeError);
    expect(() => pathNumber(Infinity)).toThrow(RangeError);
    expect(() => pathNumber(1e21)).toThrow(RangeError);
  });
});

describe('smoothPath', () => {
  it('draws nothing for fewer than two points and a straight line for two', () => {
    expect(smoothPath([])).toBe('');
    expect(smoothPath([{ x: 1, y: 1 }])).toBe('');
    expect(
      smoothPath([
        { x: 50, y: 40 },
        { x: 150.125, y: 200 },
      ]),
    ).toBe('M 50 40 L 150.13 200');
  });

  it('matches textbook uniform Catmull-Rom for equal columns (end handles at a third in x)', () => {
    // Points (0,0) (30,60) (60,30), equal spacing d = 30, τ = 0.5. Textbook, end points repeated:
    // segment 1: c1 = p0 + (p1 - p0)/6 = (5, 10); c2 = p1 - (p2 - p0)/6 = (20, 55);
    // segment 2: c1 = p1 + (p2 - p0)/6 = (40, 65); c2 = p2 - (p2 - p1)/6 = (55, 35).
    // Ours keeps every y and the interior x, and moves the end handles' x to d/3 (10 and 50).
    const d = smoothPath([
      { x: 0, y: 0 },
      { x: 30, y: 60 },
      { x: 60, y: 30 },
    ]);
    expect(d).toBe('M 0 0 C 10 10 20 55 30 60 C 40 65 50 35 60 30');
    expect(() => validatePathData(d)).not.toThrow();
  });

  it('clamps control points into the lane', () => {
    // Same curve, lane y ∈ [0, 60]: the 65 overshoot is pulled back to 60.
    expect(
      smoothPath(
        [
          { x: 0, y: 0 },
          { x: 30, y: 60 },
          { x: 60, y: 30 },
        ],
        { minY: 0, maxY: 60 },
      ),
    ).toBe('M 0 0 C 10 10 20 55 30 60 C 40 60 50 35 60 30');
  });

  it('scales slopes by the tension', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 30, y: 60 },
      { x: 60, y: 30 },
    ];
    // τ = 0: flat tangents, handles a third of the way along x at the points' own heights.
    expect(smoothPath(pts, { tension: 0 })).toBe('M 0 0 C 10 0 20 60 30 60 C 40 60 50 30 60 30');
    // τ = 1: slopes doubled relative to τ = 0.5 (vertical handle offsets 20, 10, 10, 10).
    expect(smoothPath(pts, { tension: 1 })).toBe('M 0 0 C 10 20 20 50 30 60 C 40 70 50 40 60 30');
    // Out-of-range tension is clamped to [0, 1].
    expect(smoothPath(pts, { tension: 7 })).toBe(smoothPath(pts, { tension: 1 }));
  });

  it('keeps handles inside their segment in x when columns differ in width', () => {
    // Gaps of 10 and 200: textbook uniform Catmull-Rom would put segment 1's second handle
    // at x = 10 - (210 - 0)/6 = -25, left of the segment's start (the curve folds back).
    // Ours puts every handle a third of the way along its own segment.
    const d = smoothPath([
      { x: 0, y: 0 },
      { x: 10, y: 50 },
      { x: 210, y: 0 },
    ]);
    const nums = d
      .split(' ')
      .filter((t) => t !== 'M' && t !== 'C')
      .map(Number);
    expect(nums[4]).toBeCloseTo(10 - 10 / 3, 2); // segment 1, c2.x
    expect(nums[8]).toBeCloseTo(10 + 200 / 3, 2); // segment 2, c1.x
  });

  it('refuses points that are not left to right', () => {
    expect(() =>
      smoothPath([
        { x: 10, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      smoothPath([
        { x: 0, y: 0 },
        { x: 20, y: 5 },
        { x: 10, y: 5 },
      ]),
    ).toThrow(RangeError);
  });
});
