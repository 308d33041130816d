/**
 * The map's data on its frame, in shared plugin data (namespace `journeymap`,
 * see node-data.ts: readable by other plugins and the REST API, and kept
 * across a change of plugin id):
 *   map.n, map.0 … map.<n-1>  the normalised map as JSON, in chunks: the map without its lanes,
 *                             then one part per lane (a part longer than a chunk continues in the
 *                             next ones)
 *   map.parts                 the number of chunks of each part, e.g. `1,1,2,1`
 *   format                    the format version of that JSON
 *   revision                  `<frame id>:<n>`, n bumped on every create/update by the plugin; a frame
 *                             whose stored id is not its own is a copy (Cmd+D) and starts afresh at 0
 *   canvas                    fingerprint of what read-back gave right after the last write;
 *                             a different read-back later means the canvas was edited since
 *   render                    the options the map was drawn with besides the map (column widths,
 *                             fonts, a dark scheme): with the map they rebuild what was drawn, the reconciler's
 *                             "what we wrote last" (reconcile.ts)
 * Figma caps one plugin-data entry at 100 kB; a chunk is at most 30,000 UTF-16
 * units (≤ 90 kB even if every character takes 3 bytes in UTF-8), cut between
 * characters, never inside a surrogate pair (an emoji split in two would be
 * stored as two invalid halves).
 */
import type { JourneyMap } from '../model';
import { FORMAT_VERSION } from '../model';
import type { Fonts } from '../layout/nodes';
import * as z from 'zod/mini';
import { NAMESPACE, getData, setData } from './node-data';

export const CHUNK_CHARS = 30000;

/**
 * More chunks than any map can need: the largest map the limits allow (40 × 30 cells of 12 cards
 * of 280 characters) is ~4 M characters, under 300 chunks even with every character escaped. A
 * larger count is damage (shared plugin data is writable by other tools), and trusted as a loop
 * bound it would make 10⁸ plugin-data calls or loop forever (`1e400`).
 */
export const MAX_CHUNKS = 1000;

/** A stored chunk count, or undefined unless it is a whole number from 1 to MAX_CHUNKS. */
export function chunkCount(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(n) && n > 0 && n <= MAX_CHUNKS ? n : undefined;
}

/** Cut `text` into chunks of at most `size` UTF-16 units, never between the halves of a surrogate pair. */
export function chunkText(text: string, size = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate: keep the pair together
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks;
}

export interface StoredMap {
  /** Raw JSON as stored (validate before use: it may be corrupted or from another version). */
  data: unknown;
  format: number;
  revision: number;
  canvas: string;
  /** Set when this frame is a duplicate of the frame with this id. */
  copiedFrom?: string;
  /** The options the map was last drawn with (column widths, fonts), when recorded. */
  render?: RenderOptions;
  /** The entries as read, so that writing the next map rewrites only those that changed. */
  raw: Record<string, string>;
  /** The stored map's text as a whole (parts and chunks), to recognise a map stored before. */
  text: string;
}

/** What buildMapSpec was given besides the map: with the map, it rebuilds exactly what was drawn. */
export interface RenderOptions {
  columnWidth?: number;
  columnWidths?: Record<string, number>;
  fonts?: Fonts;
  /**
   * Drawn in the theme's dark colours as literal fills (the create message's `scheme`, used by
   * `npm run preview -- --dark`); an update keeps it. Not part of the map's data: a dark map in
   * Figma is the variables' Dark mode.
   */
  scheme?: 'dark';
  /** The map's Figma variables bound when it was drawn: variable id by palette colour name (variables.ts). */
  variables?: Record<string, string>;
}

/**
 * Render options with nothing said twice: no empty `columnWidths`, no undefined field. Equal
 * options give equal JSON, which is how an update recognises what it drew last (map-ops.ts).
 */
export function renderOptions(
  fonts: Fonts,
  columns: { columnWidth?: number; columnWidths?: Record<string, number> },
  scheme?: 'light' | 'dark',
): RenderOptions & { fonts: Fonts } {
  const render: RenderOptions & { fonts: Fonts } = { fonts };
  if (columns.columnWidth !== undefined) render.columnWidth = columns.columnWidth;
  if (columns.columnWidths && Object.keys(columns.columnWidths).length) render.columnWidths = columns.columnWidths;
  if (scheme === 'dark') render.scheme = scheme;
  return render;
}

/** The stored text of a map as one string, whichever layout: equal texts, equal maps. */
function wholeText(parts: string, chunks: string[]): string {
  return `${parts}\n${chunks.join('')}`;
}

/**
 * The map's JSON in parts: the map without its lanes, then one part per lane, so a
 * one-cell edit rewrites one lane's entry, not every chunk after it. A part longer
 * than a chunk continues in the next entries; `map.parts` holds each part's count.
 */
function mapChunks(map: JourneyMap): { parts: string; chunks: string[] } {
  const texts = [JSON.stringify({ ...map, lanes: [] }), ...map.lanes.map((l) => JSON.stringify(l))];
  const split = texts.map((t) => chunkText(t));
  return { parts: split.map((c) => c.length).join(','), chunks: split.flat() };
}

function joinChunks(parts: string, chunks: string[]): unknown {
  const counts = parts.split(',').map(Number);
  let i = 0;
  const texts = counts.map((n) => chunks.slice(i, (i += n)).join(''));
  const head = JSON.parse(texts[0]) as { lanes?: unknown };
  head.lanes = texts.slice(1).map((t) => JSON.parse(t) as unknown);
  return head;
}

/**
 * Every entry that describes the map as drawn, the revision and the render options aside: the
 * chunks, their parts, the format and the canvas fingerprint.
 */
