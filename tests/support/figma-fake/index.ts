/**
 * A strict in-memory Figma Plugin API, for tests and the preview/dev tools.
 * It implements the part of the API this plugin uses and THROWS where Figma
 * throws (see nodes.ts for node rules), and on anything it does not implement.
 * The manifest uses documentAccess "dynamic-page", so the sync page/node APIs
 * that Figma disables under it throw here too. It lays out auto-layout frames
 * and texts as Figma does (layout.ts), lazily: geometry reads see the result.
 */
import { FakeNode, gone, unwrap, type Realm } from './nodes';
import { layoutDocument } from './layout';
import { makeVariables } from './variables';
import { DESIGN_ONLY, FIGJAM_ONLY, noSuchProperty } from './figjam';

export interface FakeOptions {
  /** Which editor this "Figma" is (figma.editorType): FigJam has its own node types and lacks some APIs (figjam.ts). */
  editorType?: 'figma' | 'figjam';
  /** Fonts that exist in this "Figma"; loadFontAsync rejects any other. */
  fonts?: FontName[];
  /** Viewport centre. */
  viewport?: { x: number; y: number; zoom?: number };
  /**
   * The plugin's id (figma.pluginId). Private plugin data and clientStorage belong to it (typings,
   * setPluginData: "The data is specific to your plugin ID"). Default: the manifest's id.
   */
  pluginId?: string;
  /**
   * Count property writes that leave the value as it was (e.g. a new frame's fills set to what
   * Figma gives it anyway): `stats().unchangedWrites`. Off by default: comparing costs a read.
   */
  countUnchangedWrites?: boolean;
  /** Modes a variable collection may have, the plan's limit (variables.ts): 1, Starter, by default. */
  variableModeLimit?: number;
}

/** Typings, figma.notify: "The message to show. It is limited to 100 characters. Longer messages will be truncated." */
export const NOTIFY_LIMIT = 100;
/**
 * Figma docs, figma.clientStorage: "Each plugin gets a total of 5MB of storage. You can approximate the
 * quota used by a key/value pair by adding the size of the key to the size of the value converted to
 * JSON" (Uint8Array values count their byte length). 1 MB = 1 000 000 B here, the stricter reading.
 */
export const CLIENT_STORAGE_QUOTA = 5_000_000;
export const DEFAULT_PLUGIN_ID = 'journey-map-figma-plugin';

/** A toast as Figma would show it: `shown` is the text on screen, cut to NOTIFY_LIMIT characters. */
export interface FakeToast {
  message: string;
  shown: string;
  options?: NotificationOptions;
}

export interface FakeStats {
  created: number;
  writes: number;
  /** Property reads and non-mutating method calls on nodes (getStyledTextSegments is one read for a whole text). */
  reads: number;
  /** Writes that left the value as it was (counted only with `countUnchangedWrites`). */
  unchangedWrites: number;
  /** The same, by property name. */
  unchangedByProp: Record<string, number>;
  nodesWritten: number;
  writtenIds: Set<string>;
}

export interface FakeFigma {
  figma: PluginAPI;
  stats(): FakeStats;
  resetStats(): void;
  /** Every figma.notify call, in order: `message` as passed, `shown` as Figma displays it (100 characters at most). */
  notifications: FakeToast[];
  /**
   * Toasts still on screen: figma.notify ones not cancelled (timeouts are not modelled) and, after
   * closePlugin(message), that message. closePlugin ends every notify toast (see closePlugin).
   */
  readonly visibleToasts: readonly FakeToast[];
  /** The message passed to figma.closePlugin(message), shown after the plugin closed; undefined if none. */
  readonly closeMessage: string | undefined;
  /** figma.pluginId of this session. */
  readonly pluginId: string;
  /**
   * Run on as another plugin id over the same document (as after publishing, when Figma assigns the
   * real id): private plugin data and clientStorage of other ids become invisible; shared data stays.
   */
  switchPluginId(id: string): void;
  readonly undoCommits: number;
  uiMessages: unknown[];
  /** Called with every message the plugin posts to the UI (after structured clone). */
  onUiMessage(listener: (msg: unknown) => void): void;
  sendToPlugin(msg: unknown): Promise<void>;
  runCommand(command: string, parameters?: unknown): Promise<void>;
  /** Fire figma.on('selectionchange') handlers. Setting page.selection does NOT fire it by itself: tests call this. */
  fireSelectionChange(): void;
  /** The current plugin id's clientStorage contents (values as stored). */
  readonly clientStorage: Map<string, unknown>;
  /** Bytes the current plugin id uses of its CLIENT_STORAGE_QUOTA, measured as the docs say. */
  clientStorageBytes(): number;
  readonly uiVisible: boolean;
  readonly uiOptions: ShowUIOptions | undefined;
  readonly closed: boolean;
  addPage(name: string): PageNode;
  /** Viewport calls, for placement tests. */
  scrolledTo: SceneNode[][];
}

