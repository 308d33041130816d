/**
 * The emotion lane: one chart spanning every column, with the neutral line at the middle of
 * its scale, one or more curves drawn as real vectors, markers, notes placed clear of their
 * curve, and what goes in the label column: the scale's ends and a legend of the curves.
 */
import type { EmotionLane, JourneyMap } from '../../model';
import { scoreColorOn } from '../color';
import {
  type EmotionArea,
  type EmotionPoint,
  type ScaleRange,
  DEFAULT_RANGE,
  baselineY,
  curveRuns,
  emotionPoints,
  midScore,
  smoothPath,
  toUnit,
} from '../emotion';
import type { GridGeometry } from '../grid';
import { type Fonts, frame, text, vector } from '../nodes';
import type { NodeSpec } from '../spec';
import { CURVE_DASH, SPACE, TYPE, hex, solid, type Palette } from '../theme';
import { momentMarks } from './moments';

export const EMOTION_AREA: EmotionArea = {
  height: SPACE.emotionHeight,
  padTop: SPACE.emotionPad,
  padBottom: SPACE.emotionPad,
};

/** Rough size of a note's text, to place it clear of its marker (Figma measures the real size later). */
function noteSize(note: string, maxWidth: number): { width: number; height: number; wraps: boolean } {
  const charWidth = TYPE.note.size * 0.56;
  const width = Math.ceil(Array.from(note).length * charWidth);
  const lines = Math.min(3, Math.ceil(width / maxWidth));
  return { width: Math.min(width, maxWidth), height: lines * TYPE.note.line, wraps: width > maxWidth };
}

/**
 * Which side of its marker a note goes: above a peak, below a dip, so the
 * curve leaves through the other side. On a slope it goes away from the
 * middle of the lane, where it has room.
 */
function noteAbove(points: EmotionPoint[], i: number, runStart: Set<string>, middle: number): boolean {
  const p = points[i];
  const prev = i > 0 && !runStart.has(p.stageId) ? points[i - 1] : undefined;
  const next = points[i + 1] && !runStart.has(points[i + 1].stageId) ? points[i + 1] : undefined;
  const ys = [prev?.y, next?.y].filter((y): y is number => y !== undefined);
  if (ys.length && ys.every((y) => y > p.y)) return true; // a peak
  if (ys.length && ys.every((y) => y < p.y)) return false; // a dip
  return p.score < middle;
}

function noteSpec(
  laneId: string,
  stageId: string,
  key: string,
  note: string,
  x: number,
  y: number,
  width: number,
  fonts: Fonts,
  pal: Palette,
): NodeSpec {
  const inner = width - 2 * SPACE.notePaddingX;
  const size = noteSize(note, inner);
  const tag = (role: NodeSpec['tag']['role']) => ({ role, lane: laneId, stage: stageId });
  // A pill behind the text keeps it readable where the curve passes under it; centred by auto-layout.
  const pill = frame({
    key: 'pill',
    name: 'Note background',
    tag: tag('emotion-note-pill'),
    layout: 'HORIZONTAL',
    sizing: [size.wraps ? 'FILL' : 'HUG', 'HUG'],
    padding: [SPACE.notePaddingY, SPACE.notePaddingX],
    fill: pal.colors.emotionNoteBackground,
    fillOpacity: 0.92,
    radius: SPACE.radiusNote,
    children: [
      text({
        key: 'text',
        name: 'Emotion note',
        tag: tag('emotion-note-text'),
        characters: note,
        style: TYPE.note,
        fonts,
        color: pal.colors.textSecondary,
        width: size.wraps ? 'FILL' : 'HUG',
        align: 'CENTER',
      }),
    ],
  });
  return frame({
    key,
    name: 'Emotion note',
    tag: tag('emotion-note'),
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: size.height },
    align: 'CENTER',
    x,
    y,
    children: [pill],
  });
}

/** One curve of a chart: its lane, colour and dash, and whether it shares the chart with others. */
interface Curve {
  lane: EmotionLane;
  /** Index on its chart: 0 is the chart's own lane, whose node keys are those of a one-curve chart. */
  k: number;
  color: string;
  dash?: number[];
}

/** The lanes drawn on `host`'s chart: itself first, then the lanes that overlay it, in map order. */
export function chartLanes(host: EmotionLane, map: JourneyMap): EmotionLane[] {
  return [host, ...map.lanes.filter((l): l is EmotionLane => l.kind === 'emotion' && l.overlay === host.id)];
}

function curvesOf(lanes: EmotionLane[], pal: Palette): Curve[] {
  return lanes.map((lane, k) => ({
    lane,
    k,
    color: k === 0 ? pal.colors.emotionCurve : pal.extraCurves[(k - 1) % pal.extraCurves.length],
    dash: lane.style === 'dashed' ? CURVE_DASH : undefined,
  }));
}

/** The chart's scale: its own lane's (overlays may not set another). */
export function chartScale(host: EmotionLane): ScaleRange {
  return host.scale ?? DEFAULT_RANGE;
}

