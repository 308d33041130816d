/**
 * Small constructors for NodeSpecs, so map-spec.ts reads as a description of
 * the map rather than a list of Figma properties.
 */
import type { FontNameSpec, NodeProps, NodeSpec, SolidPaintSpec, Tag } from './spec';
import type { FontRole } from './theme';
import { solid } from './theme';

export type Fonts = Record<FontRole, FontNameSpec>;

export interface TextStyle {
  font: FontRole;
  size: number;
  line: number;
}

type Sizing = 'FIXED' | 'HUG' | 'FILL';

/** What every managed node has, whatever its type. */
interface NodeIdentity {
  /** Stable among its siblings: the reconciler matches canvas nodes to specs by it. */
  key: string;
  /** The layer name shown in Figma. */
  name: string;
  /** What the node stands for; stored on the node as plugin data. */
  tag: Tag;
}

export interface FrameOptions extends NodeIdentity {
  /** Auto-layout direction, or NONE for a frame whose children are placed by x/y. */
  layout: 'HORIZONTAL' | 'VERTICAL' | 'NONE';
  /** Horizontal / vertical sizing inside an auto-layout parent (omit for NONE parents). */
  sizing?: [Sizing, Sizing];
  /** `resize(width, height)` before the sizing modes are set; a HUG or FILL axis then overrides it. */
  size?: { width: number; height: number };
  /** Space between children along the layout axis (auto-layout only; default 0). */
  gap?: number;
  /** All sides; [vertical, horizontal]; or [top, right, bottom, left] (auto-layout only; default 0). */
  padding?: number | [number, number] | [number, number, number, number];
  /** Solid fill colour (hex); null or omitted for no fill. */
  fill?: string | null;
  /** Opacity of `fill`, 0 to 1. */
  fillOpacity?: number;
  /** Colour (hex) of a 1px inside stroke; omitted for none. */
  stroke?: string;
  /** Corner radius. */
  radius?: number;
  /** Cross-axis alignment of the children (auto-layout only; default MIN). */
  align?: NodeProps['counterAxisAlignItems'];
  /** Main-axis alignment of the children (auto-layout only; default MIN). */
  justify?: NodeProps['primaryAxisAlignItems'];
  /** Whether the frame clips its children (default false). */
  clip?: boolean;
  /** Absolute position, for frames inside non-auto-layout frames (emotion notes). */
  x?: number;
  y?: number;
  /** Child specs, in canvas order (back to front). */
  children?: NodeSpec[];
}

function paddingProps(p: FrameOptions['padding']): Partial<NodeProps> {
  if (p === undefined) return { paddingTop: 0, paddingRight: 0, paddingBottom: 0, paddingLeft: 0 };
  const [t, r, b, l] = typeof p === 'number' ? [p, p, p, p] : p.length === 2 ? [p[0], p[1], p[0], p[1]] : p;
  return { paddingTop: t, paddingRight: r, paddingBottom: b, paddingLeft: l };
}

export function frame(o: FrameOptions): NodeSpec {
  const { key, name, tag, children = [] } = o;
  const props: NodeProps = { layoutMode: o.layout };
  if (o.layout !== 'NONE') {
    Object.assign(props, paddingProps(o.padding), { itemSpacing: o.gap ?? 0 });
    props.counterAxisAlignItems = o.align ?? 'MIN';
    props.primaryAxisAlignItems = o.justify ?? 'MIN';
  }
  props.fills = o.fill ? solid(o.fill, o.fillOpacity) : [];
  if (o.stroke) {
    props.strokes = solid(o.stroke);
    props.strokeWeight = 1;
    props.strokeAlign = 'INSIDE';
  }
  if (o.radius !== undefined) props.cornerRadius = o.radius;
  props.clipsContent = o.clip ?? false;
  if (o.x !== undefined) props.x = o.x;
  if (o.y !== undefined) props.y = o.y;
  if (o.sizing) {
    props.layoutSizingHorizontal = o.sizing[0];
    props.layoutSizingVertical = o.sizing[1];
  }
  const spec: NodeSpec = { type: 'FRAME', key, name, tag, props, children };
  if (o.size) spec.size = o.size;
  return spec;
}

export interface TextOptions extends NodeIdentity {
  /** The text itself. */
  characters: string;
  /** Font role, size and line height (one of theme.ts's TYPE). */
  style: TextStyle;
  /** The font each role resolves to, as loaded in this file. */
  fonts: Fonts;
  /** Text colour (hex). */
  color: string;
  /** FILL: as wide as the auto-layout parent; HUG: as wide as the text; FIXED: `width`. */
  width: 'FILL' | 'HUG' | number;
  /** Horizontal alignment (default LEFT). */
  align?: NodeProps['textAlignHorizontal'];
  /** Shown in capitals (the characters are kept as given). */
  upper?: boolean;
  /** Letter spacing in percent of the font size. */
  letterSpacing?: number;
  /** Absolute position, for texts inside non-auto-layout frames (emotion notes). */
  x?: number;
  y?: number;
  /**
   * A text that may carry an evidence link: its URL, or null for none (so a link the designer
   * added is taken off when the data has none). Left out for texts that never carry links.
   */
  link?: string | null;
}

export function text(o: TextOptions): NodeSpec {
  const { key, name, tag, characters, style, fonts } = o;
  const absolute = o.x !== undefined;
  const props: NodeProps = {
    fontName: fonts[style.font],
    fontSize: style.size,
    lineHeight: { unit: 'PIXELS', value: style.line },
    fills: solid(o.color),
    textAlignHorizontal: o.align ?? 'LEFT',
    textAutoResize: o.width === 'HUG' ? 'WIDTH_AND_HEIGHT' : 'HEIGHT',
    characters,
  };
  if (o.upper) props.textCase = 'UPPER';
  if (o.letterSpacing !== undefined) props.letterSpacing = { unit: 'PERCENT', value: o.letterSpacing };
  if (o.link !== undefined) props.hyperlink = o.link === null ? null : { type: 'URL', value: o.link };
  if (o.link) props.textDecoration = 'UNDERLINE';
  if (absolute) {
    props.x = o.x;
    props.y = o.y;
  } else {
    props.layoutSizingHorizontal = o.width === 'FILL' ? 'FILL' : o.width === 'HUG' ? 'HUG' : 'FIXED';
    props.layoutSizingVertical = 'HUG';
  }
  const spec: NodeSpec = { type: 'TEXT', key, name, tag, props };
  if (typeof o.width === 'number') spec.size = { width: o.width, height: style.line };
  return spec;
}

export interface VectorOptions extends NodeIdentity {
  /** SVG path data, in the parent's coordinates. */
  data: string;
  /** Stroke paints. */
  stroke: SolidPaintSpec[];
  /** Stroke weight. */
  weight: number;
  /** Dash and gap lengths; omitted for a solid line. */
  dash?: number[];
}

/**
 * A stroked path in its parent's coordinates. No `size`: resizing a vector
 * scales its path. The reconciler writes x/y right before every vectorPaths
 * write, so the result is right whether or not Figma moves the node to the
 * path's bounding box when the path is set.
 */
export function vector(o: VectorOptions): NodeSpec {
  const { key, name, tag, data } = o;
  const props: NodeProps = {
    x: 0,
    y: 0,
    vectorPaths: [{ windingRule: 'NONE', data }],
    strokes: o.stroke,
    strokeWeight: o.weight,
    strokeCap: 'ROUND',
    fills: [],
  };
  if (o.dash) props.dashPattern = o.dash;
  return { type: 'VECTOR', key, name, tag, props };
}
