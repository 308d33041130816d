import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbMapInput } from '../support/arbitraries';
import { arbEdits, applyEdits } from '../support/map-edits';
import { norm } from '../support/maps';
import type { EmotionLane, Lane } from '../../src/model';
import { normaliseMap } from '../../src/model';
import { draftFromMap, toMapInput, type DraftMap } from '../../ui/draft';
import { canonicalDraft, describeMerge, listLabels, mergeMaps, same } from '../../ui/merge';

/** A small map: stages Discover, Buy, Use; lanes Touchpoints (text), Pains (cards), Feeling (emotion). */
function baseMap(): DraftMap {
  return {
    title: 'Shop',
    personas: [
      { id: 'ana', name: 'Ana', role: 'Shopper', quote: '', description: '', goals: ['Buy fast'], frustrations: [] },
    ],
    stages: [
      { id: 'discover', name: 'Discover' },
      { id: 'buy', name: 'Buy', phase: 'During' },
      { id: 'use', name: 'Use' },
    ],
    lanes: [
      { id: 'touch', title: 'Touchpoints', kind: 'text', cells: { discover: 'Ads', buy: 'Web shop' } },
      { id: 'pains', title: 'Pains', kind: 'cards', tone: 'negative', cells: { buy: ['Slow checkout'] } },
      { id: 'feel', title: 'Feeling', kind: 'emotion', cells: { discover: { score: 1 }, buy: { score: -1 } } },
    ],
  };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** A copy of `m` changed by `fn` (which mutates the copy). */
function edited(m: DraftMap, fn: (m: DraftMap) => void): DraftMap {
  const out = clone(m);
  fn(out);
  return out;
}
const cells = (m: DraftMap, lane: string) =>
  m.lanes.find((l) => l.id === lane)!.cells as Record<string, unknown> as Record<string, never>;

describe('three-way merge of base, panel and canvas', () => {
  it('takes the panel’s edits and the canvas’s edits of different fields, and names the panel’s', () => {
    const base = baseMap();
    const panel = edited(base, (m) => {
      m.stages[1].name = 'Checkout';
      cells(m, 'touch').buy = 'App' as never;
    });
    const canvas = edited(base, (m) => {
      m.personas[0].role = 'Frequent shopper';
      cells(m, 'touch').discover = 'Billboards' as never;
      cells(m, 'feel').buy = { score: -2, note: 'Annoyed' } as never;
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map).toEqual(
      edited(base, (m) => {
        m.stages[1].name = 'Checkout';
        m.personas[0].role = 'Frequent shopper';
        Object.assign(cells(m, 'touch'), { buy: 'App', discover: 'Billboards' });
        cells(m, 'feel').buy = { score: -2, note: 'Annoyed' } as never;
      }),
    );
    expect(r.kept).toEqual(['Stage 2 name', 'Touchpoints · Checkout']);
    expect(r.conflicts).toEqual([]);
    expect(describeMerge(r)).toBe(
      'Reloaded from the canvas and kept your 2 edits (Stage 2 name, Touchpoints · Checkout). Press Update to put them on the canvas.',
    );
  });

  it('keeps the panel’s value where both changed a field differently, and lists it', () => {
    const base = baseMap();
    const panel = edited(base, (m) => {
      m.title = 'Shop (panel)';
      cells(m, 'pains').buy = ['Slow checkout', 'Fees'] as never;
      m.personas[0].goals = ['Buy fast', 'Pay less'];
    });
    const canvas = edited(base, (m) => {
      m.title = 'Shop (canvas)';
      cells(m, 'pains').buy = ['Slow'] as never;
      m.personas[0].goals = ['Buy fast', 'Pay less']; // the same change on both sides: no conflict
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map.title).toBe('Shop (panel)');
    expect(cells(r.map, 'pains').buy).toEqual(['Slow checkout', 'Fees']);
    expect(r.map.personas[0].goals).toEqual(['Buy fast', 'Pay less']);
    expect(r.kept).toEqual(['Map title', 'Pains · Buy']);
    expect(r.conflicts).toEqual(['Map title', 'Pains · Buy']);
    expect(describeMerge(r)).toBe(
      'Reloaded from the canvas and kept your 2 edits (Map title, Pains · Buy); ' +
        'the canvas also changed these, your version kept: Map title, Pains · Buy. Press Update to put them on the canvas.',
    );
  });

  it('compares canonical forms: a field typed and erased again is no edit', () => {
    const base = baseMap();
    const panel = edited(base, (m) => {
      m.stages[0].description = '   ';
      m.stages[0].name = ' Discover ';
      m.personas[0].frustrations = [''];
      cells(m, 'touch').use = '' as never;
      cells(m, 'pains').use = [' '] as never;
    });
    const canvas = edited(base, (m) => {
      m.stages[0].name = 'Find';
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.kept).toEqual([]);
    expect(r.map).toEqual(canvas);
  });

  it('stages: added on either side kept, removed on one side gone unless the other side changed them', () => {
    const base = edited(baseMap(), (m) => {
      m.stages.push({ id: 'leave', name: 'Leave' }, { id: 'return', name: 'Return' });
    });
    const panel = edited(base, (m) => {
      m.stages = m.stages.filter((s) => s.id !== 'use' && s.id !== 'leave'); // removes Use and Leave
      m.stages.push({ id: 'share', name: 'Share' }); // adds Share at the end
      m.stages.find((s) => s.id === 'return')!.name = 'Come back'; // edits Return
    });
    const canvas = edited(base, (m) => {
      cells(m, 'touch').use = 'Manual' as never; // edits Use, which the panel removed
      m.stages = m.stages.filter((s) => s.id !== 'return'); // removes Return, which the panel edited
      m.stages.splice(1, 0, { id: 'compare', name: 'Compare' }); // adds Compare after Discover
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map.stages.map((s) => s.name)).toEqual(['Discover', 'Compare', 'Buy', 'Come back', 'Share']);
    expect(cells(r.map, 'touch').use).toBeUndefined();
    expect(r.kept).toEqual([
      'Stage 4 (removed on the canvas)',
      'Stage 5 added',
      'Stage “Use” removed',
      'Stage “Leave” removed',
    ]);
    expect(r.conflicts).toEqual(['Stage 4 (removed on the canvas)', 'Stage “Use” removed']);
  });

  it('order: the panel’s if it reordered, else the canvas’s; the other side’s additions next to their neighbour', () => {
    const base = baseMap();
    const panelMoved = edited(base, (m) => {
      m.stages.reverse(); // Use, Buy, Discover
    });
    const canvasAdded = edited(base, (m) => {
      m.stages.splice(2, 0, { id: 'pay', name: 'Pay' }); // after Buy
    });
    const r1 = mergeMaps(base, panelMoved, canvasAdded);
    expect(r1.map.stages.map((s) => s.id)).toEqual(['use', 'buy', 'pay', 'discover']);
    expect(r1.kept).toEqual(['Stage order']);
    expect(r1.conflicts).toEqual([]);

    const panelAdded = edited(base, (m) => {
      m.stages.splice(1, 0, { id: 'ask', name: 'Ask' }); // after Discover
    });
    const canvasMoved = edited(base, (m) => {
      m.stages = [m.stages[2], m.stages[0], m.stages[1]]; // Use, Discover, Buy
    });
    const r2 = mergeMaps(base, panelAdded, canvasMoved);
    expect(r2.map.stages.map((s) => s.id)).toEqual(['use', 'discover', 'ask', 'buy']);
    expect(r2.kept).toEqual(['Stage 3 added']);

    // Both reordered, differently: the panel's order, reported as a conflict.
    const r3 = mergeMaps(base, panelMoved, canvasMoved);
    expect(r3.map.stages.map((s) => s.id)).toEqual(['use', 'buy', 'discover']);
    expect(r3.conflicts).toEqual(['Stage order']);
  });

  it('lanes: added, removed and moved like stages; a lane whose kind the panel changed is the panel’s whole', () => {
    const base = baseMap();
    const panel = edited(base, (m) => {
      const pains = m.lanes[1] as Lane;
      m.lanes[1] = { id: pains.id, title: pains.title, kind: 'text', cells: { buy: 'Slow checkout' } };
      m.lanes.push({ id: 'ideas', title: 'Ideas', kind: 'cards', cells: { use: ['Reminders'] } });
      m.lanes = m.lanes.filter((l) => l.id !== 'feel');
    });
    const canvas = edited(base, (m) => {
      cells(m, 'pains').discover = ['No stock'] as never;
      m.lanes[0].title = 'Channels';
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map.lanes).toEqual([
      { id: 'touch', title: 'Channels', kind: 'text', cells: { discover: 'Ads', buy: 'Web shop' } },
      { id: 'pains', title: 'Pains', kind: 'text', cells: { buy: 'Slow checkout' } },
      { id: 'ideas', title: 'Ideas', kind: 'cards', cells: { use: ['Reminders'] } },
    ]);
    expect(r.kept).toEqual(['Kind of lane 2', 'Lane 3 added', 'Lane “Feeling” removed']);
    expect(r.conflicts).toEqual(['Kind of lane 2']);
  });

  it('labels fall back to positions when names are empty, and long lists are cut with a count', () => {
    const base = baseMap();
    const panel = edited(base, (m) => {
      m.stages[2].name = '';
      m.lanes[0].title = '';
      cells(m, 'touch').use = 'Manual' as never;
    });
    expect(mergeMaps(base, panel, base).kept).toEqual(['Stage 3 name', 'Lane 1 title', 'Lane 1 · Stage 3']);
    expect(listLabels(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
    expect(listLabels(['a', 'b'], 2)).toBe('a, b');
  });
});

describe('merge of personas, the objective, moments and curves', () => {
  const persona = (id: string, name: string) => ({
    id,
    name,
    role: '',
    quote: '',
    description: '',
    goals: [],
    frustrations: [],
  });
  const curve = (m: DraftMap, id: string) => m.lanes.find((l) => l.id === id) as EmotionLane;

  it('personas by id: fields of each, added and removed like stages, with labels naming them by position', () => {
    const base = edited(baseMap(), (m) => {
      m.personas.push(persona('bo', 'Bo'), persona('cy', 'Cy'));
    });
    const panel = edited(base, (m) => {
      m.personas[0].quote = 'Fast, please';
      m.personas = m.personas.filter((p) => p.id !== 'cy'); // removes Cy
      m.personas.push(persona('di', 'Di')); // adds Di
      m.personas.push({ ...persona('x', ''), id: undefined }); // a new one, not named yet
    });
    const canvas = edited(base, (m) => {
      m.personas[1].role = 'Builder'; // edits Bo
      m.personas[0].quote = 'Cheap, please'; // edits Ana's quote too
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map.personas.map((p) => p.id ?? p.name)).toEqual(['ana', 'bo', 'di', '']);
    expect(r.map.personas[0].quote).toBe('Fast, please');
    expect(r.map.personas[1].role).toBe('Builder');
    expect(r.kept).toEqual(['Quote of persona 1', 'Persona 3 added', 'Persona 4 added', 'Persona “Cy” removed']);
    expect(r.conflicts).toEqual(['Quote of persona 1']);
  });

  it('a persona removed on the canvas stays when the panel edited it or gave it a curve; else it goes', () => {
    const base = edited(baseMap(), (m) => {
      m.personas.push(persona('bo', 'Bo'));
    });
    const canvas = edited(base, (m) => {
      m.personas = [];
    });
    const gaveCurve = edited(base, (m) => {
      curve(m, 'feel').persona = 'bo';
    });
    const r = mergeMaps(base, gaveCurve, canvas);
    expect(r.map.personas.map((p) => p.id)).toEqual(['bo']);
    expect(curve(r.map, 'feel').persona).toBe('bo');
    expect(r.kept).toEqual(['Persona 1 (removed on the canvas)', 'Persona of lane 3']);
    // Untouched by the panel: gone, and a curve the canvas still tied to it (none here) would lose it.
    expect(mergeMaps(base, base, canvas).map.personas).toEqual([]);
  });

  it('objective and moments of truth merge field by field; an unmarked moment takes its note with it', () => {
    const base = edited(baseMap(), (m) => {
      m.objective = 'Why';
      Object.assign(m.stages[1], { moment: true, momentNote: 'Pay' });
    });
    const panel = edited(base, (m) => {
      m.objective = 'Why we lose people';
      delete m.stages[1].moment;
      delete m.stages[1].momentNote;
      m.stages[2].moment = true;
    });
    const canvas = edited(base, (m) => {
      m.stages[1].momentNote = 'Pay now';
      m.stages[0].moment = true;
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map.objective).toBe('Why we lose people');
    expect(r.map.stages.map((s) => [s.moment, s.momentNote])).toEqual([
      [true, undefined],
      [undefined, undefined],
      [true, undefined],
    ]);
    expect(r.kept).toEqual([
      'Objective',
      'Moment of truth of stage 2',
      'Moment note of stage 2',
      'Moment of truth of stage 3',
    ]);
    expect(r.conflicts).toEqual(['Moment note of stage 2']);
  });

  it('a curve’s scale, words, chart, persona and line each merge on their own', () => {
    const base = edited(baseMap(), (m) => {
      m.lanes.push({ id: 'tobe', title: 'To-be', kind: 'emotion', cells: {} });
    });
    const panel = edited(base, (m) => {
      Object.assign(curve(m, 'tobe'), { overlay: 'feel', style: 'dashed' });
      curve(m, 'feel').scale = { min: -2, max: 2, low: 'Bad' };
    });
    const canvas = edited(base, (m) => {
      curve(m, 'feel').persona = 'ana';
      curve(m, 'tobe').scale = { min: -2, max: 2, high: 'Good' };
    });
    const r = mergeMaps(base, panel, canvas);
    expect(curve(r.map, 'feel')).toMatchObject({ scale: { min: -2, max: 2, low: 'Bad' }, persona: 'ana' });
    // On Feeling's chart, with the words the canvas gave it (on the chart's range).
    expect(curve(r.map, 'tobe')).toMatchObject({
      overlay: 'feel',
      style: 'dashed',
      scale: { min: -2, max: 2, high: 'Good' },
    });
    expect(r.kept).toEqual(['Scale of lane 3', 'Low end word of lane 3', 'Chart of lane 4', 'Line of lane 4']);
    expect(normaliseMap(toMapInput(r.map)).ok).toBe(true);
  });

  it('scores keep their meaning: the canvas’s marker on the old scale is put on the panel’s new one', () => {
    const base = baseMap(); // Feeling: Discover +1, Buy −1, on −2..+2
    const panel = edited(base, (m) => {
      // The panel put Feeling on 1..5 (as setLaneScale does: +1 → 4, −1 → 2) and set Use.
      Object.assign(curve(m, 'feel'), {
        scale: { min: 1, max: 5 },
        cells: { discover: { score: 4 }, buy: { score: 2 } },
      });
      curve(m, 'feel').cells.use = { score: 5 };
    });
    const canvas = edited(base, (m) => {
      // A marker dragged on the canvas, on −2..+2: Discover from +1 to −0.5.
      curve(m, 'feel').cells.discover = { score: -0.5, note: 'Ads everywhere' };
    });
    const r = mergeMaps(base, panel, canvas);
    expect(curve(r.map, 'feel')).toMatchObject({
      scale: { min: 1, max: 5 },
      cells: { discover: { score: 2.5, note: 'Ads everywhere' }, buy: { score: 2 }, use: { score: 5 } },
    });
    expect(r.kept).toEqual(['Scale of lane 3', 'Feeling · Use']);
    expect(r.conflicts).toEqual([]);
    // The other way round: the canvas's scale, the panel's edit put on it.
    const r2 = mergeMaps(base, canvas, panel);
    expect(curve(r2.map, 'feel').cells).toEqual({
      discover: { score: 2.5, note: 'Ads everywhere' },
      buy: { score: 2 },
      use: { score: 5 },
    });
    expect(r2.kept).toEqual(['Feeling · Discover']);
  });

  it('references stay valid: a curve whose chart went, or became a curve on another chart, gets its own', () => {
    const base = edited(baseMap(), (m) => {
      curve(m, 'feel').scale = { min: 1, max: 7, high: 'Great' };
      m.lanes.push(
        { id: 'tobe', title: 'To-be', kind: 'emotion', overlay: 'feel', cells: { buy: { score: 6 } } },
        { id: 'other', title: 'Other', kind: 'emotion', cells: {} },
      );
    });
    // The panel removes Feeling; the canvas draws Other on Feeling's chart too.
    const panel = edited(base, (m) => {
      m.lanes = m.lanes.filter((l) => l.id !== 'feel');
      delete curve(m, 'tobe').overlay;
      curve(m, 'tobe').scale = { min: 1, max: 7, high: 'Great' };
    });
    const canvas = edited(base, (m) => {
      curve(m, 'other').overlay = 'feel';
      curve(m, 'other').cells = { use: { score: 7 } };
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map.lanes.map((l) => l.id)).toEqual(['touch', 'pains', 'tobe', 'other']);
    expect(curve(r.map, 'other')).toEqual({
      id: 'other',
      title: 'Other',
      kind: 'emotion',
      scale: { min: 1, max: 7, high: 'Great' },
      cells: { use: { score: 7 } },
    });
    expect(normaliseMap(toMapInput(r.map)).ok).toBe(true);
    // A host the other side put on a chart of its own: its curves get charts of their own.
    const hostMoved = edited(base, (m) => {
      // As the panel allows it: To-be off Feeling's chart first, then Feeling onto Other's.
      Object.assign(curve(m, 'tobe'), { scale: { min: 1, max: 7, high: 'Great' }, overlay: undefined });
      curve(m, 'feel').overlay = 'other';
      delete curve(m, 'feel').scale;
      curve(m, 'feel').cells = { discover: { score: 1 } };
    });
    const added = edited(base, (m) => {
      m.lanes.push({ id: 'new', title: 'New', kind: 'emotion', overlay: 'feel', cells: { use: { score: 7 } } });
    });
    const r2 = mergeMaps(base, hostMoved, added);
    expect(curve(r2.map, 'feel').overlay).toBe('other');
    // New was on Feeling's 1..7: on a chart of its own now, its 7 is the top of −2..+2.
    expect(curve(r2.map, 'new')).toEqual({ id: 'new', title: 'New', kind: 'emotion', cells: { use: { score: 2 } } });
    expect(curve(r2.map, 'tobe').overlay).toBeUndefined();
    expect(normaliseMap(toMapInput(r2.map)).ok).toBe(true);
  });
});

/* ---------------- properties ---------------- */

const arbBase = arbMapInput({ maxStages: 6, maxLanes: 4 }).map((input) => norm(input));
/** A base and two maps made from it by independent random edit sequences (as the panel and the canvas). */
const arbTriple = fc.tuple(arbBase, arbEdits(6), arbEdits(6)).map(([b, ex, ey]) => ({
  base: draftFromMap(b),
  x: draftFromMap(norm(applyEdits(b, ex))),
  y: draftFromMap(norm(applyEdits(b, ey))),
}));

/** The scale an emotion lane's scores are on (independent of ui/merge.ts). */
function scaleOf(m: DraftMap, laneId: string): { min: number; max: number } | undefined {
  const lane = m.lanes.find((l) => l.id === laneId);
  if (lane?.kind !== 'emotion') return undefined;
  const host = m.lanes.find((l) => l.id === lane.overlay);
  const s = (host?.kind === 'emotion' ? host.scale : lane.scale) ?? { min: -2, max: 2 };
  return { min: s.min, max: s.max };
}

const STAGE_FIELDS = ['name', 'phase', 'description', 'moment', 'momentNote'] as const;
const PERSONA_FIELDS = ['name', 'role', 'quote', 'description', 'goals', 'frustrations'] as const;
const CURVE_FIELDS = ['range', 'low', 'high', 'overlay', 'persona', 'style'] as const;

/** Every field of a map under a key of its own (independent of ui/merge.ts). */
function fields(m: DraftMap): Map<string, unknown> {
  const out = new Map<string, unknown>([
    ['title', m.title],
    ['objective', m.objective],
  ]);
  for (const p of m.personas) for (const k of PERSONA_FIELDS) out.set(`persona:${p.id}.${k}`, p[k]);
  for (const s of m.stages) for (const k of STAGE_FIELDS) out.set(`stage:${s.id}.${k}`, s[k]);
  for (const l of m.lanes) {
    out.set(`lane:${l.id}.title`, l.title);
    out.set(`lane:${l.id}.kind`, l.kind);
    out.set(`lane:${l.id}.tone`, l.kind === 'cards' ? l.tone : undefined);
    const e = l.kind === 'emotion' ? l : undefined;
    const curve = {
      range: e?.scale && { min: e.scale.min, max: e.scale.max },
      low: e?.scale?.low,
      high: e?.scale?.high,
      overlay: e?.overlay,
      persona: e?.persona,
      style: e?.style,
    };
    for (const k of CURVE_FIELDS) out.set(`lane:${l.id}.${k}`, curve[k]);
    for (const s of m.stages) out.set(`cell:${l.id}:${s.id}`, (l.cells as Record<string, unknown>)[s.id]);
  }
  out.set('meta', m.meta);
  return out;
}

describe('merge properties', () => {
  it('merge(base, x, base) = x, with edits reported exactly when x differs from base', () => {
    fc.assert(
      fc.property(arbTriple, ({ base, x }) => {
        const r = mergeMaps(base, x, base);
        expect(r.map).toEqual(canonicalDraft(x));
        expect(r.conflicts).toEqual([]);
        expect(r.kept.length === 0).toBe(same(canonicalDraft(x), canonicalDraft(base)));
      }),
      { numRuns: 200 },
    );
  });

  it('merge(base, base, y) = y, with nothing of the panel’s to report', () => {
    fc.assert(
      fc.property(arbTriple, ({ base, y }) => {
        const r = mergeMaps(base, base, y);
        expect(r.map).toEqual(canonicalDraft(y));
        expect(r.kept).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a field changed on one side only comes through; changed on both, the panel’s wins and is listed', () => {
    fc.assert(
      fc.property(arbTriple, ({ base, x, y }) => {
        const r = mergeMaps(base, x, y);
        const [fb, fx, fy, fr] = [base, x, y, r.map].map(fields);
        const ids = (m: DraftMap, what: 'stages' | 'lanes') => new Set(m[what].map((i) => i.id));
        const personaIds = (m: DraftMap) => new Set(m.personas.map((p) => p.id!));
        // Stages, lanes and personas all three have (lanes of one kind), so that field-by-field merging applies.
        const stages = [...ids(base, 'stages')].filter((id) => ids(x, 'stages').has(id) && ids(y, 'stages').has(id));
        const lanes = base.lanes
          .filter((l) => [x, y].every((m) => m.lanes.some((o) => o.id === l.id && o.kind === l.kind)))
          .map((l) => l.id);
        const personas = [...personaIds(base)].filter((id) => personaIds(x).has(id) && personaIds(y).has(id));
        // Scores are compared as they are where no side changed the scale they are on (else see the unit tests).
        const sameScale = (id: string) => [x, y, r.map].every((m) => same(scaleOf(m, id), scaleOf(base, id)));
        const expected = (k: string) => {
          const [b, vx, vy] = [fb, fx, fy].map((f) => f.get(k));
          return same(vx, b) ? vy : vx;
        };
        const keys = [
          'title',
          'objective',
          'meta',
          ...personas.flatMap((p) => PERSONA_FIELDS.map((f) => `persona:${p}.${f}`)),
          ...stages.flatMap((s) => STAGE_FIELDS.map((f) => `stage:${s}.${f}`)),
          ...lanes.flatMap((l) => ['title', 'tone', 'low', 'high', 'style'].map((f) => `lane:${l}.${f}`)),
          ...lanes.filter(sameScale).flatMap((l) => stages.map((s) => `cell:${l}:${s}`)),
        ].filter((k) => !/^stage:.*\.momentNote$/.test(k) || expected(k.replace(/Note$/, '')) === true);
        let conflicts = 0;
        for (const k of keys) {
          const [b, vx, vy, got] = [fb, fx, fy, fr].map((f) => f.get(k));
          expect(got, k).toEqual(expected(k));
          if (!same(vx, b) && !same(vy, b) && !same(vx, vy)) conflicts++;
        }
        expect(r.conflicts.length).toBeGreaterThanOrEqual(conflicts);
        // References: a curve keeps the picked persona and chart where they still exist, else loses them.
        const resultPersonas = personaIds(r.map);
        for (const l of lanes) {
          const persona = expected(`lane:${l}.persona`) as string | undefined;
          expect(fr.get(`lane:${l}.persona`), l).toEqual(persona && resultPersonas.has(persona) ? persona : undefined);
          const overlay = fr.get(`lane:${l}.overlay`);
          if (overlay !== undefined) expect(overlay).toBe(expected(`lane:${l}.overlay`));
        }
        // Added on either side: there. Removed by the panel: gone.
        for (const what of ['stages', 'lanes'] as const) {
          const got = ids(r.map, what);
          for (const id of ids(x, what)) if (!ids(base, what).has(id)) expect(got.has(id)).toBe(true);
          for (const id of ids(y, what)) if (!ids(base, what).has(id)) expect(got.has(id)).toBe(true);
          for (const id of ids(base, what)) if (!ids(x, what).has(id)) expect(got.has(id)).toBe(false);
        }
        const got = personaIds(r.map);
        for (const id of personaIds(x)) if (!personaIds(base).has(id)) expect(got.has(id)).toBe(true);
        for (const id of personaIds(y)) if (!personaIds(base).has(id)) expect(got.has(id)).toBe(true);
        for (const id of personaIds(base)) if (!personaIds(x).has(id)) expect(got.has(id)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the merge of two valid maps is valid (but for too many stages, lanes or personas), every score on its scale', () => {
    fc.assert(
      fc.property(arbTriple, ({ base, x, y }) => {
        const r = mergeMaps(base, x, y);
        const v = normaliseMap(toMapInput(r.map));
        const issues = v.ok ? [] : v.issues.filter((i) => !/^(stages|lanes|personas)$/.test(i.path));
        expect(issues).toEqual([]);
        for (const l of r.map.lanes) {
          if (l.kind !== 'emotion') continue;
          const s = scaleOf(r.map, l.id)!;
          for (const c of Object.values(l.cells)) {
            expect(c.score).toBeGreaterThanOrEqual(s.min);
            expect(c.score).toBeLessThanOrEqual(s.max);
            expect(Number.isInteger(c.score * 4)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
