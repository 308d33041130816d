/**
 * Three-way merge for "Reload from canvas": the base (the map the panel last
 * synced with the canvas: its last created, updated or read-back map), the
 * panel's draft, and the canvas as read back now. Pure; no DOM, no store.
 *
 * All three are first put in canonical form (what `normaliseMap` would make of
 * them: names trimmed, empty cells, cards and optional fields dropped), so a
 * field typed and erased again is no edit. Then:
 * - stages and lanes are matched by id; one added on either side is kept; one
 *   removed on one side goes, unless the other side changed it (then the
 *   panel's version wins: a stage the panel removed stays removed, one the
 *   canvas removed but the panel edited stays, and both are reported);
 * - order: the panel's if the panel reordered, else the canvas's, with the
 *   other side's additions after their neighbour;
 * - personas are matched by id and merged like stages;
 * - every field and cell: the panel's value where the panel changed it from
 *   the base, else the canvas's; where both changed it differently the panel's
 *   is kept and the field is listed in `conflicts`. An emotion lane's scale is
 *   three fields (its range, its low word, its high word), and its chart, persona
 *   and line one each;
 * - scores keep their meaning: a side's score is put on the merged lane's scale
 *   (as changing the scale in the panel does), and whether a side changed a score
 *   is judged on that side's own scale;
 * - references stay valid: a curve whose chart is gone (or is itself drawn on
 *   another chart) gets a chart of its own on the scale it was drawn on; one on
 *   a chart takes the chart's range; a curve's persona that is gone is dropped.
 * The panel's edits that survive and differ from the canvas are listed in
 * `kept`, labelled as the panel labels them ("Stage 2 name", "Phase of stage 2",
 * "Scale of lane 3"; a cell "Touchpoints · Buy", as the list is joined with commas).
 */
import {
  DEFAULT_SCALE,
  type EmotionCell,
  type EmotionLane,
  type Lane,
  type MetricCell,
  type Card,
  type TextCell,
  type Scale,
  type Stage,
} from '../src/model';
import { personaIds, type DraftMap, type PersonaDraft } from './draft';
import { rescaleScore, sameRange } from './edit';

export interface MergeResult {
  /** The merged map (canonical form). */
  map: DraftMap;
  /** The panel's edits kept over the canvas, in panel order: title, objective, personas, stages, lanes, cells. */
  kept: string[];
  /** Of `kept`, those the canvas changed too (differently): the panel's version was kept. */
  conflicts: string[];
}

type CellValue = TextCell | Card[] | EmotionCell | MetricCell;
type Cells = Record<string, CellValue>;

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** Structural equality of JSON-like values; keys holding `undefined` count as absent. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && same(ra[k], rb[k]));
}

/** A text with its link, as the format holds it; undefined for anything else. */
function linked(v: unknown): { text: string; url: string } | undefined {
  const l = v as { text?: unknown; url?: unknown };
  return typeof l === 'object' && l && typeof l.text === 'string' && typeof l.url === 'string' && !blank(l.text)
    ? { text: l.text.trim(), url: l.url }
    : undefined;
}

function canonicalCell(kind: Lane['kind'], v: unknown): CellValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (kind === 'text') return typeof v === 'string' ? (blank(v) ? undefined : v) : linked(v);
  if (kind === 'cards') {
    const cards = Array.isArray(v)
      ? v.flatMap((c): Card[] => {
          if (typeof c === 'string') return blank(c) ? [] : [c];
          const l = linked(c);
          return l ? [l] : [];
        })
      : [];
    return cards.length ? cards : undefined;
  }
  if (kind === 'divider') return undefined;
  if (kind === 'metric') {
    const m = v as Partial<MetricCell>;
    if (typeof m !== 'object' || typeof m.value !== 'number') return undefined;
    const out: MetricCell = { value: m.value };
    if (!blank(m.unit)) out.unit = m.unit!.trim();
    if (typeof m.target === 'number') out.target = m.target;
    if (m.better) out.better = m.better;
    return out;
  }
  const e = v as Partial<EmotionCell>;
  if (typeof e !== 'object' || typeof e.score !== 'number') return undefined;
  return blank(e.note) ? { score: e.score } : { score: e.score, note: e.note };
}

