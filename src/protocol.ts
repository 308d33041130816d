/**
 * The message protocol between the panel (ui/) and the sandbox (src/main.ts).
 * Both sides validate every message they receive with these schemas, so a
 * malformed message is an error reply, never an exception. Maps travel as
 * `unknown` here and are validated by the map schema where they are used,
 * so that a bad map gets located issues (`stages[2].name: required`).
 */
import { z } from 'zod';

const NodeId = z.string().min(1).max(200);
/** Optional correlation id: a reply carries the id of the request it answers. */
const RequestId = z.string().max(100).optional();
/** What read-back of a map's canvas gave, as a short fingerprint (src/figma/storage.ts). */
const CanvasFingerprint = z.string().max(100);
/** Problems that did not stop the action (font substitutions, texts reset from a missing font). */
const Warnings = z.array(z.string()).optional();

export const UiToPluginSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), requestId: RequestId }),
  z.strictObject({ type: z.literal('create'), requestId: RequestId, map: z.unknown() }),
  z.strictObject({
    type: z.literal('update'),
    requestId: RequestId,
    nodeId: NodeId,
    map: z.unknown(),
    /** Revision the panel loaded; a different one on the canvas means someone edited it since. */
    baseRevision: z.number().int().nonnegative().optional(),
    /**
     * Canvas fingerprint from the panel's last `map`, `created` or `updated` reply: canvas edits
     * the panel has read are no conflict, only edits made after it.
     */
    baseCanvas: CanvasFingerprint.optional(),
    /** Overwrite canvas edits made since `baseRevision`. */
    force: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('read'), requestId: RequestId, nodeId: NodeId.optional() }),
  z.strictObject({ type: z.literal('save-draft'), requestId: RequestId, draft: z.unknown() }),
  z.strictObject({
    type: z.literal('resize'),
    requestId: RequestId,
    width: z.number().min(240).max(2000),
    height: z.number().min(240).max(2000),
  }),
  z.strictObject({ type: z.literal('notify'), requestId: RequestId, message: z.string().max(500) }),
]);

export const IssueSchema = z.object({ path: z.string(), message: z.string() });

export const UpdateStatsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  kept: z.number().int(),
});

export const PluginToUiSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('created'),
    requestId: RequestId,
    nodeId: NodeId,
    canvas: CanvasFingerprint,
    map: z.unknown(),
    revision: z.number().int(),
    warnings: Warnings,
  }),
  z.object({
    type: z.literal('updated'),
    requestId: RequestId,
    nodeId: NodeId,
    canvas: CanvasFingerprint,
    stats: UpdateStatsSchema,
    map: z.unknown(),
    revision: z.number().int(),
    warnings: Warnings,
  }),
  z.object({
    type: z.literal('map'),
    requestId: RequestId,
    nodeId: NodeId,
    canvas: CanvasFingerprint,
    map: z.unknown(),
    revision: z.number().int(),
    warnings: Warnings,
  }),
  z.object({ type: z.literal('selection'), maps: z.array(z.object({ nodeId: NodeId, title: z.string() })) }),
  z.object({ type: z.literal('draft'), draft: z.unknown().optional() }),
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
