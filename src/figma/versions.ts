/**
 * Named versions of a map and its history, in shared plugin data on the map frame (namespace
 * `journeymap`, node-data.ts), so they travel with the frame: a duplicate, a copy pasted into
 * another file and the next plugin run all find them.
 *   versions        {"next": 4, "list": [{"id": "v3", "name": "As-is, June", "date": ISO,
 *                   "revision": 7, "blob": "<fingerprint>", "n": 1}, …]}, at most MAX_VERSIONS
 *   v.<blob>.<i>    a version's map as compact JSON, in chunks of at most CHUNK_CHARS (storage.ts);
 *                   keyed by its content, so versions with the same data share one copy
 *   history         [{"revision": 7, "date": ISO, "summary": "2 stages added, …"}, …], the last
 *                   MAX_HISTORY, oldest first; every create and update appends one entry
 * Nothing here throws for damaged data: a damaged index reads as no versions (and is rewritten
 * by the next save), a damaged history as an empty one; chunks no version names are deleted
 * whenever the index is written, so what is stored stays bounded.
 */
import { normaliseMap, type JourneyMap, type MapIssue } from '../model';
import { diffMaps } from '../model/diff';
import { NAMESPACE, getData, setData } from './node-data';
import { CHUNK_CHARS, chunkCount, chunkText, fingerprint } from './storage';

export const MAX_VERSIONS = 10;
export const MAX_HISTORY = 50;
/** A version's name, in characters (after trimming). */
export const VERSION_NAME_CHARS = 80;
/** A history entry's summary, in characters (longer ones end with "…"). */
export const SUMMARY_CHARS = 300;

export interface VersionInfo {
  id: string;
  name: string;
  /** When it was saved (ISO 8601). */
  date: string;
  /** The map's revision when it was saved. */
  revision: number;
}

interface StoredVersion extends VersionInfo {
  /** Key of its data (a fingerprint of the JSON). */
  blob: string;
  /** Number of chunks of its data. */
  n: number;
}

interface Index {
  next: number;
  list: StoredVersion[];
}

export interface HistoryEntry {
  revision: number;
  date: string;
  summary: string;
}

export type Outcome<T> =
  ({ ok: true } & T) | { ok: false; code: 'invalid' | 'not-found'; message: string; issues?: MapIssue[] };

const INDEX = 'versions';
const HISTORY = 'history';
const chunkKey = (blob: string, i: number) => `v.${blob}.${i}`;

function parse<T>(raw: string, valid: (x: unknown) => x is T): T | undefined {
  if (!raw) return undefined;
  try {
    const x = JSON.parse(raw) as unknown;
    return valid(x) ? x : undefined;
  } catch {
    return undefined;
  }
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function isVersion(x: unknown): x is StoredVersion {
  const v = x as StoredVersion;
  return (
    !!v &&
    typeof v === 'object' &&
    isString(v.id) &&
    isString(v.name) &&
    isString(v.date) &&
    isCount(v.revision) &&
    isString(v.blob) &&
    chunkCount(v.n) !== undefined
  );
}

function isIndex(x: unknown): x is Index {
  const i = x as Index;
  return !!i && typeof i === 'object' && isCount(i.next) && Array.isArray(i.list) && i.list.every(isVersion);
}

function isHistory(x: unknown): x is HistoryEntry[] {
  return (
    Array.isArray(x) &&
    x.every((e: HistoryEntry) => !!e && isCount(e.revision) && isString(e.date) && isString(e.summary))
  );
}

function readIndex(frame: BaseNode): Index {
  return parse(getData(frame, INDEX), isIndex) ?? { next: 1, list: [] };
}

const info = ({ id, name, date, revision }: StoredVersion): VersionInfo => ({ id, name, date, revision });

/** Write the index, and delete every chunk no version in it names (left by a delete or damage). */
function writeIndex(frame: BaseNode, index: Index): void {
  setData(frame, INDEX, index.list.length ? JSON.stringify(index) : '');
  const used = new Set(index.list.flatMap((v) => Array.from({ length: v.n }, (_, i) => chunkKey(v.blob, i))));
  for (const key of frame.getSharedPluginDataKeys(NAMESPACE))
    if (key.startsWith('v.') && !used.has(key)) setData(frame, key, '');
}

function readBlob(frame: BaseNode, v: { blob: string; n: number }): string {
  let text = '';
  for (let i = 0; i < v.n; i++) text += getData(frame, chunkKey(v.blob, i));
  return text;
}

/** The saved versions of a map, oldest first. */
export function listVersions(frame: BaseNode): VersionInfo[] {
  return readIndex(frame).list.map(info);
}

/** The history of a map's creates and updates, oldest first. */
export function readHistory(frame: BaseNode): HistoryEntry[] {
  return parse(getData(frame, HISTORY), isHistory) ?? [];
}

/**
 * Save `map` as a version named `name`. Its data is stored once: a version with the same data
 * shares the stored copy.
 */
export function saveVersion(
  frame: BaseNode,
  name: string,
  map: JourneyMap,
  revision: number,
  date = new Date(),
): Outcome<{ version: VersionInfo }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > VERSION_NAME_CHARS)
    return {
      ok: false,
      code: 'invalid',
      message: `A version needs a name of 1 to ${VERSION_NAME_CHARS} characters; nothing was saved.`,
      issues: [{ path: 'name', message: trimmed ? `at most ${VERSION_NAME_CHARS} characters` : 'must not be empty' }],
    };
  const index = readIndex(frame);
  if (index.list.length >= MAX_VERSIONS)
    return {
      ok: false,
      code: 'invalid',
      message: `This map keeps at most ${MAX_VERSIONS} versions. Delete one to save another; nothing was saved.`,
    };
  const text = JSON.stringify(map);
  // Keyed by content: the same data is stored once. A fingerprint shared by other data (a hash
  // collision) gets a suffix instead of overwriting it.
  let blob = fingerprint(text).replace(':', '-');
  for (let k = 1; ; k++) {
    const holder = index.list.find((v) => v.blob === blob);
    if (!holder || readBlob(frame, holder) === text) break;
    blob = `${fingerprint(text).replace(':', '-')}~${k}`;
  }
  const chunks = chunkText(text, CHUNK_CHARS);
  if (!index.list.some((v) => v.blob === blob)) chunks.forEach((c, i) => setData(frame, chunkKey(blob, i), c));
  const version: StoredVersion = {
    id: `v${index.next}`,
    name: trimmed,
    date: date.toISOString(),
    revision,
    blob,
    n: chunks.length,
  };
  writeIndex(frame, { next: index.next + 1, list: [...index.list, version] });
  return { ok: true, version: info(version) };
}

