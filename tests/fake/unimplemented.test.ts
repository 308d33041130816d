/**
 * The fake throws "not implemented" on any API it does not model, so no test
 * can pass because an unmodelled call quietly returned undefined. The probes
 * that `await` and vitest's matchers make on any object still get undefined.
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();
type Loose = Record<string, unknown>;
const loose = (o: unknown) => o as Loose;

describe('unimplemented API throws', () => {
  it.each(['createComponent', 'getLocalPaintStylesAsync', 'teamLibrary', 'exportAsync'])('figma.%s', (name) => {
    expect(() => loose(ctx.figma)[name]).toThrow(`FakeFigma: figma.${name} is not implemented`);
  });

  it.each([
    ['figma.ui', () => loose(ctx.figma.ui).onmessageerror],
    ['figma.viewport', () => loose(ctx.figma.viewport).slide],
    ['figma.clientStorage', () => loose(ctx.figma.clientStorage).clearAsync],
    ['figma.variables', () => loose(ctx.figma.variables).createVariableAlias],
  ])('%s members', (name, read) => {
    expect(read).toThrow(new RegExp(`FakeFigma: ${name.replace('.', '\\.')}\\.\\w+ is not implemented`));
  });

  it('unsupported events on figma and figma.ui', () => {
    expect(() => ctx.figma.on('documentchange', () => {})).toThrow(/figma\.on\("documentchange"\) is not implemented/);
    expect(() => ctx.figma.ui.on('message-error' as 'message', () => {})).toThrow(/not implemented/);
  });

  it.each([
    ['read an unknown property', (n: Loose) => n.blendMode],
    ['read an unknown method', (n: Loose) => n.exportAsync],
    ['write an unknown property', (n: Loose) => (n.bogus = 1)],
    ['write rotation', (n: Loose) => (n.rotation = 45)],
  ])('on a node: %s', (_, use) => {
    const r = loose(ctx.figma.createRectangle());
    expect(() => use(r)).toThrow(/not implemented/);
  });

  it('paints other than SOLID are not implemented', () => {
    const r = ctx.figma.createRectangle();
    expect(
      () =>
        (r.fills = [
          {
            type: 'GRADIENT_LINEAR',
            gradientStops: [],
            gradientTransform: [
              [1, 0, 0],
              [0, 1, 0],
            ],
          },
        ]),
    ).toThrow(/not implemented/);
  });

  it('a method of another node type is not there (a text has no appendChild)', () => {
    const t = loose(ctx.figma.createText());
    expect(() => t.appendChild).toThrow(/does not exist on this node type/);
  });
});

describe('introspection still works', () => {
  it('await on a node resolves to the node (then is undefined)', async () => {
    const r = ctx.figma.createRectangle();
    expect(loose(r).then).toBeUndefined();
    expect(await r).toBe(r);
    expect(await Promise.resolve(r)).toBe(r);
  });

  it('vitest matchers can compare nodes and arrays of nodes', () => {
    const r = ctx.figma.createRectangle();
    const s = ctx.figma.createRectangle();
    expect(r).toBe(r);
    expect(r).not.toBe(s);
    expect([r, s]).toEqual([r, s]);
    expect(ctx.figma.currentPage.children).toContain(s);
  });

  it('a failing comparison of two different nodes reports the mismatch by id instead of throwing inside the fake', () => {
    const r = ctx.figma.createRectangle();
    const s = ctx.figma.createRectangle();
    expect(() => expect([r, s]).toEqual([s, r])).toThrow(
      `expected [ { id: '${r.id}' }, { id: '${s.id}' } ] to deeply equal`,
    );
    expect(() => expect(r).toBe(s)).toThrow(`expected { id: '${r.id}' } to be { id: '${s.id}' }`);
    expect(r).not.toEqual(s);
    expect(Object.keys(r)).toEqual(['id']);
  });

  it('await on figma, figma.ui and clientStorage does not throw', async () => {
    expect(await ctx.figma.ui).toBe(ctx.figma.ui);
    expect(await ctx.figma.clientStorage).toBe(ctx.figma.clientStorage);
    expect(loose(ctx.figma).then).toBeUndefined();
  });
});
