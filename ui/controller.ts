/**
 * The panel's behaviour without any markup: edits, undo history, the debounced
 * draft save, local validation, and the message exchange with the sandbox.
 * Components call these methods and read the store; tests drive it the same way.
 */
import { describeIssue, normaliseMap, serialiseMap, type JourneyMap, type MapIssue } from '../src/model';
import type { PluginToUi, UiToPlugin, VariableModes } from '../src/protocol';
import {
  blankDraft,
  draftFromMap,
  readStoredDraft,
  toMapInput,
  type CanvasTarget,
  type DraftMap,
  type StoredDraft,
} from './draft';
import { describeMerge, listLabels, mergeMaps } from './merge';
import { addedLaneIds, addedStageIds, renameLaneIds, renameStageIds, settleLaneIds, settleStageIds } from './fresh-ids';
import { Store } from './store';
import type { PanelState, Status, TabId } from './state';
import { VersionsModel } from './versions';

export const DRAFT_DEBOUNCE_MS = 400;
const STORAGE_FULL =
  'Your draft could not be saved in Figma (its storage is full). It stays in this panel until you close it.';
const HISTORY_LIMIT = 100;
/**
 * A base map larger than this (characters of JSON) is kept in memory but not saved with the draft:
 * Figma's clientStorage holds 5 MB for everything, and the draft itself must fit first.
 */
export const MAX_STORED_BASE_CHARS = 1_000_000;

/** The status after a create or update, with its warnings (font substitutions, reset texts) in full. */
function withWarnings(text: string, warnings: string[] | undefined): Status {
  const n = warnings?.length ?? 0;
  if (!n) return { tone: 'success', text };
  return { tone: 'warning', text: `${text} ${n === 1 ? 'One warning' : `${n} warnings`}:`, details: warnings };
}

export interface ControllerOptions {
  send: (msg: UiToPlugin) => void;
  initial?: DraftMap;
}

export class PanelController {
  readonly store: Store<PanelState>;
  private readonly send: (msg: UiToPlugin) => void;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private past: DraftMap[] = [];
  private future: DraftMap[] = [];
  /** The map as of the last history entry; edits since then form one undo step. */
  private committed: DraftMap;
  /** JSON size of base maps, measured once each (see MAX_STORED_BASE_CHARS). */
  private readonly baseSizes = new WeakMap<DraftMap, number>();
  /** Stages added in the panel that have not reached the canvas yet: their ids follow their names. */
  private readonly fresh = new Set<string>();
  /** Lanes added in the panel that have not reached the canvas (ui/fresh-ids.ts). */
  private readonly freshLanes = new Set<string>();
  private fontsAsked = false;
  /** The Versions tab's requests and replies (ui/versions.ts). */
  readonly versions: VersionsModel;

  constructor(opts: ControllerOptions) {
    this.send = opts.send;
    const map = opts.initial ?? blankDraft();
    this.committed = map;
    this.store = new Store<PanelState>({
      map,
      target: null,
      selection: [],
      issues: [],
      status: null,
      notice: null,
      conflict: false,
      tab: 'persona',
      fonts: null,
      canUndo: false,
      canRedo: false,
      editor: 'figma',
      pasted: '',
      imported: null,
    });
    this.versions = new VersionsModel({
      send: (msg) => this.send(msg),
      setStatus: (status) => this.setStatus(status),
      nodeId: () => this.state.target?.nodeId ?? null,
      restore: (m, status) => this.replace(draftFromMap(m), { status }),
    });
  }

  get state(): PanelState {
    return this.store.get();
  }

  private patch(p: Partial<PanelState>): void {
    this.store.set({ ...this.store.get(), ...p });
  }

  /** Send a message that needs no state change (resize, notify). */
  readonly sendRaw = (msg: UiToPlugin): void => this.send(msg);

