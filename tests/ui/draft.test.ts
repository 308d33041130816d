/**
 * Format 2 through the panel: every field of a map survives draft → map input → normaliseMap →
 * draft, and the draft saved in Figma's clientStorage; a draft saved before format 2 (one
 * `persona`) is read; the panel's edits of personas, scales and charts keep the map valid.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbMapInput } from '../support/arbitraries';
import { norm } from '../support/maps';
import { normaliseMap, type EmotionLane, type JourneyMap, type LaneKind } from '../../src/model';
import { draftFromMap, readStoredDraft, toMapInput, type DraftMap } from '../../ui/draft';
import * as edit from '../../ui/edit';

const arbMap = arbMapInput({ maxStages: 6, maxLanes: 6 }).map((input) => norm(input));

describe('every format-2 field round-trips through the panel', () => {
  it('map → draft → map input → normaliseMap gives the map back, and its draft the draft', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const draft = draftFromMap(map);
        const again = normaliseMap(toMapInput(draft));
        expect(again.ok && again.value).toEqual(map);
        expect(draftFromMap(again.ok ? again.value : map)).toEqual(draft);
      }),
      { numRuns: 300 },
    );
  });

  it('a saved draft (and its base) comes back as it was, through JSON as Figma stores it', () => {
    fc.assert(
      fc.property(arbMap, arbMap, (a, b) => {
        const map = draftFromMap(a);
        const base = draftFromMap(b);
        const saved = JSON.parse(JSON.stringify({ v: 1, map, target: { nodeId: '1:2', revision: 3, base } }));
        const stored = readStoredDraft(saved);
        expect(stored?.map).toEqual(map);
        expect(stored?.target?.base).toEqual(base);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the fields the map has that the panel has no field for: scale words on overlays, explicit defaults', () => {
    const map = norm({
      version: 2,
      title: 'T',
      objective: 'Why',
      personas: [{ id: 'p', name: 'P' }],
      stages: [{ id: 'a', name: 'A', moment: true, momentNote: 'Here' }],
      lanes: [
        {
          id: 'e',
          title: 'E',
          kind: 'emotion',
          scale: { min: -2, max: 2 },
          style: 'solid',
          cells: { a: { score: -2 } },
        },
        { id: 'o', title: 'O', kind: 'emotion', overlay: 'e', scale: { min: -2, max: 2, low: 'x' }, persona: 'p' },
      ],
    });
    const stored = readStoredDraft(JSON.parse(JSON.stringify({ v: 1, map: draftFromMap(map) })));
    expect(normaliseMap(toMapInput(stored!.map))).toEqual({ ok: true, value: map });
  });
});

describe('drafts saved before format 2', () => {
  const v1 = (persona: unknown) => ({
    v: 1,
    map: {
      title: 'T',
      persona,
      stages: [{ id: 'a', name: 'A' }],
      lanes: [{ id: 'e', title: 'E', kind: 'emotion', cells: { a: { score: 1 } } }],
    },
  });

  it('a persona becomes the first of the personas, with an id made from its name', () => {
    const stored = readStoredDraft(
      v1({ name: 'Maya López', role: 'Nurse', quote: '', description: '', goals: ['Park'], frustrations: [] }),
    );
    expect(stored?.map.personas).toEqual([
      {
        id: 'maya-lopez',
        name: 'Maya López',
        role: 'Nurse',
        quote: '',
        description: '',
        goals: ['Park'],
        frustrations: [],
      },
    ]);
    expect(normaliseMap(toMapInput(stored!.map)).ok).toBe(true);
  });

  it('a persona left empty means none', () => {
    const empty = { name: '', role: '', quote: '', description: '', goals: [], frustrations: [] };
    expect(readStoredDraft(v1(empty))?.map.personas).toEqual([]);
    expect(readStoredDraft(v1(undefined))?.map.personas).toEqual([]);
  });
});

/* ---------------- the panel's edits ---------------- */

const PRESETS = edit.SCALE_PRESETS;

