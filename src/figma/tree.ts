/**
 * Finding managed nodes inside a map frame by their tags. One walk reads each
 * managed node's tag, its id and its children once (every read crosses into
 * the editor in Figma); the reader, the conflict check and the reconciler all
 * work from that index. The walk descends only through managed nodes and
 * designer groups around them: whatever a designer dropped into the map is
 * never read as map data. That includes another map (or a drawn comparison)
 * dragged into this one: tagged, but its frame's role says it is a whole map,
 * so it is the designer's node here, like a sticky note, and not descended into.
 */
import type { Role, Tag } from '../layout/spec';
import { decodeTag, keyOf, rawTag, roleOf, type StoredTag } from './tags';
import { isLegacyMap } from './legacy';
import { rememberTag, typeOf, type TagRecord } from './node-cache';

export interface Tagged {
  node: SceneNode;
  tag: StoredTag;
  /** The raw tag entry as stored (to skip rewriting an unchanged one). */
  raw: string;
  /** The node's id, read once. */
  id: string;
  /**
   * Managed children in layer order: designer groups looked through, copies the
   * designer made (a foreign id, or a key already seen) left out.
   */
  children: Tagged[];
  /** The direct child of the parent that holds this node: itself, or a designer's group around it. */
  slot: SceneNode;
  /** Whether designer nodes sit among the managed children (they keep their place, so moves read the layer list). */
  mixed: boolean;
}

/**
 * Decoded tags by raw entry, with the parent tag each was decoded under (a tag inherits stage,
 * lane and index from it). Every update indexes the whole map again, and almost every entry is
 * the one the last index decoded: splitting each again cost ~7% of a one-cell update at 40×30.
 * A hit needs the very parent object, which itself came from here, so a chain of unchanged
 * entries is reused whole. Shared between indexes: tags are never changed after decoding.
 */
const decoded = new Map<string, { parent: Tag | undefined; tag: StoredTag }>();
const DECODED_MAX = 100_000;

function decodeUnder(raw: string, parent: Tag | undefined): StoredTag | undefined {
  const hit = decoded.get(raw);
  if (hit && hit.parent === parent) return hit.tag;
  const tag = decodeTag(raw, parent);
  if (tag) {
    if (decoded.size >= DECODED_MAX) decoded.clear();
    decoded.set(raw, { parent, tag });
  }
  return tag;
}

/**
 * Read the tag of `node` under `parent`; undefined for a designer's node or a copy. With a
 * record (node-cache.ts), a tag recorded for the very same node object is taken from it. Only
 * entries known to be this node's own are recorded (a tag the plugin wrote, one read whose id
 * is the node's, or none at all), so the recorded tag's id is the node's and is not read either.
 * The record must be the one being recorded into (map-ops.ts), or a read would go unnoted.
 */
function readEntry(node: SceneNode, slot: SceneNode, parent: Tag | undefined, reuse?: TagRecord): Tagged | undefined {
  const known = reuse?.get(node);
  if (known !== undefined) {
    // Recorded, so recording goes on into the same record (map-ops.ts): nothing to note.
    const tag = known ? decodeUnder(known, parent) : undefined;
    return tag && { node, tag, raw: known, id: tag.id || node.id, children: [], slot, mixed: false };
  }
  const raw = rawTag(node);
  if (!raw) {
    rememberTag(node, raw, false);
    return undefined;
  }
  const tag = decodeUnder(raw, parent);
  if (!tag) return undefined;
  const id = node.id;
  if (tag.id !== '' && tag.id !== id) return undefined; // a copy the designer made: read every time
  rememberTag(node, raw, false);
  return { node, tag, raw, id, children: [], slot, mixed: false };
}

/** Index the managed children of `entry`, depth first, adding every entry to `out` in layer order. */
function fill(entry: Tagged, out: Tagged[], reuse: TagRecord | undefined): void {
  out.push(entry);
  if (!('children' in entry.node)) return;
  const children = (entry.node as FrameNode).children;
  // Most parents hold a few children: their keys are compared in the list, a Set only for long ones.
  const keys = children.length > 8 ? new Set<string>() : undefined;
  for (const child of children) visit(entry, child, child, out, keys, reuse);
}

/** Whether a managed child of `entry` already has this key (the list is short when there is no Set). */
function seen(entry: Tagged, keys: Set<string> | undefined, key: string): boolean {
  if (keys) {
    if (keys.has(key)) return true;
    keys.add(key);
    return false;
  }
  for (const c of entry.children) if (c.tag.key === key) return true;
  return false;
}

/**
 * The role of a whole map's (or board's) or comparison's frame: inside another map, someone
 * else's map, never part of it (this walk, and a FigJam board's redraw in board.ts).
 */
