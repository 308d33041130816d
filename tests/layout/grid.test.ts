import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnOptions, gridGeometry } from '../../src/layout/grid';
import { SPACE } from '../../src/layout/theme';

describe('columnOptions: the column widths read from the canvas, said once', () => {
  it('a map nobody resized has no options: what a create draws with', () => {
    const widths = { a: SPACE.defaultColumnWidth, b: SPACE.defaultColumnWidth, c: SPACE.defaultColumnWidth };
    expect(columnOptions(widths)).toEqual({ columnWidths: {} });
  });

  it('lists only the columns that differ from the common width', () => {
    const d = SPACE.defaultColumnWidth;
    expect(columnOptions({ a: d, b: d + 60, c: d })).toEqual({ columnWidths: { b: d + 60 } });
    // Every column widened: a new stage gets that width, nothing is listed.
    expect(columnOptions({ a: 300, b: 300, c: 320 })).toEqual({ columnWidth: 300, columnWidths: { c: 320 } });
  });

  it('gives the same geometry as listing every column', () => {
    const width = fc.integer({ min: SPACE.minColumnWidth, max: SPACE.maxColumnWidth });
    fc.assert(
      fc.property(fc.array(width, { minLength: 1, maxLength: 12 }), (ws) => {
        const ids = ws.map((_, i) => `s${i}`);
        const all = Object.fromEntries(ids.map((id, i) => [id, ws[i]]));
        const opts = columnOptions(all);
        const common = opts.columnWidth ?? SPACE.defaultColumnWidth;
        const full = gridGeometry([...ids, 'new'], common, all);
        const short = gridGeometry([...ids, 'new'], opts.columnWidth, opts.columnWidths);
        expect(short.columns).toEqual(full.columns);
        expect(short.rowWidth).toBe(full.rowWidth);
      }),
    );
  });
});
