/**
 * The panel's side of a map's versions, history and comparisons (issue #18): what the Versions
 * tab shows, the requests it sends and the replies it takes. It has its own small store, so the
 * rest of the panel re-renders for none of it. Versions belong to the map on the canvas (the
 * panel's target): they are saved from it and compared with it, never with the panel's draft.
 *
 * Each request carries a requestId starting with `ver-`: an error reply with one is this tab's
 * (shown as the panel's status, its issues listed), and a reply to an older comparison than the
 * last one asked for is dropped.
 */
import { normaliseMap, type JourneyMap } from '../src/model';
import type { HistoryEntryMessage, PluginToUi, Side, UiToPlugin, VersionInfoMessage } from '../src/protocol';
import type { Status } from './state';
import { Store } from './store';

/** src/model/diff.ts MapDiff as it travels (added items' values unchecked). */
export type WireDiff = Extract<PluginToUi, { type: 'comparison' }>['diff'];

/** What a comparison needs to be drawn again (the same two sides). */
export interface Comparison {
  a: Side;
  b: Side;
  diff: WireDiff;
  /** Which sides were asked for: version ids, 'current' for the map on the canvas. */
  asked: { a: string; b: string };
}

export type Pending = 'list' | 'save' | 'delete' | 'load' | 'compare' | 'draw';

export interface VersionsState {
  /** The map the requests and lists below concern. */
  nodeId: string | null;
  /** Whether a list of that map's versions has come (else the lists are empty for now). */
  listed: boolean;
  /** Oldest first, as the sandbox sends them. */
  versions: VersionInfoMessage[];
  /** Oldest first. */
  history: HistoryEntryMessage[];
  max: number;
  /** The request under way, if any (its buttons are disabled meanwhile). */
  pending: Pending | null;
  comparison: Comparison | null;
  /** Where the last comparison was drawn, for the compare view to say so. */
  drawn: string | null;
  /** Id of the version just saved (highlighted in the list). */
  saved: string | null;
}

export interface VersionsDeps {
  send: (msg: UiToPlugin) => void;
  setStatus: (status: Status) => void;
  /** The map on the canvas the panel works on (its target), or null. */
  nodeId: () => string | null;
  /** Put a version's map in the draft as one undo step, with this status. */
  restore: (map: JourneyMap, status: Status) => void;
}

const PREFIX = 'ver-';

/** "“As-is”" or "the current map" (the one on the canvas): a side as the status lines name it. */
export function sideName(s: Side): string {
  return s.id === 'current' ? 'the current map' : `“${s.name}”`;
}

export class VersionsModel {
  readonly store = new Store<VersionsState>({
    nodeId: null,
    listed: false,
    versions: [],
    history: [],
    max: 10,
    pending: null,
    comparison: null,
    drawn: null,
    saved: null,
  });
  private seq = 0;
  /** The last request of each kind: a reply to an earlier one is stale. */
  private latest = new Map<Pending, string>();
  private kinds = new Map<string, Pending>();

  constructor(private readonly deps: VersionsDeps) {}

  get state(): VersionsState {
    return this.store.get();
  }

  private patch(p: Partial<VersionsState>): void {
    this.store.set({ ...this.store.get(), ...p });
  }

  /** Send a request of this kind for the target map; false (and a status) without one. */
  private request(kind: Pending, build: (nodeId: string, requestId: string) => UiToPlugin, busy?: string): boolean {
    const nodeId = this.deps.nodeId();
    if (!nodeId) {
      this.deps.setStatus({ tone: 'error', text: 'Create the map on the canvas first: versions are kept with it.' });
      return false;
    }
    const requestId = `${PREFIX}${++this.seq}`;
    this.latest.set(kind, requestId);
    this.kinds.set(requestId, kind);
    if (this.state.nodeId !== nodeId)
      this.patch({ nodeId, listed: false, versions: [], history: [], comparison: null, drawn: null, saved: null });
    // The highlight of a version just saved lasts until the next thing done here.
    this.patch({ pending: kind, saved: kind === 'list' ? this.state.saved : null });
    if (busy) this.deps.setStatus({ tone: 'info', text: busy });
    this.deps.send(build(nodeId, requestId));
    return true;
  }

  list(): void {
    this.request('list', (nodeId, requestId) => ({ type: 'list-versions', requestId, nodeId }));
  }

  /** Save the map on the canvas as a version; false (nothing sent) when refused here. */
  save(name: string): boolean {
    return this.request(
      'save',
      (nodeId, requestId) => ({ type: 'save-version', requestId, nodeId, name: name.trim() }),
      'Saving the version…',
    );
  }

  remove(versionId: string): void {
    this.request('delete', (nodeId, requestId) => ({ type: 'delete-version', requestId, nodeId, versionId }));
  }

  load(versionId: string): void {
    this.request(
      'load',
      (nodeId, requestId) => ({ type: 'load-version', requestId, nodeId, versionId }),
      'Loading the version…',
    );
  }

  /** Compare version `a` with version `b` or, for 'current', the map on the canvas. */
  compare(a: string, b = 'current'): void {
    this.request('compare', (nodeId, requestId) => ({ type: 'compare', requestId, nodeId, a, b }), 'Comparing…');
  }

