/**
 * The node tree in the strict fake: only containers take children, no cycles,
 * insertChild indexes are checked, re-parenting moves the node, clone() puts
 * a copy with new ids right after the original, and resize() wants >= 0.01.
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();

const LEAVES: Array<[string, () => SceneNode]> = [
  ['text', () => ctx.figma.createText()],
  ['rectangle', () => ctx.figma.createRectangle()],
  ['vector', () => ctx.figma.createVector()],
  ['ellipse', () => ctx.figma.createEllipse()],
];

describe('children only in containers', () => {
  it.each(LEAVES)('a %s has no appendChild or insertChild', (_, make) => {
    const leaf = make() as unknown as FrameNode;
    const r = ctx.figma.createRectangle();
    expect(() => leaf.appendChild(r)).toThrow(/does not exist on this node type/);
    expect(() => leaf.insertChild(0, r)).toThrow(/does not exist on this node type/);
    expect('appendChild' in leaf).toBe(false);
    expect(r.parent).toBe(ctx.figma.currentPage);
  });

  it('frames, groups and pages take children', () => {
    const f = ctx.figma.createFrame();
    const r = ctx.figma.createRectangle();
    f.appendChild(r);
    expect(r.parent).toBe(f);
    const g = ctx.figma.group([ctx.figma.createRectangle()], ctx.figma.currentPage);
    const e = ctx.figma.createEllipse();
    g.appendChild(e);
    expect(e.parent).toBe(g);
  });
});

describe('no parenting cycles', () => {
  it('refuses appending a node into itself, its child or its grandchild', () => {
    const outer = ctx.figma.createFrame();
    const mid = ctx.figma.createFrame();
    const inner = ctx.figma.createFrame();
    outer.appendChild(mid);
    mid.appendChild(inner);
    expect(() => outer.appendChild(outer)).toThrow('Cannot move node. Doing so would create a parenting cycle');
    expect(() => mid.appendChild(outer)).toThrow(/parenting cycle/);
    expect(() => inner.appendChild(outer)).toThrow(/parenting cycle/);
    expect(() => inner.insertChild(0, mid)).toThrow(/parenting cycle/);
    // Nothing moved.
    expect([outer.parent, mid.parent, inner.parent]).toEqual([ctx.figma.currentPage, outer, mid]);
  });
});

describe('insertChild indexes', () => {
  function frameWith(n: number): { f: FrameNode; kids: RectangleNode[] } {
    const f = ctx.figma.createFrame();
    const kids = Array.from({ length: n }, () => {
      const r = ctx.figma.createRectangle();
      f.appendChild(r);
      return r;
    });
    return { f, kids };
  }

  it('throws past the end, below zero and for a fractional index', () => {
    const { f } = frameWith(2);
    const r = ctx.figma.createRectangle();
    expect(() => f.insertChild(3, r)).toThrow(
      'Cannot insert node at index greater than the number of existing siblings',
    );
    expect(() => f.insertChild(-1, r)).toThrow(/index/);
    expect(() => f.insertChild(0.5, r)).toThrow(/index/);
    expect(r.parent).toBe(ctx.figma.currentPage);
    expect(f.children.length).toBe(2);
  });

  it('accepts index == length (append) and 0 (front)', () => {
    const { f, kids } = frameWith(2);
    const last = ctx.figma.createRectangle();
    const first = ctx.figma.createRectangle();
    f.insertChild(2, last);
    f.insertChild(0, first);
    expect(f.children).toEqual([first, kids[0], kids[1], last]);
  });

  it('reorders within the same parent', () => {
    const { f, kids } = frameWith(3);
    f.insertChild(0, kids[2]);
    expect(f.children).toEqual([kids[2], kids[0], kids[1]]);
    f.appendChild(kids[2]);
    expect(f.children).toEqual([kids[0], kids[1], kids[2]]);
  });
});

describe('re-parenting', () => {
  it('moves the node: old parent loses it, new parent has it, parent updates', () => {
    const a = ctx.figma.createFrame();
    const b = ctx.figma.createFrame();
    const r = ctx.figma.createRectangle();
    a.appendChild(r);
    expect(a.children).toEqual([r]);
    b.appendChild(r);
    expect(r.parent).toBe(b);
    expect(a.children).toEqual([]);
    expect(b.children).toEqual([r]);
    expect(ctx.figma.currentPage.children).toEqual([a, b]);
  });

  it('keeps the node relative x/y when it moves', () => {
    const a = ctx.figma.createFrame();
    a.x = 500;
    const r = ctx.figma.createRectangle();
    r.x = 7;
    a.appendChild(r);
    expect(r.x).toBe(7);
    expect(r.absoluteBoundingBox?.x).toBe(507);
  });
});

describe('clone()', () => {
  it('puts the copy right after the original in the same parent, with new ids for it and its descendants', () => {
    const parent = ctx.figma.createFrame();
    const before = ctx.figma.createRectangle();
    const original = ctx.figma.createFrame();
    const after = ctx.figma.createRectangle();
    const child = ctx.figma.createEllipse();
    for (const n of [before, original, after]) parent.appendChild(n);
    original.appendChild(child);
    original.name = 'card';
    original.x = 40;

    const copy = original.clone();
    expect(parent.children).toEqual([before, original, copy, after]);
    expect(copy.parent).toBe(parent);
    expect(copy.id).not.toBe(original.id);
    expect([copy.name, copy.x, copy.type]).toEqual(['card', 40, 'FRAME']);
    expect(copy.children.length).toBe(1);
    const childCopy = copy.children[0];
    expect(childCopy.id).not.toBe(child.id);
    expect(childCopy.type).toBe('ELLIPSE');
    expect(childCopy.parent).toBe(copy);
    expect(original.children).toEqual([child]); // the original keeps its child
  });

  it('the copy is independent of the original', () => {
    const original = ctx.figma.createRectangle();
    const copy = original.clone();
    copy.name = 'copy';
    copy.remove();
    expect(original.name).toBe('');
    expect(original.removed).toBe(false);
  });
});

describe('resize()', () => {
  it.each([
    [0, 10],
    [10, 0],
    [0.009, 10],
    [10, 0.009],
    [-5, 10],
    [Number.NaN, 10],
  ])('refuses %s × %s', (w, h) => {
    const r = ctx.figma.createRectangle();
    expect(() => r.resize(w, h)).toThrow(/>= 0\.01/);
    expect([r.width, r.height]).toEqual([100, 100]);
  });

  it('accepts exactly 0.01', () => {
    const r = ctx.figma.createRectangle();
    r.resize(0.01, 0.01);
    expect([r.width, r.height]).toEqual([0.01, 0.01]);
  });

  it('width and height are read-only', () => {
    const r = ctx.figma.createRectangle();
    expect(() => ((r as { width: number }).width = 5)).toThrow(/read only/);
  });
});
