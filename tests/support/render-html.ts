/**
 * Renders a Figma node tree to a standalone HTML document, so we can look at
 * and measure what the plugin draws without Figma (tests, `npm run preview`).
 *
 * It reads only public SceneNode properties, defensively (a property may be
 * missing, `figma.mixed`, or throw on a node type that lacks it), so it works
 * on the in-memory fake, on hand-made objects, and on anything shaped like
 * Figma's API. Mapping:
 *   auto-layout FRAME       flexbox (gap, padding, alignment, wrap)
 *   NONE FRAME / GROUP      relative box, children absolutely positioned at x,y
 *   TEXT                    div with font, line height, alignment, colour
 *   VECTOR / LINE           inline SVG paths
 *   ELLIPSE / RECTANGLE     div (border-radius 50% for ellipses)
 * Strokes are drawn as CSS outlines, because in Figma strokes never change a
 * node's size or its auto-layout (a border would) and are painted above the
 * node's children (an inset box-shadow would be painted below them).
 * Every element carries data-node-id, data-type, data-name and, when the node
 * has them, the plugin's tags (data-role, data-stage, data-lane, ...) so browser
 * tests can find nodes and measure their geometry.
 */

import { decodeTag, TAG_ENTRY } from '../../src/figma/tags';
import type { Tag } from '../../src/layout/spec';

export interface RenderHtmlOptions {
  /** CSS zoom of the whole drawing (2 = twice as large). Default 1. */
  scale?: number;
  /** Page background behind the node. Default Figma's canvas grey. */
  background?: string;
  /** Empty space around the node, in px. Default 0 (the node sits at 0,0). */
  padding?: number;
}

type Axis = 'HORIZONTAL' | 'VERTICAL';
type Sizing = 'FIXED' | 'HUG' | 'FILL';
type Rgba = { r: number; g: number; b: number; a?: number };
type Paint = { type: string; visible?: boolean; opacity?: number; color?: Rgba };

interface Ctx {
  /** Layout of the parent: an auto-layout axis, 'NONE' (absolute children), or 'ROOT'. */
  parent: Axis | 'NONE' | 'ROOT';
  /** Where this element's box is, in the coordinates children's x/y are relative to (groups are not containers in Figma). */
  origin: { x: number; y: number };
  /** Negative itemSpacing of the parent, applied as a margin (CSS gap cannot be negative). */
  overlap?: number;
  firstInFlow?: boolean;
}

const TAG_ATTRS = ['role', 'stage', 'lane', 'key', 'index', 'phase'] as const;
const FRAME_LIKE = new Set(['FRAME', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'SECTION']);
const GROUP_LIKE = new Set(['GROUP', 'BOOLEAN_OPERATION']);

// ---------------------------------------------------------------- reading

/** A property, or undefined if it is missing, mixed, or throws on this node type. */
function get<T>(node: unknown, key: string): T | undefined {
  try {
    const value = (node as Record<string, unknown>)[key];
    return typeof value === 'symbol' ? undefined : (value as T);
  } catch {
    return undefined;
  }
}