function canonicalScale(s: Scale): Scale {
  const out: Scale = { min: s.min, max: s.max };
  if (!blank(s.low)) out.low = s.low!.trim();
  if (!blank(s.high)) out.high = s.high!.trim();
  return out;
}

function canonicalLane(l: Lane, stageIds: readonly string[]): Lane {
  const cells = (l.cells ?? {}) as Record<string, unknown>;
  const out: Cells = {};
  for (const sid of stageIds) {
    const c = canonicalCell(l.kind, cells[sid]);
    if (c !== undefined) out[sid] = c;
  }
  const lane: Record<string, unknown> = { id: l.id, title: l.title.trim(), kind: l.kind };
  if (l.kind === 'cards' && l.tone) lane.tone = l.tone;
  if (l.kind === 'divider' && l.style) lane.style = l.style;
  if (l.kind === 'emotion') {
    if (l.scale) lane.scale = canonicalScale(l.scale);
    if (l.overlay !== undefined) lane.overlay = l.overlay;
    if (l.persona !== undefined) lane.persona = l.persona;
    if (l.style) lane.style = l.style;
  }
  lane.cells = out;
  return lane as unknown as Lane;
}

function canonicalPersona(p: PersonaDraft): PersonaDraft {
  const out: PersonaDraft = {
    name: p.name.trim(),
    role: blank(p.role) ? '' : p.role,
    quote: blank(p.quote) ? '' : p.quote,
    description: blank(p.description) ? '' : p.description,
    goals: p.goals.filter((g) => !blank(g)),
    frustrations: p.frustrations.filter((f) => !blank(f)),
  };
  return p.id === undefined ? out : { id: p.id, ...out };
}

/**
 * The draft as `normaliseMap` would leave it, in draft shape (persona fields all present); a
 * named persona without an id yet has the one `normaliseMap` would give it.
 */
export function canonicalDraft(m: DraftMap): DraftMap {
  const stages = m.stages.map((s) => {
    const out: Stage = { id: s.id, name: s.name.trim() };
    if (!blank(s.phase)) out.phase = s.phase!.trim();
    if (!blank(s.description)) out.description = s.description;
    if (s.moment) {
      out.moment = true;
      if (!blank(s.momentNote)) out.momentNote = s.momentNote;
    }
    return out;
  });
  const ids = stages.map((s) => s.id);
  const out: DraftMap = {
    title: m.title.trim(),
    personas: personaIds(m.personas).map(canonicalPersona),
    stages,
    lanes: m.lanes.map((l) => canonicalLane(l, ids)),
  };
  if (!blank(m.objective)) out.objective = m.objective;
  if (m.theme !== undefined) out.theme = m.theme;
  if (m.meta !== undefined) out.meta = m.meta;
  return out;
}

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((i) => [i.id, i]));
const cellOf = (lane: Lane | undefined, stageId: string): CellValue | undefined =>
  lane ? (lane.cells as Cells)[stageId] : undefined;
const quoted = (name: string, fallback: string): string => (name ? `${fallback} “${name}”` : fallback);
const asEmotion = (l: Lane | undefined): EmotionLane | undefined => (l?.kind === 'emotion' ? l : undefined);

/** Collects what the panel kept over the canvas while fields are picked. */
class Picker {
  readonly kept: string[] = [];
  readonly conflicts: string[] = [];

  /** The panel's value where it changed it from the base, else the canvas's. */
  pick<T>(base: T | undefined, panel: T, canvas: T, label: () => string): T {
    if (same(panel, base)) return canvas;
    if (same(panel, canvas)) return panel;
    this.note(label(), !same(canvas, base));
    return panel;
  }

  note(label: string, conflict: boolean): void {
    this.kept.push(label);
    if (conflict) this.conflicts.push(label);
  }

  /** Take another picker's labels after this one's (a lane's, once its cells are merged too). */
  absorb(other: Picker): void {
    this.kept.push(...other.kept);
    this.conflicts.push(...other.conflicts);
  }
}

/** Is the order of the items common to `a` and `b` the same in both? */
function sameRelativeOrder(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a);
  const inB = new Set(b);
  return same(
    a.filter((id) => inB.has(id)),
    b.filter((id) => inA.has(id)),
  );
}

