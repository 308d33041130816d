/**
 * The map's data on its frame.
 *
 * Private plugin data (this plugin only):
 *   map.n, map.0 … map.<n-1>  the normalised map as JSON, in chunks
 *   format                    the format version of that JSON
 *   revision                  `<frame id>:<n>`, n bumped on every create/update by the plugin; a frame
 *                             whose stored id is not its own is a copy (Cmd+D) and starts afresh at 0
 *   canvas                    fingerprint of what read-back gave right after the last write;
 *                             a different read-back later means the canvas was edited since
 * Shared plugin data, namespace `journeymap` (readable by other plugins and the REST API):
 *   map.n, map.0 …, format    the same JSON and version
 * Figma caps one plugin-data entry at 100 kB; a chunk is at most 30,000
 * characters (≤ 90 kB even if every character takes 3 bytes in UTF-8).
 */
import type { JourneyMap } from '../model';
import { FORMAT_VERSION } from '../model';

export const SHARED_NAMESPACE = 'journeymap';
export const CHUNK_CHARS = 30000;

type Store = {
  get(key: string): string;
  set(key: string, value: string): void;
};

const privateStore = (node: BaseNode): Store => ({
  get: (k) => node.getPluginData(k),
  set: (k, v) => node.setPluginData(k, v),
});
const sharedStore = (node: BaseNode): Store => ({
  get: (k) => node.getSharedPluginData(SHARED_NAMESPACE, k),
  set: (k, v) => node.setSharedPluginData(SHARED_NAMESPACE, k, v),
});

/** Write only entries whose value changed: an unchanged map costs no writes. */
function setIfChanged(store: Store, key: string, value: string): void {
  if (store.get(key) !== value) store.set(key, value);
}

function writeChunks(store: Store, prefix: string, text: string): void {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) chunks.push(text.slice(i, i + CHUNK_CHARS));
  const before = Number(store.get(`${prefix}.n`)) || 0;
  chunks.forEach((c, i) => setIfChanged(store, `${prefix}.${i}`, c));
  for (let i = chunks.length; i < before; i++) store.set(`${prefix}.${i}`, ''); // empty string deletes an entry
  setIfChanged(store, `${prefix}.n`, String(chunks.length));
}

function readChunks(store: Store, prefix: string): string | undefined {
  const n = Number(store.get(`${prefix}.n`));
  if (!Number.isInteger(n) || n <= 0) return undefined;
  let text = '';
  for (let i = 0; i < n; i++) text += store.get(`${prefix}.${i}`);
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
  const json = JSON.stringify(map);
  for (const store of [privateStore(frame), sharedStore(frame)]) {
    writeChunks(store, 'map', json);
    setIfChanged(store, 'format', String(FORMAT_VERSION));
  }
  const p = privateStore(frame);
  setIfChanged(p, 'revision', `${frame.id}:${revision}`);
  setIfChanged(p, 'canvas', canvasFingerprint);
}

/** What is stored on a frame, or undefined where nothing (or nothing parseable) is. */
export function readMapData(frame: BaseNode): StoredMap | undefined {
  const p = privateStore(frame);
  const text = readChunks(p, 'map') ?? readChunks(sharedStore(frame), 'map');
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Node ids contain ':' themselves ("12:34"): the count is after the last one.
  const raw = p.get('revision');
  const cut = raw.lastIndexOf(':');
  const owner = cut < 0 ? '' : raw.slice(0, cut);
  const n = raw.slice(cut + 1);
  const own = owner === frame.id;
  return {
    data,
    format: Number(p.get('format') || sharedStore(frame).get('format')) || 0,
    revision: own ? Number(n) || 0 : 0,
    // A copy's fingerprint describes the original's last write, which the copy shares; still valid.
    canvas: p.get('canvas'),
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
