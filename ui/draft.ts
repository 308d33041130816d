/**
 * The panel's working copy of a map ("draft"). It has the normalised shape
 * (every stage and lane has an id, cells keyed by stage id) but may be invalid
 * while the designer types: empty names, a persona without a name yet.
 * `toMapInput` turns it into format input and `normaliseMap` decides whether it
 * can be sent. Every field of the format is held here, so nothing a map has is
 * lost by passing through the panel.
 */
import * as z from 'zod/mini';
import '../src/zod-jitless'; // English messages and jitless, before any schema is built
import type { VariableModes } from '../src/protocol';
import {
  FORMAT_VERSION,
  slugify,
  uniqueId,
  type JourneyMap,
  type JourneyMapInput,
  type Lane,
  type Persona,
  type Stage,
  type Theme,
} from '../src/model';

export interface PersonaDraft {
  /**
   * Made from the name when the name is first entered (personaIds), then kept when the
   * persona is renamed, as stage ids are: emotion lanes and the canvas refer to it.
   */
  id?: string;
  name: string;
  role: string;
  quote: string;
  description: string;
  goals: string[];
  frustrations: string[];
}

export interface DraftMap {
  title: string;
  /** What the map is for; absent when empty. */
  objective?: string;
  /** 0 to 6 personas, in the order the persona block shows them. */
  personas: PersonaDraft[];
  stages: Stage[];
  lanes: Lane[];
  /** The map's look (issue 15), carried as the map has it. */
  theme?: Theme;
  meta?: Record<string, unknown>;
}

export const emptyPersona = (): PersonaDraft => ({
  name: '',
  role: '',
  quote: '',
  description: '',
  goals: [],
  frustrations: [],
});

export function blankDraft(): DraftMap {
  return {
    title: 'New journey map',
    personas: [],
    stages: [
      { id: 'stage-1', name: 'Stage 1' },
      { id: 'stage-2', name: 'Stage 2' },
      { id: 'stage-3', name: 'Stage 3' },
    ],
    lanes: [
      { id: 'actions', title: 'Actions', kind: 'text', cells: {} },
      { id: 'emotion', title: 'Emotion', kind: 'emotion', cells: {} },
    ],
  };
}

function personaDraft(p: Omit<Persona, 'id'> & { id?: string }): PersonaDraft {
  const out: PersonaDraft = {
    name: p.name,
    role: p.role ?? '',
    quote: p.quote ?? '',
    description: p.description ?? '',
    goals: [...(p.goals ?? [])],
    frustrations: [...(p.frustrations ?? [])],
  };
  return p.id === undefined ? out : { id: p.id, ...out };
}

/** A lane with its own copies of the objects an edit replaces (cells, scale). */
function copyLane(l: Lane): Lane {
  const out = { ...l, cells: { ...(l.cells ?? {}) } } as Lane;
  if (out.kind === 'emotion' && out.scale) out.scale = { ...out.scale };
  return out;
}

/** A normalised map → an editable draft (persona fields all present). */
export function draftFromMap(map: JourneyMap): DraftMap {
  const draft: DraftMap = {
    title: map.title,
    personas: (map.personas ?? []).map(personaDraft),
    stages: map.stages.map((s) => ({ ...s })),
    lanes: map.lanes.map(copyLane),
  };
  if (map.objective !== undefined) draft.objective = map.objective;
  if (map.theme !== undefined) draft.theme = map.theme;
  if (map.meta !== undefined) draft.meta = map.meta;
  return draft;
}

export const personaIsEmpty = (p: PersonaDraft): boolean =>
  [p.name, p.role, p.quote, p.description, ...p.goals, ...p.frustrations].every((s) => s.trim() === '');

/**
 * The ids the personas have, or will get: a persona with a name but no id yet gets the one
 * `normaliseMap` would give it (ids given are kept first, then the slug of the name, made
 * unique). One without a name has none. Returns `personas` itself when nothing changes.
 */
