/**
 * Import and export formats besides map JSON. Pure functions: the panel calls
 * them for paste, open, copy and download; every import goes through the map
 * schema, so its result is a valid map or located issues.
 */
export { parseMermaidJourney, toMermaidJourney } from './mermaid';
export { parseTable, toTable, columnName } from './table';

export type DetectedFormat = 'json' | 'mermaid' | 'table' | 'unknown';

/** Which parser a pasted text wants, from its first meaningful line. */
export function detectFormat(text: string): DetectedFormat {
  const trimmed = text.trim();
  if (!trimmed) return 'unknown';
  if (trimmed.startsWith('{')) return 'json';
  const first = trimmed.split(/\r?\n/).find((l) => l.trim() && !l.trim().startsWith('%%')) ?? '';
  if (/^journey\b/.test(first.trim())) return 'mermaid';
  const lines = trimmed.split(/\r?\n/);
  if (lines.length >= 2 && (first.includes('\t') || first.includes(','))) return 'table';
  return 'unknown';
}
