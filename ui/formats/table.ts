/**
 * Tables copied from a spreadsheet (tab-separated, as Sheets and Excel copy
 * them) or CSV files, parsed with papaparse (quoted cells with line breaks
 * and commas are common in workshop notes).
 *
 * Layout: first row = stage names (its first cell, the corner, is the map
 * title if filled); first column = lane titles; the rest = cells.
 * A row titled "Phase" (or "Phases") gives the stages' phases instead of a
 * lane: an empty cell continues the phase on its left (that is what a paste
 * of merged cells gives), and "-" or "–" means "no phase".
 * Lane kinds are inferred:
 *  - emotion: the title says emotion/feeling/sentiment/mood and some filled
 *    cell starts with a number; then every filled cell must (a cell that does
 *    not is reported, not turned into text). The scale is -2…2, or 1…5 (mapped
 *    to -2…2 by subtracting 3) when the title says "1-5", "1–5", "1 to 5" or
 *    "/5", or any value is above 2. Text after the number is the note:
 *    "4 relieved", "4 (happy)", "2; relieved", "-1: unsure" (brackets around
 *    the whole note are dropped);
 *  - cards: the title says touchpoint/channel/pain/opportunity/idea/tool, or
 *    every filled cell is a bullet list (starts with "•"). One card per line
 *    and per "•"; a one-line cell without "•" is split on ";". Tone negative
 *    for pain, idea for opportunity/idea, else neutral;
 *  - text: everything else, kept exactly (line breaks and ";" included).
 */
import Papa from 'papaparse';
import { formatPath, normaliseMap, type JourneyMap, type MapIssue, type Result } from '../../src/model';

const EMOTION_TITLE = /emotion|feeling|sentiment|mood/i;
const CARDS_TITLE = /touchpoint|channel|pain|opportunit|idea|tool/i;
/**
 * A score, then an optional note: "1", "−1.5", "4,5" (a decimal comma, as
 * European sheets write it), "2e-7" (how JavaScript prints tiny numbers),
 * "4 relieved", "4 (happy)", "-1; worried", "1: fine".
 */
