/**
 * The per-node record of what the plugin last wrote: name, tag, size, props, and
 * any geometry a reader needs to interpret the node later. Stored on every
 * managed node under `spec` (shared plugin data, see node-data.ts).
 *
 * This module owns the record both ways: the reconciler writes it after
 * writing a node and compares against it on the next update (so a prop is
 * written only when the data asks for a different value, and a designer's
 * styling survives); the reader parses it to tell a dragged marker from one
 * where the plugin put it, and to turn a marker's height back into a score
 * with the geometry the map was drawn with, not today's theme constants.
 */
import type { NodeProps, NodeSpec } from '../layout/spec';
import { getData, setData } from './node-data';

export const SPEC_KEY = 'spec';

export interface Written {
  name: string;
  /** The tag written with it (tags.ts), so a changed tag is never skipped as "unchanged". */
  tag?: NodeSpec['tag'];
  size?: { width: number; height: number };
  props: NodeProps;
  /** Layout facts stored with the node for the reader (e.g. the emotion area's geometry). */
  meta?: NodeSpec['meta'];
}

export function writtenJson(spec: NodeSpec): string {
  const written: Written = { name: spec.name, tag: spec.tag, props: spec.props };
  if (spec.size) written.size = spec.size;
  if (spec.meta) written.meta = spec.meta;
  return JSON.stringify(written);
}

/** The raw record, for a cheap equality check before parsing. */
export function rawWritten(node: BaseNode): string {
  return getData(node, SPEC_KEY);
}

/** The parsed record, or undefined where there is none or it is corrupted (then everything is rewritten). */
export function readWritten(node: BaseNode): Written | undefined {
  const raw = rawWritten(node);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Written;
    return parsed && typeof parsed === 'object' && parsed.props && typeof parsed.props === 'object'
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

export function recordWritten(node: BaseNode, spec: NodeSpec): void {
  const json = writtenJson(spec);
  if (rawWritten(node) !== json) setData(node, SPEC_KEY, json);
}
