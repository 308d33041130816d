/**
 * Make the canvas match a NodeSpec tree. Creating a map is reconciling
 * against nothing; updating is reconciling against the map already there,
 * and must leave exactly what a create of the same data would (the
 * convergence property in tests/figma/convergence.property.test.ts).
 *
 * - Children are matched by `key` (shared plugin data), never by position: a
 *   reordered stage moves its node, it is not redrawn.
 * - A prop is written only if the spec's value differs from the value the
 *   plugin wrote last time (the record in written.ts), so untouched nodes
 *   get no writes at all and a designer's styling on them survives.
 * - Content (texts, positions, paths) is compared with the canvas itself when
 *   the canvas was edited since the last write and the user chose to go on
 *   (the panel had read those edits, or Overwrite): then what we wrote last
 *   no longer says what is there.
 * - Nodes without a key are the designer's: never written, never removed.
 *   When their managed container goes away, they move to a holding area.
 *
 * Figma's ordering rules, each of which throws or silently breaks the layout:
 * a node is in its auto-layout parent before `layoutSizing* = 'FILL'`;
 * `resize()` comes before sizing modes, and makes an auto-layout frame FIXED
 * on both axes, so every resize is followed by the spec's sizing on both axes;
 * fonts are loaded before text writes.
 */
import type { NodeProps, NodeSpec } from '../layout/spec';
import { loadFontsOf } from './fonts';
import { getData } from './node-data';
import { keyOf, writeTag } from './tags';
import { managedSlots } from './tree';
import { rawWritten, readWritten, recordWritten, writtenJson, type Written } from './written';

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
}

type Managed = FrameNode | TextNode | VectorNode | EllipseNode | RectangleNode;

/** A map the designer turned into a component is still a frame to us (same API). */
function isFrameLike(node: BaseNode): node is FrameNode {
  return node.type === 'FRAME' || node.type === 'COMPONENT';
}

