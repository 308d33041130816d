/**
 * One lane of the grid: its label, then its cells (text, cards, metric) or its chart (emotion),
 * or a labelled line (divider). An emotion lane drawn on another lane's chart (`overlay`) has
 * no row of its own.
 */
import type { JourneyMap, Lane } from '../../model';
import type { GridGeometry } from '../grid';
import { fontsKey, geometryKey, memo, paletteKey } from '../memo';
import type { Fonts } from '../nodes';
import type { NodeSpec } from '../spec';
import { TYPE, type Palette } from '../theme';
import { cardCells, metricCells, textCells } from './cells';
import { dividerRow } from './divider';
import { chartLabel, chartLanes, emotionArea } from './emotion-lane';
import { momentIds } from './moments';
import { labelColumn, laneTitle, row } from './rows';

export function laneRow(
  lane: Lane,
  index: number,
  map: JourneyMap,
  g: GridGeometry,
  fonts: Fonts,
  pal: Palette,
): NodeSpec {
  // A row of text, cards or metrics (or a divider) is built from its lane alone, its band and the
  // columns: memoised whole, a one-cell edit of a 40×30 map keys 30 rows instead of 1,200 cells,
  // and the reconciler meets the same row objects it hashed before. A chart also draws the lanes
  // overlaying it, the personas and the moments: its area is memoised on those below.
  if (lane.kind !== 'emotion')
    return memo(JSON.stringify(['row', lane, index % 2, geometryKey(g), fontsKey(fonts), paletteKey(pal)]), () =>
      gridRow(lane, index, map, g, fonts, pal),
    );
  return gridRow(lane, index, map, g, fonts, pal);
}

function gridRow(lane: Lane, index: number, map: JourneyMap, g: GridGeometry, fonts: Fonts, pal: Palette): NodeSpec {
  if (lane.kind === 'divider') return dividerRow(lane, g, fonts, pal);
  // An emotion lane's chart also draws the lanes that overlay it (emotion-lane.ts).
  const chart = lane.kind === 'emotion' ? chartLanes(lane, map) : [];
  const title = laneTitle(lane, fonts, { style: TYPE.laneTitle, color: pal.colors.laneLabelText });
  const label =
    lane.kind === 'emotion'
      ? chartLabel(chart, map, title, fonts, pal)
      : labelColumn('label', { role: 'lane-label', lane: lane.id }, [title]);
  const cells =
    lane.kind === 'text'
      ? textCells(lane, map, g, fonts, pal)
      : lane.kind === 'cards'
        ? cardCells(lane, map, g, fonts, pal)
        : lane.kind === 'metric'
          ? metricCells(lane, map, g, fonts, pal)
          : [
              memo(
                JSON.stringify(['emotion', chart, g.columns, fontsKey(fonts), paletteKey(pal), momentIds(map)]),
                () => emotionArea(chart, map, g, fonts, pal),
              ),
            ];
  const fill = index % 2 === 0 ? pal.colors.cellBackground : pal.colors.mapBackground;
  return row(
    `lane:${lane.id}`,
    `Lane: ${lane.title}`,
    { role: 'lane', lane: lane.id },
    fill,
    label,
    cells,
    pal.colors.cellBorder,
  );
}