  start(): void {
    this.send({ type: 'ready' });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  setTab(tab: TabId): void {
    this.patch({ tab });
  }

  /** Ask the sandbox once for the font families Figma has (the Theme section does, when it opens). */
  requestFonts(): void {
    if (this.fontsAsked) return;
    this.fontsAsked = true;
    this.send({ type: 'list-fonts' });
  }

  /** The Data tab's paste and its last import message (state, so that they outlive the tab). */
  setImport(p: Partial<Pick<PanelState, 'pasted' | 'imported'>>): void {
    this.patch(p);
  }

  setStatus(status: Status | null): void {
    this.patch({ status });
  }

  dismissNotice(): void {
    this.patch({ notice: null });
  }

  /* ---------------- editing ---------------- */

  /** Apply an edit; the save, validation and undo step follow after a pause in typing. */
  edit(fn: (m: DraftMap) => DraftMap): void {
    const s = this.store.get();
    const map = fn(s.map);
    if (map === s.map) return;
    for (const id of addedStageIds(s.map, map)) this.fresh.add(id);
    for (const id of addedLaneIds(s.map, map)) this.freshLanes.add(id);
    this.store.set({ ...s, map, canUndo: true, canRedo: false });
    this.future = [];
    this.schedule();
  }

  /** Replace the whole draft (template, import, load): one undo step, saved at once. */
  replace(map: DraftMap, extra: Partial<PanelState> = {}): void {
    this.commitHistory();
    this.past.push(this.committed);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
    this.committed = map;
    this.patch({ map, issues: [], conflict: false, canUndo: true, canRedo: false, ...extra });
    this.flush();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DRAFT_DEBOUNCE_MS);
  }

  /** Run the debounced work now: history step, validation of touched fields, draft save. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.commitHistory();
    const s = this.store.get();
    // Re-validate only if issues are showing, so a half-typed map isn't covered in red.
    if (s.issues.length) this.patch({ issues: this.validate().issues });
    const draft: StoredDraft = { v: 1, map: s.map, target: this.storedTarget(s.target) };
    if (this.fresh.size) draft.fresh = [...this.fresh];
    if (this.freshLanes.size) draft.freshLanes = [...this.freshLanes];
    this.send({ type: 'save-draft', draft });
  }

  /** The target as saved with the draft: without its base map when that is very large. */
  private storedTarget(t: CanvasTarget | null): CanvasTarget | null {
    if (!t?.base) return t;
    let size = this.baseSizes.get(t.base);
    if (size === undefined) {
      size = JSON.stringify(t.base).length;
      this.baseSizes.set(t.base, size);
    }
    if (size <= MAX_STORED_BASE_CHARS) return t;
    const slim = { ...t };
    delete slim.base;
    return slim;
  }

  private commitHistory(): void {
    const map = this.store.get().map;
    if (map === this.committed) return;
    this.past.push(this.committed);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.committed = map;
  }

  undo(): void {
    this.commitHistory();
    const prev = this.past.pop();
    if (!prev) return;
    this.future.push(this.committed);
    this.committed = prev;
    this.patch({ map: prev, canUndo: this.past.length > 0, canRedo: true });
    this.saveSoon();
  }

  redo(): void {
    this.commitHistory();
    const next = this.future.pop();
    if (!next) return;
    this.past.push(this.committed);
    this.committed = next;
    this.patch({ map: next, canUndo: true, canRedo: this.future.length > 0 });
    this.saveSoon();
  }

  private saveSoon(): void {
    if (this.state.issues.length) this.patch({ issues: this.validate().issues });
    this.schedule();
  }

  /* ---------------- validation ---------------- */

  validate(): { map?: JourneyMap; issues: MapIssue[] } {
    const r = normaliseMap(toMapInput(this.store.get().map));
    return r.ok ? { map: r.value, issues: [] } : { issues: r.issues };
  }

  /** Validate for sending; on failure show issues next to fields and in the summary. */
  private validOrReport(action: string): JourneyMap | null {
    const { map, issues } = this.validate();
    if (map) {
      this.patch({ issues: [] });
      return map;
    }
    const n = issues.length;
    this.patch({ issues, status: { tone: 'error', text: `Fix ${n} problem${n === 1 ? '' : 's'} before ${action}.` } });
    return null;
  }

  /** Canonical JSON of the draft, or null (issues shown) if it is not a valid map. */
  exportJson(): string | null {
    const map = this.validOrReport('exporting');
    return map ? serialiseMap(map) : null;
  }

  validMap(action: string): JourneyMap | null {
    return this.validOrReport(action);
  }

  /* ---------------- canvas actions ---------------- */

  /** Node to update or read: the map we created/loaded, else the single selected map. */
  targetNodeId(): string | null {
    const s = this.state;
    if (s.target) return s.target.nodeId;
    return s.selection.length === 1 ? s.selection[0].nodeId : null;
  }

