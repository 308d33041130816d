/**
 * The sandbox entry: wiring of menu commands and panel messages to the map
 * operations in src/figma/. Every handler is wrapped so that no exception
 * escapes: the panel gets an `error` message and the user a notification.
 */
import './zod-jitless'; // first: before any schema is built
import { toastText } from './toast-text';
import { describeIssues, normaliseMap, type MapIssue } from './model';
import { createMap, updateMap, UserFacingError, type MapOpResult } from './figma/map-ops';
import { fingerprint } from './figma/storage';
import { readMap } from './figma/read-map';
import { fontFamilies } from './figma/fonts';
import { findMapFrame, pageOf } from './figma/tree';
import { adoptCopiedMap } from './figma/tags';
import { migrateLegacyMap } from './figma/legacy';
import { TEMPLATES } from './templates';
import { PluginToUiSchema, UiToPluginSchema, type PluginToUi, type UiToPlugin } from './protocol';
import type { JourneyMap } from './model';
import { diffMaps } from './model/diff';
import { readMapData } from './figma/storage';
import { MAX_VERSIONS, deleteVersion, listVersions, loadVersion, readHistory, saveVersion } from './figma/versions';
import { drawComparison } from './figma/compare-frame';
import { setVariableMode, variableModes } from './figma/variables';
import { createBoard, findBoard, updateBoard } from './figjam/board';
import { readBoard } from './figjam/read-board';

/** FigJam: the map is a workshop board of FigJam's own nodes (src/figjam/). */
const inFigJam = () => figma.editorType === 'figjam';

const DRAFT_KEY = 'draft';
/** The draft could not be saved once this session: say so once, not on every autosave. */
let draftSaveFailed = false;
/** The map to load into the panel when it reports `ready` (set by the relaunch button). */
let editOnReady: string | undefined;
const UI_SIZE = { width: 440, height: 680 };

/** Outgoing messages are checked like incoming ones: the panel relies on their shape. */
function post(msg: PluginToUi): void {
  figma.ui.postMessage(PluginToUiSchema.parse(msg));
}

function toast(message: string, options?: NotificationOptions): void {
  figma.notify(toastText(message), options);
}

function fail(
  code: 'invalid' | 'conflict' | 'not-found' | 'storage' | 'internal',
  message: string,
  issues: MapIssue[] = [],
  requestId?: string,
): void {
  post({ type: 'error', code, message, issues, requestId });
  toast(issues.length ? `${message} ${describeIssues(issues, 1)}` : message, { error: true });
}

/** Progress of a long create or update goes to the panel, which shows a bar with the count. */
function reporter(requestId?: string) {
  return (done: number, total: number) => post({ type: 'progress', requestId, done, total });
}

/** Warnings go to the panel in the reply (in full); the bar says how many there are. */
function warn(warnings: string[]): void {
  if (warnings.length === 1) toast(warnings[0], { timeout: 8000 });
  else if (warnings.length > 1) toast(`${warnings.length} warnings: see the panel. ${warnings[0]}`, { timeout: 8000 });
}

/** The map frame with this id, or the one containing the current selection. */
async function targetFrame(nodeId?: string): Promise<FrameNode | undefined> {
  let frame: FrameNode | undefined;
  if (nodeId) frame = findMapFrame(await figma.getNodeByIdAsync(nodeId));
  else frame = figma.currentPage.selection.map(findMapFrame).find((f) => f !== undefined);
  // With dynamic-page, a map on another page needs its page loaded before its children are read.
  if (frame) {
    await pageOf(frame)?.loadAsync();
    migrateLegacyMap(frame);
    adoptCopiedMap(frame);
  }
  return frame;
}

/** The board section with this id, or the one containing the current selection (FigJam). */
async function targetBoard(nodeId?: string): Promise<SectionNode | undefined> {
  const board = nodeId
    ? findBoard(await figma.getNodeByIdAsync(nodeId))
    : figma.currentPage.selection.map(findBoard).find((b) => b !== undefined);
  // A board someone duplicated becomes a board of its own, as a copied map does.
  if (board) adoptCopiedMap(board);
  return board;
}

function selectedMaps(): Array<{ nodeId: string; title: string }> {
  const seen = new Map<string, string>();
  for (const node of figma.currentPage.selection) {
    const frame = inFigJam() ? findBoard(node) : findMapFrame(node);
    if (frame && !seen.has(frame.id)) seen.set(frame.id, frame.name);
  }
  return [...seen].map(([nodeId, title]) => ({ nodeId, title }));
}

/** The map's variable modes for the panel, when it uses variables. */
async function modesOf(frame: FrameNode, map: JourneyMap) {
  return map.theme?.variables ? await variableModes(frame) : undefined;
}

