/**
 * What changed between two normalised maps, exactly and in words: stages, lanes and personas
 * added, removed, renamed, moved and edited; cells changed (before → after); scores moved (with
 * the delta); the title, objective and meta. `applyDiff(a, diffMaps(a, b))` is `b` (a property
 * test holds this on random pairs), so the diff leaves nothing out.
 *
 * Pure: used by the sandbox (history entries, the compare reply) and free for the panel.
 * Items are matched by id; "moved" are the items outside a longest common subsequence of the
 * ids both maps have, so one stage dragged to the end is one move, not every stage shifting.
 */
import type { Card, JourneyMap, Lane, MetricCell, Persona, Stage, TextCell, Theme } from './schema';

/** One item of a list as the diff names it: its id and its name (stage name, lane title, persona name). */
export interface ItemRef {
  id: string;
  name: string;
}
export interface Added<T> extends ItemRef {
  /** Its position in the newer list. */
  index: number;
  value: T;
}
export interface Removed extends ItemRef {
  /** Its position in the older list. */
  index: number;
}
export interface Renamed {
  id: string;
  before: string;
  after: string;
}
export interface Moved extends ItemRef {
  from: number;
  to: number;
}
/** A field of an item other than its name; absent `before`/`after` is a field set or cleared. */
export interface FieldChange extends ItemRef {
  field: string;
  before?: unknown;
  after?: unknown;
}
export interface ListDiff<T> {
  added: Added<T>[];
  removed: Removed[];
  renamed: Renamed[];
  moved: Moved[];
  changed: FieldChange[];
}

/** A text cell, a cell's cards, a metric or an emotion cell's note; absent `before`/`after`: added or cleared. */
export interface CellChange {
  lane: string;
  stage: string;
  /** The lane's title and the stage's name in the newer map (the older one's if removed there). */
  laneTitle: string;
  stageName: string;
  kind: 'text' | 'cards' | 'metric' | 'note';
  before?: TextCell | Card[] | MetricCell;
  after?: TextCell | Card[] | MetricCell;
}

/** An emotion score: moved (`delta` = after − before, on the lane's scale), set or cleared. */
export interface ScoreChange {
  lane: string;
  stage: string;
  laneTitle: string;
  stageName: string;
  before?: number;
  after?: number;
  delta?: number;
}

export interface MapDiff {
  title?: { before: string; after: string };
  objective?: { before?: string; after?: string };
  /** The map's look (issue 15): a change of map field, reported whole. */
  theme?: { before?: Theme; after?: Theme };
  meta?: { before?: unknown; after?: unknown };
  personas: ListDiff<Persona>;
  stages: ListDiff<Stage>;
  lanes: ListDiff<Lane>;
  /** Cells of lanes and stages both maps have, and of stages added to a lane both have. */
  cells: CellChange[];
  scores: ScoreChange[];
  /** How many changes the diff reports (0: the maps hold the same data). */
  count: number;
  /** In words: "2 stages added, 5 cells changed, curve 'Today' −1.5 at Checkout". */
  summary: string;
}

type Item = { id: string } & Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A deep copy of JSON data (the sandbox has no structuredClone). */
const copy = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T));

