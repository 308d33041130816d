import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnName, detectFormat, parseMermaidJourney, parseTable, toTable } from '../../ui/formats';
import { normaliseMap, type JourneyMap } from '../../src/model';
import { ok } from '../support/maps';

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
    const map = ok(parseTable(tsv));
    expect(map.title).toBe('Buying shoes');
    expect(map.stages.map((s) => s.name)).toEqual(['Search', 'Compare', 'Checkout']);
    expect(cellsOf(map, 'Actions')).toMatchObject({ kind: 'text', cells: { search: 'Googles "running shoes"' } });
    expect(cellsOf(map, 'Touchpoints')).toMatchObject({
      kind: 'cards',
      tone: 'neutral',
      cells: { search: ['Google', 'Blog'], compare: ['Reviews'] },
    });
    expect(cellsOf(map, 'Pain points')).toMatchObject({
      kind: 'cards',
      tone: 'negative',
      cells: { search: ['Too many ads'], checkout: ['Hidden fees'] },
    });
    expect(cellsOf(map, 'Opportunities')).toMatchObject({ kind: 'cards', tone: 'idea' });
    expect(cellsOf(map, 'Emotions')).toEqual({
      id: 'emotions',
      title: 'Emotions',
      kind: 'emotion',
      cells: {
        search: { score: 1, note: 'curious' },
        compare: { score: -1, note: 'confused' },
        checkout: { score: 2 },
      },
    });
  });

  it('reads CSV with quoted cells holding commas and line breaks', () => {
    const csv =
      'Journey,Discover,Buy\nThoughts,"Hmm, which one?","Fine"\nChannels,"Web\nStore",Phone\nMood,-1 unsure,2\n';
    const map = ok(parseTable(csv));
    expect(cellsOf(map, 'Thoughts').cells).toEqual({ discover: 'Hmm, which one?', buy: 'Fine' });
    expect(cellsOf(map, 'Channels').cells).toEqual({ discover: ['Web', 'Store'], buy: ['Phone'] });
    expect(cellsOf(map, 'Mood').cells).toEqual({ discover: { score: -1, note: 'unsure' }, buy: { score: 2 } });
  });

  it('gives errors in spreadsheet terms', () => {
    expect(parseTable('   ')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'nothing to import: the paste is empty' }],
    });
    expect(parseTable('a\tb\tc')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'need a header row of stage names and at least one lane row' }],
    });
    expect(parseTable('x\ty\tz\nFeelings\t1\t-3')).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column C', message: 'score must be between -2 and 2' }],
    });
    expect(parseTable('x\ty\tz\nFeelings\t5\t0')).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column C', message: 'score must be between 1 and 5' }],
    });
    expect(parseTable('x\ty\tz\nFeelings\t1\tmeh')).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column C', message: 'expected a score (a number, then an optional note)' }],
    });
    expect(parseTable(`x\ty\tz\nNotes\ta\t${'a'.repeat(2001)}`)).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column C', message: 'at most 2000 characters' }],
    });
    expect(parseTable(`x\ty\tz\n${'L'.repeat(121)}\ta\tb`)).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column A', message: 'at most 120 characters' }],
    });
    expect(parseTable(`x\ty\t${'S'.repeat(121)}\nNotes\ta\tb`)).toEqual({
      ok: false,
      issues: [{ path: 'row 1, column C', message: 'at most 120 characters' }],
    });
    expect(parseTable('x\ty\t\tz\nNotes\ta\tlost?\tb\tc')).toEqual({
      ok: false,
      issues: [
        { path: 'row 2, column C', message: 'this column has no stage name in row 1' },
        { path: 'row 2, column E', message: 'this column has no stage name in row 1' },
      ],
    });
    expect(parseTable('Corner only\nNotes\tb')).toEqual({
      ok: false,
      issues: [{ path: 'row 1', message: 'the first row needs stage names after its first cell' }],
    });
    const blankRows = parseTable('x\ty\n\nNotes\ta\n\t\nMood\t7');
    expect(blankRows).toEqual({
      ok: false,
      issues: [{ path: 'row 5, column B', message: 'score must be between 1 and 5' }],
    });
    const cards = parseTable(`x\ty\nTouchpoints\t${Array.from({ length: 13 }, (_, i) => `c${i}`).join(';')}`);
    expect(cards).toEqual({ ok: false, issues: [{ path: 'row 2, column B', message: 'at most 12 cards per cell' }] });
  });

  it('reads score cells with notes the ways people write them', () => {
    const map = ok(
      parseTable(
        [
          'x\ta\tb\tc\td\te\tf',
          // One value above 2 puts the whole row on the 1…5 scale.
          'Emotion (1-5)\t4 (happy)\t1; worried\t2 great (really)\t5: fine\t4,5\t3',
          'Mood\t−1\t-1.5 meh\t.5\t2e-7\t0 (ok\t-2 - low',
        ].join('\n'),
      ),
    );
    expect(Object.values(map.lanes[0].cells)).toEqual([
      { score: 1, note: 'happy' },
      { score: -2, note: 'worried' },
      { score: -1, note: 'great (really)' },
      { score: 2, note: 'fine' },
      { score: 1.5 },
      { score: 0 },
    ]);
    expect(Object.values(map.lanes[1].cells)).toEqual([
      { score: -1 },
      { score: -1.5, note: 'meh' },
      { score: 0.5 },
      { score: 2e-7 },
      { score: 0, note: 'ok' },
      { score: -2, note: 'low' },
    ]);
  });

  it('keeps -2…2 scores as they are and keeps an empty top-left cell as the default title', () => {
    const map = ok(parseTable('\tSearch\tPay\nSentiment\t-2\t0.5 fine\n'));
    expect(map.title).toBe('Imported journey');
    expect(Object.values(map.lanes[0].cells)).toEqual([{ score: -2 }, { score: 0.5, note: 'fine' }]);
    expect(ok(parseTable('Corner\tA\nNotes\tx')).title).toBe('Corner');
    expect((parseTable('Corner\tA\nNotes\tx', { title: '  ' }) as { value: JourneyMap }).value.title).toBe('Corner');
    expect(
      parseTable('Corner\tA\nNotes\tx', { title: 'From file' }).ok &&
        (parseTable('Corner\tA\nNotes\tx', { title: 'From file' }) as { value: JourneyMap }).value.title,
    ).toBe('From file');
  });

  it('keeps commas inside tab-separated cells, and reads semicolon CSV', () => {
    const map = ok(parseTable('T\tA\tB\nThoughts\tWell, maybe\tYes, sure\n'));
    expect(map.stages.map((s) => s.name)).toEqual(['A', 'B']);
    expect(Object.values(map.lanes[0].cells)).toEqual(['Well, maybe', 'Yes, sure']);
    const semi = ok(parseTable('T;A;B\nThoughts;hmm;ok\n'));
    expect(semi.stages.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('reads a "Phase" row: an empty cell continues the phase on its left (merged cells), "-" ends it', () => {
    const map = ok(
      parseTable('Trip\tSearch\tCompare\tPay\tWait\tUnbox\nPhase\tBefore\t\tDuring\t-\tAfter\nNotes\ta\tb\tc\td\te\n'),
    );
    expect(map.stages.map((s) => s.phase)).toEqual(['Before', 'Before', 'During', undefined, 'After']);
    // The Phase row is not a lane.
    expect(map.lanes.map((l) => l.title)).toEqual(['Notes']);
    expect(ok(parseTable('T\tA\tB\nNotes\tx\ty\nphases\t\tLater')).stages.map((s) => s.phase)).toEqual([
      undefined,
      'Later',
    ]);
    expect(parseTable(`T\tA\tB\nPhase\tok\t${'P'.repeat(121)}\nNotes\tx\ty`)).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column C', message: 'at most 120 characters' }],
    });
    expect(parseTable('T\tA\nPhase\tx\nNotes\ty\nPhase\tz')).toEqual({
      ok: false,
      issues: [{ path: 'row 4, column A', message: 'a second "Phase" row (the first is row 2): keep one' }],
    });
  });

  it('keeps text cells exactly (line breaks and ";"), and reads bullet lists as cards whatever the title', () => {
    const map = ok(
      parseTable(
        'T,A,B\nActions,"Calls;\nthen waits",Pays; leaves\nActors,"• Me\n• Cat",• Dog • Bird\nSteps,• one,plain\n',
      ),
    );
    expect(cellsOf(map, 'Actions')).toMatchObject({
      kind: 'text',
      cells: { a: 'Calls;\nthen waits', b: 'Pays; leaves' },
    });
    expect(cellsOf(map, 'Actors')).toMatchObject({
      kind: 'cards',
      tone: 'neutral',
      cells: { a: ['Me', 'Cat'], b: ['Dog', 'Bird'] },
    });
    // Only some cells bulleted: text, not a guess.
    expect(cellsOf(map, 'Steps')).toMatchObject({ kind: 'text', cells: { a: '• one', b: 'plain' } });
    // In a cards lane, lines and bullets split cards; ";" splits only a one-line cell without bullets.
    const tp = ok(parseTable('T\tA\tB\nTouchpoints\t"Google; Blog\nStore"\tGoogle; Blog\n'));
    expect(cellsOf(tp, 'Touchpoints').cells).toEqual({ a: ['Google; Blog', 'Store'], b: ['Google', 'Blog'] });
  });

  it('reads 1…5 scores when the title names that scale, even if no value is above 2', () => {
    const map = ok(
      parseTable('T\tA\tB\tC\nEmotion (1-5)\t1\t2 meh\t3.1\nMood 1 to 5\t2\t\t\nFeeling /5\t1\t\t\nMood\t1\t2\t\n'),
    );
    expect(Object.values(map.lanes[0].cells)).toEqual([{ score: -2 }, { score: -1, note: 'meh' }, { score: 0.1 }]);
    expect(Object.values(map.lanes[1].cells)).toEqual([{ score: -1 }]);
    expect(Object.values(map.lanes[2].cells)).toEqual([{ score: -2 }]);
    // No scale in the title and nothing above 2: the -2…2 scale.
    expect(Object.values(map.lanes[3].cells)).toEqual([{ score: 1 }, { score: 2 }]);
    expect(parseTable('T\tA\nEmotion (1–5)\t0')).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column B', message: 'score must be between 1 and 5' }],
    });
  });

  it('writes phases, bullets and the 1…5 scale the way it reads them', () => {
    const map = normaliseMap({
      title: 'T',
      stages: [
        { id: 'a', name: 'A', phase: 'Before' },
        { id: 'b', name: 'B' },
      ],
      lanes: [
        // Ids as import gives them, so the read-back map can be compared whole.
        { id: 'actors', title: 'Actors', kind: 'cards', tone: 'neutral', cells: { a: ['Me', 'Cat; dog'] } },
        {
          id: 'mood-1-5',
          title: 'Mood (1-5)',
          kind: 'emotion',
          cells: { a: { score: -2 }, b: { score: 0.5, note: 'ok' } },
        },
      ],
    });
    if (!map.ok) throw new Error(JSON.stringify(map.issues));
    expect(toTable(map.value)).toBe('T\tA\tB\nPhase\tBefore\t–\nActors\t"• Me\n• Cat; dog"\t\nMood (1-5)\t1\t3.5 ok');
    expect(ok(parseTable(toTable(map.value)))).toEqual(map.value);
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('round-trips: map → table → map keeps stage names, phases, lane titles and kinds, texts, cards, scores (any double) and notes', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,"']{0,12}[A-Za-z]$/);
    // Text cells may hold line breaks and ";"; cards may hold ";" (the bullets keep them whole).
    const text = fc.stringMatching(/^[A-Za-z][A-Za-z ,;"'\n]{0,20}[A-Za-z]$/);
    const card = fc.stringMatching(/^[A-Za-z][A-Za-z ,;"']{0,12}[A-Za-z]$/);
    // Notes may start with what reads as a separator ("(", ";", "-") or a digit, and hold brackets.
    const note = fc.stringMatching(/^[(;:,\-A-Za-z0-9][A-Za-z0-9 ();,"]{0,10}[A-Za-z)]$/);
    const stage = fc.record({
      name: word,
      phase: fc.option(fc.constantFrom('Before', 'During, then', 'After "x"'), { nil: undefined }),
      text: fc.option(text, { nil: undefined }),
      cards: fc.array(card, { maxLength: 3 }),
      score: fc.option(
        fc.double({ min: -2, max: 2, noNaN: true }).map((x) => x || 0),
        { nil: undefined },
      ),
      // The 1…5 lane: quarter steps, as people write them (exact after ±3).
      step: fc.option(
        fc.integer({ min: -8, max: 8 }).map((n) => n / 4 || 0),
        { nil: undefined },
      ),
      note: fc.option(note, { nil: undefined }),
    });
    const pick = <T>(rows: Array<Record<string, unknown>>, f: (r: any) => T | undefined) =>
      Object.fromEntries(rows.flatMap((r, i) => (f(r) === undefined ? [] : [[`s${i}`, f(r)]])));
    fc.assert(
      fc.property(
        fc.uniqueArray(stage, {
          minLength: 1,
          maxLength: 8,
          selector: (s) => s.name.toLowerCase().replace(/[^a-z]+/g, '-'),
        }),
        (rows) => {
          const map = normaliseMap({
            title: 'T',
            stages: rows.map((r, i) => ({ id: `s${i}`, name: r.name, ...(r.phase ? { phase: r.phase } : {}) })),
            lanes: [
              { id: 'a', title: 'Actions', kind: 'text', cells: pick(rows, (r) => r.text) },
              { id: 't', title: 'Touchpoints', kind: 'cards', tone: 'neutral', cells: pick(rows, (r) => r.cards) },
              {
                id: 'p',
                title: 'Pain points',
                kind: 'cards',
                tone: 'negative',
                cells: pick(rows, (r) => [...r.cards].reverse()),
              },
              { id: 'w', title: 'Who', kind: 'cards', tone: 'neutral', cells: pick(rows, (r) => r.cards) },
              {
                id: 'e',
                title: 'Emotions',
                kind: 'emotion',
                cells: pick(rows, (r) =>
                  r.score === undefined ? undefined : { score: r.score, ...(r.note ? { note: r.note } : {}) },
                ),
              },
              {
                id: 'm',
                title: 'Mood (1-5)',
                kind: 'emotion',
                cells: pick(rows, (r) => (r.step === undefined ? undefined : { score: r.step })),
              },
            ],
          });
          if (!map.ok) throw new Error(JSON.stringify(map.issues));
          for (const delimiter of ['\t', ','] as const) {
            const table = toTable(map.value, delimiter);
            const back = ok(parseTable(table));
            expect(back.stages.map((s) => [s.name, s.phase])).toEqual(map.value.stages.map((s) => [s.name, s.phase]));
            // Lanes with no filled cell cannot show their kind; the rest keep title, kind, tone and every cell.
            const kept = map.value.lanes.filter((l) => Object.keys(l.cells).length);
            const strip = (l: JourneyMap['lanes'][number]) => ({ ...l, id: undefined, cells: Object.values(l.cells) });
            expect(back.lanes.filter((l) => Object.keys(l.cells).length).map(strip)).toEqual(kept.map(strip));
            // Writing the read-back map gives the same table.
            expect(toTable(back, delimiter)).toBe(table);
          }
        },
      ),
      { numRuns: 200 },
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
    expect(detectFormat('T;A;B\nThoughts;hmm;ok')).toBe('table');
    expect(detectFormat('Hello, world')).toBe('unknown');
    expect(detectFormat('Hello, world\nand goodbye')).toBe('unknown');
    expect(detectFormat('Dear team; hi\nthanks')).toBe('unknown');
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
      fc
        .array(
          fc.constantFrom(
            'journey',
            'title ',
            'section ',
            'accDescr {',
            '}',
            ':',
            ': 3',
            ': 9',
            ',',
            ';',
            '#',
            '#58;',
            '%%',
            '"',
            '\t',
            '\n',
            '\r\n',
            'Mood',
            'Pain',
            '-2',
            '5 ok',
            'x',
            ' ',
          ),
          { maxLength: 60 },
        )
        .map((a) => a.join('')),
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
