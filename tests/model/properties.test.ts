/**
 * Properties over generated maps: every valid input normalises into the
 * canonical form other modules rely on; every broken one is refused with an
 * issue at exactly the place the defect was injected.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseMap, parseMapJson, serialiseMap, JourneyMapSchema } from '../../src/model';
import { arbBrokenMap, arbMapInput, DEFECTS, type Defect } from '../support/arbitraries';
import { norm } from '../support/maps';

describe('valid maps (arbMapInput)', () => {
  it('normalise, with unique ids and cells keyed only by stage ids', () => {
    fc.assert(
      fc.property(arbMapInput(), (input) => {
        const map = norm(input);
        const stageIds = map.stages.map((s) => s.id);
        expect(new Set(stageIds).size).toBe(stageIds.length);
        const laneIds = map.lanes.map((l) => l.id);
        expect(new Set(laneIds).size).toBe(laneIds.length);
        for (const lane of map.lanes) {
          // cells come back in stage order, keyed by real stage ids
          const keys = Object.keys(lane.cells);
          expect(keys).toEqual(stageIds.filter((id) => keys.includes(id)));
        }
        expect(JourneyMapSchema.safeParse(map).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keep every explicit id and every non-empty cell', () => {
    fc.assert(
      fc.property(arbMapInput(), (input) => {
        const map = norm(input);
        const raw = input as { stages: { id?: string }[]; lanes: { id?: string; cells?: Record<string, unknown> }[] };
        raw.stages.forEach((s, i) => s.id !== undefined && expect(map.stages[i].id).toBe(s.id));
        raw.lanes.forEach((l, i) => {
          if (l.id !== undefined) expect(map.lanes[i].id).toBe(l.id);
          // the generator only writes non-empty cells, so none may be dropped
          expect(Object.keys(map.lanes[i].cells).sort()).toEqual(Object.keys(l.cells ?? {}).sort());
        });
      }),
      { numRuns: 200 },
    );
  });

  it('put cells in stage order even when the file lists them in another order', () => {
    fc.assert(
      fc.property(arbMapInput(), fc.nat(), (input, seed) => {
        const expected = norm(input);
        // Rotate and reverse every lane's cell keys: the generator writes them in stage order.
        const shuffled = structuredClone(input) as { lanes: { cells?: Record<string, unknown> }[] };
        for (const lane of shuffled.lanes) {
          if (!lane.cells) continue;
          const entries = Object.entries(lane.cells).reverse();
          const k = entries.length ? seed % entries.length : 0;
          lane.cells = Object.fromEntries([...entries.slice(k), ...entries.slice(0, k)]);
        }
        const map = norm(shuffled);
        const order = map.stages.map((s) => s.id);
        for (const [i, lane] of map.lanes.entries()) {
          const keys = Object.keys(lane.cells);
          expect(keys).toEqual(order.filter((id) => keys.includes(id)));
          expect(keys).toEqual(Object.keys(expected.lanes[i].cells));
        }
        expect(serialiseMap(map)).toBe(serialiseMap(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('leave meta untouched', () => {
    fc.assert(
      fc.property(arbMapInput(), (input) => {
        const map = norm(input);
        const meta = (input as { meta?: unknown }).meta;
        expect(JSON.stringify(map.meta)).toBe(JSON.stringify(meta));
        expect(map.meta).toStrictEqual(meta);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trip through JSON text and normalise idempotently', () => {
    fc.assert(
      fc.property(arbMapInput(), (input) => {
        const map = norm(input);
        const back = parseMapJson(serialiseMap(map));
        expect(back).toEqual({ ok: true, value: map });
        expect(normaliseMap(map)).toEqual({ ok: true, value: map });
      }),
      { numRuns: 300 },
    );
  });

  it('respect the size options', () => {
    fc.assert(
      fc.property(arbMapInput({ maxStages: 3, maxLanes: 2 }), (input) => {
        const raw = input as { stages: unknown[]; lanes: unknown[] };
        expect(raw.stages.length).toBeGreaterThanOrEqual(1);
        expect(raw.stages.length).toBeLessThanOrEqual(3);
        expect(raw.lanes.length).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('broken maps (arbBrokenMap)', () => {
  it('fail with exactly one issue, at the injected path', () => {
    const seen = new Set<Defect>();
    fc.assert(
      fc.property(arbBrokenMap(), ({ input, path, defect }) => {
        seen.add(defect);
        const r = normaliseMap(input);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        // one defect, one issue: nothing else in the map may be reported
        expect(r.issues.map((i) => i.path)).toEqual([path]);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual([...DEFECTS].sort());
  });

  it('name the paths of the brief', () => {
    // A few fixed samples, so a change in path formatting shows up as a readable diff.
    const paths = fc.sample(arbBrokenMap(['cellForMissingStage', 'tooManyStages', 'newerVersion', 'titleTooLong']), {
      numRuns: 40,
      seed: 7,
    });
    for (const { path, defect } of paths) {
      if (defect === 'cellForMissingStage') expect(path).toMatch(/^lanes\[\d\]\.cells\.no-such-stage$/);
      else
        expect(path).toBe(
          { tooManyStages: 'stages', newerVersion: 'version', titleTooLong: 'title' }[defect as string],
        );
    }
  });
});
