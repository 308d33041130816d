import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnName, detectFormat, parseMermaidJourney, parseTable, toTable } from '../../src/formats';
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
    expect(parseTable('x\ty\tz\nFeelings\t1\tmeh')).toEqual({ ok: false, issues: [{ path: 'row 2, column C', message: 'expected a score (a number, then an optional note)' }] });
    expect(parseTable(`x\ty\tz\nNotes\ta\t${'a'.repeat(2001)}`)).toEqual({ ok: false, issues: [{ path: 'row 2, column C', message: 'at most 2000 characters' }] });
    expect(parseTable(`x\ty\tz\n${'L'.repeat(121)}\ta\tb`)).toEqual({ ok: false, issues: [{ path: 'row 2, column A', message: 'at most 120 characters' }] });
    expect(parseTable(`x\ty\t${'S'.repeat(121)}\nNotes\ta\tb`)).toEqual({ ok: false, issues: [{ path: 'row 1, column C', message: 'at most 120 characters' }] });
    expect(parseTable('x\ty\t\tz\nNotes\ta\tlost?\tb\tc')).toEqual({
      ok: false,
      issues: [
        { path: 'row 2, column C', message: 'this column has no stage name in row 1' },
        { path: 'row 2, column E', message: 'this column has no stage name in row 1' },
      ],
    });
    expect(parseTable('Corner only\nNotes\tb')).toEqual({ ok: false, issues: [{ path: 'row 1', message: 'the first row needs stage names after its first cell' }] });
    const blankRows = parseTable('x\ty\n\nNotes\ta\n\t\nMood\t7');
    expect(blankRows).toEqual({ ok: false, issues: [{ path: 'row 5, column B', message: 'score must be between 1 and 5' }] });
    const cards = parseTable(`x\ty\nTouchpoints\t${Array.from({ length: 13 }, (_, i) => `c${i}`).join(';')}`);
    expect(cards).toEqual({ ok: false, issues: [{ path: 'row 2, column B', message: 'at most 12 cards per cell' }] });
  });

  it('reads score cells with notes the ways people write them', () => {
    const map = ok(
      [
        'x\ta\tb\tc\td\te\tf',
        // One value above 2 puts the whole row on the 1…5 scale.
        'Emotion (1-5)\t4 (happy)\t1; worried\t2 great (really)\t5: fine\t4,5\t3',
        'Mood\t−1\t-1.5 meh\t.5\t2e-7\t0 (ok\t-2 - low',
      ].join('\n'),
    );
    expect(Object.values(map.lanes[0].cells)).toEqual([
      { score: 1, note: 'happy' },
      { score: -2, note: 'worried' },
      { score: -1, note: 'great (really)' },
      { score: 2, note: 'fine' },
      { score: 1.5 },
      { score: 0 },
    ]);
    expect(Object.values(map.lanes[1].cells)).toEqual([{ score: -1 }, { score: -1.5, note: 'meh' }, { score: 0.5 }, { score: 2e-7 }, { score: 0, note: 'ok' }, { score: -2, note: 'low' }]);
  });

  it('keeps -2…2 scores as they are and keeps an empty top-left cell as the default title', () => {
    const map = ok('\tSearch\tPay\nSentiment\t-2\t0.5 fine\n');
    expect(map.title).toBe('Imported journey');
    expect(Object.values(map.lanes[0].cells)).toEqual([{ score: -2 }, { score: 0.5, note: 'fine' }]);
    expect(ok('Corner\tA\nNotes\tx').title).toBe('Corner');
    expect(parseTable('Corner\tA\nNotes\tx', { title: 'From file' }).ok && (parseTable('Corner\tA\nNotes\tx', { title: 'From file' }) as { value: JourneyMap }).value.title).toBe('From file');
  });

  it('keeps commas inside tab-separated cells, and reads semicolon CSV', () => {
    const map = ok('T\tA\tB\nThoughts\tWell, maybe\tYes, sure\n');
    expect(map.stages.map((s) => s.name)).toEqual(['A', 'B']);
    expect(Object.values(map.lanes[0].cells)).toEqual(['Well, maybe', 'Yes, sure']);
    const semi = ok('T;A;B\nThoughts;hmm;ok\n');
    expect(semi.stages.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('round-trips: map → table → map keeps stage names, lane titles, texts, cards, scores (any double) and notes', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,"']{0,12}[A-Za-z]$/);
    // Notes may start with what reads as a separator ("(", ";", "-") or a digit, and hold brackets.
    const note = fc.stringMatching(/^[(;:,\-A-Za-z0-9][A-Za-z0-9 ();,"]{0,10}[A-Za-z)]$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6, selector: (w) => w.toLowerCase().replace(/[^a-z]+/g, '-') }), word, fc.array(fc.double({ min: -2, max: 2, noNaN: true }).map((x) => x || 0), { minLength: 6, maxLength: 6 }), fc.array(note, { minLength: 6, maxLength: 6 }), (names, text, scores, notes) => {
        const stages = names.map((n, i) => ({ id: `s${i}`, name: n }));
        const map = normaliseMap({
          title: 'T',
          stages,
          lanes: [
            { id: 'a', title: 'Actions', kind: 'text', cells: { s0: text } },
            { id: 't', title: 'Touchpoints', kind: 'cards', tone: 'neutral', cells: { s0: [text, 'Second'] } },
            { id: 'e', title: 'Emotions', kind: 'emotion', cells: Object.fromEntries(stages.map((s, i) => [s.id, { score: scores[i], note: notes[i] }])) },
          ],
        });
        if (!map.ok) throw new Error(JSON.stringify(map.issues));
        for (const delimiter of ['\t', ','] as const) {
          const back = ok(toTable(map.value, delimiter));
          expect(back.stages.map((s) => s.name)).toEqual(map.value.stages.map((s) => s.name));
          expect(back.lanes.map((l) => [l.title, l.kind])).toEqual([['Actions', 'text'], ['Touchpoints', 'cards'], ['Emotions', 'emotion']]);
          expect(Object.values(back.lanes[0].cells)).toEqual([text]);
          expect(Object.values(back.lanes[1].cells)).toEqual([[text, 'Second']]);
          expect(Object.values(back.lanes[2].cells)).toEqual(stages.map((_, i) => ({ score: scores[i], note: notes[i] })));
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
    expect(detectFormat('```mermaid\n---\ntitle: x\n---\nJOURNEY\n  Go: 3\n```')).toBe('mermaid');
    // A one-row spreadsheet copy is a table (so the table parser can say a lane row is missing); an empty corner starts it with a tab.
    expect(detectFormat('Corner\tA\tB')).toBe('table');
    expect(detectFormat('\tA\nNotes\tx')).toBe('table');
    expect(detectFormat('Hello, world')).toBe('unknown');
    expect(detectFormat('title x\njourney')).toBe('unknown');
    expect(detectFormat('just some words')).toBe('unknown');
    expect(detectFormat('')).toBe('unknown');
  });
});

describe('never throws on user input', () => {
  it('any text gives a Result from every parser', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      // Near-misses: keywords, separators, quotes, tabs and line breaks mixed.
      fc.array(fc.constantFrom('journey', 'title ', 'section ', 'accDescr {', '}', ':', ': 3', ': 9', ',', ';', '#', '#58;', '%%', '"', '\t', '\n', '\r\n', 'Mood', 'Pain', '-2', '5 ok', 'x', ' '), { maxLength: 60 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        for (const parse of [parseTable, parseMermaidJourney]) {
          const r = parse(t);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        }
        expect(['json', 'mermaid', 'table', 'unknown']).toContain(detectFormat(t));
      }),
      { numRuns: 500 },
    );
  });
});