function mapEntries(
  map: JourneyMap,
  canvasFingerprint: string,
): { entries: [string, string][]; chunks: number; text: string } {
  const { parts, chunks } = mapChunks(map);
  const entries: [string, string][] = chunks.map((c, i) => [`map.${i}`, c]);
  entries.push(['map.parts', parts], ['map.n', String(chunks.length)], ['format', String(FORMAT_VERSION)]);
  entries.push(['canvas', canvasFingerprint]);
  return { entries, chunks: chunks.length, text: wholeText(parts, chunks) };
}

/** The `revision` entry: the frame's own id, so a copy (another id) is told apart, and the count. */
const revisionEntry = (frame: BaseNode, revision: number) => `${frame.id}:${revision}`;

/**
 * Whether the frame already stores exactly this: its own revision (a copy's entry still names the
 * original, and its first update makes it its own), the same map in the current format, the same
 * canvas fingerprint and the same render options. An update that changed no node then has nothing
 * to store, so it keeps its revision and adds no history line (a no-op Update must not push real
 * entries out of the history).
 */
export function storedAlready(
  frame: BaseNode,
  stored: StoredMap | undefined,
  map: JourneyMap,
  canvasFingerprint: string,
  render: RenderOptions,
): boolean {
  if (!stored || stored.raw.revision !== revisionEntry(frame, stored.revision)) return false;
  if (stored.raw.render !== JSON.stringify(render)) return false;
  const { entries } = mapEntries(map, canvasFingerprint);
  return entries.every(([key, value]) => stored.raw[key] === value);
}

/**
 * Store the map, its revision, the canvas fingerprint and the render options on the frame.
 * `previous` (what readMapData gave) saves reading the entries again to compare them.
 * Returns the map's stored text (StoredMap.text).
 */
export function writeMapData(
  frame: FrameNode,
  map: JourneyMap,
  revision: number,
  canvasFingerprint: string,
  render: RenderOptions,
  previous?: StoredMap,
): string {
  const known = previous?.raw;
  const put = (key: string, value: string) => {
    if ((known ? (known[key] ?? '') : getData(frame, key)) !== value) setData(frame, key, value);
  };
  const { entries, chunks, text } = mapEntries(map, canvasFingerprint);
  const count = known ? known['map.n'] : getData(frame, 'map.n');
  const before = count === '' ? 0 : chunkCount(count); // '': nothing stored yet
  for (const [key, value] of entries) put(key, value);
  // Chunks the map no longer needs: an empty string deletes an entry. A damaged count says
  // nothing about how many there are, so then every entry named like a chunk is looked at.
  const stale =
    before !== undefined
      ? Array.from({ length: Math.max(0, before - chunks) }, (_, i) => `map.${chunks + i}`)
      : frame.getSharedPluginDataKeys(NAMESPACE).filter((k) => /^map\.\d+$/.test(k) && Number(k.slice(4)) >= chunks);
  for (const key of stale) setData(frame, key, '');
  put('revision', revisionEntry(frame, revision));
  writeRenderOptions(frame, render, known?.render);
  return text;
}

export function writeRenderOptions(frame: BaseNode, render: RenderOptions, known?: string): void {
  const value = JSON.stringify(render);
  if ((known ?? getData(frame, 'render')) !== value) setData(frame, 'render', value);
}

/**
 * The render entry as stored. Shared plugin data is writable by any plugin and the REST API: a
 * damaged entry (`{"columnWidths":null}`) would otherwise reach the layout and fail every update,
 * Overwrite included. Unreadable, it counts as not recorded (the canvas's widths are used).
 */
const FontSchema = z.object({ family: z.string(), style: z.string() });
const RenderSchema = z.object({
  columnWidth: z.optional(z.number().check(z.positive())),
  columnWidths: z.optional(z.record(z.string(), z.number().check(z.positive()))),
  fonts: z.optional(
    z.object({ regular: FontSchema, medium: FontSchema, semibold: FontSchema, bold: FontSchema, italic: FontSchema }),
  ),
  scheme: z.optional(z.literal('dark')),
  variables: z.optional(z.record(z.string(), z.string())),
});

function parseRender(raw: string): RenderOptions | undefined {
  if (!raw) return undefined;
  try {
    const r = RenderSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** What is stored on a frame, or undefined where nothing (or nothing parseable) is. */
export function readMapData(frame: BaseNode): StoredMap | undefined {
  const raw: Record<string, string> = {};
  const get = (key: string) => (raw[key] = getData(frame, key));
  const n = chunkCount(get('map.n'));
  if (n === undefined) return undefined;
  const chunks: string[] = [];
  for (let i = 0; i < n; i++) chunks.push(get(`map.${i}`));
  const parts = get('map.parts');
  let data: unknown;
  try {
    // Maps stored before 0.3.0 have no parts: one JSON text cut in chunks.
    data = parts ? joinChunks(parts, chunks) : JSON.parse(chunks.join(''));
  } catch {
    return undefined;
  }
  // Node ids contain ':' themselves ("12:34"): the count is after the last one.
  const rev = get('revision');
  const cut = rev.lastIndexOf(':');
  const owner = cut < 0 ? '' : rev.slice(0, cut);
  const own = owner === frame.id;
  return {
    data,
    format: Number(get('format')) || 0,
    revision: own ? Number(rev.slice(cut + 1)) || 0 : 0,
    // A copy's fingerprint describes the original's last write, which the copy shares; still valid.
    canvas: get('canvas'),
    copiedFrom: own || !owner ? undefined : owner,
    render: parseRender(get('render')),
    raw,
    text: wholeText(parts, chunks),
  };
}

/** A short, stable fingerprint of a JSON-able value (FNV-1a over its JSON). */
export function fingerprint(value: unknown): string {
  const s = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0') + ':' + s.length.toString(36);
}
