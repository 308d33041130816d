/**
 * The message protocol between the panel (ui/) and the sandbox (src/main.ts).
 * Both sides validate every message they receive with these schemas, so a
 * malformed message is an error reply, never an exception. Maps travel as
 * `unknown` here and are validated by the map schema where they are used,
 * so that a bad map gets located issues (`stages[2].name: required`).
 */
import * as z from 'zod/mini';
import './zod-jitless'; // English messages and jitless, before any schema is built

const NodeId = z.string().check(z.minLength(1), z.maxLength(200));
/** A whole number, checked as zod classic's `z.number().int()` does. */
const Int = () => z.number().check(z.int());
/** Optional correlation id: a reply carries the id of the request it answers. */
const RequestId = z.optional(z.string().check(z.maxLength(100)));
/** At most this many font families go to the panel (src/figma/fonts.ts fontFamilies). */
export const MAX_FONT_FAMILIES = 20_000;
/** What read-back of a map's canvas gave, as a short fingerprint (src/figma/storage.ts). */
const CanvasFingerprint = z.string().check(z.maxLength(100));
/** Problems that did not stop the action (font substitutions, texts reset from a missing font). */
const Warnings = z.optional(z.array(z.string()));

/** A saved version's id (`v1`, `v2` …); 'current' stands for the current data where a message allows it. */
const VersionId = z.string().check(z.minLength(1), z.maxLength(40));
const compareFields = {
  requestId: RequestId,
  nodeId: NodeId,
  a: z.optional(VersionId),
  b: z.optional(VersionId),
  map: z.optional(z.unknown()),
};

export const UiToPluginSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), requestId: RequestId }),
  z.strictObject({
    type: z.literal('create'),
    requestId: RequestId,
    map: z.unknown(),
    /** 'dark': drawn in the theme's dark colours (the preview script's --dark; storage.ts RenderOptions). */
    scheme: z.optional(z.enum(['light', 'dark'])),
  }),
  z.strictObject({
    type: z.literal('update'),
    requestId: RequestId,
    nodeId: NodeId,
    map: z.unknown(),
    /** Revision the panel loaded; a different one on the canvas means someone edited it since. */
    baseRevision: z.optional(z.number().check(z.int(), z.nonnegative())),
    /**
     * Canvas fingerprint from the panel's last `map`, `created` or `updated` reply: canvas edits
     * the panel has read are no conflict, only edits made after it.
     */
    baseCanvas: z.optional(CanvasFingerprint),
    /** Overwrite canvas edits made since `baseRevision`. */
    force: z.optional(z.boolean()),
  }),
  z.strictObject({ type: z.literal('read'), requestId: RequestId, nodeId: z.optional(NodeId) }),
  z.strictObject({ type: z.literal('save-draft'), requestId: RequestId, draft: z.unknown() }),
  z.strictObject({
    type: z.literal('resize'),
    requestId: RequestId,
    width: z.number().check(z.gte(240), z.lte(2000)),
    height: z.number().check(z.gte(240), z.lte(2000)),
  }),
  z.strictObject({ type: z.literal('notify'), requestId: RequestId, message: z.string().check(z.maxLength(500)) }),
  /** The font families Figma has (the Theme section's font picker asks when it opens). */
  z.strictObject({ type: z.literal('list-fonts'), requestId: RequestId }),
  // Versions and history of a map (src/figma/versions.ts); each is answered by `versions`, `version`,
  // `comparison` or `comparison-drawn`, or an `error` (not-found: no such map or version).
  /** The map's saved versions and its history. */
  z.strictObject({ type: z.literal('list-versions'), requestId: RequestId, nodeId: NodeId }),
  /**
   * Save a named version (1 to 80 characters, checked in the sandbox so a bad name gets a located
   * issue): `map` (the panel's data, validated) or, without it, the map as the canvas shows it now.
   */
  z.strictObject({
    type: z.literal('save-version'),
    requestId: RequestId,
    nodeId: NodeId,
    name: z.string().check(z.maxLength(1000)),
    map: z.optional(z.unknown()),
  }),
  z.strictObject({ type: z.literal('delete-version'), requestId: RequestId, nodeId: NodeId, versionId: VersionId }),
  /** A saved version's map, to restore it in the panel (Update then draws it like any other edit). */
  z.strictObject({ type: z.literal('load-version'), requestId: RequestId, nodeId: NodeId, versionId: VersionId }),
  /**
   * What changed from version `a` (default: the latest saved) to `b`: a version, or 'current'
   * (default): `map` (the panel's data) or, without it, the map as the canvas shows it now.
   */
  z.strictObject({ type: z.literal('compare'), ...compareFields }),
  /** The same comparison, drawn as a separate frame beside the map (the map is not touched). */
  z.strictObject({ type: z.literal('draw-comparison'), ...compareFields }),
  /** Show the map in its Figma variables' Light or Dark mode: the frame's explicit mode (src/figma/variables.ts). */
  z.strictObject({
    type: z.literal('set-variable-mode'),
    requestId: RequestId,
    nodeId: NodeId,
    mode: z.enum(['Light', 'Dark']),
  }),
  /**
   * The modes of a map's Figma variables and the frame's, for a panel that restored its draft: the
   * modes are the canvas's, never stored with the draft. Answered by `variable-modes`, or not at
   * all when the map is gone or no collection exists.
   */
  z.strictObject({ type: z.literal('get-variable-modes'), requestId: RequestId, nodeId: NodeId }),
]);

