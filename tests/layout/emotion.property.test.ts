// Randomised properties of the emotion-curve geometry (fast-check).
// Property bodies use braces: a property returning expect(...)'s value would be read as a verdict.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  curveRuns,
  emotionPoints,
  scoreToY,
  smoothPath,
  yToScore,
  SCORE_STEP,
  type Column,
  type EmotionArea,
} from '../../src/layout/emotion';
import { validatePathData } from '../support/figma-fake/paths';

/** Areas as the theme makes them: whole pixels, some room between the paddings. */
const intArea: fc.Arbitrary<EmotionArea> = fc
  .record({
    span: fc.integer({ min: 16, max: 600 }),
    padTop: fc.integer({ min: 0, max: 80 }),
    padBottom: fc.integer({ min: 0, max: 80 }),
  })
  .map(({ span, padTop, padBottom }) => ({ height: span + padTop + padBottom, padTop, padBottom }));

/** Any area, fractional pixels included. */
const anyArea: fc.Arbitrary<EmotionArea> = fc
  .record({
    span: fc.double({ min: 1, max: 1000, noNaN: true }),
    padTop: fc.double({ min: 0, max: 100, noNaN: true }),
    padBottom: fc.double({ min: 0, max: 100, noNaN: true }),
  })
  .map(({ span, padTop, padBottom }) => ({ height: span + padTop + padBottom, padTop, padBottom }));

const quarter = fc.integer({ min: -8, max: 8 }).map((n) => n / 4);
const score = fc.double({ min: -2, max: 2, noNaN: true });
/** Scores a thousandth apart at least: doubles one ulp apart may land on the same y, which is fine. */
const milli = fc.integer({ min: -2000, max: 2000 }).map((n) => n / 1000);

/** Columns left to right with arbitrary widths and gaps (stage columns may differ). */
const columnsOf = (n: number): fc.Arbitrary<Column[]> =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 400 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }),
    )
    .map(([widths, gaps]) => {
      let x = 0;
      return widths.map((width, i) => {
        const c = { stageId: `s${i}`, x: x + gaps[i], width };
        x = c.x + width;
        return c;
      });
    });

/** Columns plus an optional score per column. */
const lane = (s: fc.Arbitrary<number> = quarter, min = 1) =>
  fc
    .integer({ min, max: 40 })
    .chain((n) => fc.tuple(columnsOf(n), fc.array(fc.option(s, { nil: undefined }), { minLength: n, maxLength: n })));

const toRecord = (cols: Column[], scores: Array<number | undefined>) =>
  Object.fromEntries(cols.map((c, i) => [c.stageId, scores[i]]));

interface Segment {
  cmd: 'L' | 'C';
  from: [number, number];
  coords: Array<[number, number]>; // control points (C only) then the end point
}

/** Parses our own path output strictly: every token is a command letter or a plain decimal. */
function parse(d: string): { start: [number, number]; segments: Segment[] } {
  const tokens = d.split(' ');
  expect(
    tokens.every((t) => /^[MLC]$/.test(t) || /^-?\d+(\.\d{1,2})?$/.test(t)),
    d,
  ).toBe(true);
  expect(tokens[0]).toBe('M');
  const pair = (i: number): [number, number] => [Number(tokens[i]), Number(tokens[i + 1])];
  const start = pair(1);
  const segments: Segment[] = [];
  let from = start;
  let i = 3;
  while (i < tokens.length) {
    const cmd = tokens[i];
    expect(cmd === 'L' || cmd === 'C', `command at token ${i} of ${d}`).toBe(true);
    const n = cmd === 'C' ? 3 : 1;
    const coords = Array.from({ length: n }, (_, k) => pair(i + 1 + 2 * k));
    segments.push({ cmd: cmd as 'L' | 'C', from, coords });
    from = coords[n - 1];
    i += 1 + 2 * n;
  }
  expect(i).toBe(tokens.length);
  return { start, segments };
}