  /**
   * Stages and lanes about to reach the canvas: those added in the panel take ids made from their
   * names (ui/fresh-ids.ts), in the undo history too, and are fresh no more. `onCanvas`: the ids
   * the canvas map has (kept), or null when unknown (then nothing is renamed). True if any id changed.
   */
  private settleIds(onCanvas: { stages: ReadonlySet<string>; lanes: ReadonlySet<string> } | null): boolean {
    const map = this.state.map;
    const none = new Map<string, string>();
    const stages = onCanvas ? settleStageIds(map, this.fresh, onCanvas.stages) : none;
    const lanes = onCanvas ? settleLaneIds(map, this.freshLanes, onCanvas.lanes) : none;
    for (const s of map.stages) this.fresh.delete(s.id);
    for (const l of map.lanes) this.freshLanes.delete(l.id);
    if (!stages.size && !lanes.size) return false;
    const fix = (m: DraftMap) => renameLaneIds(renameStageIds(m, stages), lanes);
    this.past = this.past.map(fix);
    this.future = this.future.map(fix);
    const next = fix(map);
    // Edits not yet an undo step stay one: the committed map is renamed on its own.
    this.committed = this.committed === map ? next : fix(this.committed);
    this.patch({ map: next });
    return true;
  }

  /** Ids of the stages and lanes the target's canvas map has (none if unknown). */
  private canvasIds(): { stages: Set<string>; lanes: Set<string> } {
    const base = this.state.target?.base;
    return { stages: new Set(base?.stages.map((s) => s.id) ?? []), lanes: new Set(base?.lanes.map((l) => l.id) ?? []) };
  }

  create(): void {
    let map = this.validOrReport('creating the map');
    if (!map) return;
    if (this.settleIds(this.canvasIds())) map = this.validOrReport('creating the map');
    if (!map) return;
    this.patch({ status: { tone: 'info', text: 'Creating map…' }, conflict: false });
    this.send({ type: 'create', map });
  }

  /** Show the map in its variables' Light or Dark mode (the frame's mode; one undo step in Figma). */
  setVariableMode(mode: 'Light' | 'Dark'): void {
    const nodeId = this.state.target?.nodeId;
    if (nodeId) this.send({ type: 'set-variable-mode', nodeId, mode });
  }

  update(force = false): void {
    const nodeId = this.targetNodeId();
    if (!nodeId) {
      this.patch({ status: { tone: 'error', text: 'Select a journey map on the canvas, or create one first.' } });
      return;
    }
    let map = this.validOrReport('updating the map');
    if (!map) return;
    const t = this.state.target;
    const known = t && t.nodeId === nodeId && t.base ? this.canvasIds() : null;
    if (this.settleIds(known)) map = this.validOrReport('updating the map');
    if (!map) return;
    const msg: UiToPlugin = { type: 'update', nodeId, map };
    if (t && t.nodeId === nodeId) {
      msg.baseRevision = t.revision;
      // Canvas edits the panel has read (and so has in its map) are then no conflict.
      if (t.canvas !== undefined) msg.baseCanvas = t.canvas;
    }
    if (force) msg.force = true;
    this.patch({ status: { tone: 'info', text: 'Updating map…' }, conflict: false });
    this.send(msg);
  }

  read(nodeId = this.targetNodeId()): void {
    if (!nodeId) {
      this.patch({ status: { tone: 'error', text: 'Select a journey map on the canvas first.' } });
      return;
    }
    this.patch({ status: { tone: 'info', text: 'Reading map from the canvas…' } });
    this.send({ type: 'read', nodeId });
  }

  /* ---------------- messages from the sandbox ---------------- */

