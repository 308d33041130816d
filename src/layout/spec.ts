/**
 * A NodeSpec is the plain-data description of one Figma node the plugin
 * manages: what layout wants on the canvas. Layout builds a tree of them from a
 * map (pure, testable without Figma); src/figma/reconcile.ts makes the canvas
 * match it, creating, updating or removing nodes keyed by `key`.
 *
 * `props` uses Figma's own property names so the reconciler can apply them
 * generically; it only ever writes a prop whose value differs from what it
 * wrote last time, which is what keeps a designer's styling on untouched nodes.
 */
import type { EmotionArea } from './emotion';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** What a managed node stands for; stored on the node as plugin data (see src/figma/tags.ts). */
export type Role =
  | 'map'
  | 'header'
  | 'title-block'
  | 'title'
  | 'subtitle'
  | 'objective'
  | 'persona'
  | 'personas'
  | 'persona-identity'
  | 'persona-avatar'
  | 'persona-initials'
  | 'persona-column'
  | 'persona-section-title'
  | 'persona-name'
  | 'persona-role'
  | 'persona-quote'
  | 'persona-description'
  | 'persona-goals'
  | 'persona-goals-title'
  | 'persona-goal'
  | 'persona-frustrations'
  | 'persona-frustrations-title'
  | 'persona-frustration'
  | 'grid'
  | 'phase-row'
  | 'phase'
  | 'phase-label'
  | 'stage-row'
  | 'stage-row-label'
  | 'stage-header'
  | 'stage-name'
  | 'stage-description'
  | 'lane'
  | 'lane-label'
  | 'lane-title'
  | 'cell'
  | 'cell-text'
  | 'card'
  | 'card-text'
  | 'metric-value'
  | 'metric-target'
  | 'divider-line'
  | 'emotion-area'
  | 'emotion-baseline'
  | 'emotion-curve'
  | 'emotion-marker'
  | 'emotion-note'
  | 'emotion-note-pill'
  | 'emotion-note-text'
  | 'emotion-legend'
  | 'emotion-legend-swatch'
  | 'emotion-legend-text'
  | 'emotion-axis'
  | 'spacer'
  | 'holding'
  // Moments of truth (src/layout/parts/moments.ts)
  | 'moment-label'
  | 'moment-note'
  | 'moment-band'
  | 'moment-ring'
  | 'moment-legend'
  | 'moment-legend-title'
  | 'moment-legend-item'
  | 'moment-legend-dot'
  | 'moment-legend-name'
  | 'moment-legend-note'
  // A comparison frame beside a map, and what it adds to the map's drawing (src/figma/compare-frame.ts)
  | 'comparison';

export interface Tag {
  role: Role;
  /** Stage id the node belongs to (columns, cells, markers). */
  stage?: string;
  /** Lane id the node belongs to (rows, cells, cards, curve). */
  lane?: string;
  /** Position within a list (card number in a cell, goal number, curve segment). */
  index?: number;
  /** Phase band: the phase label text. */
  phase?: string;
}

export interface SolidPaintSpec {
  type: 'SOLID';
  color: Rgb;
  opacity?: number;
  /** The Figma variable the colour is bound to (src/figma/variables.ts); layout never sets it. */
  boundVariables?: { color: { type: 'VARIABLE_ALIAS'; id: string } };
}

export interface FontNameSpec {
  family: string;
  style: string;
}

/** Props the reconciler knows how to write, by Figma property name. */
export interface NodeProps {
  // geometry (for children of non-auto-layout frames, or the top frame)
  x?: number;
  y?: number;
  layoutPositioning?: 'AUTO' | 'ABSOLUTE';
  // auto-layout container
  layoutMode?: 'NONE' | 'HORIZONTAL' | 'VERTICAL';
  itemSpacing?: number;
  paddingTop?: number;
  paddingRight?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  primaryAxisAlignItems?: 'MIN' | 'CENTER' | 'MAX' | 'SPACE_BETWEEN';
  counterAxisAlignItems?: 'MIN' | 'CENTER' | 'MAX' | 'BASELINE';
  layoutWrap?: 'NO_WRAP' | 'WRAP';
  counterAxisSpacing?: number;
  clipsContent?: boolean;
  // sizing inside auto-layout (written after the node is in its parent, after resize)
  layoutSizingHorizontal?: 'FIXED' | 'HUG' | 'FILL';
  layoutSizingVertical?: 'FIXED' | 'HUG' | 'FILL';
  // look
  fills?: SolidPaintSpec[];
  strokes?: SolidPaintSpec[];
  strokeWeight?: number;
  strokeAlign?: 'INSIDE' | 'OUTSIDE' | 'CENTER';
  strokeCap?: 'NONE' | 'ROUND' | 'SQUARE';
  dashPattern?: number[];
  cornerRadius?: number;
  opacity?: number;
  // text (fontName is written before characters; the font must be loaded)
  fontName?: FontNameSpec;
  fontSize?: number;
  lineHeight?: { unit: 'PIXELS'; value: number } | { unit: 'AUTO' };
  letterSpacing?: { unit: 'PERCENT' | 'PIXELS'; value: number };
  textAutoResize?: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE';
  textAlignHorizontal?: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED';
  textCase?: 'ORIGINAL' | 'UPPER';
  characters?: string;
  /** An evidence link on the whole text (null: none); written after the characters. */
  hyperlink?: { type: 'URL'; value: string } | null;
  textDecoration?: 'NONE' | 'UNDERLINE';
  // vector
  vectorPaths?: Array<{ windingRule: 'NONZERO' | 'EVENODD' | 'NONE'; data: string }>;
}

export type NodeType = 'FRAME' | 'TEXT' | 'VECTOR' | 'ELLIPSE' | 'RECTANGLE';

export interface NodeSpec {
  type: NodeType;
  /** Unique among its siblings and stable across renders (e.g. `stage:discover`). */
  key: string;
  name: string;
  tag: Tag;
  /** `resize(w, h)` before any sizing mode is set. Omit to leave Figma's size (e.g. hugging text). */
  size?: { width: number; height: number };
  props: NodeProps;
  /** Facts stored with the node for the reader, not written to Figma (see src/figma/written.ts). */
  meta?: { emotionArea?: EmotionArea };
  children?: NodeSpec[];
}
