import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baselineY, curveRuns, emotionPoints, scoreToY, smoothPath, yToScore, type Column, type EmotionArea } from '../../src/layout/emotion';
import { contrastRatio, hexToRgb, rgbToHex, scoreColor } from '../../src/layout/color';

const area: EmotionArea = { height: 240, padTop: 40, padBottom: 40 };
const columns = (n: number, w = 200, gap = 12): Column[] => Array.from({ length: n }, (_, i) => ({ stageId: `s${i}`, x: i * (w + gap), width: w }));
const quarter = fc.integer({ min: -8, max: 8 }).map((n) => n / 4);

describe('emotion geometry', () => {
  it('maps the ends of the scale to the padded edges and 0 to the middle', () => {
    expect(scoreToY(2, area)).toBe(40);
    expect(scoreToY(-2, area)).toBe(200);
    expect(baselineY(area)).toBe(120);
  });

  it('reads a y back as the score on the quarter grid, clamped', () => {
    fc.assert(
      fc.property(quarter, (s) => {
        expect(yToScore(scoreToY(s, area), area) === s).toBe(true); // === : -0 and 0 are the same score
      }),
    );
    expect(yToScore(-500, area)).toBe(2);
    expect(yToScore(999, area)).toBe(-2);
    expect(yToScore(scoreToY(1.1, area), area)).toBe(1); // snapped
  });

  it('puts points at column centres, higher scores higher, and skips missing stages', () => {
    fc.assert(
      fc.property(fc.array(fc.option(quarter, { nil: undefined }), { minLength: 1, maxLength: 40 }), (scores) => {
        const cols = columns(scores.length);
        const map = Object.fromEntries(scores.map((s, i) => [`s${i}`, s]));
        const pts = emotionPoints(cols, map, area);
        expect(pts.length).toBe(scores.filter((s) => s !== undefined).length);
        for (const p of pts) {
          const c = cols.find((c) => c.stageId === p.stageId)!;
          expect(p.x).toBe(c.x + c.width / 2);
        }
        for (const a of pts) for (const b of pts) if (a.score > b.score) expect(a.y).toBeLessThan(b.y);
      }),
    );
  });

  it('breaks the curve at a stage without a score', () => {
    const cols = columns(5);
    const pts = emotionPoints(cols, { s0: 1, s1: 2, s3: 0, s4: -1 }, area);
    expect(curveRuns(cols, pts).map((r) => r.map((p) => p.stageId))).toEqual([['s0', 's1'], ['s3', 's4']]);
  });

  it('draws a path Figma accepts, through every point, never leaving the lane', () => {
    fc.assert(
      fc.property(fc.array(quarter, { minLength: 2, maxLength: 40 }), (scores) => {
        const cols = columns(scores.length);
        const pts = emotionPoints(cols, Object.fromEntries(scores.map((s, i) => [`s${i}`, s])), area);
        const d = smoothPath(pts, { minY: 40, maxY: 200 });
        expect(d).toMatch(/^M -?\d+(\.\d+)? -?\d+(\.\d+)?( C( -?\d+(\.\d+)?){6})+$/);
        const nums = d.split(' ').filter((t) => t !== 'M' && t !== 'C').map(Number);
        const pairs: Array<[number, number]> = [];
        for (let i = 0; i < nums.length; i += 2) pairs.push([nums[i], nums[i + 1]]);
        // the start and every third pair after it are the points themselves
        const ends = [pairs[0], ...pairs.slice(1).filter((_, i) => i % 3 === 2)];
        expect(ends.length).toBe(pts.length);
        ends.forEach(([x, y], i) => {
          expect(x).toBeCloseTo(pts[i].x, 1);
          expect(y).toBeCloseTo(pts[i].y, 1);
        });
        for (const [, y] of pairs) {
          expect(y).toBeGreaterThanOrEqual(40);
          expect(y).toBeLessThanOrEqual(200);
        }
      }),
    );
    expect(smoothPath([{ x: 1, y: 1 }])).toBe('');
  });
});

describe('colours', () => {
  it('goes from red through amber to green as the score rises', () => {
    const warmth = (s: number) => scoreColor(s).g - scoreColor(s).r;
    fc.assert(
      fc.property(quarter, quarter, (a, b) => {
        if (a < b) expect(warmth(a)).toBeLessThan(warmth(b));
      }),
    );
    expect(rgbToHex(scoreColor(-2))).toBe('#D92D20');
    expect(rgbToHex(scoreColor(2))).toBe('#079455');
  });

  it('measures WCAG contrast', () => {
    expect(contrastRatio(hexToRgb('#000000'), hexToRgb('#FFFFFF'))).toBeCloseTo(21, 5);
    expect(contrastRatio(hexToRgb('#777777'), hexToRgb('#777777'))).toBe(1);
  });
});
