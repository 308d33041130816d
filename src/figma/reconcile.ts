/**
 * Make the canvas match a NodeSpec tree. Creating a map is reconciling
 * against nothing; updating is reconciling against the map already there,
 * and must leave exactly what a create of the same data would (the
 * convergence property in tests/figma/convergence.property.test.ts).
 *
 * - Children are matched by `key` (shared plugin data), never by position: a
 *   reordered stage moves its node, it is not redrawn.
 * - A prop is written only if the spec's value differs from the value the
 *   plugin wrote last time, so untouched nodes get no writes at all and a
 *   designer's styling on them survives. "What was written last" is the
 *   previous spec, rebuilt from the map stored on the frame (storage.ts), and
 *   trusted for a node only when its hash matches the hash stored in the node's
 *   tag (written.ts); where neither matches, the canvas itself is compared.
 * - Everything is decided from the index of the canvas (tree.ts, one walk) and
 *   the two specs in memory: a node whose stored hash equals the new spec's,
 *   in its place, costs no read and no write, so a one-cell edit of a big map
 *   reads and writes only along the changed cell.
 * - Content (texts, positions, paths) is compared with the canvas itself when
 *   the canvas was edited since the last write and the user chose to go on
 *   (the panel had read those edits, or Overwrite): then what we wrote last
 *   no longer says what is there.
 * - Nodes without a key are the designer's: never written, never removed.
 *   So is another map (or comparison) dragged into this one (the index, tree.ts,
 *   leaves it out). When their managed container goes away, they move to a
 *   holding area.
 *
 * Figma's ordering rules, each of which throws or silently breaks the layout:
 * a node is in its auto-layout parent before `layoutSizing* = 'FILL'`;
 * `resize()` comes before sizing modes, and makes an auto-layout frame FIXED
 * on both axes, so every resize is followed by the spec's sizing on both axes;
 * fonts are loaded before text writes.
 */
import type { NodeProps, NodeSpec, Tag } from '../layout/spec';
import { loadFontsOf } from './fonts';
import { encodeTag, writeRawTag } from './tags';
import { rememberType, typeOf } from './node-cache';
import type { Tagged } from './tree';
import type { Progress } from './progress';
import { specHash, writeGeometry } from './written';

export interface ReconcileStats {
  created: number;
  updated: number;
  removed: number;
  /** Managed nodes left exactly as they were. */
  kept: number;
}

export interface ReconcileContext {
  stats: ReconcileStats;
  /** The holding frame for designer nodes whose container was removed (created on first use). */
  holding(): FrameNode;
  /** Problems that did not stop the update (e.g. a text in a missing font), for the user. */
  warnings: string[];
  /** Compare content props with the canvas, not with what was written last (the canvas was edited). */
  checkCanvas?: boolean;
  /** Told of every node done; reports and yields now and then (progress.ts). */
  progress?: Progress;
}

type Managed = FrameNode | TextNode | VectorNode | EllipseNode | RectangleNode;

/** Spec trees that may say what was written last at this position (the previous map's, …). */
type Known = NodeSpec[];

