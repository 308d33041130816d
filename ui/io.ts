/**
 * Import and export in the formats designers already have: map JSON, a
 * spreadsheet table (TSV/CSV) and Mermaid `journey` diagrams. Parsing is the
 * formats module's job; this file only picks the parser and words the outcome.
 */
import { serialiseMap, type JourneyMap, type MapIssue } from '../src/model';
import {
  detectFormat,
  parseJsonMap,
  parseMermaidJourney,
  parseTable,
  scaleText,
  toMermaidJourney,
  toTable,
} from './formats';
import type { TableReading } from './formats/table';

export type ImportFormat = 'json' | 'mermaid' | 'table';
export const FORMAT_NAMES: Record<ImportFormat, string> = { json: 'JSON', mermaid: 'Mermaid journey', table: 'table' };

export type ImportResult =
  | {
      ok: true;
      format: ImportFormat;
      map: JourneyMap;
      /** How the text was read, one sentence each: which way a table was read, each emotion scale. */
      notes: string[];
      /** Something was assumed that the text did not say (an emotion scale from the scores alone): check it. */
      check: boolean;
    }
  | { ok: false; format: ImportFormat | null; issues: MapIssue[] };

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
  if (format === 'table') {
    const r = parseTable(text);
    return r.ok
      ? { ok: true, format, map: r.value, ...readingNotes(r.reading) }
      : { ok: false, format, issues: r.issues };
  }
  const r = format === 'json' ? parseJsonMap(text) : parseMermaidJourney(text);
  return r.ok ? { ok: true, format, map: r.value, notes: [], check: false } : { ok: false, format, issues: r.issues };
}

/** What the import message says about a table: which way it was read, and each emotion lane's scale. */
export function readingNotes(reading: TableReading): { notes: string[]; check: boolean } {
  const notes = [
    reading.orientation === 'columns'
      ? `Read stages as columns: stage names in ${reading.stageNames}, one lane per row.`
      : `Read one stage per row: stage names in ${reading.stageNames}, one lane per column.`,
  ];
  let check = false;
  for (const { title, scale, from, kept } of Object.values(reading.scales)) {
    const on = scaleText(scale);
    const how =
      from === 'title'
        ? `scale ${on}, from its title`
        : from === 'signs'
          ? `scale ${on} (its scores have signs)`
          : `its title names no scale, so ${on} was assumed from its scores`;
    const drawn = kept
      ? ''
      : `; drawn on −2 to +2 (${scale.min} as −2, ${scale.max} as +2), since a lane’s scale is whole numbers 2 to 10 apart`;
    // A guess from the scores alone may be wrong: say how to correct it, and ask to check.
    const fix =
      from === 'values'
        ? `. If that is wrong, put the scale in the title, e.g. “${title} (1-7)”, and import again`
        : '';
    if (from === 'values') check = true;
    notes.push(`“${title}”: ${how}${drawn}${fix}.`);
  }
  return { notes, check };
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