function notFound(id: string): { ok: false; code: 'not-found'; message: string } {
  return { ok: false, code: 'not-found', message: `This map has no saved version “${id}” (it may have been deleted).` };
}

export function deleteVersion(frame: BaseNode, id: string): Outcome<object> {
  const index = readIndex(frame);
  if (!index.list.some((v) => v.id === id)) return notFound(id);
  writeIndex(frame, { ...index, list: index.list.filter((v) => v.id !== id) });
  return { ok: true };
}

/** A saved version's map, validated (and migrated, if an older format was saved). */
export function loadVersion(frame: BaseNode, id: string): Outcome<{ version: VersionInfo; map: JourneyMap }> {
  const v = readIndex(frame).list.find((x) => x.id === id);
  if (!v) return notFound(id);
  let data: unknown;
  try {
    data = JSON.parse(readBlob(frame, v));
  } catch {
    return { ok: false, code: 'invalid', message: `The data of version “${v.name}” is damaged and cannot be read.` };
  }
  const map = normaliseMap(data);
  if (!map.ok)
    return {
      ok: false,
      code: 'invalid',
      message: `Version “${v.name}” does not hold a map this plugin can read.`,
      issues: map.issues,
    };
  return { ok: true, version: info(v), map: map.value };
}

function clip(s: string): string {
  const chars = Array.from(s);
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS - 1).join('')}…` : s;
}

/**
 * What a create or update did, in words: "created: 5 stages, 3 lanes" (`before` is 'new'), what
 * changed since the stored map (`before`), or "updated" where the stored map could not be read.
 */
export function historySummary(before: JourneyMap | 'new' | undefined, after: JourneyMap): string {
  if (before === 'new') {
    const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    return `created: ${n(after.stages.length, 'stage')}, ${n(after.lanes.length, 'lane')}`;
  }
  return before ? diffMaps(before, after).summary : 'updated (the data stored before could not be read)';
}

/**
 * Append an entry to the map's history after a create (`before` is 'new') or an update, keeping
 * the last MAX_HISTORY. Never throws: the history is a record, not something a write may fail on.
 */
export function appendHistory(
  frame: BaseNode,
  revision: number,
  after: JourneyMap,
  before: JourneyMap | 'new' | undefined,
  date = new Date(),
): void {
  try {
    const entry: HistoryEntry = { revision, date: date.toISOString(), summary: clip(historySummary(before, after)) };
    const list = [...readHistory(frame), entry].slice(-MAX_HISTORY);
    setData(frame, HISTORY, JSON.stringify(list));
  } catch {
    /* a history that cannot be written leaves the map as it is */
  }
}
