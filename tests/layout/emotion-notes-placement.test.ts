/**
 * Where an emotion chart puts its notes and its scale, measured on the (in-memory) canvas:
 * a map is created, and the boxes Figma lays out (each note's pill, each marker with its
 * outside stroke, the scale's ends) are compared with the chart's lines (the neutral line, the
 * curves' paths) and with one another.
 *
 * - On a chart shared by curves, a note sits by its own marker: never on another curve's
 *   marker or note, and nearer its own marker than any other.
 * - A note on a slope, or at a point alone, is on neither the neutral line nor its own curve.
 * - A note of any length (up to the format's 280 characters) is clear of its marker and inside
 *   the chart, which grows below to hold it.
 * - The scale's ends in the label column are level with where the scale's max and min are plotted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMap } from '../../src/figma/map-ops';
import { scoreToY, type ScaleRange } from '../../src/layout/emotion';
import { EMOTION_AREA } from '../../src/layout/map-spec';
import { LIMITS } from '../../src/model/limits';
import type { JourneyMap } from '../../src/model';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples, norm } from '../support/maps';
import { tagged } from '../support/update-cases';
import { centre, distance, overlap, type Box } from '../support/boxes';

beforeEach(() => installFakeFigma());
afterEach(() => uninstallFakeFigma());

type Segment = [number, number, number, number];

/** A segment through a box (sampled finely: the curves are drawn from short cubic pieces). */
function crosses([x0, y0, x1, y1]: Segment, b: Box): boolean {
  for (let i = 0; i <= 20; i++) {
    const x = x0 + ((x1 - x0) * i) / 20;
    const y = y0 + ((y1 - y0) * i) / 20;
    if (x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height) return true;
  }
  return false;
}

/** A path's cubic (C) and straight (L) pieces as short segments, offset to the canvas. */
function segments(d: string, dx: number, dy: number): Segment[] {
  const n = d.split(' ');
  const out: Segment[] = [];
  let [x, y] = [Number(n[1]), Number(n[2])];
  for (let i = 3; i < n.length;) {
    if (n[i] === 'L') {
      out.push([x + dx, y + dy, Number(n[i + 1]) + dx, Number(n[i + 2]) + dy]);
      [x, y] = [Number(n[i + 1]), Number(n[i + 2])];
      i += 3;
      continue;
    }
    const [ax, ay, bx, by, cx, cy] = n.slice(i + 1, i + 7).map(Number);
    let [px, py] = [x, y];
    for (let k = 1; k <= 40; k++) {
      const t = k / 40;
      const u = 1 - t;
      const qx = u ** 3 * x + 3 * u * u * t * ax + 3 * u * t * t * bx + t ** 3 * cx;
      const qy = u ** 3 * y + 3 * u * u * t * ay + 3 * u * t * t * by + t ** 3 * cy;
      out.push([px + dx, py + dy, qx + dx, qy + dy]);
      [px, py] = [qx, qy];
    }
    [x, y] = [cx, cy];
    i += 7;
  }
  return out;
}

interface Drawn {
  area: Box;
  baseline: number;
  markers: Array<{ lane: string; stage: string; box: Box }>;
  notes: Array<{ lane: string; stage: string; text: string; pill: Box; dot?: string }>;
  curves: Array<{ lane: string; segments: Segment[] }>;
  axis: Box[];
}

const box = (n: SceneNode): Box => {
  const b = n.absoluteBoundingBox!;
  return { x: b.x, y: b.y, width: b.width, height: b.height };
};

/** The first emotion chart of a map, as the plugin draws it on the canvas. */
async function draw(map: JourneyMap): Promise<Drawn> {
  const { frame } = await createMap(map);
  const areaNode = tagged(frame, 'emotion-area')[0] as FrameNode;
  const area = box(areaNode);
  const within = (n: SceneNode) => {
    for (let p = n.parent; p; p = p.parent) if (p === areaNode) return true;
    return false;
  };
  const baselineNode = tagged(frame, 'emotion-baseline').find(within) as VectorNode;
  const baseline = area.y + Number(baselineNode.vectorPaths[0].data.split(' ')[2]);
  const markers: Drawn['markers'] = [];
  const notes: Drawn['notes'] = [];
  const curves: Drawn['curves'] = [];
  for (const lane of map.lanes) {
    if (lane.kind !== 'emotion') continue;
    for (const m of tagged(frame, 'emotion-marker', { lane: lane.id }).filter(within)) {
      const b = box(m);
      const s = (m as EllipseNode).strokeWeight as number;
      const stage = map.stages.find((st) => tagged(frame, 'emotion-marker', { lane: lane.id, stage: st.id })[0] === m);
      markers.push({
        lane: lane.id,
        stage: stage!.id,
        box: { x: b.x - s, y: b.y - s, width: b.width + 2 * s, height: b.height + 2 * s },
      });
    }
    for (const st of map.stages) {
      const pill = tagged(frame, 'emotion-note-pill', { lane: lane.id, stage: st.id }).filter(within)[0];
      if (!pill) continue;
      const text = tagged(pill, 'emotion-note-text')[0] as TextNode;
      const dot = tagged(pill, 'emotion-legend-swatch')[0] as EllipseNode | undefined;
      const fill = dot && (dot.fills as SolidPaint[])[0].color;
      notes.push({
        lane: lane.id,
        stage: st.id,
        text: text.characters,
        pill: box(pill),
        dot: fill && `${fill.r.toFixed(3)},${fill.g.toFixed(3)},${fill.b.toFixed(3)}`,
      });
    }
    for (const c of tagged(frame, 'emotion-curve', { lane: lane.id }).filter(within))
      curves.push({ lane: lane.id, segments: segments((c as VectorNode).vectorPaths[0].data, area.x, area.y) });
  }
  const axis = tagged(frame, 'emotion-axis').map(box);
  frame.remove();
  return { area, baseline, markers, notes, curves, axis };
}

