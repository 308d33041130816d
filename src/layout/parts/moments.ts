/**
 * Moments of truth on the map: a stage marked `moment` gets an accent border and a "Moment of
 * truth" label on its header (with its note, when the note fits there), a band behind its
 * column and a ring around every curve's marker on each emotion chart, and a line in the
 * legend under the map's title (stage name and note, the note always in full). A map without
 * moments draws none of this: not a node, not a prop.
 */
import type { JourneyMap, Stage } from '../../model';
import type { EmotionPoint } from '../emotion';
import type { GridGeometry } from '../grid';
import { type Fonts, type FrameOptions, frame, text } from '../nodes';
import type { NodeSpec } from '../spec';
import { MOMENT, MOMENT_TYPE, solid, type Palette } from '../theme';

/** The ids of the stages that are moments of truth, in stage order (part of memo keys). */
export function momentIds(map: JourneyMap): string[] {
  return map.stages.filter((s) => s.moment).map((s) => s.id);
}

/** Rough number of lines a text takes at `width` (Figma measures the real size later). */
function linesAt(characters: string, width: number, size: number): number {
  const charWidth = size * 0.56;
  return Math.ceil((Array.from(characters).length * charWidth) / Math.max(1, width));
}

/** Whether a moment's note is shown in its stage header (it always is in the legend). */
export function noteInHeader(note: string | undefined, columnWidth: number): boolean {
  if (!note) return false;
  const inner = columnWidth - 2 * MOMENT.headerPadding;
  return linesAt(note, inner, MOMENT_TYPE.headerNote.size) <= MOMENT.headerNoteLines;
}

/**
 * What a moment's stage header adds: the look of the header frame (accent border, tint,
 * padding) and the texts before and after the stage's own (the label, the note).
 */
export function momentHeader(
  stage: Stage,
  columnWidth: number,
  fonts: Fonts,
  pal: Palette,
): { look: Partial<FrameOptions>; before: NodeSpec[]; after: NodeSpec[] } {
  const look: Partial<FrameOptions> = {
    padding: MOMENT.headerPadding,
    fill: pal.moment.headerFill,
    fillOpacity: MOMENT.headerFillOpacity,
    stroke: pal.moment.headerBorder,
    radius: MOMENT.radius,
  };
  const before = [
    text({
      key: 'moment',
      name: 'Moment of truth',
      tag: { role: 'moment-label', stage: stage.id },
      characters: 'Moment of truth',
      style: MOMENT_TYPE.label,
      fonts,
      color: pal.moment.headerLabel,
      width: 'FILL',
      upper: true,
      letterSpacing: 6,
    }),
  ];
  const after = noteInHeader(stage.momentNote, columnWidth)
    ? [
        text({
          key: 'moment-note',
          name: 'Moment note',
          tag: { role: 'moment-note', stage: stage.id },
          characters: stage.momentNote!,
          style: MOMENT_TYPE.headerNote,
          fonts,
          color: pal.moment.headerNote,
          width: 'FILL',
        }),
      ]
    : [];
  return { look, before, after };
}

/** The header frame of a moment, with its border two pixels wide (frame() draws one). */
export function withMomentBorder(header: NodeSpec): NodeSpec {
  header.props.strokeWeight = MOMENT.headerBorderWeight;
  return header;
}

/** One curve of a chart, as moments need it: its lane, whether it is the chart's own, its points. */
export interface ChartCurve {
  laneId: string;
  /** The chart's own lane (its nodes keep the keys of a one-curve chart). */
  own: boolean;
  points: EmotionPoint[];
}

/**
 * The marks of the moments on one emotion chart: a band behind each moment's column (drawn
 * first, behind the neutral line) and a ring around each curve's marker there (drawn under
 * the markers).
 */