const TEXT_ORDER: Array<keyof NodeProps> = [
  'fontName',
  'fontSize',
  'lineHeight',
  'letterSpacing',
  'textCase',
  'textAlignHorizontal',
  'textAutoResize',
  'characters',
  // After the characters, so that new characters never drop or take over a link.
  'hyperlink',
  'textDecoration',
];
const SIZING: Array<keyof NodeProps> = ['layoutSizingHorizontal', 'layoutSizingVertical'];
const POSITION: Array<keyof NodeProps> = ['x', 'y'];
/** What a designer edits on the canvas as data: read back by read-map.ts, so part of the fingerprint. */
const CONTENT = new Set<keyof NodeProps>(['characters', 'x', 'y', 'vectorPaths', 'hyperlink']);
/** Values that undo a prop a previous render set but the new one leaves out. */
const RESET: Partial<Record<keyof NodeProps, unknown>> = {
  strokes: [],
  dashPattern: [],
  textCase: 'ORIGINAL',
  letterSpacing: { unit: 'PERCENT', value: 0 },
  cornerRadius: 0,
  hyperlink: null,
  textDecoration: 'NONE',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a node made with figma.createFrame / createText / … already has: a new node gets no
 * write of these values (a write crosses into the editor and costs, even when it changes
 * nothing). Only values Figma documents or shows in its UI for a new layer: no padding, no
 * spacing, children aligned to the start, a 1 px stroke weight, left-aligned text, no
 * auto-layout. The fake starts nodes the same way (tests/support/figma-fake/nodes.ts).
 */
const NEW_NODE: Partial<Record<keyof NodeProps, unknown>> = {
  paddingTop: 0,
  paddingRight: 0,
  paddingBottom: 0,
  paddingLeft: 0,
  itemSpacing: 0,
  primaryAxisAlignItems: 'MIN',
  counterAxisAlignItems: 'MIN',
  strokeWeight: 1,
  textAlignHorizontal: 'LEFT',
  layoutMode: 'NONE',
  hyperlink: null,
  textDecoration: 'NONE',
};

const hashes = new WeakMap<NodeSpec, string>();
/** A spec's hash, computed once per spec object (a tree is compared against two others). */
function hashOf(spec: NodeSpec): string {
  let h = hashes.get(spec);
  if (h === undefined) hashes.set(spec, (h = specHash(spec)));
  return h;
}

const byKey = new WeakMap<NodeSpec, Map<string, NodeSpec>>();
function childSpec(parent: NodeSpec, key: string): NodeSpec | undefined {
  let m = byKey.get(parent);
  if (!m) byKey.set(parent, (m = new Map((parent.children ?? []).map((c) => [c.key, c]))));
  return m.get(key);
}

/**
 * Whether the canvas value has every field the spec asks for (Figma adds its own to
 * paints and the like); numbers within a hundredth, as Figma rounds them.
 */
function matches(have: unknown, want: unknown): boolean {
  if (typeof want === 'number') return typeof have === 'number' && Math.abs(have - want) < 0.01;
  if (Array.isArray(want))
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => matches(have[i], w));
  if (want && typeof want === 'object') {
    if (!have || typeof have !== 'object') return false;
    return Object.entries(want).every(([k, w]) => matches((have as Record<string, unknown>)[k], w));
  }
  return have === want;
}

function sameOnCanvas(node: Managed, key: keyof NodeProps, want: unknown): boolean {
  return matches((node as unknown as Record<string, unknown>)[key], want);
}

function createNode(type: NodeSpec['type']): Managed {
  const node = makeNode(type);
  rememberType(node, type);
  return node;
}

function makeNode(type: NodeSpec['type']): Managed {
  switch (type) {
    case 'FRAME':
      return figma.createFrame();
    case 'TEXT':
      return figma.createText();
    case 'VECTOR':
      return figma.createVector();
    case 'ELLIPSE':
      return figma.createEllipse();
    case 'RECTANGLE':
      return figma.createRectangle();
  }
}

function setProp(node: Managed, key: keyof NodeProps, value: unknown): void {
  (node as unknown as Record<string, unknown>)[key] = value;
}

/**
 * What was written on a node before: a new node (nothing), a known spec (the props
 * written last), or an existing node whose last write is unknown (compare the canvas).
 */
type Before = { kind: 'new' } | { kind: 'known'; spec: NodeSpec } | { kind: 'unknown' };