/** The reply to a read, from a map or a board: what the panel now knows of the canvas (an update based on it is no conflict). */
function postRead(
  requestId: string | undefined,
  nodeId: string,
  read: { map: JourneyMap; revision: number; warnings: string[] },
  extra: { ignored?: number; variables?: Awaited<ReturnType<typeof modesOf>> },
): void {
  warn(read.warnings);
  const { map, revision, warnings } = read;
  post({ type: 'map', requestId, nodeId, canvas: fingerprint(map), map, revision, warnings, ...extra });
}

function validMap(raw: unknown, requestId?: string) {
  const result = normaliseMap(raw);
  if (!result.ok) fail('invalid', 'The map has errors; nothing was changed on the canvas.', result.issues, requestId);
  return result.ok ? result.value : undefined;
}

/** What a create or update reply carries of its result. */
function pick(r: { canvas: string; map: JourneyMap; revision: number; warnings: string[] }) {
  return { canvas: r.canvas, map: r.map, revision: r.revision, warnings: r.warnings };
}

function finished(result: Pick<MapOpResult, 'warnings'>): void {
  // One undo step per action: Cmd+Z takes back the whole create or update.
  figma.commitUndo();
  warn(result.warnings);
}

async function handle(msg: UiToPlugin): Promise<void> {
  const requestId = msg.requestId;
  switch (msg.type) {
    case 'ready': {
      post({ type: 'editor', editor: inFigJam() ? 'figjam' : 'figma' });
      const draft = await figma.clientStorage.getAsync(DRAFT_KEY);
      post({ type: 'draft', draft });
      post({ type: 'selection', maps: selectedMaps() });
      // Opened from a map's "Edit journey map" button: load that map once the panel listens.
      if (editOnReady) {
        const nodeId = editOnReady;
        editOnReady = undefined;
        await handle({ type: 'read', nodeId });
      }
      return;
    }
    case 'create': {
      const map = validMap(msg.map, requestId);
      if (!map) return;
      if (inFigJam()) {
        const board = await createBoard(map);
        finished(board);
        post({ type: 'created', requestId, nodeId: board.section.id, ...pick(board) });
        if (!board.warnings.length) toast(`Created “${map.title}” as a workshop board`);
        return;
      }
      const result = await createMap(map, { onProgress: reporter(requestId), scheme: msg.scheme });
      finished(result);
      post({
        type: 'created',
        requestId,
        nodeId: result.frame.id,
        canvas: result.canvas,
        map: result.map,
        revision: result.revision,
        warnings: result.warnings,
        variables: await modesOf(result.frame, result.map),
      });
      if (!result.warnings.length) toast(`Created “${map.title}”`);
      return;
    }
    case 'update': {
      const map = validMap(msg.map, requestId);
      if (!map) return;
      if (inFigJam()) {
        const section = await targetBoard(msg.nodeId);
        if (!section)
          return fail('not-found', 'That board is no longer on the canvas. Create it again.', [], requestId);
        const board = await updateBoard(section, map, {
          baseRevision: msg.baseRevision,
          baseCanvas: msg.baseCanvas,
          force: msg.force,
        });
        finished(board);
        post({ type: 'updated', requestId, nodeId: section.id, stats: board.stats, ...pick(board) });
        const { created, removed, kept } = board.stats;
        if (!board.warnings.length)
          toast(`Updated the board: ${created} stickies added, ${removed} removed, ${kept} kept`);
        return;
      }
      const frame = await targetFrame(msg.nodeId);
      if (!frame)
        return fail(
          'not-found',
          'That journey map is no longer on the canvas. Create it again, or select another map.',
          [],
          requestId,
        );
      const result = await updateMap(frame, map, {
        baseRevision: msg.baseRevision,
        baseCanvas: msg.baseCanvas,
        force: msg.force,
        onProgress: reporter(requestId),
      });
      finished(result);
      post({
        type: 'updated',
        requestId,
        nodeId: frame.id,
        canvas: result.canvas,
        stats: result.stats,
        map: result.map,
        revision: result.revision,
        warnings: result.warnings,
        variables: await modesOf(result.frame, result.map),
      });
      const { created, updated, removed } = result.stats;
      if (!result.warnings.length)
        toast(
          created + updated + removed
            ? `Updated: ${updated} changed, ${created} added, ${removed} removed`
            : `“${map.title}” was already up to date`,
        );
      return;
    }
    case 'read': {
      if (inFigJam()) {
        const section = await targetBoard(msg.nodeId);
        if (!section) return fail('not-found', 'Select a journey map board first.', [], requestId);
        const board = readBoard(section);
        if (!board.ok) return fail('invalid', board.message, board.issues, requestId);
        return postRead(requestId, section.id, board, { ignored: board.ignored });
      }
      const frame = await targetFrame(msg.nodeId);
      if (!frame)
        return fail(
          'not-found',
          msg.nodeId ? 'That journey map is no longer on the canvas.' : 'Select a journey map on the canvas first.',
          [],
          requestId,
        );
      const result = readMap(frame);
      if (!result.ok) return fail('invalid', result.message, result.issues, requestId);
      return postRead(requestId, frame.id, result, { variables: await modesOf(frame, result.map) });
    }
    case 'set-variable-mode': {
      const frame = await targetFrame(msg.nodeId);
      if (!frame) return fail('not-found', 'That journey map is no longer on the canvas.', [], requestId);
      if (!(await setVariableMode(frame, msg.mode)))
        return fail(
          'invalid',
          `This file's “Journey map” variables have no ${msg.mode} mode (a second mode needs a paid Figma plan). Nothing was changed.`,
          [],
          requestId,
        );
      figma.commitUndo();
      const variables = await variableModes(frame);
      if (variables) post({ type: 'variable-modes', requestId, nodeId: frame.id, variables });
      return toast(`“${frame.name}” shows its ${msg.mode} colours`);
    }
    case 'get-variable-modes': {
      // Read only: no migration or adoption of a copy here, as for a map the user acts on.
      const frame = inFigJam() ? undefined : findMapFrame(await figma.getNodeByIdAsync(msg.nodeId));
      const variables = frame && (await variableModes(frame));
      if (frame && variables) post({ type: 'variable-modes', requestId, nodeId: frame.id, variables });
      return;
    }
    case 'save-draft':
      try {
        await figma.clientStorage.setAsync(DRAFT_KEY, msg.draft);
        draftSaveFailed = false;
      } catch {
        // clientStorage holds 5 MB per plugin. The panel keeps the draft in memory; say so once.
        if (!draftSaveFailed)
          fail(
            'storage',
            'Your draft could not be saved in Figma (its storage is full). It stays in this panel until you close it.',
            [],
            requestId,
          );
        draftSaveFailed = true;
      }
      return;
    case 'resize':
      figma.ui.resize(Math.round(msg.width), Math.round(msg.height));
      return;
    case 'notify':
      toast(msg.message);
      return;
    case 'list-fonts':
      post({ type: 'fonts', requestId, families: await fontFamilies() });
      return;
    case 'list-versions':
    case 'save-version':
    case 'delete-version':
    case 'load-version':
    case 'compare':
    case 'draw-comparison':
      return handleVersions(msg);
  }
}

