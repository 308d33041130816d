/**
 * Nodes of the strict in-memory Figma. Each node is a Proxy over a plain
 * record of properties, so that:
 *  - reading a property the fake does not implement THROWS (a test can never
 *    pass because `undefined` happened to work);
 *  - any use of a removed node throws, as in Figma ("The node … does not exist");
 *  - every property write and mutating call is counted per node.
 * Each strict rule cites where Figma's docs/typings state it.
 */
import { validatePathData } from './paths';

export interface Realm {
  mixed: symbol;
  nextId(): string;
  register(node: FakeNode): void;
  isFontLoaded(font: FontName): boolean;
  fontExists(font: FontName): boolean;
  countWrite(node: FakeNode): void;
  countCreate(): void;
  /** The page that is current: other pages' children need loadAsync under dynamic-page. */
  currentPage(): FakeNode | undefined;
}

const CONTAINERS = new Set(['DOCUMENT', 'PAGE', 'FRAME', 'GROUP', 'COMPONENT', 'INSTANCE']);
/** Keys test frameworks and `await` probe on any object; answering undefined is what a plain object does. */
const INTROSPECTION = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction', 'constructor', 'inspect', 'length']);

const DEFAULTS: Record<string, Record<string, unknown>> = {
  common: { name: '', visible: true, locked: false, opacity: 1, x: 0, y: 0, rotation: 0, layoutPositioning: 'AUTO', layoutAlign: 'INHERIT', layoutGrow: 0, effects: [] },
  geometry: { fills: [], strokes: [], strokeWeight: 1, strokeAlign: 'CENTER', strokeCap: 'NONE', dashPattern: [], cornerRadius: 0 },
  frame: {
    layoutMode: 'NONE',
    itemSpacing: 0,
    counterAxisSpacing: 0,
    layoutWrap: 'NO_WRAP',
    paddingTop: 0,
    paddingRight: 0,
    paddingBottom: 0,
    paddingLeft: 0,
    primaryAxisAlignItems: 'MIN',
    counterAxisAlignItems: 'MIN',
    primaryAxisSizingMode: 'AUTO',
    counterAxisSizingMode: 'FIXED',
    clipsContent: true,
  },
  text: {
    characters: '',
    fontSize: 12,
    lineHeight: { unit: 'AUTO' },
    letterSpacing: { unit: 'PERCENT', value: 0 },
    textAutoResize: 'WIDTH_AND_HEIGHT',
    textAlignHorizontal: 'LEFT',
    textAlignVertical: 'TOP',
    textCase: 'ORIGINAL',
    textDecoration: 'NONE',
  },
  vector: { vectorPaths: [] },
};

/**
 * Text properties that need the text's font(s) loaded before they are written.
 * Figma docs, TextNode / "Working with text": "you must load the font before
 * setting characters, fontSize, fontName, textCase, textDecoration, letterSpacing,
 * lineHeight, …" (fontName needs the NEW font loaded).
 */
const FONT_GATED = new Set(['characters', 'fontSize', 'lineHeight', 'letterSpacing', 'textAutoResize', 'textCase', 'textDecoration', 'textAlignHorizontal', 'textAlignVertical']);
/** Methods that change the document: each call is one counted write. */
const MUTATING = new Set(['createInstance', 'resize', 'resizeWithoutConstraints', 'appendChild', 'insertChild', 'remove', 'setPluginData', 'setSharedPluginData', 'setRelaunchData', 'setRangeFontName']);
const READONLY = new Set(['id', 'type', 'parent', 'children', 'width', 'height', 'removed', 'absoluteBoundingBox', 'absoluteTransform', 'hasMissingFont', 'rotation']);
const PLUGIN_DATA_LIMIT = 100 * 1024;

function fontKey(f: FontName): string {
  return `${f.family}|${f.style}`;
}

function validatePaints(value: unknown, prop: string): ReadonlyArray<Paint> {
  if (!Array.isArray(value)) throw new Error(`in set_${prop}: Expected an array of paints`);
  return Object.freeze(
    value.map((p: SolidPaint) => {
      if (p.type !== 'SOLID') throw new Error(`FakeFigma: paint type ${String(p.type)} is not implemented`);
      for (const ch of ['r', 'g', 'b'] as const) {
        const v = p.color?.[ch];
        // Figma typings: RGB channels are 0..1 (not 0..255); Figma rejects values outside.
        if (typeof v !== 'number' || v < 0 || v > 1) throw new Error(`in set_${prop}: Expected color.${ch} to be a number between 0 and 1, got ${v}`);
      }
      if (p.opacity !== undefined && (p.opacity < 0 || p.opacity > 1)) throw new Error(`in set_${prop}: Expected opacity between 0 and 1`);
      return Object.freeze({ ...p, color: Object.freeze({ ...p.color }) });
    }),
  );
}