const SCORE_CELL = /^\s*([+\-−]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?)(?:\s*[(;:,–-]\s*|\s+|$)([\s\S]*)$/i;
/** A title that names the 1…5 scale: "Emotion (1-5)", "Mood 1 to 5", "Feeling /5". */
const ONE_TO_FIVE_TITLE = /\b1\s*(?:-|–|to)\s*5\b|\/\s*5\b/i;
const PHASE_TITLE = /^phases?$/i;
/** A phase cell that ends the phase on its left (an empty cell continues it). */
const NO_PHASE = /^[-–]$/;
const EMPTY_MESSAGE = 'nothing to import: the paste is empty';
const SHAPE_MESSAGE = 'need a header row of stage names and at least one lane row';

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One card per line and per "•"; a single line without bullets is split on ";" ("Google; Blog"). */
const splitItems = (cell: string) =>
  (/[\n•]/.test(cell) ? cell.split('\n').flatMap((l) => l.split('•')) : cell.split(';'))
    .map((s) => s.trim())
    .filter(Boolean);
const isBulleted = (cell: string) => cell.startsWith('•');

/** Each stage's phase from the Phase row: empty continues the phase on the left (merged cells), "-" ends it. */
function readPhases(values: string[]): Array<string | undefined> {
  let current: string | undefined;
  return values.map((v) => (current = v === '' ? current : NO_PHASE.test(v) ? undefined : v));
}

/** A score cell → number and note; null when the cell does not start with a number. */
function readScore(cell: string): { value: number; note: string } | null {
  const m = SCORE_CELL.exec(cell);
  if (!m) return null;
  const value = Number(m[1].replace('−', '-').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  let note = m[2].trim();
  // "4 (happy)": the brackets wrapped the note; "(" was already taken as the separator.
  if (/^[^()]*\)$/.test(note) && /\(\s*$/.test(cell.slice(0, cell.length - m[2].length)))
    note = note.slice(0, -1).trim();
  return { value, note };
}

/** Tabs mean a spreadsheet copy (its cells may hold commas); otherwise let papaparse guess (",", ";", …). */
function delimiterOf(text: string): string | undefined {
  const firstLine = text.split('\n').find((l) => l.trim()) ?? '';
  return firstLine.includes('\t') ? '\t' : undefined;
}

export function parseTable(text: string, options: { title?: string } = {}): Result<JourneyMap> {
  if (!text.trim()) return { ok: false, issues: [{ path: '', message: EMPTY_MESSAGE }] };
  const clean = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  // Blank rows are kept (and skipped below) so that "row N" is the spreadsheet's row N.
  const parsed = Papa.parse<string[]>(clean, { delimiter: delimiterOf(clean) });
  const all = parsed.data.map((r) => r.map((c) => (c ?? '').trim()));
  const headerAt = all.findIndex((r) => r.some(Boolean));
  const rows = all.slice(headerAt);
  // Row numbers in the paste: the header is row headerAt + 1.
  const rowOf = (i: number) => headerAt + i + 1;
  if (rows.filter((r) => r.some(Boolean)).length < 2)
    return { ok: false, issues: [{ path: '', message: SHAPE_MESSAGE }] };
  const header = rows[0];
  const stageCols: number[] = [];
  for (let c = 1; c < header.length; c++) if (header[c]) stageCols.push(c);
  if (!stageCols.length)
    return {
      ok: false,
      issues: [{ path: `row ${rowOf(0)}`, message: 'the first row needs stage names after its first cell' }],
    };

  const issues: MapIssue[] = [];
  // Content under no stage name would be lost silently: say where it is instead.
  rows.slice(1).forEach((row, r) =>
    row.forEach((cell, c) => {
      if (c > 0 && cell && !header[c])
        issues.push({
          path: `row ${rowOf(r + 1)}, column ${columnName(c)}`,
          message: `this column has no stage name in row ${rowOf(0)}`,
        });
    }),
  );
  // A blank title option (e.g. a file name without letters) falls back rather than failing on "title".
  const title = options.title?.trim() || header[0] || 'Imported journey';
  const phaseRows = rows.map((r, i) => (i > 0 && PHASE_TITLE.test(r[0] ?? '') ? i : -1)).filter((i) => i > 0);
  if (phaseRows.length > 1)
    return {
      ok: false,
      issues: [
        {
          path: `row ${rowOf(phaseRows[1])}, column A`,
          message: `a second "Phase" row (the first is row ${rowOf(phaseRows[0])}): keep one`,
        },
      ],
    };
  const phaseAt = phaseRows[0] ?? -1;
  const phases = phaseAt > 0 ? readPhases(stageCols.map((c) => rows[phaseAt][c] ?? '')) : [];
  const stages = stageCols.map((c, i) =>
    phases[i] === undefined ? { name: header[c] } : { name: header[c], phase: phases[i] },
  );
  const draft = normaliseMap({ title, stages });
  if (!draft.ok)
    return {
      ok: false,
      issues: draft.issues.map((i) => headerIssue(i, stageCols, rowOf(0), phaseAt > 0 ? rowOf(phaseAt) : rowOf(0))),
    };
  const ids = draft.value.stages.map((s) => s.id);

  // Row number in the paste of each lane built, for error locations.
  const laneRows: number[] = [];
  const lanes = rows.slice(1).flatMap((row, r): Array<Record<string, unknown>> => {
    const rowNo = rowOf(r + 1);
    const laneTitle = row[0] ?? '';
    const values = stageCols.map((c) => row[c] ?? '');
    if (r + 1 === phaseAt || (!laneTitle && values.every((v) => !v))) return [];
    laneRows.push(rowNo);
    const at = (i: number) => `row ${rowNo}, column ${columnName(stageCols[i])}`;
    const filled = values.map((v, i) => ({ v, i })).filter((x) => x.v);
    const named = laneTitle || `Row ${rowNo}`;
    const scores = filled.map((x) => readScore(x.v));
    if (EMOTION_TITLE.test(laneTitle) && filled.length && scores.some(Boolean)) {
      // Some cells are scores, so the row means to be a curve: a cell that is not one is a mistake, not text.
      const oneToFive = ONE_TO_FIVE_TITLE.test(laneTitle) || scores.some((m) => m !== null && m.value > 2);
      const cells: Record<string, { score: number; note?: string }> = {};
      filled.forEach((x, k) => {
        const m = scores[k];
        if (!m)
          return void issues.push({ path: at(x.i), message: 'expected a score (a number, then an optional note)' });
        if (oneToFive && !(m.value >= 1 && m.value <= 5))
          return void issues.push({ path: at(x.i), message: 'score must be between 1 and 5' });
        if (!oneToFive && !(m.value >= -2 && m.value <= 2))
          return void issues.push({ path: at(x.i), message: 'score must be between -2 and 2' });
        // Rounded so that "3.1" gives 0.1, not 0.10000000000000009 (and toTable's "3.1" comes back as 0.1).
        const score = oneToFive ? Math.round((m.value - 3) * 1e9) / 1e9 : m.value;
        cells[ids[x.i]] = m.note ? { score, note: m.note } : { score };
      });
      return [{ title: named, kind: 'emotion', cells }];
    }
    if (CARDS_TITLE.test(laneTitle) || (filled.length && filled.every((x) => isBulleted(x.v)))) {
      const tone = /pain/i.test(laneTitle) ? 'negative' : /opportunit|idea/i.test(laneTitle) ? 'idea' : 'neutral';
      const cells: Record<string, string[]> = {};
      for (const x of filled) cells[ids[x.i]] = splitItems(x.v);
      return [{ title: named, kind: 'cards', tone, cells }];
    }
    const cells: Record<string, string> = {};
    for (const x of filled) cells[ids[x.i]] = x.v;
    return [{ title: named, kind: 'text', cells }];
  });
  if (issues.length) return { ok: false, issues };
  const result = normaliseMap({ title: draft.value.title, stages: draft.value.stages, lanes });
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((i) => laneIssue(i, laneRows, ids, stageCols)) };
}

/** `stages[2].name` → `row 1, column D`; `stages[2].phase` → the Phase row's cell. */
function headerIssue(iss: MapIssue, stageCols: number[], row: number, phaseRow: number): MapIssue {
  const m = /^stages\[(\d+)\](\.phase)?/.exec(iss.path);
  if (m)
    return {
      path: `row ${m[2] ? phaseRow : row}, column ${columnName(stageCols[Number(m[1])])}`,
      message: iss.message,
    };
  if (iss.path === 'title') return { path: `row ${row}, column A`, message: iss.message };
  if (iss.path === 'stages') return { path: `row ${row}`, message: iss.message.replace('stages', 'stage columns') };
  return iss;
}

/** `lanes[0].cells.search[3]` → `row 2, column B`; `lanes[0].title` → `row 2, column A`. */
function laneIssue(iss: MapIssue, laneRows: number[], ids: string[], stageCols: number[]): MapIssue {
  const m = /^lanes\[(\d+)\](.*)$/.exec(iss.path);
  if (!m) return iss.path === 'lanes' ? { path: '', message: iss.message.replace('lanes', 'lane rows') } : iss;
  const row = laneRows[Number(m[1])];
  if (m[2] === '.title') return { path: `row ${row}, column A`, message: iss.message };
  const col = ids.findIndex((id) => {
    const at = formatPath(['cells', id]);
    return (
      m[2] === `.${at}` ||
      m[2] === at ||
      m[2].startsWith(`.${at}[`) ||
      m[2].startsWith(`${at}[`) ||
      m[2].startsWith(`.${at}.`)
    );
  });
  return { path: col >= 0 ? `row ${row}, column ${columnName(stageCols[col])}` : `row ${row}`, message: iss.message };
}

/**
 * The map as a table to paste into a spreadsheet; parseTable reads it back.
 * A "Phase" row follows the stage names when some stage has a phase (every
 * cell filled; "–" for a stage without one). Cards are one "• card" line
 * each (the bullet keeps a card holding ";" whole, and marks a cards lane
 * whose title says nothing); emotion cells are "score note", on 1…5 when the
 * lane title names that scale, else -2…2. Cells are trimmed on the way back.
 * Kinds come back by the rules above, so a lane keeps its kind unless its
 * title or content says otherwise: an emotion lane titled "Curve" returns as
 * text, a text lane whose every cell starts with "•" as cards, a card holding
 * "•" or a line break as several cards; a lane titled "Phase" is read as phases.
 */
export function toTable(map: JourneyMap, delimiter: '\t' | ',' = '\t'): string {
  const rows: string[][] = [[map.title, ...map.stages.map((s) => s.name)]];
  if (map.stages.some((s) => s.phase !== undefined)) rows.push(['Phase', ...map.stages.map((s) => s.phase ?? '–')]);
  for (const lane of map.lanes) {
    const oneToFive = ONE_TO_FIVE_TITLE.test(lane.title);
    rows.push([
      lane.title,
      ...map.stages.map((s) => {
        if (lane.kind === 'text') return lane.cells[s.id] ?? '';
        if (lane.kind === 'cards') return (lane.cells[s.id] ?? []).map((card) => `• ${card}`).join('\n');
        const c = lane.cells[s.id];
        if (!c) return '';
        const score = oneToFive ? c.score + 3 : c.score;
        // A note starting with "(", ";", ":", "," or "-" would lose that character as a separator: ":" keeps it.
        return c.note ? `${score}${/^[(;:,–-]/.test(c.note) ? ': ' : ' '}${c.note}` : `${score}`;
      }),
    ]);
  }
  return Papa.unparse(rows, { delimiter, newline: '\n' });
}
