/**
 * A canonical dump of the managed tree of a map, read from the canvas (not
 * from anything the plugin stored): what "an update equals a fresh create"
 * compares. Node ids are left out (an update keeps them, a create makes new
 * ones); designer nodes (untagged) are left out; everything Figma would show
 * or lay out differently is in: types and order, names, tags, texts and fonts,
 * fills and strokes (with their variable bindings), auto-layout mode, sizing on both axes, padding and
 * spacing, vector paths, positions inside non-auto-layout frames, and sizes
 * on every axis that is FIXED.
 */
import { tagOf } from './tags';

const TAGS = ['key', 'role', 'stage', 'lane', 'index', 'phase'] as const;

export type Dump = Record<string, unknown> & { children?: Dump[] };

const round = (n: number) => Math.round(n * 1000) / 1000;

function paints(v: unknown): unknown {
  if (typeof v === 'symbol') return 'mixed';
  return (v as Paint[]).map((p) =>
    p.type === 'SOLID'
      ? {
          type: p.type,
          color: { r: round(p.color.r), g: round(p.color.g), b: round(p.color.b) },
          opacity: round(p.opacity ?? 1),
          visible: p.visible ?? true,
          // A binding to a Figma variable is part of what is drawn (src/figma/variables.ts); the colour
          // above is the variable's value in the node's mode, as the fake reads it.
          ...(p.boundVariables?.color ? { bound: p.boundVariables.color.id } : {}),
        }
      : { type: p.type },
  );
}

const isTagged = (n: BaseNode) => {
  const tag = tagOf(n);
  return !!tag && tag.id === n.id;
};

/** Managed children in layer order, looking through designer groups. */
function managedChildren(node: BaseNode): SceneNode[] {
  if (!('children' in node)) return [];
  const out: SceneNode[] = [];
  const visit = (n: SceneNode) => {
    if (isTagged(n)) out.push(n);
    else if (n.type === 'GROUP') n.children.forEach(visit);
  };
  (node as ChildrenMixin).children.forEach(visit);
  return out;
}

function sizingOf(n: SceneNode, axis: 'H' | 'V'): string | undefined {
  const prop = axis === 'H' ? 'layoutSizingHorizontal' : 'layoutSizingVertical';
  return prop in n ? (n as FrameNode)[prop] : undefined;
}

export function dumpNode(n: SceneNode, parent?: SceneNode): Dump {
  const d: Dump = { type: n.type, name: n.name };
  const tag = tagOf(n);
  for (const t of TAGS) {
    const v = tag?.[t];
    if (v !== undefined && v !== '') d[t] = String(v);
  }
  const inFlow =
    parent &&
    'layoutMode' in parent &&
    (parent as FrameNode).layoutMode !== 'NONE' &&
    !('layoutPositioning' in n && n.layoutPositioning === 'ABSOLUTE');
  if (parent && !inFlow) {
    d.x = round(n.x);
    d.y = round(n.y);
  }
  const h = n.type === 'ELLIPSE' || n.type === 'RECTANGLE' ? 'FIXED' : sizingOf(n, 'H');
  const v = n.type === 'ELLIPSE' || n.type === 'RECTANGLE' ? 'FIXED' : sizingOf(n, 'V');
  if (n.type !== 'VECTOR') {
    d.sizing = [h, v];
    if (h === 'FIXED') d.width = round(n.width);
    if (v === 'FIXED') d.height = round(n.height);
  }
  if ('fills' in n) d.fills = paints(n.fills);
  if ('strokes' in n) {
    d.strokes = paints(n.strokes);
    if (n.strokes.length) {
      d.strokeWeight = (n as GeometryMixin).strokeWeight;
      d.strokeAlign = (n as GeometryMixin).strokeAlign;
    }
  }
  if ('opacity' in n) d.opacity = round(n.opacity);
  if (n.type === 'FRAME' || n.type === 'COMPONENT') {
    d.layoutMode = n.layoutMode;
    d.clipsContent = n.clipsContent;
    d.cornerRadius = typeof n.cornerRadius === 'symbol' ? 'mixed' : n.cornerRadius;
    if (n.layoutMode !== 'NONE') {
      d.padding = [n.paddingTop, n.paddingRight, n.paddingBottom, n.paddingLeft];
      d.itemSpacing = n.itemSpacing;
      d.align = [n.primaryAxisAlignItems, n.counterAxisAlignItems];
    }
  }
  if (n.type === 'TEXT') {
    d.characters = n.characters;
    d.fontName = typeof n.fontName === 'symbol' ? 'mixed' : n.fontName;
    d.fontSize = typeof n.fontSize === 'symbol' ? 'mixed' : n.fontSize;
    d.lineHeight = typeof n.lineHeight === 'symbol' ? 'mixed' : n.lineHeight;
    d.letterSpacing = typeof n.letterSpacing === 'symbol' ? 'mixed' : n.letterSpacing;
    d.textCase = typeof n.textCase === 'symbol' ? 'mixed' : n.textCase;
    d.textAlignHorizontal = n.textAlignHorizontal;
    d.textAutoResize = n.textAutoResize;
  }
  if (n.type === 'VECTOR') {
    d.vectorPaths = n.vectorPaths.map((p) => ({ windingRule: p.windingRule, data: p.data }));
    d.strokeCap = n.strokeCap;
    d.dashPattern = n.dashPattern;
  }
  const kids = managedChildren(n);
  if (kids.length || 'children' in n) d.children = kids.map((c) => dumpNode(c, n));
  return d;
}

/** The managed tree of a map frame, canonical. */
export function dumpMap(frame: FrameNode): Dump {
  return dumpNode(frame);
}

/** The first differences between two dumps, as `path: a ≠ b` lines (for readable failures). */
export function diffDumps(a: unknown, b: unknown, path = 'map', out: string[] = [], limit = 12): string[] {
  if (out.length >= limit) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items ≠ ${b.length} items`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) diffDumps(a[i], b[i], `${path}[${i}]`, out, limit);
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const label = (o: Record<string, unknown>) => (o.key ? `${path}<${String(o.key)}>` : path);
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)]))
      diffDumps(ao[k], bo[k], `${label(ao)}.${k}`, out, limit);
    return out;
  }
  out.push(`${path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`);
  return out;
}
