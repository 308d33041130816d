/**
 * Import and export formats besides map JSON. Pure functions: the panel calls
 * them for paste, open, copy and download; every import goes through the map
 * schema, so its result is a valid map or located issues, never an exception.
 */
import { firstMermaidLine } from './mermaid';

export { parseMermaidJourney, toMermaidJourney } from './mermaid';
export { parseTable, toTable, columnName } from './table';

export type DetectedFormat = 'json' | 'mermaid' | 'table' | 'unknown';

/**
 * Which parser a pasted text wants. JSON starts with "{"; Mermaid's first
 * statement is "journey" (after comments, a ```mermaid fence or front
 * matter); a table has tabs in its first line (a spreadsheet copy, even of
 * one row, so the table parser can say what is missing), or "," or ";" on
 * both of its first two lines (CSV). Anything else is unknown, not guessed.
 */
export function detectFormat(text: string): DetectedFormat {
  const trimmed = text.trim();
  if (!trimmed) return 'unknown';
  if (trimmed.startsWith('{')) return 'json';
  if (/^journey\b/i.test(firstMermaidLine(trimmed))) return 'mermaid';
  // Not trimmed: an empty top-left cell starts the paste with a tab.
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines[0].includes('\t')) return 'table';
  // CSV (comma, or semicolon as European spreadsheets save it): the separator on the first two lines, so prose with a comma is not taken for a table.
  if (lines.length >= 2 && [',', ';'].some((d) => lines[0].includes(d) && lines[1].includes(d))) return 'table';
  return 'unknown';
}
