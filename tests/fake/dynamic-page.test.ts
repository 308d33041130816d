/**
 * The manifest asks for "documentAccess": "dynamic-page", under which Figma
 * disables the sync page/node APIs and wants other pages loaded before their
 * children are read (typings: getNodeById, currentPage, PageNode.loadAsync).
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();

describe('sync APIs disabled by dynamic-page', () => {
  it('figma.getNodeById throws and points to getNodeByIdAsync', () => {
    const r = ctx.figma.createRectangle();
    expect(() => ctx.figma.getNodeById(r.id)).toThrow(
      'in getNodeById: Cannot call with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.',
    );
  });

  it('assigning figma.currentPage throws and leaves the current page as it was', () => {
    const first = ctx.figma.currentPage;
    const other = ctx.fake.addPage('Other');
    expect(() => {
      ctx.figma.currentPage = other;
    }).toThrow(/dynamic-page\. Use figma\.setCurrentPageAsync instead/);
    expect(ctx.figma.currentPage).toBe(first);
  });
});

describe('getNodeByIdAsync', () => {
  it('finds nested nodes, pages and the document', async () => {
    const frame = ctx.figma.createFrame();
    const inner = ctx.figma.createRectangle();
    frame.appendChild(inner);
    expect(await ctx.figma.getNodeByIdAsync(inner.id)).toBe(inner);
    expect(await ctx.figma.getNodeByIdAsync(frame.id)).toBe(frame);
    expect(await ctx.figma.getNodeByIdAsync(ctx.figma.currentPage.id)).toBe(ctx.figma.currentPage);
    expect(await ctx.figma.getNodeByIdAsync(ctx.figma.root.id)).toBe(ctx.figma.root);
  });

  it('finds nodes on a page that is not current', async () => {
    const r = ctx.figma.createRectangle();
    const other = ctx.fake.addPage('Other');
    await ctx.figma.setCurrentPageAsync(other);
    expect(await ctx.figma.getNodeByIdAsync(r.id)).toBe(r);
  });

  it('returns null for unknown ids and for removed nodes and their descendants', async () => {
    expect(await ctx.figma.getNodeByIdAsync('999:999')).toBeNull();
    const frame = ctx.figma.createFrame();
    const inner = ctx.figma.createRectangle();
    frame.appendChild(inner);
    const id = frame.id;
    const innerId = inner.id;
    frame.remove();
    expect(await ctx.figma.getNodeByIdAsync(id)).toBeNull();
    expect(await ctx.figma.getNodeByIdAsync(innerId)).toBeNull();
  });
});

describe('pages', () => {
  it('setCurrentPageAsync switches pages, fires currentpagechange, and new nodes go on the new page', async () => {
    const other = ctx.fake.addPage('Other');
    let changes = 0;
    ctx.figma.on('currentpagechange', () => void changes++);
    await ctx.figma.setCurrentPageAsync(other);
    expect(ctx.figma.currentPage).toBe(other);
    expect(changes).toBe(1);
    const r = ctx.figma.createRectangle();
    expect(r.parent).toBe(other);
    expect(other.children).toEqual([r]);
  });

  it('setCurrentPageAsync refuses a node that is not a page', async () => {
    const f = ctx.figma.createFrame();
    await expect(ctx.figma.setCurrentPageAsync(f as unknown as PageNode)).rejects.toThrow(/Expected a PageNode/);
  });

  it("another page's children throw until page.loadAsync()", async () => {
    const other = ctx.fake.addPage('Other');
    expect(() => other.children).toThrow(
      'Cannot access children on a page that has not been explicitly loaded. Remember to call await page.loadAsync() first.',
    );
    await other.loadAsync();
    expect(other.children).toEqual([]);
  });

  it('the current page and a page made current are readable; the starting page stays loaded after switching away', async () => {
    const first = ctx.figma.currentPage;
    const r = ctx.figma.createRectangle();
    expect(first.children).toEqual([r]);
    const other = ctx.fake.addPage('Other');
    await ctx.figma.setCurrentPageAsync(other);
    expect(other.children).toEqual([]);
    // Figma loaded the page the plugin started on; loaded pages do not unload.
    expect(first.children).toEqual([r]);
  });

  it('the document lists its pages', () => {
    const other = ctx.fake.addPage('Other');
    expect(ctx.figma.root.children).toEqual([ctx.figma.currentPage, other]);
    expect(other.name).toBe('Other');
  });
});