/** Apply the difference between `spec` and what was written before. */
async function applyProps(node: Managed, spec: NodeSpec, before: Before, ctx: ReconcileContext): Promise<boolean> {
  const prev = before.kind === 'known' ? before.spec.props : {};
  const changed = (k: keyof NodeProps) => {
    if (!(k in spec.props)) return false;
    if (before.kind === 'new') return !(k in NEW_NODE) || NEW_NODE[k] !== spec.props[k];
    if (before.kind === 'unknown' || (ctx.checkCanvas && CONTENT.has(k))) return !sameOnCanvas(node, k, spec.props[k]);
    return !same(prev[k], spec.props[k]);
  };
  const dropped = (Object.keys(prev) as Array<keyof NodeProps>).filter((k) => !(k in spec.props) && k in RESET);
  let resize = false;
  if (spec.size) {
    if (before.kind === 'new') resize = true;
    else if (before.kind === 'known') resize = !same(before.spec.size, spec.size);
    else resize = !matches({ width: node.width, height: node.height }, spec.size);
  }
  let wrote = false;

  // Keep a name the designer changed on the canvas; otherwise follow the data.
  if (before.kind === 'new' || (before.kind === 'known' && spec.name !== before.spec.name)) {
    if (before.kind === 'new' || node.name === before.spec.name) {
      node.name = spec.name;
      wrote = true;
    }
  } else if (before.kind === 'unknown' && node.name !== spec.name) {
    node.name = spec.name;
    wrote = true;
  }
  // Text: make the font usable before anything else touches the node (resize included).
  let textKeys: Array<keyof NodeProps> = [];
  if (spec.type === 'TEXT' && node.type === 'TEXT') {
    // A resize can turn a text's auto-resize off in Figma: the spec's goes back on after it.
    textKeys = TEXT_ORDER.filter((k) => changed(k) || (resize && k === 'textAutoResize' && k in spec.props));
    // New characters may drop the link (it is a style of character ranges): it goes back on after them.
    if (textKeys.includes('characters') && spec.props.hyperlink && !textKeys.includes('hyperlink'))
      textKeys.splice(textKeys.indexOf('characters') + 1, 0, 'hyperlink');
    if (textKeys.length || resize) {
      // New nodes start in Figma's default font, which may not exist here: our font goes on first.
      // Existing ones may carry a designer's font (even mixed): load what they use.
      const ok = before.kind === 'new' || (await loadFontsOf(node));
      if (!ok)
        ctx.warnings.push(
          `"${node.characters.slice(0, 30)}" used a missing font and was reset to ${spec.props.fontName?.family ?? 'the map font'}`,
        );
      if (before.kind === 'new' || !ok) {
        node.fontName = spec.props.fontName as FontName;
        textKeys = textKeys.filter((k) => k !== 'fontName');
        wrote = true;
      }
    }
  }
  if (spec.type === 'FRAME' && changed('layoutMode')) {
    setProp(node, 'layoutMode', spec.props.layoutMode);
    wrote = true;
  }
  if (resize) {
    node.resize(Math.max(0.01, spec.size!.width), Math.max(0.01, spec.size!.height));
    wrote = true;
  }
  // Position goes before vectorPaths, and is rewritten with every new path (see layout/nodes.ts vector()).
  const pathChanged = changed('vectorPaths');
  for (const k of POSITION) {
    if (changed(k) || (pathChanged && k in spec.props)) {
      setProp(node, k, spec.props[k]);
      wrote = true;
    }
  }
  const special = new Set<keyof NodeProps>(['layoutMode', ...TEXT_ORDER, ...SIZING, ...POSITION]);
  for (const k of Object.keys(spec.props) as Array<keyof NodeProps>) {
    if (special.has(k) || !(k === 'vectorPaths' ? pathChanged : changed(k))) continue;
    setProp(node, k, spec.props[k]);
    wrote = true;
  }
  for (const k of dropped) {
    setProp(node, k, RESET[k]);
    wrote = true;
  }
  if (textKeys.length) {
    for (const k of textKeys) setProp(node, k, spec.props[k]);
    wrote = true;
  }
  // resize() made an auto-layout frame FIXED on both axes: the spec's sizing goes back on, both axes
  // (on a new frame, FIXED is what resize() just gave it).
  for (const k of SIZING) {
    if (before.kind === 'new' && resize && spec.type === 'FRAME' && spec.props[k] === 'FIXED') continue;
    if (changed(k) || (resize && k in spec.props)) {
      setProp(node, k, spec.props[k]);
      wrote = true;
    }
  }
  return wrote;
}

/** The node's stored tag says what the spec's would (same parent tag assumed). */
function sameTag(entry: Tagged, spec: NodeSpec): boolean {
  const a = entry.tag;
  const b = spec.tag;
  return (
    a.key === spec.key &&
    a.role === b.role &&
    a.stage === b.stage &&
    a.lane === b.lane &&
    a.index === b.index &&
    a.phase === b.phase &&
    a.id === entry.id
  );
}

/**
 * Whether a whole subtree is on the canvas exactly as the spec says, by the index alone:
 * every node's stored hash and tag as the spec's, children in the spec's order, nothing of
 * ours missing or extra. Synchronous and allocation-free, so the untouched rest of a big
 * map costs a comparison per node and no read; `counted` gets the nodes it vouched for.
 */
