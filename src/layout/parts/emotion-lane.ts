/**
 * The emotion lane: one chart spanning every column, with the neutral line at the middle of
 * its scale, one or more curves drawn as real vectors, markers, notes placed clear of their
 * curve, and what goes in the label column: the scale's ends and a legend of the curves.
 */
import type { EmotionLane, JourneyMap } from '../../model';
import { scoreColorOn } from '../color';
import {
  type Column,
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

export const EMOTION_AREA: EmotionArea = {
  height: SPACE.emotionHeight,
  padTop: SPACE.emotionPad,
  padBottom: SPACE.emotionPad,
};

/** Rough advance of one character of a note (a little wide for Inter Medium, so the estimate errs tall). */
const NOTE_CHAR = TYPE.note.size * 0.56;

/**
 * Lines a note wraps to within `maxWidth`: greedy at spaces, a word wider than the line broken
 * between characters, "\n" starts a line, as Figma wraps. Every line is counted, however many:
 * the layout makes room for the whole note rather than hide part of it.
 */
function wrapLines(note: string, maxWidth: number): number {
  const perLine = Math.max(1, Math.floor(maxWidth / NOTE_CHAR));
  let lines = 0;
  for (const paragraph of note.split('\n')) {
    lines++;
    let used = 0; // characters on the current line
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      let n = Array.from(word).length;
      const need = used ? used + 1 + n : n;
      if (need <= perLine) {
        used = need;
        continue;
      }
      if (used) lines++;
      while (n > perLine) {
        n -= perLine;
        lines++;
      }
      used = n;
    }
  }
  return lines;
}

/** Rough size of a note's text, to place it clear of its marker (Figma measures the real size later). */
function noteSize(note: string, maxWidth: number): { width: number; height: number; wraps: boolean } {
  const width = Math.ceil(Array.from(note).length * NOTE_CHAR);
  const wraps = width > maxWidth || note.includes('\n');
  return { width: Math.min(width, maxWidth), height: wrapLines(note, maxWidth) * TYPE.note.line, wraps };
}

/** A note's swatch on a shared chart: a dot in its curve's colour before the text, and the gap after it. */
const NOTE_DOT = 6;
const NOTE_DOT_GAP = 4;

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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Segment = [number, number, number, number];

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Distance from a point to a box (0 inside it). */
const distance = (b: Box, x: number, y: number) =>
  Math.hypot(Math.max(b.x - x, 0, x - b.x - b.width), Math.max(b.y - y, 0, y - b.y - b.height));

/** A path made by smoothPath (M, C, L) as short straight segments, for testing what it crosses. */
function pathSegments(d: string): Segment[] {
  const n = d.split(' ');
  const out: Segment[] = [];
  let x = Number(n[1]);
  let y = Number(n[2]);
  for (let i = 3; i < n.length;) {
    if (n[i] === 'L') {
      const [x1, y1] = [Number(n[i + 1]), Number(n[i + 2])];
      out.push([x, y, x1, y1]);
      [x, y] = [x1, y1];
      i += 3;
      continue;
    }
    const [ax, ay, bx, by, cx, cy] = n.slice(i + 1, i + 7).map(Number);
    const steps = 24;
    let [px, py] = [x, y];
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      const u = 1 - t;
      const qx = u * u * u * x + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * cx;
      const qy = u * u * u * y + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * cy;
      out.push([px, py, qx, qy]);
      [px, py] = [qx, qy];
    }
    [x, y] = [cx, cy];
    i += 7;
  }
  return out;
}