export function momentMarks(
  map: JourneyMap,
  g: GridGeometry,
  hostId: string,
  height: number,
  curves: ChartCurve[],
  pal: Palette,
): { bands: NodeSpec[]; rings: NodeSpec[] } {
  const moments = new Set(momentIds(map));
  if (!moments.size) return { bands: [], rings: [] };
  const bands: NodeSpec[] = g.columns
    .filter((c) => moments.has(c.stageId))
    .map((c) => ({
      type: 'RECTANGLE',
      key: `moment:${c.stageId}`,
      name: 'Moment of truth',
      tag: { role: 'moment-band', lane: hostId, stage: c.stageId },
      size: { width: c.width, height },
      props: { x: c.x, y: 0, fills: solid(pal.moment.band, MOMENT.bandOpacity), cornerRadius: MOMENT.radius },
    }));
  const r = MOMENT.ringSize;
  const rings: NodeSpec[] = curves.flatMap((c) =>
    c.points
      .filter((p) => moments.has(p.stageId))
      .map((p) => ({
        type: 'ELLIPSE' as const,
        key: c.own ? `moment-ring:${p.stageId}` : `moment-ring:${c.laneId}:${p.stageId}`,
        name: 'Moment of truth',
        tag: { role: 'moment-ring' as const, lane: c.laneId, stage: p.stageId },
        size: { width: r, height: r },
        props: {
          x: p.x - r / 2,
          y: p.y - r / 2,
          fills: [],
          strokes: solid(pal.moment.ring),
          strokeWeight: MOMENT.ringStroke,
          strokeAlign: 'INSIDE' as const,
        },
      })),
  );
  return { bands, rings };
}

/**
 * The legend of the moments, under the map's title: a title, then one line per moment, a ring
 * like the curves', the stage's name and its note. Nothing when the map has no moments.
 * `width` is the header's: the names take a column of at most MOMENT.legendNameWidth.
 */
export function momentLegend(map: JourneyMap, width: number, fonts: Fonts, pal: Palette): NodeSpec[] {
  const moments = map.stages.filter((s) => s.moment);
  if (!moments.length) return [];
  const nameWidth = Math.min(MOMENT.legendNameWidth, Math.round(width * 0.3));
  const d = MOMENT.legendDot;
  const items = moments.map((s) => {
    const tag = (role: NodeSpec['tag']['role']) => ({ role, stage: s.id });
    const dot = frame({
      key: 'dot',
      name: 'Dot',
      tag: tag('moment-legend-dot'),
      layout: 'HORIZONTAL',
      sizing: ['FIXED', 'FIXED'],
      size: { width: d, height: MOMENT_TYPE.legendName.line },
      align: 'CENTER',
      children: [
        {
          type: 'ELLIPSE',
          key: 'ring',
          name: 'Ring',
          tag: tag('moment-legend-dot'),
          size: { width: d, height: d },
          props: {
            fills: [],
            strokes: solid(pal.moment.ring),
            strokeWeight: MOMENT.ringStroke,
            strokeAlign: 'INSIDE',
          },
        },
      ],
    });
    const children: NodeSpec[] = [
      dot,
      text({
        key: 'name',
        name: 'Stage',
        tag: tag('moment-legend-name'),
        characters: s.name,
        style: MOMENT_TYPE.legendName,
        fonts,
        color: pal.colors.text,
        width: nameWidth,
      }),
    ];
    if (s.momentNote)
      children.push(
        text({
          key: 'note',
          name: 'Why',
          tag: tag('moment-legend-note'),
          characters: s.momentNote,
          style: MOMENT_TYPE.legendNote,
          fonts,
          color: pal.colors.textSecondary,
          width: 'FILL',
        }),
      );
    return frame({
      key: `moment:${s.id}`,
      name: `Moment: ${s.name}`,
      tag: tag('moment-legend-item'),
      layout: 'HORIZONTAL',
      sizing: ['FILL', 'HUG'],
      gap: 10,
      children,
    });
  });
  return [
    frame({
      key: 'moments',
      name: 'Moments of truth',
      tag: { role: 'moment-legend' },
      layout: 'VERTICAL',
      sizing: ['FILL', 'HUG'],
      padding: [10, 0, 0, 0],
      gap: MOMENT.legendGap,
      children: [
        text({
          key: 'title',
          name: 'Moments of truth',
          tag: { role: 'moment-legend-title' },
          characters: moments.length === 1 ? 'Moment of truth' : 'Moments of truth',
          style: MOMENT_TYPE.legendTitle,
          fonts,
          color: pal.moment.legendTitle,
          width: 'FILL',
          upper: true,
          letterSpacing: 6,
        }),
        ...items,
      ],
    }),
  ];
}
