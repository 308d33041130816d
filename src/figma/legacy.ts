/**
 * Maps made by version 0.1.0 kept their tags, the per-node record and the
 * revision in private plugin data (only the map JSON was also shared). Since
 * everything now lives in shared plugin data (node-data.ts), such a map is
 * moved over on first contact: every private entry of ours is copied to the
 * shared namespace where that has nothing yet. Private data belongs to the
 * plugin id, so this works for maps made under the same id (before
 * publishing); it costs one read per node only for maps that need it.
 */
import { getData, setData } from './node-data';

/** Keys 0.1.0 kept privately on nodes (tags.ts, written.ts) and on the frame (storage.ts). */
const LEGACY_KEYS = ['key', 'role', 'stage', 'lane', 'index', 'phase', 'id', 'spec', 'revision', 'canvas'];

/** A frame of a 0.1.0 map: tagged `map` privately, not yet in shared data. */
export function isLegacyMap(node: BaseNode): boolean {
  return node.getPluginData('role') === 'map' && getData(node, 'role') === '';
}

/** Copy a 0.1.0 map's private entries to shared data. Returns whether anything was moved. */
export function migrateLegacyMap(frame: BaseNode & ChildrenMixin): boolean {
  if (!isLegacyMap(frame)) return false;
  const walk = (node: BaseNode) => {
    for (const k of LEGACY_KEYS) {
      const v = node.getPluginData(k);
      if (v && !getData(node, k)) setData(node, k, v);
    }
    if ('children' in node) for (const child of (node as ChildrenMixin).children) walk(child);
  };
  walk(frame);
  return true;
}
