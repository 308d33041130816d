/**
 * Pure edits of a draft. Each returns a new draft and reuses every untouched
 * object, so components that watch one stage, lane or cell see `===` values
 * for everything a keystroke did not change and skip re-rendering.
 */
import {
  DEFAULT_SCALE,
  LIMITS,
  formatMetric,
  parseMetric,
  slugify,
  uniqueId,
  type EmotionLane,
  type Lane,
  type LaneKind,
  type Scale,
  type Stage,
  type Tone,
  type EmotionCell,
  type MetricCell,
  type Card,
  type TextCell,
} from '../src/model';
import { emptyPersona, personaIds, type DraftMap, type PersonaDraft } from './draft';

export type CellValue = TextCell | Card[] | EmotionCell | MetricCell | undefined;

const takenIds = (items: { id: string }[]) => new Set(items.map((i) => i.id));

export function setTitle(m: DraftMap, title: string): DraftMap {
  return { ...m, title };
}

/** The map's objective; emptied, it is left out. */
export function setObjective(m: DraftMap, objective: string): DraftMap {
  const next = { ...m };
  if (objective === '') delete next.objective;
  else next.objective = objective;
  return next;
}

/** One part of the map's theme (issue 15); emptied, it is left out, and so is an empty theme. */
export function setThemePart(m: DraftMap, part: 'preset' | 'accent' | 'font', value: string): DraftMap {
  const theme: Record<string, unknown> = { ...m.theme };
  if (value === '') delete theme[part];
  else theme[part] = value;
  const next = { ...m };
  if (Object.keys(theme).length) next.theme = theme as DraftMap['theme'];
  else delete next.theme;
  return next;
}

/** "Use Figma variables": `theme.variables` true, or left out (then maybe no theme at all). */
export function setThemeVariables(m: DraftMap, on: boolean): DraftMap {
  const theme: Record<string, unknown> = { ...m.theme };
  if (on) theme.variables = true;
  else delete theme.variables;
  const next = { ...m };
  if (Object.keys(theme).length) next.theme = theme as DraftMap['theme'];
  else delete next.theme;
  return next;
}

/* ---------------- personas ---------------- */

type PersonaText = Exclude<keyof PersonaDraft, 'id'>;

/** A new persona at the end, blank: its id comes with its name (settlePersonaId). */
export function addPersona(m: DraftMap): DraftMap {
  if (m.personas.length >= LIMITS.personas) return m;
  return { ...m, personas: [...m.personas, emptyPersona()] };
}

/** Edit one field of the persona at `index`. The id does not follow the name. */
export function setPersona<K extends PersonaText>(
  m: DraftMap,
  index: number,
  key: K,
  value: PersonaDraft[K],
): DraftMap {
  const p = m.personas[index];
  if (!p || p[key] === value) return m;
  return { ...m, personas: m.personas.map((x, i) => (i === index ? { ...x, [key]: value } : x)) };
}

/**
 * Give named personas without an id theirs, made from the name (as `normaliseMap` would).
 * Called when a name has been entered (the field is left), so the id is made from the whole
 * name rather than its first letter; once made it stays, whatever the persona is renamed to.
 */
export function settlePersonaIds(m: DraftMap): DraftMap {
  const personas = personaIds(m.personas);
  return personas === m.personas ? m : { ...m, personas };
}

/** Remove a persona; curves that were its stop naming it. */
export function removePersona(m: DraftMap, index: number): DraftMap {
  const gone = m.personas[index];
  if (!gone) return m;
  return {
    ...m,
    personas: m.personas.filter((_, i) => i !== index),
    lanes:
      gone.id === undefined
        ? m.lanes
        : m.lanes.map((l) => {
            if (l.kind !== 'emotion' || l.persona !== gone.id) return l;
            const next = { ...l };
            delete next.persona;
            return next;
          }),
  };
}

export function movePersona(m: DraftMap, index: number, by: number): DraftMap {
  const to = index + by;
  if (index < 0 || index >= m.personas.length || to < 0 || to >= m.personas.length) return m;
  const personas = m.personas.slice();
  const [p] = personas.splice(index, 1);
  personas.splice(to, 0, p);
  return { ...m, personas };
}

/* ---------------- stages ---------------- */

export function addStage(m: DraftMap, name = `Stage ${m.stages.length + 1}`): DraftMap {
  if (m.stages.length >= LIMITS.stages) return m;
  const id = uniqueId(slugify(name, 'stage'), takenIds(m.stages));
  return { ...m, stages: [...m.stages, { id, name }] };
}