export const DEFAULT_FONTS: FontName[] = [
  { family: 'Inter', style: 'Regular' },
  { family: 'Inter', style: 'Medium' },
  { family: 'Inter', style: 'Semi Bold' },
  { family: 'Inter', style: 'Bold' },
  { family: 'Inter', style: 'Italic' },
  { family: 'Roboto', style: 'Regular' },
];

type Handler = (...args: never[]) => unknown;

function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(t, prop) {
      if (
        typeof prop === 'symbol' ||
        prop === 'then' ||
        prop === 'toJSON' ||
        prop === 'asymmetricMatch' ||
        prop === '$$typeof' ||
        prop === 'nodeType'
      ) {
        return (t as Record<PropertyKey, unknown>)[prop];
      }
      if (!(prop in t)) throw new Error(`FakeFigma: ${name}.${prop} is not implemented`);
      return (t as Record<string, unknown>)[prop];
    },
  });
}

let installed: FakeFigma | undefined;

const utf8 = new TextEncoder();
/** Figma docs, clientStorage: size of the key plus the value as JSON; a Uint8Array counts its bytes. */
function storageBytes(storage: Map<string, unknown>): number {
  let n = 0;
  for (const [k, v] of storage) {
    n += utf8.encode(k).length;
    n += v instanceof Uint8Array ? v.byteLength : utf8.encode(JSON.stringify(v) ?? '').length;
  }
  return n;
}

