/**
 * Issue 15, part 1: `theme` in the format. Validated with located errors, canonical after
 * normalising, in the published JSON Schema, reported by the diff as a map field, and carried by
 * the panel's draft, its stored copy and the three-way merge.
 */
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { normaliseMap } from '../../src/model';
import { mapJsonSchema } from '../../src/model/json-schema';
import { applyDiff, diffMaps } from '../../src/model/diff';
import { THEME_ROLES } from '../../src/layout/theme';
import { draftFromMap, readStoredDraft, toMapInput } from '../../ui/draft';
import { mergeMaps } from '../../ui/merge';

const base = { title: 'T', stages: [{ name: 'A' }, { name: 'B' }] };
const ok = (doc: unknown) => {
  const r = normaliseMap(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const issues = (doc: unknown) => {
  const r = normaliseMap(doc);
  return r.ok ? [] : r.issues;
};

describe('theme in the format', () => {
  it('is kept, in canonical form (colours upper-case, roles in order, empty parts dropped)', () => {
    const m = ok({
      ...base,
      theme: { font: ' Georgia ', accent: '#c2410c', preset: 'warm', colors: { text: '#111111', surface: '#fffcf7' } },
    });
    expect(m.theme).toEqual({
      preset: 'warm',
      font: 'Georgia',
      accent: '#C2410C',
      colors: { surface: '#FFFCF7', text: '#111111' },
    });
    expect(Object.keys(m.theme!.colors!)).toEqual(['surface', 'text']);
    expect(ok(m)).toEqual(m);
    expect(ok({ ...base, theme: {} }).theme).toBeUndefined();
    expect(ok({ ...base, theme: { colors: {} } }).theme).toBeUndefined();
  });

  it('reports a bad theme at its path', () => {
    expect(issues({ ...base, theme: { preset: 'neon' } })[0].path).toBe('theme.preset');
    expect(issues({ ...base, theme: { accent: 'red' } })).toEqual([
      { path: 'theme.accent', message: 'must be a colour written #RRGGBB' },
    ]);
    expect(issues({ ...base, theme: { colors: { text: '#12345' } } })[0].path).toBe('theme.colors.text');
    expect(issues({ ...base, theme: { colors: { background: '#123456' } } }).length).toBeGreaterThan(0);
    expect(issues({ ...base, theme: { fonts: 'Inter' } }).length).toBeGreaterThan(0);
    expect(issues({ ...base, theme: { font: '  ' } })[0].path).toBe('theme.font');
  });

  it('is in the JSON Schema, with every role and preset', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(mapJsonSchema());
    const colors = Object.fromEntries(THEME_ROLES.map((r) => [r, '#123456']));
    for (const preset of ['default', 'mono', 'warm', 'contrast'])
      expect(validate({ ...base, theme: { preset, font: 'Georgia', accent: '#AABBCC', colors } })).toBe(true);
    expect(validate({ ...base, theme: { preset: 'neon' } })).toBe(false);
    expect(validate({ ...base, theme: { accent: '#ABC' } })).toBe(false);
    expect(validate({ ...base, theme: { colors: { nope: '#123456' } } })).toBe(false);
  });

  it('is a map field change in the diff, applied back exactly', () => {
    const a = ok(base);
    const b = ok({ ...base, theme: { preset: 'mono' } });
    const d = diffMaps(a, b);
    expect(d.theme).toEqual({ after: { preset: 'mono' } });
    expect(d.count).toBe(1);
    expect(d.summary).toBe('theme changed');
    expect(applyDiff(a, d)).toEqual(b);
    expect(applyDiff(b, diffMaps(b, a))).toEqual(a);
    expect(diffMaps(b, b).theme).toBeUndefined();
  });

  it('travels through the panel draft, its stored copy and the merge', () => {
    const m = ok({ ...base, theme: { preset: 'contrast', accent: '#0038B8' } });
    const draft = draftFromMap(m);
    expect(ok(toMapInput(draft))).toEqual(m);
    const stored = readStoredDraft(JSON.parse(JSON.stringify({ v: 1, map: draft, target: null })));
    expect(stored?.map.theme).toEqual(m.theme);
    // The panel changed the theme, the canvas did not: the panel's is kept.
    const plain = draftFromMap(ok(base));
    expect(mergeMaps(plain, draft, plain).map.theme).toEqual(m.theme);
    // Nobody changed it: it stays.
    expect(mergeMaps(draft, draft, draft).map.theme).toEqual(m.theme);
  });
});