export class FakeNode {
  readonly id: string;
  readonly type: string;
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  isRemoved = false;
  props: Record<string, unknown> = {};
  width = 100;
  height = 100;
  /** One FontName per character when part of a text was restyled; undefined when uniform. */
  charFonts: FontName[] | undefined;
  font: FontName = { family: 'Inter', style: 'Regular' };
  pluginData = new Map<string, string>();
  sharedData = new Map<string, Map<string, string>>();
  relaunch: Record<string, string> = {};
  pageLoaded = false;
  selectionList: FakeNode[] = [];
  readonly proxy: FakeNode;

  constructor(
    readonly realm: Realm,
    type: string,
  ) {
    this.type = type;
    this.id = type === 'DOCUMENT' ? '0:0' : realm.nextId();
    if (type !== 'DOCUMENT' && type !== 'PAGE') Object.assign(this.props, DEFAULTS.common);
    if (['FRAME', 'COMPONENT', 'INSTANCE', 'RECTANGLE', 'ELLIPSE', 'VECTOR', 'TEXT'].includes(type)) Object.assign(this.props, DEFAULTS.geometry);
    if (type === 'FRAME' || type === 'COMPONENT' || type === 'INSTANCE') {
      Object.assign(this.props, DEFAULTS.frame);
      // figma.createFrame() returns a frame with a white fill (Figma docs, createFrame).
      this.props.fills = Object.freeze([Object.freeze({ type: 'SOLID', color: Object.freeze({ r: 1, g: 1, b: 1 }) })]);
    }
    if (type === 'TEXT') Object.assign(this.props, DEFAULTS.text);
    if (type === 'VECTOR') Object.assign(this.props, DEFAULTS.vector);
    if (type === 'PAGE') this.props.name = 'Page';
    if (type === 'DOCUMENT') this.props.name = 'Document';
    this.proxy = new Proxy(this, HANDLER) as unknown as FakeNode;
    realm.register(this);
  }

  get isContainer(): boolean {
    return CONTAINERS.has(this.type);
  }

  isAutoLayout(): boolean {
    return (this.type === 'FRAME' || this.type === 'COMPONENT' || this.type === 'INSTANCE') && this.props.layoutMode !== 'NONE';
  }

  assertFontsLoaded(action: string): void {
    const fonts = this.charFonts ?? [this.font];
    for (const f of fonts) {
      if (!this.realm.isFontLoaded(f)) {
        // Figma's message for writes with an unloaded font.
        throw new Error(`in set_${action}: Cannot write to node with unloaded font "${f.family} ${f.style}". Please call figma.loadFontAsync({ family: "${f.family}", style: "${f.style}" }) and await the returned promise first.`);
      }
    }
  }

  // ---- property access -------------------------------------------------------------

  read(prop: string): unknown {
    switch (prop) {
      case 'id':
        return this.id;
      case 'type':
        return this.type;
      case 'removed':
        return this.isRemoved;
      case 'parent':
        return this.parentNode ? this.parentNode.proxy : null;
      case 'width':
        return this.width;
      case 'height':
        return this.height;
      case 'children':
        if (!this.isContainer) break;
        if (this.type === 'PAGE' && this.realm.currentPage() !== this && !this.pageLoaded) {
          // documentAccess: dynamic-page: other pages must be loaded first (Figma docs, PageNode.loadAsync).
          throw new Error('Cannot access children on a page that has not been explicitly loaded. Remember to call await page.loadAsync() first.');
        }
        return Object.freeze(this.childNodes.map((c) => c.proxy));
      case 'selection':
        if (this.type !== 'PAGE') break;
        return Object.freeze(this.selectionList.filter((n) => !n.isRemoved).map((n) => n.proxy));
      case 'fontName':
        if (this.type !== 'TEXT') break;
        if (this.charFonts && new Set(this.charFonts.map(fontKey)).size > 1) return this.realm.mixed;
        return Object.freeze({ ...(this.charFonts?.[0] ?? this.font) });
      case 'hasMissingFont':
        if (this.type !== 'TEXT') break;
        return (this.charFonts ?? [this.font]).some((f) => !this.realm.fontExists(f));
      case 'absoluteBoundingBox': {
        let x = 0;
        let y = 0;
        for (let n: FakeNode | null = this; n && n.type !== 'PAGE'; n = n.parentNode) {
          x += n.props.x as number;
          y += n.props.y as number;
        }
        return { x, y, width: this.width, height: this.height };
      }
      case 'layoutSizingHorizontal':
      case 'layoutSizingVertical':
        if (this.type === 'DOCUMENT' || this.type === 'PAGE') break;
        return this.props[prop] ?? 'FIXED';
    }
    if (prop in this.props) return this.props[prop];
    throw new Error(`FakeFigma: ${this.type.toLowerCase()}.${prop} is not implemented`);
  }

