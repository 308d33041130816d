/**
 * Emotion-curve geometry: where each stage's point sits, and a smooth path
 * through the points that Figma's `vectorPaths` accepts.
 * A stage without a score is a gap: the curve stops and starts again, it never
 * dips to zero.
 */
import type { JourneyMap } from '../model';
import { SCORE_MAX, SCORE_MIN } from '../model/limits';

/** The ends of an emotion lane's scale (−2..+2 unless the lane says otherwise). */
export interface ScaleRange {
  min: number;
  max: number;
}

export const DEFAULT_RANGE: ScaleRange = { min: SCORE_MIN, max: SCORE_MAX };

/** A score on `scale` as the same position on −2..+2 (colours are defined on that one). */
export function toUnit(score: number, scale: ScaleRange): number {
  return SCORE_MIN + ((score - scale.min) / (scale.max - scale.min)) * (SCORE_MAX - SCORE_MIN);
}

/** The middle of a scale: its neutral line (0 on −2..+2, 3 on 1–5, 5 on 0–10). */
export function midScore(scale: ScaleRange): number {
  return (scale.min + scale.max) / 2;
}

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

/**
 * Read-back snaps a dragged marker to quarter points: fine enough to keep what
 * the designer meant, coarse enough that a marker nudged by a pixel still
 * reads as the score it had (one step is 1/16 of the lane's span).
 */
export const SCORE_STEP = 0.25;

function span(area: EmotionArea): number {
  const s = area.height - area.padTop - area.padBottom;
  // A lane with no room between its paddings has no scale; dividing by it would spread NaN through the tree.
  if (!(s > 0))
    throw new RangeError(`Emotion area has no drawable height (${area.height} - ${area.padTop} - ${area.padBottom})`);
  return s;
}

/** Linear and unclamped: normalisation already keeps scores within their lane's scale. */
export function scoreToY(score: number, area: EmotionArea, scale: ScaleRange = DEFAULT_RANGE): number {
  return area.padTop + ((scale.max - score) / (scale.max - scale.min)) * span(area);
}

/**
 * Inverse of scoreToY, snapped to the nearest SCORE_STEP and clamped to the
 * scale, so a marker dragged past the lane reads as -2 or +2. Idempotent:
 * yToScore(scoreToY(yToScore(y))) === yToScore(y).
 */
export function yToScore(y: number, area: EmotionArea, scale: ScaleRange = DEFAULT_RANGE): number {
  const raw = scale.max - ((y - area.padTop) / span(area)) * (scale.max - scale.min);
  const snapped = Math.round(raw / SCORE_STEP) * SCORE_STEP;
  return Math.min(scale.max, Math.max(scale.min, snapped)) + 0; // + 0 turns -0 into 0
}

/** y of the neutral line, the middle of the scale. */
export function baselineY(area: EmotionArea, scale: ScaleRange = DEFAULT_RANGE): number {
  return scoreToY(midScore(scale), area, scale);
}

/** One point per scored stage, at its column's horizontal centre, in column order. */
export function emotionPoints(
  columns: Column[],
  scores: Record<string, number | undefined>,
  area: EmotionArea,
  scale: ScaleRange = DEFAULT_RANGE,
): EmotionPoint[] {
  const out: EmotionPoint[] = [];
  for (const c of columns) {
    const score = scores[c.stageId];
    if (score === undefined) continue;
    out.push({ stageId: c.stageId, x: c.x + c.width / 2, y: scoreToY(score, area, scale), score });
  }
  return out;
}

/**
 * Split points into runs whose stages sit in adjacent columns; a stage without
 * a score (or a point whose stage is not a column) breaks the curve.
 */
export function curveRuns(columns: Column[], points: EmotionPoint[]): EmotionPoint[][] {
  const index = new Map(columns.map((c, i) => [c.stageId, i]));
  const runs: EmotionPoint[][] = [];
  let last: number | undefined;
  for (const p of points) {
    const i = index.get(p.stageId);
    if (i !== undefined && last !== undefined && i === last + 1) runs[runs.length - 1].push(p);
    else runs.push([p]);
    last = i;
  }
  return runs;
}

/**
 * A number as Figma's path parser wants it: at most 2 decimals, no exponent,
 * no "-0". toFixed only switches to exponent notation from 1e21, far beyond
 * any canvas coordinate, but the guard keeps the promise explicit.
 */
