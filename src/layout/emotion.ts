/**
 * Emotion-curve geometry: where each stage's point sits, and a smooth path
 * through the points that Figma's `vectorPaths` accepts (absolute M/C only,
 * space-separated numbers, no commas or exponents).
 * A stage without a score is a gap: the curve stops and starts again, it never
 * dips to zero.
 */
import { SCORE_MAX, SCORE_MIN } from '../model/limits';

export interface Column {
  stageId: string;
  /** Left edge within the emotion area. */
  x: number;
  width: number;
}

export interface EmotionPoint {
  stageId: string;
  x: number;
  y: number;
  score: number;
}

/** +2 sits at `padTop`, -2 at `height - padBottom`. */
export interface EmotionArea {
  height: number;
  padTop: number;
  padBottom: number;
}

/** Read-back snaps a dragged marker to quarter points: fine enough to mean what the designer meant, coarse enough to be clean. */
export const SCORE_STEP = 0.25;

const span = (a: EmotionArea) => a.height - a.padTop - a.padBottom;

export function scoreToY(score: number, area: EmotionArea): number {
  const t = (SCORE_MAX - score) / (SCORE_MAX - SCORE_MIN);
  return area.padTop + t * span(area);
}

export function yToScore(y: number, area: EmotionArea): number {
  const raw = SCORE_MAX - ((y - area.padTop) / span(area)) * (SCORE_MAX - SCORE_MIN);
  const snapped = Math.round(raw / SCORE_STEP) * SCORE_STEP;
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, snapped)) + 0; // + 0 turns -0 into 0
}

export function baselineY(area: EmotionArea): number {
  return scoreToY(0, area);
}

export function emotionPoints(columns: Column[], scores: Record<string, number | undefined>, area: EmotionArea): EmotionPoint[] {
  const out: EmotionPoint[] = [];
  for (const c of columns) {
    const score = scores[c.stageId];
    if (score === undefined) continue;
    out.push({ stageId: c.stageId, x: c.x + c.width / 2, y: scoreToY(score, area), score });
  }
  return out;
}

/** Split points into runs of adjacent columns; a stage without a score breaks the curve. */
export function curveRuns(columns: Column[], points: EmotionPoint[]): EmotionPoint[][] {
  const index = new Map(columns.map((c, i) => [c.stageId, i]));
  const runs: EmotionPoint[][] = [];
  let last = -2;
  for (const p of points) {
    const i = index.get(p.stageId) ?? -2;
    if (i === last + 1 && runs.length) runs[runs.length - 1].push(p);
    else runs.push([p]);
    last = i;
  }
  return runs;
}

const num = (n: number) => {
  const r = Math.round(n * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toFixed(2).replace(/\.?0+$/, '') || '0';
};

/**
 * Uniform Catmull-Rom through the points, as cubic Béziers: each segment's
 * control points are p1 + (p2 - p0)/6 and p2 - (p3 - p1)/6 (tension 0.5).
 * Uniform rather than centripetal because the points are evenly spaced in x,
 * where both agree closely and uniform is simpler to verify. Control-point y
 * is clamped into [minY, maxY] so the curve cannot overshoot out of the lane.
 */
export function smoothPath(points: Array<{ x: number; y: number }>, options: { minY?: number; maxY?: number } = {}): string {
  if (points.length < 2) return '';
  const minY = options.minY ?? -Infinity;
  const maxY = options.maxY ?? Infinity;
  const clampY = (y: number) => Math.min(maxY, Math.max(minY, y));
  const parts = [`M ${num(points[0].x)} ${num(points[0].y)}`];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: clampY(p1.y + (p2.y - p0.y) / 6) };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: clampY(p2.y - (p3.y - p1.y) / 6) };
    parts.push(`C ${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(p2.x)} ${num(p2.y)}`);
  }
  return parts.join(' ');
}