/**
 * The kept ids in order: the panel's order if it reordered the base's items, else the canvas's;
 * items only the other side has go right after their nearest kept predecessor there.
 */
function mergeOrder(
  base: readonly string[],
  panel: readonly string[],
  canvas: readonly string[],
  keep: ReadonlySet<string>,
): { ids: string[]; panelReordered: boolean } {
  const panelReordered = !sameRelativeOrder(panel, base);
  const [primary, secondary] = panelReordered ? [panel, canvas] : [canvas, panel];
  const ids = primary.filter((id) => keep.has(id));
  const placed = new Set(ids);
  secondary.forEach((id, i) => {
    if (!keep.has(id) || placed.has(id)) return;
    let j = i - 1;
    while (j >= 0 && !placed.has(secondary[j])) j--;
    ids.splice(j < 0 ? 0 : ids.indexOf(secondary[j]) + 1, 0, id);
    placed.add(id);
  });
  return { ids, panelReordered };
}

/** Which items survive: added on either side, or in the base and not removed (see the module comment). */
function keptIds(
  base: ReadonlyMap<string, unknown>,
  panel: ReadonlyMap<string, unknown>,
  canvas: ReadonlyMap<string, unknown>,
  panelTouched: (id: string) => boolean,
): Set<string> {
  const keep = new Set<string>();
  for (const id of new Set([...panel.keys(), ...canvas.keys()])) {
    const inP = panel.has(id);
    const inC = canvas.has(id);
    // Removed on the canvas: kept only if the panel changed it.
    if (!base.has(id) || (inP && inC) || (inP && panelTouched(id))) keep.add(id);
  }
  return keep;
}

/** Note a change of order the panel made, when it differs from the canvas's order. */
function noteOrder(
  r: Picker,
  label: string,
  panelReordered: boolean,
  merged: string[],
  base: string[],
  canvas: string[],
) {
  if (panelReordered && !sameRelativeOrder(merged, canvas)) r.note(label, !sameRelativeOrder(canvas, base));
}

/* ---------------- scales ---------------- */

/** The scale an emotion lane's scores are on in `lanes`: its chart's, or its own, or −2..+2. */
function scaleIn(lanes: readonly Lane[], lane: EmotionLane): Scale {
  const host = lane.overlay === undefined ? undefined : asEmotion(lanes.find((l) => l.id === lane.overlay));
  return (host ? host.scale : lane.scale) ?? DEFAULT_SCALE;
}

/** A cell's score moved from one scale to another (as the panel does when a scale changes). */
function onScale(v: CellValue | undefined, from: Scale, to: Scale): CellValue | undefined {
  if (v === undefined || sameRange(from, to)) return v;
  const e = v as EmotionCell;
  return { ...e, score: rescaleScore(e.score, from, to) };
}

/** An emotion lane's scale, its chart, persona and line style, each picked on its own. */
function mergeCurve(r: Picker, n: number, b: EmotionLane | undefined, p: EmotionLane, c: EmotionLane) {
  const range = (l: EmotionLane | undefined) => (l?.scale ? { min: l.scale.min, max: l.scale.max } : undefined);
  const picked = r.pick(range(b), range(p), range(c), () => `Scale of lane ${n}`);
  const low = r.pick(b?.scale?.low, p.scale?.low, c.scale?.low, () => `Low end word of lane ${n}`);
  const high = r.pick(b?.scale?.high, p.scale?.high, c.scale?.high, () => `High end word of lane ${n}`);
  const out: Partial<EmotionLane> = {};
  if (picked || low !== undefined || high !== undefined) {
    const scale: Scale = { ...(picked ?? DEFAULT_SCALE) };
    if (low !== undefined) scale.low = low;
    if (high !== undefined) scale.high = high;
    out.scale = scale;
  }
  const overlay = r.pick(b?.overlay, p.overlay, c.overlay, () => `Chart of lane ${n}`);
  const persona = r.pick(b?.persona, p.persona, c.persona, () => `Persona of lane ${n}`);
  const style = r.pick(b?.style, p.style, c.style, () => `Line of lane ${n}`);
  if (overlay !== undefined) out.overlay = overlay;
  if (persona !== undefined) out.persona = persona;
  if (style !== undefined) out.style = style;
  return out;
}

