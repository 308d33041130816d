/**
 * A divider lane: a labelled line across every stage column, between the lanes around it
 * (a service blueprint's line of interaction, of visibility, of internal interaction). It
 * has the label column of every lane, so its title lines up with theirs and reads back the
 * same way, and no cells.
 */
import type { DividerLane } from '../../model';
import type { GridGeometry } from '../grid';
import { type Fonts, frame, vector } from '../nodes';
import type { NodeSpec } from '../spec';
import { METRIC, SPACE, TYPE, solid, type Palette } from '../theme';
import { labelColumn, laneTitle } from './rows';

export function dividerRow(lane: DividerLane, g: GridGeometry, fonts: Fonts, pal: Palette): NodeSpec {
  const width = g.span(0, g.columns.length);
  const h = METRIC.dividerHeight;
  const title = laneTitle(lane, fonts, {
    style: TYPE.dividerLabel,
    color: pal.colors.dividerText,
    upper: true,
    letterSpacing: 4,
  });
  const line = frame({
    key: 'line',
    name: 'Line',
    tag: { role: 'divider-line', lane: lane.id },
    layout: 'NONE',
    size: { width, height: h },
    children: [
      vector({
        key: 'path',
        name: 'Line path',
        tag: { role: 'divider-line', lane: lane.id },
        data: `M 0 ${h / 2} L ${width} ${h / 2}`,
        stroke: solid(pal.colors.dividerLine),
        weight: METRIC.dividerWeight,
        dash: lane.style === 'dashed' ? [...METRIC.dividerDash] : undefined,
      }),
    ],
  });
  return frame({
    key: `lane:${lane.id}`,
    name: `Divider: ${lane.title}`,
    tag: { role: 'lane', lane: lane.id },
    layout: 'HORIZONTAL',
    sizing: ['HUG', 'HUG'],
    padding: [METRIC.dividerPaddingY, SPACE.cellPadding],
    gap: SPACE.columnGap,
    align: 'CENTER',
    fill: null,
    children: [labelColumn('label', { role: 'lane-label', lane: lane.id }, [title]), line],
  });
}