export function isMapRoot(role: string): boolean {
  return role === 'map' || role === 'comparison';
}

function visit(
  entry: Tagged,
  n: SceneNode,
  slot: SceneNode,
  out: Tagged[],
  keys: Set<string> | undefined,
  reuse: TagRecord | undefined,
): void {
  const child = readEntry(n, slot, entry.tag, reuse);
  if (!child) {
    entry.mixed = true;
    if (typeOf(n) === 'GROUP') for (const c of (n as GroupNode).children) visit(entry, c, slot, out, keys, reuse);
    return;
  }
  // A map (or comparison) the designer dragged into this one is their node here: kept where it is,
  // never read as this map's data, never descended into. (A map from 0.1.0/0.2.0 has no tag, so it
  // is already one; its frame is no group, so it is not looked through.)
  if (isMapRoot(child.tag.role)) {
    entry.mixed = true;
    return;
  }
  // A copy with a repeated key is the designer's own: the first node with the key stays managed.
  if (seen(entry, keys, child.tag.key)) {
    entry.mixed = true;
    return;
  }
  entry.children.push(child);
  fill(child, out, reuse);
}

export class MapIndex {
  readonly root: Tagged;
  readonly all: Tagged[] = [];
  private byRole: Map<Role, Tagged[]> | undefined;

  /**
   * `reuseTags`: the tags the last create or update of this frame recorded (node-cache.ts),
   * taken instead of reading them while the frame still stores that operation's map
   * (map-ops.ts): a one-cell update of a 40×30 map then reads each node's children and
   * texts, not its tag and id again.
   */
  constructor(frame: FrameNode, reuseTags?: TagRecord) {
    // A map frame whose own tag is gone (or damaged) is still the map: its children are indexed.
    this.root = readEntry(frame, frame, undefined, reuseTags) ?? {
      node: frame,
      tag: { role: 'map', key: 'map', id: '', hash: '' },
      raw: '',
      id: frame.id,
      children: [],
      slot: frame,
      mixed: false,
    };
    fill(this.root, this.all, reuseTags);
  }

  /** Every managed node with this role, in document (layer) order. */
  role(role: Role): Tagged[] {
    if (!this.byRole) {
      this.byRole = new Map();
      for (const e of this.all) {
        const list = this.byRole.get(e.tag.role);
        if (list) list.push(e);
        else this.byRole.set(e.tag.role, [e]);
      }
    }
    return this.byRole.get(role) ?? [];
  }

  first(role: Role, where: Partial<Tag> = {}): Tagged | undefined {
    return this.role(role).find((t) => (Object.keys(where) as Array<keyof Tag>).every((k) => t.tag[k] === where[k]));
  }

  /** The text of the first managed text node with this role (and tag fields), if present. */
  text(role: Role, where: Partial<Tag> = {}): string | undefined {
    return textOf(this.first(role, where));
  }
}

/** The first managed child of an indexed node with this role (no list made: read-back asks this per cell). */
export function firstOf(entry: Tagged | undefined, role: Role): Tagged | undefined {
  if (entry) for (const c of entry.children) if (c.tag.role === role) return c;
  return undefined;
}

/** Managed children of an indexed node, optionally of one role. */
export function childrenOf(entry: Tagged | undefined, role?: Role): Tagged[] {
  if (!entry) return [];
  return role ? entry.children.filter((c) => c.tag.role === role) : entry.children;
}

/** The characters of an indexed text node. */
export function textOf(entry: Tagged | undefined): string | undefined {
  return entry && typeOf(entry.node) === 'TEXT' ? (entry.node as TextNode).characters : undefined;
}

/**
 * The map frame a node belongs to (itself, or its nearest ancestor tagged `map`).
 * A map a designer turned into a component is still a map (components have a
 * frame's API); an instance is returned too, so callers can refuse to restructure it.
 */
export function findMapFrame(node: BaseNode | null): FrameNode | undefined {
  for (let n: BaseNode | null = node; n && n.type !== 'PAGE' && n.type !== 'DOCUMENT'; n = n.parent) {
    if (
      (n.type === 'FRAME' || n.type === 'COMPONENT' || n.type === 'INSTANCE') &&
      (roleOf(n) === 'map' || isLegacyMap(n))
    )
      return n as FrameNode;
  }
  return undefined;
}

/** The page a node is on. */
export function pageOf(node: BaseNode): PageNode | undefined {
  for (let n: BaseNode | null = node; n; n = n.parent) if (n.type === 'PAGE') return n;
  return undefined;
}

/** Whether a node is one of ours (tagged with its own id). */
export function isManaged(node: BaseNode): boolean {
  return keyOf(node) !== undefined;
}