/** The modes of the map's variables ("Light", and "Dark" where the plan allows) and the one the frame is set to. */
export const VariableModesSchema = z.object({ modes: z.array(z.string()), mode: z.optional(z.string()) });

export const IssueSchema = z.object({ path: z.string(), message: z.string() });

export const UpdateStatsSchema = z.object({
  created: Int(),
  updated: Int(),
  removed: Int(),
  kept: Int(),
});

export const VersionInfoSchema = z.object({ id: z.string(), name: z.string(), date: z.string(), revision: Int() });
export const HistoryEntrySchema = z.object({ revision: Int(), date: z.string(), summary: z.string() });
/** One side of a comparison: a version (its id) or the current data (id 'current'). */
export const SideSchema = z.object({
  id: z.string(),
  name: z.string(),
  date: z.optional(z.string()),
  revision: z.optional(Int()),
});

const Ref = { id: z.string(), name: z.string() };
const ListDiffSchema = z.object({
  added: z.array(z.object({ ...Ref, index: Int(), value: z.unknown() })),
  removed: z.array(z.object({ ...Ref, index: Int() })),
  renamed: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
  moved: z.array(z.object({ ...Ref, from: Int(), to: Int() })),
  changed: z.array(
    z.object({ ...Ref, field: z.string(), before: z.optional(z.unknown()), after: z.optional(z.unknown()) }),
  ),
});
const Where = { lane: z.string(), stage: z.string(), laneTitle: z.string(), stageName: z.string() };
const MetricValue = z.object({
  value: z.number(),
  unit: z.optional(z.string()),
  target: z.optional(z.number()),
  better: z.optional(z.enum(['higher', 'lower'])),
});
const Linked = z.object({ text: z.string(), url: z.string() });
const CellValue = z.optional(z.union([z.string(), Linked, z.array(z.union([z.string(), Linked])), MetricValue]));
/** src/model/diff.ts MapDiff, as it travels. */
export const MapDiffSchema = z.object({
  title: z.optional(z.object({ before: z.string(), after: z.string() })),
  objective: z.optional(z.object({ before: z.optional(z.string()), after: z.optional(z.string()) })),
  meta: z.optional(z.object({ before: z.optional(z.unknown()), after: z.optional(z.unknown()) })),
  personas: ListDiffSchema,
  stages: ListDiffSchema,
  lanes: ListDiffSchema,
  cells: z.array(
    z.object({ ...Where, kind: z.enum(['text', 'cards', 'metric', 'note']), before: CellValue, after: CellValue }),
  ),
  scores: z.array(
    z.object({
      ...Where,
      before: z.optional(z.number()),
      after: z.optional(z.number()),
      delta: z.optional(z.number()),
    }),
  ),
  count: Int(),
  summary: z.string(),
});

