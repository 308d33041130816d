/**
 * Create and update a map frame: fonts first, then the reconciler, then the
 * stored data. Everything that can fail for a reason the user can fix
 * (fonts, a missing frame, a conflict) is checked before the first write.
 */
import { FORMAT_VERSION, LIMITS, normaliseMap, type JourneyMap } from '../model';
import type { NodeSpec } from '../layout/spec';
import { buildMapSpec } from '../layout/map-spec';
import { loadMapFonts } from './fonts';
import { readMap, canvasColumnWidths } from './read-map';
import { reconcileNode, type ReconcileContext, type ReconcileStats } from './reconcile';
import { fingerprint, readMapData, writeMapData } from './storage';
import { adoptCopiedMap, writeTag } from './tags';
import { migrateLegacyMap } from './legacy';
import { pageOf } from './tree';
import { getData } from './node-data';

export class UserFacingError extends Error {
  constructor(
    readonly code: 'invalid' | 'conflict' | 'not-found',
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** Layers a spec tree would put on the canvas. */
function countNodes(spec: NodeSpec): number {
  return 1 + (spec.children ?? []).reduce((n, c) => n + countNodes(c), 0);
}

/** Refuse a map too big to draw, before anything is written. */
function checkSize(spec: NodeSpec): void {
  const n = countNodes(spec);
  if (n > LIMITS.totalNodes) {
    throw new UserFacingError(
      'invalid',
      `This map would need ${n.toLocaleString('en')} layers; the limit is ${LIMITS.totalNodes.toLocaleString('en')}. Use fewer stages, lanes or cards. Nothing was changed.`,
    );
  }
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
      holding = map.children.find((c): c is FrameNode => c.type === 'FRAME' && getData(c, 'role') === 'holding');
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
        writeTag(holding, 'holding', { role: 'holding' });
      }
      return holding;
    },
  };
}

/**
 * Read-back of the canvas as it is now, as a fingerprint ('' when unreadable). A `read` reply
 * gives `fingerprint(readMap(frame).map)`, the same value, from the read it already made.
 */
function canvasFingerprint(frame: FrameNode): string {
  const r = readMap(frame);
  return r.ok ? fingerprint(r.map) : '';
}

/**
 * Store the map, then what read-back gives for it, so a later canvas edit can
 * be told apart from our own writes. Read-back uses the stored map (lane
 * kinds, tones, meta), hence the order.
 */
function saveMap(frame: FrameNode, map: JourneyMap, revision: number): string {
  writeMapData(frame, map, revision, '');
  const canvas = canvasFingerprint(frame);
  writeMapData(frame, map, revision, canvas);
  return canvas;
}

export async function createMap(
  map: JourneyMap,
  options: { columnWidth?: number; columnWidths?: Record<string, number> } = {},
): Promise<MapOpResult> {
  const { fonts, substitutions } = await loadMapFonts();
  const spec = buildMapSpec(map, { fonts, ...options });
  checkSize(spec);
  let frame: FrameNode | undefined;
  let canvas: string;
  const ctx = newContext(() => frame!);
  try {
    frame = (await reconcileNode(spec, undefined, (n) => figma.currentPage.appendChild(n), ctx)) as FrameNode;
    const center = figma.viewport.center;
    frame.x = Math.round(center.x - frame.width / 2);
    frame.y = Math.round(center.y - frame.height / 2);
    frame.setRelaunchData({ edit: 'Edit this journey map in the panel' });
    canvas = saveMap(frame, map, 1);
  } catch (e) {
    // Never leave half a map behind.
    if (frame && !frame.removed) frame.remove();
    throw e;
  }
  figma.currentPage.selection = [frame];
  figma.viewport.scrollAndZoomIntoView([frame]);
  const warnings = substitutions.length ? [`Inter is not available; used ${substitutions.join(', ')}`] : [];
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
  const revision = stored?.revision ?? 0;
  // Edited on the canvas since our last write? (No fingerprint stored: we can't tell, so assume so.)
  const current = stored?.canvas ? canvasFingerprint(frame) : '';
  const edited = !stored?.canvas || stored.canvas !== current;
  if (!options.force) {
    if (options.baseRevision !== undefined && options.baseRevision !== revision) {
      throw new UserFacingError(
        'conflict',
        `This map was updated since the panel last read it (revision ${revision}, yours is ${options.baseRevision}). Reload or overwrite.`,
      );
    }
    if (stored?.canvas && edited && options.baseCanvas !== current) {
      throw new UserFacingError(
        'conflict',
        'This map was edited on the canvas since the panel last read or updated it. Reload or overwrite.',
      );
    }
  }
  const { fonts, substitutions } = await loadMapFonts();
  const columns = canvasColumnWidths(frame);
  const spec = buildMapSpec(map, { fonts, ...columns });
  checkSize(spec);
  const ctx = newContext(() => frame);
  // What we wrote last no longer says what the canvas shows: compare content with the canvas itself.
  ctx.checkCanvas = edited || options.force;
  try {
    // The root keeps its place, id and parent: `place` does nothing for it.
    await reconcileNode(spec, frame, () => undefined, ctx);
  } catch (e) {
    // Put the map back the way the stored data describes it, so no half-updated map is left.
    // Designer nodes already moved to the holding area stay there: moved, never lost.
    const previous = stored && normaliseMap(stored.data);
    if (previous && previous.ok) {
      try {
        await reconcileNode(
          buildMapSpec(previous.value, { fonts, ...columns }),
          frame,
          () => undefined,
          newContext(() => frame),
        );
      } catch {
        /* the original error is the one worth reporting */
      }
    }
    throw new Error(`${e instanceof Error ? e.message : String(e)} (the map was put back as it was)`, { cause: e });
  }
  const next = revision + 1;
  const canvas = saveMap(frame, map, next);
  const warnings = substitutions.length ? [`Inter is not available; used ${substitutions.join(', ')}`] : [];
  return { frame, map, revision: next, canvas, stats: ctx.stats, warnings: warnings.concat(ctx.warnings) };
}
