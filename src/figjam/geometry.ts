/**
 * Where everything of a workshop board goes (FigJam), as plain numbers: pure, no `figma`.
 * The same layout language as the Figma map (title, personas, phases, one column per stage,
 * one row per lane, emotion curves on a chart), sized for FigJam's stickies, which are always
 * 240 × 240: a cards cell holds two stickies side by side and always has a free row for the
 * stickies participants add. Column positions come from the map's own grid (src/layout/grid.ts);
 * the emotion chart uses the same scale and area maths as the map (src/layout/emotion.ts).
 *
 * Every position is relative to the board's section (its top-left is 0,0). Create, update and
 * read back all compute the board from a map with this one function, so a cell is where the
 * reader looks for it exactly when the map that drew it is the stored one.
 */
import type { JourneyMap, Lane, Persona, Stage } from '../model';
import { gridGeometry } from '../layout/grid';
import type { EmotionArea } from '../layout/emotion';
import { hasPhases } from '../layout/phases';
import { overlaps } from '../layout/boxes';

export const STICKY = 240;
export const STICKY_GAP = 16;
/** Two stickies side by side with a gap around them. */
export const COLUMN = 2 * STICKY + 3 * STICKY_GAP;
export const PAD = 64;
export const LABEL_WIDTH = 280;
export const ROW_GAP = 12;
export const TITLE_HEIGHT = 64;
/** The line under the title telling participants what to do on the board. */
export const HINT_HEIGHT = 40;
export const OBJECTIVE_HEIGHT = 56;
export const PERSONA = { width: 900, gap: 24, padding: 24, nameHeight: 34, line: 26, size: 18 } as const;

/** A persona card's body: the quote, then goals and frustrations as bulleted lists. */
export function personaBody(p: Persona): string {
  const lines: string[] = [];
  if (p.quote) lines.push(`“${p.quote}”`);
  if (p.goals?.length) lines.push('', 'Goals', ...p.goals.map((g) => `•  ${g}`));
  if (p.frustrations?.length) lines.push('', 'Frustrations', ...p.frustrations.map((f) => `•  ${f}`));
  return lines.join('\n');
}

/** Height of a persona card: its lines, wrapped at the card's width (an estimate: ~0.55 em a character). */
function personaHeight(p: Persona): number {
  const perLine = Math.floor((PERSONA.width - 2 * PERSONA.padding) / (PERSONA.size * 0.5));
  const lines = personaBody(p)
    .split('\n')
    .reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
  return 2 * PERSONA.padding + PERSONA.nameHeight + 8 + lines * PERSONA.line;
}
export const PHASE_HEIGHT = 56;
export const STAGE_HEADER_HEIGHT = 72;
export const STAGE_ROW_HEIGHT = 148;
/** Font sizes of a text cell and of the note under a stage header. */
export const CELL_TEXT_SIZE = 20;
const NOTE_SIZE = 18;

/**
 * Lines a text takes at a width: an estimate of 0.6 em a character (wider than Inter's average and
 * the fake's 0.55, for the room lost where lines break between words), so rows grow with long
 * texts instead of letting them run out of their shapes.
 */
function lines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width / (size * 0.6)));
  return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
}

/** What is written under a stage's header: its moment of truth and description. */
export function stageNote(stage: Stage): string {
  return [stage.moment ? `Moment of truth${stage.momentNote ? `: ${stage.momentNote}` : ''}` : '']
    .concat(stage.description ?? '')
    .filter(Boolean)
    .join('\n');
}
export const MARKER = 36;

/** An emotion note's text: its font size, its box's width, and its gap to its marker. */
export const NOTE = { size: 18, width: 240, gap: 6 } as const;
/** A legend line's text in an emotion chart's label column, the lines stacked up from the row's foot. */
export const LEGEND = { size: 18, width: 248, gap: 6, bottom: 16 } as const;

/** A marker on an emotion chart: its curve (lane), stage and centre, relative to the chart's top-left. */
export interface ChartMarker {
  lane: string;
  stageId: string;
  x: number;
  y: number;
}

