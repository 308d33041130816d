/**
 * normaliseMap sits at every boundary (files, panel drafts, plugin data), so
 * it must answer with a Result on anything, never throw; and whatever it
 * accepts, however messy (blank cells, padded names), must already be in
 * canonical form: normalising it again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseMap, parseMapJson, serialiseMap, JourneyMapSchema } from '../../src/model';
import { arbMapInput } from '../support/arbitraries';

/** Whitespace people leave behind: padding, blank cells, blank cards. */
const blank = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \u00a0 ');
const pad = (s: string, a: string, b: string) => a + s + b;

/** A valid map with whitespace sprinkled over strings and blank values added. */
const arbMessy = fc
  .tuple(arbMapInput({ maxStages: 5, maxLanes: 4 }), fc.array(blank, { minLength: 8, maxLength: 8 }), fc.nat())
  .map(([input, ws, pick]) => {
    const m = structuredClone(input) as Record<string, any>;
    m.title = pad(m.title, ws[0], ws[1]);
    m.stages.forEach((s: Record<string, any>, i: number) => {
      s.name = pad(s.name, ws[i % 8], ws[(i + 1) % 8]);
      if (pick & 1) s.phase = (s.phase ?? '') + ws[(i + 2) % 8];
      if (pick & 2) s.description = (s.description ?? '') + ws[(i + 3) % 8];
    });
    for (const p of [m.persona, ...(m.personas ?? [])].filter(Boolean)) {
      p.name = pad(p.name, ws[2], ws[3]);
      if (pick & 4) p.role = ws[4];
      if (pick & 8) p.goals = [...(p.goals ?? []), ws[5]];
    }
    for (const lane of m.lanes as Record<string, any>[]) {
      lane.title = pad(lane.title, ws[6], ws[7]);
      for (const [k, v] of Object.entries(lane.cells ?? {})) {
        if (lane.kind === 'text' && typeof v !== 'string')
          (v as Record<string, string>).text = pad((v as Record<string, string>).text, ws[2], ws[3]);
        else if (lane.kind === 'text') lane.cells[k] = pick & 16 ? ws[1] : pad(v as string, ws[2], ws[3]);
        else if (lane.kind === 'cards') lane.cells[k] = [...(v as string[]), ws[4]];
        else if (lane.kind === 'metric') (v as Record<string, unknown>).unit = pad(ws[5].slice(0, 4), ws[2], ws[3]);
        else if (pick & 32) (v as Record<string, unknown>).note = ws[5];
      }
    }
    return m;
  });

describe('normaliseMap robustness', () => {
  it('never throws on arbitrary JSON, and always answers with located issues or a valid map', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const r = normaliseMap(value);
        if (r.ok) expect(JourneyMapSchema.safeParse(r.value).success).toBe(true);
        else for (const i of r.issues) expect(typeof i.path === 'string' && i.message.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text given to parseMapJson', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(typeof parseMapJson(text).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('accepts messy maps, drops blank values, and is idempotent on the result', () => {
    fc.assert(
      fc.property(arbMessy, (input) => {
        const r = normaliseMap(input);
        expect(r.ok ? [] : r.issues).toEqual([]);
        if (!r.ok) return;
        const map = r.value;
        expect(JourneyMapSchema.safeParse(map).success).toBe(true);
        expect(map.title).toBe(map.title.trim());
        for (const s of map.stages) expect(s.name).toBe(s.name.trim());
        for (const lane of map.lanes) {
          expect(lane.title).toBe(lane.title.trim());
          for (const cell of Object.values(lane.cells)) {
            const words = (c: unknown) => (typeof c === 'string' ? c : (c as { text: string }).text);
            if (lane.kind === 'text') expect(words(cell).trim()).not.toBe('');
            if (lane.kind === 'cards') for (const card of cell as unknown[]) expect(words(card).trim()).not.toBe('');
            if (lane.kind === 'emotion' && (cell as { note?: string }).note !== undefined)
              expect((cell as { note: string }).note.trim()).not.toBe('');
            const unit = (cell as { unit?: string }).unit;
            if (lane.kind === 'metric' && unit !== undefined) expect(unit).toBe(unit.trim() || 'a unit, not blank');
          }
        }
        for (const p of map.personas ?? []) {
          if (p.role !== undefined) expect(p.role.trim()).not.toBe('');
          for (const g of p.goals ?? []) expect(g.trim()).not.toBe('');
        }
        expect(normaliseMap(map)).toEqual({ ok: true, value: map });
        expect(parseMapJson(serialiseMap(map))).toEqual({ ok: true, value: map });
      }),
      { numRuns: 300 },
    );
  });
});