describe('scores keep their meaning when a scale changes', () => {
  const arbRange = fc
    .record({ min: fc.integer({ min: -5, max: 5 }), span: fc.integer({ min: 2, max: 10 }) })
    .map(({ min, span }) => ({ min, max: min + span }));

  it('a rescaled score lies on the new scale, on a quarter step, at the place it had (within half a step)', () => {
    fc.assert(
      fc.property(arbRange, arbRange, fc.nat(40), (from, to, k) => {
        const score = from.min + (k % ((from.max - from.min) * 4 + 1)) / 4;
        const got = edit.rescaleScore(score, from, to);
        expect(got).toBeGreaterThanOrEqual(to.min);
        expect(got).toBeLessThanOrEqual(to.max);
        expect(Number.isInteger(got * 4)).toBe(true);
        const place = (v: number, s: typeof from) => (v - s.min) / (s.max - s.min);
        expect(Math.abs(place(got, to) - place(score, from))).toBeLessThanOrEqual(0.125 / (to.max - to.min) + 1e-9);
      }),
    );
  });

  it('onto a scale as fine or finer and back gives every score back', () => {
    fc.assert(
      fc.property(arbRange, arbRange, fc.nat(40), (a, b, k) => {
        const [from, to] = a.max - a.min <= b.max - b.min ? [a, b] : [b, a];
        const score = from.min + (k % ((from.max - from.min) * 4 + 1)) / 4;
        expect(edit.rescaleScore(edit.rescaleScore(score, from, to), to, from)).toBe(score);
      }),
    );
  });

  it('the five levels of −2..+2, and numbers with the words at the ends on other scales', () => {
    expect(edit.scoreLevels({ min: -2, max: 2 }).map((l) => l.text)).toEqual([
      '−2 very negative',
      '−1 negative',
      '0 neutral',
      '+1 positive',
      '+2 very positive',
    ]);
    expect(edit.scoreLevels({ min: 1, max: 5, low: 'Awful', high: 'Great' }).map((l) => l.text)).toEqual([
      '1 Awful',
      '2',
      '3',
      '4',
      '5 Great',
    ]);
    expect(edit.scoreLevels({ min: 0, max: 10 })).toHaveLength(11);
  });

  it('setScore snaps to a quarter step within the lane’s scale and keeps the note', () => {
    const draft = draftFromMap(
      norm({
        title: 'T',
        stages: [{ id: 'a', name: 'A' }],
        lanes: [
          { id: 'e', title: 'E', kind: 'emotion', scale: { min: 1, max: 5 }, cells: { a: { score: 2, note: 'n' } } },
        ],
      }),
    );
    expect(edit.getCell(edit.setScore(draft, 'e', 'a', 4.1), 'e', 'a')).toEqual({ score: 4, note: 'n' });
    expect(edit.getCell(edit.setScore(draft, 'e', 'a', 9), 'e', 'a')).toEqual({ score: 5, note: 'n' });
    expect(edit.setScore(draft, 'e', 'a', 2)).toBe(draft);
  });
});

/** One of the panel's edits, chosen by numbers (so fast-check can shrink sequences). */
type PanelEdit = { op: number; a: number; b: number; name: string };
const arbPanelEdits = fc.array(
  fc.record({ op: fc.nat(15), a: fc.nat(), b: fc.nat(), name: fc.constantFrom('Maya', 'Bo', 'Maya', 'Émile', '') }),
  { maxLength: 12 },
);

function applyPanelEdit(m: DraftMap, e: PanelEdit): DraftMap {
  const lane = m.lanes.length ? m.lanes[e.a % m.lanes.length] : undefined;
  const curves = m.lanes.filter((l): l is EmotionLane => l.kind === 'emotion');
  const curve = curves.length ? curves[e.a % curves.length] : undefined;
  const pi = m.personas.length ? e.a % m.personas.length : -1;
  const stage = m.stages[e.a % m.stages.length];
  switch (e.op) {
    case 0:
      return edit.addPersona(m);
    case 1:
      // Typed, then the field left: the id comes with the name.
      return pi < 0 || !e.name ? m : edit.settlePersonaIds(edit.setPersona(m, pi, 'name', e.name));
    case 2:
      return pi < 0 ? m : edit.removePersona(m, pi);
    case 3:
      return pi < 0 ? m : edit.movePersona(m, pi, e.b % 2 ? 1 : -1);
    case 4:
      return curve ? edit.setLaneScale(m, curve.id, PRESETS[e.b % PRESETS.length]) : m;
    case 5:
      return curve ? edit.setLaneScaleWord(m, curve.id, e.b % 2 ? 'low' : 'high', e.name) : m;
    case 6: {
      if (!curve) return m;
      const hosts = edit.chartHosts(m, curve.id);
      return edit.setLaneOverlay(
        m,
        curve.id,
        e.b % 3 === 0 || !hosts.length ? undefined : hosts[e.b % hosts.length].id,
      );
    }
    case 7: {
      const named = m.personas.filter((p) => p.id !== undefined);
      return curve
        ? edit.setLanePersona(m, curve.id, named.length && e.b % 3 ? named[e.b % named.length].id : undefined)
        : m;
    }
    case 8:
      return curve ? edit.setLaneStyle(m, curve.id, e.b % 2 ? 'dashed' : 'solid') : m;
    case 9:
      return lane ? edit.removeLane(m, lane.id) : m;
    case 10:
      return lane ? edit.setLaneKind(m, lane.id, (['text', 'cards', 'emotion'] as LaneKind[])[e.b % 3]) : m;
    case 11:
      return edit.addLane(m, 'emotion', `Curve ${e.b % 5}`);
    case 12:
      return edit.setStageMoment(m, stage.id, e.b % 2 === 0);
    case 13:
      return edit.updateStage(m, stage.id, { momentNote: e.name });
    case 14:
      return edit.setObjective(m, e.name);
    default:
      return curve && m.stages.length ? edit.setScore(m, curve.id, stage.id, (e.b % 41) / 4 - 5) : m;
  }
}

describe('the panel’s edits keep a map valid', () => {
  it('any sequence of persona, curve, chart, scale, moment and objective edits gives a map that normalises', () => {
    fc.assert(
      fc.property(arbMap, arbPanelEdits, (map: JourneyMap, edits) => {
        let m = draftFromMap(map);
        for (const e of edits) {
          m = applyPanelEdit(m, e);
          // A persona added but not named yet is reported (its name), and only that.
          const r = normaliseMap(toMapInput(m));
          const issues = r.ok ? [] : r.issues.filter((i) => !/^personas\[\d+\]\.name$/.test(i.path));
          expect(issues, JSON.stringify(e)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
