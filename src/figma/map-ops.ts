/**
 * Create and update a map frame: fonts first, then the reconciler, then the
 * stored data. Everything that can fail for a reason the user can fix
 * (fonts, a missing frame, a conflict) is checked before the first write.
 */
import { FORMAT_VERSION, LIMITS, normaliseMap, type JourneyMap } from '../model';
import type { NodeSpec } from '../layout/spec';
import { clearMemo } from '../layout/memo';
import { fontWarnings, loadMapFonts } from './fonts';
import { readMap, canvasColumnWidths } from './read-map';
import { reconcileNode, type ReconcileContext, type ReconcileStats } from './reconcile';
import { fingerprint, readMapData, renderOptions, storedAlready, writeMapData, type RenderOptions } from './storage';
import { adoptCopiedMap, roleOf, tagNode } from './tags';
import { migrateLegacyMap } from './legacy';
import { MapIndex, pageOf } from './tree';
import { recordTags, stopRecording, unrecordedToken, type TagRecord } from './node-cache';
import { Progress, type ProgressReport } from './progress';
import { appendHistory } from './versions';
import { drawSpec, drawWithVariables } from './variables';

export class UserFacingError extends Error {
  constructor(
    readonly code: 'invalid' | 'conflict' | 'not-found',
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** Layers of spec subtrees counted before: memoised rows (layout/memo.ts) come back as the same objects. */
const counted = new WeakMap<NodeSpec, number>();

/** Layers a spec tree would put on the canvas. */
export function countNodes(spec: NodeSpec): number {
  let n = counted.get(spec);
  if (n === undefined) {
    n = 1;
    for (const c of spec.children ?? []) n += countNodes(c);
    counted.set(spec, n);
  }
  return n;
}

/** Refuse a map too big to draw, before anything is written. Returns its number of layers. */
function checkSize(spec: NodeSpec): number {
  const n = countNodes(spec);
  if (n > LIMITS.totalNodes) {
    throw new UserFacingError(
      'invalid',
      `This map would need ${n.toLocaleString('en')} layers; the limit is ${LIMITS.totalNodes.toLocaleString('en')}. Use fewer stages, lanes or cards. Nothing was changed.`,
    );
  }
  return n;
}

/**
 * What this plugin run last wrote, so that an update right after a create or update (the
 * panel stays open between edits) does not parse and validate the stored map again nor
 * rebuild the spec it drew: the stored text, its map (validated when written), and the spec
 * drawn for it with its render options. Keyed by content, never by node id: equal texts are
 * equal maps, whichever frame or test made them.
 */
let lastDrawn:
  | {
      text: string;
      /** The map's fingerprint (canvasAfterWrite): what the canvas reads back as while unedited. */
      canvas: string;
      map: JourneyMap;
      render: string;
      spec: NodeSpec;
      /** The tags this operation read and wrote (node-cache.ts), with the token they hold under; used once. */
      tags?: { record: TagRecord; token: number };
    }
  | undefined;

function rememberDrawn(
  map: JourneyMap,
  render: RenderOptions,
  spec: NodeSpec,
  record: TagRecord,
  text: string,
  canvas: string,
): void {
  // A copy: the caller may go on editing the object it passed.
  lastDrawn = {
    text,
    canvas,
    map: JSON.parse(JSON.stringify(map)) as JourneyMap,
    render: JSON.stringify(render),
    spec,
    tags: { record, token: unrecordedToken() },
  };
}

/** Forget what this run drew (a cold start: the plugin was just opened). For benchmarks and tests. */
export function forgetDrawn(): void {
  lastDrawn = undefined;
  clearMemo();
}

export interface MapOpResult {
  frame: FrameNode;
  map: JourneyMap;
  revision: number;
  /** Fingerprint of the canvas right after the write: the panel's base for its next update. */
  canvas: string;
  stats: ReconcileStats;
  warnings: string[];
}

function newContext(root: () => FrameNode): ReconcileContext {
  let holding: FrameNode | undefined;
  return {
    stats: { created: 0, updated: 0, removed: 0, kept: 0 },
    warnings: [],
    holding() {
      if (holding && !holding.removed) return holding;
      const map = root();
      holding = map.children.find((c): c is FrameNode => c.type === 'FRAME' && roleOf(c) === 'holding');
      if (!holding) {
        // Auto-layout, so kept nodes stack instead of piling up at 0,0, and FILL-sized ones stay valid.
        holding = figma.createFrame();
        map.appendChild(holding);
        holding.name = 'Kept from removed stages and lanes';
        holding.layoutMode = 'VERTICAL';
        holding.itemSpacing = 12;
        holding.fills = [];
        holding.layoutSizingHorizontal = 'HUG';
        holding.layoutSizingVertical = 'HUG';
        tagNode(holding, { key: 'holding', role: 'holding' });
      }
      return holding;
    },
  };
}

/**
 * What read-back gives for a map right after the plugin drew it is the map itself (the
 * create → read round trip, tested), so its fingerprint is computed from the map, not by
 * reading the canvas back: a later read-back that differs means the canvas was edited.
 */
function canvasAfterWrite(map: JourneyMap): string {
  return fingerprint(map);
}

export async function createMap(
  map: JourneyMap,
  options: {
    columnWidth?: number;
    columnWidths?: Record<string, number>;
    onProgress?: ProgressReport;
    /** Literal dark colours (storage.ts, RenderOptions.scheme). */
    scheme?: 'light' | 'dark';
  } = {},
): Promise<MapOpResult> {
  const { onProgress, scheme, ...columns } = options;
  const loaded = await loadMapFonts(map.theme?.font);
  const { fonts } = loaded;
  const render = renderOptions(fonts, columns, scheme);
  const { spec, total, warnings: variableWarnings } = await drawWithVariables(map, render, checkSize);
  /** On the page from its first write: what a failure part-way must remove. */
  let placed: FrameNode | undefined;
  const canvas = canvasAfterWrite(map);
  const ctx = newContext(() => placed!);
  if (onProgress) ctx.progress = new Progress(total, onProgress);
  let frame: FrameNode;
  const record = recordTags();
  try {
    frame = (await reconcileNode(
      spec,
      undefined,
      {},
      (n) => {
        placed = n as FrameNode;
        figma.currentPage.appendChild(n);
      },
      ctx,
    )) as FrameNode;
    const center = figma.viewport.center;
    frame.x = Math.round(center.x - frame.width / 2);
    frame.y = Math.round(center.y - frame.height / 2);
    frame.setRelaunchData({ edit: 'Edit this journey map in the panel' });
    const text = writeMapData(frame, map, 1, canvas, render);
    appendHistory(frame, 1, map, 'new');
    rememberDrawn(map, render, spec, record, text, canvas);
  } catch (e) {
    // Never leave half a map behind.
    if (placed && !placed.removed) placed.remove();
    throw e;
  } finally {
    stopRecording();
  }
  figma.currentPage.selection = [frame];
  figma.viewport.scrollAndZoomIntoView([frame]);
  const warnings = fontWarnings(loaded).concat(variableWarnings);
  return { frame, map, revision: 1, canvas, stats: ctx.stats, warnings: warnings.concat(ctx.warnings) };
}

export interface UpdateOptions {
  /** The revision the panel's map is based on; another revision on the canvas is a conflict. */
  baseRevision?: number;
  /**
   * The canvas fingerprint the panel last saw (from a read, create or update). Canvas edits
   * since the last write are no conflict when the panel had read them: its map includes them.
   */
  baseCanvas?: string;
  /** Overwrite: the canvas ends up exactly as a create of this map would draw it. */
  force?: boolean;
  /** Told how many layers are done, now and then during long work (progress.ts). */
  onProgress?: ProgressReport;
}

export async function updateMap(frame: FrameNode, map: JourneyMap, options: UpdateOptions = {}): Promise<MapOpResult> {
  if ((frame as BaseNode).type === 'INSTANCE') {
    throw new UserFacingError(
      'invalid',
      'This map is an instance of a component: its layers cannot be added or removed. Update the main component, or detach the instance first.',
    );
  }
  // With dynamic-page, a map on another page must have its page loaded before its children are touched.
  await pageOf(frame)?.loadAsync();
  migrateLegacyMap(frame);
  adoptCopiedMap(frame);
  const stored = readMapData(frame);
  if (stored && stored.format > FORMAT_VERSION) {
    throw new UserFacingError(
      'invalid',
      `This map was saved by a newer version of the plugin (format ${stored.format}; this one reads up to ${FORMAT_VERSION}). Update the plugin; the map was not changed.`,
    );
  }
  // What this run drew last, if the frame still stores it (an Undo puts back the stored map too).
  const known = stored && lastDrawn?.text === stored.text ? lastDrawn : undefined;
  // The tags that operation recorded, unless a tag was written since outside any operation. Used
  // once: a failed update below writes tags no record knows.
  const tags = known?.tags?.token === unrecordedToken() ? known.tags.record : undefined;
  if (lastDrawn) lastDrawn.tags = undefined;
  const record = recordTags(tags);
  try {
    return await updateIndexed(frame, map, options, stored, known, tags, record);
  } finally {
    stopRecording();
  }
}

async function updateIndexed(
  frame: FrameNode,
  map: JourneyMap,
  options: UpdateOptions,
  stored: ReturnType<typeof readMapData>,
  known: typeof lastDrawn,
  tags: TagRecord | undefined,
  record: TagRecord,
): Promise<MapOpResult> {
  const revision = stored?.revision ?? 0;
  // One walk of the canvas serves the conflict check, the column widths and the reconciler.
  const ix = new MapIndex(frame, tags);
  // Edited on the canvas since our last write? (No fingerprint stored: we can't tell, so assume so.)
  const previous =
    stored && stored.format <= FORMAT_VERSION
      ? known
        ? ({ ok: true, value: known.map } as const)
        : normaliseMap(stored.data)
      : undefined;
  let current = '';
  if (stored?.canvas) {
    const read = readMap(frame, ix, stored, previous);
    // Read back as exactly the map stored (readMap then returns that very object): its fingerprint is known.
    current = !read.ok ? '' : known && read.map === known.map ? known.canvas : fingerprint(read.map);
  }
  // A map stored in an older format was fingerprinted as that format read back; if the canvas then
  // read back as exactly the stored map, it reads back now as that map migrated.
  const storedCanvas =
    stored?.canvas && stored.format < FORMAT_VERSION && previous?.ok && stored.canvas === fingerprint(stored.data)
      ? fingerprint(previous.value)
      : stored?.canvas;
  const edited = !storedCanvas || storedCanvas !== current;
  if (!options.force) {
    if (options.baseRevision !== undefined && options.baseRevision !== revision) {
      throw new UserFacingError(
        'conflict',
        `This map was updated since the panel last read it (revision ${revision}, yours is ${options.baseRevision}). Reload or overwrite.`,
      );
    }
    if (storedCanvas && edited && options.baseCanvas !== current) {
      throw new UserFacingError(
        'conflict',
        'This map was edited on the canvas since the panel last read or updated it. Reload or overwrite.',
      );
    }
  }
  const loaded = await loadMapFonts(map.theme?.font);
  const { fonts } = loaded;
  const render = renderOptions(fonts, canvasColumnWidths(ix), stored?.render?.scheme);
  const {
    spec,
    total,
    warnings: variableWarnings,
  } = await drawWithVariables(map, render, checkSize, stored?.render?.variables);
  // What was drawn last: the stored map with the options it was drawn with (reconcile.ts trusts
  // it node by node, where the hash stored on the node agrees).
  // (Maps stored before render options were recorded: the canvas's own widths are the best guess.)
  const drawnWith = stored?.render ? { ...stored.render, fonts: stored.render.fonts ?? fonts } : render;
  const before =
    known && known.render === JSON.stringify(drawnWith)
      ? known.spec
      : previous && previous.ok
        ? drawSpec(previous.value, drawnWith)
        : undefined;
  // No stored map to put back after a failure (damaged, or never stored): the canvas as it reads
  // back now, drawn with its own widths, is what there is. Read before anything is written.
  const readBack = before ? undefined : readMap(frame, ix, stored);
  const ctx = newContext(() => frame);
  // What we wrote last no longer says what the canvas shows: compare content with the canvas itself.
  ctx.checkCanvas = edited || options.force;
  if (options.onProgress) ctx.progress = new Progress(total, options.onProgress);
  try {
    // The root keeps its place, id and parent: `place` does nothing for it.
    await reconcileNode(spec, ix.root, {}, () => undefined, ctx, before ? [before] : []);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Put the map back the way the stored data (or the read-back) describes it, so no half-updated
    // map is left. Designer nodes already moved to the holding area stay there: moved, never lost.
    let putBack = false;
    try {
      // A read-back is drawn in its own theme's fonts, not in those the failed update asked for.
      const back =
        before ??
        (readBack?.ok
          ? drawSpec(readBack.map, { ...render, fonts: (await loadMapFonts(readBack.map.theme?.font)).fonts })
          : undefined);
      if (back) {
        const undo = newContext(() => frame);
        // Put back from a read-back: nothing says what each node held, so compare with the canvas.
        undo.checkCanvas = !before;
        await reconcileNode(back, new MapIndex(frame).root, {}, () => undefined, undo, [spec, back]);
        putBack = true;
      }
    } catch {
      /* the original error is the one worth reporting */
    }
    throw new Error(`${message} (${putBack ? 'the map was put back as it was' : 'press Undo to put the map back'})`, {
      cause: e,
    });
  }
  const canvas = canvasAfterWrite(map);
  const { created, updated, removed } = ctx.stats;
  // Nothing drawn differs and the frame already stores this very map: a no-op keeps its revision.
  const same = !created && !updated && !removed && storedAlready(frame, stored, map, canvas, render);
  const next = same ? revision : revision + 1;
  const text = same && stored ? stored.text : writeMapData(frame, map, next, canvas, render, stored);
  if (!same) appendHistory(frame, next, map, previous?.ok ? previous.value : undefined);
  rememberDrawn(map, render, spec, record, text, canvas);
  const warnings = fontWarnings(loaded).concat(variableWarnings);
  return { frame, map, revision: next, canvas, stats: ctx.stats, warnings: warnings.concat(ctx.warnings) };
}