/** A note to place next to its curve's marker, on the side clear of the curve (`prefer`), as tall as drawn. */
export interface ChartNote {
  lane: string;
  stageId: string;
  height: number;
  prefer: 'above' | 'below';
}

/** The gap between two boxes (0 when they touch or overlap). */
function gap(a: Rect, b: Rect): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** Placements tried for one stage's notes, at each level of what a place must be, before giving up that level. */
const NOTE_SEARCH_BUDGET = 2000;

/**
 * Where each emotion note of one chart goes (relative to the chart): covered by no marker of any
 * curve, overlapping no other note, next to its own marker (no other marker nearer), inside the
 * chart. The places of a note, best first: the side clear of the curve (below where the curve
 * climbs to the next stage, else above), the note starting under its marker; the same moved right
 * past the stage's markers (a marker of another curve at this stage would cover its start); the
 * other side, the same two ways; beside the marker on its right, level with it, then moved up or
 * down; then further away from it, in steps. The notes of one stage are placed together, by a
 * search in which earlier notes (the first curve's) get the better places. Where no placement
 * keeps all four rules (several notes crowded at one stage), "next to its own marker" is given up
 * first, then "inside the chart"; the last resort is each note's first place clear of markers
 * and notes, else its best.
 */
export function placeNotes(markers: ChartMarker[], notes: ChartNote[], height: number): Rect[] {
  const m = MARKER / 2;
  const markerBox = (k: ChartMarker): Rect => ({ x: k.x - m, y: k.y - m, width: MARKER, height: MARKER });
  const boxes = markers.map(markerBox);
  /** A note's places, best first, each with which rules beyond "under no marker" it keeps. */
  const placesOf = (note: ChartNote) => {
    const own = markers.find((k) => k.lane === note.lane && k.stageId === note.stageId);
    if (!own) throw new Error(`no marker for the note of ${note.lane} at ${note.stageId}`);
    const h = note.height;
    const under = own.x - 12;
    const right = own.x + m + NOTE.gap;
    const above = (away: number) => own.y - m - NOTE.gap - away - h;
    const below = (away: number) => own.y + m + NOTE.gap + away;
    const [first, second] = note.prefer === 'above' ? [above, below] : [below, above];
    const rect = (x: number, y: number): Rect => ({ x, y, width: NOTE.width, height: h });
    const all: Rect[] = [
      rect(under, first(0)),
      rect(right, first(0)),
      rect(under, second(0)),
      rect(right, second(0)),
      rect(right, own.y - h / 2),
    ];
    // Beside the marker, moved up or down while still level with part of it.
    for (let step = 4; step < h / 2 + m; step += 4)
      all.push(rect(right, own.y - h / 2 - step), rect(right, own.y - h / 2 + step));
    for (let away = 4; away <= height; away += 4) all.push(rect(right, first(away)), rect(right, second(away)));
    const ownBox = markerBox(own);
    // Only markers within reach matter: no place is farther than this from its own marker.
    const reach = height + 2 * MARKER;
    const [from, to] = [under - reach, right + NOTE.width + reach];
    const near = boxes.filter((b) => b.x < to && b.x + b.width > from);
    const places = all
      .filter((r) => !overlaps(r, ownBox) && !near.some((b) => overlaps(r, b)))
      .map((r) => {
        const d = gap(r, ownBox);
        return {
          r,
          inside: r.y >= 0 && r.y + r.height <= height,
          nearest: near.every((b) => gap(r, b) >= d),
        };
      });
    return {
      best: all[0],
      levels: [
        places.filter((p) => p.inside && p.nearest).map((p) => p.r),
        places.filter((p) => p.inside).map((p) => p.r),
        places.map((p) => p.r),
      ],
    };
  };
  const out: Rect[] = new Array<Rect>(notes.length);
  const placed: Rect[] = [];
  const stages = [...new Set(notes.map((n) => n.stageId))];
  const clear = (r: Rect, taken: Rect[]) => !taken.some((p) => overlaps(r, p));
  for (const stageId of stages) {
    const here = notes.flatMap((n, i) => (n.stageId === stageId ? [i] : []));
    const options = here.map((i) => placesOf(notes[i]));
    // Notes already placed (other stages') that any of these places could touch.
    const all = options.flatMap((o) => o.levels[2]);
    const left = Math.min(...all.map((r) => r.x));
    const right = Math.max(...all.map((r) => r.x + r.width));
    const taken = placed.filter((p) => p.x < right && p.x + p.width > left);
    const chosen: Rect[] = [];
    // Depth first: the first note's best place that leaves room for the others, and so on.
    const search = (level: number) => {
      let budget = NOTE_SEARCH_BUDGET;
      const step = (k: number): boolean => {
        if (k === here.length) return true;
        for (const r of options[k].levels[level]) {
          if (--budget < 0) return false;
          if (!clear(r, taken) || !clear(r, chosen)) continue;
          chosen.push(r);
          if (step(k + 1)) return true;
          chosen.pop();
        }
        return false;
      };
      chosen.length = 0;
      return step(0);
    };
    if (![0, 1, 2].some(search)) {
      chosen.length = 0;
      for (const o of options) chosen.push(o.levels[2].find((r) => clear(r, taken) && clear(r, chosen)) ?? o.best);
    }
    here.forEach((i, k) => {
      out[i] = chosen[k];
      placed.push(chosen[k]);
    });
  }
  return out;
}
export const ROW_HEIGHT: Record<Exclude<Lane['kind'], 'cards'>, number> = {
  text: 200,
  emotion: 360,
  metric: 120,
  divider: 48,
};
/** The emotion chart's scale band inside its row (as src/layout/emotion.ts measures it). */
export const EMOTION_AREA: EmotionArea = { height: ROW_HEIGHT.emotion, padTop: 56, padBottom: 56 };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BoardRow {
  lane: Lane;
  y: number;
  height: number;
}

