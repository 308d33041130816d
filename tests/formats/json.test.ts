import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonMap } from '../../ui/formats';
import { jsonSyntaxIssue } from '../../ui/formats/json';
import { serialiseMap } from '../../src/model';
import { norm } from '../support/maps';

const issueOf = (text: string) => {
  const r = parseJsonMap(text);
  if (r.ok) throw new Error('expected a refusal');
  expect(r.issues).toHaveLength(1);
  return r.issues[0];
};

describe('map JSON as people type it', () => {
  it('a comma after the last item: line, column, what is wrong, and the text around it', () => {
    const text = '{\n  "title": "Shoes",\n  "stages": [\n    { "name": "Search" },\n    { "name": "Buy" },\n  ],\n}';
    expect(issueOf(text)).toEqual({
      path: 'line 6, column 3',
      message:
        'not valid JSON: a comma before "]" (JSON allows none after the last item), in: …Search" }, { "name": "Buy" }, ],',
    });
  });

  it('says what was expected and what was found, each once', () => {
    const cases: Array<[string, string, string]> = [
      ['{"title": "Broken", "stages": [ {"name": } ]', 'line 1, column 42', 'expected a value, found "}"'],
      ['{"title": "x", "stages": [', 'line 1, column 27', 'expected a value, found the end of the text'],
      ["{'title': 'x'}", 'line 1, column 2', 'expected a property name in double quotes, found "\'"'],
      ['{"title": "x"\n "stages": []}', 'line 2, column 2', 'expected "," or "}", found a quote (")'],
      ['{"title": "two\nlines"}', 'line 1, column 15', 'found a line break'],
      ['{"title": "x"} and more', 'line 1, column 16', 'expected the end of the map'],
      ['{"n": 01}', 'line 1, column 8', 'expected "," or "}", found "1"'],
      ['{"t": "\\x"}', 'line 1, column 9', 'expected an escape such as \\n'],
      ['{"t": tru}', 'line 1, column 10', 'expected "true", found "}"'],
      ['\uFEFF{"t": }', 'line 1, column 7', 'expected a value, found "}"'],
    ];
    for (const [text, path, says] of cases) {
      const issue = issueOf(text);
      expect(issue.path, text).toBe(path);
      expect(issue.message, text).toContain(says);
      // Once: no "not valid JSON … is not valid JSON", no word said twice in a row.
      expect(issue.message.match(/not valid JSON/g), text).toHaveLength(1);
      expect(issue.message, text).not.toMatch(/\b(\w+) \1\b/);
    }
  });

  it('the excerpt is short and on one line, however long the line', () => {
    const text = `{"title": "${'x'.repeat(500)}", "stages": [}`;
    const { message } = issueOf(text);
    const excerpt = message.split(', in: ')[1];
    expect(excerpt).toMatch(/^…x+", "stages": \[}$/);
    expect(excerpt.length).toBeLessThanOrEqual(45);
  });

  it('valid JSON imports; valid JSON that breaks the format names the field', () => {
    const map = norm({ title: 'T', stages: [{ name: 'A' }] });
    expect(parseJsonMap(`\uFEFF${serialiseMap(map)}`)).toEqual({ ok: true, value: map });
    expect(parseJsonMap('{"title": "x", "stages": [{"name": ""}]}')).toEqual({
      ok: false,
      issues: [{ path: 'stages[0].name', message: 'must not be empty' }],
    });
  });

  it('finds where any broken JSON breaks: the place V8 names when it names one', () => {
    const json = fc.json({ maxDepth: 3 });
    // Break a valid document by cutting it, or by putting a character where it may not be.
    const broken = fc
      .tuple(json, fc.nat(), fc.constantFrom('', ',', '}', ']', ':', '"', "'", 'x', '\n', '01'))
      .map(([j, at, insert]) => {
        const i = at % (j.length + 1);
        return j.slice(0, i) + insert + (insert ? j.slice(i) : '');
      })
      .filter((t) => {
        try {
          JSON.parse(t);
          return false;
        } catch {
          return true;
        }
      });
    let compared = 0;
    fc.assert(
      fc.property(broken, (text) => {
        const { path, message } = jsonSyntaxIssue(text);
        const m = /^line (\d+), column (\d+)$/.exec(path)!;
        expect(m, path).not.toBeNull();
        const lines = text.split('\n');
        const offset = lines.slice(0, Number(m[1]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(m[2]) - 1;
        expect(offset).toBeLessThanOrEqual(text.length);
        expect(message).toMatch(/^not valid JSON: /);
        // Where the engine's own message gives a position (V8 does for most errors), it is the same place.
        const engine = /position (\d+)/.exec(errorOf(text));
        if (engine) {
          compared++;
          expect(offset, text).toBe(Number(engine[1]));
        }
      }),
      { numRuns: 500 },
    );
    // Most runs were checked against the engine, not only for shape.
    expect(compared).toBeGreaterThan(250);
  });
});

function errorOf(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