export function personaIds(personas: PersonaDraft[]): PersonaDraft[] {
  if (personas.every((p) => p.id !== undefined || p.name.trim() === '')) return personas;
  const taken = new Set(personas.flatMap((p) => (p.id === undefined ? [] : [p.id])));
  return personas.map((p) =>
    p.id !== undefined || p.name.trim() === '' ? p : { id: uniqueId(slugify(p.name, 'persona'), taken), ...p },
  );
}

/**
 * Draft → format input. Every persona is sent, a blank one too (its name is then reported
 * missing, next to its field): leaving it out would shift the paths of the ones after it.
 */
export function toMapInput(draft: DraftMap): JourneyMapInput {
  const input: JourneyMapInput = {
    version: FORMAT_VERSION,
    title: draft.title,
    stages: draft.stages,
    lanes: draft.lanes,
  };
  if (draft.objective !== undefined) input.objective = draft.objective;
  if (draft.personas.length) input.personas = draft.personas;
  if (draft.theme !== undefined) input.theme = draft.theme;
  if (draft.meta !== undefined) input.meta = draft.meta as JourneyMapInput['meta'];
  return input;
}

/* ---- Stored drafts: the sandbox keeps whatever we sent, so we check it on the way back. ---- */

const Str = z.string().check(z.maxLength(20000));
const Id = z.string().check(z.minLength(1), z.maxLength(64));
const Score = z.number().check(z.refine(Number.isFinite));
const Cells = <T extends z.core.SomeType>(value: T) => z.optional(z.record(z.string(), value));
const StoredScale = z.object({
  min: z.number().check(z.int()),
  max: z.number().check(z.int()),
  low: z.optional(Str),
  high: z.optional(Str),
});
/** A linked text or card; whether its address is allowed is checked when the map is sent. */
const StoredLink = z.object({ text: Str, url: Str });
const StoredLane = z.discriminatedUnion('kind', [
  z.object({ id: Id, title: Str, kind: z.literal('text'), cells: Cells(z.union([Str, StoredLink])) }),
  z.object({
    id: Id,
    title: Str,
    kind: z.literal('cards'),
    tone: z.optional(z.enum(['neutral', 'positive', 'negative', 'idea'])),
    cells: Cells(z.array(z.union([Str, StoredLink])).check(z.maxLength(100))),
  }),
  z.object({
    id: Id,
    title: Str,
    kind: z.literal('emotion'),
    scale: z.optional(StoredScale),
    overlay: z.optional(Id),
    persona: z.optional(Id),
    style: z.optional(z.enum(['solid', 'dashed'])),
    // Any finite score: the lane's scale (checked when the map is sent) decides which are in range.
    cells: Cells(z.object({ score: Score, note: z.optional(Str) })),
  }),
  z.object({
    id: Id,
    title: Str,
    kind: z.literal('metric'),
    cells: Cells(
      z.object({
        value: Score,
        unit: z.optional(Str),
        target: z.optional(Score),
        better: z.optional(z.enum(['higher', 'lower'])),
      }),
    ),
  }),
  z.object({
    id: Id,
    title: Str,
    kind: z.literal('divider'),
    style: z.optional(z.enum(['solid', 'dashed'])),
    cells: Cells(z.never()),
  }),
]);

const uniqueIds = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;
const StrList = z.optional(z.array(Str).check(z.maxLength(100)));
const StoredPersona = z.object({
  id: z.optional(Id),
  name: Str,
  role: z.optional(Str),
  quote: z.optional(Str),
  description: z.optional(Str),
  goals: StrList,
  frustrations: StrList,
});