/**
 * A new stage right after the stage `afterId` (at the end if there is none), named "New stage":
 * "Stage n" would repeat a name the stages after it may have. Its id is made from that name
 * and follows the name until the stage first reaches the canvas (settleStageIds).
 */
export function insertStageAfter(m: DraftMap, afterId: string, name = 'New stage'): DraftMap {
  if (m.stages.length >= LIMITS.stages) return m;
  const id = uniqueId(slugify(name, 'stage'), takenIds(m.stages));
  const at = m.stages.findIndex((s) => s.id === afterId);
  const stages = m.stages.slice();
  stages.splice(at < 0 ? stages.length : at + 1, 0, { id, name });
  return { ...m, stages };
}

export function updateStage(m: DraftMap, id: string, patch: Partial<Omit<Stage, 'id'>>): DraftMap {
  return { ...m, stages: m.stages.map((s) => (s.id === id ? dropEmpty({ ...s, ...patch }) : s)) };
}

/**
 * Optional text fields set to '' are removed so the draft matches what a file would hold;
 * a stage that is no moment of truth has neither `moment` nor a moment note.
 */
function dropEmpty<T extends Partial<Stage>>(o: T): T {
  const out = { ...o };
  for (const k of ['phase', 'description', 'momentNote'] as const) if (out[k] === '') delete out[k];
  if (!out.moment) {
    delete out.moment;
    delete out.momentNote;
  }
  return out;
}

/** Mark a stage as a moment of truth, or not (which drops its moment note). */
export function setStageMoment(m: DraftMap, id: string, moment: boolean): DraftMap {
  return updateStage(m, id, { moment });
}

export function removeStage(m: DraftMap, id: string): DraftMap {
  if (m.stages.length <= 1) return m;
  return {
    ...m,
    stages: m.stages.filter((s) => s.id !== id),
    lanes: m.lanes.map((l) => {
      const cells = (l.cells ?? {}) as Record<string, unknown>;
      if (!(id in cells)) return l;
      const rest = { ...cells };
      delete rest[id];
      return { ...l, cells: rest } as Lane;
    }),
  };
}

