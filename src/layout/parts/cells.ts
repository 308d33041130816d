/**
 * Cells of text, cards and metric lanes. Each cell is memoised on everything it is built from (memo.ts), so an edit rebuilds only the cells it changed.
 */
import {
  formatMetric,
  metricMet,
  type Card,
  type CardsLane,
  type JourneyMap,
  type Lane,
  type MetricCell,
  type MetricLane,
  type TextCell,
  type TextLane,
} from '../../model';
import type { GridGeometry } from '../grid';
import { fontsKey, memo, paletteKey } from '../memo';
import { type Fonts, frame, text } from '../nodes';
import type { NodeSpec } from '../spec';
import { SPACE, TYPE, type Palette } from '../theme';

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

export function textCells(lane: TextLane, map: JourneyMap, g: GridGeometry, fonts: Fonts, pal: Palette): NodeSpec[] {
  return map.stages.map((s) => {
    const value = lane.cells?.[s.id];
    const width = g.columns.find((c) => c.stageId === s.id)!.width;
    return memo(JSON.stringify(['text', lane.id, s.id, width, fontsKey(fonts), paletteKey(pal), value ?? null]), () =>
      textCell(lane, s.id, value, g, fonts, pal),
    );
  });
}

/** A text or card's words and its evidence link (null: none). */
const linkOf = (v: TextCell | Card): { words: string; link: string | null } =>
  typeof v === 'string' ? { words: v, link: null } : { words: v.text, link: v.url };

function textCell(
  lane: TextLane,
  stageId: string,
  value: TextCell | undefined,
  g: GridGeometry,
  fonts: Fonts,
  pal: Palette,
): NodeSpec {
  const v = value === undefined ? undefined : linkOf(value);
  const kids =
    v === undefined
      ? []
      : [
          text({
            key: 'text',
            name: 'Text',
            tag: { role: 'cell-text', lane: lane.id, stage: stageId },
            characters: v.words,
            style: TYPE.cellText,
            fonts,
            color: v.link ? pal.colors.link : pal.colors.text,
            width: 'FILL',
            link: v.link,
          }),
        ];
  return cellFrame(lane, stageId, g, kids);
}

export function cardCells(lane: CardsLane, map: JourneyMap, g: GridGeometry, fonts: Fonts, pal: Palette): NodeSpec[] {
  return map.stages.map((s) => {
    const cards = lane.cells?.[s.id] ?? [];
    const width = g.columns.find((c) => c.stageId === s.id)!.width;
    const key = JSON.stringify([
      'cards',
      lane.id,
      lane.tone ?? 'neutral',
      s.id,
      width,
      fontsKey(fonts),
      paletteKey(pal),
      cards,
    ]);
    return memo(key, () => cardCell(lane, s.id, cards, g, fonts, pal));
  });
}

function cardCell(
  lane: CardsLane,
  stageId: string,
  list: Card[],
  g: GridGeometry,
  fonts: Fonts,
  pal: Palette,
): NodeSpec {
  const tone = pal.tones[lane.tone ?? 'neutral'];
  const cards = list.map(linkOf).map((card, i) =>
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
          characters: card.words,
          style: TYPE.card,
          fonts,
          color: tone.text,
          width: 'FILL',
          link: card.link,
        }),
      ],
    }),
  );
  return cellFrame(lane, stageId, g, cards);
}

export function metricCells(
  lane: MetricLane,
  map: JourneyMap,
  g: GridGeometry,
  fonts: Fonts,
  pal: Palette,
): NodeSpec[] {
  return map.stages.map((s) => {
    const value = lane.cells?.[s.id];
    const width = g.columns.find((c) => c.stageId === s.id)!.width;
    return memo(JSON.stringify(['metric', lane.id, s.id, width, fontsKey(fonts), paletteKey(pal), value ?? null]), () =>
      metricCell(lane, s.id, value, g, fonts, pal),
    );
  });
}

/** A large number with its unit; with a target, the target beside it in the met or missed colour. */
function metricCell(
  lane: MetricLane,
  stageId: string,
  cell: MetricCell | undefined,
  g: GridGeometry,
  fonts: Fonts,
  pal: Palette,
): NodeSpec {
  if (!cell) return cellFrame(lane, stageId, g, []);
  const met = metricMet(cell);
  const colour = met === undefined ? pal.colors.text : met ? pal.metric.met : pal.metric.missed;
  const kids = [
    text({
      key: 'value',
      name: 'Metric',
      tag: { role: 'metric-value', lane: lane.id, stage: stageId },
      characters: formatMetric(cell),
      style: TYPE.metricValue,
      fonts,
      color: colour,
      width: 'FILL',
    }),
  ];
  if (cell.target !== undefined)
    kids.push(
      text({
        key: 'target',
        name: 'Target',
        tag: { role: 'metric-target', lane: lane.id, stage: stageId },
        characters: `${TARGET_WORD} ${formatMetric({ value: cell.target, unit: cell.unit })} · ${met ? 'met' : 'missed'}`,
        style: TYPE.metricTarget,
        fonts,
        color: colour,
        width: 'FILL',
      }),
    );
  return cellFrame(lane, stageId, g, kids);
}

/** The word before a metric's target on the canvas; the reader looks for it (read-map.ts). */
export const TARGET_WORD = 'Target';