/**
 * The chart of an emotion lane and the lanes drawn on it: the neutral line at the middle of
 * the scale, each curve as real vectors (dashed for a `dashed` lane), markers (coloured by
 * score on a one-curve chart, by curve on a shared one) and notes. On a shared chart each
 * stage's notes sit side by side, one slot per curve with a note there, so no two overlap.
 */
export function emotionArea(
  lanes: EmotionLane[],
  map: JourneyMap,
  g: GridGeometry,
  fonts: Fonts,
  pal: Palette,
): NodeSpec {
  const host = lanes[0];
  const width = g.span(0, map.stages.length);
  const area = EMOTION_AREA;
  const scale = chartScale(host);
  const shared = lanes.length > 1;
  const base = baselineY(area, scale);
  const children: NodeSpec[] = [
    vector({
      key: 'baseline',
      name: 'Neutral line',
      tag: { role: 'emotion-baseline', lane: host.id },
      data: `M 0 ${base} L ${width} ${base}`,
      stroke: solid(pal.colors.emotionBaseline),
      weight: 1,
      dash: [4, 4],
    }),
  ];
  const m = SPACE.markerSize;
  const curves = curvesOf(lanes, pal);
  const pointsOf = curves.map((c) => {
    const scores: Record<string, number | undefined> = {};
    for (const s of map.stages) scores[s.id] = c.lane.cells?.[s.id]?.score;
    return emotionPoints(g.columns, scores, area, scale);
  });
  // Which curves have a note at each stage: the slots of that stage's column.
  const slots = new Map<string, number[]>();
  curves.forEach((c) => {
    for (const s of map.stages) if (c.lane.cells?.[s.id]?.note) slots.set(s.id, [...(slots.get(s.id) ?? []), c.k]);
  });
  const markers: NodeSpec[] = [];
  const notes: NodeSpec[] = [];
  curves.forEach((c, ci) => {
    const points = pointsOf[ci];
    // The chart's own curve keeps the keys of a one-curve chart; the others carry their lane id.
    const own = (what: string, stage: string) => (c.k === 0 ? `${what}:${stage}` : `${what}:${c.lane.id}:${stage}`);
    const tag = (role: NodeSpec['tag']['role'], stage: string): NodeSpec['tag'] => ({ role, lane: c.lane.id, stage });
    const runs = curveRuns(g.columns, points);
    for (const run of runs) {
      const d = smoothPath(run, { minY: area.padTop, maxY: area.height - area.padBottom });
      if (d)
        children.push(
          vector({
            key: own('curve', run[0].stageId),
            name: shared ? `Emotion curve: ${c.lane.title}` : 'Emotion curve',
            tag: tag('emotion-curve', run[0].stageId),
            data: d,
            stroke: solid(c.color),
            weight: SPACE.curveWeight,
            dash: c.dash,
          }),
        );
    }
    const runStarts = new Set(runs.map((r) => r[0].stageId));
    points.forEach((p, i) => {
      markers.push({
        type: 'ELLIPSE',
        key: own('marker', p.stageId),
        name: `Emotion: ${p.score}`,
        tag: tag('emotion-marker', p.stageId),
        size: { width: m, height: m },
        props: {
          x: p.x - m / 2,
          y: p.y - m / 2,
          fills: [
            { type: 'SOLID', color: shared ? hex(c.color) : scoreColorOn(toUnit(p.score, scale), pal.markerLanes) },
          ],
          strokes: solid(pal.colors.emotionMarkerStroke),
          strokeWeight: SPACE.markerStroke,
          strokeAlign: 'OUTSIDE',
        },
      });
      const note = c.lane.cells?.[p.stageId]?.note;
      if (!note) return;
      const col = g.columns.find((col) => col.stageId === p.stageId)!;
      const here = slots.get(p.stageId)!;
      const n = here.length;
      const slot = here.indexOf(c.k);
      const inner = col.width - SPACE.noteWidthInset * 2;
      const w = (inner - (n - 1) * SPACE.noteSlotGap) / n;
      const h = noteSize(note, w - 2 * SPACE.notePaddingX).height + 2 * SPACE.notePaddingY;
      const above = noteAbove(points, i, runStarts, midScore(scale));
      // On a shared chart, clear of every curve's marker at this stage, not only its own.
      const ys = shared ? pointsOf.flatMap((ps) => ps.filter((q) => q.stageId === p.stageId).map((q) => q.y)) : [p.y];
      const y = above ? Math.min(...ys) - m / 2 - SPACE.noteGap - h : Math.max(...ys) + m / 2 + SPACE.noteGap;
      const x = col.x + SPACE.noteWidthInset + slot * (w + SPACE.noteSlotGap);
      notes.push(noteSpec(c.lane.id, p.stageId, own('note', p.stageId), note, x, y, w, fonts, pal));
    });
  });
  // Moments of truth: a band behind their columns, a ring around each curve's marker there.
  const moments = momentMarks(
    map,
    g,
    host.id,
    area.height,
    curves.map((c, i) => ({ laneId: c.lane.id, own: c.k === 0, points: pointsOf[i] })),
    pal,
  );
  children.unshift(...moments.bands);
  // Notes above every curve (their pill hides the line behind the text), markers above everything:
  // laid out, a note is clear of its stage's markers, but a marker dragged on the canvas into its
  // note stays in sight (under it, it would vanish) until the map is read back and updated.
  children.push(...notes, ...moments.rings, ...markers);
  const spec = frame({
    key: 'area',
    name: 'Emotion curve',
    tag: { role: 'emotion-area', lane: host.id },
    layout: 'NONE',
    sizing: ['FIXED', 'FIXED'],
    size: { width, height: area.height },
    clip: false,
    children,
  });
  spec.meta = { emotionArea: { ...area } };
  return spec;
}

