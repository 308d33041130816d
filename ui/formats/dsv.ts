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

/** Rows of trimmed cells. Line breaks may be LF, CRLF or CR; blank lines stay (as rows of one empty cell) so row numbers match the sheet's. */
export function readRows(text: string): { rows: string[][]; delimiter: Delimiter } {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(clean.replace(/\r\n?/g, '\n'));
  const rows = dsvFormat(delimiter)
    .parseRows(clean)
    .map((r) => r.map((c) => c.replace(/\r\n?/g, '\n').trim()));
  return { rows, delimiter };
}

/** Rows → text d3-dsv quotes as needed ("…" around cells holding the delimiter, a quote or a line break). */
export function writeRows(rows: string[][], delimiter: Delimiter): string {
  return dsvFormat(delimiter).formatRows(rows);
}