  handle(msg: PluginToUi): void {
    switch (msg.type) {
      case 'selection':
        this.patch({ selection: msg.maps });
        return;
      case 'fonts':
        this.patch({ fonts: msg.families });
        return;
      case 'editor':
        this.patch({ editor: msg.editor });
        return;
      case 'progress': {
        // Only while the create or update it belongs to is still the panel's status.
        const now = this.state.status;
        if (!now || now.tone !== 'info') return;
        const verb = now.text.startsWith('Updating') ? 'Updating map' : 'Creating map';
        const n = (x: number) => x.toLocaleString('en');
        this.patch({
          status: {
            tone: 'info',
            text: `${verb}… ${n(msg.done)} of ${n(msg.total)} layers`,
            progress: { done: msg.done, total: msg.total },
          },
        });
        return;
      }
      case 'draft': {
        if (msg.draft === undefined || msg.draft === null) return;
        const stored = readStoredDraft(msg.draft);
        if (!stored) {
          this.patch({ status: { tone: 'info', text: 'The saved draft could not be read and was ignored.' } });
          return;
        }
        this.committed = stored.map;
        this.fresh.clear();
        for (const id of stored.fresh ?? []) this.fresh.add(id);
        this.freshLanes.clear();
        for (const id of stored.freshLanes ?? []) this.freshLanes.add(id);
        this.past = [];
        this.future = [];
        this.patch({
          map: stored.map,
          target: stored.target ?? null,
          canUndo: false,
          canRedo: false,
          status: { tone: 'info', text: 'Restored your last draft.' },
        });
        // The Light/Dark choice shows the frame's mode on the canvas now, which the draft does not hold.
        if (stored.target?.nodeId && stored.map.theme?.variables === true)
          this.send({ type: 'get-variable-modes', nodeId: stored.target.nodeId });
        return;
      }
      case 'created':
        this.patch({
          target: this.targetOf(msg),
          conflict: false,
          issues: [],
          status: withWarnings('Map created on the canvas.', msg.warnings),
        });
        this.flush();
        return;
      case 'updated': {
        const { created, updated, removed } = msg.stats;
        this.patch({
          target: this.targetOf(msg),
          conflict: false,
          issues: [],
          status: withWarnings(
            created + updated + removed
              ? `Map updated: ${updated} changed, ${created} added, ${removed} removed.`
              : 'The map was already up to date: nothing changed.',
            msg.warnings,
          ),
        });
        this.flush();
        return;
      }
      case 'map':
        this.loaded(msg);
        return;
      case 'variable-modes': {
        const t = this.state.target;
        if (t && t.nodeId === msg.nodeId) this.patch({ target: { ...t, variables: msg.variables } });
        return;
      }
      case 'versions':
      case 'version':
      case 'comparison':
      case 'comparison-drawn':
        this.versions.handle(msg);
        return;
      case 'error':
        if (msg.code === 'storage') {
          // Nothing failed that the user asked for: say so aside, and keep going.
          this.patch({ notice: { tone: 'warning', text: msg.message || STORAGE_FULL } });
          return;
        }
        // A Versions tab request's failure: its status, not issues of the draft's fields.
        if (this.versions.failed(msg)) return;
        this.patch({
          conflict: msg.code === 'conflict',
          issues: msg.issues,
          status: { tone: 'error', text: msg.message },
        });
        return;
    }
  }

  /** The target a created, updated or read-back map gives: its revision, canvas fingerprint and map. */
  private targetOf(msg: {
    nodeId: string;
    revision: number;
    canvas: string;
    map: unknown;
    variables?: VariableModes;
  }): CanvasTarget {
    const target: CanvasTarget = { nodeId: msg.nodeId, revision: msg.revision, canvas: msg.canvas };
    if (msg.variables) target.variables = msg.variables;
    const r = normaliseMap(msg.map);
    if (r.ok) target.base = draftFromMap(r.value);
    return target;
  }

  /**
   * A map read back from the canvas (Read back, Load selected map, Reload from canvas). When it is
   * the panel's target, the panel's edits since its last sync are merged in, never dropped silently.
   */
  private loaded(msg: Extract<PluginToUi, { type: 'map' }>): void {
    const r = normaliseMap(msg.map);
    if (!r.ok) {
      this.patch({
        issues: r.issues,
        status: {
          tone: 'error',
          text: 'The map on the canvas could not be read:',
          details: r.issues.slice(0, 5).map((i) => describeIssue(i)),
        },
      });
      return;
    }
    const canvasMap = draftFromMap(r.value);
    const target: CanvasTarget = { nodeId: msg.nodeId, revision: msg.revision, canvas: msg.canvas, base: canvasMap };
    if (msg.variables) target.variables = msg.variables;
    const warn = msg.warnings?.length ? ` ${msg.warnings.join(' ')}` : '';
    const loaded = `Loaded “${r.value.title}” from the canvas.`;
    const prev = this.state.target;
    if (prev && prev.nodeId === msg.nodeId) {
      if (prev.base) {
        const merged = mergeMaps(prev.base, this.state.map, canvasMap);
        if (merged.kept.length) {
          this.replace(merged.map, {
            target,
            status: { tone: merged.conflicts.length ? 'warning' : 'success', text: describeMerge(merged) + warn },
          });
          return;
        }
      } else {
        // No base (a draft saved by an older version): which differences are the panel's edits is unknown.
        const replaced = mergeMaps(canvasMap, this.state.map, canvasMap).kept;
        if (replaced.length) {
          const n = replaced.length;
          this.replace(canvasMap, {
            target,
            status: {
              tone: 'warning',
              text: `${loaded} It replaced your version of ${n} field${n === 1 ? '' : 's'} (${listLabels(replaced)}); Undo (Ctrl+Z) brings it back.${warn}`,
            },
          });
          return;
        }
      }
    }
    this.replace(canvasMap, { target, status: { tone: 'success', text: `${loaded}${warn}` } });
  }
}
