/**
 * Import and export formats besides map JSON. Pure functions: the panel calls
 * them for paste, open, copy and download; every import goes through the map
 * schema, so its result is a valid map or located issues, never an exception.
 */
import { firstMermaidLine } from './mermaid';

export { parseMermaidJourney, toMermaidJourney } from './mermaid';
export { parseTable, toTable, columnName, splitCards } from './table';
export { parseJsonMap } from './json';
export { scaleText } from './scale';

export type DetectedFormat = 'json' | 'mermaid' | 'table' | 'unknown';

/**
 * Which parser a pasted text wants. JSON starts with "{"; Mermaid's first
 * statement is "journey" (after comments, a ```mermaid fence or front
 * matter); a table has tabs in one of its first lines (a spreadsheet copy,
 * even of one row, so the table parser can say what is missing; a title row
 * may come first), or "," or ";" on two of its first lines (CSV). Anything
 * else is unknown, not guessed.
 */
export function detectFormat(text: string): DetectedFormat {
  const trimmed = text.trim(); // also drops a byte-order mark
  if (!trimmed) return 'unknown';
  if (trimmed.startsWith('{')) return 'json';
  if (/^journey\b/i.test(firstMermaidLine(trimmed))) return 'mermaid';
  // Not trimmed: an empty top-left cell starts the paste with a tab.
  const lines = text
    .split(/\r?\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 6);
  if (lines.some((l) => l.includes('\t'))) return 'table';
  // CSV (comma, or semicolon as European spreadsheets save it): the separator on two lines, so prose with a comma is not taken for a table.
  if ([',', ';'].some((d) => lines.filter((l) => l.includes(d)).length >= 2)) return 'table';
  return 'unknown';
}
