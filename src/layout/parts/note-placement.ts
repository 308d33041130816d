/**
 * Where an emotion chart's notes go (emotion-lane.ts draws them): each note's size from its
 * wrapped lines, and, stage by stage, the arrangement of the notes that covers least: other
 * curves' markers and notes, a nearer marker of another curve, its own curve, the neutral line.
 * Pure geometry on the chart's own coordinates.
 */
import type { Column, EmotionPoint } from '../emotion';
import { overlaps, type Box } from '../boxes';
import { SPACE, TYPE } from '../theme';

/** Rough advance of one character of a note (a little wide for Inter Medium, so the estimate errs tall). */
const NOTE_CHAR = TYPE.note.size * 0.56;

/**
 * Lines a note wraps to within `maxWidth`: greedy at spaces, a word wider than the line broken
 * between characters, "\n" starts a line, as Figma wraps. Every line is counted, however many:
 * the layout makes room for the whole note rather than hide part of it.
 */
export function wrapLines(note: string, maxWidth: number): number {
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
export function noteSize(note: string, maxWidth: number): { width: number; height: number; wraps: boolean } {
  const width = Math.ceil(Array.from(note).length * NOTE_CHAR);
  const wraps = width > maxWidth || note.includes('\n');
  return { width: Math.min(width, maxWidth), height: wrapLines(note, maxWidth) * TYPE.note.line, wraps };
}

/** A note's swatch on a shared chart: a dot in its curve's colour before the text, and the gap after it. */
export const NOTE_DOT = 6;
export const NOTE_DOT_GAP = 4;

export type Segment = [number, number, number, number];

/** Distance from a point to a box (0 inside it). */
const distance = (b: Box, x: number, y: number) =>
  Math.hypot(Math.max(b.x - x, 0, x - b.x - b.width), Math.max(b.y - y, 0, y - b.y - b.height));

/** A path made by smoothPath (M, C, L) as short straight segments, for testing what it crosses. */
export function pathSegments(d: string): Segment[] {
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
export interface NoteAsk {
  ci: number;
  p: EmotionPoint;
  note: string;
  above: boolean;
  dot?: string;
}
/** Where a note goes: its frame's box, and the pill's (what covers the chart) inside it. */
export interface Placed {
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

export interface Scene {
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
 * (up to 64, six notes at a stage; beyond, each note takes its cheapest place in turn), and the
 * one that covers
 * least wins: other curves' markers and notes, then a marker of another curve nearer than its
 * own, then its own curve, the neutral line, other curves.
 */
export function placeStage(asks: NoteAsk[], col: Column, scene: Scene): Placed[] {
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
    // A note's placement and what it covers alone depend on its own option only: work them out
    // once per option, so a combination only adds them up and checks the notes against each other.
    const choices = options.map((o, j) =>
      o.map((opt) => {
        const p = notePlacement(asks[j], opt.x, opt.width, opt.above);
        return { p, c: noteCost(p, scene) };
      }),
    );
    const combos = choices.reduce((c, o) => c * o.length, 1);
    if (combos <= 64) {
      // Every combination of every note's options (mixed radix).
      for (let k = 0; k < combos; k++) {
        let rest = k;
        let cost = base;
        const placed = choices.map((o) => {
          const pick = o[rest % o.length];
          rest = Math.floor(rest / o.length);
          cost += pick.c;
          return pick.p;
        });
        placed.forEach((_, j) => (cost += pairs(placed, j)));
        if (!best || cost < best.cost) best = { cost, placed };
      }
    } else {
      // Many notes at one stage: each takes its cheapest option in turn.
      const placed: Placed[] = [];
      let cost = base;
      choices.forEach((o, j) => {
        const scored = o.map(({ p, c }) => ({ p, c: c + pairs([...placed, p], j) }));
        const pick = scored.reduce((x, y) => (y.c < x.c ? y : x));
        placed.push(pick.p);
        cost += pick.c;
      });
      if (!best || cost < best.cost) best = { cost, placed };
    }
  }
  return best!.placed;
}