export const PluginToUiSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('created'),
    requestId: RequestId,
    nodeId: NodeId,
    canvas: CanvasFingerprint,
    map: z.unknown(),
    revision: Int(),
    warnings: Warnings,
    /** With `theme.variables`: the variables' modes and the frame's (src/figma/variables.ts). */
    variables: z.optional(VariableModesSchema),
  }),
  z.object({
    type: z.literal('updated'),
    requestId: RequestId,
    nodeId: NodeId,
    canvas: CanvasFingerprint,
    stats: UpdateStatsSchema,
    map: z.unknown(),
    revision: Int(),
    warnings: Warnings,
    /** With `theme.variables`: the variables' modes and the frame's (src/figma/variables.ts). */
    variables: z.optional(VariableModesSchema),
  }),
  z.object({
    type: z.literal('map'),
    requestId: RequestId,
    nodeId: NodeId,
    canvas: CanvasFingerprint,
    map: z.unknown(),
    revision: Int(),
    warnings: Warnings,
    /** With `theme.variables`: the variables' modes and the frame's (src/figma/variables.ts). */
    variables: z.optional(VariableModesSchema),
    /** FigJam: stickies on the board outside every cards cell, left out of the map. */
    ignored: z.optional(Int()),
  }),
  /** Which editor the plugin runs in, sent when the panel is ready: FigJam draws a workshop board. */
  z.object({ type: z.literal('editor'), editor: z.enum(['figma', 'figjam']) }),
  /** The frame's variable mode was set (`set-variable-mode`), or asked for (`get-variable-modes`). */
  z.object({ type: z.literal('variable-modes'), requestId: RequestId, nodeId: NodeId, variables: VariableModesSchema }),
  z.object({ type: z.literal('selection'), maps: z.array(z.object({ nodeId: NodeId, title: z.string() })) }),
  /** The reply to `list-fonts`: every family figma.listAvailableFontsAsync gives, once each, sorted. */
  z.object({
    type: z.literal('fonts'),
    requestId: RequestId,
    families: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(MAX_FONT_FAMILIES)),
  }),
  z.object({ type: z.literal('draft'), draft: z.optional(z.unknown()) }),
  /** Long work under way (src/figma/progress.ts): layers done of layers needed, for the request it serves. */
  z.object({
    type: z.literal('progress'),
    requestId: z.optional(z.string()),
    done: z.number().check(z.int(), z.nonnegative()),
    total: z.number().check(z.int(), z.nonnegative()),
  }),
  /** The map's versions (oldest first, at most `max`) and history (oldest first); `saved`: the one just saved. */
  z.object({
    type: z.literal('versions'),
    requestId: RequestId,
    nodeId: NodeId,
    versions: z.array(VersionInfoSchema),
    history: z.array(HistoryEntrySchema),
    max: Int(),
    saved: z.optional(z.string()),
  }),
  /** A saved version's map (normalised), for the panel to restore. */
  z.object({
    type: z.literal('version'),
    requestId: RequestId,
    nodeId: NodeId,
    version: VersionInfoSchema,
    map: z.unknown(),
  }),
  /** What changed from `a` to `b`. */
  z.object({
    type: z.literal('comparison'),
    requestId: RequestId,
    nodeId: NodeId,
    a: SideSchema,
    b: SideSchema,
    diff: MapDiffSchema,
  }),
  /** The comparison frame drawn beside the map `nodeId`. */
  z.object({
    type: z.literal('comparison-drawn'),
    requestId: RequestId,
    nodeId: NodeId,
    frameId: NodeId,
    a: SideSchema,
    b: SideSchema,
    summary: z.string(),
  }),
  z.object({
    type: z.literal('error'),
    requestId: RequestId,
    /**
     * invalid: bad input; conflict: the canvas changed since the panel loaded it; not-found;
     * storage: the draft could not be saved (Figma's 5 MB clientStorage is full); internal.
     */
    code: z.enum(['invalid', 'conflict', 'not-found', 'storage', 'internal']),
    message: z.string(),
    issues: z.array(IssueSchema),
  }),
]);

export type UiToPlugin = z.infer<typeof UiToPluginSchema>;
export type PluginToUi = z.infer<typeof PluginToUiSchema>;
export type UpdateStats = z.infer<typeof UpdateStatsSchema>;
export type VersionInfoMessage = z.infer<typeof VersionInfoSchema>;
export type HistoryEntryMessage = z.infer<typeof HistoryEntrySchema>;
export type Side = z.infer<typeof SideSchema>;
export type VariableModes = z.infer<typeof VariableModesSchema>;