type VersionMessage = Extract<
  UiToPlugin,
  { type: 'list-versions' | 'save-version' | 'delete-version' | 'load-version' | 'compare' | 'draw-comparison' }
>;

/** Versions, history and comparisons of one map (src/figma/versions.ts, compare-frame.ts). */
async function handleVersions(msg: VersionMessage): Promise<void> {
  const requestId = msg.requestId;
  const frame = inFigJam() ? await targetBoard(msg.nodeId) : await targetFrame(msg.nodeId);
  if (!frame) return fail('not-found', 'That journey map is no longer on the canvas.', [], requestId);
  const nodeId = frame.id;
  const refused = (r: { code: 'invalid' | 'not-found'; message: string; issues?: MapIssue[] }) =>
    fail(r.code, r.message, r.issues, requestId);
  const listed = (saved?: string) =>
    post({
      type: 'versions',
      requestId,
      nodeId,
      versions: listVersions(frame),
      history: readHistory(frame),
      max: MAX_VERSIONS,
      saved,
    });
  /** The current data: the panel's map when it sent one, else the map as the canvas shows it. */
  const current = (raw: unknown): JourneyMap | undefined => {
    if (raw !== undefined) return validMap(raw, requestId);
    const read = frame.type === 'SECTION' ? readBoard(frame) : readMap(frame);
    if (!read.ok) fail('invalid', read.message, read.issues, requestId);
    return read.ok ? read.map : undefined;
  };
  switch (msg.type) {
    case 'list-versions':
      return listed();
    case 'save-version': {
      const map = current(msg.map);
      if (!map) return;
      const saved = saveVersion(frame, msg.name, map, readMapData(frame)?.revision ?? 0);
      if (!saved.ok) return refused(saved);
      listed(saved.version.id);
      return toast(`Saved version “${saved.version.name}”`);
    }
    case 'delete-version': {
      const done = deleteVersion(frame, msg.versionId);
      return done.ok ? listed() : refused(done);
    }
    case 'load-version': {
      const loaded = loadVersion(frame, msg.versionId);
      if (!loaded.ok) return refused(loaded);
      return post({ type: 'version', requestId, nodeId, version: loaded.version, map: loaded.map });
    }
    case 'compare':
    case 'draw-comparison': {
      const versions = listVersions(frame);
      const aId = msg.a ?? versions[versions.length - 1]?.id;
      if (!aId || aId === 'current')
        return fail(
          'not-found',
          aId
            ? 'Compare from a saved version (a), to a version or the current data (b).'
            : 'This map has no saved versions yet: save one to compare with it.',
          [],
          requestId,
        );
      const a = loadVersion(frame, aId);
      if (!a.ok) return refused(a);
      const bSide = msg.b === undefined || msg.b === 'current' ? undefined : loadVersion(frame, msg.b);
      if (bSide && !bSide.ok) return refused(bSide);
      const newer = bSide ? bSide.map : current(msg.map);
      if (!newer) return;
      const sideA = { ...a.version };
      const sideB = bSide
        ? { ...bSide.version }
        : { id: 'current', name: 'Current', revision: readMapData(frame)?.revision ?? 0 };
      const diff = diffMaps(a.map, newer);
      if (msg.type === 'compare') return post({ type: 'comparison', requestId, nodeId, a: sideA, b: sideB, diff });
      if (frame.type === 'SECTION')
        return fail(
          'invalid',
          'Drawing a comparison needs Figma Design; in FigJam, compare in the panel.',
          [],
          requestId,
        );
      const drawn = await drawComparison(frame, a.map, newer, diff, { older: sideA.name, newer: sideB.name });
      figma.commitUndo();
      if (pageOf(frame) === figma.currentPage) figma.viewport.scrollAndZoomIntoView([frame, drawn]);
      post({
        type: 'comparison-drawn',
        requestId,
        nodeId,
        frameId: drawn.id,
        a: sideA,
        b: sideB,
        summary: diff.summary,
      });
      return toast(`Drew the comparison beside “${frame.name}”`);
    }
  }
}