  /** Draw the comparison on show as a frame beside the map. */
  draw(): void {
    const c = this.state.comparison;
    if (!c) return;
    this.request(
      'draw',
      (nodeId, requestId) => ({ type: 'draw-comparison', requestId, nodeId, a: c.asked.a, b: c.asked.b }),
      'Drawing the comparison on the canvas…',
    );
  }

  closeComparison(): void {
    this.patch({ comparison: null, drawn: null });
  }

  /** The kind of our request this reply answers, or null when it is not ours or is stale. */
  private answers(requestId: string | undefined): Pending | null {
    if (!requestId?.startsWith(PREFIX)) return null;
    const kind = this.kinds.get(requestId);
    if (!kind) return null;
    this.kinds.delete(requestId);
    if (this.latest.get(kind) !== requestId) return null;
    if (this.state.pending === kind) this.patch({ pending: null });
    return kind;
  }

  /** Replies for this tab: versions, version, comparison, comparison-drawn. */
  handle(msg: PluginToUi): void {
    switch (msg.type) {
      case 'versions': {
        const kind = this.answers(msg.requestId);
        if (!kind || msg.nodeId !== this.state.nodeId) return;
        const saved = msg.saved ? msg.versions.find((v) => v.id === msg.saved) : undefined;
        const still = (id: string | undefined) => id === 'current' || msg.versions.some((v) => v.id === id);
        const c = this.state.comparison;
        this.patch({
          listed: true,
          versions: msg.versions,
          history: msg.history,
          max: msg.max,
          saved: saved ? saved.id : kind === 'list' ? this.state.saved : null,
          // A comparison with a version just deleted is no longer one the panel can draw.
          comparison: c && still(c.asked.a) && still(c.asked.b) ? c : null,
        });
        if (saved)
          this.deps.setStatus({
            tone: 'success',
            text: `Saved the map on the canvas as version “${saved.name}” (${msg.versions.length} of ${msg.max}).`,
          });
        else if (kind === 'delete') this.deps.setStatus({ tone: 'success', text: 'Version deleted.' });
        return;
      }
      case 'version': {
        if (!this.answers(msg.requestId)) return;
        const r = normaliseMap(msg.map);
        if (!r.ok) {
          this.deps.setStatus({
            tone: 'error',
            text: `Version “${msg.version.name}” could not be read; the panel is unchanged.`,
          });
          return;
        }
        this.deps.restore(r.value, {
          tone: 'success',
          text: `Loaded version “${msg.version.name}” into the panel. Update selected map puts it on the canvas; Ctrl+Z undoes the load.`,
        });
        return;
      }
      case 'comparison': {
        const kind = this.answers(msg.requestId);
        if (!kind) return;
        const asked = { a: msg.a.id, b: msg.b.id };
        this.patch({ comparison: { a: msg.a, b: msg.b, diff: msg.diff, asked }, drawn: null });
        const n = msg.diff.count;
        this.deps.setStatus({
          tone: 'info',
          text: `Compared ${sideName(msg.a)} with ${sideName(msg.b)}: ${n ? `${n} change${n === 1 ? '' : 's'}` : 'no changes'}.`,
        });
        return;
      }
      case 'comparison-drawn': {
        if (!this.answers(msg.requestId)) return;
        const where = `Drew the comparison of ${sideName(msg.a)} with ${sideName(msg.b)} as a separate frame to the right of the map on the canvas; the map itself is unchanged.`;
        this.patch({ drawn: where });
        this.deps.setStatus({ tone: 'success', text: where });
        return;
      }
    }
  }

  /** An error reply to one of this tab's requests: shown as the status. False when not ours. */
  failed(msg: Extract<PluginToUi, { type: 'error' }>): boolean {
    if (!msg.requestId?.startsWith(PREFIX)) return false;
    // Stale or not, a failure is this tab's and is said; only its pending state waits for the latest.
    const kind = this.kinds.get(msg.requestId);
    this.kinds.delete(msg.requestId);
    if (kind && this.latest.get(kind) === msg.requestId && this.state.pending === kind) this.patch({ pending: null });
    const details = msg.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    this.deps.setStatus({ tone: 'error', text: msg.message, ...(details.length ? { details } : {}) });
    return true;
  }
}

/** A date as the list shows it: "30 Nov 2026, 22:50" (local time); the text itself if unreadable. */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A number as people write it: a real minus, at most two decimals. */
export function num(n: number): string {
  const v = Math.round(Math.abs(n) * 100) / 100;
  return `${n < 0 ? '−' : ''}${v}`;
}

/** A delta with its sign: +1, −1.5. */
export const delta = (n: number): string => (n < 0 ? num(n) : `+${num(n)}`);

/** A field's value in a change line: quoted text, cards joined, yes/no, or short JSON. */
export function value(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(none)';
  if (typeof v === 'string') return `“${v}”`;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return num(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join('; ') : '(none)';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

/** How the panel names a field of a stage, lane or persona in a change line. */
export const FIELD_WORDS: Record<string, string> = {
  phase: 'phase',
  moment: 'moment of truth',
  momentNote: 'moment note',
  kind: 'kind',
  tone: 'tone',
  scale: 'scale',
  overlay: 'chart',
  style: 'line',
  persona: 'persona',
  cells: 'cells',
  role: 'role',
  quote: 'quote',
  description: 'description',
  goals: 'goals',
  frustrations: 'frustrations',
};