function unchanged(spec: NodeSpec, entry: Tagged, ctx: ReconcileContext, counted: { n: number }): boolean {
  if (entry.tag.hash !== hashOf(spec) || !sameTag(entry, spec) || needsCanvasCheck(spec, ctx)) return false;
  const specs = spec.children;
  const kids = entry.children;
  if ((specs?.length ?? 0) !== kids.length) return false;
  if (specs)
    for (let i = 0; i < specs.length; i++) {
      if (kids[i].tag.key !== specs[i].key || !unchanged(specs[i], kids[i], ctx, counted)) return false;
    }
  counted.n++;
  return true;
}

/** True when this node's content must be compared with the canvas, so it can't be skipped. */
function needsCanvasCheck(spec: NodeSpec, ctx: ReconcileContext): boolean {
  return !!ctx.checkCanvas && Object.keys(spec.props).some((k) => CONTENT.has(k as keyof NodeProps));
}

/** Move the designer's nodes out of a managed subtree that is about to be removed. */
function evacuate(entry: Tagged, ctx: ReconcileContext): void {
  // Only nodes with designer content among their children are read (the index says which).
  if (entry.mixed) {
    const ours = new Set<SceneNode>(entry.children.filter((c) => c.slot === c.node).map((c) => c.node));
    for (const child of [...(entry.node as FrameNode).children]) if (!ours.has(child)) ctx.holding().appendChild(child);
  }
  for (const c of entry.children) if (c.slot === c.node) evacuate(c, ctx);
}

function removeManaged(entry: Tagged, ctx: ReconcileContext): void {
  evacuate(entry, ctx);
  entry.node.remove();
  ctx.stats.removed++;
}

/**
 * Where children go among their siblings, decided from the index: a child already
 * after everything placed before it stays without a read; only a move, or an
 * insertion before existing children, reads the layer list.
 */
interface Placement {
  parent: FrameNode;
  /** Appending puts a node right after the previous child: the parent is new, or every child
   * that stays has been placed and nothing of the designer's is among them. */
  append: () => boolean;
  /** Position of each indexed child in the parent's managed children (canvas order). */
  order: Map<Tagged, number>;
  /** Canvas position of the last child placed that did not move. */
  last: number;
  /** The slot of the last child placed: the next goes after it. */
  prev?: SceneNode;
}

/** Put `node` right after `p.prev`, reading the layer list (the rare case: a move or an insertion). */
function moveAfterPrev(p: Placement, node: SceneNode, isChild: boolean): void {
  const parent = p.parent;
  if (!isChild) {
    parent.insertChild(p.prev ? parent.children.indexOf(p.prev) + 1 : 0, node);
    return;
  }
  // Figma does not document whether insertChild's index counts the moved node's old slot.
  // Appending first makes it the last child, and moving the last child to an index
  // means the same under either reading.
  parent.appendChild(node);
  const target = p.prev ? parent.children.indexOf(p.prev) + 1 : 0;
  if (target < parent.children.length - 1) parent.insertChild(target, node);
}

function placeExisting(p: Placement, entry: Tagged): void {
  // Inside a group the designer made: it stays where they put it.
  if (entry.slot !== entry.node) return;
  const pos = p.order.get(entry)!;
  if (pos > p.last) {
    p.last = pos; // already after everything placed before it: no move, no read
    return;
  }
  moveAfterPrev(p, entry.node, true);
}

function placeNew(p: Placement, node: SceneNode): void {
  if (p.append()) p.parent.appendChild(node);
  else moveAfterPrev(p, node, false);
}

/**
 * Create or update one node and its subtree. `entry` is the indexed node with this key, if
 * any; `known` the spec nodes at the same position in trees that may say what was written
 * there last.
 */
