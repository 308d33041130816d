/**
 * Tests look at a node's tag field by field. Tags are one entry per node, with
 * stage, lane and index inherited from tagged ancestors (src/figma/tags.ts), so
 * a node's tag is resolved from the top of its map down.
 */
import { decodeTag, rawTag, type StoredTag } from '../../src/figma/tags';
import type { Tag } from '../../src/layout/spec';

export function tagOf(node: BaseNode): StoredTag | undefined {
  const chain: BaseNode[] = [];
  for (let n: BaseNode | null = node; n && n.type !== 'PAGE' && n.type !== 'DOCUMENT'; n = n.parent) chain.unshift(n);
  let parent: Tag | undefined;
  let tag: StoredTag | undefined;
  for (const n of chain) {
    tag = decodeTag(rawTag(n), parent);
    if (tag) parent = tag;
  }
  return tag;
}

/** One field of a node's tag as the string the old per-field entries held ('' when absent). */
export function tagField(node: BaseNode, field: keyof StoredTag): string {
  const v = tagOf(node)?.[field];
  return v === undefined ? '' : String(v);
}
