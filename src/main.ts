/**
 * The sandbox entry: wiring of menu commands and panel messages to the map
 * operations in src/figma/. Every handler is wrapped so that no exception
 * escapes: the panel gets an `error` message and the user a notification.
 */
import { describeIssues, normaliseMap, type MapIssue } from './model';
import { createMap, updateMap, UserFacingError, type MapOpResult } from './figma/map-ops';
import { readMap } from './figma/read-map';
import { findMapFrame, pageOf } from './figma/tree';
import { adoptCopiedMap } from './figma/tags';
import { TEMPLATES } from './templates';
import { PluginToUiSchema, UiToPluginSchema, type PluginToUi, type UiToPlugin } from './protocol';

const DRAFT_KEY = 'draft';
/** The map to load into the panel when it reports `ready` (set by the relaunch button). */
let editOnReady: string | undefined;
const UI_SIZE = { width: 440, height: 680 };

/** Outgoing messages are checked like incoming ones: the panel relies on their shape. */
function post(msg: PluginToUi): void {
  figma.ui.postMessage(PluginToUiSchema.parse(msg));
}

function fail(
  code: 'invalid' | 'conflict' | 'not-found' | 'internal',
  message: string,
  issues: MapIssue[] = [],
  requestId?: string,
): void {
  post({ type: 'error', code, message, issues, requestId });
  figma.notify(issues.length ? `${message} ${describeIssues(issues, 1)}` : message, { error: true });
}

function warn(warnings: string[]): void {
  if (warnings.length) figma.notify(warnings.join(' · '), { timeout: 8000 });
}

/** The map frame with this id, or the one containing the current selection. */
async function targetFrame(nodeId?: string): Promise<FrameNode | undefined> {
  let frame: FrameNode | undefined;
  if (nodeId) frame = findMapFrame(await figma.getNodeByIdAsync(nodeId));
  else frame = figma.currentPage.selection.map(findMapFrame).find((f) => f !== undefined);
  // With dynamic-page, a map on another page needs its page loaded before its children are read.
  if (frame) {
    await pageOf(frame)?.loadAsync();
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
      const result = await createMap(map);
      finished(result);
      post({ type: 'created', requestId, nodeId: result.frame.id, map: result.map, revision: result.revision });
      figma.notify(`Created “${map.title}”`);
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
      const result = await updateMap(frame, map, { baseRevision: msg.baseRevision, force: msg.force });
      finished(result);
      post({
        type: 'updated',
        requestId,
        nodeId: frame.id,
        stats: result.stats,
        map: result.map,
        revision: result.revision,
      });
      const { created, updated, removed } = result.stats;
      figma.notify(
        created + updated + removed
          ? `Updated “${map.title}”: ${updated} changed, ${created} added, ${removed} removed`
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
        map: result.map,
        revision: result.revision,
        warnings: result.warnings,
      });
      return;
    }
    case 'save-draft':
      await figma.clientStorage.setAsync(DRAFT_KEY, msg.draft);
      return;
    case 'resize':
      figma.ui.resize(Math.round(msg.width), Math.round(msg.height));
      return;
    case 'notify':
      figma.notify(msg.message);
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
    if (!map || !map.ok) {
      figma.notify(`Unknown template “${command}”`, { error: true });
      return figma.closePlugin();
    }
    try {
      const result = await createMap(map.value);
      finished(result);
      figma.notify(`Created “${map.value.title}”. Run the plugin again to edit it.`);
    } catch (e) {
      figma.notify(`Could not create the map: ${e instanceof Error ? e.message : String(e)}`, { error: true });
    }
    return figma.closePlugin();
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
    figma.notify(`Journey map: ${e instanceof Error ? e.message : String(e)}`, { error: true });
  }),
);
