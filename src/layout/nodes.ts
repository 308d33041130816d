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

export interface FrameOptions {
  layout: 'HORIZONTAL' | 'VERTICAL' | 'NONE';
  /** Horizontal / vertical sizing inside an auto-layout parent (omit for NONE parents). */
  sizing?: [Sizing, Sizing];
  size?: { width: number; height: number };
  gap?: number;
  padding?: number | [number, number] | [number, number, number, number];
  fill?: string | null;
  fillOpacity?: number;
  stroke?: string;
  radius?: number;
  align?: NodeProps['counterAxisAlignItems'];
  justify?: NodeProps['primaryAxisAlignItems'];
  clip?: boolean;
  x?: number;
  y?: number;
}

function paddingProps(p: FrameOptions['padding']): Partial<NodeProps> {
  if (p === undefined) return { paddingTop: 0, paddingRight: 0, paddingBottom: 0, paddingLeft: 0 };
  const [t, r, b, l] = typeof p === 'number' ? [p, p, p, p] : p.length === 2 ? [p[0], p[1], p[0], p[1]] : p;
  return { paddingTop: t, paddingRight: r, paddingBottom: b, paddingLeft: l };
}

export function frame(key: string, name: string, tag: Tag, o: FrameOptions, children: NodeSpec[] = []): NodeSpec {
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

export interface TextOptions {
  color: string;
  /** FILL: as wide as the auto-layout parent; HUG: as wide as the text; FIXED: `width`. */
  width: 'FILL' | 'HUG' | number;
  align?: NodeProps['textAlignHorizontal'];
  upper?: boolean;
  letterSpacing?: number;
  /** Absolute position, for texts inside non-auto-layout frames (emotion notes). */
  x?: number;
  y?: number;
}

export function text(
  key: string,
  name: string,
  tag: Tag,
  characters: string,
  style: TextStyle,
  fonts: Fonts,
  o: TextOptions,
): NodeSpec {
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

/**
 * A stroked path in its parent's coordinates. No `size`: resizing a vector
 * scales its path. The reconciler writes x/y right before every vectorPaths
 * write, so the result is right whether or not Figma moves the node to the
 * path's bounding box when the path is set.
 */
export function vector(
  key: string,
  name: string,
  tag: Tag,
  data: string,
  o: { stroke: SolidPaintSpec[]; weight: number; dash?: number[] },
): NodeSpec {
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
