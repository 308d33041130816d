/**
 * Stage ids made up in the panel follow the stage's name until the stage first reaches the
 * canvas. "+ Add stage" has to give a new stage an id at once (cells are keyed by it), made
 * from its placeholder name (`stage-8`, `new-stage`); renamed "Checkout" before the map is
 * created or updated, the stage reaches the canvas as `checkout`. An id already on the canvas
 * never changes: the canvas keys a stage's nodes by it.
 */
import { slugify, uniqueId } from '../src/model';
import type { DraftMap } from './draft';

/** Ids of stages in `after` that `before` has not: the stages an edit added. */
export function addedStageIds(before: DraftMap, after: DraftMap): string[] {
  if (before.stages === after.stages) return [];
  const had = new Set(before.stages.map((s) => s.id));
  return after.stages.filter((s) => !had.has(s.id)).map((s) => s.id);
}

/** Does `id` look made from `name` (its slug, or its slug with a `-n` suffix)? */
function fromName(id: string, name: string): boolean {
  const base = slugify(name, 'stage');
  return id === base || (id.startsWith(`${base}-`) && /^\d+$/.test(id.slice(base.length + 1)));
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
  const renames = new Map<string, string>();
  const movable = (id: string) => fresh.has(id) && !onCanvas.has(id);
  const toRename = map.stages.filter((s) => movable(s.id) && !fromName(s.id, s.name));
  if (!toRename.length) return renames;
  const moving = new Set(toRename.map((s) => s.id));
  const taken = new Set([...onCanvas, ...map.stages.filter((s) => !moving.has(s.id)).map((s) => s.id)]);
  for (const s of toRename) renames.set(s.id, uniqueId(slugify(s.name, 'stage'), taken));
  return renames;
}

/** The draft with stages renamed (old id → new id), cells keyed by the new ids too. */
export function renameStageIds(map: DraftMap, renames: ReadonlyMap<string, string>): DraftMap {
  if (!renames.size || !map.stages.some((s) => renames.has(s.id))) return map;
  const taken = new Set(map.stages.map((s) => s.id));
  // A state in the undo history may hold another stage by a new id already: leave that state be.
  for (const [from, to] of renames) if (taken.has(to) && !renames.has(to) && taken.has(from)) return map;
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