function num(node: unknown, key: string, fallback = 0): number {
  const v = get<number>(node, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** The plugin's tag entry on a node ('' when none, or when the node has no plugin data). */
function rawTagOf(node: SceneNode): string {
  try {
    // The plugin's tags live in shared plugin data, namespace `journeymap` (src/figma/tags.ts).
    const fn = (node as { getSharedPluginData?: (ns: string, k: string) => string }).getSharedPluginData;
    return typeof fn === 'function' ? String(fn.call(node, 'journeymap', TAG_ENTRY) ?? '') : '';
  } catch {
    return ''; // some node types (or fakes) do not support plugin data
  }
}

/**
 * Tags are stored relative to the tagged ancestor (stage, lane and index inherited), so they
 * are resolved top-down once per render, before any element is written.
 */
const resolvedTags = new WeakMap<object, Tag & { key: string }>();
function resolveTags(node: SceneNode, parent: Tag | undefined): void {
  const tag = decodeTag(rawTagOf(node), parent);
  if (tag) resolvedTags.set(node, tag);
  for (const c of childrenOf(node)) resolveTags(c, tag ?? parent);
}

function pluginData(node: SceneNode, key: (typeof TAG_ATTRS)[number]): string {
  const v = resolvedTags.get(node)?.[key];
  return v === undefined ? '' : String(v);
}

function childrenOf(node: SceneNode): readonly SceneNode[] {
  const c = get<readonly SceneNode[]>(node, 'children');
  return Array.isArray(c) ? c : [];
}

function layoutModeOf(node: SceneNode): Axis | 'NONE' {
  if (!FRAME_LIKE.has(node.type)) return 'NONE';
  const m = get<string>(node, 'layoutMode');
  return m === 'HORIZONTAL' || m === 'VERTICAL' ? m : 'NONE';
}

// ---------------------------------------------------------------- formatting

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function r3(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
const px = (n: number) => `${r3(n)}px`;

function rgba(c: Rgba, opacity = 1): string {
  const ch = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
  const a = Math.min(1, Math.max(0, (c.a ?? 1) * opacity));
  return `rgba(${ch(c.r)},${ch(c.g)},${ch(c.b)},${r3(a)})`;
}

/** Visible solid paints, bottom to top (Figma draws the last paint on top). */
function solids(node: SceneNode, key: 'fills' | 'strokes'): string[] {
  const paints = get<readonly Paint[]>(node, key);
  if (!Array.isArray(paints)) return [];
  return paints
    .filter((p) => p && p.visible !== false && p.type === 'SOLID' && p.color)
    .map((p) => rgba(p.color!, p.opacity ?? 1));
}

const topSolid = (node: SceneNode, key: 'fills' | 'strokes') => solids(node, key).at(-1);

type Style = Array<[string, string | number | undefined]>;
function styleAttr(style: Style): string {
  return style
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
}

function dataAttrs(node: SceneNode): string {
  const attrs: Array<[string, string]> = [
    ['data-node-id', String(get(node, 'id') ?? '')],
    ['data-type', node.type],
    ['data-name', String(get(node, 'name') ?? '')],
  ];
  for (const k of TAG_ATTRS) {
    const v = pluginData(node, k);
    if (v) attrs.push([`data-${k}`, v]);
  }
  return attrs.map(([k, v]) => `${k}="${escapeHtml(v)}"`).join(' ');
}

// ---------------------------------------------------------------- sizing and position

/** How the node sizes along one axis, resolving Figma's rules for what is valid where. */
function sizingOf(node: SceneNode, axis: Axis, ctx: Ctx): Sizing {
  const inFlow =
    (ctx.parent === 'HORIZONTAL' || ctx.parent === 'VERTICAL') && get(node, 'layoutPositioning') !== 'ABSOLUTE';
  let s = get<string>(node, axis === 'HORIZONTAL' ? 'layoutSizingHorizontal' : 'layoutSizingVertical');
  if (s !== 'FIXED' && s !== 'HUG' && s !== 'FILL') s = legacySizing(node, axis, ctx);
  if (s === 'FILL' && !inFlow) s = 'FIXED';
  if (node.type === 'TEXT') {
    if (s === 'FILL') return 'FILL';
    const auto = get<string>(node, 'textAutoResize');
    if (auto === 'WIDTH_AND_HEIGHT') return 'HUG';
    if (auto === 'HEIGHT' && axis === 'VERTICAL') return 'HUG';
    return 'FIXED';
  }
  if (s === 'HUG' && layoutModeOf(node) === 'NONE') return 'FIXED';
  return s as Sizing;
}

/** Older API (primaryAxisSizingMode, layoutGrow, layoutAlign), for nodes without layoutSizing*. */
function legacySizing(node: SceneNode, axis: Axis, ctx: Ctx): Sizing {
  if (ctx.parent === axis && num(node, 'layoutGrow') > 0) return 'FILL';
  if (
    (ctx.parent === 'HORIZONTAL' || ctx.parent === 'VERTICAL') &&
    ctx.parent !== axis &&
    get(node, 'layoutAlign') === 'STRETCH'
  )
    return 'FILL';
  const mode = layoutModeOf(node);
  if (mode === 'NONE') return 'FIXED';
  const sizingMode = get<string>(node, mode === axis ? 'primaryAxisSizingMode' : 'counterAxisSizingMode');
  return sizingMode === 'AUTO' ? 'HUG' : 'FIXED';
}

function boxStyle(node: SceneNode, ctx: Ctx): Style {
  const s: Style = [];
  const absolute = ctx.parent === 'NONE' || get(node, 'layoutPositioning') === 'ABSOLUTE';
  if (absolute) {
    s.push(
      ['position', 'absolute'],
      ['left', px(num(node, 'x') - ctx.origin.x)],
      ['top', px(num(node, 'y') - ctx.origin.y)],
    );
  } else {
    s.push(['position', 'relative']);
  }
  const rotation = num(node, 'rotation');
  // Figma's x/y is the rotated node's own top-left corner, and rotation is counter-clockwise.
  if (rotation) s.push(['transform-origin', '0 0'], ['transform', `rotate(${r3(-rotation)}deg)`]);

  const flowAxis = !absolute && (ctx.parent === 'HORIZONTAL' || ctx.parent === 'VERTICAL') ? ctx.parent : undefined;
  for (const axis of ['HORIZONTAL', 'VERTICAL'] as const) {
    const dim = axis === 'HORIZONTAL' ? 'width' : 'height';
    const sizing = sizingOf(node, axis, ctx);
    if (sizing === 'FIXED') s.push([dim, px(num(node, dim))]);
    else if (sizing === 'HUG') s.push([dim, dim === 'width' ? 'max-content' : 'auto']);
    else if (axis === flowAxis) s.push([`min-${dim}`, '0']);
    else s.push(['align-self', 'stretch'], [`min-${dim}`, '0']);
    const min = get<number | null>(node, dim === 'width' ? 'minWidth' : 'minHeight');
    const max = get<number | null>(node, dim === 'width' ? 'maxWidth' : 'maxHeight');
    if (typeof min === 'number') s.push([`min-${dim}`, px(min)]);
    if (typeof max === 'number') s.push([`max-${dim}`, px(max)]);
  }
  if (flowAxis) {
    s.push(['flex', sizingOf(node, flowAxis, ctx) === 'FILL' ? '1 1 0px' : 'none']);
    if (ctx.overlap && !ctx.firstInFlow)
      s.push([flowAxis === 'HORIZONTAL' ? 'margin-left' : 'margin-top', px(ctx.overlap)]);
  }
  return s;
}

// ---------------------------------------------------------------- look

function radiusStyle(node: SceneNode): Style {
  if (node.type === 'ELLIPSE') return [['border-radius', '50%']];
  const r = get<number>(node, 'cornerRadius');
  if (typeof r === 'number') return r > 0 ? [['border-radius', px(r)]] : [];
  const corners = ['topLeftRadius', 'topRightRadius', 'bottomRightRadius', 'bottomLeftRadius'].map((k) => num(node, k));
  return corners.some((c) => c > 0) ? [['border-radius', corners.map(px).join(' ')]] : [];
}

/** Strokes as an outline: no effect on layout (like Figma), painted above children (like Figma). */
function strokeStyle(node: SceneNode): Style {
  const color = topSolid(node, 'strokes');
  const weight = num(node, 'strokeWeight', 1);
  if (!color || weight <= 0) return [];
  const align = get<string>(node, 'strokeAlign') ?? 'INSIDE';
  const offset = align === 'INSIDE' ? -weight : align === 'CENTER' ? -weight / 2 : 0;
  const dashes = get<number[]>(node, 'dashPattern');
  const style =
    Array.isArray(dashes) && dashes.length > 0 ? (Math.max(...dashes) <= weight ? 'dotted' : 'dashed') : 'solid';
  return [
    ['outline', `${px(weight)} ${style} ${color}`],
    ['outline-offset', px(offset)],
  ];
}

function fillStyle(node: SceneNode): Style {
  const fills = solids(node, 'fills');
  if (fills.length === 0) return [];
  if (fills.length === 1) return [['background-color', fills[0]]];
  // Several paints: stacked layers, CSS lists the top one first.
  return [
    [
      'background-image',
      [...fills]
        .reverse()
        .map((c) => `linear-gradient(${c},${c})`)
        .join(','),
    ],
  ];
}

function effectStyle(node: SceneNode): Style {
  const effects = get<ReadonlyArray<Record<string, unknown>>>(node, 'effects');
  if (!Array.isArray(effects)) return [];
  const shadows: string[] = [];
  let blur: number | undefined;
  for (const e of effects) {
    if (!e || e.visible === false) continue;
    if (e.type === 'DROP_SHADOW' || e.type === 'INNER_SHADOW') {
      const o = (e.offset as { x: number; y: number }) ?? { x: 0, y: 0 };
      const inset = e.type === 'INNER_SHADOW' ? 'inset ' : '';
      shadows.push(
        `${inset}${px(o.x)} ${px(o.y)} ${px(Number(e.radius) || 0)} ${px(Number(e.spread) || 0)} ${rgba(e.color as Rgba)}`,
      );
    } else if (e.type === 'LAYER_BLUR') blur = Number(e.radius) || 0;
  }
  const s: Style = [];
  if (shadows.length) s.push(['box-shadow', shadows.join(',')]);
  if (blur) s.push(['filter', `blur(${px(blur / 2)})`]);
  return s;
}

function commonLook(node: SceneNode): Style {
  const s: Style = [];
  if (get(node, 'visible') === false) s.push(['display', 'none']);
  const opacity = get<number>(node, 'opacity');
  if (typeof opacity === 'number' && opacity < 1) s.push(['opacity', r3(opacity)]);
  return s;
}

// ---------------------------------------------------------------- containers

const JUSTIFY: Record<string, string> = {
  MIN: 'flex-start',
  CENTER: 'center',
  MAX: 'flex-end',
  SPACE_BETWEEN: 'space-between',
};
const ALIGN: Record<string, string> = { MIN: 'flex-start', CENTER: 'center', MAX: 'flex-end', BASELINE: 'baseline' };

function flexStyle(node: SceneNode, mode: Axis): Style {
  const s: Style = [
    ['display', 'flex'],
    ['flex-direction', mode === 'HORIZONTAL' ? 'row' : 'column'],
  ];
  const justify = get<string>(node, 'primaryAxisAlignItems') ?? 'MIN';
  const spacing = num(node, 'itemSpacing');
  // With SPACE_BETWEEN Figma ignores itemSpacing; a negative spacing is done with margins.
  if (justify !== 'SPACE_BETWEEN' && spacing > 0)
    s.push([mode === 'HORIZONTAL' ? 'column-gap' : 'row-gap', px(spacing)]);
  s.push(['justify-content', JUSTIFY[justify] ?? 'flex-start']);
  s.push(['align-items', ALIGN[get<string>(node, 'counterAxisAlignItems') ?? 'MIN'] ?? 'flex-start']);
  if (get(node, 'layoutWrap') === 'WRAP') {
    s.push(['flex-wrap', 'wrap']);
    const counter = num(node, 'counterAxisSpacing');
    if (counter > 0) s.push([mode === 'HORIZONTAL' ? 'row-gap' : 'column-gap', px(counter)]);
    // Figma packs wrapped rows at the start (CSS would stretch them over a fixed height).
    s.push([
      'align-content',
      get(node, 'counterAxisAlignContent') === 'SPACE_BETWEEN' ? 'space-between' : 'flex-start',
    ]);
  }
  const pads = ['paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'].map((k) => num(node, k));
  if (pads.some((p) => p !== 0)) s.push(['padding', pads.map(px).join(' ')]);
  return s;
}

function renderChildren(node: SceneNode, ctx: Ctx): string {
  let first = true;
  return childrenOf(node)
    .map((child) => {
      const inFlow = get(child, 'layoutPositioning') !== 'ABSOLUTE' && get(child, 'visible') !== false;
      const html = renderNode(child, { ...ctx, firstInFlow: first });
      if (inFlow) first = false;
      return html;
    })
    .join('');
}

function renderFrame(node: SceneNode, ctx: Ctx): string {
  const mode = layoutModeOf(node);
  const s: Style = [...boxStyle(node, ctx), ...commonLook(node)];
  if (mode !== 'NONE') s.push(...flexStyle(node, mode));
  s.push(...fillStyle(node), ...radiusStyle(node), ...strokeStyle(node), ...effectStyle(node));
  if (get(node, 'clipsContent') === true) s.push(['overflow', 'hidden']);
  const spacing = num(node, 'itemSpacing');
  const inner: Ctx =
    mode === 'NONE'
      ? { parent: 'NONE', origin: { x: 0, y: 0 } }
      : {
          parent: mode,
          origin: { x: 0, y: 0 },
          overlap: spacing < 0 && get(node, 'primaryAxisAlignItems') !== 'SPACE_BETWEEN' ? spacing : undefined,
        };
  return `<div ${dataAttrs(node)} style="${escapeHtml(styleAttr(s))}">${renderChildren(node, inner)}</div>`;
}

/** Groups are not containers in Figma: their children's x/y are relative to the nearest frame. */
function renderGroup(node: SceneNode, ctx: Ctx): string {
  const s: Style = [...boxStyle(node, ctx), ...commonLook(node), ...effectStyle(node)];
  // Children's x/y are in the same (nearest frame's) space as the group's own x/y.
  const inner: Ctx = { parent: 'NONE', origin: { x: num(node, 'x'), y: num(node, 'y') } };
  return `<div ${dataAttrs(node)} style="${escapeHtml(styleAttr(s))}">${renderChildren(node, inner)}</div>`;
}

// ---------------------------------------------------------------- text

/** CSS weight and style from a Figma font style name ("Semi Bold Italic"). */
export function fontWeightOf(style: string): { weight: number; italic: boolean } {
  const s = style.toLowerCase().replace(/[\s_-]+/g, '');
  const italic = s.includes('italic') || s.includes('oblique');
  const table: Array<[string, number]> = [
    ['thin', 100],
    ['hairline', 100],
    ['extralight', 200],
    ['ultralight', 200],
    ['light', 300],
    ['semibold', 600],
    ['demibold', 600],
    ['extrabold', 800],
    ['ultrabold', 800],
    ['bold', 700],
    ['medium', 500],
    ['black', 900],
    ['heavy', 900],
  ];
  const hit = table.find(([k]) => s.includes(k));
  return { weight: hit ? hit[1] : 400, italic };
}

function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;
}

const CASE: Record<string, string> = { UPPER: 'uppercase', LOWER: 'lowercase', TITLE: 'capitalize' };
const ALIGN_TEXT: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFIED: 'justify' };

function textStyle(node: SceneNode, ctx: Ctx): Style {
  const s: Style = [];
  const font = get<{ family: string; style: string }>(node, 'fontName');
  const family = font?.family ?? 'Inter';
  const { weight, italic } = fontWeightOf(font?.style ?? 'Regular');
  s.push(['font-family', `${cssString(family)},"Inter",sans-serif`], ['font-weight', weight]);
  if (italic) s.push(['font-style', 'italic']);
  const size = num(node, 'fontSize', 12);
  s.push(['font-size', px(size)]);
  const lh = get<{ unit: string; value?: number }>(node, 'lineHeight');
  if (lh?.unit === 'PIXELS' && typeof lh.value === 'number') s.push(['line-height', px(lh.value)]);
  else if (lh?.unit === 'PERCENT' && typeof lh.value === 'number') s.push(['line-height', px((size * lh.value) / 100)]);
  else s.push(['line-height', 'normal']);
  const ls = get<{ unit: string; value: number }>(node, 'letterSpacing');
  if (ls && ls.value) s.push(['letter-spacing', ls.unit === 'PERCENT' ? `${r3(ls.value / 100)}em` : px(ls.value)]);
  s.push(['text-align', ALIGN_TEXT[get<string>(node, 'textAlignHorizontal') ?? 'LEFT'] ?? 'left']);
  const textCase = get<string>(node, 'textCase');
  if (textCase && CASE[textCase]) s.push(['text-transform', CASE[textCase]]);
  if (textCase === 'SMALL_CAPS' || textCase === 'SMALL_CAPS_FORCED') s.push(['font-variant-caps', 'small-caps']);
  const deco = get<string>(node, 'textDecoration');
  if (deco === 'UNDERLINE') s.push(['text-decoration', 'underline']);
  if (deco === 'STRIKETHROUGH') s.push(['text-decoration', 'line-through']);
  s.push(['color', topSolid(node, 'fills') ?? 'transparent']);
  const hug = get(node, 'textAutoResize') === 'WIDTH_AND_HEIGHT' && sizingOf(node, 'HORIZONTAL', ctx) === 'HUG';
  // Newlines are kept in both modes; only fixed-width texts wrap lines (Figma breaks long words too).
  s.push(['white-space', hug ? 'pre' : 'pre-wrap']);
  if (!hug) s.push(['overflow-wrap', 'break-word']);
  const maxLines = get<number | null>(node, 'maxLines');
  if (get(node, 'textTruncation') === 'ENDING' || get(node, 'textAutoResize') === 'TRUNCATE') {
    s.push(['overflow', 'hidden'], ['text-overflow', 'ellipsis']);
    if (typeof maxLines === 'number')
      s.push(['display', '-webkit-box'], ['-webkit-box-orient', 'vertical'], ['-webkit-line-clamp', maxLines]);
  }
  return s;
}

function renderText(node: SceneNode, ctx: Ctx): string {
  let text = String(get(node, 'characters') ?? '');
  // Figma gives an empty text, or a trailing newline, a line of height; HTML would give none.
  if (text === '' || text.endsWith('\n')) text += '\u200b';
  const s: Style = [...boxStyle(node, ctx), ...commonLook(node), ...textStyle(node, ctx)];
  const vertical = get<string>(node, 'textAlignVertical');
  let body = escapeHtml(text);
  if (
    sizingOf(node, 'VERTICAL', ctx) !== 'HUG' &&
    (vertical === 'CENTER' || vertical === 'BOTTOM') &&
    !s.some(([k]) => k === 'display')
  ) {
    s.push(
      ['display', 'flex'],
      ['flex-direction', 'column'],
      ['justify-content', vertical === 'CENTER' ? 'center' : 'flex-end'],
    );
    body = `<span style="display:block">${body}</span>`;
  }
  return `<div ${dataAttrs(node)} style="${escapeHtml(styleAttr(s))}">${body}</div>`;
}

// ---------------------------------------------------------------- shapes

const CAP: Record<string, string> = { NONE: 'butt', ROUND: 'round', SQUARE: 'square' };
const JOIN: Record<string, string> = { MITER: 'miter', BEVEL: 'bevel', ROUND: 'round' };

function svgPaint(node: SceneNode): string {
  const stroke = topSolid(node, 'strokes');
  const weight = num(node, 'strokeWeight', 1);
  const s: Style = [['stroke', stroke && weight > 0 ? stroke : 'none']];
  if (stroke && weight > 0) {
    s.push(['stroke-width', r3(weight)]);
    s.push(['stroke-linecap', CAP[get<string>(node, 'strokeCap') ?? 'NONE'] ?? 'butt']);
    s.push(['stroke-linejoin', JOIN[get<string>(node, 'strokeJoin') ?? 'MITER'] ?? 'miter']);
    const dashes = get<number[]>(node, 'dashPattern');
    if (Array.isArray(dashes) && dashes.length) s.push(['stroke-dasharray', dashes.map(r3).join(' ')]);
  }
  return styleAttr(s);
}

/**
 * The element box has the node's exact size (for measuring); the SVG inside is
 * at least 1px (a zero-size SVG draws nothing) and lets paths overflow, as a
 * straight horizontal line has height 0 in Figma.
 */
function svgBox(node: SceneNode, ctx: Ctx, inner: string): string {
  const s: Style = [...boxStyle(node, ctx), ...commonLook(node), ...effectStyle(node)];
  const w = Math.max(1, num(node, 'width'));
  const h = Math.max(1, num(node, 'height'));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${r3(w)}" height="${r3(h)}" style="position:absolute;left:0;top:0;overflow:visible">${inner}</svg>`;
  return `<div ${dataAttrs(node)} style="${escapeHtml(styleAttr(s))}">${svg}</div>`;
}

function renderVector(node: SceneNode, ctx: Ctx): string {
  const paths = get<ReadonlyArray<{ windingRule?: string; data: string }>>(node, 'vectorPaths') ?? [];
  const fill = topSolid(node, 'fills');
  const paint = svgPaint(node);
  const inner = (Array.isArray(paths) ? paths : [])
    .map((p) => {
      // windingRule NONE is Figma's open path: stroked, never filled.
      const filled = fill && p.windingRule !== 'NONE';
      const rule = p.windingRule === 'EVENODD' ? 'evenodd' : 'nonzero';
      const style = `fill:${filled ? fill : 'none'};fill-rule:${rule};${paint}`;
      return `<path d="${escapeHtml(String(p.data ?? ''))}" style="${escapeHtml(style)}"/>`;
    })
    .join('');
  return svgBox(node, ctx, inner);
}

function renderLine(node: SceneNode, ctx: Ctx): string {
  return svgBox(
    node,
    ctx,
    `<line x1="0" y1="0" x2="${r3(num(node, 'width'))}" y2="0" style="${escapeHtml(svgPaint(node))}"/>`,
  );
}

function renderShape(node: SceneNode, ctx: Ctx): string {
  const s: Style = [
    ...boxStyle(node, ctx),
    ...commonLook(node),
    ...fillStyle(node),
    ...radiusStyle(node),
    ...strokeStyle(node),
    ...effectStyle(node),
  ];
  return `<div ${dataAttrs(node)} style="${escapeHtml(styleAttr(s))}"></div>`;
}

/**
 * FigJam's sticky and shape with text: a box with its text sublayer inside. FigJam shrinks a
 * sticky's text to fit (not documented; approximated by length); a shape's text is centred.
 */
function renderWithText(node: SceneNode, ctx: Ctx): string {
  const sub = get<{ characters?: string; fontName?: { family: string; style: string }; fontSize?: number }>(
    node,
    'text',
  );
  const text = String(get(sub, 'characters') ?? '');
  const sticky = node.type === 'STICKY';
  const shape = get<string>(node, 'shapeType');
  const look: Style = [
    ...boxStyle(node, ctx),
    ...commonLook(node),
    ...fillStyle(node),
    ...strokeStyle(node),
    ['border-radius', sticky ? '3px' : shape === 'ELLIPSE' ? '50%' : shape === 'ROUNDED_RECTANGLE' ? '12px' : '0'],
    ['display', 'flex'],
    ['align-items', sticky ? 'flex-start' : 'center'],
    ['justify-content', sticky ? 'flex-start' : 'center'],
    ['padding', sticky ? '20px' : '10px 14px'],
    ['overflow', 'hidden'],
  ];
  if (sticky) look.push(['box-shadow', '0 2px 4px rgba(0,0,0,0.18)']);
  const font = get<{ family: string; style: string }>(sub, 'fontName');
  const { weight, italic } = fontWeightOf(font?.style ?? 'Regular');
  const given = num(sub, 'fontSize', 16);
  const size = sticky ? (text.length <= 40 ? 24 : text.length <= 90 ? 20 : text.length <= 160 ? 16 : 12) : given;
  const fills = get<readonly Paint[]>(sub, 'fills');
  const colour =
    Array.isArray(fills) && fills[0]?.type === 'SOLID' ? rgba(fills[0].color, fills[0].opacity ?? 1) : '#1e1e1e';
  const inner: Style = [
    ['font-family', `${cssString(font?.family ?? 'Inter')},"Inter",sans-serif`],
    ['font-weight', weight],
    ['font-style', italic ? 'italic' : undefined],
    ['font-size', px(size)],
    ['line-height', '1.25'],
    ['color', colour],
    ['white-space', 'pre-wrap'],
    ['overflow-wrap', 'break-word'],
    ['text-align', sticky ? 'left' : 'center'],
    ['max-width', '100%'],
  ];
  return `<div ${dataAttrs(node)} style="${escapeHtml(styleAttr(look))}"><div style="${escapeHtml(styleAttr(inner))}">${escapeHtml(text)}</div></div>`;
}

// ---------------------------------------------------------------- entry points

function renderNode(node: SceneNode, ctx: Ctx): string {
  if (FRAME_LIKE.has(node.type)) return renderFrame(node, ctx);
  if (GROUP_LIKE.has(node.type)) return renderGroup(node, ctx);
  switch (node.type) {
    case 'TEXT':
      return renderText(node, ctx);
    case 'VECTOR':
      return renderVector(node, ctx);
    case 'LINE':
      return renderLine(node, ctx);
    case 'STICKY':
    case 'SHAPE_WITH_TEXT':
      return renderWithText(node, ctx);
    default:
      return renderShape(node, ctx); // ELLIPSE, RECTANGLE, and a box for anything else
  }
}

/** The node's HTML fragment alone (one element, positioned at 0,0 of its container). */
export function renderNodeFragment(node: SceneNode): string {
  resolveTags(node, undefined);
  // The root is rendered as if it were alone on the canvas: its own x/y do not matter.
  if (GROUP_LIKE.has(node.type)) {
    const x = num(node, 'x');
    const y = num(node, 'y');
    const s: Style = [
      ['position', 'relative'],
      ['width', px(num(node, 'width'))],
      ['height', px(num(node, 'height'))],
      ...commonLook(node),
    ];
    return `<div ${dataAttrs(node)} style="${escapeHtml(styleAttr(s))}">${renderChildren(node, { parent: 'NONE', origin: { x, y } })}</div>`;
  }
  return renderNode(node, { parent: 'ROOT', origin: { x: 0, y: 0 } });
}

/** A complete HTML document showing `node` (top-left at the page's top-left plus `padding`). */
export function renderNodeToHtml(node: SceneNode, options: RenderHtmlOptions = {}): string {
  const scale = options.scale ?? 1;
  const background = options.background ?? '#f5f5f5';
  const padding = options.padding ?? 0;
  const title = escapeHtml(String(get(node, 'name') ?? 'node'));
  const css = [
    'html,body{margin:0;padding:0}',
    `body{background:${background.replace(/[<>;{}]/g, '')}}`,
    `#root{display:inline-block;vertical-align:top;padding:${px(padding)};zoom:${r3(scale)}}`,
    '#root,#root *{box-sizing:border-box;margin:0}',
    // Figma renders text without synthesised bold/italic and with kerning on.
    '#root{font-kerning:normal;font-synthesis:none;-webkit-font-smoothing:antialiased}',
  ].join('\n');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>${title}</title><style>${css}</style></head>` +
    `<body><div id="root">${renderNodeFragment(node)}</div></body></html>`
  );
}