const markerOf = (d: Drawn, lane: string, stage: string) =>
  d.markers.find((m) => m.lane === lane && m.stage === stage)!;

/** The problems of one drawn chart's notes: on another curve's marker or note, or nearer another's marker. */
function sharedProblems(d: Drawn): string[] {
  const out: string[] = [];
  for (const n of d.notes) {
    const own = markerOf(d, n.lane, n.stage);
    const o = centre(own.box);
    const ownDistance = distance(n.pill, o.x, o.y);
    for (const m of d.markers) {
      if (m.lane === n.lane) continue;
      if (overlap(n.pill, m.box)) out.push(`"${n.text}" (${n.lane}) covers ${m.lane}'s marker at ${m.stage}`);
      const c = centre(m.box);
      if (distance(n.pill, c.x, c.y) < ownDistance)
        out.push(`"${n.text}" (${n.lane}) is nearer ${m.lane}'s marker at ${m.stage} than its own`);
    }
    for (const other of d.notes)
      if (other !== n && overlap(n.pill, other.pill)) out.push(`"${n.text}" covers "${other.text}"`);
  }
  return out;
}

const DEFAULT: ScaleRange = { min: -2, max: 2 };
const example = (file: string) => norm(loadExamples().find((e) => e.file === file)!.input);

function twoCurves(scale: ScaleRange, a: number[], b: number[], notes: [string?, string?][]): JourneyMap {
  const stages = a.map((_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
  const cells = (scores: number[], which: 0 | 1) =>
    Object.fromEntries(
      scores.map((score, i) => [`s${i}`, notes[i]?.[which] ? { score, note: notes[i][which] } : { score }]),
    );
  return norm({
    version: 2,
    title: 'Two curves',
    stages,
    lanes: [
      { id: 'one', title: 'One', kind: 'emotion', scale, cells: cells(a, 0) },
      { id: 'two', title: 'Two', kind: 'emotion', overlay: 'one', cells: cells(b, 1) },
    ],
  });
}

describe('on a shared chart, a note sits by its own marker', () => {
  it('in the two examples with shared charts', async () => {
    for (const file of ['redesign-as-is-to-be.json', 'two-personas-clinic.json']) {
      const d = await draw(example(file));
      expect(d.notes.length, file).toBeGreaterThan(2);
      expect(sharedProblems(d), file).toEqual([]);
    }
  });

  it('for every pair of scores of two curves at a stage, with a note on either or both', async () => {
    const scale = { min: 1, max: 5 };
    const steps = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];
    const which: [string?, string?][] = [
      [undefined, 'Theirs, a little longer'],
      ['Mine, hidden on page 2', 'Theirs on one screen'],
    ];
    const problems: string[] = [];
    for (const notes of which)
      for (const sa of steps) {
        // One map per score of the first curve: the second takes every score, one stage each.
        const a = steps.map(() => sa);
        const map = twoCurves(
          scale,
          a,
          steps,
          steps.map(() => notes),
        );
        const d = await draw(map);
        problems.push(...sharedProblems(d).map((p) => `${sa} vs ${JSON.stringify(notes)}: ${p}`));
      }
    expect(problems).toEqual([]);
  });

  it('and carries a dot in its own curve’s colour', async () => {
    const d = await draw(example('redesign-as-is-to-be.json'));
    const dots = new Map<string, Set<string>>();
    for (const n of d.notes) dots.set(n.lane, (dots.get(n.lane) ?? new Set()).add(n.dot!));
    expect([...dots.values()].map((s) => s.size)).toEqual([1, 1]);
    expect(new Set([...dots.values()].map((s) => [...s][0])).size).toBe(2);
  });
});

/** Problems of a one-curve chart's notes: on the neutral line, or on their own curve. */
function lineProblems(d: Drawn): string[] {
  const out: string[] = [];
  for (const n of d.notes) {
    if (n.pill.y - 1 < d.baseline && d.baseline < n.pill.y + n.pill.height + 1)
      out.push(`"${n.text}" sits on the neutral line`);
    const pill = { x: n.pill.x, y: n.pill.y - 1, width: n.pill.width, height: n.pill.height + 2 };
    if (d.curves.some((c) => c.lane === n.lane && c.segments.some((s) => crosses(s, pill))))
      out.push(`"${n.text}" covers its curve`);
  }
  return out;
}

describe('a note on a slope or alone is on neither the neutral line nor its curve', () => {
  it('in the examples the walkthrough named', async () => {
    for (const file of ['call-centre.json', 'ecommerce.json', 'saas-onboarding.json']) {
      const d = await draw(example(file));
      expect(lineProblems(d), file).toEqual([]);
    }
  });

  it('on slopes up and down and at points alone, for every quarter step off the neutral line', async () => {
    const problems: string[] = [];
    for (const note of ['Relieved, but repeated', 'Stressed, client call at 2 and the line still down'])
      for (let score = -2; score <= 2; score += 0.25) {
        if (Math.abs(score) < 0.5) continue; // a note by the neutral line is clear of it on either side
        for (const [before, after] of [
          [-2, 2],
          [2, -2],
          [undefined, undefined],
        ]) {
          const cells: Record<string, { score: number; note?: string }> = { b: { score, note } };
          if (before !== undefined) cells.a = { score: score < 0 ? -2 : Math.max(score - 1.5, -2) };
          if (after !== undefined) cells.c = { score: score < 0 ? Math.min(score + 1.5, 2) : 2 };
          // A slope through the point: one neighbour below it, the other above (in the order given).
          if (before !== undefined && after !== undefined) {
            const lo = Math.max(-2, score - 1);
            const hi = Math.min(2, score + 1);
            cells.a = { score: before < 0 ? lo : hi };
            cells.c = { score: after < 0 ? lo : hi };
            if (lo === score || hi === score) continue; // at an end of the scale it is a peak or a dip
          }
          const map = norm({
            version: 2,
            title: 'Slopes',
            stages: ['a', 'b', 'c'].map((id) => ({ id, name: id })),
            lanes: [{ id: 'feel', title: 'Feeling', kind: 'emotion', cells }],
          });
          const d = await draw(map);
          const shape = before === undefined ? 'alone' : before < 0 ? 'up' : 'down';
          problems.push(...lineProblems(d).map((p) => `${score}, ${shape}: ${p}`));
        }
      }
    expect(problems).toEqual([]);
  });
});

describe('a long note', () => {
  const long = Array.from({ length: 60 }, (_, i) => `word${i}`)
    .join(' ')
    .slice(0, LIMITS.itemText);

  it('is clear of its marker and inside the chart at every quarter step, alone and sharing its stage', async () => {
    expect(long.length).toBe(LIMITS.itemText);
    const problems: string[] = [];
    for (let score = -2; score <= 2; score += 0.25)
      for (const shared of [false, true]) {
        const map = shared
          ? twoCurves(DEFAULT, [score, 0], [-score, 0], [[long, long]])
          : norm({
              version: 2,
              title: 'Long',
              stages: [
                { id: 's0', name: 'A' },
                { id: 's1', name: 'B' },
              ],
              lanes: [{ id: 'one', title: 'Feeling', kind: 'emotion', cells: { s0: { score, note: long } } }],
            });
        const d = await draw(map);
        for (const n of d.notes) {
          const where = `${score}${shared ? ' (shared)' : ''}, ${n.lane}`;
          if (overlap(n.pill, markerOf(d, n.lane, n.stage).box)) problems.push(`${where}: covers its marker`);
          if (n.pill.y < d.area.y) problems.push(`${where}: above the chart by ${d.area.y - n.pill.y}`);
          const below = n.pill.y + n.pill.height - (d.area.y + d.area.height);
          if (below > 0) problems.push(`${where}: below the chart by ${below}`);
        }
      }
    expect(problems).toEqual([]);
  });
});

describe('the scale’s ends are level with its max and min', () => {
  it('on a chart of its own and on a shared one with a legend', async () => {
    const scale = { min: 1, max: 5, low: 'Frustrated', high: 'Delighted' };
    const own = norm({
      version: 2,
      title: 'Scale',
      stages: [{ id: 's0', name: 'A' }],
      lanes: [{ id: 'one', title: 'Feeling', kind: 'emotion', scale, cells: { s0: { score: 3 } } }],
    });
    for (const map of [own, example('redesign-as-is-to-be.json')]) {
      const d = await draw(map);
      expect(d.axis).toHaveLength(2);
      const [top, bottom] = d.axis.map((b) => centre(b).y - d.area.y);
      expect(Math.abs(top - scoreToY(scale.max, EMOTION_AREA, scale))).toBeLessThanOrEqual(1);
      expect(Math.abs(bottom - scoreToY(scale.min, EMOTION_AREA, scale))).toBeLessThanOrEqual(1);
    }
  });
});
