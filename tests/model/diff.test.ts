/**
 * The difference between two maps (src/model/diff.ts): exact on random pairs (applying what it
 * reports to the older map gives the newer one), minimal where it can be checked (no changes
 * between equal maps; one stage dragged is one move), and in words.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDiff, diffMaps, formatDelta } from '../../src/model/diff';
import type { JourneyMap } from '../../src/model';
import { arbMapInput } from '../support/arbitraries';
import { arbEdits, applyEdits } from '../support/map-edits';
import { clone, loadExamples, norm } from '../support/maps';

/**
 * A diff must survive the trip to the panel: plain JSON. Maps are compared as JSON too: they
 * are stored and sent as JSON, where a score of -0 (which an edit can produce) is 0.
 */
const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('diffMaps', () => {
  it('is exact on random edit sequences: applying it to the older map gives the newer one', () => {
    fc.assert(
      fc.property(arbMapInput({ maxStages: 8, maxLanes: 5 }), arbEdits(8), (input, edits) => {
        const a = norm(input);
        const b = norm(applyEdits(a, edits));
        const d = viaJson(diffMaps(a, b));
        expect(viaJson(applyDiff(a, d))).toEqual(viaJson(b));
        expect(d.count === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
        // And the other way round.
        expect(viaJson(applyDiff(b, viaJson(diffMaps(b, a))))).toEqual(viaJson(a));
      }),
      { numRuns: 300 },
    );
  });

  it('is exact between any two random maps (ids shared or not)', () => {
    fc.assert(
      fc.property(arbMapInput({ maxStages: 6, maxLanes: 4 }), arbMapInput({ maxStages: 6, maxLanes: 4 }), (x, y) => {
        const a = norm(x);
        const b = norm(y);
        expect(viaJson(applyDiff(a, viaJson(diffMaps(a, b))))).toEqual(viaJson(b));
      }),
      { numRuns: 200 },
    );
  });

  it('does not change the maps it compares', () => {
    fc.assert(
      fc.property(arbMapInput({ maxStages: 6, maxLanes: 4 }), arbEdits(6), (input, edits) => {
        const a = norm(input);
        const b = norm(applyEdits(a, edits));
        const [a0, b0] = [clone(a), clone(b)];
        applyDiff(a, diffMaps(a, b));
        expect([a, b]).toEqual([a0, b0]);
      }),
      { numRuns: 50 },
    );
  });

  it('reports nothing between equal maps', () => {
    for (const { input } of loadExamples()) {
      const d = diffMaps(norm(input), norm(input));
      expect([d.count, d.summary]).toEqual([0, 'no changes']);
    }
  });

  const base = norm({
    title: 'Shoes',
    objective: 'Why',
    personas: [{ name: 'Maya' }],
    stages: [{ name: 'Search' }, { name: 'Compare' }, { name: 'Checkout' }, { name: 'Wait' }, { name: 'Run' }],
    lanes: [
      { title: 'Doing', kind: 'text', cells: { search: 'Googles', checkout: 'Pays' } },
      { title: 'Touchpoints', kind: 'cards', cells: { search: ['Ad'] } },
      {
        title: 'Today',
        kind: 'emotion',
        cells: { search: { score: 1 }, checkout: { score: 1, note: 'Fine' }, run: { score: 2 } },
      },
    ],
  });

  it('names each kind of change, cells before → after and scores with their delta', () => {
    const b = clone(base);
    b.stages.push({ id: 'return', name: 'Return' }, { id: 'review', name: 'Review' });
    b.stages[1].name = 'Compare models';
    b.stages[2].moment = true;
    b.lanes[0].cells.search = 'Searches';
    (b.lanes[1].cells as Record<string, string[]>).compare = ['Reviews', 'Video'];
    (b.lanes[2].cells as Record<string, { score: number; note?: string }>).checkout = { score: -0.5, note: 'Worried' };
    delete (b.lanes[2].cells as Record<string, unknown>).run;
    b.objective = 'Why, again';
    const d = diffMaps(base, b);
    expect(d.stages.added.map((s) => [s.id, s.index])).toEqual([
      ['return', 5],
      ['review', 6],
    ]);
    expect(d.stages.renamed).toEqual([{ id: 'compare', before: 'Compare', after: 'Compare models' }]);
    expect(d.stages.changed).toEqual([{ id: 'checkout', name: 'Checkout', field: 'moment', after: true }]);
    expect(d.cells).toEqual([
      {
        lane: 'doing',
        stage: 'search',
        laneTitle: 'Doing',
        stageName: 'Search',
        kind: 'text',
        before: 'Googles',
        after: 'Searches',
      },
      {
        lane: 'touchpoints',
        stage: 'compare',
        laneTitle: 'Touchpoints',
        stageName: 'Compare models',
        kind: 'cards',
        after: ['Reviews', 'Video'],
      },
      {
        lane: 'today',
        stage: 'checkout',
        laneTitle: 'Today',
        stageName: 'Checkout',
        kind: 'note',
        before: 'Fine',
        after: 'Worried',
      },
    ]);
    expect(d.scores).toEqual([
      {
        lane: 'today',
        stage: 'checkout',
        laneTitle: 'Today',
        stageName: 'Checkout',
        before: 1,
        after: -0.5,
        delta: -1.5,
      },
      { lane: 'today', stage: 'run', laneTitle: 'Today', stageName: 'Run', before: 2 },
    ]);
    expect(d.summary).toBe(
      "objective changed, 2 stages added, stage 'Compare' renamed 'Compare models', 'Checkout' marked a moment of truth, " +
        "4 cells changed, curve 'Today' −1.5 at Checkout",
    );
    expect(applyDiff(base, d)).toEqual(b);
  });

  it('counts one stage dragged to the end as one move, and names lanes and personas', () => {
    const b = clone(base);
    b.stages.push(b.stages.shift()!);
    b.lanes.splice(1, 1);
    b.lanes[0].title = 'Actions';
    b.personas!.push({ id: 'sam', name: 'Sam' });
    b.personas![0].role = 'Runner';
    const d = diffMaps(base, b);
    expect(d.stages.moved).toEqual([{ id: 'search', name: 'Search', from: 0, to: 4 }]);
    expect(d.lanes.removed).toEqual([{ id: 'touchpoints', name: 'Touchpoints', index: 1 }]);
    expect(d.personas.changed).toEqual([{ id: 'maya', name: 'Maya', field: 'role', after: 'Runner' }]);
    expect(d.summary).toBe(
      "stage 'Search' moved, lane 'Touchpoints' removed, lane 'Doing' renamed 'Actions', persona 'Sam' added, 1 persona edited",
    );
    expect(applyDiff(base, d)).toEqual(b);
  });

  it('names at most three score moves, the largest first, and counts the rest', () => {
    const b = clone(base);
    const cells = b.lanes[2].cells as Record<string, { score: number }>;
    cells.search.score = 0.75;
    cells.checkout.score = -2;
    cells.run.score = 0;
    b.stages.forEach((s) => (s.name = s.name.toUpperCase()));
    const more = clone(b);
    (more.lanes[2].cells as Record<string, { score: number }>).compare = { score: 0 };
    (more.lanes[2].cells as Record<string, { score: number }>).wait = { score: 0 };
    expect(diffMaps(base, b).summary).toBe(
      "5 stages renamed, curve 'Today' −3 at CHECKOUT, curve 'Today' −2 at RUN, curve 'Today' −0.25 at SEARCH",
    );
    const c = clone(b);
    (c.lanes[2].cells as Record<string, { score: number }>).compare = { score: 1 };
    (base.lanes[2].cells as Record<string, { score: number }>).compare = { score: -1 };
    expect(diffMaps(base, c).summary).toBe(
      "5 stages renamed, curve 'Today' −3 at CHECKOUT, curve 'Today' +2 at COMPARE, curve 'Today' −2 at RUN, 1 more score moved",
    );
    delete (base.lanes[2].cells as Record<string, unknown>).compare;
    expect(diffMaps(base, more).summary).toContain('2 cells changed');
  });

  it('shortens long names in words, and writes deltas with a real minus', () => {
    const b = clone(base);
    b.stages[0].name = 'A very long stage name that goes on and on and on';
    expect(diffMaps(base, b).summary).toBe("stage 'Search' renamed 'A very long stage name that goe…'");
    expect([formatDelta(-1.5), formatDelta(1), formatDelta(0.25), formatDelta(-1 / 3)]).toEqual([
      '−1.5',
      '+1',
      '+0.25',
      '−0.33',
    ]);
  });

  it('reports a lane that changed kind with its cells whole', () => {
    const b = clone(base) as JourneyMap;
    b.lanes[1] = { id: 'touchpoints', title: 'Touchpoints', kind: 'text', cells: { search: 'Ad' } };
    const d = diffMaps(base, b);
    expect(d.lanes.changed.map((c) => c.field).sort()).toEqual(['cells', 'kind']);
    expect(applyDiff(base, d)).toEqual(b);
  });
});
