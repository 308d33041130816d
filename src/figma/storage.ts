/**
 * The map's data on its frame, in shared plugin data (namespace `journeymap`,
 * see node-data.ts: readable by other plugins and the REST API, and kept
 * across a change of plugin id):
 *   map.n, map.0 … map.<n-1>  the normalised map as JSON, in chunks
 *   format                    the format version of that JSON
 *   revision                  `<frame id>:<n>`, n bumped on every create/update by the plugin; a frame
 *                             whose stored id is not its own is a copy (Cmd+D) and starts afresh at 0
 *   canvas                    fingerprint of what read-back gave right after the last write;
 *                             a different read-back later means the canvas was edited since
 * Figma caps one plugin-data entry at 100 kB; a chunk is at most 30,000 UTF-16
 * units (≤ 90 kB even if every character takes 3 bytes in UTF-8), cut between
 * characters, never inside a surrogate pair (an emoji split in two would be
 * stored as two invalid halves).
 */
import type { JourneyMap } from '../model';
import { FORMAT_VERSION } from '../model';
import { getData, setData } from './node-data';

export const CHUNK_CHARS = 30000;

/** Write only entries whose value changed: an unchanged map costs no writes. */
function setIfChanged(node: BaseNode, key: string, value: string): void {
  if (getData(node, key) !== value) setData(node, key, value);
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

function writeChunks(node: BaseNode, prefix: string, text: string): void {
  const chunks = chunkText(text);
  const before = Number(getData(node, `${prefix}.n`)) || 0;
  chunks.forEach((c, i) => setIfChanged(node, `${prefix}.${i}`, c));
  for (let i = chunks.length; i < before; i++) setData(node, `${prefix}.${i}`, ''); // empty string deletes an entry
  setIfChanged(node, `${prefix}.n`, String(chunks.length));
}

function readChunks(node: BaseNode, prefix: string): string | undefined {
  const n = Number(getData(node, `${prefix}.n`));
  if (!Number.isInteger(n) || n <= 0) return undefined;
  let text = '';
  for (let i = 0; i < n; i++) text += getData(node, `${prefix}.${i}`);
  return text;
}

export interface StoredMap {
  /** Raw JSON as stored (validate before use: it may be corrupted or from another version). */
  data: unknown;
  format: number;
  revision: number;
  canvas: string;
  /** Set when this frame is a duplicate of the frame with this id. */
  copiedFrom?: string;
}

export function writeMapData(frame: FrameNode, map: JourneyMap, revision: number, canvasFingerprint: string): void {
  writeChunks(frame, 'map', JSON.stringify(map));
  setIfChanged(frame, 'format', String(FORMAT_VERSION));
  setIfChanged(frame, 'revision', `${frame.id}:${revision}`);
  setIfChanged(frame, 'canvas', canvasFingerprint);
}

/** What is stored on a frame, or undefined where nothing (or nothing parseable) is. */
export function readMapData(frame: BaseNode): StoredMap | undefined {
  const text = readChunks(frame, 'map');
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Node ids contain ':' themselves ("12:34"): the count is after the last one.
  const raw = getData(frame, 'revision');
  const cut = raw.lastIndexOf(':');
  const owner = cut < 0 ? '' : raw.slice(0, cut);
  const n = raw.slice(cut + 1);
  const own = owner === frame.id;
  return {
    data,
    format: Number(getData(frame, 'format')) || 0,
    revision: own ? Number(n) || 0 : 0,
    // A copy's fingerprint describes the original's last write, which the copy shares; still valid.
    canvas: getData(frame, 'canvas'),
    copiedFrom: own || !owner ? undefined : owner,
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
