/**
 * The exact lines a designer reads when a hand-written map is wrong. Each one
 * names the place (`stages[3].name`) and says what to do in plain words.
 */
import { describe, expect, it } from 'vitest';
import { describeIssues, formatPath, LIMITS, MapError, normaliseMap, parseMapJson } from '../../src/model';

const stages = (n = 4) => Array.from({ length: n }, (_, i) => ({ name: `Stage ${i}` }));
const map = (extra: Record<string, unknown> = {}) => ({ title: 'Map', stages: stages(), ...extra });

/** The issue lines of an input that must fail. */
function lines(input: unknown): string[] {
  const r = normaliseMap(input);
  if (r.ok) throw new Error('expected the map to be refused');
  return r.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}

describe('located error messages', () => {
  it('missing stage name → required', () => {
    const s = stages();
    delete (s[3] as { name?: string }).name;
    expect(lines(map({ stages: s }))).toEqual(['stages[3].name: required']);
    const r = normaliseMap(map({ stages: s }));
    expect(r.ok ? '' : describeIssues(r.issues)).toBe('stages[3].name: required');
    expect(r.ok ? [] : r.issues).toEqual([{ path: 'stages[3].name', message: 'required' }]);
  });

  it('cell keyed by a stage that does not exist', () => {
    const input = map({
      stages: [{ id: 'browse', name: 'Browse' }],
      lanes: [
        { title: 'Doing', kind: 'text', cells: { browse: 'x' } },
        { title: 'Feeling', kind: 'emotion', cells: { checkout: { score: 1 } } },
      ],
    });
    expect(lines(input)).toEqual(['lanes[1].cells.checkout: no stage has id "checkout"']);
  });

  it('odd cell keys are quoted in the path', () => {
    expect(lines(map({ lanes: [{ title: 'L', kind: 'text', cells: { 'a b': 'x' } }] }))).toEqual([
      'lanes[0].cells["a b"]: no stage has id "a b"',
    ]);
  });

  it('newer version names both versions', () => {
    expect(lines(map({ version: 3 }))).toEqual([
      'version: this map is format version 3, but this plugin reads up to version 2; update the plugin to open it',
    ]);
  });

  it('a much newer version (7) names 7 and 2', () => {
    const r = normaliseMap(map({ version: 7 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].path).toBe('version');
    expect(r.issues[0].message).toMatch(/\b7\b/);
    expect(r.issues[0].message).toMatch(/version 2\b/);
  });

  it('version "1" as a string is an error at version, not accepted as 1', () => {
    const r = normaliseMap(map({ version: '1' }));
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['version']);
  });

  it('version that is not a whole number', () => {
    for (const version of [0, 1.5, '1', null])
      expect(lines(map({ version }))).toEqual(['version: must be a whole number from 1 to 2']);
  });

  it('not an object at all', () => {
    for (const input of [null, [], 'map', 3]) expect(lines(input)).toEqual(['a journey map must be a JSON object']);
  });

  it('parseMapJson("{") says the text is not valid JSON', () => {
    const r = parseMapJson('{');
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.message.startsWith('not valid JSON')])).toEqual([['', true]]);
  });

  it('not JSON: says so with the parser message', () => {
    const r = parseMapJson('{"title": "x",');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0].path).toBe('');
      expect(r.issues[0].message).toMatch(/^not valid JSON: ./);
    }
  });

  it('empty and too long short texts', () => {
    expect(lines(map({ title: '   ' }))).toEqual(['title: must not be empty']);
    expect(lines(map({ title: 'x'.repeat(LIMITS.shortText + 1) }))).toEqual(['title: at most 120 characters']);
    expect(lines(map({ persona: { name: 'P', role: 'r'.repeat(121) } }))).toEqual([
      'persona.role: at most 120 characters',
    ]);
    expect(lines(map({ stages: [{ name: 'A', phase: 'p'.repeat(121) }] }))).toEqual([
      'stages[0].phase: at most 120 characters',
    ]);
    expect(lines(map({ persona: { role: 'Runner' } }))).toEqual(['persona.name: required']);
  });

  it('long and item texts', () => {
    expect(lines(map({ stages: [{ name: 'A', description: 'd'.repeat(2001) }] }))).toEqual([
      'stages[0].description: at most 2000 characters',
    ]);
    expect(
      lines(
        map({
          stages: [{ id: 'a', name: 'A' }],
          lanes: [{ title: 'C', kind: 'cards', cells: { a: ['ok', 'c'.repeat(281)] } }],
        }),
      ),
    ).toEqual(['lanes[0].cells.a[1]: at most 280 characters']);
  });

  it('list limits', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}`);
    expect(lines(map({ persona: { name: 'P', goals: many(13) } }))).toEqual(['persona.goals: at most 12 goals']);
    expect(lines(map({ persona: { name: 'P', frustrations: many(13) } }))).toEqual([
      'persona.frustrations: at most 12 frustrations',
    ]);
    expect(
      lines(map({ stages: [{ id: 'a', name: 'A' }], lanes: [{ title: 'C', kind: 'cards', cells: { a: many(13) } }] })),
    ).toEqual(['lanes[0].cells.a: at most 12 cards per cell']);
    expect(lines(map({ stages: [] }))).toEqual(['stages: a map needs at least one stage']);
    expect(lines(map({ stages: stages(41) }))).toEqual(['stages: at most 40 stages']);
    const lanes = Array.from({ length: 31 }, (_, i) => ({ title: `L${i}`, kind: 'text' }));
    expect(lines(map({ lanes }))).toEqual(['lanes: at most 30 lanes']);
  });

  it('a duplicate id names both places', () => {
    const [line] = lines(
      map({
        stages: [
          { id: 'pay', name: 'A' },
          { id: 'pay', name: 'B' },
        ],
      }),
    );
    expect(line.startsWith('stages[1].id:')).toBe(true);
    expect(line).toContain('stages[0]');
    expect(line).toContain('"pay"');
  });

  it('over-limit cards and text are located and name the limit', () => {
    const many = Array.from({ length: LIMITS.cardsPerCell + 1 }, (_, i) => `c${i}`);
    const cards = lines(
      map({ stages: [{ id: 's', name: 'S' }], lanes: [{ title: 'C', kind: 'cards', cells: { s: many } }] }),
    );
    expect(cards).toEqual([`lanes[0].cells.s: at most ${LIMITS.cardsPerCell} cards per cell`]);
    const text = lines(
      map({
        stages: [{ id: 's', name: 'S' }],
        lanes: [{ title: 'T', kind: 'text', cells: { s: 'x'.repeat(LIMITS.longText + 1) } }],
      }),
    );
    expect(text).toEqual([`lanes[0].cells.s: at most ${LIMITS.longText} characters`]);
    // exactly at the limit is fine
    expect(
      normaliseMap(
        map({
          stages: [{ id: 's', name: 'S' }],
          lanes: [{ title: 'T', kind: 'text', cells: { s: 'x'.repeat(LIMITS.longText) } }],
        }),
      ).ok,
    ).toBe(true);
    expect(normaliseMap(map({ stages: stages(LIMITS.stages) })).ok).toBe(true);
  });

  it('ids', () => {
    expect(lines(map({ stages: [{ id: '-a', name: 'A' }] }))).toEqual([
      'stages[0].id: letters, digits, "-" and "_" only, starting with a letter or digit',
    ]);
    expect(lines(map({ stages: [{ id: 'a'.repeat(65), name: 'A' }] }))).toEqual([
      'stages[0].id: at most 64 characters',
    ]);
    expect(lines(map({ stages: [{ id: '', name: 'A' }] }))).toContain('stages[0].id: must not be empty');
    expect(lines(map({ stages: [{ id: 'x', name: 'A' }, { name: 'B' }, { id: 'x', name: 'C' }] }))).toEqual([
      'stages[2].id: duplicate id "x" (also stages[0])',
    ]);
    expect(
      lines(
        map({
          lanes: [
            { id: 'l', title: 'A', kind: 'text' },
            { id: 'l', title: 'B', kind: 'text' },
          ],
        }),
      ),
    ).toEqual(['lanes[1].id: duplicate id "l" (also lanes[0])']);
  });

  it('scores', () => {
    const emo = (cell: unknown) =>
      map({ stages: [{ id: 'a', name: 'A' }], lanes: [{ title: 'E', kind: 'emotion', cells: { a: cell } }] });
    expect(lines(emo({ score: 2.5 }))).toEqual(['lanes[0].cells.a.score: score must be between -2 and 2']);
    expect(lines(emo({ score: 3 }))).toEqual(['lanes[0].cells.a.score: score must be between -2 and 2']);
    expect(lines(emo({ score: -2.5 }))).toEqual(['lanes[0].cells.a.score: score must be between -2 and 2']);
    expect(lines(emo({ note: 'no score' }))).toEqual(['lanes[0].cells.a.score: required']);
    expect(normaliseMap(emo({ score: -2 })).ok).toBe(true);
    expect(normaliseMap(emo({ score: 2 })).ok).toBe(true);
  });

  it('unknown fields, wherever they are', () => {
    expect(lines(map({ stage: [] }))).toEqual(['stage: unknown field']);
    // the typo the brief names: "stage" inside a stage
    expect(lines(map({ stages: [{ name: 'A', stage: 'B' }] }))).toEqual(['stages[0].stage: unknown field']);
    expect(lines(map({ lanes: [{ title: 'L', kind: 'text', stage: 'x' }] }))).toEqual([
      'lanes[0].stage: unknown field',
    ]);
    expect(lines(map({ persona: { name: 'P', goal: 'x' } }))).toEqual(['persona.goal: unknown field']);
    expect(lines(map({ stages: [{ name: 'A', colour: 'red', size: 2 }] }))).toEqual([
      'stages[0].colour: unknown field',
      'stages[0].size: unknown field',
    ]);
  });

  it('lane kinds', () => {
    for (const kind of ['diagram', 'Text', 3, undefined]) {
      expect(lines(map({ lanes: [{ title: 'L', kind }] }))).toEqual([
        'lanes[0].kind: must be "text", "cards", "emotion", "divider" or "metric"',
      ]);
    }
  });

  it('meta size', () => {
    expect(lines(map({ meta: { blob: 'x'.repeat(LIMITS.metaChars) } }))).toEqual([
      'meta: at most 20000 characters of JSON',
    ]);
  });

  it('"__proto__" keys are refused, not silently dropped', () => {
    const input = JSON.parse('{"title":"T","stages":[{"name":"A"}],"meta":{"a":{"__proto__":{"x":1}}}}');
    expect(lines(input)).toEqual(['meta.a.__proto__: "__proto__" is a reserved name; rename this key']);
    const cell = JSON.parse(
      '{"title":"T","stages":[{"name":"A"}],"lanes":[{"title":"L","kind":"text","cells":{"__proto__":"x"}}]}',
    );
    expect(lines(cell)).toEqual(['lanes[0].cells.__proto__: "__proto__" is a reserved name; rename this key']);
  });

  it('reports every issue, not just the first', () => {
    const s = stages();
    delete (s[1] as { name?: string }).name;
    expect(lines(map({ title: '', stages: s, extra: 1 }))).toEqual([
      'title: must not be empty',
      'stages[1].name: required',
      'extra: unknown field',
    ]);
  });
});

describe('formatPath, describeIssues, MapError', () => {
  it('formats paths readably', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['stages', 3, 'name'])).toBe('stages[3].name');
    expect(formatPath(['lanes', 1, 'cells', 'check-out'])).toBe('lanes[1].cells.check-out');
    expect(formatPath(['lanes', 1, 'cells', '2nd stage'])).toBe('lanes[1].cells["2nd stage"]');
    expect(formatPath(['meta', 'é'])).toBe('meta["é"]');
  });

  it('one line per issue, capped with a count of the rest', () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ path: `stages[${i}].name`, message: 'required' }));
    expect(describeIssues(issues.slice(0, 2))).toBe('stages[0].name: required\nstages[1].name: required');
    expect(describeIssues([{ path: '', message: 'a journey map must be a JSON object' }])).toBe(
      'a journey map must be a JSON object',
    );
    const text = describeIssues(issues);
    expect(text.split('\n')).toHaveLength(6);
    expect(text.endsWith('…and 2 more')).toBe(true);
    expect(describeIssues(issues, 2).split('\n')).toEqual([
      'stages[0].name: required',
      'stages[1].name: required',
      '…and 5 more',
    ]);
  });

  it('MapError carries the issues and the summary', () => {
    const e = new MapError([{ path: 'title', message: 'required' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('MapError');
    expect(e.message).toBe('title: required');
    expect(e.issues).toEqual([{ path: 'title', message: 'required' }]);
  });
});

describe('format 2: personas, scales, shared charts, moments', () => {
  const emotion = (extra: Record<string, unknown>) => ({ title: 'Feel', kind: 'emotion', ...extra });
  const v2 = (extra: Record<string, unknown>) => map({ version: 2, stages: [{ id: 'buy', name: 'Buy' }], ...extra });
  const accepted = (input: unknown) => expect(normaliseMap(input).ok).toBe(true);

  it('a score outside its lane’s own scale names the scale', () => {
    const lanes = [emotion({ id: 'e', scale: { min: 1, max: 5 }, cells: { buy: { score: 0 } } })];
    expect(lines(v2({ lanes }))).toEqual(['lanes[0].cells.buy.score: score must be between 1 and 5']);
    // The same score is fine on the default scale.
    accepted(v2({ lanes: [emotion({ cells: { buy: { score: 0 } } })] }));
  });

  it('a scale must span 2 to 10 whole steps', () => {
    expect(lines(v2({ lanes: [emotion({ scale: { min: 1, max: 2 } })] }))).toEqual([
      'lanes[0].scale.max: max − min must be from 2 to 10',
    ]);
    expect(lines(v2({ lanes: [emotion({ scale: { min: 0, max: 11 } })] }))).toEqual([
      'lanes[0].scale.max: max − min must be from 2 to 10',
    ]);
    expect(lines(v2({ lanes: [emotion({ scale: { min: 0.5, max: 5 } })] }))).toEqual([
      'lanes[0].scale.min: must be a whole number',
    ]);
  });

  it('an overlay names an emotion lane with a chart of its own, on the same scale', () => {
    const host = emotion({ id: 'today', scale: { min: 1, max: 5 } });
    expect(lines(v2({ lanes: [host, emotion({ overlay: 'nope' })] }))).toEqual([
      'lanes[1].overlay: no emotion lane has id "nope"',
    ]);
    expect(lines(v2({ lanes: [host, { id: 't', title: 'T', kind: 'text' }, emotion({ overlay: 't' })] }))).toEqual([
      'lanes[2].overlay: no emotion lane has id "t"',
    ]);
    expect(lines(v2({ lanes: [host, emotion({ id: 'b', overlay: 'today' }), emotion({ overlay: 'b' })] }))).toEqual([
      'lanes[2].overlay: "b" is itself drawn on another chart; name that chart instead',
    ]);
    expect(lines(v2({ lanes: [host, emotion({ overlay: 'today', scale: { min: 0, max: 10 } })] }))).toEqual([
      'lanes[1].scale: must be the scale of the chart it is drawn on ("today": 1 to 5)',
    ]);
    // An overlay's scores are checked on its chart's scale.
    expect(lines(v2({ lanes: [host, emotion({ overlay: 'today', cells: { buy: { score: -1 } } })] }))).toEqual([
      'lanes[1].cells.buy.score: score must be between 1 and 5',
    ]);
  });

  it('a curve’s persona must be one of the map’s personas', () => {
    const personas = [{ name: 'Ana Ruiz' }];
    accepted(v2({ personas, lanes: [emotion({ persona: 'ana-ruiz' })] }));
    expect(lines(v2({ personas, lanes: [emotion({ persona: 'bob' })] }))).toEqual([
      'lanes[0].persona: no persona has id "bob"',
    ]);
  });

  it('at most 6 personas, with unique ids; a version-1 persona’s mistakes are reported at `persona`', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ name: `P${i}` }));
    expect(lines(v2({ personas: many }))).toEqual(['personas: at most 6 personas']);
    expect(
      lines(
        v2({
          personas: [
            { id: 'a', name: 'A' },
            { id: 'a', name: 'B' },
          ],
        }),
      ),
    ).toEqual(['personas[1].id: duplicate id "a" (also personas[0])']);
    expect(lines(map({ persona: { name: '' } }))).toEqual(['persona.name: must not be empty']);
  });

  it('objective and moment notes are at most 280 characters', () => {
    expect(lines(v2({ objective: 'x'.repeat(281) }))).toEqual(['objective: at most 280 characters']);
    const stages = [{ id: 'buy', name: 'Buy', moment: true, momentNote: 'y'.repeat(281) }];
    expect(lines(v2({ stages }))).toEqual(['stages[0].momentNote: at most 280 characters']);
  });
});