export interface BoardColumn {
  stageId: string;
  x: number;
  width: number;
}

export interface BoardGeometry {
  width: number;
  height: number;
  title: Rect;
  hint: Rect;
  objective?: Rect;
  personas: Rect[];
  /** Left edge of the label column. */
  labelX: number;
  columns: BoardColumn[];
  /** x of the first column: the emotion chart's origin, as in the map's grid. */
  columnsX: number;
  phaseRow?: { y: number; height: number };
  stageRow: { y: number; height: number };
  rows: BoardRow[];
}

/** Rows of stickies a cards lane gets: its fullest cell's, plus one free row, at least two. */
export function stickyRows(lane: Extract<Lane, { kind: 'cards' }>): number {
  const most = Math.max(0, ...Object.values(lane.cells).map((c) => c.length));
  return Math.max(2, Math.ceil(most / 2) + 1);
}

export function boardGeometry(map: JourneyMap): BoardGeometry {
  const g = gridGeometry(
    map.stages.map((s) => s.id),
    COLUMN,
  );
  const labelX = PAD;
  const columnsX = PAD + LABEL_WIDTH + ROW_GAP;
  const columns = g.columns.map((c) => ({ stageId: c.stageId, x: columnsX + c.x, width: c.width }));
  const gridWidth = LABEL_WIDTH + ROW_GAP + g.span(0, columns.length);
  let y = PAD;
  const title = { x: PAD, y, width: gridWidth, height: TITLE_HEIGHT };
  y += TITLE_HEIGHT;
  const hint = { x: PAD, y, width: gridWidth, height: HINT_HEIGHT };
  y += HINT_HEIGHT;
  let objective: Rect | undefined;
  if (map.objective) {
    objective = { x: PAD, y, width: gridWidth, height: OBJECTIVE_HEIGHT };
    y += OBJECTIVE_HEIGHT;
  }
  const tallest = Math.max(0, ...(map.personas ?? []).map(personaHeight));
  const personas = (map.personas ?? []).map((_, i) => ({
    x: PAD + i * (PERSONA.width + PERSONA.gap),
    y: y + 24,
    width: PERSONA.width,
    height: tallest,
  }));
  y += personas.length ? 24 + tallest + 48 : 32;
  let phaseRow: BoardGeometry['phaseRow'];
  if (hasPhases(map.stages)) {
    phaseRow = { y, height: PHASE_HEIGHT };
    y += PHASE_HEIGHT + ROW_GAP;
  }
  const notes = map.stages.map((s) => stageNote(s)).filter(Boolean);
  const noteHeight = Math.max(0, ...notes.map((n) => lines(n, COLUMN - 16, NOTE_SIZE) * NOTE_SIZE * 1.25));
  const stageRow = { y, height: Math.max(STAGE_ROW_HEIGHT, STAGE_HEADER_HEIGHT + 8 + Math.ceil(noteHeight) + 8) };
  y += stageRow.height + ROW_GAP;
  const rows: BoardRow[] = [];
  for (const lane of map.lanes) {
    if (lane.kind === 'emotion' && lane.overlay !== undefined) continue; // drawn on its host's chart
    let height = lane.kind === 'cards' ? stickyRows(lane) * (STICKY + STICKY_GAP) + STICKY_GAP : ROW_HEIGHT[lane.kind];
    if (lane.kind === 'text') {
      // A text row is as tall as its longest cell needs (the shape's text is inset ~14 px a side).
      const texts = Object.values(lane.cells).map((c) => (typeof c === 'string' ? c : c.text));
      const needed = Math.max(0, ...texts.map((t) => lines(t, COLUMN - 28, CELL_TEXT_SIZE))) * CELL_TEXT_SIZE * 1.25;
      height = Math.max(height, Math.ceil(needed) + 40);
    }
    rows.push({ lane, y, height });
    y += height + ROW_GAP;
  }
  const width = Math.max(PAD + gridWidth, ...personas.map((p) => p.x + p.width)) + PAD;
  return {
    width,
    height: y - ROW_GAP + PAD,
    title,
    hint,
    objective,
    personas,
    labelX,
    columns,
    columnsX,
    phaseRow,
    stageRow,
    rows,
  };
}

