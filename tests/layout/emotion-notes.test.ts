/**
 * A note sits clear of every marker of its stage, wherever the marker is dragged. For each
 * scale, each shape of the curve around the stage (a peak, a dip, a slope, flat) and a short
 * and a long note, the stage's marker is dragged on the (in-memory) canvas to every quarter
 * step of the scale; the map is read back and updated, as the panel does after a drag; the
 * note's box (its pill, as Figma measured it) must not overlap the marker's (with its outside
 * stroke). The same is checked on the layout's own boxes, without the canvas.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { fingerprint } from '../../src/figma/storage';
import { scoreToY, type ScaleRange } from '../../src/layout/emotion';
import { buildMapSpec, EMOTION_AREA } from '../../src/layout/map-spec';
import type { NodeSpec } from '../../src/layout/spec';
import { PREFERRED_FONTS, SPACE } from '../../src/layout/theme';
import type { JourneyMap } from '../../src/model';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { norm } from '../support/maps';
import { tagged } from '../support/update-cases';
import { overlap, type Box } from '../support/boxes';

afterEach(() => uninstallFakeFigma());

/** How far apart two boxes are vertically (negative: they overlap by that much). */
const vgap = (a: Box, b: Box) => Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));

const SCALES: ScaleRange[] = [
  { min: -2, max: 2 },
  { min: 1, max: 5 },
  { min: 1, max: 7 },
  { min: 0, max: 10 },
];
const NOTES = ['Relieved', 'Waited on hold for twenty minutes before anyone picked up the phone'];
/** The neighbours' scores as places on the scale (0 bottom, 1 top): dip, peak, slope up, slope down, flat middle. */
const SHAPES: [number, number][] = [
  [0, 0],
  [1, 1],
  [0, 1],
  [1, 0],
  [0.5, 0.5],
];

const steps = (s: ScaleRange) => Array.from({ length: (s.max - s.min) * 4 + 1 }, (_, i) => s.min + i / 4);
const at = (s: ScaleRange, t: number) => s.min + Math.round(t * (s.max - s.min));

function chart(scale: ScaleRange, shape: [number, number], score: number, note: string): JourneyMap {
  return norm({
    version: 2,
    title: 'Notes',
    stages: [
      { id: 'a', name: 'Before' },
      { id: 'b', name: 'Dragged' },
      { id: 'c', name: 'After' },
    ],
    lanes: [
      {
        id: 'feel',
        title: 'Feeling',
        kind: 'emotion',
        scale,
        cells: { a: { score: at(scale, shape[0]) }, b: { score, note }, c: { score: at(scale, shape[1]) } },
      },
    ],
  });
}

/** The marker's box with its outside stroke, and the note's pill, in the emotion area's coordinates (layout). */
function specBoxes(map: JourneyMap): { marker: Box; note: Box } {
  const find = (n: NodeSpec, role: string): NodeSpec | undefined =>
    n.tag.role === role && n.tag.stage === 'b' ? n : n.children?.map((c) => find(c, role)).find(Boolean);
  const spec = buildMapSpec(map, { fonts: PREFERRED_FONTS });
  const m = find(spec, 'emotion-marker')!;
  const note = find(spec, 'emotion-note')!;
  const s = SPACE.markerStroke;
  return {
    marker: { x: m.props.x! - s, y: m.props.y! - s, width: m.size!.width + 2 * s, height: m.size!.height + 2 * s },
    note: { x: note.props.x!, y: note.props.y!, width: note.size!.width, height: note.size!.height },
  };
}

describe('a note and its marker never overlap', () => {
  it('in the layout, at every quarter step of every scale, for every shape of the curve', () => {
    let checked = 0;
    for (const scale of SCALES)
      for (const shape of SHAPES)
        for (const note of NOTES)
          for (const score of steps(scale)) {
            const { marker, note: box } = specBoxes(chart(scale, shape, score, note));
            const where = `${note.length}-char note at ${score} on ${scale.min}..${scale.max}, shape ${shape}`;
            expect(overlap(marker, box), where).toBe(false);
            checked++;
          }
    expect(checked).toBe(2 * SHAPES.length * (17 + 17 + 25 + 41));
  });

  it('on the canvas after a marker is dragged to every quarter step, read back and updated', async () => {
    installFakeFigma();
    let checked = 0;
    let closest = Infinity;
    for (const scale of SCALES)
      for (const shape of SHAPES)
        for (const note of NOTES) {
          const start = chart(scale, shape, at(scale, 0.5), note);
          const { frame } = await createMap(start);
          for (const score of steps(scale)) {
            // Drag: the marker's centre to the score's height, as a designer would on the canvas.
            const marker = tagged(frame, 'emotion-marker', { stage: 'b' })[0] as EllipseNode;
            marker.y = scoreToY(score, EMOTION_AREA, scale) - marker.height / 2;
            // Until the update moves the note, the marker may be dragged into it: it stays on top.
            const area = marker.parent as FrameNode;
            const noteNode = tagged(frame, 'emotion-note', { stage: 'b' })[0];
            expect(area.children.indexOf(marker)).toBeGreaterThan(area.children.indexOf(noteNode));
            const read = readMap(frame);
            if (!read.ok) throw new Error(read.message);
            expect(read.map.lanes[0].kind === 'emotion' && read.map.lanes[0].cells.b.score).toBe(score);
            await updateMap(frame, read.map, { baseCanvas: fingerprint(read.map) });
            const m = tagged(frame, 'emotion-marker', { stage: 'b' })[0] as EllipseNode;
            const pill = tagged(frame, 'emotion-note-pill', { stage: 'b' })[0] as FrameNode;
            const mb = m.absoluteBoundingBox!;
            const s = m.strokeWeight as number;
            const markerBox = { x: mb.x - s, y: mb.y - s, width: mb.width + 2 * s, height: mb.height + 2 * s };
            const where = `${note.length}-char note dragged to ${score} on ${scale.min}..${scale.max}, shape ${shape}`;
            expect(overlap(markerBox, pill.absoluteBoundingBox!), where).toBe(false);
            closest = Math.min(closest, vgap(markerBox, pill.absoluteBoundingBox!));
            checked++;
          }
          frame.remove();
        }
    expect(checked).toBe(2 * SHAPES.length * (17 + 17 + 25 + 41));
    // Not merely apart: the gap the layout means to leave (SPACE.noteGap less the stroke), give or take a pixel.
    expect(closest).toBeGreaterThanOrEqual(SPACE.noteGap - SPACE.markerStroke - 1);
  });
});
