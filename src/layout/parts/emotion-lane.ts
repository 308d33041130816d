/**
 * The emotion lane: one chart spanning every column, with the neutral line at the middle of
 * its scale, one or more curves drawn as real vectors, markers, notes placed clear of their
 * curve (note-placement.ts), and what goes in the label column: the scale's ends and a legend of the curves.
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
  legendLabel,
  emotionPoints,
  smoothPath,
  toUnit,
} from '../emotion';
import type { GridGeometry } from '../grid';
import { type Fonts, frame, text, vector } from '../nodes';
import type { NodeSpec } from '../spec';
import { CURVE_DASH, SPACE, TYPE, hex, solid, type Palette } from '../theme';
import { momentMarks } from './moments';
import {
  NOTE_DOT,
  NOTE_DOT_GAP,
  noteSize,
  pathSegments,
  placeStage,
  wrapLines,
  type NoteAsk,
  type Placed,
  type Scene,
  type Segment,
} from './note-placement';

export const EMOTION_AREA: EmotionArea = {
  height: SPACE.emotionHeight,
  padTop: SPACE.emotionPad,
  padBottom: SPACE.emotionPad,
};

/**
 * Which side of its marker a note would rather go: above a peak, below a dip, so the curve
 * leaves through the other side. On a slope, or for a point alone, away from the neutral line
 * (above a point over it, below a point under it), where there is room and the note neither
 * sits on the neutral line nor on the curve coming back to it. The placement weighs this
 * against what a side would actually cover (placeNotes).
 */
