/**
 * Tables copied from a spreadsheet (tab-separated, as Sheets and Excel copy
 * them) or CSV files, parsed with papaparse (quoted cells with line breaks
 * and commas are common in workshop notes).
 *
 * Layout: first row = stage names (its first cell, the corner, is the map
 * title if filled); first column = lane titles; the rest = cells.
 * Lane kinds are inferred:
 *  - emotion: the title says emotion/feeling/sentiment/mood and every filled
 *    cell starts with a number: -2…2, or 1…5 when any value is above 2
 *    (then mapped to -2…2); text after the number is the note ("4 relieved");
 *  - cards: the title says touchpoint/channel/pain/opportunity/idea/tool, or
 *    cells hold several lines or ";"/"•"-separated items (one card each);
 *    tone negative for pain, idea for opportunity/idea, else neutral;
 *  - text: everything else.
 */
import Papa from 'papaparse';
import { normaliseMap, type JourneyMap, type MapIssue, type Result } from '../model';

const EMOTION_TITLE = /emotion|feeling|sentiment|mood/i;
const CARDS_TITLE = /touchpoint|channel|pain|opportunit|idea|tool/i;
const SCORE_CELL = /^\s*([+-]?\d+(?:\.\d+)?)\s*(?:[(;:,\-–]\s*)?(.*?)\)?\s*$/;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const splitItems = (cell: string) =>
  cell
    .split(/\n|;|•/)
    .map((s) => s.trim())
    .filter(Boolean);

export function parseTable(text: string, options: { title?: string } = {}): Result<JourneyMap> {
  if (!text.trim()) return { ok: false, issues: [{ path: '', message: 'Nothing to import: the paste is empty' }] };
  const parsed = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n').replace(/\n+$/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data.map((r) => r.map((c) => (c ?? '').trim()));
  if (rows.length < 2) return { ok: false, issues: [{ path: '', message: 'Need a header row of stage names and at least one lane row' }] };
  const header = rows[0];
  const stageCols: number[] = [];
  for (let c = 1; c < header.length; c++) if (header[c]) stageCols.push(c);
  if (!stageCols.length) return { ok: false, issues: [{ path: 'row 1', message: 'the first row needs stage names after its first cell' }] };

  const issues: MapIssue[] = [];
  const draft = normaliseMap({ title: options.title ?? (header[0] || 'Imported journey'), stages: stageCols.map((c) => ({ name: header[c] })) });
  if (!draft.ok) return { ok: false, issues: draft.issues.map((i) => ({ path: `row 1 (${i.path})`, message: i.message })) };
  const ids = draft.value.stages.map((s) => s.id);

  const lanes = rows.slice(1).flatMap((row, r): Array<Record<string, unknown>> => {
    const title = row[0] ?? '';
    const values = stageCols.map((c) => row[c] ?? '');
    if (!title && values.every((v) => !v)) return [];
    const rowNo = r + 2;
    const filled = values.map((v, i) => ({ v, i })).filter((x) => x.v);
    const scores = filled.map((x) => SCORE_CELL.exec(x.v));
    if (EMOTION_TITLE.test(title) && filled.length && scores.every(Boolean)) {
      const oneToFive = scores.some((m) => Number(m![1]) > 2);
      const cells: Record<string, { score: number; note?: string }> = {};
      filled.forEach((x, k) => {
        const m = scores[k]!;
        const score = oneToFive ? Number(m[1]) - 3 : Number(m[1]);
        const where = `row ${rowNo}, column ${columnName(stageCols[x.i])}`;
        if (oneToFive && !(Number(m[1]) >= 1 && Number(m[1]) <= 5)) issues.push({ path: where, message: 'score must be between 1 and 5' });
        else if (!oneToFive && !(score >= -2 && score <= 2)) issues.push({ path: where, message: 'score must be between -2 and 2' });
        cells[ids[x.i]] = m[2].trim() ? { score, note: m[2].trim() } : { score };
      });
      return [{ title: title || `Row ${rowNo}`, kind: 'emotion', cells }];
    }
    const multi = filled.some((x) => splitItems(x.v).length > 1);
    if (CARDS_TITLE.test(title) || multi) {
      const tone = /pain/i.test(title) ? 'negative' : /opportunit|idea/i.test(title) ? 'idea' : 'neutral';
      const cells: Record<string, string[]> = {};
      for (const x of filled) cells[ids[x.i]] = splitItems(x.v);
      return [{ title: title || `Row ${rowNo}`, kind: 'cards', tone, cells }];
    }
    const cells: Record<string, string> = {};
    for (const x of filled) cells[ids[x.i]] = x.v;
    return [{ title: title || `Row ${rowNo}`, kind: 'text', cells }];
  });
  if (issues.length) return { ok: false, issues };
  const result = normaliseMap({ title: draft.value.title, stages: draft.value.stages, lanes });
  if (result.ok) return result;
  // Point at spreadsheet places where we can: lanes[i] is row i + 2.
  return {
    ok: false,
    issues: result.issues.map((i) => {
      const m = /^lanes\[(\d+)\](.*)$/.exec(i.path);
      return m ? { path: `row ${Number(m[1]) + 2}${m[2] ? ` (${m[2].replace(/^\./, '')})` : ''}`, message: i.message } : i;
    }),
  };
}

/** The map as a table to paste into a spreadsheet; parseTable reads it back. */
export function toTable(map: JourneyMap, delimiter: '\t' | ',' = '\t'): string {
  const rows: string[][] = [[map.title, ...map.stages.map((s) => s.name)]];
  for (const lane of map.lanes) {
    rows.push([
      lane.title,
      ...map.stages.map((s) => {
        if (lane.kind === 'text') return lane.cells[s.id] ?? '';
        if (lane.kind === 'cards') return (lane.cells[s.id] ?? []).join('\n');
        const c = lane.cells[s.id];
        return c ? `${c.score}${c.note ? ` ${c.note}` : ''}` : '';
      }),
    ]);
  }
  return Papa.unparse(rows, { delimiter, newline: '\n' });
}
