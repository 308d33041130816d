/**
 * Map → NodeSpec tree: the whole look of a journey map on the canvas, as data.
 *
 * Structure (keys in brackets; tags in src/layout/spec.ts):
 *   [map] vertical auto-layout, hugs its content
 *     [header] title block + persona card (fixed to the grid's width)
 *     [grid]   [phases] band · [stages] dark header row · [lane:<id>] one row per lane
 *
 * Rows are the coloured bands and cells are transparent: in auto-layout cells
 * of one row can't share a height while still growing with their text, so a
 * band behind the whole row keeps the grid tidy when a designer adds text.
 * All widths are fixed from one column width, so nothing relies on
 * "fill container" inside a hugging parent.
 */
import type { JourneyMap } from '../model';
import { gridGeometry } from './grid';
import { nextRender } from './memo';
import { frame, type Fonts } from './nodes';
import { hasPhases } from './phases';
import type { NodeSpec } from './spec';
import { SPACE, type Palette } from './theme';
import { paletteFor, type ColorScheme } from './palette';
import { headerSpec } from './parts/header';
import { laneRow } from './parts/lane-row';
import { phaseRow, stageRow } from './parts/stage-rows';

export { EMOTION_AREA } from './parts/emotion-lane';

export interface MapSpecOptions {
  fonts: Fonts;
  /** Width of the stage columns not in `columnWidths`. */
  columnWidth?: number;
  /** Columns the designer resized on the canvas, by stage id: kept as they are. */
  columnWidths?: Record<string, number>;
  /** The colours to draw with; the map's theme's (paletteFor) when not given. */
  palette?: Palette;
  /** Without `palette`: the theme's light colours (the default) or its dark ones. */
  scheme?: ColorScheme;
}

export function buildMapSpec(map: JourneyMap, options: MapSpecOptions): NodeSpec {
  const { fonts } = options;
  const pal = options.palette ?? paletteFor(map.theme, options.scheme);
  nextRender();
  const g = gridGeometry(
    map.stages.map((s) => s.id),
    options.columnWidth,
    options.columnWidths,
  );
  const gridChildren: NodeSpec[] = [];
  if (hasPhases(map.stages)) gridChildren.push(phaseRow(map, g, fonts, pal));
  gridChildren.push(stageRow(map, g, fonts, pal));
  // Rows alternate their band colour; a lane drawn on another's chart has no row, and a divider
  // (a line, no band) does not count, so the lanes between a blueprint's lines still alternate.
  let band = 0;
  for (const lane of map.lanes) {
    if (lane.kind === 'emotion' && lane.overlay !== undefined) continue;
    gridChildren.push(laneRow(lane, lane.kind === 'divider' ? band : band++, map, g, fonts, pal));
  }

  return frame({
    key: 'map',
    name: map.title,
    tag: { role: 'map' },
    layout: 'VERTICAL',
    sizing: ['HUG', 'HUG'],
    padding: SPACE.mapPadding,
    gap: SPACE.mapGap,
    fill: pal.colors.mapBackground,
    stroke: pal.colors.mapBorder,
    radius: SPACE.radiusMap,
    children: [
      headerSpec(map, g.rowWidth, fonts, pal),
      frame({
        key: 'grid',
        name: 'Grid',
        tag: { role: 'grid' },
        layout: 'VERTICAL',
        sizing: ['HUG', 'HUG'],
        gap: SPACE.gridGap,
        children: gridChildren,
      }),
    ],
  });
}