function noteAbove(points: EmotionPoint[], i: number, runStart: Set<string>, baseY: number): boolean {
  const p = points[i];
  const prev = i > 0 && !runStart.has(p.stageId) ? points[i - 1] : undefined;
  const next = points[i + 1] && !runStart.has(points[i + 1].stageId) ? points[i + 1] : undefined;
  const ys = [prev?.y, next?.y].filter((y): y is number => y !== undefined);
  if (ys.length && ys.every((y) => y > p.y)) return true; // a peak
  if (ys.length && ys.every((y) => y < p.y)) return false; // a dip
  return p.y <= baseY;
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
  dot?: string,
): NodeSpec {
  const inner = width - 2 * SPACE.notePaddingX - (dot ? NOTE_DOT + NOTE_DOT_GAP : 0);
  const size = noteSize(note, inner);
  const tag = (role: NodeSpec['tag']['role']) => ({ role, lane: laneId, stage: stageId });
  const words = text({
    key: 'text',
    name: 'Emotion note',
    tag: tag('emotion-note-text'),
    characters: note,
    style: TYPE.note,
    fonts,
    color: pal.colors.textSecondary,
    width: size.wraps ? 'FILL' : 'HUG',
    align: 'CENTER',
  });
  // On a shared chart, a dot in the curve's colour says whose note it is (the legend's key).
  const swatchDot: NodeSpec | undefined = dot
    ? {
        type: 'ELLIPSE',
        key: 'dot',
        name: 'Curve',
        tag: tag('emotion-legend-swatch'),
        size: { width: NOTE_DOT, height: NOTE_DOT },
        props: { fills: solid(dot) },
      }
    : undefined;
  // A pill behind the text keeps it readable where the curve passes under it; centred by auto-layout.
  const pill = frame({
    key: 'pill',
    name: 'Note background',
    tag: tag('emotion-note-pill'),
    layout: 'HORIZONTAL',
    sizing: [size.wraps ? 'FILL' : 'HUG', 'HUG'],
    padding: [SPACE.notePaddingY, SPACE.notePaddingX],
    gap: dot ? NOTE_DOT_GAP : 0,
    align: 'CENTER',
    fill: pal.colors.emotionNoteBackground,
    fillOpacity: 0.92,
    radius: SPACE.radiusNote,
    children: swatchDot ? [swatchDot, words] : [words],
  });
  return frame({
    key,
    name: 'Emotion note',
    tag: tag('emotion-note'),
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: size.height + 2 * SPACE.notePaddingY },
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
 * score on a one-curve chart, by curve on a shared one) and notes. Each note sits by its own
 * marker (placeStage); on a shared chart it starts with a dot in its curve's colour. A note
 * is never cut short: where one reaches below the chart's usual height, the chart grows
 * there (its scale, from the top, stays where it was).
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
  const scale = chartScale(host);
  const shared = lanes.length > 1;
  const base = baselineY(EMOTION_AREA, scale);
  const m = SPACE.markerSize;
  const curves = curvesOf(lanes, pal);
  const pointsOf = curves.map((c) => {
    const scores: Record<string, number | undefined> = {};
    for (const s of map.stages) scores[s.id] = c.lane.cells?.[s.id]?.score;
    return emotionPoints(g.columns, scores, EMOTION_AREA, scale);
  });
  const runsOf = pointsOf.map((points) => curveRuns(g.columns, points));
  const pathsOf = runsOf.map((runs) =>
    runs.map((run) =>
      smoothPath(run, { minY: EMOTION_AREA.padTop, maxY: EMOTION_AREA.height - EMOTION_AREA.padBottom }),
    ),
  );
  // The notes, placed stage by stage.
  const air = SPACE.markerStroke + 2;
  const scene: Scene = {
    markers: pointsOf.map((points) =>
      points.map((p) => ({ x: p.x - m / 2 - air, y: p.y - m / 2 - air, width: m + 2 * air, height: m + 2 * air })),
    ),
    lines: pathsOf.map((paths) => paths.flatMap((d) => (d ? pathSegments(d) : []))),
    baseY: base,
    height: EMOTION_AREA.height,
  };
  const placed = new Map<string, Placed>();
  for (const col of g.columns) {
    const asks: NoteAsk[] = [];
    curves.forEach((c, ci) => {
      const note = c.lane.cells?.[col.stageId]?.note;
      const i = pointsOf[ci].findIndex((p) => p.stageId === col.stageId);
      if (!note || i < 0) return;
      const runStarts = new Set(runsOf[ci].map((r) => r[0].stageId));
      const above = noteAbove(pointsOf[ci], i, runStarts, base);
      asks.push({ ci, p: pointsOf[ci][i], note, above, dot: shared ? c.color : undefined });
    });
    if (!asks.length) continue;
    const near = (s: Segment) => Math.max(s[0], s[2]) >= col.x && Math.min(s[0], s[2]) <= col.x + col.width;
    const local = { ...scene, lines: scene.lines.map((segments) => segments.filter(near)) };
    for (const p of placeStage(asks, col, local)) placed.set(`${p.ask.ci}:${col.stageId}`, p);
  }
  const bottom = Math.max(0, ...[...placed.values()].map((p) => p.frame.y + p.frame.height));
  const grow = Math.max(0, Math.ceil(bottom - EMOTION_AREA.height));
  const area: EmotionArea = {
    height: EMOTION_AREA.height + grow,
    padTop: EMOTION_AREA.padTop,
    padBottom: EMOTION_AREA.padBottom + grow,
  };
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
  const markers: NodeSpec[] = [];
  const notes: NodeSpec[] = [];
  curves.forEach((c, ci) => {
    const points = pointsOf[ci];
    // The chart's own curve keeps the keys of a one-curve chart; the others carry their lane id.
    const own = (what: string, stage: string) => (c.k === 0 ? `${what}:${stage}` : `${what}:${c.lane.id}:${stage}`);
    const tag = (role: NodeSpec['tag']['role'], stage: string): NodeSpec['tag'] => ({ role, lane: c.lane.id, stage });
    runsOf[ci].forEach((run, r) => {
      const d = pathsOf[ci][r];
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
    });
    for (const p of points) {
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
      const at = placed.get(`${ci}:${p.stageId}`);
      if (!at) continue;
      const { x, y, width: w } = at.frame;
      notes.push(noteSpec(c.lane.id, p.stageId, own('note', p.stageId), at.ask.note, x, y, w, fonts, pal, at.ask.dot));
    }
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
 * not −2..+2 or has words, its ends read as the chart's axis: "5 · delighted" level with the
 * line where 5 is plotted, "1 · very unhappy" level with 1's, and the legend between them.
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
  const legend: NodeSpec[] = [];
  const legendLines: number[] = [];
  if (lanes.length > 1)
    for (const c of curvesOf(lanes, pal)) {
      const words = legendLabel(c.lane, map);
      legendLines.push(wrapLines(words, SPACE.laneLabelWidth - SPACE.legendSwatch - 6));
      legend.push(
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
              characters: words,
              style: TYPE.note,
              fonts,
              color: pal.colors.textSecondary,
              width: 'FILL',
            }),
          ],
        }),
      );
    }
  const custom =
    scale && (scale.min !== DEFAULT_RANGE.min || scale.max !== DEFAULT_RANGE.max || scale.low || scale.high);
  if (!scale || !custom)
    return frame({
      key: 'label',
      name: 'Label',
      tag: { role: 'lane-label', lane: host.id },
      layout: 'VERTICAL',
      sizing: ['FIXED', 'HUG'],
      size: { width: SPACE.laneLabelWidth, height: 20 },
      gap: 4,
      children: [title, ...legend],
    });
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
  // The axis: from the middle of the top end's line, at the height of the scale's max, to the
  // middle of the bottom end's, at its min; the legend in between if it fits, else it pushes
  // the bottom end down (a long legend of many curves).
  const line = TYPE.note.line;
  const a = EMOTION_AREA;
  const axisHeight = a.height - a.padTop - a.padBottom + line;
  const legendHeight = legendLines.reduce((sum, n) => sum + n * line + 8, 0);
  const fits = 2 * line + legendHeight + 8 <= axisHeight;
  const axis = frame({
    key: 'axis',
    name: 'Scale',
    tag: { role: 'lane-label', lane: host.id },
    layout: 'VERTICAL',
    sizing: ['FILL', fits ? 'FIXED' : 'HUG'],
    size: { width: SPACE.laneLabelWidth, height: axisHeight },
    gap: 8,
    justify: 'SPACE_BETWEEN',
    children: [end('axis-high', scale.max, scale.high, 0), ...legend, end('axis-low', scale.min, scale.low, 1)],
  });
  return frame({
    key: 'label',
    name: 'Label',
    tag: { role: 'lane-label', lane: host.id },
    layout: 'VERTICAL',
    sizing: ['FIXED', fits ? 'FIXED' : 'HUG'],
    size: { width: SPACE.laneLabelWidth, height: a.height },
    padding: [0, 0, a.padBottom - line / 2, 0],
    gap: 4,
    justify: 'SPACE_BETWEEN',
    children: [
      frame({
        key: 'top',
        name: 'Title',
        tag: { role: 'lane-label', lane: host.id },
        layout: 'VERTICAL',
        sizing: ['FILL', 'HUG'],
        gap: 4,
        children: [title],
      }),
      axis,
    ],
  });
}