/** Ids of `a` (in order) that keep their relative order in `b`: a longest common subsequence. */
function keptInOrder(a: string[], b: string[]): Set<string> {
  const inB = new Set(b);
  const inA = new Set(a);
  const x = a.filter((id) => inB.has(id));
  const y = b.filter((id) => inA.has(id));
  const n = x.length;
  // len[i][j]: LCS of x[i..] and y[j..].
  const len = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      len[i][j] = x[i] === y[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < n;) {
    if (x[i] === y[j]) {
      kept.add(x[i]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

function diffList<T extends Item>(before: T[], after: T[], nameKey: string, skip: string[] = []): ListDiff<T> {
  const out: ListDiff<T> = { added: [], removed: [], renamed: [], moved: [], changed: [] };
  const old = new Map(before.map((s, i) => [s.id, { s, i }]));
  const now = new Set(after.map((s) => s.id));
  const kept = keptInOrder(
    before.map((s) => s.id),
    after.map((s) => s.id),
  );
  before.forEach((s, index) => {
    if (!now.has(s.id)) out.removed.push({ id: s.id, name: String(s[nameKey]), index });
  });
  after.forEach((s, index) => {
    const name = String(s[nameKey]);
    const was = old.get(s.id);
    if (!was) return void out.added.push({ id: s.id, name, index, value: s });
    if (!kept.has(s.id)) out.moved.push({ id: s.id, name, from: was.i, to: index });
    const prior = was.s;
    if (prior[nameKey] !== s[nameKey]) out.renamed.push({ id: s.id, before: String(prior[nameKey]), after: name });
    for (const field of new Set([...Object.keys(prior), ...Object.keys(s)])) {
      if (field === 'id' || field === nameKey || skip.includes(field) || same(prior[field], s[field])) continue;
      const change: FieldChange = { id: s.id, name, field };
      if (prior[field] !== undefined) change.before = prior[field];
      if (s[field] !== undefined) change.after = s[field];
      out.changed.push(change);
    }
  });
  return out;
}

const listSize = (d: ListDiff<unknown>) =>
  d.added.length + d.removed.length + d.renamed.length + d.moved.length + d.changed.length;

/** The difference between an older map `a` and a newer map `b` (both normalised). */
export function diffMaps(a: JourneyMap, b: JourneyMap): MapDiff {
  const lanes = diffList(a.lanes as unknown as Item[], b.lanes as unknown as Item[], 'title', ['cells']);
  const d: MapDiff = {
    personas: diffList((a.personas ?? []) as Item[], (b.personas ?? []) as Item[], 'name') as ListDiff<Persona>,
    stages: diffList(a.stages as unknown as Item[], b.stages as unknown as Item[], 'name') as ListDiff<Stage>,
    lanes: lanes as unknown as ListDiff<Lane>,
    cells: [],
    scores: [],
    count: 0,
    summary: '',
  };
  if (a.title !== b.title) d.title = { before: a.title, after: b.title };
  if (a.objective !== b.objective) d.objective = pair(a.objective, b.objective);
  if (!same(a.theme, b.theme)) d.theme = pair(a.theme, b.theme);
  if (!same(a.meta, b.meta)) d.meta = pair(a.meta, b.meta);

  // Names as the newer map has them; a stage it has not, as the older one had it.
  const stageName = new Map([...a.stages, ...b.stages].map((s) => [s.id, s.name]));
  const oldStages = new Set(a.stages.map((s) => s.id));
  const gone = new Set(d.stages.removed.map((s) => s.id));
  // The cells compared: of stages kept and stages added (a removed stage's cells go with it).
  const stages = [...a.stages.filter((s) => !gone.has(s.id)), ...b.stages.filter((s) => !oldStages.has(s.id))];
  const oldLanes = new Map(a.lanes.map((l) => [l.id, l]));
  for (const lane of b.lanes) {
    const prior = oldLanes.get(lane.id);
    if (!prior) continue;
    if (prior.kind !== lane.kind) {
      // Another kind of lane: its cells are another kind of value, reported whole.
      d.lanes.changed.push({ id: lane.id, name: lane.title, field: 'cells', before: prior.cells, after: lane.cells });
      continue;
    }
    // Most lanes of a big map are untouched by an update: one comparison instead of one a stage.
    if (same(prior.cells, lane.cells)) continue;
    const where = (stage: string) => ({
      lane: lane.id,
      stage,
      laneTitle: lane.title,
      stageName: stageName.get(stage)!,
    });
    for (const { id } of stages) {
      const was = (prior.cells as Record<string, unknown>)[id];
      const is = (lane.cells as Record<string, unknown>)[id];
      if (same(was, is)) continue;
      if (lane.kind === 'divider') continue; // no cells (a normalised divider's are empty)
      if (lane.kind !== 'emotion') {
        type Value = NonNullable<CellChange['before']>;
        d.cells.push({ ...where(id), kind: lane.kind, ...pair(was as Value, is as Value) });
        continue;
      }
      const e0 = was as { score: number; note?: string } | undefined;
      const e1 = is as { score: number; note?: string } | undefined;
      if (e0?.score !== e1?.score) {
        const s: ScoreChange = { ...where(id), ...pair(e0?.score, e1?.score) };
        if (e0 && e1) s.delta = e1.score - e0.score;
        d.scores.push(s);
      }
      if (e0?.note !== e1?.note) d.cells.push({ ...where(id), kind: 'note', ...pair(e0?.note, e1?.note) });
    }
  }
  d.count =
    (d.title ? 1 : 0) +
    (d.objective ? 1 : 0) +
    (d.theme ? 1 : 0) +
    (d.meta ? 1 : 0) +
    listSize(d.personas) +
    listSize(d.stages) +
    listSize(d.lanes) +
    d.cells.length +
    d.scores.length;
  d.summary = describeDiff(d);
  return d;
}

/** `{ before, after }` without the undefined ones. */
function pair<T>(before: T | undefined, after: T | undefined): { before?: T; after?: T } {
  const p: { before?: T; after?: T } = {};
  if (before !== undefined) p.before = before;
  if (after !== undefined) p.after = after;
  return p;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const short = (s: string) => {
  const chars = Array.from(s);
  return chars.length > 32 ? `${chars.slice(0, 31).join('')}…` : s;
};
/** A score delta as people write it: +1, −1.5 (a real minus), at most two decimals. */
export function formatDelta(n: number): string {
  const v = Math.round(Math.abs(n) * 100) / 100;
  return `${n < 0 ? '−' : '+'}${v}`;
}

function listWords(d: ListDiff<unknown>, noun: string, out: string[]): void {
  const one = (r: ItemRef | undefined) => `${noun} '${short(r!.name)}'`;
  if (d.added.length)
    out.push(d.added.length === 1 ? `${one(d.added[0])} added` : `${plural(d.added.length, noun)} added`);
  if (d.removed.length)
    out.push(d.removed.length === 1 ? `${one(d.removed[0])} removed` : `${plural(d.removed.length, noun)} removed`);
  if (d.renamed.length === 1)
    out.push(`${noun} '${short(d.renamed[0].before)}' renamed '${short(d.renamed[0].after)}'`);
  else if (d.renamed.length) out.push(`${plural(d.renamed.length, noun)} renamed`);
  if (d.moved.length)
    out.push(d.moved.length === 1 ? `${one(d.moved[0])} moved` : `${plural(d.moved.length, noun)} moved`);
  const moments = d.changed.filter((c) => c.field === 'moment');
  for (const m of moments.slice(0, 2))
    out.push(
      m.after ? `'${short(m.name)}' marked a moment of truth` : `'${short(m.name)}' no longer a moment of truth`,
    );
  if (moments.length > 2) out.push(`${moments.length - 2} more moments changed`);
  const edited = new Set(d.changed.filter((c) => c.field !== 'moment').map((c) => c.id)).size;
  if (edited) out.push(`${plural(edited, noun)} edited`);
}

/** The diff in words, at most three score moves named (the largest first). */
export function describeDiff(d: Omit<MapDiff, 'summary'>): string {
  const out: string[] = [];
  if (d.title) out.push('title changed');
  if (d.objective)
    out.push(
      d.objective.before === undefined
        ? 'objective added'
        : d.objective.after === undefined
          ? 'objective removed'
          : 'objective changed',
    );
  listWords(d.stages, 'stage', out);
  listWords(d.lanes, 'lane', out);
  listWords(d.personas, 'persona', out);
  const moves = d.scores.filter((s) => s.delta !== undefined);
  const cells = new Set(
    [...d.cells, ...d.scores.filter((s) => s.delta === undefined)].map((c) => `${c.lane}\n${c.stage}`),
  ).size;
  if (cells) out.push(`${plural(cells, 'cell')} changed`);
  const named = [...moves].sort((x, y) => Math.abs(y.delta!) - Math.abs(x.delta!)).slice(0, 3);
  for (const m of named) out.push(`curve '${short(m.laneTitle)}' ${formatDelta(m.delta!)} at ${short(m.stageName)}`);
  if (moves.length > named.length) out.push(`${plural(moves.length - named.length, 'more score')} moved`);
  if (d.theme) out.push('theme changed');
  if (d.meta) out.push('meta changed');
  return out.length ? out.join(', ') : 'no changes';
}

/** Put the items of a list in their newer order: added and moved ones at their index, the rest in order. */
function placeList<T extends Item>(before: T[], d: ListDiff<T>, nameKey: string): T[] {
  const removed = new Set(d.removed.map((r) => r.id));
  const byId = new Map(before.filter((s) => !removed.has(s.id)).map((s) => [s.id, { ...s } as T]));
  for (const r of d.renamed) (byId.get(r.id) as Record<string, unknown>)[nameKey] = r.after;
  for (const c of d.changed) {
    const item = byId.get(c.id) as Record<string, unknown>;
    if (c.after === undefined) delete item[c.field];
    else item[c.field] = copy(c.after);
  }
  const slots: Array<T | undefined> = new Array<T | undefined>(byId.size + d.added.length);
  for (const x of d.added) slots[x.index] = copy(x.value);
  const moved = new Set(d.moved.map((m) => m.id));
  for (const m of d.moved) slots[m.to] = byId.get(m.id);
  const rest = [...byId.values()].filter((s) => !moved.has(s.id));
  let k = 0;
  for (let i = 0; i < slots.length; i++) if (!slots[i]) slots[i] = rest[k++];
  return slots as T[];
}

/**
 * The newer map from the older one and their diff: what the diff reports, applied. Cells are
 * put in stage order, as in a normalised map.
 */
export function applyDiff(a: JourneyMap, d: MapDiff): JourneyMap {
  const m = copy(a) as JourneyMap & Record<string, unknown>;
  if (d.title) m.title = d.title.after;
  if (d.objective) {
    if (d.objective.after === undefined) delete m.objective;
    else m.objective = d.objective.after;
  }
  if (d.theme) {
    if (d.theme.after === undefined) delete m.theme;
    else m.theme = copy(d.theme.after);
  }
  if (d.meta) {
    if (d.meta.after === undefined) delete m.meta;
    else m.meta = copy(d.meta.after) as JourneyMap['meta'];
  }
  const personas = placeList((m.personas ?? []) as Item[], d.personas as ListDiff<Item>, 'name');
  if (personas.length) m.personas = personas as unknown as Persona[];
  else delete m.personas;
  m.stages = placeList(
    m.stages as unknown as Item[],
    d.stages as unknown as ListDiff<Item>,
    'name',
  ) as unknown as Stage[];
  m.lanes = placeList(m.lanes as unknown as Item[], d.lanes as unknown as ListDiff<Item>, 'title') as unknown as Lane[];
  const order = m.stages.map((s) => s.id);
  const lanes = new Map(m.lanes.map((l) => [l.id, l]));
  const cellsOf = (id: string) => lanes.get(id)!.cells as Record<string, unknown>;
  for (const s of d.scores) {
    const cells = cellsOf(s.lane);
    if (s.after === undefined) delete cells[s.stage];
    else cells[s.stage] = { ...(cells[s.stage] as object), score: s.after };
  }
  for (const c of d.cells) {
    const cells = cellsOf(c.lane);
    if (c.kind !== 'note') {
      if (c.after === undefined) delete cells[c.stage];
      else cells[c.stage] = copy(c.after);
    } else if (cells[c.stage]) {
      const cell = cells[c.stage] as { note?: string };
      if (c.after === undefined) delete cell.note;
      else cell.note = c.after as string;
    }
  }
  for (const lane of m.lanes) {
    const cells = lane.cells as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const id of order) if (cells[id] !== undefined) sorted[id] = cells[id];
    lane.cells = sorted as typeof lane.cells;
  }
  return m;
}
