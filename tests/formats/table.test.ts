import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnName, detectFormat, parseMermaidJourney, parseTable, splitCards, toTable } from '../../ui/formats';
import type { TableReading, TableResult } from '../../ui/formats/table';
import { normaliseMap, type JourneyMap } from '../../src/model';
import { loadExamples, norm, ok } from '../support/maps';

const cellsOf = (map: JourneyMap, title: string) => map.lanes.find((l) => l.title === title)!;
type EmotionLane = Extract<JourneyMap['lanes'][number], { kind: 'emotion' }>;
const emotionOf = (map: JourneyMap, title: string) => cellsOf(map, title) as EmotionLane;
const scoresOf = (map: JourneyMap, title: string) => Object.values(emotionOf(map, title).cells).map((c) => c.score);
/** The reading of a table the test expects to import. */
function read(r: TableResult): { map: JourneyMap; reading: TableReading } {
  return { map: ok(r), reading: (r as { reading: TableReading }).reading };
}
/** A CSV file as Excel saves "CSV UTF-8": byte-order mark, CRLF line breaks. */
const excelCsv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

describe('spreadsheet import: the basics', () => {
  it('reads a tab-separated paste, inferring text, cards and emotion lanes', () => {
    const tsv = [
      'Buying shoes\tSearch\tCompare\tCheckout',
      'Actions\tGoogles "running shoes"\tReads reviews\tPays',
      'Touchpoints\tGoogle; Blog\tReviews\tApp',
      'Pain points\tToo many ads\t\tHidden fees',
      'Opportunities\t\tFilter by width\t',
      'Emotions\t4 curious\t2 (confused)\t5',
    ].join('\n');
    const { map, reading } = read(parseTable(tsv));
    expect(map.title).toBe('Buying shoes');
    expect(reading).toMatchObject({ orientation: 'columns', stageNames: 'row 1', titleFrom: 'row 1, column A' });
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
    // 4, 2, 5 unsigned and within 1…5: the lane is on 1…5, scores as written.
    expect(cellsOf(map, 'Emotions')).toEqual({
      id: 'emotions',
      title: 'Emotions',
      kind: 'emotion',
      scale: { min: 1, max: 5 },
      cells: {
        search: { score: 4, note: 'curious' },
        compare: { score: 2, note: 'confused' },
        checkout: { score: 5 },
      },
    });
    expect(reading.scales).toEqual({
      emotions: { title: 'Emotions', scale: { min: 1, max: 5 }, from: 'values', kept: true },
    });
  });

  it('reads CSV with quoted cells holding commas and line breaks', () => {
    const csv =
      'Journey,Discover,Buy\nThoughts,"Hmm, which one?","Fine"\nChannels,"Web\nStore",Phone\nMood,-1 unsure,+2\n';
    const map = ok(parseTable(csv));
    expect(cellsOf(map, 'Thoughts').cells).toEqual({ discover: 'Hmm, which one?', buy: 'Fine' });
    expect(cellsOf(map, 'Channels').cells).toEqual({ discover: ['Web', 'Store'], buy: ['Phone'] });
    expect(cellsOf(map, 'Mood').cells).toEqual({ discover: { score: -1, note: 'unsure' }, buy: { score: 2 } });
  });

  it('reads score cells with notes the ways people write them', () => {
    const map = ok(
      parseTable(
        [
          'x\ta\tb\tc\td\te\tf',
          'Emotion (1-5)\t4 (happy)\t1; worried\t2 great (really)\t5: fine\t4,5\t3',
          'Mood\t−1\t-1.5 meh\t.5\t2e-7\t0 (ok\t-2 - low',
        ].join('\n'),
      ),
    );
    // The scale in the title's brackets is the lane's scale; the title keeps the rest.
    expect(map.lanes[0]).toMatchObject({ title: 'Emotion', scale: { min: 1, max: 5 } });
    expect(Object.values(map.lanes[0].cells)).toEqual([
      { score: 4, note: 'happy' },
      { score: 1, note: 'worried' },
      { score: 2, note: 'great (really)' },
      { score: 5, note: 'fine' },
      { score: 4.5 },
      { score: 3 },
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

  it('an empty top-left cell gives the default title; a title option wins over the sheet unless blank', () => {
    const map = ok(parseTable('\tSearch\tPay\nSentiment\t-2\t0.5 fine\n'));
    expect(map.title).toBe('Imported journey');
    expect(Object.values(map.lanes[0].cells)).toEqual([{ score: -2 }, { score: 0.5, note: 'fine' }]);
    expect(ok(parseTable('Corner\tA\nNotes\tx')).title).toBe('Corner');
    // Words that label the table are no title.
    expect(ok(parseTable('Lane\tA\nNotes\tx')).title).toBe('Imported journey');
    expect(ok(parseTable('Corner\tA\nNotes\tx', { title: '  ' })).title).toBe('Corner');
    expect(ok(parseTable('Corner\tA\nNotes\tx', { title: 'From file' })).title).toBe('From file');
  });

  it('keeps commas inside tab-separated cells, and reads semicolon CSV', () => {
    const map = ok(parseTable('T\tA\tB\nThoughts\tWell, maybe\tYes, sure\n'));
    expect(map.stages.map((s) => s.name)).toEqual(['A', 'B']);
    expect(Object.values(map.lanes[0].cells)).toEqual(['Well, maybe', 'Yes, sure']);
    const semi = ok(parseTable('T;A;B\nThoughts;hmm, ok;fine, thanks\n'));
    expect(semi.stages.map((s) => s.name)).toEqual(['A', 'B']);
    expect(Object.values(semi.lanes[0].cells)).toEqual(['hmm, ok', 'fine, thanks']);
    // And a comma CSV whose cells hold semicolons stays a comma CSV.
    const comma = ok(parseTable('T,A,B\nThoughts,hmm; ok,fine; thanks\nNotes,x,y\n'));
    expect(Object.values(comma.lanes[0].cells)).toEqual(['hmm; ok', 'fine; thanks']);
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
      issues: [{ path: 'row 4, column A', message: 'a second "Phase" line (the first is row 2): keep one' }],
    });
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('cards: split at line breaks, bullets and ";", never at commas', () => {
  it('splits a cell the stated way', () => {
    expect(splitCards('Instagram, word of mouth')).toEqual(['Instagram, word of mouth']);
    expect(splitCards('App; email reminders')).toEqual(['App', 'email reminders']);
    expect(splitCards('Web\nStore; kiosk')).toEqual(['Web', 'Store', 'kiosk']);
    // A cell with bullets is one card per bullet: ";" inside a bulleted card stays.
    expect(splitCards('• Me\n• Cat; dog')).toEqual(['Me', 'Cat; dog']);
    expect(splitCards('• Dog • Bird')).toEqual(['Dog', 'Bird']);
    expect(splitCards('- Call centre\n- E-mail, then SMS\n* Chat')).toEqual([
      'Call centre',
      'E-mail, then SMS',
      'Chat',
    ]);
    // A dash inside a word or before a number is no bullet.
    expect(splitCards('E-mail')).toEqual(['E-mail']);
    expect(splitCards('-1 rating; 5-star')).toEqual(['-1 rating', '5-star']);
    expect(splitCards(' ; \n ')).toEqual([]);
  });

  it('keeps text cells exactly (line breaks and ";"), and reads bullet lists as cards whatever the title', () => {
    const map = ok(
      parseTable(
        'T,A,B\nActions,"Calls;\nthen waits",Pays; leaves\nActors,"• Me\n• Cat",• Dog • Bird\nSteps,• one,plain\nWho,"- Ana\n- Ben",- Cy\n',
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
    expect(cellsOf(map, 'Who')).toMatchObject({ kind: 'cards', cells: { a: ['Ana', 'Ben'], b: ['Cy'] } });
    // Only some cells bulleted: text, not a guess.
    expect(cellsOf(map, 'Steps')).toMatchObject({ kind: 'text', cells: { a: '• one', b: 'plain' } });
    const tp = ok(parseTable('T\tA\tB\nTouchpoints\t"Google, Blog\nStore"\tGoogle; Blog\n'));
    expect(cellsOf(tp, 'Touchpoints').cells).toEqual({ a: ['Google, Blog', 'Store'], b: ['Google', 'Blog'] });
  });
});

describe('spreadsheet import: sheets as teams keep them', () => {
  it('a Google Sheets CSV download: title row, blank row, merged phase cells, quoted multi-line cells', () => {
    const csv = [
      'Buying running shoes online,,,,',
      ',,,,',
      'Stage,Discover,Compare,Buy,Wait',
      'Phase,Before purchase,,Purchase,',
      'Doing,"Searches ""trail shoes""',
      'Reads two blogs",Compares three shops,Pays by card,Tracks the parcel',
      'Touchpoints,"Instagram, word of mouth","Shop site',
      'Review site",App; email reminders,',
      'Pain points,,"Sizes differ, brand to brand",,Late parcel',
      'Emotion (1 = very unhappy 5 = delighted),4 curious,2,3,1 "where is it?"',
    ].join('\n');
    const { map, reading } = read(parseTable(csv));
    expect(map.title).toBe('Buying running shoes online');
    expect(reading).toMatchObject({ orientation: 'columns', stageNames: 'row 3', titleFrom: 'row 1' });
    expect(map.stages.map((s) => [s.name, s.phase])).toEqual([
      ['Discover', 'Before purchase'],
      ['Compare', 'Before purchase'],
      ['Buy', 'Purchase'],
      ['Wait', 'Purchase'],
    ]);
    expect(map.lanes.map((l) => [l.title, l.kind])).toEqual([
      ['Doing', 'text'],
      ['Touchpoints', 'cards'],
      ['Pain points', 'cards'],
      ['Emotion', 'emotion'],
    ]);
    expect(cellsOf(map, 'Doing').cells).toMatchObject({ discover: 'Searches "trail shoes"\nReads two blogs' });
    expect(cellsOf(map, 'Touchpoints').cells).toEqual({
      discover: ['Instagram, word of mouth'],
      compare: ['Shop site', 'Review site'],
      buy: ['App', 'email reminders'],
    });
    expect(cellsOf(map, 'Pain points').cells).toEqual({
      compare: ['Sizes differ, brand to brand'],
      wait: ['Late parcel'],
    });
    // The title's scale, with its words, is the lane's scale.
    const scale = { min: 1, max: 5, low: 'very unhappy', high: 'delighted' };
    expect(emotionOf(map, 'Emotion').scale).toEqual(scale);
    expect(Object.values(emotionOf(map, 'Emotion').cells)).toEqual([
      { score: 4, note: 'curious' },
      { score: 2 },
      { score: 3 },
      { score: 1, note: '"where is it?"' },
    ]);
    expect(Object.values(reading.scales)).toEqual([
      { title: 'Emotion (1 = very unhappy 5 = delighted)', scale, from: 'title', kept: true },
    ]);
  });

  it('an Excel "CSV UTF-8" file in a European locale: BOM, CRLF, ";" and decimal commas', () => {
    const csv = excelCsv([
      'Kundenreise;;;',
      'Phase;Vorher;;Nachher',
      'Stage;Suchen;Vergleichen;Kaufen',
      'Actions;"Sucht online; fragt Freunde";Vergleicht Preise, Größen;Bezahlt',
      'Emotion (1-10);7,5 neugierig;4;9',
    ]);
    const { map, reading } = read(parseTable(csv));
    expect(map.title).toBe('Kundenreise');
    // The Phase row comes first; the row headed "Stage" holds the names.
    expect(reading.stageNames).toBe('row 3');
    expect(map.stages.map((s) => [s.name, s.phase])).toEqual([
      ['Suchen', 'Vorher'],
      ['Vergleichen', 'Vorher'],
      ['Kaufen', 'Nachher'],
    ]);
    expect(cellsOf(map, 'Actions').cells).toEqual({
      suchen: 'Sucht online; fragt Freunde',
      vergleichen: 'Vergleicht Preise, Größen',
      kaufen: 'Bezahlt',
    });
    expect(emotionOf(map, 'Emotion')).toMatchObject({ scale: { min: 1, max: 10 } });
    expect(Object.values(emotionOf(map, 'Emotion').cells)).toEqual([
      { score: 7.5, note: 'neugierig' },
      { score: 4 },
      { score: 9 },
    ]);
    // No stray BOM in the title, no "\r" left in any cell.
    expect(JSON.stringify(map)).not.toMatch(/\\r|\uFEFF/);
  });

  it('an Excel TSV (one stage per row): header of lane titles, quoted cells, CRLF, trailing empty columns', () => {
    const tsv = [
      'Clinic visit\t\t\t\t\t',
      'Stage\tPhase\tDoing\tTouchpoints\tEmotion (1 = very unhappy, 5 = delighted)\t',
      'Book\tBefore\tCalls the clinic\t"Phone\r\nWebsite"\t2 on hold\t',
      'Travel\t\t"Drives; finds ""no parking"""\tCar park\t1\t',
      'Wait\tVisit\tWaits\tWaiting room\t1\t',
      'Consult\t\tTalks to the doctor\t\t2\t',
      'Pay\t\tPays at the desk\tCard reader\t1\t',
      'Leave\tAfter\tGoes home\t\t2 relieved\t',
    ].join('\r\n');
    const { map, reading } = read(parseTable(tsv));
    expect(reading).toMatchObject({ orientation: 'rows', stageNames: 'column A', titleFrom: 'row 1' });
    expect(map.title).toBe('Clinic visit');
    expect(map.stages.map((s) => [s.name, s.phase])).toEqual([
      ['Book', 'Before'],
      ['Travel', 'Before'],
      ['Wait', 'Visit'],
      ['Consult', 'Visit'],
      ['Pay', 'Visit'],
      ['Leave', 'After'],
    ]);
    expect(map.lanes.map((l) => l.title)).toEqual(['Doing', 'Touchpoints', 'Emotion']);
    expect(cellsOf(map, 'Doing').cells).toMatchObject({ travel: 'Drives; finds "no parking"' });
    expect(cellsOf(map, 'Touchpoints').cells).toMatchObject({ book: ['Phone', 'Website'], pay: ['Card reader'] });
    // The issue's example: 2, 1, 1, 2, 1, 2 on 1…5 (very unhappy to delighted) is an unhappy curve.
    expect(emotionOf(map, 'Emotion').scale).toEqual({ min: 1, max: 5, low: 'very unhappy', high: 'delighted' });
    expect(scoresOf(map, 'Emotion')).toEqual([2, 1, 1, 2, 1, 2]);
  });

  it('one stage per row with the Phase column first and the stage names second', () => {
    const tsv = [
      'Phase\tStep\tWhat they do\tThinking\tFeelings',
      'Before\tDiscover\tSearches\tWhich one?\t+1 curious',
      '\tCompare\tReads reviews\tToo many\t-1',
      'During\tBuy\tPays\tFinally\t+2',
    ].join('\n');
    const { map, reading } = read(parseTable(tsv));
    expect(reading).toMatchObject({ orientation: 'rows', stageNames: 'column B' });
    expect(map.stages.map((s) => [s.name, s.phase])).toEqual([
      ['Discover', 'Before'],
      ['Compare', 'Before'],
      ['Buy', 'During'],
    ]);
    expect(map.lanes.map((l) => l.title)).toEqual(['What they do', 'Thinking', 'Feelings']);
    // Signed scores: −2…+2, kept as they are.
    expect(scoresOf(map, 'Feelings')).toEqual([1, -1, 2]);
    expect(reading.scales).toEqual({
      feelings: { title: 'Feelings', scale: { min: -2, max: 2 }, from: 'signs', kept: true },
    });
    // −2…+2 is the default: the lane names no scale of its own.
    expect(emotionOf(map, 'Feelings').scale).toBeUndefined();
  });

  it('tells the orientation from the lane words on each side, not from the layout alone', () => {
    // Stage names that are no lane words, lane titles that are: one stage per row.
    const rows = read(parseTable('Journey\tActions\tPain points\nSign up\tFills a form\tToo long\nLog in\tTypes\t'));
    expect(rows.reading.orientation).toBe('rows');
    expect(rows.map.title).toBe('Journey');
    expect(rows.map.stages.map((s) => s.name)).toEqual(['Sign up', 'Log in']);
    expect(cellsOf(rows.map, 'Pain points').cells).toEqual({ 'sign-up': ['Too long'] });
    // The same words down the first column: stages as columns.
    const cols = read(parseTable('Journey\tSign up\tLog in\nActions\tFills a form\tTypes\nPain points\tToo long\t'));
    expect(cols.reading.orientation).toBe('columns');
    expect(cols.map).toEqual(rows.map);
    // No lane words either side: the documented default, stages as columns.
    expect(read(parseTable('T\tA\tB\nX\t1\t2')).reading.orientation).toBe('columns');
  });

  it('a table that does not start in column A, under a title in another column', () => {
    const csv = ',,Onboarding,\n,,,\n,,Day 1,Day 7\n,Doing,Signs up,Invites the team\n,Mood,4,5\n';
    const { map, reading } = read(parseTable(csv));
    expect(map.title).toBe('Onboarding');
    expect(reading.stageNames).toBe('row 3');
    expect(map.stages.map((s) => s.name)).toEqual(['Day 1', 'Day 7']);
    expect(scoresOf(map, 'Mood')).toEqual([4, 5]);
  });
});

describe('emotion scales keep their meaning', () => {
  /** The one emotion lane of a row under `title`, and how its scale was read. */
  const row = (title: string, values: string[]) => {
    const { map, reading } = read(
      parseTable(`T\t${values.map((_, i) => `S${i}`).join('\t')}\n${title}\t${values.join('\t')}`),
    );
    const lane = map.lanes[0] as EmotionLane;
    return {
      title: lane.title,
      scale: lane.scale,
      scores: Object.values(lane.cells).map((c) => c.score),
      read: Object.values(reading.scales)[0],
    };
  };

  it('1–5: from a hint in the title, or inferred from unsigned scores within 1…5; kept as the lane’s scale', () => {
    const titles: Array<[string, string]> = [
      ['Emotion (1-5)', 'Emotion'],
      ['Emotion 1–5', 'Emotion 1–5'],
      ['Mood 1 to 5', 'Mood 1 to 5'],
      ['Feeling /5', 'Feeling /5'],
      ['Mood (1 – 5)', 'Mood'],
    ];
    for (const [title, kept] of titles)
      expect(row(title, ['1', '2', '3', '5']), title).toEqual({
        title: kept,
        scale: { min: 1, max: 5 },
        scores: [1, 2, 3, 5],
        read: { title, scale: { min: 1, max: 5 }, from: 'title', kept: true },
      });
    expect(row('Emotion (1 = awful, 5 = great)', ['1', '5'])).toMatchObject({
      title: 'Emotion',
      scale: { min: 1, max: 5, low: 'awful', high: 'great' },
    });
    expect(row('Emotion', ['1', '2', '3', '5'])).toEqual({
      title: 'Emotion',
      scale: { min: 1, max: 5 },
      scores: [1, 2, 3, 5],
      read: { title: 'Emotion', scale: { min: 1, max: 5 }, from: 'values', kept: true },
    });
    // With the hint, scores that would fit −2…+2 are on 1…5 all the same.
    expect(row('Mood (1-5)', ['1', '2'])).toMatchObject({ scale: { min: 1, max: 5 }, scores: [1, 2] });
  });

  it('1–10, 0–10, 1–7: from the title, or inferred when a score is above 5', () => {
    expect(row('Satisfaction (1-10)', ['1', '10', '5.5'])).toMatchObject({
      title: 'Satisfaction',
      scale: { min: 1, max: 10 },
      scores: [1, 10, 5.5],
    });
    expect(row('Emotion 0–10', ['0', '10', '5']).scale).toEqual({ min: 0, max: 10 });
    expect(row('Emotion 1 to 7', ['1', '7', '4']).scale).toEqual({ min: 1, max: 7 });
    expect(row('Emotion', ['2', '8', '10'])).toMatchObject({ scale: { min: 1, max: 10 }, scores: [2, 8, 10] });
    expect(row('Emotion', ['0', '8']).scale).toEqual({ min: 0, max: 10 });
    expect(row('Emotion', ['0', '3', '4']).scale).toEqual({ min: 0, max: 5 });
    // A scale in the title's last brackets wins over one before it.
    expect(row('Mood (1-5) (0-10)', ['7'])).toMatchObject({ title: 'Mood (1-5)', scale: { min: 0, max: 10 } });
  });

  it('−2…+2: from the title, from signed scores, or from unsigned scores within 0…2 with a 0', () => {
    expect(row('Emotion (-2..+2)', ['2', '1', '-2'])).toEqual({
      title: 'Emotion',
      scale: undefined,
      scores: [2, 1, -2],
      read: { title: 'Emotion (-2..+2)', scale: { min: -2, max: 2 }, from: 'title', kept: true },
    });
    expect(row('Emotion −2 to +2', ['2', '1']).scores).toEqual([2, 1]);
    expect(row('Emotion', ['+2', '1', '0'])).toMatchObject({
      scale: undefined,
      scores: [2, 1, 0],
      read: { from: 'signs' },
    });
    expect(row('Emotion', ['0', '1.5'])).toMatchObject({ scale: undefined, read: { from: 'values' } });
    expect(row('Emotion (-3..+3)', ['-3', '3'])).toMatchObject({ scale: { min: -3, max: 3 }, scores: [-3, 3] });
  });

  it('a scale a lane cannot hold (not whole numbers, or more than 10 apart) is mapped linearly onto −2…+2', () => {
    expect(row('Happiness (0-100)', ['0', '30', '50', '100'])).toEqual({
      title: 'Happiness (0-100)',
      scale: undefined,
      scores: [-2, -0.8, 0, 2],
      read: { title: 'Happiness (0-100)', scale: { min: 0, max: 100 }, from: 'title', kept: false },
    });
    expect(row('Mood 0.5 to 5', ['0.5', '5']).scores).toEqual([-2, 2]);
    expect(row('Mood 1 to 12', ['4']).scores).toEqual([-0.909090909]);
  });

  it('scores outside the scale, or fitting none, are errors at their cells with the fix', () => {
    expect(parseTable('x\ty\tz\nFeelings\t1\t-3')).toEqual({
      ok: false,
      issues: [
        {
          path: 'row 2, column C',
          message: 'score must be between -2 and 2, or name the scale in the title, e.g. "Feelings (-3..+3)"',
        },
      ],
    });
    expect(parseTable('T\tA\nEmotion (1–5)\t0')).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column B', message: 'score must be between 1 and 5' }],
    });
    expect(parseTable('T\tA\tB\nMood\t30\t70')).toEqual({
      ok: false,
      issues: [
        {
          path: 'row 2, column A',
          message: 'scores from 30 to 70 fit no usual scale: name it in the title, e.g. "Mood (0-100)"',
        },
      ],
    });
    // A year range in a title is no scale: the scores decide.
    expect(row('Emotion 2019-2024', ['1', '4']).read.from).toBe('values');
  });
});

describe('errors in spreadsheet terms', () => {
  it('locates each problem at its cell', () => {
    expect(parseTable('   ')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'nothing to import: the paste is empty' }],
    });
    expect(parseTable('a\tb\tc')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'need a row of stage names and at least one lane' }],
    });
    expect(parseTable('Only a title\n\nand a note')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'need a row of stage names and at least one lane' }],
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
    // Rows are the sheet's rows: the blank ones count.
    expect(parseTable('Title\n\nx\ty\n\nNotes\ta\n\t\nMood (1-5)\t7')).toEqual({
      ok: false,
      issues: [{ path: 'row 7, column B', message: 'score must be between 1 and 5' }],
    });
    const cards = parseTable(`x\ty\nTouchpoints\t${Array.from({ length: 13 }, (_, i) => `c${i}`).join(';')}`);
    expect(cards).toEqual({ ok: false, issues: [{ path: 'row 2, column B', message: 'at most 12 cards per cell' }] });
  });

  it('one stage per row: the same problems at the same sheet cells', () => {
    expect(parseTable('Stage\tActions\tMood (1-5)\nA\tx\t2\nB\ty\t9')).toEqual({
      ok: false,
      issues: [{ path: 'row 3, column C', message: 'score must be between 1 and 5' }],
    });
    expect(parseTable('Stage\tActions\tTouchpoints\nA\tx\ty\n\tlost?\t')).toEqual({
      ok: false,
      issues: [{ path: 'row 3, column B', message: 'this row has no stage name in column A' }],
    });
    expect(parseTable(`Stage\tActions\n${'S'.repeat(121)}\tx`)).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column A', message: 'at most 120 characters' }],
    });
    expect(parseTable(`Stage\tActions\nA\t${'a'.repeat(2001)}`)).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column B', message: 'at most 2000 characters' }],
    });
    const many = Array.from({ length: 41 }, (_, i) => `S${i}\tx`).join('\n');
    expect(parseTable(`Stage\tActions\n${many}`)).toEqual({
      ok: false,
      issues: [{ path: 'column A', message: 'at most 40 stage rows' }],
    });
  });
});

