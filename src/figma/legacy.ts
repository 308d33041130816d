/**
 * Maps made by earlier versions, converted on first contact:
 * - 0.1.0 kept its tags, the per-node record and the revision in private plugin
 *   data (only the map JSON was also shared);
 * - 0.2.0 kept them in shared plugin data, as eight entries per node: key, role,
 *   stage, lane, index, phase, id, and `spec`, the whole record of what it wrote
 *   (~360 bytes a node).
 * Both become today's single `t` entry per node (tags.ts), whose hash is the
 * hash of that same record (written.ts hashes the JSON 0.2.0 stored), so an
 * update after the conversion still writes only what changed. The stage column
 * widths the map was drawn with come from the stage headers' records. The map
 * JSON itself is read as it was stored (storage.ts reads both layouts).
 * Private data belongs to the plugin id, so 0.1.0 maps convert when made under
 * the same id (before publishing).
 */
import { getData, setData } from './node-data';
import { encodeTag, rawTag, writeRawTag, type StoredTag } from './tags';
import type { Tag } from '../layout/spec';
import { hashText } from './written';
import { readMapData, writeRenderOptions } from './storage';
import { normaliseMap } from '../model';
import { columnOptions } from '../layout/grid';

/** Per-node entries of 0.1.0 / 0.2.0. */
const OLD_NODE_KEYS = ['key', 'role', 'stage', 'lane', 'index', 'phase', 'id', 'spec'] as const;
/** Frame entries 0.1.0 kept privately (0.2.0 already shared them under the same names). */
const OLD_FRAME_KEYS = ['revision', 'canvas'] as const;

function old(node: BaseNode, key: string): string {
  return getData(node, key) || node.getPluginData(key);
}

/** A map frame from 0.1.0 or 0.2.0: tagged `map` the old way, not yet converted. */
export function isLegacyMap(node: BaseNode): boolean {
  return rawTag(node) === '' && old(node, 'role') === 'map';
}

interface OldRecord {
  size?: { width: number };
  meta?: { emotionArea?: { height: number; padTop: number; padBottom: number } };
}

/** Convert an old map's tags in place. Returns whether anything was converted. */
export function migrateLegacyMap(frame: BaseNode & ChildrenMixin): boolean {
  if (!isLegacyMap(frame)) return false;
  const columnWidths: Record<string, number> = {};
  // Before format 2 the one persona card was keyed `persona`; now cards are keyed by persona id.
  const stored = readMapData(frame);
  const parsed = stored ? normaliseMap(stored.data) : undefined;
  const personaKey = parsed?.ok && parsed.value.personas?.length ? `persona:${parsed.value.personas[0].id}` : undefined;
  const walk = (node: BaseNode, parent: Tag | undefined) => {
    let tag: StoredTag | undefined;
    let key = old(node, 'key');
    const role = old(node, 'role');
    // Another old map the designer dragged into this one: converted on its own first contact, as
    // itself (its revision, column widths and persona), not as part of this map.
    if (role === 'map' && node !== frame) return;
    if (role === 'persona' && key === 'persona' && personaKey) key = personaKey;
    if (key && role) {
      const spec = old(node, 'spec');
      tag = { key, role: role as Tag['role'], id: old(node, 'id'), hash: spec ? hashText(spec) : '' };
      const stage = old(node, 'stage');
      const lane = old(node, 'lane');
      const index = old(node, 'index');
      const phase = old(node, 'phase');
      if (stage) tag.stage = stage;
      if (lane) tag.lane = lane;
      if (index) tag.index = Number(index);
      if (phase) tag.phase = phase;
      let record: OldRecord | undefined;
      try {
        record = spec ? (JSON.parse(spec) as OldRecord) : undefined;
      } catch {
        tag.hash = '';
      }
      if (role === 'stage-header' && stage && typeof record?.size?.width === 'number')
        columnWidths[stage] = record.size.width;
      const g = record?.meta?.emotionArea;
      if (g) setData(node, 'g', `${g.height},${g.padTop},${g.padBottom}`);
      writeRawTag(node, encodeTag(tag, parent));
      for (const k of OLD_NODE_KEYS) if (getData(node, k)) setData(node, k, '');
    }
    if ('children' in node) for (const child of (node as ChildrenMixin).children) walk(child, tag ?? parent);
  };
  for (const k of OLD_FRAME_KEYS) {
    const v = frame.getPluginData(k);
    if (v && !getData(frame, k)) setData(frame, k, v);
  }
  // 0.1.0 stored the map JSON in shared data already; its chunks are read as they are.
  walk(frame, undefined);
  writeRenderOptions(frame, columnOptions(columnWidths));
  return true;
}
