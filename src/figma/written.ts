/**
 * What the plugin last wrote on a node, both ways.
 *
 * - `specHash(spec)`: a short hash of the record of a NodeSpec (name, tag, size,
 *   props, meta), stored in the node's tag (tags.ts). On the next update the
 *   reconciler compares it with the hash of what it would write now: equal means
 *   nothing to write. The props written last are not stored per node: they are
 *   the previous spec, rebuilt from the map stored on the frame with the options
 *   it was drawn with (storage.ts), and trusted only where its hash matches.
 * - The emotion area's geometry (`g`, on emotion-area nodes only): the reader
 *   turns a marker's height back into a score with the geometry the map was
 *   drawn with, not today's theme constants.
 */
import type { EmotionArea } from '../layout/emotion';
import type { NodeSpec } from '../layout/spec';
import { getData, setData } from './node-data';

const GEOMETRY_ENTRY = 'g';

/** The record whose hash is stored. Its JSON is also what maps made before 0.3.0 stored whole, as `spec`. */
export function writtenJson(spec: NodeSpec): string {
  const written: Record<string, unknown> = { name: spec.name, tag: spec.tag, props: spec.props };
  if (spec.size) written.size = spec.size;
  if (spec.meta) written.meta = spec.meta;
  return JSON.stringify(written);
}

/** FNV-1a (32 bits) of a string, in base 36: short, and a changed record changes it. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function specHash(spec: NodeSpec): string {
  return hashText(writtenJson(spec));
}

export function writeGeometry(node: BaseNode, spec: NodeSpec, known?: string): void {
  const g = spec.meta?.emotionArea;
  const value = g ? `${g.height},${g.padTop},${g.padBottom}` : '';
  if ((known ?? getData(node, GEOMETRY_ENTRY)) !== value) setData(node, GEOMETRY_ENTRY, value);
}

export function readGeometry(node: BaseNode): EmotionArea | undefined {
  const raw = getData(node, GEOMETRY_ENTRY);
  if (!raw) return undefined;
  const [height, padTop, padBottom] = raw.split(',').map(Number);
  const ok = [height, padTop, padBottom].every((n) => Number.isFinite(n)) && height - padTop - padBottom > 0;
  return ok ? { height, padTop, padBottom } : undefined;
}