  write(prop: string, value: unknown): void {
    if (READONLY.has(prop)) throw new Error(`Cannot assign to read only property '${prop}' of object`);
    if (this.type === 'PAGE' && prop === 'selection') {
      const nodes = (value as FakeNode[]).map((n) => unwrap(n));
      for (const n of nodes) {
        // Figma: selection can only contain nodes on that page.
        if (n.pageOf() !== this) throw new Error('in set_selection: Node must be on the page');
      }
      this.selectionList = nodes;
      return;
    }
    if (this.type === 'TEXT' && prop === 'fontName') {
      const f = value as FontName;
      if (!this.realm.isFontLoaded(f)) throw new Error(`in set_fontName: Cannot use unloaded font "${f.family} ${f.style}". Please call figma.loadFontAsync first.`);
      this.font = { family: f.family, style: f.style };
      this.charFonts = undefined;
      this.realm.countWrite(this);
      return;
    }
    if (!(prop in this.props) && prop !== 'layoutSizingHorizontal' && prop !== 'layoutSizingVertical') {
      throw new Error(`FakeFigma: setting ${this.type.toLowerCase()}.${prop} is not implemented`);
    }
    if (this.type === 'TEXT' && FONT_GATED.has(prop)) this.assertFontsLoaded(prop);
    switch (prop) {
      case 'fills':
      case 'strokes':
        value = validatePaints(value, prop);
        break;
      case 'opacity':
        if (typeof value !== 'number' || value < 0 || value > 1) throw new Error('in set_opacity: Expected a number between 0 and 1');
        break;
      case 'x':
      case 'y':
      case 'itemSpacing':
      case 'strokeWeight':
      case 'cornerRadius':
      case 'fontSize':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`in set_${prop}: Expected a finite number, got ${String(value)}`);
        if (prop === 'fontSize' && (value as number) < 1) throw new Error('in set_fontSize: Expected >= 1');
        break;
      case 'characters':
        if (typeof value !== 'string') throw new Error('in set_characters: Expected a string');
        // New text takes the style of the first character (Figma docs, TextNode.characters).
        if (this.charFonts) {
          this.font = this.charFonts[0] ?? this.font;
          this.charFonts = undefined;
        }
        break;
      case 'vectorPaths':
        for (const p of value as VectorPaths) validatePathData(p.data);
        value = Object.freeze((value as VectorPaths).map((p) => Object.freeze({ ...p })));
        break;
      case 'layoutMode':
        if (!['NONE', 'HORIZONTAL', 'VERTICAL', 'GRID'].includes(value as string)) throw new Error(`in set_layoutMode: invalid value ${String(value)}`);
        break;
      case 'layoutSizingHorizontal':
      case 'layoutSizingVertical': {
        // Figma docs, layoutSizingHorizontal: '"HUG" is only valid on auto-layout frames and
        // text nodes. "FILL" is only valid on auto-layout children. Setting these values when
        // they don't apply will throw an error.'
        if (value === 'FILL' && !(this.parentNode && this.parentNode.isAutoLayout())) {
          throw new Error(`in set_${prop}: FILL can only be set on children of auto-layout frames`);
        }
        if (value === 'HUG' && !(this.isAutoLayout() || this.type === 'TEXT')) {
          throw new Error(`in set_${prop}: HUG can only be set on auto-layout frames and text nodes`);
        }
        if (!['FIXED', 'HUG', 'FILL'].includes(value as string)) throw new Error(`in set_${prop}: invalid value`);
        if (this.type === 'TEXT' && value === 'HUG' && prop === 'layoutSizingHorizontal') this.props.textAutoResize = 'WIDTH_AND_HEIGHT';
        if (this.type === 'TEXT' && value === 'FILL' && prop === 'layoutSizingHorizontal' && this.props.textAutoResize === 'WIDTH_AND_HEIGHT') this.props.textAutoResize = 'HEIGHT';
        break;
      }
      case 'layoutPositioning':
        // Figma docs, layoutPositioning: only applicable to children of auto-layout frames.
        if (value === 'ABSOLUTE' && !(this.parentNode && this.parentNode.isAutoLayout())) throw new Error('in set_layoutPositioning: node must be a child of an auto-layout frame');
        break;
    }
    this.props[prop] = value;
    this.realm.countWrite(this);
  }

  pageOf(): FakeNode | undefined {
    for (let n: FakeNode | null = this; n; n = n.parentNode) if (n.type === 'PAGE') return n;
    return undefined;
  }

  // ---- methods -----------------------------------------------------------------------

  private methodCache: Record<string, (...args: never[]) => unknown> | undefined;

  methods(): Record<string, (...args: never[]) => unknown> {
    return (this.methodCache ??= this.makeMethods());
  }

  private makeMethods(): Record<string, (...args: never[]) => unknown> {
    const self = this;
    const m: Record<string, (...args: never[]) => unknown> = {
      remove() {
        if (self.type === 'DOCUMENT' || self.type === 'PAGE') throw new Error('Cannot remove the document or a page this way');
        // Figma: layers inside an instance can't be removed or moved, only overridden.
        if (self.insideInstance()) throw new Error('Cannot remove a node inside an instance');
        self.detach();
        self.markRemoved();
      },
      getPluginData(key: string) {
        return self.pluginData.get(key) ?? '';
      },
      setPluginData(key: string, value: string) {
        if (typeof value !== 'string') throw new Error('in setPluginData: Expected value to be a string');
        // Figma docs, setPluginData: "The total size of your entry (pluginId, key, value) cannot exceed 100 kB."
        if (key.length + value.length > PLUGIN_DATA_LIMIT) throw new Error(`in setPluginData: entry "${key}" exceeds the 100 kB limit`);
        if (value === '') self.pluginData.delete(key);
        else self.pluginData.set(key, value);
      },
      getPluginDataKeys() {
        return [...self.pluginData.keys()];
      },
      getSharedPluginData(namespace: string, key: string) {
        checkNamespace(namespace);
        return self.sharedData.get(namespace)?.get(key) ?? '';
      },
      setSharedPluginData(namespace: string, key: string, value: string) {
        checkNamespace(namespace);
        if (typeof value !== 'string') throw new Error('in setSharedPluginData: Expected value to be a string');
        if (key.length + value.length > PLUGIN_DATA_LIMIT) throw new Error(`in setSharedPluginData: entry "${key}" exceeds the 100 kB limit`);
        const ns = self.sharedData.get(namespace) ?? new Map<string, string>();
        if (value === '') ns.delete(key);
        else ns.set(key, value);
        self.sharedData.set(namespace, ns);
      },
      getSharedPluginDataKeys(namespace: string) {
        checkNamespace(namespace);
        return [...(self.sharedData.get(namespace)?.keys() ?? [])];
      },
      setRelaunchData(data: Record<string, string>) {
        for (const [k, v] of Object.entries(data)) if (typeof v !== 'string') throw new Error(`in setRelaunchData: description for "${k}" must be a string`);
        self.relaunch = { ...data };
      },
      getRelaunchData() {
        return { ...self.relaunch };
      },
      findAll(cb?: (n: SceneNode) => boolean) {
        return self.descendants().filter((n) => !cb || cb(n.proxy as unknown as SceneNode)).map((n) => n.proxy);
      },
      findOne(cb: (n: SceneNode) => boolean) {
        return self.descendants().find((n) => cb(n.proxy as unknown as SceneNode))?.proxy ?? null;
      },
      findChildren(cb?: (n: SceneNode) => boolean) {
        return self.childNodes.filter((n) => !cb || cb(n.proxy as unknown as SceneNode)).map((n) => n.proxy);
      },
      findAllWithCriteria(criteria: { types?: string[] }) {
        return self.descendants().filter((n) => !criteria.types || criteria.types.includes(n.type)).map((n) => n.proxy);
      },
      clone() {
        if (self.type === 'PAGE' || self.type === 'DOCUMENT') throw new Error('FakeFigma: cloning pages is not implemented');
        const copy = self.deepCopy();
        // Figma docs, clone(): "the duplicate will be parented under the same parent as the original", right after it.
        const parent = self.parentNode!;
        parent.childNodes.splice(parent.childNodes.indexOf(self) + 1, 0, copy);
        copy.parentNode = parent;
        return copy.proxy;
      },
      resize(w: number, h: number) {
        // Figma docs, resize(): width and height must be >= 0.01.
        if (!(w >= 0.01 && h >= 0.01)) throw new Error(`in resize: Expected width and height >= 0.01, got ${w}×${h}`);
        if (self.type === 'TEXT') self.assertFontsLoaded('resize');
        self.width = w;
        self.height = h;
      },
      resizeWithoutConstraints(w: number, h: number) {
        return m.resize(w as never, h as never);
      },
      appendChild(child: SceneNode) {
        return m.insertChild(self.childNodes.length as never, child as never);
      },
      insertChild(index: number, childProxy: SceneNode) {
        const child = unwrap(childProxy);
        if (child.isRemoved) throw new Error(`The node with id ${child.id} does not exist`);
        if (self.type === 'INSTANCE' || self.insideInstance() || child.insideInstance()) throw new Error('Cannot move node. Node is inside of an instance');
        // Figma docs, insertChild: "Cannot move node. Doing so would create a parenting cycle".
        for (let n: FakeNode | null = self; n; n = n.parentNode) if (n === child) throw new Error('Cannot move node. Doing so would create a parenting cycle');
        if (self.type === 'DOCUMENT' && child.type !== 'PAGE') throw new Error('Cannot move node. The root node cannot have children of type other than PAGE');
        const sameParent = child.parentNode === self;
        const limit = sameParent ? self.childNodes.length - 1 : self.childNodes.length;
        if (!Number.isInteger(index) || index < 0 || index > limit + (sameParent ? 1 : 0)) {
          throw new Error('Cannot insert node at index greater than the number of existing siblings');
        }
        if (sameParent) {
          // Index counts positions in the current list; moving down removes the node first.
          const from = self.childNodes.indexOf(child);
          self.childNodes.splice(from, 1);
          self.childNodes.splice(index > from ? index - 1 : index, 0, child);
          return;
        }
        child.detach();
        self.childNodes.splice(index, 0, child);
        child.parentNode = self;
        // A child leaving an auto-layout parent can't stay FILL (Figma resets it to FIXED).
        if (!self.isAutoLayout()) {
          if (child.props.layoutSizingHorizontal === 'FILL') child.props.layoutSizingHorizontal = 'FIXED';
          if (child.props.layoutSizingVertical === 'FILL') child.props.layoutSizingVertical = 'FIXED';
        }
      },
      getRangeFontName(start: number, end: number) {
        if (self.type !== 'TEXT') throw new Error('not a text node');
        const len = (self.props.characters as string).length;
        if (start < 0 || end > len || start >= end) throw new Error(`in getRangeFontName: invalid range ${start}..${end}`);
        const fonts = (self.charFonts ?? [self.font]).length === 1 && !self.charFonts ? [self.font] : self.charFonts!.slice(start, end);
        const keys = new Set(fonts.map(fontKey));
        return keys.size > 1 ? self.realm.mixed : { ...fonts[0] };
      },
      setRangeFontName(start: number, end: number, font: FontName) {
        if (self.type !== 'TEXT') throw new Error('not a text node');
        if (!self.realm.isFontLoaded(font)) throw new Error(`in setRangeFontName: Cannot use unloaded font "${font.family} ${font.style}"`);
        const len = (self.props.characters as string).length;
        if (start < 0 || end > len || start >= end) throw new Error(`in setRangeFontName: invalid range ${start}..${end}`);
        const fonts = self.charFonts ?? Array.from({ length: len }, () => ({ ...self.font }));
        for (let i = start; i < end; i++) fonts[i] = { family: font.family, style: font.style };
        self.charFonts = fonts;
      },
      createInstance() {
        if (self.type !== 'COMPONENT') throw new Error('FakeFigma: createInstance exists on components only');
        const inst = self.deepCopy();
        (inst as { type: string }).type = 'INSTANCE';
        const parent = self.parentNode!;
        parent.childNodes.push(inst);
        inst.parentNode = parent;
        return inst.proxy;
      },
      loadAsync() {
        if (self.type !== 'PAGE') throw new Error('FakeFigma: loadAsync exists on pages only');
        self.pageLoaded = true;
        return Promise.resolve();
      },
    };
    return m;
  }

  insideInstance(): boolean {
    for (let n = this.parentNode; n; n = n.parentNode) if (n.type === 'INSTANCE') return true;
    return false;
  }

  descendants(): FakeNode[] {
    const out: FakeNode[] = [];
    const walk = (n: FakeNode) => {
      for (const c of n.childNodes) {
        out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }

  detach(): void {
    if (!this.parentNode) return;
    const list = this.parentNode.childNodes;
    list.splice(list.indexOf(this), 1);
    this.parentNode = null;
  }

  markRemoved(): void {
    this.isRemoved = true;
    for (const c of this.childNodes) c.markRemoved();
  }

  deepCopy(): FakeNode {
    const copy = new FakeNode(this.realm, this.type);
    this.realm.countCreate();
    copy.props = { ...this.props };
    copy.width = this.width;
    copy.height = this.height;
    copy.font = { ...this.font };
    copy.charFonts = this.charFonts?.map((f) => ({ ...f }));
    copy.pluginData = new Map(this.pluginData);
    copy.sharedData = new Map([...this.sharedData].map(([k, v]) => [k, new Map(v)]));
    copy.relaunch = { ...this.relaunch };
    for (const c of this.childNodes) {
      const cc = c.deepCopy();
      cc.parentNode = copy;
      copy.childNodes.push(cc);
    }
    return copy;
  }
}

function checkNamespace(ns: string): void {
  // Figma docs, setSharedPluginData: namespace must be at least 3 alphanumeric characters (plus "." "_" "-").
  if (typeof ns !== 'string' || ns.length < 3 || !/^[A-Za-z0-9_.-]+$/.test(ns)) throw new Error(`Invalid namespace "${ns}"`);
}

export function unwrap(node: unknown): FakeNode {
  const raw = (node as { __fake?: FakeNode }).__fake;
  if (!raw) throw new Error('FakeFigma: expected a node created by this fake');
  return raw;
}

const HANDLER: ProxyHandler<FakeNode> = {
  get(target, prop) {
    if (prop === '__fake') return target;
    if (typeof prop === 'symbol') return undefined;
    if (INTROSPECTION.has(prop)) return undefined;
    if (target.isRemoved && prop !== 'removed' && prop !== 'id') {
      // Figma: any access to a removed node throws.
      throw new Error(`The node with id "${target.id}" does not exist`);
    }
    const methods = target.methods();
    if (prop in methods) {
      if (!target.isContainer && (prop === 'appendChild' || prop === 'insertChild' || prop.startsWith('find'))) {
        throw new Error(`FakeFigma: ${target.type.toLowerCase()}.${prop} does not exist (not a container)`);
      }
      if (prop === 'createInstance' && target.type !== 'COMPONENT') throw new Error(`FakeFigma: ${target.type.toLowerCase()}.createInstance does not exist`);
      if (prop === 'loadAsync' && target.type !== 'PAGE') throw new Error(`FakeFigma: ${target.type.toLowerCase()}.loadAsync is not implemented`);
      const fn = methods[prop];
      return (...args: never[]) => {
        if (target.isRemoved && prop !== 'remove') throw new Error(`The node with id "${target.id}" does not exist`);
        const result = fn(...args);
        if (MUTATING.has(prop)) target.realm.countWrite(target);
        return result;
      };
    }
    return target.read(prop);
  },
  set(target, prop, value) {
    if (typeof prop === 'symbol') throw new Error('FakeFigma: symbol properties are not supported');
    if (target.isRemoved) throw new Error(`The node with id "${target.id}" does not exist`);
    target.write(prop, value);
    return true;
  },
  has(target, prop) {
    if (typeof prop === 'symbol') return false;
    if (prop === 'children') return target.isContainer;
    if (prop === 'characters' || prop === 'fontName') return target.type === 'TEXT';
    return prop in target.props || prop in target.methods() || READONLY.has(prop);
  },
};
