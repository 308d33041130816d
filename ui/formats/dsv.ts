/**
 * Delimiter-separated text → rows of trimmed cells, with d3-dsv's parser (quoted cells may hold
 * the delimiter, line breaks and doubled quotes). What d3-dsv leaves to its caller is done here:
 * a byte-order mark is dropped (Excel's "CSV UTF-8" starts with one) and the delimiter is guessed.
 */
import { dsvFormat } from 'd3-dsv';

export type Delimiter = '\t' | ',' | ';';
/** In this order on a tie: a spreadsheet copy is tab-separated; "," is the CSV default. */
const CANDIDATES: Delimiter[] = ['\t', ',', ';'];

/**
 * The delimiter of the first records (up to 10, outside quotes): for each candidate, the count it
 * has on most records (a table has the same number of columns on every row), then on how many
 * records that count occurs. The candidate found that often on the most records wins: a
 * semicolon CSV whose cells hold commas, or a comma CSV whose cells hold semicolons, each give
 * their own delimiter. A record that holds none of them (a title row) says nothing.
 */
export function guessDelimiter(text: string): Delimiter {
  const records: number[][] = [];
  let counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length && records.length < 10; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n') {
      if (counts.some(Boolean)) records.push(counts);
      counts = [0, 0, 0];
    } else {
      const k = CANDIDATES.indexOf(ch as Delimiter);
      if (k >= 0) counts[k]++;
    }
  }
  if (counts.some(Boolean)) records.push(counts);
  let best = 0;
  let bestScore = -1;
  CANDIDATES.forEach((_, k) => {
    const seen = new Map<number, number>();
    for (const r of records) if (r[k]) seen.set(r[k], (seen.get(r[k]) ?? 0) + 1);
    // Records that agree on one count; the larger count on a tie (the header row, not a stray one).
    let score = 0;
    for (const [n, times] of seen) score = Math.max(score, times * 1000 + Math.min(n, 999));
    if (score > bestScore) [best, bestScore] = [k, score];
  });
  return CANDIDATES[best];
}

/** A cell whose quotes do not read as a quoted cell: where its quote opens (0-based row and column), and why. */
export interface QuoteProblem {
  r: number;
  c: number;
  message: string;
}

/**
 * The first quoted cell that d3-dsv would misread: its quote never closes (d3-dsv reads the rest
 * of the text into the cell) or closes before the cell ends (d3-dsv drops a character and shifts
 * the row). Cells are read as d3-dsv does: quoted when they start with a quote, "" a quote inside.
 * One match per cell: [opening quote … closing quote or none], the rest of the cell, what ends it.
 */
function quoteProblem(text: string, d: Delimiter): QuoteProblem | null {
  const cell = new RegExp(`(?:"(?:[^"]|"")*("?))?([^${d}\\n\\r]*)(\\r\\n?|[${d}\\n]|$)`, 'y');
  let r = 0;
  let c = 0;
  for (let m; (m = cell.exec(text)); [r, c] = m[3] === d ? [r, c + 1] : [r + 1, 0]) {
    if (m[1] === '' || (m[1] && m[2]))
      return {
        r,
        c,
        message: 'the quote (") opening this cell is not closed at its end (inside quotes, write a quote as "")',
      };
    if (!m[3]) break;
  }
  return null;
}

/**
 * Rows of trimmed cells. Line breaks may be LF, CRLF or CR; blank lines stay (as rows of one empty
 * cell) so row numbers match the sheet's. A misquoted cell gives no rows and `problem` instead.
 */
export function readRows(text: string): { rows: string[][]; delimiter: Delimiter; problem?: QuoteProblem } {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(clean.replace(/\r\n?/g, '\n'));
  const problem = quoteProblem(clean, delimiter);
  if (problem) return { rows: [], delimiter, problem };
  const rows = dsvFormat(delimiter)
    .parseRows(clean)
    .map((r) => r.map((c) => c.replace(/\r\n?/g, '\n').trim()));
  return { rows, delimiter };
}

/** Rows → text d3-dsv quotes as needed ("…" around cells holding the delimiter, a quote or a line break). */
export function writeRows(rows: string[][], delimiter: Delimiter): string {
  return dsvFormat(delimiter).formatRows(rows);
}