export function installFakeFigma(options: FakeOptions = {}): FakeFigma {
  const available = new Set((options.fonts ?? DEFAULT_FONTS).map((f) => `${f.family}|${f.style}`));
  const loaded = new Set<string>();
  const registry = new Map<string, FakeNode>();
  let idCounter = 1;
  let created = 0;
  let writes = 0;
  let reads = 0;
  let unchangedWrites = 0;
  let unchangedByProp: Record<string, number> = {};
  let written = new Set<string>();
  let undoCommits = 0;
  let current: FakeNode;
  let uiVisible = false;
  let uiOptions: ShowUIOptions | undefined;
  let closed = false;
  let layoutDirty = true;
  const mixed = Symbol('figma.mixed');
  const handlers = new Map<string, Set<Handler>>();
  const uiHandlers = new Set<Handler>();
  let onmessage: Handler | undefined;
  const uiListeners: Array<(msg: unknown) => void> = [];
  const notifications: FakeToast[] = [];
  let visibleToasts: FakeToast[] = [];
  let closeMessage: string | undefined;
  const uiMessages: unknown[] = [];
  let pluginId = options.pluginId ?? DEFAULT_PLUGIN_ID;
  /** clientStorage per plugin id (Figma docs: "The data is specific to your plugin ID"). */
  const storages = new Map<string, Map<string, unknown>>();
  const storageOf = () => {
    let st = storages.get(pluginId);
    if (!st) storages.set(pluginId, (st = new Map()));
    return st;
  };
  const scrolledTo: SceneNode[][] = [];
  const viewportCenter = { x: options.viewport?.x ?? 0, y: options.viewport?.y ?? 0 };

  const realm: Realm = {
    mixed,
    nextId: () => `${Math.floor(idCounter / 1000) + 1}:${idCounter++ % 1000}`,
    register: (n) => registry.set(n.id, n),
    isFontLoaded: (f) => loaded.has(`${f.family}|${f.style}`),
    fontExists: (f) => available.has(`${f.family}|${f.style}`),
    countWrite: (n) => {
      writes++;
      written.add(n.id);
    },
    countRead: () => void reads++,
    invalidate: () => void (layoutDirty = true),
    layoutDirty: () => layoutDirty,
    flushLayout: () => {
      if (!layoutDirty) return;
      layoutDirty = false;
      layoutDocument(doc);
    },
    pluginId: () => pluginId,
    countCreate: () => void created++,
    currentPage: () => current,
    countUnchanged: options.countUnchangedWrites
      ? (prop) => {
          unchangedWrites++;
          unchangedByProp[prop] = (unchangedByProp[prop] ?? 0) + 1;
        }
      : undefined,
  };

  realm.variables = makeVariables({ modeLimit: options.variableModeLimit }, () => void writes++);
  const doc = new FakeNode(realm, 'DOCUMENT');
  const addPage = (name: string) => {
    const page = new FakeNode(realm, 'PAGE');
    page.props.name = name;
    page.parentNode = doc;
    doc.childNodes.push(page);
    return page;
  };
  current = addPage('Page 1');
  // The page on screen when the plugin starts is loaded ("pages in Figma design files are loaded
  // only as needed", developers.figma.com/docs/plugins/migrating-to-dynamic-loading), and nothing
  // in the docs unloads a page: its children stay readable after setCurrentPageAsync moves away.
  current.pageLoaded = true;

  const create = (type: string) => {
    if (closed) throw new Error('The plugin has been closed');
    const node = new FakeNode(realm, type);
    created++;
    realm.invalidate();
    // Figma docs, createFrame etc.: new nodes are appended to figma.currentPage.
    node.parentNode = current;
    current.childNodes.push(node);
    return node.proxy as unknown;
  };

  const dynamicPage = (api: string, instead: string) => () => {
    // Figma: with "documentAccess": "dynamic-page" in the manifest, the sync APIs throw.
    throw new Error(`in ${api}: Cannot call with documentAccess: dynamic-page. Use ${instead} instead.`);
  };

  const ui = strict('figma.ui', {
    postMessage(msg: unknown) {
      if (!uiVisible && closed) throw new Error('The plugin UI is closed');
      const copy = structuredClone(msg);
      uiMessages.push(copy);
      for (const l of uiListeners) l(copy);
    },
    get onmessage() {
      return onmessage;
    },
    set onmessage(fn: Handler | undefined) {
      onmessage = fn;
    },
    on(event: string, fn: Handler) {
      if (event !== 'message') throw new Error(`FakeFigma: figma.ui.on("${event}") is not implemented`);
      uiHandlers.add(fn);
    },
    off(event: string, fn: Handler) {
      if (event === 'message') uiHandlers.delete(fn);
    },
    resize(w: number, h: number) {
      if (!(w > 0 && h > 0)) throw new Error('in resize: width and height must be positive');
      uiOptions = { ...uiOptions, width: w, height: h };
    },
    show() {
      uiVisible = true;
    },
    hide() {
      uiVisible = false;
    },
    close() {
      uiVisible = false;
    },
  });

  const figmaTarget = {
    apiVersion: '1.0.0',
    // Typings: "The value specified in the `manifest.json` "id" field."
    get pluginId() {
      return pluginId;
    },
    editorType: options.editorType ?? 'figma',
    mode: 'default',
    command: '',
    mixed,
    root: doc.proxy,
    get currentPage() {
      return current.proxy;
    },
    set currentPage(_: unknown) {
      dynamicPage('set_currentPage', 'figma.setCurrentPageAsync')();
    },
    async setCurrentPageAsync(page: PageNode) {
      const raw = unwrap(page);
      if (raw.type !== 'PAGE') throw new Error('in setCurrentPageAsync: Expected a PageNode');
      current = raw;
      current.pageLoaded = true;
      for (const h of handlers.get('currentpagechange') ?? []) h();
    },
    createPage() {
      const page = addPage('Page');
      created++;
      return page.proxy;
    },
    getNodeById: dynamicPage('getNodeById', 'figma.getNodeByIdAsync'),
    async getNodeByIdAsync(id: string) {
      const n = registry.get(id);
      if (!n || n.isRemoved) return null;
      // Nodes not attached to the document (detached subtrees) are not found.
      for (let p: FakeNode | null = n; p; p = p.parentNode) if (p === doc) return n.proxy;
      return null;
    },
    createFrame: () => create('FRAME'),
    createText: () => create('TEXT'),
    variables: realm.variables.api,
    createVector: () => create('VECTOR'),
    createEllipse: () => create('ELLIPSE'),
    createRectangle: () => create('RECTANGLE'),
    // FigJam node types (figjam.ts); a section exists in both editors.
    createSticky: () => create('STICKY'),
    createShapeWithText: () => create('SHAPE_WITH_TEXT'),
    createSection: () => create('SECTION'),
    createComponentFromNode(node: SceneNode) {
      // Converts a frame in place: same children, plugin data and position; a new id.
      const src = unwrap(node);
      if (src.type !== 'FRAME') throw new Error('FakeFigma: createComponentFromNode supports frames only');
      realm.flushLayout();
      const comp = new FakeNode(realm, 'COMPONENT');
      created++;
      comp.props = { ...src.props };
      comp.width = src.width;
      comp.height = src.height;
      comp.pluginData = new Map([...src.pluginData].map(([k, v]) => [k, new Map(v)]));
      comp.sharedData = new Map([...src.sharedData].map(([k, v]) => [k, new Map(v)]));
      comp.relaunch = { ...src.relaunch };
      const parent = src.parentNode!;
      parent.childNodes.splice(parent.childNodes.indexOf(src), 1, comp);
      comp.parentNode = parent;
      comp.childNodes = src.childNodes;
      for (const c of comp.childNodes) c.parentNode = comp;
      src.childNodes = [];
      src.parentNode = null;
      src.isRemoved = true;
      realm.invalidate();
      return comp.proxy;
    },
    group(nodes: SceneNode[], parent: BaseNode & ChildrenMixin, index?: number) {
      // Typings, figma.group: "This list must be non-empty as Figma does not support empty groups."
      if (!Array.isArray(nodes) || !nodes.length)
        throw new Error('in group: First argument must be an array of at least one node');
      const p = unwrap(parent);
      if (p.isRemoved) throw gone('group', p.id);
      if (!p.isContainer || p.type === 'DOCUMENT')
        throw new Error('in group: Second argument must be a node that can have scene children');
      const raws = nodes.map((n) => unwrap(n));
      for (const raw of raws) {
        if (raw.isRemoved) throw gone('group', raw.id);
        if (raw.type === 'PAGE' || raw.type === 'DOCUMENT')
          throw new Error('in group: Cannot group pages or the document');
        for (let a: FakeNode | null = p; a; a = a.parentNode)
          if (a === raw) throw new Error('Cannot move node. Doing so would create a parenting cycle');
      }
      realm.flushLayout(); // grouping keeps absolute positions: the current ones
      const g = new FakeNode(realm, 'GROUP');
      created++;
      realm.invalidate();
      // Typings: grouping keeps the nodes at the same ABSOLUTE x/y (unlike appendChild).
      const absolute = raws.map((raw) => {
        const o = raw.origin();
        const b = raw.bounds();
        return { raw, x: o.x + b.x, y: o.y + b.y };
      });
      for (const raw of raws) raw.detach();
      const at = Math.min(index ?? p.childNodes.length, p.childNodes.length);
      p.childNodes.splice(at, 0, g);
      g.parentNode = p;
      for (const { raw, x, y } of absolute) {
        raw.parentNode = g;
        g.childNodes.push(raw);
        const o = raw.origin();
        const b = raw.bounds();
        if (raw.type === 'GROUP') raw.shiftGroup(x - o.x - b.x, y - o.y - b.y);
        else {
          raw.props.x = x - o.x;
          raw.props.y = y - o.y;
        }
        if (!p.isAutoLayout()) raw.props.layoutPositioning = 'AUTO';
      }
      return g.proxy;
    },
    async loadFontAsync(font: FontName) {
      if (!font || typeof font.family !== 'string')
        throw new Error('in loadFontAsync: Expected a FontName { family, style }');
      // Typings: omitting `style` loads every style of the family.
      if (font.style === undefined) {
        const styles = [...available].filter((k) => k.startsWith(`${font.family}|`));
        if (!styles.length) throw new Error(`The font "${font.family}" could not be loaded`);
        for (const k of styles) loaded.add(k);
        return;
      }
      const key = `${font.family}|${font.style}`;
      // Figma rejects fonts not available to the user with this message (figma/plugin-samples#93).
      if (!available.has(key)) throw new Error(`The font "${font.family} ${font.style}" could not be loaded`);
      loaded.add(key);
    },
    async listAvailableFontsAsync() {
      return [...available].map((k) => {
        const [family, style] = k.split('|');
        return { fontName: { family, style } };
      });
    },
    notify(message: string, opts?: NotificationOptions) {
      // Typings, closePlugin: "Calling figma.closePlugin() disables callbacks and Figma APIs."
      if (closed) throw new Error('in notify: The plugin has been closed');
      if (typeof message !== 'string') throw new Error('in notify: Expected message to be a string');
      const toast: FakeToast = { message, shown: message.slice(0, NOTIFY_LIMIT), options: opts };
      notifications.push(toast);
      visibleToasts.push(toast);
      return {
        cancel() {
          visibleToasts = visibleToasts.filter((t) => t !== toast);
        },
      };
    },
    commitUndo() {
      undoCommits++;
    },
    on(event: string, fn: Handler) {
      if (!['run', 'selectionchange', 'currentpagechange', 'close'].includes(event))
        throw new Error(`FakeFigma: figma.on("${event}") is not implemented`);
      const set = handlers.get(event) ?? new Set<Handler>();
      set.add(fn);
      handlers.set(event, set);
    },
    once(event: string, fn: Handler) {
      const wrapped = ((...args: never[]) => {
        handlers.get(event)?.delete(wrapped);
        return fn(...args);
      }) as Handler;
      figmaApi.on(event, wrapped);
    },
    off(event: string, fn: Handler) {
      handlers.get(event)?.delete(fn);
    },
    showUI(_html: string, opts?: ShowUIOptions) {
      uiVisible = opts?.visible !== false;
      uiOptions = opts;
    },
    ui,
    viewport: strict('figma.viewport', {
      get center() {
        return { ...viewportCenter };
      },
      zoom: options.viewport?.zoom ?? 1,
      get bounds() {
        return { x: viewportCenter.x - 720, y: viewportCenter.y - 450, width: 1440, height: 900 };
      },
      scrollAndZoomIntoView(nodes: SceneNode[]) {
        scrolledTo.push([...nodes]);
      },
    }),
    clientStorage: strict('figma.clientStorage', {
      async getAsync(key: string) {
        const storage = storageOf();
        return storage.has(key) ? structuredClone(storage.get(key)) : undefined;
      },
      async setAsync(key: string, value: unknown) {
        if (typeof key !== 'string') throw new Error('in setAsync: Expected key to be a string');
        const storage = storageOf();
        const copy = structuredClone(value);
        // Typings, setAsync: "The returned promise will resolve if storage is successful, or reject
        // with an error message if storage failed." Over the 5 MB quota it fails.
        const others = storageBytes(new Map([...storage].filter(([k]) => k !== key)));
        const total = others + storageBytes(new Map([[key, copy]]));
        if (total > CLIENT_STORAGE_QUOTA)
          throw new Error(
            `in setAsync: Client storage quota exceeded: storing "${key}" would use ${total} bytes of the 5 MB (${CLIENT_STORAGE_QUOTA} bytes) each plugin gets`,
          );
        storage.set(key, copy);
      },
      async deleteAsync(key: string) {
        storageOf().delete(key);
      },
      async keysAsync() {
        return [...storageOf().keys()];
      },
    }),
    closePlugin(message?: string) {
      if (message !== undefined && typeof message !== 'string')
        throw new Error('in closePlugin: Expected message to be a string');
      closed = true;
      uiVisible = false;
      // Typings, notify: a notification with `timeout: Infinity` shows "indefinitely until the plugin is
      // closed", and one with a button "will be closed automatically when the plugin closes": closing
      // ends every toast the plugin showed. closePlugin(message): "display a visual bell toast with the
      // message after the plugin closes" (cut like notify's, as the same toast shows it).
      visibleToasts = [];
      closeMessage = message;
      if (message) visibleToasts.push({ message, shown: message.slice(0, NOTIFY_LIMIT) });
      for (const h of handlers.get('close') ?? []) h();
    },
  };
  const figmaApi = strict('figma', figmaTarget);

  // An API the editor lacks is absent from `figma`: reading it throws as Figma does (figjam.ts).
  const lacking = options.editorType === 'figjam' ? DESIGN_ONLY : FIGJAM_ONLY;
  for (const name of lacking) {
    Object.defineProperty(figmaTarget, name, {
      get() {
        throw noSuchProperty(name);
      },
      configurable: true,
      enumerable: false,
    });
  }

  const handle: FakeFigma = {
    figma: figmaApi as unknown as PluginAPI,
    stats: () => ({
      created,
      writes,
      reads,
      unchangedWrites,
      unchangedByProp: { ...unchangedByProp },
      nodesWritten: written.size,
      writtenIds: new Set(written),
    }),
    resetStats() {
      created = 0;
      writes = 0;
      reads = 0;
      unchangedWrites = 0;
      unchangedByProp = {};
      written = new Set();
    },
    notifications,
    get visibleToasts() {
      return [...visibleToasts];
    },
    get closeMessage() {
      return closeMessage;
    },
    get pluginId() {
      return pluginId;
    },
    switchPluginId(id: string) {
      if (typeof id !== 'string' || !id) throw new Error('FakeFigma: switchPluginId needs a non-empty id');
      pluginId = id;
    },
    get undoCommits() {
      return undoCommits;
    },
    uiMessages,
    onUiMessage: (l) => void uiListeners.push(l),
    async sendToPlugin(msg: unknown) {
      // Figma delivers panel messages asynchronously, as a structured clone.
      const copy = structuredClone(msg);
      await new Promise((r) => setTimeout(r, 0));
      const targets = [...(onmessage ? [onmessage] : []), ...uiHandlers];
      if (!targets.length) throw new Error('FakeFigma: the plugin has no figma.ui.onmessage handler');
      await Promise.all(
        targets.map((h) => (h as (m: unknown, p: { origin: string }) => unknown)(copy, { origin: 'null' })),
      );
    },
    async runCommand(command: string, parameters?: unknown) {
      (figmaApi as { command: string }).command = command;
      await Promise.all(
        [...(handlers.get('run') ?? [])].map((h) => (h as (e: unknown) => unknown)({ command, parameters })),
      );
    },
    fireSelectionChange() {
      for (const h of handlers.get('selectionchange') ?? []) h();
    },
    get clientStorage() {
      return storageOf();
    },
    clientStorageBytes: () => storageBytes(storageOf()),
    get uiVisible() {
      return uiVisible;
    },
    get uiOptions() {
      return uiOptions;
    },
    get closed() {
      return closed;
    },
    addPage: (name) => addPage(name).proxy as unknown as PageNode,
    scrolledTo,
  };
  (globalThis as Record<string, unknown>).figma = handle.figma;
  (globalThis as Record<string, unknown>).__html__ = '<html><body>panel</body></html>';
  installed = handle;
  return handle;
}

export function uninstallFakeFigma(): void {
  installed = undefined;
  delete (globalThis as Record<string, unknown>).figma;
  delete (globalThis as Record<string, unknown>).__html__;
}

export function currentFake(): FakeFigma | undefined {
  return installed;
}
