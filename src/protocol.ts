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
/** What read-back of a map's canvas gave, as a short fingerprint (src/figma/storage.ts). */
const CanvasFingerprint = z.string().check(z.maxLength(100));
/** Problems that did not stop the action (font substitutions, texts reset from a missing font). */
const Warnings = z.optional(z.array(z.string()));

export const UiToPluginSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), requestId: RequestId }),
  z.strictObject({ type: z.literal('create'), requestId: RequestId, map: z.unknown() }),
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
]);

export const IssueSchema = z.object({ path: z.string(), message: z.string() });

export const UpdateStatsSchema = z.object({
  created: Int(),
  updated: Int(),
  removed: Int(),
  kept: Int(),
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
  }),
  z.object({
    type: z.literal('map'),
    requestId: RequestId,
    nodeId: NodeId,
    canvas: CanvasFingerprint,
    map: z.unknown(),
    revision: Int(),
    warnings: Warnings,
  }),
  z.object({ type: z.literal('selection'), maps: z.array(z.object({ nodeId: NodeId, title: z.string() })) }),
  z.object({ type: z.literal('draft'), draft: z.optional(z.unknown()) }),
  /** Long work under way (src/figma/progress.ts): layers done of layers needed, for the request it serves. */
  z.object({
    type: z.literal('progress'),
    requestId: z.optional(z.string()),
    done: z.number().check(z.int(), z.nonnegative()),
    total: z.number().check(z.int(), z.nonnegative()),
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