/** A legend swatch: a short bar in the curve's colour, in three dashes for a dashed curve. */
function swatch(laneId: string, color: string, dashed: boolean): NodeSpec {
  const bar = (key: string, width: number): NodeSpec => ({
    type: 'RECTANGLE',
    key,
    name: 'Dash',
    tag: { role: 'emotion-legend-swatch', lane: laneId },
    size: { width, height: SPACE.curveWeight },
    props: { fills: solid(color) },
  });
  const w = SPACE.legendSwatch;
  return frame({
    key: 'swatch',
    name: 'Swatch',
    tag: { role: 'emotion-legend-swatch', lane: laneId },
    layout: 'HORIZONTAL',
    sizing: ['FIXED', 'FIXED'],
    size: { width: w, height: SPACE.curveWeight },
    gap: dashed ? 3 : 0,
    children: dashed ? [0, 1, 2].map((i) => bar(`dash:${i}`, (w - 6) / 3)) : [bar('bar', w)],
  });
}

/**
 * The label column of an emotion chart. Under the title, on a shared chart, a legend: one
 * line per curve, a swatch in its colour and dash, its title and persona. When the scale is
 * not −2..+2 or has words, its ends: the top one under the legend, the bottom one at the
 * foot of the column, level with the bottom of the chart ("5 · delighted" … "1 · very unhappy").
 */
export function chartLabel(
  lanes: EmotionLane[],
  map: JourneyMap,
  title: NodeSpec,
  fonts: Fonts,
  pal: Palette,
): NodeSpec {
  const host = lanes[0];
  const scale = host.scale;
  const top: NodeSpec[] = [title];
  const personaName = (id?: string) => map.personas?.find((p) => p.id === id)?.name;
  if (lanes.length > 1)
    for (const c of curvesOf(lanes, pal)) {
      const who = personaName(c.lane.persona);
      top.push(
        frame({
          key: `legend:${c.lane.id}`,
          name: `Legend: ${c.lane.title}`,
          tag: { role: 'emotion-legend', lane: c.lane.id },
          layout: 'HORIZONTAL',
          sizing: ['FILL', 'HUG'],
          gap: 6,
          align: 'CENTER',
          children: [
            swatch(c.lane.id, c.color, !!c.dash),
            text({
              key: 'text',
              name: 'Legend',
              tag: { role: 'emotion-legend-text', lane: c.lane.id },
              characters: who ? `${c.lane.title} · ${who}` : c.lane.title,
              style: TYPE.note,
              fonts,
              color: pal.colors.textSecondary,
              width: 'FILL',
            }),
          ],
        }),
      );
    }
  const column = (children: NodeSpec[], height?: number) =>
    frame({
      key: 'label',
      name: 'Label',
      tag: { role: 'lane-label', lane: host.id },
      layout: 'VERTICAL',
      sizing: ['FIXED', height ? 'FIXED' : 'HUG'],
      size: { width: SPACE.laneLabelWidth, height: height ?? 20 },
      gap: 4,
      justify: height ? 'SPACE_BETWEEN' : 'MIN',
      children,
    });
  const custom =
    scale && (scale.min !== DEFAULT_RANGE.min || scale.max !== DEFAULT_RANGE.max || scale.low || scale.high);
  if (!scale || !custom) return column(top);
  const end = (key: string, n: number, word: string | undefined, index: number) =>
    text({
      key,
      name: index === 0 ? 'Scale top' : 'Scale bottom',
      tag: { role: 'emotion-axis', lane: host.id, index },
      characters: word ? `${n} · ${word}` : String(n),
      style: TYPE.note,
      fonts,
      color: pal.colors.textMuted,
      width: 'FILL',
    });
  top.push(end('axis-high', scale.max, scale.high, 0));
  // As tall as the chart, or as its content if a long legend needs more.
  const needed = 28 + (lanes.length > 1 ? lanes.length * 36 : 0) + 2 * (TYPE.note.line + 8);
  return column(
    [
      frame({
        key: 'top',
        name: 'Title and legend',
        tag: { role: 'lane-label', lane: host.id },
        layout: 'VERTICAL',
        sizing: ['FILL', 'HUG'],
        gap: 4,
        children: top,
      }),
      end('axis-low', scale.min, scale.low, 1),
    ],
    Math.max(EMOTION_AREA.height, needed),
  );
}
