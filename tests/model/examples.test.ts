/**
 * The bundled examples are the plugin's templates: they must parse, survive a
 * round trip unchanged, and stay short enough to read in a ~220 px column.
 */
import { describe, expect, it } from 'vitest';
import { normaliseMap, parseMapJson, serialiseMap } from '../../src/model';
import { loadExamples, ok } from '../support/maps';

const examples = loadExamples();
const files = examples.map((e) => e.file);
const load = (f: string) => examples.find((e) => e.file === f)!.text;

/** The four single-persona journeys; the two format-2 showcases have checks of their own below. */
const CLASSIC = ['call-centre.json', 'ecommerce.json', 'hospital-visit.json', 'saas-onboarding.json'];

describe('examples', () => {
  it('are the eight templates', () => {
    expect(files).toEqual(
      [
        ...CLASSIC,
        'redesign-as-is-to-be.json',
        'two-personas-clinic.json',
        'service-blueprint-hotel.json',
        'checkout-metrics.json',
      ].sort(),
    );
  });

  it('service blueprint: customer actions above the line of interaction, then frontstage, backstage and support, each between its lines', () => {
    const map = ok(parseMapJson(load('service-blueprint-hotel.json')));
    expect(
      map.lanes.map((l) => (l.kind === 'divider' ? `— ${l.title}${l.style ? ` (${l.style})` : ''}` : l.title)),
    ).toEqual([
      'Physical evidence',
      'Customer actions',
      '— Line of interaction',
      'Frontstage',
      '— Line of visibility (dashed)',
      'Backstage',
      '— Line of internal interaction',
      'Support processes',
    ]);
  });

  it('metrics: drop-off, time on step and satisfaction per stage, some with targets met and some missed', () => {
    const map = ok(parseMapJson(load('checkout-metrics.json')));
    const metrics = map.lanes.filter((l) => l.kind === 'metric');
    expect(metrics.map((l) => l.title)).toEqual(['Drop-off', 'Time on step', 'Satisfaction (CSAT)']);
    const results = metrics.flatMap((l) =>
      l.kind === 'metric'
        ? Object.values(l.cells).flatMap((c) =>
            c.target === undefined ? [] : [c.better === 'lower' ? c.value <= c.target : c.value >= c.target],
          )
        : [],
    );
    expect(results).toContain(true);
    expect(results).toContain(false);
  });

  it('as-is and to-be: two curves on one 1–5 chart with its words, the to-be dashed, one moment of truth', () => {
    const map = ok(parseMapJson(load('redesign-as-is-to-be.json')));
    const curves = map.lanes.filter((l) => l.kind === 'emotion');
    expect(curves.map((l) => l.kind === 'emotion' && [l.id, l.overlay, l.style])).toEqual([
      ['today', undefined, undefined],
      ['to-be', 'today', 'dashed'],
    ]);
    expect(curves[0].kind === 'emotion' && curves[0].scale).toEqual({
      min: 1,
      max: 5,
      low: 'Frustrated',
      high: 'Delighted',
    });
    expect(map.stages.filter((s) => s.moment).map((s) => s.id)).toEqual(['adjust']);
    expect(map.objective).toBeTruthy();
  });

  it('two personas: one curve each on one chart, each tied to its persona', () => {
    const map = ok(parseMapJson(load('two-personas-clinic.json')));
    expect(map.personas?.map((p) => p.id)).toEqual(['dan', 'margaret']);
    const curves = map.lanes.filter((l) => l.kind === 'emotion');
    expect(curves.map((l) => l.kind === 'emotion' && [l.persona, l.overlay ?? null])).toEqual([
      ['dan', null],
      ['margaret', 'dan-feel'],
    ]);
  });

  for (const file of files) {
    describe(file, () => {
      it('parses without issues', () => {
        const r = parseMapJson(load(file));
        expect(r.ok ? [] : r.issues).toEqual([]);
      });

      it('round-trips: parse → serialise → parse is deep-equal, and normalise is idempotent', () => {
        const map = ok(parseMapJson(load(file)));
        const again = ok(parseMapJson(serialiseMap(map)));
        expect(again).toEqual(map);
        expect(serialiseMap(again)).toBe(serialiseMap(map));
        const twice = normaliseMap(map);
        expect(twice).toEqual({ ok: true, value: map });
      });

      it('carries meta through parse → serialise → parse untouched', () => {
        const meta = { source: 'workshop', tags: ['a', 'b'], nested: { n: 1.5, none: null, ok: true } };
        const doc = { ...(JSON.parse(load(file)) as Record<string, unknown>), meta };
        const map = ok(parseMapJson(JSON.stringify(doc)));
        expect(map.meta).toEqual(meta);
        expect(ok(parseMapJson(serialiseMap(map))).meta).toEqual(meta);
      });

      if (CLASSIC.includes(file))
        it('has a full persona and 6–8 stages in 2–3 phases', () => {
          const map = ok(parseMapJson(load(file)));
          expect(map.personas).toHaveLength(1);
          const p = map.personas![0];
          expect(p.name && p.role && p.quote && p.description).toBeTruthy();
          expect(p.goals).toHaveLength(3);
          expect(p.frustrations).toHaveLength(3);
          expect(map.stages.length).toBeGreaterThanOrEqual(6);
          expect(map.stages.length).toBeLessThanOrEqual(8);
          const phases = new Set(map.stages.map((s) => s.phase));
          expect(phases.has(undefined)).toBe(false);
          expect(phases.size).toBeGreaterThanOrEqual(2);
          expect(phases.size).toBeLessThanOrEqual(3);
          for (const s of map.stages) expect(s.description, s.id).toBeTruthy();
        });

      if (CLASSIC.includes(file))
        it('has the standard lanes', () => {
          const map = ok(parseMapJson(load(file)));
          const kinds = map.lanes.map((l) => `${l.title}:${l.kind}${l.kind === 'cards' ? `:${l.tone}` : ''}`);
          expect(kinds).toContain('Actions:text');
          expect(kinds).toContain('Touchpoints:cards:neutral');
          expect(kinds).toContain('Opportunities:cards:idea');
          expect(kinds.includes('Thoughts:text') || kinds.includes('Pain points:cards:negative')).toBe(true);
          expect(map.lanes.filter((l) => l.kind === 'emotion')).toHaveLength(1);
        });

      it('keeps texts short enough for a ~220 px column', () => {
        const map = ok(parseMapJson(load(file)));
        for (const lane of map.lanes) {
          for (const [stage, cell] of Object.entries(lane.cells)) {
            const where = `${lane.id}.${stage}`;
            // A linked text or card is read by its words (the address is not drawn).
            const words = (c: unknown) => (typeof c === 'string' ? c : (c as { text: string }).text);
            if (lane.kind === 'text') expect(words(cell).length, where).toBeLessThanOrEqual(120);
            if (lane.kind === 'cards') {
              expect((cell as unknown[]).length, where).toBeLessThanOrEqual(3);
              for (const card of (cell as unknown[]).map(words))
                expect(card.length, `${where}: ${card}`).toBeLessThanOrEqual(40);
            }
            if (lane.kind === 'emotion')
              expect(((cell as { note?: string }).note ?? '').length, where).toBeLessThanOrEqual(40);
          }
        }
      });
    });
  }

  it('show both styles: two with explicit ids everywhere, two with none', () => {
    const styles = CLASSIC.map((f) => {
      const raw = JSON.parse(load(f)) as { stages: { id?: string }[]; lanes: { id?: string }[] };
      const items = [...raw.stages, ...raw.lanes];
      return items.every((i) => i.id !== undefined) ? 'ids' : items.every((i) => i.id === undefined) ? 'none' : 'mixed';
    });
    expect(styles.filter((s) => s === 'ids')).toHaveLength(2);
    expect(styles.filter((s) => s === 'none')).toHaveLength(2);
  });

  it('show a gap: exactly one stage in one example has no emotion score', () => {
    const gaps = CLASSIC.flatMap((f) => {
      const map = ok(parseMapJson(load(f)));
      const lane = map.lanes.find((l) => l.kind === 'emotion')!;
      return map.stages.filter((s) => !(s.id in lane.cells)).map((s) => `${f}:${s.id}`);
    });
    expect(gaps).toHaveLength(1);
  });
});