/**
 * Keep the merged lanes' references valid (each side's were; picked field by field they may
 * not be): see the module comment. Changes the (freshly made) lanes in place.
 */
function repairCurves(
  lanes: Lane[],
  personaIds: ReadonlySet<string>,
  /** A lane that is not in the merge, as a side has it (the chart a curve was drawn on there). */
  elsewhere: (id: string) => EmotionLane | undefined,
): void {
  const curves = lanes.filter((l): l is EmotionLane => l.kind === 'emotion');
  const lanesById = byId(lanes);
  const drawnOnOther = new Set(curves.filter((l) => l.overlay !== undefined).map((l) => l.id));
  for (const l of curves) {
    if (l.persona !== undefined && !personaIds.has(l.persona)) delete l.persona;
    if (l.overlay === undefined) continue;
    const host = asEmotion(lanesById.get(l.overlay));
    if (host && host !== l && !drawnOnOther.has(host.id)) continue;
    // A chart of its own, on the scale it was drawn on.
    const was = lanesById.has(l.overlay) ? host : elsewhere(l.overlay);
    if (!l.scale && was?.scale) l.scale = { ...was.scale };
    delete l.overlay;
  }
  for (const l of curves) {
    if (l.overlay === undefined || !l.scale) continue;
    const chart = scaleIn(lanes, l);
    if (!sameRange(l.scale, chart)) l.scale = { ...l.scale, min: chart.min, max: chart.max };
  }
}

/* ---------------- the merge ---------------- */

const PERSONA_FIELDS = ['name', 'role', 'quote', 'description', 'goals', 'frustrations'] as const;
/** As the Personas tab labels them ("Role of persona 2"; the name is "Persona 2 name"). */
const PERSONA_LABELS: Record<(typeof PERSONA_FIELDS)[number], string> = {
  name: 'Name',
  role: 'Role',
  quote: 'Quote',
  description: 'Description',
  goals: 'Goals',
  frustrations: 'Frustrations',
};

function mergePersonas(r: Picker, base: DraftMap, panel: DraftMap, canvas: DraftMap): PersonaDraft[] {
  // A persona without an id (no name yet) can only be the panel's own new one.
  const keyed = (side: DraftMap, tag: string) =>
    new Map(side.personas.map((p, i) => [p.id ?? `\u0000${tag}${i}`, p] as const));
  const bP = keyed(base, 'b');
  const pP = keyed(panel, 'p');
  const cP = keyed(canvas, 'c');
  /** Did the panel change this persona, or newly give it a curve? */
  const panelTouched = (id: string) =>
    !same(pP.get(id), bP.get(id)) ||
    panel.lanes.some((l) => l.kind === 'emotion' && l.persona === id && asEmotion(byIdOf(base, l.id))?.persona !== id);
  const keep = keptIds(bP, pP, cP, panelTouched);
  const order = mergeOrder([...bP.keys()], [...pP.keys()], [...cP.keys()], keep);
  const personas = order.ids.map((id, i) => {
    const n = i + 1;
    const p = pP.get(id);
    const c = cP.get(id);
    if (p && c) {
      const b = bP.get(id);
      const out = {} as Record<string, unknown>;
      if (p.id !== undefined) out.id = p.id;
      for (const k of PERSONA_FIELDS)
        out[k] = r.pick(b?.[k], p[k], c[k], () =>
          k === 'name' ? `Persona ${n} name` : `${PERSONA_LABELS[k]} of persona ${n}`,
        );
      return out as unknown as PersonaDraft;
    }
    if (p && !bP.has(id)) r.note(`Persona ${n} added`, false);
    else if (p) r.note(`Persona ${n} (removed on the canvas)`, true);
    return { ...(p ?? c)! };
  });
  for (const [id, b] of bP) {
    const c = cP.get(id);
    if (!pP.has(id) && c) r.note(`${quoted(c.name, 'Persona')} removed`, !same(c, b));
  }
  noteOrder(r, 'Persona order', order.panelReordered, order.ids, [...bP.keys()], [...cP.keys()]);
  return personas;
}

const byIdOf = (m: DraftMap, laneId: string): Lane | undefined => m.lanes.find((l) => l.id === laneId);