function move<T extends { id: string }>(items: T[], id: string, by: number): T[] {
  const from = items.findIndex((i) => i.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return items;
  const out = items.slice();
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

export function moveStage(m: DraftMap, id: string, by: number): DraftMap {
  const stages = move(m.stages, id, by);
  return stages === m.stages ? m : { ...m, stages };
}

/* ---------------- lanes ---------------- */

export function addLane(m: DraftMap, kind: LaneKind = 'text', title = `Lane ${m.lanes.length + 1}`): DraftMap {
  if (m.lanes.length >= LIMITS.lanes) return m;
  const id = uniqueId(slugify(title, 'lane'), takenIds(m.lanes));
  return { ...m, lanes: [...m.lanes, { id, title, kind, cells: {} } as Lane] };
}

function mapLane(m: DraftMap, id: string, fn: (l: Lane) => Lane): DraftMap {
  let changed = false;
  const lanes = m.lanes.map((l) => {
    if (l.id !== id) return l;
    const next = fn(l);
    changed ||= next !== l;
    return next;
  });
  return changed ? { ...m, lanes } : m;
}

export function renameLane(m: DraftMap, id: string, title: string): DraftMap {
  return mapLane(m, id, (l) => ({ ...l, title }));
}

export function setLaneTone(m: DraftMap, id: string, tone: Tone | undefined): DraftMap {
  return mapLane(m, id, (l) => {
    if (l.kind !== 'cards') return l;
    const next = { ...l };
    if (tone) next.tone = tone;
    else delete next.tone;
    return next;
  });
}

/** A metric cell from text that starts with a number ("18%"). */
function metricFrom(text: string): MetricCell {
  const read = parseMetric(text)!;
  return read.unit ? { value: read.value, unit: read.unit.slice(0, LIMITS.unit) } : { value: read.value };
}

/** A divider lane's line: solid (the default, left out) or dashed. */
export function setDividerStyle(m: DraftMap, id: string, style: 'dashed' | undefined): DraftMap {
  return mapLane(m, id, (l) => {
    if (l.kind !== 'divider') return l;
    const out = { ...l };
    if (style) out.style = style;
    else delete out.style;
    return out;
  });
}

/**
 * Changing kind keeps what can be kept: text lines become cards and back, a text that starts
 * with a number becomes a metric and a metric its text; scores have no text form; a divider
 * has no cells. Curves drawn on the chart of a lane that stops being an emotion lane get charts of their own.
 */
export function setLaneKind(m: DraftMap, id: string, kind: LaneKind): DraftMap {
  const lane = m.lanes.find((l) => l.id === id);
  if (!lane || lane.kind === kind) return m;
  const base = lane.kind === 'emotion' ? detachOverlays(m, id) : m;
  return mapLane(base, id, (l) => {
    const cells: Record<string, unknown> = {};
    for (const [sid, v] of Object.entries((l.cells ?? {}) as Record<string, unknown>)) {
      if (kind === 'cards' && typeof v === 'string') cells[sid] = v.split('\n').filter((s) => s.trim() !== '');
      else if (kind === 'cards' && typeof v === 'object' && v && 'url' in v) cells[sid] = [v];
      else if (kind === 'text' && Array.isArray(v))
        // One linked card keeps its link; several become lines of words.
        cells[sid] = v.length === 1 ? v[0] : v.map((c: Card) => (typeof c === 'string' ? c : c.text)).join('\n');
      else if (
        (kind === 'text' || kind === 'cards') &&
        typeof v === 'object' &&
        v &&
        'note' in v &&
        (v as EmotionCell).note
      ) {
        cells[sid] = kind === 'text' ? (v as EmotionCell).note : [(v as EmotionCell).note];
      } else if (kind === 'metric' && typeof v === 'string' && parseMetric(v)) cells[sid] = metricFrom(v);
      else if (kind === 'metric' && Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' && parseMetric(v[0]))
        cells[sid] = metricFrom(v[0]);
      else if ((kind === 'text' || kind === 'cards') && typeof v === 'object' && v && 'value' in v) {
        const words = formatMetric(v as MetricCell);
        cells[sid] = kind === 'text' ? words : [words];
      }
    }
    return { id: l.id, title: l.title, kind, cells } as Lane;
  });
}

/** Remove a lane; curves drawn on its chart get charts of their own, on its scale. */
export function removeLane(m: DraftMap, id: string): DraftMap {
  const base = detachOverlays(m, id);
  return { ...base, lanes: base.lanes.filter((l) => l.id !== id) };
}

export function moveLane(m: DraftMap, id: string, by: number): DraftMap {
  const lanes = move(m.lanes, id, by);
  return lanes === m.lanes ? m : { ...m, lanes };
}

export function setCell(m: DraftMap, laneId: string, stageId: string, value: CellValue): DraftMap {
  return mapLane(m, laneId, (l) => {
    const cells = { ...((l.cells ?? {}) as Record<string, unknown>) };
    if (value === undefined) delete cells[stageId];
    else cells[stageId] = value;
    return { ...l, cells } as Lane;
  });
}

export function getCell(m: DraftMap, laneId: string, stageId: string): CellValue {
  const lane = m.lanes.find((l) => l.id === laneId);
  return lane ? ((lane.cells ?? {}) as Record<string, CellValue>)[stageId] : undefined;
}

/* ---------------- emotion lanes: scales, charts, personas, line styles ---------------- */

/** The ranges offered for an emotion lane's scale; the first is the format's default. */
export const SCALE_PRESETS: readonly { min: number; max: number }[] = [
  { min: DEFAULT_SCALE.min, max: DEFAULT_SCALE.max },
  { min: 1, max: 5 },
  { min: 1, max: 7 },
  { min: 0, max: 10 },
];

export const sameRange = (a: { min: number; max: number }, b: { min: number; max: number }): boolean =>
  a.min === b.min && a.max === b.max;

const isDefaultRange = (s: { min: number; max: number }) => sameRange(s, DEFAULT_SCALE);

const emotionLane = (m: DraftMap, id: string | undefined): EmotionLane | undefined => {
  const l = id === undefined ? undefined : m.lanes.find((x) => x.id === id);
  return l?.kind === 'emotion' ? l : undefined;
};

/**
 * The scale a lane's scores are on: that of the chart it is drawn on (the lane it overlays),
 * else its own, else −2..+2.
 */
export function laneScale(m: DraftMap, laneId: string): Scale {
  const lane = emotionLane(m, laneId);
  if (!lane) return DEFAULT_SCALE;
  const host = lane.overlay === undefined ? undefined : emotionLane(m, lane.overlay);
  return (host ? host.scale : lane.scale) ?? DEFAULT_SCALE;
}

/** The scores the panel offers on a scale: quarter steps, as markers dragged on the canvas read back. */
export const snapScore = (score: number, scale: { min: number; max: number }): number =>
  Math.min(scale.max, Math.max(scale.min, Math.round(score * 4) / 4)) + 0;

/**
 * The whole point of a scale nearest a score, as the score control shows it. Halfway between two
 * points it is the one farther from the middle of the scale, so rounding is symmetric: on −2..+2,
 * +0.5 is +1 and −0.5 is −1 (Math.round would make it 0); on 1–5, 2.5 is 2 and 3.5 is 4.
 */
export function nearestPoint(score: number, scale: { min: number; max: number }): number {
  const lo = Math.floor(score);
  const hi = Math.ceil(score);
  let point: number;
  if (score - lo < hi - score) point = lo;
  else if (score - lo > hi - score) point = hi;
  else {
    const mid = (scale.min + scale.max) / 2;
    point = Math.abs(lo - mid) > Math.abs(hi - mid) ? lo : hi;
  }
  return Math.min(scale.max, Math.max(scale.min, point)) + 0;
}

/**
 * A score on scale `from` at the same place on scale `to` (linearly: the ends to the ends),
 * on a quarter step. On the same range it is left exactly as it is.
 */
export function rescaleScore(
  score: number,
  from: { min: number; max: number },
  to: { min: number; max: number },
): number {
  if (sameRange(from, to)) return score;
  const t = (score - from.min) / (from.max - from.min);
  return snapScore(to.min + t * (to.max - to.min), to);
}

/** Every score of an emotion lane put from one scale onto another. */
function rescaleCells(lane: EmotionLane, from: Scale, to: Scale): EmotionLane {
  if (sameRange(from, to) || !lane.cells) return lane;
  const cells: Record<string, EmotionCell> = {};
  for (const [sid, c] of Object.entries(lane.cells)) cells[sid] = { ...c, score: rescaleScore(c.score, from, to) };
  return { ...lane, cells };
}

/** A lane's own scale after a change: left out when it is the default range without words. */
function withScale(lane: EmotionLane, scale: Scale | undefined): EmotionLane {
  const next = { ...lane };
  const s = scale && { ...scale };
  if (s && s.low === undefined) delete s.low;
  if (s && s.high === undefined) delete s.high;
  if (!s || (isDefaultRange(s) && s.low === undefined && s.high === undefined)) delete next.scale;
  else next.scale = s;
  return next;
}

function mapEmotionLanes(m: DraftMap, fn: (l: EmotionLane) => EmotionLane): DraftMap {
  let changed = false;
  const lanes = m.lanes.map((l) => {
    if (l.kind !== 'emotion') return l;
    const next = fn(l);
    changed ||= next !== l;
    return next;
  });
  return changed ? { ...m, lanes } : m;
}

/**
 * The range of a lane's chart, its scores keeping their meaning: every score of the lane and of
 * the curves drawn on its chart is put at the same place on the new range, on quarter steps.
 * A lane drawn on another's chart has that chart's scale: nothing changes.
 */
export function setLaneScale(m: DraftMap, laneId: string, range: { min: number; max: number }): DraftMap {
  const lane = emotionLane(m, laneId);
  if (!lane || lane.overlay !== undefined) return m;
  const from = laneScale(m, laneId);
  if (sameRange(from, range)) return m;
  const to: Scale = { ...lane.scale, min: range.min, max: range.max };
  return mapEmotionLanes(m, (l) => {
    if (l.id === laneId) return withScale(rescaleCells(l, from, to), to);
    if (l.overlay !== laneId) return l;
    // A curve on this chart may carry the chart's range itself (a file may say it): it follows.
    const moved = rescaleCells(l, from, to);
    return l.scale ? withScale(moved, { ...l.scale, min: to.min, max: to.max }) : moved;
  });
}

/** The word at the low or high end of a lane's scale; '' removes it. */
export function setLaneScaleWord(m: DraftMap, laneId: string, end: 'low' | 'high', word: string): DraftMap {
  const range = laneScale(m, laneId);
  return mapLane(m, laneId, (l) => {
    if (l.kind !== 'emotion' || (l.scale?.[end] ?? '') === word) return l;
    // On the range its scores are on (a curve on another's chart: that chart's).
    const scale: Scale = { ...l.scale, min: range.min, max: range.max };
    if (word === '') delete scale[end];
    else scale[end] = word;
    return withScale(l, scale);
  });
}

/** Which lanes a lane's curve may be drawn on: emotion lanes with a chart of their own, not itself. */
export function chartHosts(m: DraftMap, laneId: string): EmotionLane[] {
  return m.lanes.filter((l): l is EmotionLane => l.kind === 'emotion' && l.id !== laneId && l.overlay === undefined);
}

/** The lanes whose curves are drawn on this lane's chart. */
export const overlaysOf = (m: DraftMap, laneId: string): EmotionLane[] =>
  m.lanes.filter((l): l is EmotionLane => l.kind === 'emotion' && l.overlay === laneId);

/**
 * Draw a lane's curve on another emotion lane's chart (`hostId`), or on a chart of its own
 * (undefined). Onto a chart, its scores move onto the chart's scale and it has no scale of its
 * own; back on its own chart it keeps the chart's scale, words and all, so its scores mean what
 * they meant. A lane whose chart carries other curves stays where it is, as does a move onto a
 * lane that is itself drawn on another chart (neither can be drawn).
 */
export function setLaneOverlay(m: DraftMap, laneId: string, hostId: string | undefined): DraftMap {
  const lane = emotionLane(m, laneId);
  if (!lane || lane.overlay === hostId) return m;
  if (hostId === undefined) {
    const host = emotionLane(m, lane.overlay);
    return mapLane(m, laneId, () => {
      const next = withScale(lane, lane.scale ?? host?.scale);
      delete next.overlay;
      return next;
    });
  }
  const host = emotionLane(m, hostId);
  if (!host || host.id === laneId || host.overlay !== undefined || overlaysOf(m, laneId).length) return m;
  const to = host.scale ?? DEFAULT_SCALE;
  return mapLane(m, laneId, () => {
    const next = withScale(rescaleCells(lane, laneScale(m, laneId), to), undefined);
    next.overlay = hostId;
    return next;
  });
}

/** Curves drawn on `laneId`'s chart get charts of their own (before it is removed or changes kind). */
function detachOverlays(m: DraftMap, laneId: string): DraftMap {
  return overlaysOf(m, laneId).reduce((acc, l) => setLaneOverlay(acc, l.id, undefined), m);
}

/** The persona a lane's curve belongs to (by id), or none. A named persona without an id gets it now. */
export function setLanePersona(m: DraftMap, laneId: string, personaId: string | undefined): DraftMap {
  const settled = personaId === undefined ? m : settlePersonaIds(m);
  return mapLane(settled, laneId, (l) => {
    if (l.kind !== 'emotion' || l.persona === personaId) return l;
    const next = { ...l };
    if (personaId === undefined) delete next.persona;
    else next.persona = personaId;
    return next;
  });
}

/** Solid (the default, left out) or dashed. */
export function setLaneStyle(m: DraftMap, laneId: string, style: 'solid' | 'dashed'): DraftMap {
  return mapLane(m, laneId, (l) => {
    if (l.kind !== 'emotion' || (l.style ?? 'solid') === style) return l;
    const next = { ...l };
    if (style === 'solid') delete next.style;
    else next.style = style;
    return next;
  });
}

/* ---------------- scores on a lane's scale (the per-stage emotion control) ---------------- */

export interface ScoreLevel {
  score: number;
  /** What a screen reader says and the tooltip shows: "1 Awful", "3", "+2 very positive". */
  text: string;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
const DEFAULT_WORDS = ['very negative', 'negative', 'neutral', 'positive', 'very positive'];

/**
 * The whole-number points of a scale, the choices of a score control, each with its words:
 * on −2..+2 without words the five familiar ones; else the number, with the scale's low and
 * high words at the ends. Signs are shown only on scales that go below zero.
 */
export function scoreLevels(scale: Scale): ScoreLevel[] {
  const plain = isDefaultRange(scale) && scale.low === undefined && scale.high === undefined;
  const num = (n: number) => (scale.min < 0 ? signed(n) : String(n));
  const out: ScoreLevel[] = [];
  for (let s = scale.min; s <= scale.max; s++) {
    const word = plain ? DEFAULT_WORDS[s - scale.min] : s === scale.min ? scale.low : s === scale.max ? scale.high : '';
    out.push({ score: s, text: word ? `${num(s)} ${word}` : num(s) });
  }
  return out;
}

/** Set a stage's score in an emotion lane, on the lane's scale (quarter steps), keeping its note. */
export function setScore(m: DraftMap, laneId: string, stageId: string, score: number): DraftMap {
  const cell = getCell(m, laneId, stageId) as EmotionCell | undefined;
  const next: EmotionCell = { ...cell, score: snapScore(score, laneScale(m, laneId)) };
  if (cell && same(cell, next)) return m;
  return setCell(m, laneId, stageId, next);
}

const same = (a: EmotionCell, b: EmotionCell) => a.score === b.score && a.note === b.note;
