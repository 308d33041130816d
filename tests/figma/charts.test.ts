/**
 * Several curves on one chart (format 2): each curve's markers, notes, legend line and
 * the chart's scale words come back from the canvas as that curve's data, on its own
 * scale; and a chart draws exactly the curves that name it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { scoreToY } from '../../src/layout/emotion';
import { EMOTION_AREA } from '../../src/layout/map-spec';
import type { EmotionLane, JourneyMap } from '../../src/model';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples, norm } from '../support/maps';
import { tagged } from '../support/update-cases';

afterEach(() => uninstallFakeFigma());

const asIsToBe = () => norm(loadExamples().find((e) => e.file === 'redesign-as-is-to-be.json')!.input);
const lane = (m: JourneyMap, id: string) => m.lanes.find((l) => l.id === id) as EmotionLane;

async function setText(node: SceneNode, text: string) {
  const t = node as TextNode;
  await figma.loadFontAsync(t.fontName as FontName);
  t.characters = text;
}

describe('a chart shared by two curves', () => {
  it('draws one row, both curves, a legend line each and the scale’s words', async () => {
    installFakeFigma();
    const { frame } = await createMap(asIsToBe());
    expect(tagged(frame, 'lane').map((n) => n.name)).not.toContain('Lane: After the redesign');
    expect(tagged(frame, 'emotion-area')).toHaveLength(1);
    expect(tagged(frame, 'emotion-marker', { lane: 'to-be' })).toHaveLength(6);
    expect(tagged(frame, 'emotion-marker', { lane: 'today' })).toHaveLength(6);
    const legend = tagged(frame, 'emotion-legend-text').map((n) => (n as TextNode).characters);
    expect(legend).toEqual(['Today · Priya Shah', 'After the redesign · Priya Shah']);
    expect(tagged(frame, 'emotion-axis').map((n) => (n as TextNode).characters)).toEqual([
      '5 · Delighted',
      '1 · Frustrated',
    ]);
    // The to-be curve is dashed, today's is not.
    const dashes = (l: string) => tagged(frame, 'emotion-curve', { lane: l }).map((n) => (n as VectorNode).dashPattern);
    expect(dashes('to-be').every((d) => d.length > 0)).toBe(true);
    expect(dashes('today').every((d) => d.length === 0)).toBe(true);
  });

  it('reads each curve’s dragged marker on the chart’s 1–5 scale, and notes, legend and scale words as edited', async () => {
    installFakeFigma();
    const map = asIsToBe();
    const { frame } = await createMap(map);
    const marker = tagged(frame, 'emotion-marker', { lane: 'to-be', stage: 'compare' })[0] as EllipseNode;
    // From 3.5 to 2 on the 1–5 scale.
    marker.y = scoreToY(2, EMOTION_AREA, { min: 1, max: 5 }) - marker.height / 2;
    const note = tagged(frame, 'emotion-note-text', { lane: 'today', stage: 'adjust' })[0];
    await setText(note, 'On hold for 25 minutes');
    await setText(tagged(frame, 'emotion-legend-text', { lane: 'to-be' })[0], 'Redesign · Priya Shah');
    await setText(tagged(frame, 'emotion-axis', { index: '1' })[0], '1 · Furious');
    const read = readMap(frame);
    if (!read.ok) throw new Error(read.message);
    const back = read.map;
    expect(lane(back, 'to-be').cells.compare.score).toBe(2);
    expect(lane(back, 'today').cells.compare.score).toBe(lane(map, 'today').cells.compare.score);
    expect(lane(back, 'today').cells.adjust.note).toBe('On hold for 25 minutes');
    expect(lane(back, 'to-be').title).toBe('Redesign');
    expect(lane(back, 'today').scale).toEqual({ min: 1, max: 5, low: 'Furious', high: 'Delighted' });
    // Everything else is as it was, the lanes in their order, the overlay still on its chart.
    expect(back.lanes.map((l) => l.id)).toEqual(map.lanes.map((l) => l.id));
    expect(lane(back, 'to-be')).toMatchObject({ overlay: 'today', style: 'dashed', persona: 'priya' });
  });

  it('moving a curve onto another chart and back rewrites only the two charts', async () => {
    const fake = installFakeFigma();
    const map = asIsToBe();
    const { frame } = await createMap(map);
    const own = structuredClone(map);
    const tobe = lane(own, 'to-be');
    delete tobe.overlay;
    tobe.scale = { min: 1, max: 5 };
    fake.resetStats();
    const r = await updateMap(frame, own);
    expect(tagged(frame, 'emotion-area')).toHaveLength(2);
    expect(r.stats.removed).toBeGreaterThan(0);
    // The persona card, the stages and the other lanes were not written.
    const written = fake.stats().writtenIds;
    for (const n of [...tagged(frame, 'persona'), ...tagged(frame, 'stage-header'), ...tagged(frame, 'card')])
      expect(written.has(n.id), n.name).toBe(false);
    await updateMap(frame, map);
    expect(tagged(frame, 'emotion-area')).toHaveLength(1);
    const read = readMap(frame);
    expect(read.ok && read.map).toEqual(map);
  });
});