export function mergeMaps(baseIn: DraftMap, panelIn: DraftMap, canvasIn: DraftMap): MergeResult {
  const base = canonicalDraft(baseIn);
  const panel = canonicalDraft(panelIn);
  const canvas = canonicalDraft(canvasIn);
  const r = new Picker();

  const title = r.pick(base.title, panel.title, canvas.title, () => 'Map title');
  const objective = r.pick(base.objective, panel.objective, canvas.objective, () => 'Objective');
  const personas = mergePersonas(r, base, panel, canvas);

  const bS = byId(base.stages);
  const pS = byId(panel.stages);
  const cS = byId(canvas.stages);
  const bL = byId(base.lanes);
  const pL = byId(panel.lanes);
  const cL = byId(canvas.lanes);

  /** Did `side` change this stage: its fields, or a cell of its column? */
  const stageTouched = (side: DraftMap, sideStages: Map<string, Stage>, id: string): boolean =>
    !same(sideStages.get(id), bS.get(id)) ||
    side.lanes.some((l) => {
      const b = bL.get(l.id);
      return (!b || b.kind === l.kind) && !same(cellOf(l, id), cellOf(b, id));
    });
  /** A lane's fields but its title and cells: kind, tone, and a curve's scale, chart, persona, style. */
  const shape = (l: Lane) => ({ ...l, title: undefined, cells: undefined });
  /** Did `side` change this lane: its fields (`withTitle`: its title too), or a cell of a stage it has? */
  const laneTouched = (side: DraftMap, lane: Lane, withTitle = true): boolean => {
    const b = bL.get(lane.id);
    if (!b || (withTitle && b.title !== lane.title)) return true;
    if (!same(shape(b), shape(lane))) return true;
    return side.stages.some((s) => !same(cellOf(lane, s.id), cellOf(b, s.id)));
  };

  /* ---- stages ---- */
  const keepStages = keptIds(bS, pS, cS, (id) => stageTouched(panel, pS, id));
  const stageOrder = mergeOrder(
    base.stages.map((s) => s.id),
    panel.stages.map((s) => s.id),
    canvas.stages.map((s) => s.id),
    keepStages,
  );
  const stages: Stage[] = stageOrder.ids.map((id, i) => {
    const n = i + 1;
    const p = pS.get(id);
    const c = cS.get(id);
    if (p && c) {
      const b = bS.get(id);
      const s: Stage = { id, name: r.pick(b?.name, p.name, c.name, () => `Stage ${n} name`) };
      const phase = r.pick(b?.phase, p.phase, c.phase, () => `Phase of stage ${n}`);
      const description = r.pick(b?.description, p.description, c.description, () => `Description of stage ${n}`);
      const moment = r.pick(b?.moment, p.moment, c.moment, () => `Moment of truth of stage ${n}`);
      const note = r.pick(b?.momentNote, p.momentNote, c.momentNote, () => `Moment note of stage ${n}`);
      if (phase !== undefined) s.phase = phase;
      if (description !== undefined) s.description = description;
      if (moment) s.moment = true;
      if (moment && note !== undefined) s.momentNote = note;
      return s;
    }
    if (p && !bS.has(id)) r.note(`Stage ${n} added`, false);
    // Removed on the canvas, but the panel changed it: the panel's version stays.
    else if (p) r.note(`Stage ${n} (removed on the canvas)`, true);
    return { ...(p ?? c)! };
  });
  for (const s of base.stages) {
    // The panel removed it, the canvas still has it: it goes.
    if (!pS.has(s.id) && cS.has(s.id))
      r.note(`${quoted(cS.get(s.id)!.name, 'Stage')} removed`, stageTouched(canvas, cS, s.id));
  }
  const stageIds = stages.map((s) => s.id);
  noteOrder(
    r,
    'Stage order',
    stageOrder.panelReordered,
    stageIds,
    base.stages.map((s) => s.id),
    canvas.stages.map((s) => s.id),
  );

  /* ---- lanes: first their fields, then (once every chart's scale is known) their cells ---- */
  const stageName = (sid: string): string => {
    const i = stageIds.indexOf(sid);
    return stages[i].name || `Stage ${i + 1}`;
  };
  /** The panel changed the lane, or newly drew a curve on its chart. */
  const panelTouchedLane = (id: string) =>
    laneTouched(panel, pL.get(id)!) ||
    panel.lanes.some((l) => l.kind === 'emotion' && l.overlay === id && asEmotion(bL.get(l.id))?.overlay !== id);
  const keepLanes = keptIds(bL, pL, cL, panelTouchedLane);
  const laneOrder = mergeOrder(
    base.lanes.map((l) => l.id),
    panel.lanes.map((l) => l.id),
    canvas.lanes.map((l) => l.id),
    keepLanes,
  );
  interface Merging {
    lane: Lane;
    picker: Picker;
    /** The side the whole lane comes from (cells too), or none when merged field by field. */
    whole?: { lanes: Lane[]; lane: Lane };
  }
  const merging: Merging[] = laneOrder.ids.map((id, i) => {
    const n = i + 1;
    const lr = new Picker();
    const p = pL.get(id);
    const c = cL.get(id);
    const b = bL.get(id);
    const from = (side: DraftMap, lane: Lane, title = lane.title): Merging => ({
      lane: { ...lane, title, cells: {} } as Lane,
      picker: lr,
      whole: { lanes: side.lanes, lane },
    });
    if (!p || !c) {
      if (p && !b) lr.note(`Lane ${n} added`, false);
      else if (p) lr.note(`Lane ${n} (removed on the canvas)`, true);
      // A whole lane from one side: its cells of the stages that side has.
      return p ? from(panel, p) : from(canvas, c!);
    }
    const laneTitle = lr.pick(b?.title, p.title, c.title, () => `Lane ${n} title`);
    if (p.kind !== c.kind) {
      // Cells of different kinds do not mix: one side's lane whole. The panel's if it changed the lane.
      if (b && !laneTouched(panel, p, false)) return from(canvas, c, laneTitle);
      lr.note(`Kind of lane ${n}`, !b || laneTouched(canvas, c, false));
      return from(panel, p, laneTitle);
    }
    const out: Record<string, unknown> = { id, title: laneTitle, kind: p.kind };
    const sameKindBase = b && b.kind === p.kind ? b : undefined;
    if (p.kind === 'cards') {
      const tone = lr.pick(toneOf(sameKindBase), toneOf(p), toneOf(c), () => `Tone of lane ${n}`);
      if (tone) out.tone = tone;
    }
    if (p.kind === 'divider') {
      const styleOf = (l: Lane | undefined) => (l?.kind === 'divider' ? l.style : undefined);
      const style = lr.pick(styleOf(sameKindBase), styleOf(p), styleOf(c), () => `Line of lane ${n}`);
      if (style) out.style = style;
    }
    if (p.kind === 'emotion') Object.assign(out, mergeCurve(lr, n, asEmotion(sameKindBase), p, c as EmotionLane));
    out.cells = {};
    return { lane: out as unknown as Lane, picker: lr };
  });
  const lanes = merging.map((x) => x.lane);
  repairCurves(
    lanes,
    new Set(personas.flatMap((p) => (p.id === undefined ? [] : [p.id]))),
    (id) => asEmotion(cL.get(id)) ?? asEmotion(pL.get(id)) ?? asEmotion(bL.get(id)),
  );

  merging.forEach(({ lane, picker: lr, whole }, i) => {
    const n = i + 1;
    const curve = asEmotion(lane);
    const to = curve && scaleIn(lanes, curve);
    const cells: Cells = {};
    (lane as { cells: Cells }).cells = cells;
    if (whole) {
      const from = curve && scaleIn(whole.lanes, whole.lane as EmotionLane);
      for (const [sid, v] of Object.entries(pickCells(whole.lane, stageIds)))
        cells[sid] = from && to ? onScale(v, from, to)! : v;
      return;
    }
    const p = pL.get(lane.id)!;
    const c = cL.get(lane.id)!;
    const b = bL.get(lane.id);
    const sameKindBase = b && b.kind === p.kind ? b : undefined;
    const cellLabel = (sid: string) => () => `${lane.title || `Lane ${n}`} · ${stageName(sid)}`;
    const scales = curve && {
      base: sameKindBase && scaleIn(base.lanes, sameKindBase as EmotionLane),
      panel: scaleIn(panel.lanes, p as EmotionLane),
      canvas: scaleIn(canvas.lanes, c as EmotionLane),
      merged: to!,
    };
    for (const sid of stageIds) {
      const inP = pS.has(sid);
      const inC = cS.has(sid);
      const bv = bS.has(sid) ? cellOf(sameKindBase, sid) : undefined;
      const v =
        inP && inC
          ? scales
            ? pickScore(lr, bv, cellOf(p, sid), cellOf(c, sid), scales, cellLabel(sid))
            : lr.pick(bv, cellOf(p, sid), cellOf(c, sid), cellLabel(sid))
          : inP
            ? scales
              ? onScale(cellOf(p, sid), scales.panel, scales.merged)
              : cellOf(p, sid)
            : scales
              ? onScale(cellOf(c, sid), scales.canvas, scales.merged)
              : cellOf(c, sid);
      if (v !== undefined) cells[sid] = v;
    }
  });
  for (const { picker } of merging) r.absorb(picker);
  for (const l of base.lanes) {
    if (!pL.has(l.id) && cL.has(l.id))
      r.note(`${quoted(cL.get(l.id)!.title, 'Lane')} removed`, laneTouched(canvas, cL.get(l.id)!));
  }
  noteOrder(
    r,
    'Lane order',
    laneOrder.panelReordered,
    lanes.map((l) => l.id),
    base.lanes.map((l) => l.id),
    canvas.lanes.map((l) => l.id),
  );

  const map: DraftMap = { title, personas, stages, lanes };
  if (objective !== undefined) map.objective = objective;
  const theme = r.pick(base.theme, panel.theme, canvas.theme, () => 'Theme');
  if (theme !== undefined) map.theme = theme;
  const meta = r.pick(base.meta, panel.meta, canvas.meta, () => 'Metadata');
  if (meta !== undefined) map.meta = meta;
  return { map, kept: r.kept, conflicts: r.conflicts };
}

