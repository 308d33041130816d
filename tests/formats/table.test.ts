import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnName, detectFormat, parseTable, toTable } from '../../src/formats';
import { normaliseMap, type JourneyMap } from '../../src/model';

function ok(text: string): JourneyMap {
  const r = parseTable(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const cellsOf = (map: JourneyMap, title: string) => map.lanes.find((l) => l.title === title)!;

describe('spreadsheet import', () => {
  it('reads a tab-separated paste, inferring text, cards and emotion lanes', () => {
    const tsv = [
      'Buying shoes\tSearch\tCompare\tCheckout',
      'Actions\tGoogles "running shoes"\tReads reviews\tPays',
      'Touchpoints\tGoogle; Blog\tReviews\tApp',
      'Pain points\tToo many ads\t\tHidden fees',
      'Opportunities\t\tFilter by width\t',
      'Emotions\t4 curious\t2 (confused)\t5',
    ].join('\n');
    const map = ok(tsv);
    expect(map.title).toBe('Buying shoes');
    expect(map.stages.map((s) => s.name)).toEqual(['Search', 'Compare', 'Checkout']);
    expect(cellsOf(map, 'Actions')).toMatchObject({ kind: 'text', cells: { search: 'Googles "running shoes"' } });
    expect(cellsOf(map, 'Touchpoints')).toMatchObject({ kind: 'cards', tone: 'neutral', cells: { search: ['Google', 'Blog'], compare: ['Reviews'] } });
    expect(cellsOf(map, 'Pain points')).toMatchObject({ kind: 'cards', tone: 'negative', cells: { search: ['Too many ads'], checkout: ['Hidden fees'] } });
    expect(cellsOf(map, 'Opportunities')).toMatchObject({ kind: 'cards', tone: 'idea' });
    expect(cellsOf(map, 'Emotions')).toEqual({ id: 'emotions', title: 'Emotions', kind: 'emotion', cells: { search: { score: 1, note: 'curious' }, compare: { score: -1, note: 'confused' }, checkout: { score: 2 } } });
  });

  it('reads CSV with quoted cells holding commas and line breaks', () => {
    const csv = 'Journey,Discover,Buy\nThoughts,"Hmm, which one?","Fine"\nChannels,"Web\nStore",Phone\nMood,-1 unsure,2\n';
    const map = ok(csv);
    expect(cellsOf(map, 'Thoughts').cells).toEqual({ discover: 'Hmm, which one?', buy: 'Fine' });
    expect(cellsOf(map, 'Channels').cells).toEqual({ discover: ['Web', 'Store'], buy: ['Phone'] });
    expect(cellsOf(map, 'Mood').cells).toEqual({ discover: { score: -1, note: 'unsure' }, buy: { score: 2 } });
  });

  it('gives errors in spreadsheet terms', () => {
    expect(parseTable('   ')).toEqual({ ok: false, issues: [{ path: '', message: 'Nothing to import: the paste is empty' }] });
    expect(parseTable('a\tb\tc')).toEqual({ ok: false, issues: [{ path: '', message: 'Need a header row of stage names and at least one lane row' }] });
    expect(parseTable('x\ty\tz\nFeelings\t1\t-3')).toEqual({ ok: false, issues: [{ path: 'row 2, column C', message: 'score must be between -2 and 2' }] });
    expect(parseTable('x\ty\tz\nFeelings\t5\t0')).toEqual({ ok: false, issues: [{ path: 'row 2, column C', message: 'score must be between 1 and 5' }] });
    const long = parseTable(`x\ty\nNotes\t${'a'.repeat(2001)}`);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.issues[0].path).toBe('row 2 (cells.y)');
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('round-trips: map → table → map keeps stage names, lane titles, texts, cards and scores', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,"']{0,12}[A-Za-z]$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6, selector: (w) => w.toLowerCase().replace(/[^a-z]+/g, '-') }), word, fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 6, maxLength: 6 }), (names, text, scores) => {
        const stages = names.map((n, i) => ({ id: `s${i}`, name: n }));
        const map = normaliseMap({
          title: 'T',
          stages,
          lanes: [
            { id: 'a', title: 'Actions', kind: 'text', cells: { s0: text } },
            { id: 't', title: 'Touchpoints', kind: 'cards', tone: 'neutral', cells: { s0: [text, 'Second'] } },
            { id: 'e', title: 'Emotions', kind: 'emotion', cells: Object.fromEntries(stages.map((s, i) => [s.id, { score: scores[i] / 4, note: 'n' }])) },
          ],
        });
        if (!map.ok) throw new Error(JSON.stringify(map.issues));
        for (const delimiter of ['\t', ','] as const) {
          const back = ok(toTable(map.value, delimiter));
          expect(back.stages.map((s) => s.name)).toEqual(map.value.stages.map((s) => s.name));
          expect(back.lanes.map((l) => [l.title, l.kind])).toEqual([['Actions', 'text'], ['Touchpoints', 'cards'], ['Emotions', 'emotion']]);
          expect(Object.values(back.lanes[0].cells)).toEqual([text]);
          expect(Object.values(back.lanes[1].cells)).toEqual([[text, 'Second']]);
          expect(Object.values(back.lanes[2].cells)).toEqual(stages.map((_, i) => ({ score: scores[i] / 4, note: 'n' })));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('detectFormat', () => {
  it('tells JSON, Mermaid and tables apart', () => {
    expect(detectFormat('  {"title": "x"}')).toBe('json');
    expect(detectFormat('%% note\njourney\n title x')).toBe('mermaid');
    expect(detectFormat('a\tb\nc\td')).toBe('table');
    expect(detectFormat('a,b\nc,d')).toBe('table');
    expect(detectFormat('just some words')).toBe('unknown');
    expect(detectFormat('')).toBe('unknown');
  });
});