/** The area of one cell (a lane's row within a stage's column). */
export function cellRect(row: BoardRow, column: BoardColumn): Rect {
  return { x: column.x, y: row.y, width: column.width, height: row.height };
}

/** Where the i-th sticky of a cards cell goes: two per row, in reading order. */
export function stickySlot(cell: Rect, i: number): { x: number; y: number } {
  return {
    x: cell.x + STICKY_GAP + (i % 2) * (STICKY + STICKY_GAP),
    y: cell.y + STICKY_GAP + Math.floor(i / 2) * (STICKY + STICKY_GAP),
  };
}

/** The cards cell whose area holds this point, if any. */
export function cardsCellAt(geo: BoardGeometry, x: number, y: number): { laneId: string; stageId: string } | undefined {
  const row = geo.rows.find((r) => r.lane.kind === 'cards' && y >= r.y && y < r.y + r.height);
  if (!row) return undefined;
  const column = geo.columns.find((c) => x >= c.x && x < c.x + c.width);
  return column ? { laneId: row.lane.id, stageId: column.stageId } : undefined;
}

/**
 * Reading order of stickies in one cell: top to bottom, left to right. Stickies whose centres
 * are less than half a sticky apart vertically are on one line (a hand-placed row is never
 * exactly level); within a line, left to right.
 */
export function readingOrder<T extends { x: number; y: number }>(items: T[]): T[] {
  const byY = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: T[][] = [];
  for (const item of byY) {
    const line = lines[lines.length - 1];
    if (line && item.y - line[0].y < STICKY / 2) line.push(item);
    else lines.push([item]);
  }
  return lines.flatMap((line) => line.sort((a, b) => a.x - b.x));
}
