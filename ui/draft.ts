/**
 * The panel's working copy of a map ("draft"). It has the normalised shape
 * (every stage and lane has an id, cells keyed by stage id) but may be invalid
 * while the designer types: empty names, an empty persona. `toMapInput` turns
 * it into format input and `normaliseMap` decides whether it can be sent.
 */
import * as z from 'zod/mini';
import '../src/zod-jitless'; // English messages and jitless, before any schema is built
import { FORMAT_VERSION, type JourneyMap, type JourneyMapInput, type Lane, type Stage } from '../src/model';

export interface PersonaDraft {
  name: string;
  role: string;
  quote: string;
  description: string;
  goals: string[];
  frustrations: string[];
}

export interface DraftMap {
  title: string;
  persona: PersonaDraft;
  stages: Stage[];
  lanes: Lane[];
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
    persona: emptyPersona(),
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

/** A normalised map → an editable draft (persona fields all present). */
export function draftFromMap(map: JourneyMap): DraftMap {
  const p = map.persona;
  const draft: DraftMap = {
    title: map.title,
    persona: p
      ? {
          name: p.name,
          role: p.role ?? '',
          quote: p.quote ?? '',
          description: p.description ?? '',
          goals: [...(p.goals ?? [])],
          frustrations: [...(p.frustrations ?? [])],
        }
      : emptyPersona(),
    stages: map.stages.map((s) => ({ ...s })),
    lanes: map.lanes.map((l) => ({ ...l, cells: { ...(l.cells ?? {}) } }) as Lane),
  };
  if (map.meta !== undefined) draft.meta = map.meta;
  return draft;
}

const personaIsEmpty = (p: PersonaDraft): boolean =>
  [p.name, p.role, p.quote, p.description, ...p.goals, ...p.frustrations].every((s) => s.trim() === '');

/** Draft → format input. An untouched persona is left out rather than reported as "name required". */
export function toMapInput(draft: DraftMap): JourneyMapInput {
  const input: JourneyMapInput = {
    version: FORMAT_VERSION,
    title: draft.title,
    stages: draft.stages,
    lanes: draft.lanes,
  };
  if (!personaIsEmpty(draft.persona)) input.persona = draft.persona;
  if (draft.meta !== undefined) input.meta = draft.meta as JourneyMapInput['meta'];
  return input;
}

/* ---- Stored drafts: the sandbox keeps whatever we sent, so we check it on the way back. ---- */

const Str = z.string().check(z.maxLength(20000));
const Id = z.string().check(z.minLength(1), z.maxLength(64));
const Cells = <T extends z.core.SomeType>(value: T) => z.optional(z.record(z.string(), value));
const StoredLane = z.discriminatedUnion('kind', [
  z.object({ id: Id, title: Str, kind: z.literal('text'), cells: Cells(Str) }),
  z.object({
    id: Id,
    title: Str,
    kind: z.literal('cards'),
    tone: z.optional(z.enum(['neutral', 'positive', 'negative', 'idea'])),
    cells: Cells(z.array(Str).check(z.maxLength(100))),
  }),
  z.object({
    id: Id,
    title: Str,
    kind: z.literal('emotion'),
    cells: Cells(z.object({ score: z.number().check(z.gte(-2), z.lte(2)), note: z.optional(Str) })),
  }),
]);

const uniqueIds = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

const StoredMap = z.object({
  title: Str,
  persona: z.object({
    name: Str,
    role: Str,
    quote: Str,
    description: Str,
    goals: z.array(Str).check(z.maxLength(100)),
    frustrations: z.array(Str).check(z.maxLength(100)),
  }),
  stages: z
    .array(z.object({ id: Id, name: Str, phase: z.optional(Str), description: z.optional(Str) }))
    .check(z.minLength(1), z.maxLength(100), z.refine(uniqueIds, 'duplicate stage ids')),
  lanes: z.array(StoredLane).check(z.maxLength(100), z.refine(uniqueIds, 'duplicate lane ids')),
  meta: z.optional(z.record(z.string(), z.unknown())),
});

export const StoredDraftSchema = z.object({
  v: z.literal(1),
  map: StoredMap,
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
}

export interface StoredDraft {
  v: 1;
  map: DraftMap;
  target?: CanvasTarget | null;
}

const withCellRecords = (map: DraftMap): DraftMap => ({
  ...map,
  lanes: map.lanes.map((l) => ({ ...l, cells: l.cells ?? {} }) as Lane),
});

export function readStoredDraft(raw: unknown): StoredDraft | null {
  const parsed = StoredDraftSchema.safeParse(raw);
  if (!parsed.success) return null;
  // Cells must belong to the lane's kind; the schema checked that. Fill missing cell records.
  const map = withCellRecords(parsed.data.map as DraftMap);
  const t = parsed.data.target;
  if (!t) return { v: 1, map, target: null };
  const target: CanvasTarget = { nodeId: t.nodeId, revision: t.revision };
  if (t.canvas !== undefined) target.canvas = t.canvas;
  const base = t.base === undefined ? undefined : StoredMap.safeParse(t.base);
  if (base?.success) target.base = withCellRecords(base.data as DraftMap);
  return { v: 1, map, target };
}