/** Whether a straight segment passes through a box (Liang–Barsky clipping). */
function crosses([x0, y0, x1, y1]: Segment, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const edges: [number, number][] = [
    [-dx, x0 - b.x],
    [dx, b.x + b.width - x0],
    [-dy, y0 - b.y],
    [dy, b.y + b.height - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** A note to place: its curve, its marker, its text and the side it would rather take. */
interface NoteAsk {
  ci: number;
  p: EmotionPoint;
  note: string;
  above: boolean;
  dot?: string;
}
/** Where a note goes: its frame's box, and the pill's (what covers the chart) inside it. */
interface Placed {
  ask: NoteAsk;
  frame: Box;
  pill: Box;
}

/** What covering each thing costs a note's placement; the cheapest arrangement of a stage's notes wins. */
const COST = {
  /** Another curve's marker under a note, or two notes on each other. */
  collision: 1000,
  /** A note nearer another curve's marker than its own: it would read as that curve's. */
  nearerOther: 400,
  /** The note's own curve under its pill. */
  ownCurve: 150,
  /** The dashed neutral line under the pill. */
  neutral: 100,
  /** Another curve's line under the pill. */
  otherCurve: 40,
  /** The chart grows below its usual height to hold the note. */
  grow: 30,
  /** The side the curve's shape does not suggest. */
  side: 10,
  /** Notes side by side in narrow slots rather than each across the column. */
  slot: 5,
};

interface Scene {
  /** Every curve's marker boxes (with their stroke and a little air), by curve index. */
  markers: Box[][];
  /** Every curve's line as segments, by curve index. */
  lines: Segment[][];
  baseY: number;
  /** The chart's usual height: a note below it makes the chart grow. */
  height: number;
}

function notePlacement(ask: NoteAsk, x: number, width: number, above: boolean): Placed {
  const m = SPACE.markerSize;
  const dotWidth = ask.dot ? NOTE_DOT + NOTE_DOT_GAP : 0;
  const size = noteSize(ask.note, width - 2 * SPACE.notePaddingX - dotWidth);
  const h = size.height + 2 * SPACE.notePaddingY;
  const y = above ? ask.p.y - m / 2 - SPACE.noteGap - h : ask.p.y + m / 2 + SPACE.noteGap;
  const pw = Math.min(width, size.width + dotWidth + 2 * SPACE.notePaddingX);
  return { ask, frame: { x, y, width, height: h }, pill: { x: x + (width - pw) / 2, y, width: pw, height: h } };
}

/** What one note's placement covers, alone (other notes are counted by the caller). */
function noteCost(n: Placed, scene: Scene): number {
  const { pill, ask } = n;
  // Above the chart's top there is no room (the lane above is there); below, the chart grows.
  if (pill.y < 0) return Infinity;
  let cost = n.ask.above === pill.y < ask.p.y ? 0 : COST.side;
  const own = distance(pill, ask.p.x, ask.p.y);
  scene.markers.forEach((boxes, ci) => {
    if (ci === ask.ci) return;
    for (const b of boxes) {
      if (overlaps(pill, b)) cost += COST.collision;
      else if (distance(pill, b.x + b.width / 2, b.y + b.height / 2) < own) cost += COST.nearerOther;
    }
  });
  const band = { x: pill.x, y: pill.y - 1, width: pill.width, height: pill.height + 2 };
  scene.lines.forEach((segments, ci) => {
    if (segments.some((s) => crosses(s, band))) cost += ci === ask.ci ? COST.ownCurve : COST.otherCurve;
  });
  if (pill.y - 2 < scene.baseY && scene.baseY < pill.y + pill.height + 2) cost += COST.neutral;
  if (pill.y + pill.height > scene.height) cost += COST.grow + (pill.y + pill.height - scene.height) / 10;
  return cost;
}

/**
 * Where the notes of one stage go. Each note sits right above or right below its own marker
 * (never by another curve's): across the column; or, if a stage's notes would then cover one
 * another, side by side in slots, one per curve in chart order; or, on a shared chart where
 * a note can only go over another curve's marker (a long note at the top of the scale),
 * beside the markers in the left or right part of the column. Every combination is tried
 * (up to 4,096; beyond, each note takes its cheapest place in turn), and the one that covers
 * least wins: other curves' markers and notes, then a marker of another curve nearer than its
 * own, then its own curve, the neutral line, other curves.
 */
function placeStage(asks: NoteAsk[], col: Column, scene: Scene): Placed[] {
  const inner = col.width - SPACE.noteWidthInset * 2;
  const n = asks.length;
  const slotWidth = (inner - (n - 1) * SPACE.noteSlotGap) / n;
  // Per note, the places it may take in each arrangement: across the column; in its slot; or,
  // on a shared chart, in the left or right part of the column beside the markers at its centre.
  type Option = { x: number; width: number; above: boolean };
  const sides = (a: NoteAsk, x: number, width: number): Option[] => [
    { x, width, above: a.above },
    { x, width, above: !a.above },
  ];
  const centre = col.x + col.width / 2;
  const clear = SPACE.markerSize / 2 + SPACE.markerStroke + 3;
  const besideWidth = col.width / 2 - clear - SPACE.noteWidthInset;
  const arrangements: Array<{ base: number; options: Option[][] }> = [
    { base: 0, options: asks.map((a) => sides(a, col.x + SPACE.noteWidthInset, inner)) },
  ];
  if (n > 1)
    arrangements.push({
      base: n * COST.slot,
      options: asks.map((a, j) =>
        sides(a, col.x + SPACE.noteWidthInset + j * (slotWidth + SPACE.noteSlotGap), slotWidth),
      ),
    });
  if (asks[0].dot && n <= 3 && besideWidth >= 48)
    arrangements.push({
      base: n * 4 * COST.slot,
      options: asks.map((a) => [
        ...sides(a, col.x + SPACE.noteWidthInset, besideWidth),
        ...sides(a, centre + clear, besideWidth),
      ]),
    });
  const pairs = (placed: Placed[], j: number) =>
    placed.slice(0, j).filter((o) => overlaps(o.pill, placed[j].pill)).length * COST.collision;
  let best: { cost: number; placed: Placed[] } | undefined;
  for (const { base, options } of arrangements) {
    const place = (j: number, o: Option) => notePlacement(asks[j], o.x, o.width, o.above);
    const combos = options.reduce((c, o) => c * o.length, 1);
    if (combos <= 4096) {
      // Every combination of every note's options (mixed radix).
      for (let k = 0; k < combos; k++) {
        let rest = k;
        const placed = options.map((o, j) => {
          const pick = o[rest % o.length];
          rest = Math.floor(rest / o.length);
          return place(j, pick);
        });
        let cost = base;
        placed.forEach((p, j) => (cost += noteCost(p, scene) + pairs(placed, j)));
        if (!best || cost < best.cost) best = { cost, placed };
      }
    } else {
      // Many notes at one stage: each takes its cheapest option in turn.
      const placed: Placed[] = [];
      let cost = base;
      options.forEach((o, j) => {
        const scored = o.map((opt) => {
          const p = place(j, opt);
          return { p, c: noteCost(p, scene) + pairs([...placed, p], j) };
        });
        const pick = scored.reduce((x, y) => (y.c < x.c ? y : x));
        placed.push(pick.p);
        cost += pick.c;
      });
      if (!best || cost < best.cost) best = { cost, placed };
    }
  }
  return best!.placed;
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
