/**
 * Column geometry shared by every row of the map. All stage columns have one
 * width, so the emotion curve, the stage headers and the cells line up by
 * construction rather than by measurement.
 */
import { SPACE } from './theme';
import type { Column } from './emotion';

export interface GridGeometry {
  columnWidth: number;
  /** Width of the span of `count` columns including the gaps between them. */
  span(count: number): number;
  /** Columns relative to the first column's left edge (the emotion area's origin). */
  columns: Column[];
  /** Full width of a lane row: padding + label + gap + columns + padding. */
  rowWidth: number;
}

export function clampColumnWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return SPACE.defaultColumnWidth;
  return Math.round(Math.min(SPACE.maxColumnWidth, Math.max(SPACE.minColumnWidth, width)));
}

export function gridGeometry(stageIds: ReadonlyArray<string>, columnWidth?: number): GridGeometry {
  const w = clampColumnWidth(columnWidth);
  const gap = SPACE.columnGap;
  const span = (count: number) => (count <= 0 ? 0 : count * w + (count - 1) * gap);
  const columns = stageIds.map((stageId, i) => ({ stageId, x: i * (w + gap), width: w }));
  const rowWidth = SPACE.cellPadding * 2 + SPACE.laneLabelWidth + gap + span(stageIds.length);
  return { columnWidth: w, span, columns, rowWidth };
}