const TEXT_ORDER: Array<keyof NodeProps> = [
  'fontName',
  'fontSize',
  'lineHeight',
  'letterSpacing',
  'textCase',
  'textAlignHorizontal',
  'textAutoResize',
  'characters',
];
const SIZING: Array<keyof NodeProps> = ['layoutSizingHorizontal', 'layoutSizingVertical'];
const POSITION: Array<keyof NodeProps> = ['x', 'y'];
/** What a designer edits on the canvas as data: read back by read-map.ts, so part of the fingerprint. */
const CONTENT = new Set<keyof NodeProps>(['characters', 'x', 'y', 'vectorPaths']);
/** Values that undo a prop a previous render set but the new one leaves out. */
const RESET: Partial<Record<keyof NodeProps, unknown>> = {
  strokes: [],
  dashPattern: [],
  textCase: 'ORIGINAL',
  letterSpacing: { unit: 'PERCENT', value: 0 },
  cornerRadius: 0,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The canvas value of a content prop, in the spec's shape. */
function canvasValue(node: Managed, key: keyof NodeProps): unknown {
  if (key === 'vectorPaths' && node.type === 'VECTOR')
    return node.vectorPaths.map((p) => ({ windingRule: p.windingRule, data: p.data }));
  return (node as unknown as Record<string, unknown>)[key];
}

function sameOnCanvas(node: Managed, key: keyof NodeProps, want: unknown): boolean {
  const have = canvasValue(node, key);
  if (typeof have === 'number' && typeof want === 'number') return Math.abs(have - want) < 0.01;
  return same(have, want);
}

function createNode(type: NodeSpec['type']): Managed {
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

/** Apply the difference between `spec` and what was written last (`before`; undefined = everything). */
async function applyProps(
  node: Managed,
  spec: NodeSpec,
  before: Written | undefined,
  ctx: ReconcileContext,
): Promise<boolean> {
  const prev = before?.props ?? {};
  const changed = (k: keyof NodeProps) => {
    if (!(k in spec.props)) return false;
    if (!before) return true;
    if (ctx.checkCanvas && CONTENT.has(k)) return !sameOnCanvas(node, k, spec.props[k]);
    return !same(prev[k], spec.props[k]);
  };
  const dropped = (Object.keys(prev) as Array<keyof NodeProps>).filter((k) => !(k in spec.props) && k in RESET);
  const resize = !!spec.size && (!before || !same(before.size, spec.size));
  let wrote = false;

  // Keep a name the designer changed on the canvas; otherwise follow the data.
  if (spec.name !== before?.name && (!before || node.name === before.name)) {
    node.name = spec.name;
    wrote = true;
  }
  // Text: make the font usable before anything else touches the node (resize included).
  let textKeys: Array<keyof NodeProps> = [];
  if (node.type === 'TEXT') {
    // A resize can turn a text's auto-resize off in Figma: the spec's goes back on after it.
    textKeys = TEXT_ORDER.filter((k) => changed(k) || (resize && k === 'textAutoResize' && k in spec.props));
    if (textKeys.length || resize) {
      // New nodes start in Figma's default font, which may not exist here: our font goes on first.
      // Existing ones may carry a designer's font (even mixed): load what they use.
      const ok = !before || (await loadFontsOf(node));
      if (!ok)
        ctx.warnings.push(
          `"${node.characters.slice(0, 30)}" used a missing font and was reset to ${spec.props.fontName?.family ?? 'the map font'}`,
        );
      if (!before || !ok) {
        node.fontName = spec.props.fontName as FontName;
        textKeys = textKeys.filter((k) => k !== 'fontName');
        wrote = true;
      }
    }
  }
  if (isFrameLike(node) && changed('layoutMode')) {
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
  // resize() made an auto-layout frame FIXED on both axes: the spec's sizing goes back on, both axes.
  for (const k of SIZING) {
    if (changed(k) || (resize && k in spec.props)) {
      setProp(node, k, spec.props[k]);
      wrote = true;
    }
  }
  return wrote;
}

/** True when this node's content must be compared with the canvas, so the fast path can't skip it. */
function needsCanvasCheck(spec: NodeSpec, ctx: ReconcileContext): boolean {
  return !!ctx.checkCanvas && Object.keys(spec.props).some((k) => CONTENT.has(k as keyof NodeProps));
}

/** Move the designer's nodes out of a managed subtree that is about to be removed. */
function evacuate(node: SceneNode, ctx: ReconcileContext): void {
  if (!('children' in node)) return;
  for (const child of [...node.children]) {
    if (keyOf(child) === undefined) ctx.holding().appendChild(child);
    else evacuate(child, ctx);
  }
}

function removeManaged(node: SceneNode, ctx: ReconcileContext): void {
  evacuate(node, ctx);
  node.remove();
  ctx.stats.removed++;
}

/** Create or update one node and its subtree. `node` is the existing match, if any. */
export async function reconcileNode(
  spec: NodeSpec,
  node: Managed | undefined,
  place: (n: Managed) => void,
  ctx: ReconcileContext,
): Promise<Managed> {
  let before: Written | undefined;
  if (node) {
    place(node);
    // Fast path: what we would write is exactly what we wrote last time, so nothing to compare prop by prop.
    if (!needsCanvasCheck(spec, ctx) && rawWritten(node) === writtenJson(spec) && getData(node, 'key') === spec.key) {
      ctx.stats.kept++;
      if (isFrameLike(node)) await reconcileChildren(node, spec.children ?? [], ctx);
      return node;
    }
    before = readWritten(node);
  } else {
    node = createNode(spec.type);
    place(node); // into the auto-layout parent before any FILL sizing is set
    ctx.stats.created++;
  }
  const wrote = await applyProps(node, spec, before, ctx);
  writeTag(node, spec.key, spec.tag);
  recordWritten(node, spec);
  if (before) {
    if (wrote) ctx.stats.updated++;
    else ctx.stats.kept++;
  }
  if (isFrameLike(node)) await reconcileChildren(node, spec.children ?? [], ctx);
  return node;
}

/** Match `specs` to `parent`'s managed children by key; designer children keep their place. */
export async function reconcileChildren(parent: FrameNode, specs: NodeSpec[], ctx: ReconcileContext): Promise<void> {
  const existing = new Map<string, SceneNode>();
  /** The direct child of `parent` holding each managed node: itself, or a designer's group around it. */
  const slotOf = new Map<SceneNode, SceneNode>();
  for (const { node: child, slot } of managedSlots(parent)) {
    const key = keyOf(child)!;
    // Copies the designer made carry a foreign id and don't count (see tags.ts); a repeated
    // key is left alone too, the first node with it stays managed.
    if (!existing.has(key) && getData(child, 'role') !== 'holding') {
      existing.set(key, child);
      slotOf.set(child, slot);
    }
  }
  let prev: SceneNode | undefined;
  for (const spec of specs) {
    let match = existing.get(spec.key);
    existing.delete(spec.key);
    if (match && match.type !== spec.type) {
      removeManaged(match, ctx);
      match = undefined;
    }
    const after = prev;
    const place = (n: Managed) => {
      const afterSlot = after ? (slotOf.get(after) ?? after) : undefined;
      const prevIndex = afterSlot ? parent.children.indexOf(afterSlot) : -1;
      const slot = slotOf.get(n);
      if (slot && slot !== n) return; // inside a group the designer made: it stays where they put it
      if (n.parent !== parent) {
        parent.insertChild(prevIndex + 1, n);
        return;
      }
      // Only move when managed nodes are out of order; designer nodes between them stay put.
      if (parent.children.indexOf(n) > prevIndex) return;
      // Figma does not document whether insertChild's index counts the moved node's old slot.
      // Appending first makes it the last child, and moving the last child to an index
      // means the same under either reading.
      parent.appendChild(n);
      const target = parent.children.indexOf(afterSlot!) + 1;
      if (target < parent.children.length - 1) parent.insertChild(target, n);
    };
    prev = await reconcileNode(spec, match as Managed | undefined, place, ctx);
  }
  for (const stale of existing.values()) removeManaged(stale, ctx);
}