/** A message's `type` as sent, before it is checked. */
const messageType = (raw: unknown): string =>
  typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : 'unknown';

async function onMessage(raw: unknown): Promise<void> {
  const parsed = UiToPluginSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      'invalid',
      `Unknown or malformed message "${messageType(raw)}".`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  try {
    await handle(parsed.data);
  } catch (e) {
    if (e instanceof UserFacingError) return fail(e.code, e.message, [], parsed.data.requestId);
    const message = (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '');
    fail('internal', `Something went wrong: ${message}.`, [], parsed.data.requestId);
  }
}

/**
 * Messages run one at a time, in the order they came. Figma delivers the next message while a
 * handler awaits (fonts, a progress pause): a second Update (a double click) would then index the
 * tree the first is rewriting, and its rollback put back a stale map over the first one's result.
 * Resizing the panel and a toast touch no document, so they never wait behind a long create.
 */
let queue: Promise<void> = Promise.resolve();
function receive(msg: unknown): Promise<void> {
  const type = messageType(msg);
  if (type === 'resize' || type === 'notify') return onMessage(msg);
  // onMessage catches what its handlers throw; the catch here keeps the queue going even if
  // reporting a failure throws too, so one bad message never silences the ones after it.
  return (queue = queue.then(() => onMessage(msg)).catch(() => undefined));
}

async function runCommand(command: string): Promise<void> {
  if (command.startsWith('template:')) {
    const template = TEMPLATES[command.slice('template:'.length)];
    const map = template === undefined ? undefined : normaliseMap(template);
    // A toast dies with the plugin: the outcome goes to closePlugin, which shows it after closing.
    if (!map || !map.ok) return figma.closePlugin(toastText(`Unknown template “${command}”`));
    try {
      const result = inFigJam() ? await createBoard(map.value) : await createMap(map.value);
      figma.commitUndo();
      const note = result.warnings.length ? ` (${result.warnings[0]})` : '';
      return figma.closePlugin(toastText(`Created “${map.value.title}”${note}`));
    } catch (e) {
      return figma.closePlugin(toastText(`Could not create the map: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  // "open", "edit" (relaunch button) and a plain run open the panel.
  figma.showUI(__html__, { width: UI_SIZE.width, height: UI_SIZE.height, themeColors: true, title: 'Journey map' });
  figma.ui.onmessage = (msg: unknown) => receive(msg);
  figma.on('selectionchange', () => post({ type: 'selection', maps: selectedMaps() }));
  if (command === 'edit') editOnReady = (inFigJam() ? await targetBoard() : await targetFrame())?.id;
}

// Returning the promise lets tests await the command; Figma ignores the return value.
figma.on('run', ({ command }: RunEvent) =>
  runCommand(command ?? '').catch((e) => {
    toast(`Journey map: ${e instanceof Error ? e.message : String(e)}`, { error: true });
  }),
);
