/**
 * Tags: how the plugin recognises the nodes it manages. Every managed node has
 * plugin data (private to this plugin):
 *   key    its key among its siblings, from the NodeSpec (`stage:discover`, `card:0`)
 *   role   what it stands for (see Role in src/layout/spec.ts)
 *   stage  the stage id it belongs to, if any
 *   lane   the lane id it belongs to, if any
 *   index  its position in a list (card number, goal number), if any
 *   phase  the phase name, on phase bands
 *   spec   JSON of the name, size and props the plugin last wrote; updates
 *          compare against it, so a prop is written only when the map's data
 *          asks for a different value (a designer's styling survives otherwise)
 * A node without `key` is the designer's own and is never written or deleted.
 */
import type { Tag } from '../layout/spec';

export const TAG_KEYS = ['key', 'role', 'stage', 'lane', 'index', 'phase'] as const;
export const SPEC_KEY = 'spec';

export function keyOf(node: BaseNode): string | undefined {
  return node.getPluginData('key') || undefined;
}

export function readTag(node: BaseNode): (Tag & { key: string }) | undefined {
  const key = node.getPluginData('key');
  const role = node.getPluginData('role');
  if (!key || !role) return undefined;
  const tag: Tag & { key: string } = { key, role: role as Tag['role'] };
  const stage = node.getPluginData('stage');
  const lane = node.getPluginData('lane');
  const index = node.getPluginData('index');
  const phase = node.getPluginData('phase');
  if (stage) tag.stage = stage;
  if (lane) tag.lane = lane;
  if (index) tag.index = Number(index);
  if (phase) tag.phase = phase;
  return tag;
}

/** Writes only the tag entries that differ, so re-tagging an unchanged node costs nothing. */
export function writeTag(node: BaseNode, key: string, tag: Tag): void {
  const want: Record<(typeof TAG_KEYS)[number], string> = {
    key,
    role: tag.role,
    stage: tag.stage ?? '',
    lane: tag.lane ?? '',
    index: tag.index === undefined ? '' : String(tag.index),
    phase: tag.phase ?? '',
  };
  for (const k of TAG_KEYS) if (node.getPluginData(k) !== want[k]) node.setPluginData(k, want[k]);
}
