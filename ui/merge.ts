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
 * - every field and cell: the panel's value where the panel changed it from
 *   the base, else the canvas's; where both changed it differently the panel's
 *   is kept and the field is listed in `conflicts`.
 * The panel's edits that survive and differ from the canvas are listed in
 * `kept`, labelled as the panel labels them ("Stage 2 name", "Touchpoints · Buy").
 */
import type { EmotionCell, Lane, Stage } from '../src/model';
import type { DraftMap, PersonaDraft } from './draft';

export interface MergeResult {
  /** The merged map (canonical form). */
  map: DraftMap;
  /** The panel's edits kept over the canvas, in panel order: title, persona, stages, lanes, cells. */
  kept: string[];
  /** Of `kept`, those the canvas changed too (differently): the panel's version was kept. */
  conflicts: string[];
}

type CellValue = string | string[] | EmotionCell;
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

function canonicalCell(kind: Lane['kind'], v: unknown): CellValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (kind === 'text') return typeof v === 'string' && !blank(v) ? v : undefined;
  if (kind === 'cards') {
    const cards = Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string' && !blank(c)) : [];
    return cards.length ? cards : undefined;
  }
  const e = v as Partial<EmotionCell>;
  if (typeof e !== 'object' || typeof e.score !== 'number') return undefined;
  return blank(e.note) ? { score: e.score } : { score: e.score, note: e.note };
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
  lane.cells = out;
  return lane as unknown as Lane;
}

/** The draft as `normaliseMap` would leave it, in draft shape (a persona always present). */
export function canonicalDraft(m: DraftMap): DraftMap {
  const p = m.persona;
  const persona: PersonaDraft = {
    name: p.name.trim(),
    role: blank(p.role) ? '' : p.role,
    quote: blank(p.quote) ? '' : p.quote,
    description: blank(p.description) ? '' : p.description,
    goals: p.goals.filter((g) => !blank(g)),
    frustrations: p.frustrations.filter((f) => !blank(f)),
  };
  const stages = m.stages.map((s) => {
    const out: Stage = { id: s.id, name: s.name.trim() };
    if (!blank(s.phase)) out.phase = s.phase!.trim();
    if (!blank(s.description)) out.description = s.description;
    return out;
  });
  const ids = stages.map((s) => s.id);
  const out: DraftMap = { title: m.title.trim(), persona, stages, lanes: m.lanes.map((l) => canonicalLane(l, ids)) };
  if (m.meta !== undefined) out.meta = m.meta;
  return out;
}

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((i) => [i.id, i]));
const cellOf = (lane: Lane | undefined, stageId: string): CellValue | undefined =>
  lane ? (lane.cells as Cells)[stageId] : undefined;
const quoted = (name: string, fallback: string): string => (name ? `${fallback} “${name}”` : fallback);

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