/**
 * One stage's score in a curve both sides have. Whether a side changed it is judged on that
 * side's scale (the base's score put on it, as the panel does when the scale changes); the
 * score picked is put on the merged lane's scale.
 */
function pickScore(
  r: Picker,
  b: CellValue | undefined,
  p: CellValue | undefined,
  c: CellValue | undefined,
  s: { base?: Scale; panel: Scale; canvas: Scale; merged: Scale },
  label: () => string,
): CellValue | undefined {
  const baseOn = (to: Scale) => (s.base ? onScale(b, s.base, to) : undefined);
  const panelChanged = !same(p, baseOn(s.panel));
  const canvasChanged = !same(c, baseOn(s.canvas));
  const onMerged = (v: CellValue | undefined, from: Scale) => onScale(v, from, s.merged);
  if (!panelChanged) {
    if (canvasChanged || sameRange(s.canvas, s.merged)) return onMerged(c, s.canvas);
    return sameRange(s.panel, s.merged) ? p : baseOn(s.merged);
  }
  const mine = onMerged(p, s.panel);
  if (!same(mine, onMerged(c, s.canvas))) r.note(label(), canvasChanged);
  return mine;
}

function toneOf(l: Lane | undefined): string | undefined {
  return l && l.kind === 'cards' ? l.tone : undefined;
}

function pickCells(lane: Lane, stageIds: readonly string[]): Cells {
  const out: Cells = {};
  for (const sid of stageIds) {
    const v = cellOf(lane, sid);
    if (v !== undefined) out[sid] = v;
  }
  return out;
}

/** "A, B and 3 more": every item up to `max`, then how many more. */
export function listLabels(labels: readonly string[], max = 10): string {
  if (labels.length <= max) return labels.join(', ');
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}

/** The status line after a reload that kept panel edits (call only when `kept` is not empty). */
export function describeMerge(r: Pick<MergeResult, 'kept' | 'conflicts'>): string {
  const n = r.kept.length;
  let text = `Reloaded from the canvas and kept your ${n} edit${n === 1 ? '' : 's'} (${listLabels(r.kept)})`;
  if (r.conflicts.length) text += `; the canvas also changed these, your version kept: ${listLabels(r.conflicts)}`;
  // The merge is in the panel only: say what puts it on the canvas.
  return `${text}. Press Update to put ${n === 1 ? 'it' : 'them'} on the canvas.`;
}
