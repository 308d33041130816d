/**
 * Cells of text and cards lanes. Each cell is memoised on everything it is built from (memo.ts), so an edit rebuilds only the cells it changed.
 */
import type { CardsLane, JourneyMap, Lane, TextLane } from '../../model';
import type { GridGeometry } from '../grid';
import { fontsKey, memo } from '../memo';
import { type Fonts, frame, text } from '../nodes';
import type { NodeSpec } from '../spec';
import { COLORS, SPACE, TONES, TYPE } from '../theme';

function cellFrame(lane: Lane, stageId: string, g: GridGeometry, children: NodeSpec[]): NodeSpec {
  const width = g.columns.find((c) => c.stageId === stageId)!.width;
  return frame({
    key: `cell:${stageId}`,
    name: `Cell: ${stageId}`,
    tag: { role: 'cell', lane: lane.id, stage: stageId },
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: 20 },
    gap: SPACE.cellGap,
    children,
  });
}

export function textCells(lane: TextLane, map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec[] {
  return map.stages.map((s) => {
    const value = lane.cells?.[s.id];
    const width = g.columns.find((c) => c.stageId === s.id)!.width;
    return memo(JSON.stringify(['text', lane.id, s.id, width, fontsKey(fonts), value ?? null]), () =>
      textCell(lane, s.id, value, g, fonts),
    );
  });
}

function textCell(lane: TextLane, stageId: string, value: string | undefined, g: GridGeometry, fonts: Fonts): NodeSpec {
  const kids =
    value === undefined
      ? []
      : [
          text({
            key: 'text',
            name: 'Text',
            tag: { role: 'cell-text', lane: lane.id, stage: stageId },
            characters: value,
            style: TYPE.cellText,
            fonts,
            color: COLORS.text,
            width: 'FILL',
          }),
        ];
  return cellFrame(lane, stageId, g, kids);
}

export function cardCells(lane: CardsLane, map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec[] {
  return map.stages.map((s) => {
    const cards = lane.cells?.[s.id] ?? [];
    const width = g.columns.find((c) => c.stageId === s.id)!.width;
    const key = JSON.stringify(['cards', lane.id, lane.tone ?? 'neutral', s.id, width, fontsKey(fonts), cards]);
    return memo(key, () => cardCell(lane, s.id, cards, g, fonts));
  });
}

function cardCell(lane: CardsLane, stageId: string, list: string[], g: GridGeometry, fonts: Fonts): NodeSpec {
  const tone = TONES[lane.tone ?? 'neutral'];
  const cards = list.map((card, i) =>
    frame({
      key: `card:${i}`,
      name: 'Card',
      tag: { role: 'card', lane: lane.id, stage: stageId, index: i },
      layout: 'VERTICAL',
      sizing: ['FILL', 'HUG'],
      padding: [SPACE.cardPaddingY, SPACE.cardPaddingX],
      fill: tone.fill,
      stroke: tone.border,
      radius: SPACE.radiusCard,
      children: [
        text({
          key: 'text',
          name: 'Card text',
          tag: { role: 'card-text', lane: lane.id, stage: stageId, index: i },
          characters: card,
          style: TYPE.card,
          fonts,
          color: tone.text,
          width: 'FILL',
        }),
      ],
    }),
  );
  return cellFrame(lane, stageId, g, cards);
}