const StoredMap = z.object({
  title: Str,
  objective: z.optional(Str),
  /** Drafts saved before format 2 hold one persona, all fields present, possibly all empty. */
  persona: z.optional(StoredPersona),
  personas: z.optional(z.array(StoredPersona).check(z.maxLength(100))),
  stages: z
    .array(
      z.object({
        id: Id,
        name: Str,
        phase: z.optional(Str),
        description: z.optional(Str),
        moment: z.optional(z.boolean()),
        momentNote: z.optional(Str),
      }),
    )
    .check(z.minLength(1), z.maxLength(100), z.refine(uniqueIds, 'duplicate stage ids')),
  lanes: z.array(StoredLane).check(z.maxLength(100), z.refine(uniqueIds, 'duplicate lane ids')),
  // Checked in full when the draft is normalised; here only its shape, so it is never dropped.
  theme: z.optional(z.record(z.string(), z.unknown())),
  meta: z.optional(z.record(z.string(), z.unknown())),
});

export const StoredDraftSchema = z.object({
  v: z.literal(1),
  map: StoredMap,
  fresh: z.optional(z.array(Id).check(z.maxLength(200))),
  freshLanes: z.optional(z.array(Id).check(z.maxLength(200))),
  target: z.optional(
    z.nullable(
      z.object({
        nodeId: z.string().check(z.minLength(1), z.maxLength(200)),
        revision: z.number().check(z.int(), z.nonnegative()),
        canvas: z.optional(z.string().check(z.maxLength(100))),
        // Checked on its own in readStoredDraft: a base that does not parse only costs the merge
        // on reload, not the whole draft. (Not with z.catch: in zod/mini it pulls all of zod's
        // util namespace into the panel, ~2.5 KB gzip.)
        base: z.optional(z.unknown()),
      }),
    ),
  ),
});

/**
 * The canvas map the draft belongs to (created on or loaded from), for "Update" and "Reload".
 * `canvas` and `base` come from the last `created`, `updated` or `map` reply for that node.
 */
export interface CanvasTarget {
  nodeId: string;
  /** The map's revision then; another one on the canvas is a conflict. */
  revision: number;
  /** The fingerprint of what read-back of the canvas gave then: sent as `baseCanvas` with updates. */
  canvas?: string;
  /** The map the canvas had then: the base of the three-way merge when the panel reloads (ui/merge.ts). */
  base?: DraftMap;
  /** The modes of the map's Figma variables and the frame's (not stored with the draft: the next reply says). */
  variables?: VariableModes;
}

export interface StoredDraft {
  v: 1;
  map: DraftMap;
  target?: CanvasTarget | null;
  /** Stages added in the panel that have not reached the canvas: their ids follow their names (ui/fresh-ids.ts). */
  fresh?: string[];
  /** The same for lanes. */
  freshLanes?: string[];
}

/**
 * A stored map in draft shape: cell records filled in, persona fields all present, a
 * pre-format-2 `persona` as the first of `personas` (none if it was left empty), and ids for
 * named personas that had none yet.
 */
function fromStored(m: z.infer<typeof StoredMap>): DraftMap {
  const { persona, personas, ...rest } = m;
  const list = (personas ?? (persona ? [persona] : [])).map(personaDraft);
  const map = {
    ...rest,
    personas: personaIds(personas ? list : list.filter((p) => !personaIsEmpty(p))),
    lanes: m.lanes.map((l) => ({ ...l, cells: l.cells ?? {} }) as Lane),
  };
  return map as DraftMap;
}

export function readStoredDraft(raw: unknown): StoredDraft | null {
  const parsed = StoredDraftSchema.safeParse(raw);
  if (!parsed.success) return null;
  // Cells must belong to the lane's kind; the schema checked that.
  const map = fromStored(parsed.data.map);
  const { fresh, freshLanes } = parsed.data;
  const ids = { ...(fresh ? { fresh } : {}), ...(freshLanes ? { freshLanes } : {}) };
  const t = parsed.data.target;
  if (!t) return { v: 1, map, target: null, ...ids };
  const target: CanvasTarget = { nodeId: t.nodeId, revision: t.revision };
  if (t.canvas !== undefined) target.canvas = t.canvas;
  const base = t.base === undefined ? undefined : StoredMap.safeParse(t.base);
  if (base?.success) target.base = fromStored(base.data);
  return { v: 1, map, target, ...ids };
}
