/**
 * Removed nodes in the strict fake: as in Figma, any use of a removed node
 * throws 'in <op>: The node with id "…" does not exist'; only `removed` and
 * `id` stay readable (typings, BaseNode.removed). Descendants go with it.
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();

/** Every kind of use: reads, writes and method calls. */
const USES: Array<[string, (n: FrameNode) => unknown]> = [
  ['read name', (n) => n.name],
  ['read parent', (n) => n.parent],
  ['read x', (n) => n.x],
  ['read width', (n) => n.width],
  ['read fills', (n) => n.fills],
  ['read children', (n) => n.children],
  ['read type', (n) => n.type],
  ['write name', (n) => (n.name = 'x')],
  ['write x', (n) => (n.x = 5)],
  ['write opacity', (n) => (n.opacity = 0.5)],
  ['getPluginData', (n) => n.getPluginData('k')],
  ['setPluginData', (n) => n.setPluginData('k', 'v')],
  ['appendChild', (n) => n.appendChild(ctx.figma.createRectangle())],
  ['clone', (n) => n.clone()],
  ['resize', (n) => n.resize(10, 10)],
  ['remove', (n) => n.remove()],
  ['findAll', (n) => n.findAll()],
];

function removedTree(): { frame: FrameNode; inner: FrameNode; leaf: FrameNode } {
  const frame = ctx.figma.createFrame();
  const inner = ctx.figma.createFrame();
  const leaf = ctx.figma.createFrame();
  frame.appendChild(inner);
  inner.appendChild(leaf);
  frame.remove();
  return { frame, inner, leaf };
}

describe('after remove()', () => {
  it.each(USES)('%s throws on the removed node', (_, use) => {
    const { frame } = removedTree();
    expect(() => use(frame)).toThrow(`The node with id "${frame.id}" does not exist`);
  });

  it.each(USES)('%s throws on a child and a grandchild of the removed node', (_, use) => {
    const { inner, leaf } = removedTree();
    expect(() => use(inner)).toThrow(`The node with id "${inner.id}" does not exist`);
    expect(() => use(leaf)).toThrow(`The node with id "${leaf.id}" does not exist`);
  });

  it('names the operation like Figma (get_, set_, method)', () => {
    const { frame } = removedTree();
    expect(() => frame.name).toThrow(/^in get_name: /);
    expect(() => (frame.name = 'x')).toThrow(/^in set_name: /);
    expect(() => frame.clone()).toThrow(/^in clone: /);
  });

  it('keeps `removed` and `id` readable on the node and its descendants', () => {
    const live = ctx.figma.createFrame();
    expect(live.removed).toBe(false);
    const { frame, inner, leaf } = removedTree();
    expect([frame.removed, inner.removed, leaf.removed]).toEqual([true, true, true]);
    expect(new Set([frame.id, inner.id, leaf.id]).size).toBe(3);
    for (const id of [frame.id, inner.id, leaf.id]) expect(id).toMatch(/^\d+:\d+$/);
  });

  it('takes the node out of its parent', () => {
    const parent = ctx.figma.createFrame();
    const a = ctx.figma.createRectangle();
    const b = ctx.figma.createRectangle();
    parent.appendChild(a);
    parent.appendChild(b);
    a.remove();
    expect(parent.children).toEqual([b]);
    expect(ctx.figma.currentPage.children).toEqual([parent]);
  });

  it('a method fetched before remove() throws when called after', () => {
    const r = ctx.figma.createRectangle();
    const setData = r.setPluginData.bind(r);
    r.remove();
    expect(() => setData('k', 'v')).toThrow(/does not exist/);
  });

  it('a removed node can still be awaited and compared by tests', async () => {
    const { frame } = removedTree();
    expect(await Promise.resolve(frame)).toBe(frame);
    expect([frame]).toEqual([frame]);
  });

  it('a removed node cannot be appended anywhere', () => {
    const { leaf } = removedTree();
    const host = ctx.figma.createFrame();
    expect(() => host.appendChild(leaf)).toThrow(`in insertChild: The node with id "${leaf.id}" does not exist`);
    expect(host.children).toEqual([]);
  });
});
