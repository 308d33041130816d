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
import { findMapFrame, pageOf } from './figma/tree';
import { adoptCopiedMap } from './figma/tags';
import { migrateLegacyMap } from './figma/legacy';
import { TEMPLATES } from './templates';
import { PluginToUiSchema, UiToPluginSchema, type PluginToUi, type UiToPlugin } from './protocol';

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

function selectedMaps(): Array<{ nodeId: string; title: string }> {
  const seen = new Map<string, string>();
  for (const node of figma.currentPage.selection) {
    const frame = findMapFrame(node);
    if (frame && !seen.has(frame.id)) seen.set(frame.id, frame.name);
  }
  return [...seen].map(([nodeId, title]) => ({ nodeId, title }));
}

function validMap(raw: unknown, requestId?: string) {
  const result = normaliseMap(raw);
  if (!result.ok) fail('invalid', 'The map has errors; nothing was changed on the canvas.', result.issues, requestId);
  return result.ok ? result.value : undefined;
}

function finished(result: MapOpResult): void {
  // One undo step per action: Cmd+Z takes back the whole create or update.
  figma.commitUndo();
  warn(result.warnings);
}

async function handle(msg: UiToPlugin): Promise<void> {
  const requestId = msg.requestId;
  switch (msg.type) {
    case 'ready': {
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
      const result = await createMap(map, { onProgress: reporter(requestId) });
      finished(result);
      post({
        type: 'created',
        requestId,
        nodeId: result.frame.id,
        canvas: result.canvas,
        map: result.map,
        revision: result.revision,
        warnings: result.warnings,
      });
      if (!result.warnings.length) toast(`Created “${map.title}”`);
      return;
    }
    case 'update': {
      const map = validMap(msg.map, requestId);
      if (!map) return;
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
      warn(result.warnings);
      post({
        type: 'map',
        requestId,
        nodeId: frame.id,
        // What the panel now knows of the canvas: an update based on it is no conflict.
        canvas: fingerprint(result.map),
        map: result.map,
        revision: result.revision,
        warnings: result.warnings,
      });
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
  }
}

async function onMessage(raw: unknown): Promise<void> {
  const parsed = UiToPluginSchema.safeParse(raw);
  if (!parsed.success) {
    const type =
      typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : 'unknown';
    return fail(
      'invalid',
      `Unknown or malformed message "${type}".`,
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

async function runCommand(command: string): Promise<void> {
  if (command.startsWith('template:')) {
    const template = TEMPLATES[command.slice('template:'.length)];
    const map = template === undefined ? undefined : normaliseMap(template);
    // A toast dies with the plugin: the outcome goes to closePlugin, which shows it after closing.
    if (!map || !map.ok) return figma.closePlugin(toastText(`Unknown template “${command}”`));
    try {
      const result = await createMap(map.value);
      figma.commitUndo();
      const note = result.warnings.length ? ` (${result.warnings[0]})` : '';
      return figma.closePlugin(toastText(`Created “${map.value.title}”${note}`));
    } catch (e) {
      return figma.closePlugin(toastText(`Could not create the map: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  // "open", "edit" (relaunch button) and a plain run open the panel.
  figma.showUI(__html__, { width: UI_SIZE.width, height: UI_SIZE.height, themeColors: true, title: 'Journey map' });
  figma.ui.onmessage = (msg: unknown) => onMessage(msg);
  figma.on('selectionchange', () => post({ type: 'selection', maps: selectedMaps() }));
  if (command === 'edit') editOnReady = (await targetFrame())?.id;
}

// Returning the promise lets tests await the command; Figma ignores the return value.
figma.on('run', ({ command }: RunEvent) =>
  runCommand(command ?? '').catch((e) => {
    toast(`Journey map: ${e instanceof Error ? e.message : String(e)}`, { error: true });
  }),
);