export async function reconcileNode(
  spec: NodeSpec,
  entry: Tagged | undefined,
  parent: { tag?: Tag; retagged?: boolean },
  place: (node: SceneNode, entry?: Tagged) => void,
  ctx: ReconcileContext,
  known: Known = [],
): Promise<Managed> {
  if (entry && !parent.retagged) {
    const counted = { n: 0 };
    if (unchanged(spec, entry, ctx, counted)) {
      place(entry.node, entry);
      ctx.stats.kept += counted.n;
      await ctx.progress?.tick(counted.n);
      return entry.node as Managed;
    }
  }
  const hash = hashOf(spec);
  const parentTag = parent.tag;
  const tagFor = (id: string) => encodeTag({ ...spec.tag, key: spec.key, id, hash }, parentTag);
  let node: Managed;
  // Whether this node's tag entry is rewritten: its children's are stored relative to it.
  let retagged = true;
  if (entry) {
    node = entry.node as Managed;
    place(node, entry);
    if (needsCanvasCheck(spec, ctx) || entry.tag.hash !== hash) {
      const tag = tagFor(entry.id);
      const was = entry.tag.hash && known.find((k) => hashOf(k) === entry.tag.hash);
      let wrote: boolean;
      try {
        wrote = await applyProps(node, spec, was ? { kind: 'known', spec: was } : { kind: 'unknown' }, ctx);
      } catch (e) {
        // Half written: what is on the node is now unknown, so a rollback compares it with the canvas.
        writeRawTag(node, encodeTag({ ...entry.tag, hash: '' }, parentTag));
        throw e;
      }
      retagged = tag !== entry.raw;
      if (retagged) writeRawTag(node, tag);
      if (spec.tag.role === 'emotion-area') writeGeometry(node, spec);
      if (wrote) ctx.stats.updated++;
      else ctx.stats.kept++;
    } else {
      // The common case on a big map: nothing to write. Encoding the tag only to compare it
      // would cost more than the rest of the visit, so the decoded fields are compared.
      retagged = false;
      if (parent.retagged || !sameTag(entry, spec)) {
        const tag = tagFor(entry.id);
        retagged = tag !== entry.raw;
        if (retagged) writeRawTag(node, tag);
      }
      ctx.stats.kept++;
    }
  } else {
    node = createNode(spec.type);
    place(node); // into the auto-layout parent before any FILL sizing is set
    ctx.stats.created++;
    await applyProps(node, spec, { kind: 'new' }, ctx);
    writeRawTag(node, tagFor(node.id));
    if (spec.tag.role === 'emotion-area') writeGeometry(node, spec, '');
  }
  await ctx.progress?.tick();
  if (spec.type === 'FRAME') await reconcileChildren(node as FrameNode, entry, spec, retagged, ctx, known);
  return node;
}

/** Match `spec`'s children to the indexed children of `parent` by key; designer children keep their place. */
async function reconcileChildren(
  parent: FrameNode,
  entry: Tagged | undefined,
  spec: NodeSpec,
  retagged: boolean,
  ctx: ReconcileContext,
  known: Known,
): Promise<void> {
  const specs = spec.children ?? [];
  const existing = new Map<string, Tagged>();
  const order = new Map<Tagged, number>();
  // The holding area is the plugin's, but no spec describes it: it stays where it is, like a designer's node.
  let mixed = !!entry?.mixed;
  for (const child of entry?.children ?? []) {
    order.set(child, order.size);
    if (child.tag.role === 'holding') mixed = true;
    else existing.set(child.tag.key, child);
  }
  const wanted = new Set(specs.map((c) => c.key));
  let remaining = [...existing.keys()].filter((k) => wanted.has(k)).length;
  const p: Placement = { parent, order, last: -1, append: () => !entry || (!mixed && remaining === 0 && !!p.prev) };
  for (const child of specs) {
    let match = existing.get(child.key);
    existing.delete(child.key);
    if (match) remaining--;
    // A node the designer turned into another type (Flatten): replaced when its data changes.
    if (
      match &&
      (match.tag.hash !== hashOf(child) || needsCanvasCheck(child, ctx)) &&
      typeOf(match.node) !== child.type
    ) {
      removeManaged(match, ctx);
      match = undefined;
    }
    const childKnown = known.map((k) => childSpec(k, child.key)).filter((k): k is NodeSpec => !!k);
    const node = await reconcileNode(
      child,
      match,
      { tag: spec.tag, retagged },
      (n, e) => (e ? placeExisting(p, e) : placeNew(p, n)),
      ctx,
      childKnown,
    );
    p.prev = match?.slot ?? node;
  }
  for (const stale of existing.values()) removeManaged(stale, ctx);
}