const cubic = (a: number, b: number, c: number, d: number, t: number) =>
  (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
/** Half a unit of the path's 2-decimal rounding, plus float noise. */
const ROUND = 0.005 + 1e-9;

describe('score ↔ y properties', () => {
  it('maps a higher score to a smaller y, in any area', () => {
    fc.assert(
      fc.property(anyArea, milli, milli, (area, a, b) => {
        if (a > b) expect(scoreToY(a, area)).toBeLessThan(scoreToY(b, area));
      }),
    );
  });

  it('reads back every quarter score exactly', () => {
    fc.assert(
      fc.property(anyArea, quarter, (area, s) => {
        expect(yToScore(scoreToY(s, area), area) === s).toBe(true); // ===: 0 and -0 are the same score
      }),
    );
  });

  it('reads any y as a clean, clamped score, and re-reading its own y gives it again', () => {
    fc.assert(
      fc.property(anyArea, fc.double({ min: -5000, max: 5000, noNaN: true }), (area, y) => {
        const s = yToScore(y, area);
        expect(s).toBeGreaterThanOrEqual(-2);
        expect(s).toBeLessThanOrEqual(2);
        expect(Number.isInteger(s / SCORE_STEP)).toBe(true);
        expect(Object.is(s, -0)).toBe(false);
        expect(yToScore(scoreToY(s, area), area)).toBe(s);
      }),
    );
  });

  it('reads back the nearest quarter: a y is never further than half a step from its score', () => {
    fc.assert(
      fc.property(intArea, score, (area, s) => {
        const read = yToScore(scoreToY(s, area), area);
        expect(Math.abs(read - s)).toBeLessThanOrEqual(SCORE_STEP / 2 + 1e-9);
      }),
    );
  });
});

describe('points and runs properties', () => {
  it('puts every scored stage at its column centre, in column order, and only those', () => {
    fc.assert(
      fc.property(lane(score), anyArea, ([cols, scores], area) => {
        const pts = emotionPoints(cols, toRecord(cols, scores), area);
        const expected = cols.filter((_, i) => scores[i] !== undefined);
        expect(pts.map((p) => p.stageId)).toEqual(expected.map((c) => c.stageId));
        pts.forEach((p, k) => {
          expect(p.x).toBe(expected[k].x + expected[k].width / 2);
          expect(p.score).toBe(scores[cols.indexOf(expected[k])]);
          expect(p.y).toBe(scoreToY(p.score, area));
        });
      }),
    );
  });

  it('splits into maximal runs of adjacent columns, never across a missing stage', () => {
    fc.assert(
      fc.property(lane(), intArea, ([cols, scores], area) => {
        const pts = emotionPoints(cols, toRecord(cols, scores), area);
        const runs = curveRuns(cols, pts);
        const col = (id: string) => cols.findIndex((c) => c.stageId === id);
        expect(runs.flat()).toEqual(pts); // nothing lost, nothing reordered
        for (const run of runs) {
          expect(run.length).toBeGreaterThan(0);
          for (let k = 1; k < run.length; k++) {
            expect(col(run[k].stageId)).toBe(col(run[k - 1].stageId) + 1);
            // the stages between are all scored: nothing is skipped inside a run
            expect(scores[col(run[k].stageId)]).toBeDefined();
          }
        }
        // maximal: consecutive runs are separated by at least one unscored stage
        for (let r = 1; r < runs.length; r++) {
          const end = col(runs[r - 1][runs[r - 1].length - 1].stageId);
          const start = col(runs[r][0].stageId);
          expect(start).toBeGreaterThan(end + 1);
          expect(scores.slice(end + 1, start).every((s) => s === undefined)).toBe(true);
        }
      }),
    );
  });
});

describe('smoothPath properties', () => {
  const tension = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined });

  it('writes a path Figma accepts that passes through every point and stays in the lane', () => {
    fc.assert(
      fc.property(lane(score, 2), intArea, tension, ([cols, scores], area, t) => {
        const minY = area.padTop;
        const maxY = area.height - area.padBottom;
        const pts = emotionPoints(
          cols,
          toRecord(
            cols,
            scores.map((s) => s ?? 0),
          ),
          area,
        ); // all scored: one run
        const d = smoothPath(pts, { minY, maxY, tension: t });
        expect(() => validatePathData(d)).not.toThrow();
        expect(d).not.toMatch(/ {2}|,|e/i);
        const { start, segments } = parse(d);
        expect(segments.length).toBe(pts.length - 1);
        expect(segments.every((s) => s.cmd === (pts.length === 2 ? 'L' : 'C'))).toBe(true);
        expect(Math.abs(start[0] - pts[0].x)).toBeLessThanOrEqual(ROUND);
        expect(Math.abs(start[1] - pts[0].y)).toBeLessThanOrEqual(ROUND);
        segments.forEach((seg, k) => {
          const end = seg.coords[seg.coords.length - 1];
          expect(Math.abs(end[0] - pts[k + 1].x)).toBeLessThanOrEqual(ROUND);
          expect(Math.abs(end[1] - pts[k + 1].y)).toBeLessThanOrEqual(ROUND);
          for (const [x, y] of seg.coords) {
            // integer lane edges survive 2-decimal rounding exactly, so the bound is strict
            expect(y).toBeGreaterThanOrEqual(minY);
            expect(y).toBeLessThanOrEqual(maxY);
            // handles inside their segment in x: the curve never folds back
            expect(x).toBeGreaterThanOrEqual(seg.from[0]);
            expect(x).toBeLessThanOrEqual(end[0]);
          }
          if (seg.cmd === 'C') {
            const [c1, c2] = seg.coords;
            for (let i = 0; i <= 20; i++) {
              const y = cubic(seg.from[1], c1[1], c2[1], end[1], i / 20);
              expect(y).toBeGreaterThanOrEqual(minY - 1e-9);
              expect(y).toBeLessThanOrEqual(maxY + 1e-9);
            }
          }
        });
      }),
    );
  });

  it('stays within half a rounding unit of fractional lane edges', () => {
    fc.assert(
      fc.property(lane(score, 3), anyArea, tension, ([cols, scores], area, t) => {
        const minY = area.padTop;
        const maxY = area.height - area.padBottom;
        const pts = emotionPoints(
          cols,
          toRecord(
            cols,
            scores.map((s) => s ?? 0),
          ),
          area,
        );
        const { segments } = parse(smoothPath(pts, { minY, maxY, tension: t }));
        for (const seg of segments) {
          for (const [, y] of seg.coords) {
            expect(y).toBeGreaterThanOrEqual(minY - ROUND);
            expect(y).toBeLessThanOrEqual(maxY + ROUND);
          }
        }
      }),
    );
  });

  it('draws one path per run and nothing for a lone point', () => {
    fc.assert(
      fc.property(lane(), intArea, ([cols, scores], area) => {
        const runs = curveRuns(cols, emotionPoints(cols, toRecord(cols, scores), area));
        for (const run of runs) {
          const d = smoothPath(run, { minY: area.padTop, maxY: area.height - area.padBottom });
          if (run.length === 1) expect(d).toBe('');
          else expect(d.split(' ').filter((tk) => tk === 'M')).toHaveLength(1);
        }
      }),
    );
  });
});
