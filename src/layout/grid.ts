/**
 * Column geometry shared by every row of the map. All stage columns have one
 * width, so the emotion curve, the stage headers and the cells line up by
 * construction rather than by measurement.
 */
import { SPACE } from './theme';
import type { Column } from './emotion';

export interface GridGeometry {
  /** Width of a column the designer has not resized. */
  columnWidth: number;
  /** Width of the span of `count` columns from column `start`, including the gaps between them. */
  span(start: number, count: number): number;
  /** Columns relative to the first column's left edge (the emotion area's origin). */
  columns: Column[];
  /** Full width of a lane row: padding + label + gap + columns + padding. */
  rowWidth: number;
}

export function clampColumnWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return SPACE.defaultColumnWidth;
  return Math.round(Math.min(SPACE.maxColumnWidth, Math.max(SPACE.minColumnWidth, width)));
}

/**
 * `columnWidth` is the width of every column not named in `widths`; `widths`
 * holds the columns a designer resized on the canvas, by stage id, so a
 * widened column stays widened, with its cells, band and curve point, through
 * every update.
 */
export function gridGeometry(
  stageIds: ReadonlyArray<string>,
  columnWidth?: number,
  widths: Readonly<Record<string, number>> = {},
): GridGeometry {
  const w = clampColumnWidth(columnWidth);
  const gap = SPACE.columnGap;
  let x = 0;
  const columns = stageIds.map((stageId) => {
    const width = Object.prototype.hasOwnProperty.call(widths, stageId) ? clampColumnWidth(widths[stageId]) : w;
    const column = { stageId, x, width };
    x += width + gap;
    return column;
  });
  const span = (start: number, count: number) => {
    const cols = columns.slice(start, start + count);
    return cols.length ? cols.reduce((sum, c) => sum + c.width, 0) + (cols.length - 1) * gap : 0;
  };
  const rowWidth = SPACE.cellPadding * 2 + SPACE.laneLabelWidth + gap + span(0, columns.length);
  return { columnWidth: w, span, columns, rowWidth };
}

/**
 * Column options from the widths stage columns have on the canvas (by stage id): the width a
 * new stage gets is the width most columns have, so after the designer widened every column
 * a new one matches them (on a tie the default width, if it is one of them, else the
 * narrower), and every column of another width is kept by stage id.
 *
 * The options are canonical: a column of the common width is not listed, and the default
 * width is left out, so equal geometry gives equal options. An update compares them with the
 * options the map was last drawn with to reuse what it drew (map-ops.ts); a map nobody
 * resized reads back as no options at all, exactly what a create draws with.
 */
export function columnOptions(widths: Readonly<Record<string, number>>): {
  columnWidth?: number;
  columnWidths: Record<string, number>;
} {
  const counts = new Map<number, number>();
  for (const w of Object.values(widths)) {
    if (!Number.isFinite(w) || w < SPACE.minColumnWidth) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const tied = [...counts].filter(([, n]) => n === most).map(([w]) => w);
  const common = tied.includes(SPACE.defaultColumnWidth) ? SPACE.defaultColumnWidth : tied.sort((a, b) => a - b)[0];
  const columnWidths: Record<string, number> = {};
  for (const [stage, w] of Object.entries(widths)) {
    if (!Number.isFinite(w) || w < SPACE.minColumnWidth) continue;
    // gridGeometry gives an unlisted column clampColumnWidth(columnWidth): the same width.
    if (clampColumnWidth(w) !== clampColumnWidth(common)) columnWidths[stage] = w;
  }
  return common === undefined || common === SPACE.defaultColumnWidth
    ? { columnWidths }
    : { columnWidth: common, columnWidths };
}
