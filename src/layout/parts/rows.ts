/**
 * The building blocks of the grid's rows: a row band with its label column.
 */
import type { Lane } from '../../model';
import { frame, text, type Fonts, type TextOptions } from '../nodes';
import type { NodeSpec } from '../spec';
import { SPACE } from '../theme';

/**
 * A lane's title in its label column. One spec for every kind of lane: read-back finds the title
 * by this role and key, whatever the lane draws it in (`look`: its type, colour and case).
 */
export function laneTitle(
  lane: Lane,
  fonts: Fonts,
  look: Pick<TextOptions, 'style' | 'color' | 'upper' | 'letterSpacing'>,
): NodeSpec {
  return text({
    key: 'title',
    name: 'Lane title',
    tag: { role: 'lane-title', lane: lane.id },
    characters: lane.title,
    fonts,
    width: 'FILL',
    ...look,
  });
}

/** A row of the grid: fixed label column, then one child per column or one spanning child. */
export function row(
  key: string,
  name: string,
  tag: NodeSpec['tag'],
  fill: string | null,
  label: NodeSpec,
  cells: NodeSpec[],
  stroke?: string,
): NodeSpec {
  return frame({
    key,
    name,
    tag,
    layout: 'HORIZONTAL',
    sizing: ['HUG', 'HUG'],
    padding: SPACE.cellPadding,
    gap: SPACE.columnGap,
    fill,
    stroke,
    radius: SPACE.radiusBlock,
    children: [label, ...cells],
  });
}

export function labelColumn(key: string, tag: NodeSpec['tag'], children: NodeSpec[]): NodeSpec {
  return frame({
    key,
    name: 'Label',
    tag,
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width: SPACE.laneLabelWidth, height: 20 },
    gap: 4,
    children,
  });
}
