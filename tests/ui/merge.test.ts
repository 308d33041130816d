import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbMapInput } from '../support/arbitraries';
import { arbEdits, applyEdits } from '../support/map-edits';
import { norm } from '../support/maps';
import type { Lane } from '../../src/model';
import { draftFromMap, type DraftMap } from '../../ui/draft';
import { canonicalDraft, describeMerge, listLabels, mergeMaps, same } from '../../ui/merge';

/** A small map: stages Discover, Buy, Use; lanes Touchpoints (text), Pains (cards), Feeling (emotion). */
function baseMap(): DraftMap {
  return {
    title: 'Shop',
    persona: { name: 'Ana', role: 'Shopper', quote: '', description: '', goals: ['Buy fast'], frustrations: [] },
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
      m.persona.role = 'Frequent shopper';
      cells(m, 'touch').discover = 'Billboards' as never;
      cells(m, 'feel').buy = { score: -2, note: 'Annoyed' } as never;
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map).toEqual(
      edited(base, (m) => {
        m.stages[1].name = 'Checkout';
        m.persona.role = 'Frequent shopper';
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
      m.persona.goals = ['Buy fast', 'Pay less'];
    });
    const canvas = edited(base, (m) => {
      m.title = 'Shop (canvas)';
      cells(m, 'pains').buy = ['Slow'] as never;
      m.persona.goals = ['Buy fast', 'Pay less']; // the same change on both sides: no conflict
    });
    const r = mergeMaps(base, panel, canvas);
    expect(r.map.title).toBe('Shop (panel)');
    expect(cells(r.map, 'pains').buy).toEqual(['Slow checkout', 'Fees']);
    expect(r.map.persona.goals).toEqual(['Buy fast', 'Pay less']);
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
      m.persona.frustrations = [''];
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
    expect(r.kept).toEqual(['Lane 2 kind', 'Lane 3 added', 'Lane “Feeling” removed']);
    expect(r.conflicts).toEqual(['Lane 2 kind']);
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

/* ---------------- properties ---------------- */

const arbBase = arbMapInput({ maxStages: 6, maxLanes: 4 }).map((input) => norm(input));
/** A base and two maps made from it by independent random edit sequences (as the panel and the canvas). */
const arbTriple = fc.tuple(arbBase, arbEdits(6), arbEdits(6)).map(([b, ex, ey]) => ({
  base: draftFromMap(b),
  x: draftFromMap(norm(applyEdits(b, ex))),
  y: draftFromMap(norm(applyEdits(b, ey))),
}));

/** Every field of a map under a key of its own (independent of ui/merge.ts). */
function fields(m: DraftMap): Map<string, unknown> {
  const out = new Map<string, unknown>([['title', m.title]]);
  for (const [k, v] of Object.entries(m.persona)) out.set(`persona.${k}`, v);
  for (const s of m.stages)
    for (const k of ['name', 'phase', 'description'] as const) out.set(`stage:${s.id}.${k}`, s[k]);
  for (const l of m.lanes) {
    out.set(`lane:${l.id}.title`, l.title);
    out.set(`lane:${l.id}.kind`, l.kind);
    out.set(`lane:${l.id}.tone`, l.kind === 'cards' ? l.tone : undefined);
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
        // Stages and lanes all three have (with one kind), so that field-by-field merging applies.
        const stages = [...ids(base, 'stages')].filter((id) => ids(x, 'stages').has(id) && ids(y, 'stages').has(id));
        const lanes = base.lanes
          .filter((l) => [x, y].every((m) => m.lanes.some((o) => o.id === l.id && o.kind === l.kind)))
          .map((l) => l.id);
        const keys = [
          ...[...fb.keys()].filter((k) => !/^(stage|lane|cell):/.test(k)),
          ...stages.flatMap((s) => ['name', 'phase', 'description'].map((f) => `stage:${s}.${f}`)),
          ...lanes.flatMap((l) => ['title', 'tone'].map((f) => `lane:${l}.${f}`)),
          ...lanes.flatMap((l) => stages.map((s) => `cell:${l}:${s}`)),
        ];
        let conflicts = 0;
        for (const k of keys) {
          const [b, vx, vy, got] = [fb, fx, fy, fr].map((f) => f.get(k));
          if (same(vx, b)) expect(got, k).toEqual(vy);
          else expect(got, k).toEqual(vx);
          if (!same(vx, b) && !same(vy, b) && !same(vx, vy)) conflicts++;
        }
        expect(r.conflicts.length).toBeGreaterThanOrEqual(conflicts);
        // Added on either side: there. Removed by the panel: gone.
        for (const what of ['stages', 'lanes'] as const) {
          const got = ids(r.map, what);
          for (const id of ids(x, what)) if (!ids(base, what).has(id)) expect(got.has(id)).toBe(true);
          for (const id of ids(y, what)) if (!ids(base, what).has(id)) expect(got.has(id)).toBe(true);
          for (const id of ids(base, what)) if (!ids(x, what).has(id)) expect(got.has(id)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