export function pathNumber(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) throw new RangeError(`Path coordinate out of range: ${n}`);
  const r = Math.round(n * 100) / 100;
  return (r === 0 ? 0 : r).toFixed(2).replace(/\.?0+$/, '') || '0';
}

export interface SmoothOptions {
  /**
   * τ in [0, 1] scales every point's slope: 0.5 (default) is classic
   * Catmull-Rom; 0 gives a horizontal tangent at every point (nothing
   * overshoots, each segment is an S between its ends); 1 doubles the slopes.
   */
  tension?: number;
  /** Control points are clamped into [minY, maxY] so the curve stays in the lane. */
  minY?: number;
  maxY?: number;
}

/**
 * A uniform Catmull-Rom spline through the points, written as cubic Béziers
 * (absolute `M`, `C` and, for two points, `L`; single spaces, as Figma's `vectorPaths` data wants).
 *
 * Why uniform, taken along x: the points are a chart over the stage axis, so
 * each segment is a Hermite curve in x with slope m_i = 2τ·(y_{i+1} − y_{i−1}) /
 * (x_{i+1} − x_{i−1}) at interior points, τ·(one-sided chord) at the two ends,
 * and handles one third of the way along x. For equal columns and τ = 0.5
 * every handle's y, and every interior handle's x, is exactly the textbook
 * uniform Catmull-Rom with repeated end points (p_i ± (p_{i+1} − p_{i−1})/6);
 * only the two end handles sit at 1/3 instead of 1/6 of their segment in x.
 * For unequal columns the handles still stay inside their segment in x, so
 * the curve never folds back. Centripetal parameterisation would bend the
 * tangents by the size of vertical jumps, which distorts a time axis and buys
 * nothing here: overshoot is handled by clamping instead.
 *
 * Every control point's y is clamped into [minY, maxY]; with the points inside
 * that band too, the Bézier's convex hull (hence the curve) stays in the lane.
 * 0 or 1 point → '' (the marker alone shows it); 2 points → a straight `L`.
 * Points must have strictly increasing x (columns left to right).
 */
export function smoothPath(points: Array<{ x: number; y: number }>, options: SmoothOptions = {}): string {
  if (points.length < 2) return '';
  const tension = Math.min(1, Math.max(0, options.tension ?? 0.5));
  const minY = options.minY ?? -Infinity;
  const maxY = options.maxY ?? Infinity;
  const clampY = (y: number) => Math.min(maxY, Math.max(minY, y));
  const pt = (p: { x: number; y: number }) => `${pathNumber(p.x)} ${pathNumber(p.y)}`;
  for (let i = 1; i < points.length; i++) {
    if (!(points[i].x > points[i - 1].x)) throw new RangeError('smoothPath needs points with strictly increasing x');
  }
  if (points.length === 2) return `M ${pt(points[0])} L ${pt(points[1])}`;

  const last = points.length - 1;
  const slope = (i: number): number => {
    const a = points[Math.max(0, i - 1)];
    const b = points[Math.min(last, i + 1)];
    const chord = (b.y - a.y) / (b.x - a.x);
    // Interior points: centred difference × 2τ; ends: one-sided chord × τ.
    return (i === 0 || i === last ? tension : 2 * tension) * chord;
  };
  const parts = [`M ${pt(points[0])}`];
  for (let i = 0; i < last; i++) {
    const p1 = points[i];
    const p2 = points[i + 1];
    const h = (p2.x - p1.x) / 3;
    const c1 = { x: p1.x + h, y: clampY(p1.y + h * slope(i)) };
    const c2 = { x: p2.x - h, y: clampY(p2.y - h * slope(i + 1)) };
    parts.push(`C ${pt(c1)} ${pt(c2)} ${pt(p2)}`);
  }
  return parts.join(' ');
}

/**
 * How a chart's legend names a curve: its title, and its persona's name when it has one
 * ("How they feel · Dan Okafor"). Figma Design's chart and FigJam's board both say it this way.
 */
export function legendLabel(lane: { title: string; persona?: string }, map: Pick<JourneyMap, 'personas'>): string {
  const who = map.personas?.find((p) => p.id === lane.persona)?.name;
  return who ? `${lane.title} · ${who}` : lane.title;
}
