/**
 * The emotion lane: one chart spanning every column, with the neutral line, the curve drawn as real vectors, markers coloured by score, and notes placed clear of the curve.
 */
import type { EmotionLane, JourneyMap } from '../../model';
import { scoreColor } from '../color';
import { type EmotionArea, type EmotionPoint, baselineY, curveRuns, emotionPoints, smoothPath } from '../emotion';
import type { GridGeometry } from '../grid';
import { type Fonts, frame, text, vector } from '../nodes';
import type { NodeSpec } from '../spec';
import { COLORS, SPACE, TYPE, solid } from '../theme';

export const EMOTION_AREA: EmotionArea = {
  height: SPACE.emotionHeight,
  padTop: SPACE.emotionPad,
  padBottom: SPACE.emotionPad,
};

/** Rough size of a note's text, to place it clear of its marker (Figma measures the real size later). */
function noteSize(note: string, maxWidth: number): { width: number; height: number; wraps: boolean } {
  const charWidth = TYPE.note.size * 0.56;
  const width = Math.ceil(Array.from(note).length * charWidth);
  const lines = Math.min(3, Math.ceil(width / maxWidth));
  return { width: Math.min(width, maxWidth), height: lines * TYPE.note.line, wraps: width > maxWidth };
}

/**
 * Which side of its marker a note goes: above a peak, below a dip, so the
 * curve leaves through the other side. On a slope it goes away from the
 * middle of the lane, where it has room.
 */
function noteAbove(points: EmotionPoint[], i: number, runStart: Set<string>): boolean {
  const p = points[i];
  const prev = i > 0 && !runStart.has(p.stageId) ? points[i - 1] : undefined;
  const next = points[i + 1] && !runStart.has(points[i + 1].stageId) ? points[i + 1] : undefined;
  const ys = [prev?.y, next?.y].filter((y): y is number => y !== undefined);
  if (ys.length && ys.every((y) => y > p.y)) return true; // a peak
  if (ys.length && ys.every((y) => y < p.y)) return false; // a dip
  return p.score < 0;
}

function noteSpec(
  laneId: string,
  stageId: string,
  note: string,
  x: number,
  y: number,
  width: number,
  fonts: Fonts,
): NodeSpec {
  const inner = width - 2 * SPACE.notePaddingX;
  const size = noteSize(note, inner);
  const tag = (role: NodeSpec['tag']['role']) => ({ role, lane: laneId, stage: stageId });
  // A pill behind the text keeps it readable where the curve passes under it; centred by auto-layout.
  const pill = frame({
    key: 'pill',
    name: 'Note background',
    tag: tag('emotion-note-pill'),
    layout: 'HORIZONTAL',
    sizing: [size.wraps ? 'FILL' : 'HUG', 'HUG'],
    padding: [SPACE.notePaddingY, SPACE.notePaddingX],
    fill: COLORS.emotionNoteBackground,
    fillOpacity: 0.92,
    radius: SPACE.radiusNote,
    children: [
      text({
        key: 'text',
        name: 'Emotion note',
        tag: tag('emotion-note-text'),
        characters: note,
        style: TYPE.note,
        fonts,
        color: COLORS.textSecondary,
        width: size.wraps ? 'FILL' : 'HUG',
        align: 'CENTER',
      }),
    ],
  });
  return frame({
    key: `note:${stageId}`,
    name: 'Emotion note',
    tag: tag('emotion-note'),
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: size.height },
    align: 'CENTER',
    x,
    y,
    children: [pill],
  });
}

export function emotionArea(lane: EmotionLane, map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec {
  const width = g.span(0, map.stages.length);
  const area = EMOTION_AREA;
  const scores: Record<string, number | undefined> = {};
  for (const s of map.stages) scores[s.id] = lane.cells?.[s.id]?.score;
  const points = emotionPoints(g.columns, scores, area);
  const tag = (role: NodeSpec['tag']['role'], stage?: string): NodeSpec['tag'] =>
    stage ? { role, lane: lane.id, stage } : { role, lane: lane.id };
  const base = baselineY(area);
  const children: NodeSpec[] = [
    vector({
      key: 'baseline',
      name: 'Neutral line',
      tag: tag('emotion-baseline'),
      data: `M 0 ${base} L ${width} ${base}`,
      stroke: solid(COLORS.emotionBaseline),
      weight: 1,
      dash: [4, 4],
    }),
  ];
  for (const run of curveRuns(g.columns, points)) {
    const d = smoothPath(run, { minY: area.padTop, maxY: area.height - area.padBottom });
    if (d)
      children.push(
        vector({
          key: `curve:${run[0].stageId}`,
          name: 'Emotion curve',
          tag: tag('emotion-curve', run[0].stageId),
          data: d,
          stroke: solid(COLORS.emotionCurve),
          weight: SPACE.curveWeight,
        }),
      );
  }
  const m = SPACE.markerSize;
  const runStarts = new Set(curveRuns(g.columns, points).map((r) => r[0].stageId));
  const notes: NodeSpec[] = [];
  points.forEach((p, i) => {
    children.push({
      type: 'ELLIPSE',
      key: `marker:${p.stageId}`,
      name: `Emotion: ${p.score}`,
      tag: tag('emotion-marker', p.stageId),
      size: { width: m, height: m },
      props: {
        x: p.x - m / 2,
        y: p.y - m / 2,
        fills: [{ type: 'SOLID', color: scoreColor(p.score) }],
        strokes: solid(COLORS.emotionMarkerStroke),
        strokeWeight: SPACE.markerStroke,
        strokeAlign: 'OUTSIDE',
      },
    });
    const note = lane.cells?.[p.stageId]?.note;
    if (!note) return;
    const col = g.columns.find((c) => c.stageId === p.stageId)!;
    const w = col.width - SPACE.noteWidthInset * 2;
    const h = noteSize(note, w - 2 * SPACE.notePaddingX).height + 2 * SPACE.notePaddingY;
    const y = noteAbove(points, i, runStarts) ? p.y - m / 2 - SPACE.noteGap - h : p.y + m / 2 + SPACE.noteGap;
    notes.push(noteSpec(lane.id, p.stageId, note, col.x + SPACE.noteWidthInset, y, w, fonts));
  });
  // Notes last: on top of the curve and the markers.
  children.push(...notes);
  const spec = frame({
    key: 'area',
    name: 'Emotion curve',
    tag: tag('emotion-area'),
    layout: 'NONE',
    sizing: ['FIXED', 'FIXED'],
    size: { width, height: area.height },
    clip: false,
    children,
  });
  spec.meta = { emotionArea: { ...area } };
  return spec;
}
