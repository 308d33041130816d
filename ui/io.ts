/**
 * Import and export in the formats designers already have: map JSON, a
 * spreadsheet table (TSV/CSV) and Mermaid `journey` diagrams. Parsing is the
 * formats module's job; this file only picks the parser and words the outcome.
 */
import { parseMapJson, serialiseMap, type JourneyMap, type MapIssue } from '../src/model';
import { detectFormat, parseMermaidJourney, parseTable, toMermaidJourney, toTable } from './formats';

export type ImportFormat = 'json' | 'mermaid' | 'table';
export const FORMAT_NAMES: Record<ImportFormat, string> = { json: 'JSON', mermaid: 'Mermaid journey', table: 'table' };

export type ImportResult =
  { ok: true; format: ImportFormat; map: JourneyMap } | { ok: false; format: ImportFormat | null; issues: MapIssue[] };

export function importText(text: string): ImportResult {
  if (!text.trim())
    return { ok: false, format: null, issues: [{ path: '', message: 'Nothing to import: paste a map first.' }] };
  const format = detectFormat(text);
  if (format === 'unknown') {
    return {
      ok: false,
      format: null,
      issues: [
        {
          path: '',
          message:
            'Not a format the panel reads. Paste map JSON, a Mermaid "journey" diagram, or a table copied from a spreadsheet.',
        },
      ],
    };
  }
  const r =
    format === 'json' ? parseMapJson(text) : format === 'mermaid' ? parseMermaidJourney(text) : parseTable(text);
  return r.ok ? { ok: true, format, map: r.value } : { ok: false, format, issues: r.issues };
}

export type ExportFormat = 'json' | 'mermaid' | 'table';
export const EXPORTS: Record<
  ExportFormat,
  { label: string; file: string; mime: string; make: (m: JourneyMap) => string }
> = {
  json: { label: 'JSON', file: 'journey-map.json', mime: 'application/json', make: serialiseMap },
  mermaid: { label: 'Mermaid', file: 'journey-map.mmd', mime: 'text/plain', make: toMermaidJourney },
  table: { label: 'Table (TSV)', file: 'journey-map.tsv', mime: 'text/tab-separated-values', make: (m) => toTable(m) },
};

/**
 * Copy text. The Clipboard API is often blocked in Figma's plugin iframe, so
 * fall back to the older selection + execCommand route, which still works there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the legacy route */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

export function downloadText(text: string, file: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function slugFile(title: string, ext: string): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'journey-map';
  return `${base}.${ext}`;
}
