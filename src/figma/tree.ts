/**
 * Finding managed nodes inside a map frame by their tags. The walk descends
 * only through managed nodes: whatever a designer dropped into the map is
 * never read as map data.
 */
import type { Role, Tag } from '../layout/spec';
import { keyOf, readTag } from './tags';
import { getData } from './node-data';
import { isLegacyMap } from './legacy';

export interface Tagged {
  node: SceneNode;
  tag: Tag & { key: string };
}

export class MapIndex {
  readonly all: Tagged[] = [];
  private byRole = new Map<Role, Tagged[]>();

  constructor(root: FrameNode) {
    this.walk(root);
  }

  private walk(node: SceneNode): void {
    const tag = readTag(node);
    if (!tag) return;
    const entry = { node, tag };
    this.all.push(entry);
    const list = this.byRole.get(tag.role) ?? [];
    list.push(entry);
    this.byRole.set(tag.role, list);
    if ('children' in node) for (const child of MapIndex.children(node)) this.walk(child.node);
  }

  /** Every managed node with this role, in document (layer) order. */
  role(role: Role): Tagged[] {
    return this.byRole.get(role) ?? [];
  }

  first(role: Role, where: Partial<Tag> = {}): Tagged | undefined {
    return this.role(role).find((t) => (Object.keys(where) as Array<keyof Tag>).every((k) => t.tag[k] === where[k]));
  }

  /** The text of the first managed text node with this role (and tag fields), if present. */
  text(role: Role, where: Partial<Tag> = {}): string | undefined {
    const hit = this.first(role, where);
    return hit && hit.node.type === 'TEXT' ? hit.node.characters : undefined;
  }

  /**
   * Managed children of a node, in layer order, optionally of one role (copies with a
   * repeated key skipped, designer groups looked through).
   */
  static children(node: SceneNode, role?: Role): Tagged[] {
    if (!('children' in node)) return [];
    const out: Tagged[] = [];
    const seen = new Set<string>();
    for (const { node: child } of managedSlots(node)) {
      const tag = readTag(child);
      if (!tag) continue;
      // A copy made with Cmd+D carries its original's key; like the reconciler, treat it as the designer's own.
      if (seen.has(tag.key)) continue;
      seen.add(tag.key);
      if (!role || tag.role === role) out.push({ node: child, tag });
    }
    return out;
  }
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
      (getData(n, 'role') === 'map' || isLegacyMap(n))
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

/** A group the designer made (Cmd+G) around some of our nodes: we look through it and leave it be. */
function isDesignerGroup(node: SceneNode): node is GroupNode {
  return node.type === 'GROUP' && keyOf(node) === undefined;
}

/**
 * Managed nodes directly under `parent`, in layer order, looking through designer
 * groups. `slot` is the direct child of `parent` that holds each: the node itself,
 * or the group around it.
 */
export function managedSlots(parent: BaseNode & ChildrenMixin): Array<{ node: SceneNode; slot: SceneNode }> {
  const out: Array<{ node: SceneNode; slot: SceneNode }> = [];
  const visit = (n: SceneNode, slot: SceneNode) => {
    if (keyOf(n) !== undefined) out.push({ node: n, slot });
    else if (isDesignerGroup(n)) for (const c of n.children) visit(c, slot);
  };
  for (const child of parent.children) visit(child, child);
  return out;
}
