/**
 * Tags: how the plugin recognises the nodes it manages. Every managed node has
 * these entries in shared plugin data, namespace `journeymap` (node-data.ts says why):
 *   key    its key among its siblings, from the NodeSpec (`stage:discover`, `card:0`)
 *   role   what it stands for (see Role in src/layout/spec.ts)
 *   stage  the stage id it belongs to, if any
 *   lane   the lane id it belongs to, if any
 *   index  its position in a list (card number, goal number), if any
 *   phase  the phase name, on phase bands
 *   id     the node's own id when tagged: a copy the designer makes (Cmd+D, or
 *          copy-paste) keeps the plugin data but gets a new id, so the mismatch
 *          tells us the copy is the designer's own node, not ours
 *   spec   what the plugin last wrote (owned by written.ts)
 * A node without `key` is the designer's own and is never written or deleted.
 */
import type { Tag } from '../layout/spec';
import { getData, setData } from './node-data';

export const TAG_KEYS = ['key', 'role', 'stage', 'lane', 'index', 'phase', 'id'] as const;

/** Tagged by us, and not a designer's copy of a tagged node (see `id` above). */
function isOurs(node: BaseNode): boolean {
  const id = getData(node, 'id');
  return id === '' || id === node.id;
}

export function keyOf(node: BaseNode): string | undefined {
  const key = getData(node, 'key');
  return key && isOurs(node) ? key : undefined;
}

export function readTag(node: BaseNode): (Tag & { key: string }) | undefined {
  const key = getData(node, 'key');
  const role = getData(node, 'role');
  if (!key || !role || !isOurs(node)) return undefined;
  const tag: Tag & { key: string } = { key, role: role as Tag['role'] };
  const stage = getData(node, 'stage');
  const lane = getData(node, 'lane');
  const index = getData(node, 'index');
  const phase = getData(node, 'phase');
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
    id: node.id,
  };
  for (const k of TAG_KEYS) if (getData(node, k) !== want[k]) setData(node, k, want[k]);
}

/**
 * A whole map the designer duplicated: every node in the copy has new ids, so
 * none would look like ours. The copy's frame is tagged with the original's id;
 * on first contact we take the copy over (re-tag ids) so it works as a map of
 * its own. Copies of single nodes inside it were the designer's before and stay
 * duplicates of a key, which readers and the reconciler leave alone.
 */
export function adoptCopiedMap(frame: BaseNode & ChildrenMixin): boolean {
  const id = getData(frame, 'id');
  if (!id || id === frame.id) return false;
  const walk = (node: BaseNode) => {
    if (getData(node, 'key') && getData(node, 'id') !== node.id) setData(node, 'id', node.id);
    if ('children' in node) for (const child of (node as ChildrenMixin).children) walk(child);
  };
  walk(frame);
  return true;
}