export function mergeMaps(baseIn: DraftMap, panelIn: DraftMap, canvasIn: DraftMap): MergeResult {
  const base = canonicalDraft(baseIn);
  const panel = canonicalDraft(panelIn);
  const canvas = canonicalDraft(canvasIn);
  const r = new Picker();

  const title = r.pick(base.title, panel.title, canvas.title, () => 'Map title');

  const persona = {} as PersonaDraft;
  const personaLabels: Record<keyof PersonaDraft, string> = {
    name: 'Persona name',
    role: 'Persona role',
    quote: 'Persona quote',
    description: 'Persona description',
    goals: 'Persona goals',
    frustrations: 'Persona frustrations',
  };
  for (const k of Object.keys(personaLabels) as (keyof PersonaDraft)[]) {
    (persona as unknown as Record<string, unknown>)[k] = r.pick(
      base.persona[k],
      panel.persona[k],
      canvas.persona[k],
      () => personaLabels[k],
    );
  }

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
  /** Did `side` change this lane: its kind, tone, a cell of a stage it has, or (`withTitle`) its title? */
  const laneTouched = (side: DraftMap, lane: Lane, withTitle = true): boolean => {
    const b = bL.get(lane.id);
    if (!b || (withTitle && b.title !== lane.title)) return true;
    if (b.kind !== lane.kind || !same(toneOf(b), toneOf(lane))) return true;
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
      const phase = r.pick(b?.phase, p.phase, c.phase, () => `Stage ${n} phase`);
      const description = r.pick(b?.description, p.description, c.description, () => `Stage ${n} description`);
      if (phase !== undefined) s.phase = phase;
      if (description !== undefined) s.description = description;
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
  if (
    stageOrder.panelReordered &&
    !sameRelativeOrder(
      stageIds,
      canvas.stages.map((s) => s.id),
    )
  )
    r.note(
      'Stage order',
      !sameRelativeOrder(
        canvas.stages.map((s) => s.id),
        base.stages.map((s) => s.id),
      ),
    );

  /* ---- lanes and their cells ---- */
  const stageName = (sid: string): string => {
    const i = stageIds.indexOf(sid);
    return stages[i].name || `Stage ${i + 1}`;
  };
  const keepLanes = keptIds(bL, pL, cL, (id) => laneTouched(panel, pL.get(id)!));
  const laneOrder = mergeOrder(
    base.lanes.map((l) => l.id),
    panel.lanes.map((l) => l.id),
    canvas.lanes.map((l) => l.id),
    keepLanes,
  );
  const lanes: Lane[] = laneOrder.ids.map((id, i) => {
    const n = i + 1;
    const p = pL.get(id);
    const c = cL.get(id);
    const b = bL.get(id);
    if (!p || !c) {
      if (p && !b) r.note(`Lane ${n} added`, false);
      else if (p) r.note(`Lane ${n} (removed on the canvas)`, true);
      // A whole lane from one side: its cells of the stages that side has.
      const from = (p ?? c)!;
      return withCells(from, pickCells(from, stageIds));
    }
    const laneTitle = r.pick(b?.title, p.title, c.title, () => `Lane ${n} title`);
    const cellLabel = (sid: string) => `${laneTitle || `Lane ${n}`} · ${stageName(sid)}`;
    if (p.kind !== c.kind) {
      // Cells of different kinds do not mix: one side's lane whole. The panel's if it changed the lane.
      if (b && !laneTouched(panel, p, false)) return { ...withCells(c, pickCells(c, stageIds)), title: laneTitle };
      r.note(`Lane ${n} kind`, !b || laneTouched(canvas, c, false));
      return { ...withCells(p, pickCells(p, stageIds)), title: laneTitle };
    }
    const out: Record<string, unknown> = { id, title: laneTitle, kind: p.kind };
    const sameKindBase = b && b.kind === p.kind ? b : undefined;
    if (p.kind === 'cards') {
      const tone = r.pick(toneOf(sameKindBase), toneOf(p), toneOf(c), () => `Lane ${n} tone`);
      if (tone) out.tone = tone;
    }
    const cells: Cells = {};
    for (const sid of stageIds) {
      const inP = pS.has(sid);
      const inC = cS.has(sid);
      const v =
        inP && inC
          ? r.pick(bS.has(sid) ? cellOf(sameKindBase, sid) : undefined, cellOf(p, sid), cellOf(c, sid), () =>
              cellLabel(sid),
            )
          : inP
            ? cellOf(p, sid)
            : cellOf(c, sid);
      if (v !== undefined) cells[sid] = v;
    }
    out.cells = cells;
    return out as unknown as Lane;
  });
  for (const l of base.lanes) {
    if (!pL.has(l.id) && cL.has(l.id))
      r.note(`${quoted(cL.get(l.id)!.title, 'Lane')} removed`, laneTouched(canvas, cL.get(l.id)!));
  }
  const laneIds = lanes.map((l) => l.id);
  if (
    laneOrder.panelReordered &&
    !sameRelativeOrder(
      laneIds,
      canvas.lanes.map((l) => l.id),
    )
  )
    r.note(
      'Lane order',
      !sameRelativeOrder(
        canvas.lanes.map((l) => l.id),
        base.lanes.map((l) => l.id),
      ),
    );

  const map: DraftMap = { title, persona, stages, lanes };
  const meta = r.pick(base.meta, panel.meta, canvas.meta, () => 'Metadata');
  if (meta !== undefined) map.meta = meta;
  return { map, kept: r.kept, conflicts: r.conflicts };
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

const withCells = (lane: Lane, cells: Cells): Lane => ({ ...lane, cells }) as Lane;

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
