/**
 * Stage and lane ids made up in the panel follow the stage's name (the lane's title) until it
 * first reaches the canvas. "+ Add stage" has to give a new stage an id at once (cells are keyed
 * by it), made from its placeholder name (`stage-8`, `new-stage`); renamed "Checkout" before the
 * map is created or updated, the stage reaches the canvas as `checkout`. Lanes the same way
 * ("Lane 5" renamed "Pain points" reaches the canvas as `pain-points`; a curve drawn on its
 * chart follows). An id already on the canvas never changes: the canvas keys nodes by it.
 */
import { slugify, uniqueId } from '../src/model';
import type { DraftMap } from './draft';

/** Ids of stages in `after` that `before` has not: the stages an edit added. */
export function addedStageIds(before: DraftMap, after: DraftMap): string[] {
  if (before.stages === after.stages) return [];
  const had = new Set(before.stages.map((s) => s.id));
  return after.stages.filter((s) => !had.has(s.id)).map((s) => s.id);
}

/** Ids of lanes in `after` that `before` has not: the lanes an edit added. */
export function addedLaneIds(before: DraftMap, after: DraftMap): string[] {
  if (before.lanes === after.lanes) return [];
  const had = new Set(before.lanes.map((l) => l.id));
  return after.lanes.filter((l) => !had.has(l.id)).map((l) => l.id);
}

type Kind = 'stage' | 'lane';

/** Does `id` look made from `name` (its slug, or its slug with a `-n` suffix)? */
function fromName(id: string, name: string, kind: Kind): boolean {
  const base = slugify(name, kind);
  return id === base || (id.startsWith(`${base}-`) && /^\d+$/.test(id.slice(base.length + 1)));
}

/** The renames of `settleStageIds` for any list of named items. */
function settle(
  items: ReadonlyArray<{ id: string; name: string }>,
  kind: Kind,
  fresh: ReadonlySet<string>,
  onCanvas: ReadonlySet<string>,
): Map<string, string> {
  const renames = new Map<string, string>();
  const movable = (id: string) => fresh.has(id) && !onCanvas.has(id);
  const toRename = items.filter((s) => movable(s.id) && !fromName(s.id, s.name, kind));
  if (!toRename.length) return renames;
  const moving = new Set(toRename.map((s) => s.id));
  const taken = new Set([...onCanvas, ...items.filter((s) => !moving.has(s.id)).map((s) => s.id)]);
  for (const s of toRename) renames.set(s.id, uniqueId(slugify(s.name, kind), taken));
  return renames;
}

/**
 * The new ids of the `fresh` stages (made up in the panel, never on the canvas) whose id is
 * not made from their name: old id → new id, empty when there is nothing to rename. Every
 * other id is kept, as are fresh ids that already fit their name, so settling twice changes
 * nothing. `onCanvas` are ids the canvas map has: never renamed, never given.
 */
export function settleStageIds(
  map: DraftMap,
  fresh: ReadonlySet<string>,
  onCanvas: ReadonlySet<string> = new Set(),
): Map<string, string> {
  return settle(map.stages, 'stage', fresh, onCanvas);
}

/** The same for lanes, by their titles. */
export function settleLaneIds(
  map: DraftMap,
  fresh: ReadonlySet<string>,
  onCanvas: ReadonlySet<string> = new Set(),
): Map<string, string> {
  return settle(
    map.lanes.map((l) => ({ id: l.id, name: l.title })),
    'lane',
    fresh,
    onCanvas,
  );
}

/**
 * Whether renaming (old id → new id) applies to these items: one of them has an old id, and no
 * new id is already another item's. A state in the undo history may hold another item by a new
 * id already: that state is left be.
 */
function appliesTo(items: ReadonlyArray<{ id: string }>, renames: ReadonlyMap<string, string>): boolean {
  if (!renames.size || !items.some((x) => renames.has(x.id))) return false;
  const taken = new Set(items.map((x) => x.id));
  for (const [from, to] of renames) if (taken.has(to) && !renames.has(to) && taken.has(from)) return false;
  return true;
}

/** The draft with stages renamed (old id → new id), cells keyed by the new ids too. */
export function renameStageIds(map: DraftMap, renames: ReadonlyMap<string, string>): DraftMap {
  if (!appliesTo(map.stages, renames)) return map;
  const id = (x: string) => renames.get(x) ?? x;
  return {
    ...map,
    stages: map.stages.map((s) => (renames.has(s.id) ? { ...s, id: id(s.id) } : s)),
    lanes: map.lanes.map((l) => {
      const cells = (l.cells ?? {}) as Record<string, unknown>;
      if (!Object.keys(cells).some((k) => renames.has(k))) return l;
      const next: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(cells)) next[id(k)] = v;
      return { ...l, cells: next } as typeof l;
    }),
  };
}

/** The draft with lanes renamed (old id → new id), and the curves drawn on their charts. */
export function renameLaneIds(map: DraftMap, renames: ReadonlyMap<string, string>): DraftMap {
  if (!appliesTo(map.lanes, renames)) return map;
  const id = (x: string) => renames.get(x) ?? x;
  return {
    ...map,
    lanes: map.lanes.map((l) => {
      const overlay = l.kind === 'emotion' && l.overlay !== undefined && renames.has(l.overlay);
      if (!renames.has(l.id) && !overlay) return l;
      const next = { ...l, id: id(l.id) };
      if (overlay && next.kind === 'emotion') next.overlay = id(next.overlay!);
      return next as typeof l;
    }),
  };
}
