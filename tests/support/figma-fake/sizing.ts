/**
 * layoutSizingHorizontal / layoutSizingVertical, derived like Figma derives them.
 * Typings (plugin-api.d.ts, layoutSizingHorizontal): "a shorthand for setting layoutGrow,
 * layoutAlign, primaryAxisSizingMode, and counterAxisSizingMode ... "HUG" is only valid on
 * auto-layout frames and text nodes. "FILL" is only valid on auto-layout children. Setting
 * these values when they don't apply will throw an error."
 * So nothing is stored here: reads are computed from the underlying properties and writes
 * change them, which keeps both views consistent (as in Figma).
 */
import type { FakeNode } from './nodes';

type Axis = 'H' | 'V';
export type Sizing = 'FIXED' | 'HUG' | 'FILL';

const axisOfLayout = (mode: unknown): Axis => (mode === 'HORIZONTAL' ? 'H' : 'V');

/** True when the node fills its auto-layout parent along `axis`. */
function fills(node: FakeNode, axis: Axis): boolean {
  const p = node.parentNode;
  if (!p || !p.isAutoLayout() || node.props.layoutPositioning === 'ABSOLUTE') return false;
  return axis === axisOfLayout(p.props.layoutMode) ? node.props.layoutGrow === 1 : node.props.layoutAlign === 'STRETCH';
}

function hugs(node: FakeNode, axis: Axis): boolean {
  if (node.isAutoLayout()) {
    const primary = axis === axisOfLayout(node.props.layoutMode);
    return (primary ? node.props.primaryAxisSizingMode : node.props.counterAxisSizingMode) === 'AUTO';
  }
  if (node.type === 'TEXT') {
    const r = node.props.textAutoResize;
    return axis === 'H' ? r === 'WIDTH_AND_HEIGHT' : r === 'WIDTH_AND_HEIGHT' || r === 'HEIGHT';
  }
  return false;
}

export function readSizing(node: FakeNode, axis: Axis): Sizing {
  if (fills(node, axis)) return 'FILL';
  return hugs(node, axis) ? 'HUG' : 'FIXED';
}

function setFill(node: FakeNode, axis: Axis, on: boolean): void {
  const p = node.parentNode;
  if (!p || !p.isAutoLayout()) return;
  if (axis === axisOfLayout(p.props.layoutMode)) node.props.layoutGrow = on ? 1 : 0;
  else node.props.layoutAlign = on ? 'STRETCH' : 'INHERIT';
}

function setHug(node: FakeNode, axis: Axis, on: boolean): void {
  if (node.isAutoLayout()) {
    const key = axis === axisOfLayout(node.props.layoutMode) ? 'primaryAxisSizingMode' : 'counterAxisSizingMode';
    node.props[key] = on ? 'AUTO' : 'FIXED';
  } else if (node.type === 'TEXT') {
    const r = node.props.textAutoResize;
    if (axis === 'H') {
      if (on) node.props.textAutoResize = 'WIDTH_AND_HEIGHT';
      else if (r === 'WIDTH_AND_HEIGHT') node.props.textAutoResize = 'HEIGHT';
    } else if (on) {
      if (r === 'NONE' || r === 'TRUNCATE') node.props.textAutoResize = 'HEIGHT';
    } else if (r === 'HEIGHT' || r === 'WIDTH_AND_HEIGHT') {
      node.props.textAutoResize = 'NONE';
    }
  }
}

export function writeSizing(node: FakeNode, prop: string, axis: Axis, value: unknown): void {
  if (value !== 'FIXED' && value !== 'HUG' && value !== 'FILL') {
    throw new Error(
      `in set_${prop}: Invalid enum value. Expected 'FIXED' | 'HUG' | 'FILL', received '${String(value)}'`,
    );
  }
  if (value === 'FILL' && !(node.parentNode && node.parentNode.isAutoLayout())) {
    throw new Error(`in set_${prop}: FILL can only be set on children of auto-layout frames`);
  }
  if (value === 'FILL' && node.props.layoutPositioning === 'ABSOLUTE') {
    throw new Error(`in set_${prop}: FILL cannot be set on absolutely positioned children`);
  }
  if (value === 'HUG' && !(node.isAutoLayout() || node.type === 'TEXT')) {
    throw new Error(`in set_${prop}: HUG can only be set on auto-layout frames and text nodes`);
  }
  setFill(node, axis, value === 'FILL');
  // A frame cannot both hug its children and fill its parent (typings, layoutGrow/layoutAlign).
  setHug(node, axis, value === 'HUG');
}