describe('spreadsheet export', () => {
  const sample = () =>
    ok(
      normaliseMap({
        title: 'T',
        stages: [
          { id: 'a', name: 'A', phase: 'Before' },
          { id: 'b', name: 'B' },
        ],
        lanes: [
          // Ids as import gives them, so the read-back map can be compared whole.
          { id: 'actors', title: 'Actors', kind: 'cards', tone: 'neutral', cells: { a: ['Me', 'Cat; dog'] } },
          {
            id: 'mood',
            title: 'Mood',
            kind: 'emotion',
            scale: { min: 1, max: 5 },
            cells: { a: { score: 1 }, b: { score: 3.5, note: 'ok' } },
          },
          { id: 'feelings', title: 'Feelings', kind: 'emotion', cells: { a: { score: 1 }, b: { score: -2 } } },
          {
            id: 'delight-0-10',
            title: 'Delight 0-10',
            kind: 'emotion',
            scale: { min: 0, max: 10, low: 'awful', high: 'great' },
            cells: { b: { score: 10 } },
          },
        ],
      }),
    );

  it('writes phases, bullets and each lane’s scale the way it reads them, stages as columns', () => {
    const map = sample();
    expect(toTable(map)).toBe(
      [
        'T\tA\tB',
        'Phase\tBefore\t–',
        'Actors\t"• Me\n• Cat; dog"\t',
        'Mood (1-5)\t1\t3.5 ok',
        'Feelings\t+1\t-2',
        'Delight 0-10 (0 = awful, 10 = great)\t\t10',
      ].join('\n'),
    );
    expect(ok(parseTable(toTable(map)))).toEqual(map);
    expect(ok(parseTable(toTable(map, { delimiter: ';' })))).toEqual(map);
  });

  it('writes one stage per row under a title row, and reads it back the same way', () => {
    const map = sample();
    const table = toTable(map, { orientation: 'rows' });
    expect(table).toBe(
      [
        'T',
        'Stage\tPhase\tActors\tMood (1-5)\tFeelings\tDelight 0-10 (0 = awful, 10 = great)',
        'A\tBefore\t"• Me\n• Cat; dog"\t1\t+1\t',
        'B\t–\t\t3.5 ok\t-2\t10',
      ].join('\n'),
    );
    const back = read(parseTable(table));
    expect(back.reading.orientation).toBe('rows');
    expect(back.map).toEqual(map);
  });

  it('a title that names another scale than the lane’s gets the lane’s after it, and comes back as it was', () => {
    const map = ok(
      normaliseMap({
        title: 'T',
        stages: [{ id: 'a', name: 'A' }],
        lanes: [
          { id: 'm', title: 'Mood (1-5)', kind: 'emotion', cells: { a: { score: 1.5 } } },
          {
            id: 'n',
            title: 'Happiness (0-100)',
            kind: 'emotion',
            scale: { min: 1, max: 7 },
            cells: { a: { score: 7 } },
          },
        ],
      }),
    );
    const table = toTable(map);
    expect(table).toBe('T\tA\nMood (1-5) (-2..+2)\t+1.5\nHappiness (0-100) (1-7)\t7');
    expect(ok(parseTable(table)).lanes.map((l) => [l.title, l.kind === 'emotion' && l.scale, l.cells])).toEqual([
      ['Mood (1-5)', undefined, { a: { score: 1.5 } }],
      ['Happiness (0-100)', { min: 1, max: 7 }, { a: { score: 7 } }],
    ]);
    // A title ending in the lane's own scale comes back without it: the scale is the lane's.
    const named = ok(
      normaliseMap({
        title: 'T',
        stages: [{ id: 'a', name: 'A' }],
        lanes: [{ title: 'Mood (1-5)', kind: 'emotion', scale: { min: 1, max: 5 }, cells: { a: { score: 2 } } }],
      }),
    );
    expect(ok(parseTable(toTable(named))).lanes[0]).toMatchObject({ title: 'Mood', scale: { min: 1, max: 5 } });
  });

  it('an emotion lane whose title has no emotion word gets its scale in brackets, and comes back a curve', () => {
    const map = ok(
      normaliseMap({
        title: 'T',
        stages: [{ id: 'a', name: 'A' }],
        lanes: [
          { id: 'curve', title: 'Curve', kind: 'emotion', cells: { a: { score: 1 } } },
          { id: 'as-is', title: 'As is', kind: 'emotion', scale: { min: 1, max: 5 }, cells: {} },
        ],
      }),
    );
    expect(toTable(map)).toBe('T\tA\nCurve (-2..+2)\t+1\nAs is (1-5)\t');
    expect(ok(parseTable(toTable(map)))).toEqual(map);
  });

  it('a curve drawn on another lane’s chart is written on that chart’s scale', () => {
    const map = ok(
      normaliseMap({
        title: 'T',
        stages: [{ id: 'a', name: 'A' }],
        lanes: [
          { id: 'as-is', title: 'As is', kind: 'emotion', scale: { min: 1, max: 5 }, cells: { a: { score: 2 } } },
          { id: 'to-be', title: 'To be', kind: 'emotion', overlay: 'as-is', cells: { a: { score: 4 } } },
        ],
      }),
    );
    expect(toTable(map)).toBe('T\tA\nAs is (1-5)\t2\nTo be (1-5)\t4');
    // A table has no shared charts: each curve comes back with a chart of its own, on the same scale.
    expect(ok(parseTable(toTable(map))).lanes.map((l) => [l.title, l.kind === 'emotion' && l.scale])).toEqual([
      ['As is', { min: 1, max: 5 }],
      ['To be', { min: 1, max: 5 }],
    ]);
  });

  it('round-trips in both orientations: map → table → map keeps stage names, phases, lane titles, kinds and scales, texts, cards, scores and notes', () => {
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
      // Scores of lanes on 1…5 and 0…10 (scales of their own): quarter steps, as the panel sets them.
      step: fc.option(
        fc.integer({ min: 4, max: 20 }).map((n) => n / 4),
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
        fc.constantFrom('\t' as const, ',' as const, ';' as const),
        fc.constantFrom('columns' as const, 'rows' as const),
        (rows, delimiter, orientation) => {
          const map = ok(
            normaliseMap({
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
                  title: 'Mood',
                  kind: 'emotion',
                  scale: { min: 1, max: 5 },
                  cells: pick(rows, (r) => (r.step === undefined ? undefined : { score: r.step })),
                },
                {
                  id: 'n',
                  title: 'Satisfaction',
                  kind: 'emotion',
                  scale: { min: 0, max: 10, low: 'not at all', high: 'fully' },
                  cells: pick(rows, (r) =>
                    r.step === undefined ? undefined : { score: 10 - r.step, ...(r.note ? { note: r.note } : {}) },
                  ),
                },
                // A title that names a scale other than the lane's.
                {
                  id: 'o',
                  title: 'Mood 1 to 5',
                  kind: 'emotion',
                  cells: pick(rows, (r) => (r.score === undefined ? undefined : { score: r.score })),
                },
              ],
            }),
          );
          const table = toTable(map, { delimiter, orientation });
          const back = read(parseTable(table));
          expect(back.reading.orientation).toBe(orientation);
          expect(back.map.title).toBe('T');
          expect(back.map.stages.map((s) => [s.name, s.phase])).toEqual(map.stages.map((s) => [s.name, s.phase]));
          // Lanes with no filled cell cannot show their kind; the rest keep title, kind, tone and every cell.
          const kept = map.lanes.filter((l) => Object.keys(l.cells).length);
          const strip = (l: JourneyMap['lanes'][number]) => ({ ...l, id: undefined, cells: Object.values(l.cells) });
          expect(back.map.lanes.filter((l) => Object.keys(l.cells).length).map(strip)).toEqual(kept.map(strip));
          // Writing the read-back map gives the same table.
          expect(toTable(back.map, { delimiter, orientation })).toBe(table);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('detectFormat', () => {
  it('tells JSON, Mermaid and tables apart', () => {
    expect(detectFormat('  {"title": "x"}')).toBe('json');
    expect(detectFormat('\uFEFF{"title": "x"}')).toBe('json');
    expect(detectFormat('%% note\njourney\n title x')).toBe('mermaid');
    expect(detectFormat('a\tb\nc\td')).toBe('table');
    expect(detectFormat('a,b\nc,d')).toBe('table');
    expect(detectFormat('```mermaid\n---\ntitle: x\n---\nJOURNEY\n  Go: 3\n```')).toBe('mermaid');
    // A one-row spreadsheet copy is a table (so the table parser can say a lane row is missing); an empty corner starts it with a tab.
    expect(detectFormat('Corner\tA\tB')).toBe('table');
    expect(detectFormat('\tA\nNotes\tx')).toBe('table');
    expect(detectFormat('T;A;B\nThoughts;hmm;ok')).toBe('table');
    // A title row first.
    expect(detectFormat('Buying shoes\n\nStage,A,B\nActions,x,y')).toBe('table');
    expect(detectFormat('Buying shoes\r\nStage\tA\tB')).toBe('table');
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
            '\r',
            '\uFEFF',
            'Mood',
            'Mood (1-5)',
            'Stage',
            'Phase',
            'Actions',
            'Pain',
            '• ',
            '- ',
            '-2',
            '+1',
            '5 ok',
            '70',
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

describe('service blueprints, metrics and evidence in a sheet (issue #14)', () => {
  const sheet = [
    'Trip\tPlan\tTravel\tArrive',
    'Actions\tBooks a train <https://research.example.org/diary/3>\tReads\tWalks to the hotel',
    'Line of visibility\t\t\t',
    'Backstage\tSeat reserved\tTicket checked\tRoom made up',
    'Drop-off\t12%\t30 %\t5%',
    'Time on step\t4.2\t3\t1',
    'Pain points\t• [Fare rules unclear](https://support.example.org/t/9)\t• Delay\t• <javascript:alert(1)> late key',
  ].join('\n');

  it('reads "Line of …" with no cells as a divider, numbers with units as metrics, and links', () => {
    const map = ok(parseTable(sheet));
    expect(map.lanes.map((l) => [l.title, l.kind])).toEqual([
      ['Actions', 'text'],
      ['Line of visibility', 'divider'],
      ['Backstage', 'text'],
      ['Drop-off', 'metric'],
      ['Time on step', 'metric'],
      ['Pain points', 'cards'],
    ]);
    const cells = (i: number) => map.lanes[i].cells as Record<string, unknown>;
    expect(cells(0).plan).toEqual({ text: 'Books a train', url: 'https://research.example.org/diary/3' });
    expect(cells(3)).toEqual({
      plan: { value: 12, unit: '%' },
      travel: { value: 30, unit: '%' },
      arrive: { value: 5, unit: '%' },
    });
    expect(cells(4).plan).toEqual({ value: 4.2 });
    expect(cells(5).plan).toEqual([{ text: 'Fare rules unclear', url: 'https://support.example.org/t/9' }]);
    // Not an allowed address: the words stay words, never a link.
    expect(cells(5).arrive).toEqual(['<javascript:alert(1)> late key']);
  });

  it('numbers in ordinary text stay text; a row of scores with units is a metric even under an emotion word', () => {
    const map = ok(
      parseTable(
        'Trip\tPlan\tTravel\nWhen\t3 days later\t2 weeks later\nWho\t2 people\t3 people\nTimeline\t2019\t2020\nSatisfaction (CSAT)\t4.1 / 5\t2.9 / 5\nMood\t4 keen\t2 bored',
      ),
    );
    expect(map.lanes.map((l) => [l.title, l.kind])).toEqual([
      ['When', 'text'],
      ['Who', 'text'],
      ['Timeline', 'text'],
      ['Satisfaction (CSAT)', 'metric'],
      ['Mood', 'emotion'],
    ]);
  });

  it('an emotion note that reads as a unit ("4 min", "Ms") keeps the line a curve through a table', () => {
    const map = ok(parseTable('Trip\tPlan\tTravel\nFeelings\t+1: min\t-2: Ms\nActions\tBooks\tReads'));
    expect(map.lanes[0]).toMatchObject({
      kind: 'emotion',
      cells: { plan: { score: 1, note: 'min' }, travel: { score: -2, note: 'Ms' } },
    });
    expect(ok(parseTable(toTable(map)))).toEqual(map);
  });

  it('the metrics template goes through a table and comes back with the same lanes and values', () => {
    const map = norm(loadExamples().find((e) => e.file === 'checkout-metrics.json')!.input);
    const back = ok(parseTable(toTable(map)));
    expect(back.lanes.map((l) => l.kind)).toEqual(map.lanes.map((l) => l.kind));
    const values = (m: JourneyMap) =>
      m.lanes.flatMap((l) => (l.kind === 'metric' ? Object.values(l.cells).map((c) => [c.value, c.unit]) : []));
    expect(values(back)).toEqual(values(map));
  });

  it('writes them back so that the sheet reads as the same map', () => {
    const map = ok(parseTable(sheet));
    expect(ok(parseTable(toTable(map)))).toEqual(map);
  });
});
