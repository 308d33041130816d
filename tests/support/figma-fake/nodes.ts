/**
 * Nodes of the strict in-memory Figma. Each node is a Proxy over a plain
 * record of properties, so that:
 *  - reading a property the fake does not implement THROWS (a test can never
 *    pass because `undefined` happened to work);
 *  - any use of a removed node throws, as in Figma ("The node … does not exist");
 *  - every property write and mutating call is counted per node.
 * Each strict rule cites where Figma's docs/typings state it.
 */
import { validatePaints } from './paints';
import { validatePathData } from './paths';
import { readSizing, writeSizing } from './sizing';
import { measureTextInPlace } from './layout';
import type { FakeVariables } from './variables';
import {
  FIGJAM_TYPES,
  SHAPE_SIZE,
  STICKY_SIZE,
  checkFigjamWrite,
  figjamDefaults,
  newSublayer,
  sublayerProxy,
  type Sublayer,
} from './figjam';

export interface Realm {
  mixed: symbol;
  nextId(): string;
  register(node: FakeNode): void;
  isFontLoaded(font: FontName): boolean;
  fontExists(font: FontName): boolean;
  countWrite(node: FakeNode): void;
  /** One property read or non-mutating method call on a node. */
  countRead(): void;
  countCreate(): void;
  /** figma.pluginId: private plugin data is kept per plugin id. */
  pluginId(): string;
  /** A write changed something layout depends on: the next geometry read lays the document out again. */
  invalidate(): void;
  layoutDirty(): boolean;
  /** Lay the document out now if anything changed since the last time (see layout.ts). */
  flushLayout(): void;
  /** The page that is current: other pages' children need loadAsync under dynamic-page. */
  currentPage(): FakeNode | undefined;
  /** When set, property writes that leave the value as it was are counted (see FakeOptions). */
  countUnchanged?(prop: string): void;
  /** figma.variables (variables.ts): bound paints resolved on read, explicit modes checked. */
  variables?: FakeVariables;
}

/** Geometry is computed by the layout: comparing it before a write would lay the document out. */
const UNCOMPARED = new Set(['x', 'y', 'width', 'height', 'selection']);

// SECTION: typings, SectionNode extends ChildrenMixin (FigJam and Figma Design; see figjam.ts).
const CONTAINERS = new Set(['DOCUMENT', 'PAGE', 'FRAME', 'GROUP', 'COMPONENT', 'INSTANCE', 'SECTION']);
/** Keys test frameworks and `await` probe on any object; answering undefined is what a plain object does. */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'constructor',
  'inspect',
  'length',
]);

const DEFAULTS: Record<string, Record<string, unknown>> = {
  common: {
    name: '',
    visible: true,
    locked: false,
    opacity: 1,
    x: 0,
    y: 0,
    rotation: 0,
    layoutPositioning: 'AUTO',
    layoutAlign: 'INHERIT',
    layoutGrow: 0,
    effects: [],
  },
  geometry: {
    fills: [],
    strokes: [],
    strokeWeight: 1,
    strokeAlign: 'CENTER',
    strokeCap: 'NONE',
    dashPattern: [],
    cornerRadius: 0,
  },
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
    hyperlink: null,
  },
  vector: { vectorPaths: [] },
};

/**
 * Text properties that need the text's font(s) loaded before they are written.
 * Figma docs, TextNode / "Working with text": "you must load the font before
 * setting characters, fontSize, fontName, textCase, textDecoration, letterSpacing,
 * lineHeight, …" (fontName needs the NEW font loaded).
 */
const FONT_GATED = new Set([
  'characters',
  'fontSize',
  'lineHeight',
  'letterSpacing',
  'textAutoResize',
  'textCase',
  'textDecoration',
  'textAlignHorizontal',
  'textAlignVertical',
  // Typings, setRangeHyperlink is a text style like textDecoration: gated on the font too.
  'hyperlink',
]);
/** Mutating methods after which sizes or positions may change (plugin and relaunch data do not). */
const RELAYOUT = new Set([
  'createInstance',
  'resize',
  'resizeWithoutConstraints',
  'appendChild',
  'insertChild',
  'remove',
  'setRangeFontName',
  'clone',
]);
/** Methods that change the document: each call is one counted write. */
const MUTATING = new Set([
  'createInstance',
  'resize',
  'resizeWithoutConstraints',
  'appendChild',
  'insertChild',
  'remove',
  'setPluginData',
  'setSharedPluginData',
  'setRelaunchData',
  'setRangeFontName',
  'setExplicitVariableModeForCollection',
  'clearExplicitVariableModeForCollection',
]);
const READONLY = new Set([
  'id',
  'type',
  'parent',
  'children',
  'width',
  'height',
  'removed',
  'absoluteBoundingBox',
  'absoluteTransform',
  'hasMissingFont',
]);
/** Typings, setPluginData: "The total size of your entry (pluginId, key, value) cannot exceed 100 kB." Counted in UTF-8 bytes, 1 kB = 1000 B (the stricter reading). */
const PLUGIN_DATA_LIMIT = 100_000;
const utf8 = new TextEncoder();
const entrySize = (...parts: string[]) => parts.reduce((n, s) => n + utf8.encode(s).length, 0);
/** The message Figma gives for any use of a removed node, e.g. 'in get_parent: The node with id "1:91" does not exist'. */
export const gone = (where: string, id: string) => new Error(`in ${where}: The node with id "${id}" does not exist`);

function fontKey(f: FontName): string {
  return `${f.family}|${f.style}`;
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
  /** Private plugin data by plugin id, then key (typings: "The data is specific to your plugin ID"). */
  pluginData = new Map<string, Map<string, string>>();
  sharedData = new Map<string, Map<string, string>>();
  relaunch: Record<string, string> = {};
  pageLoaded = false;
  selectionList: FakeNode[] = [];
  /** Variable mode per collection id, set with setExplicitVariableModeForCollection (variables.ts). */
  explicitModes: Record<string, string> = {};
  /** The `text` of a sticky or a shape with text (figjam.ts). */
  sublayer: Sublayer | undefined;
  readonly proxy: FakeNode;

  constructor(
    readonly realm: Realm,
    type: string,
  ) {
    this.type = type;
    this.id = type === 'DOCUMENT' ? '0:0' : realm.nextId();
    if (type !== 'DOCUMENT' && type !== 'PAGE') Object.assign(this.props, DEFAULTS.common);
    if (['FRAME', 'COMPONENT', 'INSTANCE', 'RECTANGLE', 'ELLIPSE', 'VECTOR', 'TEXT'].includes(type))
      Object.assign(this.props, DEFAULTS.geometry);
    if (type === 'FRAME' || type === 'COMPONENT' || type === 'INSTANCE') {
      Object.assign(this.props, DEFAULTS.frame);
      // figma.createFrame() returns a frame with a white fill (Figma docs, createFrame).
      this.props.fills = Object.freeze([Object.freeze({ type: 'SOLID', color: Object.freeze({ r: 1, g: 1, b: 1 }) })]);
    }
    if (type === 'TEXT') Object.assign(this.props, DEFAULTS.text);
    if (type === 'VECTOR') Object.assign(this.props, DEFAULTS.vector);
    const figjam = figjamDefaults(type);
    if (figjam) Object.assign(this.props, figjam);
    this.sublayer = newSublayer(type);
    if (type === 'STICKY') this.width = this.height = STICKY_SIZE;
    if (type === 'SHAPE_WITH_TEXT') this.width = this.height = SHAPE_SIZE;
    if (type === 'PAGE') this.props.name = 'Page';
    if (type === 'DOCUMENT') this.props.name = 'Document';
    this.proxy = new Proxy(this, HANDLER) as unknown as FakeNode;
    realm.register(this);
  }

  get isContainer(): boolean {
    return CONTAINERS.has(this.type);
  }

  isAutoLayout(): boolean {
    return (
      (this.type === 'FRAME' || this.type === 'COMPONENT' || this.type === 'INSTANCE') &&
      this.props.layoutMode !== 'NONE'
    );
  }

  assertFontsLoaded(action: string, skipMissing = false): void {
    const fonts = this.charFonts ?? [this.font];
    for (const f of fonts) {
      if (skipMissing && !this.realm.fontExists(f)) continue;
      if (!this.realm.isFontLoaded(f)) {
        // Figma's message for writes with an unloaded font.
        throw new Error(
          `in set_${action}: Cannot write to node with unloaded font "${f.family} ${f.style}". Please call figma.loadFontAsync({ family: "${f.family}", style: "${f.style}" }) and await the returned promise first.`,
        );
      }
    }
  }

  // ---- geometry ----------------------------------------------------------------------

  /**
   * Typings (relativeTransform): positions are relative to the containing parent, "not relative
   * to its direct parent if the parent is a group". So a group's x/y/size are the bounds of its
   * children, in the same coordinate space as the children.
   */
  bounds(): { x: number; y: number; width: number; height: number } {
    if (this.type !== 'GROUP')
      return { x: this.props.x as number, y: this.props.y as number, width: this.width, height: this.height };
    const bs = this.childNodes.map((c) => c.bounds());
    if (!bs.length) return { x: 0, y: 0, width: 0, height: 0 };
    const x = Math.min(...bs.map((b) => b.x));
    const y = Math.min(...bs.map((b) => b.y));
    return {
      x,
      y,
      width: Math.max(...bs.map((b) => b.x + b.width)) - x,
      height: Math.max(...bs.map((b) => b.y + b.height)) - y,
    };
  }

  /** Absolute position of the coordinate space this node's x/y are in (groups are skipped). */
  origin(): { x: number; y: number } {
    let x = 0;
    let y = 0;
    for (let n = this.parentNode; n && n.type !== 'PAGE' && n.type !== 'DOCUMENT'; n = n.parentNode) {
      if (n.type === 'GROUP') continue;
      x += n.props.x as number;
      y += n.props.y as number;
    }
    return { x, y };
  }

  /** Move a group by moving its children (a group has no position of its own). */
  shiftGroup(dx: number, dy: number): void {
    for (const c of this.childNodes) {
      if (c.type === 'GROUP') c.shiftGroup(dx, dy);
      else {
        c.props.x = (c.props.x as number) + dx;
        c.props.y = (c.props.y as number) + dy;
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
      case 'x':
      case 'y':
      case 'width':
      case 'height':
        if (this.type === 'DOCUMENT' || this.type === 'PAGE') break;
        this.realm.flushLayout();
        return this.bounds()[prop];
      case 'children':
        if (!this.isContainer) break;
        if (this.type === 'PAGE' && this.realm.currentPage() !== this && !this.pageLoaded) {
          // documentAccess: dynamic-page: other pages must be loaded first (typings, PageNode.loadAsync).
          throw new Error(
            'Cannot access children on a page that has not been explicitly loaded. Remember to call await page.loadAsync() first.',
          );
        }
        return Object.freeze(this.childNodes.map((c) => c.proxy));
      case 'text':
        if (!this.sublayer) break;
        return sublayerProxy(this.sublayerHost());
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
      case 'absoluteBoundingBox':
      case 'absoluteTransform': {
        if (this.type === 'DOCUMENT' || this.type === 'PAGE') break;
        this.realm.flushLayout();
        const o = this.origin();
        const b = this.bounds();
        // Rotation is always 0 here, so the transform is a pure translation.
        if (prop === 'absoluteTransform')
          return Object.freeze([Object.freeze([1, 0, o.x + b.x]), Object.freeze([0, 1, o.y + b.y])]);
        return { x: o.x + b.x, y: o.y + b.y, width: b.width, height: b.height };
      }
      case 'layoutSizingHorizontal':
      case 'layoutSizingVertical':
        if (this.type === 'DOCUMENT' || this.type === 'PAGE' || this.type === 'GROUP') break;
        return readSizing(this, prop === 'layoutSizingHorizontal' ? 'H' : 'V');
    }
    if (prop === 'explicitVariableModes' && this.type !== 'DOCUMENT') return { ...this.explicitModes };
    // A paint bound to a variable reads as the variable's colour in this node's mode (variables.ts).
    if ((prop === 'fills' || prop === 'strokes') && this.realm.variables && Array.isArray(this.props[prop]))
      return this.realm.variables.resolvePaints(this, this.props[prop] as ReadonlyArray<Paint>);
    if (prop in this.props) return this.props[prop];
    throw new Error(`FakeFigma: ${this.type.toLowerCase()}.${prop} is not implemented`);
  }

  write(prop: string, value: unknown): void {
    if (READONLY.has(prop)) throw new TypeError(`Cannot assign to read only property '${prop}' of object`);
    if (prop === 'rotation') throw new Error('FakeFigma: setting rotation is not implemented');
    if (this.type === 'PAGE' && prop === 'selection') {
      const nodes = [...new Set((value as FakeNode[]).map((n) => unwrap(n)))]; // Figma de-duplicates (typings, selection)
      for (const n of nodes) {
        if (n.isRemoved) throw gone('set_selection', n.id);
        // Figma: selection can only contain nodes on that page.
        if (n.pageOf() !== this || n === this) throw new Error('in set_selection: Node must be on the page');
      }
      this.selectionList = nodes;
      return;
    }
    if (this.type === 'TEXT' && prop === 'fontName') {
      const f = value as FontName;
      if (!f || typeof f.family !== 'string' || typeof f.style !== 'string')
        throw new Error('in set_fontName: Expected a FontName { family, style }');
      // Typings, fontName: "Setting this property to a different value requires the new font to be loaded."
      if (!this.realm.isFontLoaded(f)) {
        throw new Error(
          `in set_fontName: Cannot use unloaded font "${f.family} ${f.style}". Please call figma.loadFontAsync({ family: "${f.family}", style: "${f.style}" }) and await the returned promise first.`,
        );
      }
      this.font = { family: f.family, style: f.style };
      this.charFonts = undefined;
      this.realm.countWrite(this);
      this.realm.invalidate();
      return;
    }
    if (prop === 'layoutSizingHorizontal' || prop === 'layoutSizingVertical') {
      if (this.type === 'DOCUMENT' || this.type === 'PAGE' || this.type === 'GROUP')
        throw new Error(`FakeFigma: setting ${this.type.toLowerCase()}.${prop} is not implemented`);
      const axis = prop === 'layoutSizingHorizontal' ? 'H' : 'V';
      // From HUG or FILL to FIXED, the node keeps the size it has now (it stops being computed).
      if (value === 'FIXED' && readSizing(this, axis) !== 'FIXED') this.freezeOwnSize();
      writeSizing(this, prop, axis, value);
      this.realm.countWrite(this);
      this.realm.invalidate();
      return;
    }
    if (prop === 'text' && this.sublayer) throw new TypeError("Cannot assign to read only property 'text' of object"); // typings: readonly text
    if (FIGJAM_TYPES.has(this.type) || this.type === 'SECTION') value = checkFigjamWrite(this.type, prop, value);
    if (!(prop in this.props)) {
      // Figma nodes are not extensible: an unknown property throws ("object is not extensible").
      throw new Error(`FakeFigma: setting ${this.type.toLowerCase()}.${prop} is not implemented`);
    }
    if (this.type === 'TEXT' && FONT_GATED.has(prop)) this.assertFontsLoaded(prop);
    switch (prop) {
      case 'fills':
      case 'strokes':
        value = validatePaints(value, prop);
        break;
      case 'name':
      case 'characters':
        if (typeof value !== 'string') throw new Error(`in set_${prop}: Expected string, received ${typeof value}`);
        break;
      case 'hyperlink': {
        // Typings, HyperlinkTarget: { type: "URL" | "NODE", value: string }; null removes the link.
        const h = value as { type?: unknown; value?: unknown } | null;
        if (
          h !== null &&
          (typeof h !== 'object' || (h.type !== 'URL' && h.type !== 'NODE') || typeof h.value !== 'string')
        )
          throw new Error(
            'in set_hyperlink: Expected a HyperlinkTarget { type: "URL" | "NODE", value: string } or null',
          );
        if (h) value = { type: h.type, value: h.value };
        break;
      }
      case 'visible':
      case 'locked':
      case 'clipsContent':
        if (typeof value !== 'boolean') throw new Error(`in set_${prop}: Expected boolean, received ${typeof value}`);
        break;
      case 'opacity':
        if (typeof value !== 'number' || value < 0 || value > 1)
          throw new Error('in set_opacity: Expected a number between 0 and 1');
        break;
      case 'x':
      case 'y':
      case 'itemSpacing':
      case 'counterAxisSpacing':
      case 'paddingTop':
      case 'paddingRight':
      case 'paddingBottom':
      case 'paddingLeft':
      case 'strokeWeight':
      case 'cornerRadius':
      case 'fontSize':
        if (typeof value !== 'number' || !Number.isFinite(value))
          throw new Error(`in set_${prop}: Expected a finite number, got ${String(value)}`);
        // Typings: fontSize "Has minimum value of 1".
        if (prop === 'fontSize' && value < 1) throw new Error('in set_fontSize: Expected number to be >= 1');
        if ((prop === 'strokeWeight' || prop === 'cornerRadius' || prop.startsWith('padding')) && value < 0)
          throw new Error(`in set_${prop}: Expected number to be >= 0`);
        break;
      case 'vectorPaths':
        if (!Array.isArray(value)) throw new Error('in set_vectorPaths: Expected array');
        for (const p of value as VectorPaths) {
          if (!['NONZERO', 'EVENODD', 'NONE'].includes(p.windingRule))
            throw new Error(`in set_vectorPaths: Invalid windingRule ${String(p.windingRule)}`);
          validatePathData(p.data);
        }
        value = Object.freeze(
          (value as VectorPaths).map((p) => Object.freeze({ windingRule: p.windingRule, data: p.data })),
        );
        break;
      case 'layoutMode':
        if (value === 'GRID') throw new Error('FakeFigma: layoutMode GRID is not implemented');
        if (!['NONE', 'HORIZONTAL', 'VERTICAL'].includes(value as string))
          throw new Error(`in set_layoutMode: Invalid enum value, received ${String(value)}`);
        break;
      case 'primaryAxisAlignItems':
        // Typings, primaryAxisAlignItems: 'MIN' | 'MAX' | 'CENTER' | 'SPACE_BETWEEN' | 'SPACE_EVENLY' | 'SPACE_AROUND'.
        if (!['MIN', 'MAX', 'CENTER', 'SPACE_BETWEEN', 'SPACE_EVENLY', 'SPACE_AROUND'].includes(value as string))
          throw new Error(`in set_primaryAxisAlignItems: Invalid enum value, received ${String(value)}`);
        break;
      case 'counterAxisAlignItems':
        // Typings, counterAxisAlignItems: 'MIN' | 'MAX' | 'CENTER' | 'BASELINE'; the fake has no text baselines.
        if (value === 'BASELINE') throw new Error('FakeFigma: counterAxisAlignItems BASELINE is not implemented');
        if (!['MIN', 'MAX', 'CENTER'].includes(value as string))
          throw new Error(`in set_counterAxisAlignItems: Invalid enum value, received ${String(value)}`);
        break;
      case 'layoutWrap':
        // Typings, layoutWrap: 'NO_WRAP' | 'WRAP'; the fake's layout does not wrap.
        if (value === 'WRAP') throw new Error('FakeFigma: layoutWrap WRAP is not implemented');
        if (value !== 'NO_WRAP') throw new Error(`in set_layoutWrap: Invalid enum value, received ${String(value)}`);
        break;
      case 'textAutoResize':
        // Typings, textAutoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE'.
        if (!['NONE', 'WIDTH_AND_HEIGHT', 'HEIGHT', 'TRUNCATE'].includes(value as string))
          throw new Error(`in set_textAutoResize: Invalid enum value, received ${String(value)}`);
        break;
      case 'layoutGrow':
        // Typings, layoutGrow: "0 and 1 are currently the only supported values."
        if (value !== 0 && value !== 1) throw new Error(`in set_layoutGrow: Expected 0 or 1, got ${String(value)}`);
        break;
      case 'layoutAlign':
        if (!['MIN', 'CENTER', 'MAX', 'STRETCH', 'INHERIT'].includes(value as string))
          throw new Error(`in set_layoutAlign: Invalid enum value, received ${String(value)}`);
        break;
      case 'layoutPositioning':
        // Typings, layoutPositioning: applicable only to direct children of auto-layout frames.
        if (value === 'ABSOLUTE' && !(this.parentNode && this.parentNode.isAutoLayout()))
          throw new Error('in set_layoutPositioning: node must be a child of an auto-layout frame');
        if (value !== 'ABSOLUTE' && value !== 'AUTO')
          throw new Error(`in set_layoutPositioning: Invalid enum value, received ${String(value)}`);
        break;
    }
    this.freezeBefore(prop, value);
    if (prop === 'characters' && this.charFonts) {
      // Typings, characters: "Setting this property will reset styles applied to character ranges"
      // (the new text takes the first character's style).
      this.font = this.charFonts[0] ?? this.font;
      this.charFonts = undefined;
    }
    // A hyperlink is a style of character ranges (typings: setRangeHyperlink); the fake takes the
    // strict reading of "reset styles applied to character ranges": new characters carry no link.
    if (prop === 'characters' && this.type === 'TEXT') this.props.hyperlink = null;
    if (this.type === 'GROUP' && (prop === 'x' || prop === 'y')) {
      this.realm.flushLayout();
      const b = this.bounds();
      this.shiftGroup(prop === 'x' ? (value as number) - b.x : 0, prop === 'y' ? (value as number) - b.y : 0);
    } else {
      this.props[prop] = value;
    }
    this.realm.countWrite(this);
    this.realm.invalidate();
  }

  /**
   * Before a write that turns a computed size or position into a stored one, bring the stored values
   * up to date, so the node keeps what Figma would show at that moment (layout is otherwise lazy):
   *  - typings, layoutMode: "Removing auto-layout from a frame does not restore the children to
   *    their original positions" (they keep the auto-layout ones, and the frame its size);
   *  - a hugging axis made FIXED, a FILL child made fixed (layoutGrow 0, layoutAlign not STRETCH), an
   *    auto-sized text made fixed (textAutoResize): the size stays as it is;
   *  - typings, layoutPositioning ABSOLUTE: the child leaves the flow where it is (its x/y stay);
   *  - a child hidden leaves the flow where it is.
   */
  private freezeBefore(prop: string, value: unknown): void {
    const inAuto = !!this.parentNode?.isAutoLayout();
    switch (prop) {
      case 'layoutMode':
        if (value === 'NONE' && this.isAutoLayout()) this.realm.flushLayout();
        break;
      case 'primaryAxisSizingMode':
      case 'counterAxisSizingMode':
        if (value === 'FIXED' && this.props[prop] === 'AUTO' && this.isAutoLayout()) this.freezeOwnSize();
        break;
      case 'layoutGrow':
        if (value !== 1 && this.props.layoutGrow === 1 && inAuto) this.realm.flushLayout();
        break;
      case 'layoutAlign':
        if (value !== 'STRETCH' && this.props.layoutAlign === 'STRETCH' && inAuto) this.realm.flushLayout();
        break;
      case 'layoutPositioning':
        if (value === 'ABSOLUTE' && this.props.layoutPositioning !== 'ABSOLUTE' && inAuto) this.realm.flushLayout();
        break;
      case 'visible':
        if (value === false && inAuto) this.realm.flushLayout();
        break;
      case 'textAutoResize': {
        const from = this.props.textAutoResize;
        if (from !== value && (from === 'WIDTH_AND_HEIGHT' || (from === 'HEIGHT' && value !== 'WIDTH_AND_HEIGHT')))
          this.freezeOwnSize();
        break;
      }
    }
  }

  /**
   * This node's own size, up to date. A text that does not FILL its parent is measured on its own;
   * anything else needs the whole layout (a size can depend on the parent and on the children).
   */
  private freezeOwnSize(): void {
    if (!this.realm.layoutDirty()) return;
    if (this.type === 'TEXT' && readSizing(this, 'H') !== 'FILL' && readSizing(this, 'V') !== 'FILL')
      measureTextInPlace(this);
    else this.realm.flushLayout();
  }

  /** What the sublayer view needs of its node. */
  sublayerHost() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the view closes over its node
    const self = this;
    return {
      id: self.id,
      get isRemoved() {
        return self.isRemoved;
      },
      sublayer: self.sublayer,
      isFontLoaded: (f: FontName) => self.realm.isFontLoaded(f),
      wrote: () => self.realm.countWrite(self),
      read: () => self.realm.countRead(),
      removedError: (where: string) => gone(where, self.id),
    };
  }

  pageOf(): FakeNode | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking up from this node
    for (let n: FakeNode | null = this; n; n = n.parentNode) if (n.type === 'PAGE') return n;
    return undefined;
  }

  // ---- methods -----------------------------------------------------------------------

  private methodCache: Record<string, (...args: never[]) => unknown> | undefined;
  /**
   * The counted wrappers the proxy hands out, by method name (a node's methods never change). A
   * new closure per call made reading plugin data the slowest read of the fake, so update
   * benchmarks charged the fake, not the plugin.
   */
  readonly wrappers = new Map<string, (...args: never[]) => unknown>();

  methods(): Record<string, (...args: never[]) => unknown> {
    return (this.methodCache ??= this.makeMethods());
  }

  private makeMethods(): Record<string, (...args: never[]) => unknown> {
    // The methods are handed out detached (node.remove, node.appendChild…), so they close over the node.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const m: Record<string, (...args: never[]) => unknown> = {
      remove() {
        if (self.type === 'DOCUMENT' || self.type === 'PAGE')
          throw new Error('Cannot remove the document or a page this way');
        // Figma: layers inside an instance can't be removed or moved, only overridden.
        if (self.insideInstance()) throw new Error('Cannot remove a node inside an instance');
        self.detach();
        self.markRemoved();
      },
      // Typings, setPluginData: "The data is specific to your plugin ID. Plugins with other IDs won't
      // be able to read this data." So each plugin id has its own entries on every node.
      getPluginData(key: string) {
        return self.pluginData.get(self.realm.pluginId())?.get(key) ?? '';
      },
      setPluginData(key: string, value: string) {
        if (typeof value !== 'string') throw new Error('in setPluginData: Expected value to be a string');
        if (typeof key !== 'string') throw new Error('in setPluginData: Expected key to be a string');
        const id = self.realm.pluginId();
        // Typings: "The total size of your entry (`pluginId`, `key`, `value`) cannot exceed 100 kB."
        if (entrySize(id, key, value) > PLUGIN_DATA_LIMIT)
          throw new Error(`in setPluginData: The total size of the entry "${key}" exceeds the 100 kB limit`);
        const mine = self.pluginData.get(id) ?? new Map<string, string>();
        if (value === '') mine.delete(key);
        else mine.set(key, value);
        self.pluginData.set(id, mine);
      },
      getPluginDataKeys() {
        return [...(self.pluginData.get(self.realm.pluginId())?.keys() ?? [])];
      },
      getSharedPluginData(namespace: string, key: string) {
        checkNamespace(namespace);
        return self.sharedData.get(namespace)?.get(key) ?? '';
      },
      setSharedPluginData(namespace: string, key: string, value: string) {
        checkNamespace(namespace);
        if (typeof value !== 'string') throw new Error('in setSharedPluginData: Expected value to be a string');
        // Typings, setSharedPluginData: "The total size of your entry (namespace, key, value) cannot exceed 100 kB."
        if (entrySize(namespace, key, value) > PLUGIN_DATA_LIMIT)
          throw new Error(`in setSharedPluginData: The total size of the entry "${key}" exceeds the 100 kB limit`);
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
        if (!data || typeof data !== 'object') throw new Error('in setRelaunchData: Expected an object');
        for (const [k, v] of Object.entries(data))
          if (typeof v !== 'string') throw new Error(`in setRelaunchData: description for "${k}" must be a string`);
        self.relaunch = { ...data };
      },
      getRelaunchData() {
        return { ...self.relaunch };
      },
      // Typings, ExplicitVariableModesMixin (pages and scene nodes); the collection-id forms are deprecated
      // and throw under dynamic-page, so only collection objects are taken (variables.ts checks them).
      setExplicitVariableModeForCollection(collection: VariableCollection, modeId: string) {
        const where = 'setExplicitVariableModeForCollection';
        if (!self.realm.variables) throw new Error(`FakeFigma: ${where} needs figma.variables`);
        self.explicitModes[self.realm.variables.checkMode(collection, modeId ?? null, where)] = modeId;
      },
      clearExplicitVariableModeForCollection(collection: VariableCollection) {
        const where = 'clearExplicitVariableModeForCollection';
        if (!self.realm.variables) throw new Error(`FakeFigma: ${where} needs figma.variables`);
        delete self.explicitModes[self.realm.variables.checkMode(collection, undefined, where)];
      },
      findAll(cb?: (n: SceneNode) => boolean) {
        return self
          .descendants()
          .filter((n) => !cb || cb(n.proxy as unknown as SceneNode))
          .map((n) => n.proxy);
      },
      findOne(cb: (n: SceneNode) => boolean) {
        return self.descendants().find((n) => cb(n.proxy as unknown as SceneNode))?.proxy ?? null;
      },
      findChildren(cb?: (n: SceneNode) => boolean) {
        return self.childNodes.filter((n) => !cb || cb(n.proxy as unknown as SceneNode)).map((n) => n.proxy);
      },
      findAllWithCriteria(criteria: { types?: string[] }) {
        return self
          .descendants()
          .filter((n) => !criteria.types || criteria.types.includes(n.type))
          .map((n) => n.proxy);
      },
      clone() {
        if (self.type === 'PAGE' || self.type === 'DOCUMENT')
          throw new Error('FakeFigma: cloning pages is not implemented');
        self.realm.flushLayout(); // the copy gets the sizes the original has now
        const copy = self.deepCopy();
        // Figma docs, clone(): "the duplicate will be parented under the same parent as the original", right after it.
        const parent = self.parentNode!;
        parent.childNodes.splice(parent.childNodes.indexOf(self) + 1, 0, copy);
        copy.parentNode = parent;
        return copy.proxy;
      },
      resize(w: number, h: number) {
        // Typings, resize(): "New width of the node. Must be >= 0.01" (same for height).
        if (!(w >= 0.01 && h >= 0.01)) throw new Error(`in resize: Expected width and height >= 0.01, got ${w}×${h}`);
        if (self.type === 'GROUP') throw new Error('FakeFigma: resizing groups is not implemented');
        // Resizing a text re-lays it out, which needs its fonts loaded; a MISSING font is the
        // exception (typings, resize(): "the text node will be resized but the text will not re-layout").
        if (self.type === 'TEXT') self.assertFontsLoaded('resize', true);
        self.width = w;
        self.height = h;
        // A text given an explicit size keeps it: typings, resize(): a text in a missing font "will be
        // resized but the text will not re-layout", so the size is the one given, which only
        // textAutoResize NONE keeps ("The size of the textbox is fixed and is independent of its
        // content"); an auto-sizing text would undo the resize at its next layout. (TRUNCATE is fixed too.)
        if (self.type === 'TEXT' && self.props.textAutoResize !== 'TRUNCATE') self.props.textAutoResize = 'NONE';
        // An auto-layout frame given an explicit size no longer hugs its content (both axes FIXED).
        if (self.isAutoLayout()) {
          self.props.primaryAxisSizingMode = 'FIXED';
          self.props.counterAxisSizingMode = 'FIXED';
        }
      },
      resizeWithoutConstraints(w: number, h: number) {
        return m.resize(w as never, h as never);
      },
      appendChild(child: SceneNode) {
        return m.insertChild(self.childNodes.length as never, child as never);
      },
      insertChild(index: number, childProxy: SceneNode) {
        const child = unwrap(childProxy);
        if (child.isRemoved) throw gone('insertChild', child.id);
        if (child.type === 'DOCUMENT') throw new Error('in insertChild: Cannot move the document node');
        if (child.type === 'PAGE' && self.type !== 'DOCUMENT')
          throw new Error('in insertChild: Pages can only be children of the document');
        if (self.type === 'INSTANCE' || self.insideInstance() || child.insideInstance())
          throw new Error('Cannot move node. Node is inside of an instance');
        // Figma docs, insertChild: "Cannot move node. Doing so would create a parenting cycle".
        for (let n: FakeNode | null = self; n; n = n.parentNode)
          if (n === child) throw new Error('Cannot move node. Doing so would create a parenting cycle');
        if (self.type === 'DOCUMENT' && child.type !== 'PAGE')
          throw new Error('Cannot move node. The root node cannot have children of type other than PAGE');
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
        // appendChild keeps the RELATIVE x/y (typings, figma.group note), so nothing to convert; a
        // child leaving auto-layout keeps the x/y and size auto-layout gave it, so lay out first.
        if (child.parentNode?.isAutoLayout()) self.realm.flushLayout();
        child.detach();
        self.childNodes.splice(index, 0, child);
        child.parentNode = self;
        // Absolute positioning only exists inside auto-layout.
        if (!self.isAutoLayout()) child.props.layoutPositioning = 'AUTO';
      },
      getRangeFontName(start: number, end: number) {
        if (self.type !== 'TEXT') throw new Error('not a text node');
        const len = (self.props.characters as string).length;
        if (start < 0 || end > len || start >= end)
          throw new Error(`in getRangeFontName: invalid range ${start}..${end}`);
        const fonts =
          (self.charFonts ?? [self.font]).length === 1 && !self.charFonts
            ? [self.font]
            : self.charFonts!.slice(start, end);
        const keys = new Set(fonts.map(fontKey));
        return keys.size > 1 ? self.realm.mixed : { ...fonts[0] };
      },
      getStyledTextSegments(fields: string[], start?: number, end?: number) {
        return styledSegments(self, fields, start, end);
      },
      setRangeFontName(start: number, end: number, font: FontName) {
        if (self.type !== 'TEXT') throw new Error('not a text node');
        if (!self.realm.isFontLoaded(font))
          throw new Error(`in setRangeFontName: Cannot use unloaded font "${font.family} ${font.style}"`);
        const len = (self.props.characters as string).length;
        if (start < 0 || end > len || start >= end)
          throw new Error(`in setRangeFontName: invalid range ${start}..${end}`);
        const fonts = self.charFonts ?? Array.from({ length: len }, () => ({ ...self.font }));
        for (let i = start; i < end; i++) fonts[i] = { family: font.family, style: font.style };
        self.charFonts = fonts;
      },
      createInstance() {
        if (self.type !== 'COMPONENT') throw new Error('FakeFigma: createInstance exists on components only');
        self.realm.flushLayout();
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
    const parent = this.parentNode;
    if (!parent) return;
    parent.childNodes.splice(parent.childNodes.indexOf(this), 1);
    this.parentNode = null;
    // Typings, BaseNode.removed: "You removed all children out of a group, and the group auto-deleted itself".
    if (parent.type === 'GROUP' && parent.childNodes.length === 0) {
      parent.detach();
      parent.isRemoved = true;
    }
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
    if (this.sublayer) copy.sublayer = { ...this.sublayer, font: { ...this.sublayer.font } };
    copy.pluginData = new Map([...this.pluginData].map(([k, v]) => [k, new Map(v)]));
    copy.sharedData = new Map([...this.sharedData].map(([k, v]) => [k, new Map(v)]));
    copy.relaunch = { ...this.relaunch };
    copy.explicitModes = { ...this.explicitModes };
    for (const c of this.childNodes) {
      const cc = c.deepCopy();
      cc.parentNode = copy;
      copy.childNodes.push(cc);
    }
    return copy;
  }
}

/**
 * Typings, getStyledTextSegments(fields, start?, end?): "An array of text properties. Any text property
 * that can apply to specific character ranges is supported" (the list below); "end - An optional end
 * index (required if `start` is provided)". It returns runs of characters whose requested fields are
 * all equal, each with `characters`, `start` (inclusive) and `end` (exclusive). The fake keeps fonts per
 * character and every other text style per node, so only fontName can split a run.
 */
const SEGMENT_FIELDS = new Set([
  'fontSize',
  'fontName',
  'fontWeight',
  'fontStyle',
  'textDecoration',
  'textDecorationStyle',
  'textDecorationOffset',
  'textDecorationThickness',
  'textDecorationColor',
  'textDecorationSkipInk',
  'textCase',
  'lineHeight',
  'letterSpacing',
  'fills',
  'textStyleId',
  'fillStyleId',
  'listOptions',
  'listSpacing',
  'indentation',
  'paragraphIndent',
  'paragraphSpacing',
  'hyperlink',
  'boundVariables',
  'textStyleOverrides',
  'openTypeFeatures',
]);
const SEGMENT_FIELDS_IMPLEMENTED = new Set([
  'fontName',
  'fontSize',
  'fills',
  'textCase',
  'textDecoration',
  'lineHeight',
  'letterSpacing',
]);

function styledSegments(
  node: FakeNode,
  fields: string[],
  start?: number,
  end?: number,
): Array<Record<string, unknown>> {
  if (!Array.isArray(fields)) throw new Error('in getStyledTextSegments: Expected fields to be an array');
  for (const f of fields) {
    if (!SEGMENT_FIELDS.has(f)) throw new Error(`in getStyledTextSegments: Invalid field "${String(f)}"`);
    if (!SEGMENT_FIELDS_IMPLEMENTED.has(f))
      throw new Error(`FakeFigma: getStyledTextSegments field "${f}" is not implemented`);
  }
  const chars = node.props.characters as string;
  if (start !== undefined && end === undefined)
    throw new Error('in getStyledTextSegments: end is required if start is provided');
  const from = start ?? 0;
  const to = end ?? chars.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > chars.length || from > to)
    throw new Error(`in getStyledTextSegments: invalid range ${from}..${to}`);
  const fontAt = (i: number) => node.charFonts?.[i] ?? node.font;
  const valueOf = (field: string, i: number): unknown => {
    if (field === 'fontName') {
      const f = fontAt(i);
      return { family: f.family, style: f.style };
    }
    const v = node.props[field];
    return typeof v === 'object' && v !== null ? structuredClone(v) : v;
  };
  const key = (i: number) => (fields.includes('fontName') ? fontKey(fontAt(i)) : '');
  const out: Array<Record<string, unknown>> = [];
  let runStart = from;
  for (let i = from + 1; i <= to; i++) {
    if (i < to && key(i) === key(runStart)) continue;
    const seg: Record<string, unknown> = { characters: chars.slice(runStart, i), start: runStart, end: i };
    for (const f of fields) seg[f] = valueOf(f, runStart);
    out.push(seg);
    runStart = i;
  }
  return out;
}

/** Namespaces already checked (a plugin uses one or two, on every node it reads). */
const validNamespaces = new Set<string>();
function checkNamespace(ns: string): void {
  if (validNamespaces.has(ns)) return;
  // Figma docs, setSharedPluginData: "The namespace must be at least 3 alphanumeric characters."
  // (developers.figma.com/docs/plugins/api/properties/nodes-setsharedplugindata). The docs allow no
  // "." "_" "-", which this fake used to accept; a plugin relying on them could break in Figma.
  if (typeof ns !== 'string' || !/^[A-Za-z0-9]{3,}$/.test(ns)) throw new Error(`Invalid namespace "${ns}"`);
  validNamespaces.add(ns);
}

export function unwrap(node: unknown): FakeNode {
  const raw = (node as { __fake?: FakeNode }).__fake;
  if (!raw) throw new Error('FakeFigma: expected a node created by this fake');
  return raw;
}

const CONTAINER_METHODS = new Set([
  'appendChild',
  'insertChild',
  'findAll',
  'findOne',
  'findChildren',
  'findAllWithCriteria',
]);
const TEXT_METHODS = new Set(['getRangeFontName', 'setRangeFontName', 'getStyledTextSegments']);
const SCENE_METHODS = new Set(['clone', 'resize', 'resizeWithoutConstraints']);
/** Properties computed rather than stored, by node kind. */
const SCENE_COMPUTED = new Set(['x', 'y', 'width', 'height', 'absoluteBoundingBox', 'absoluteTransform']);

/** Whether a node of this type has the method at all (Figma's nodes only carry their mixins' methods). */
function hasMethod(target: FakeNode, prop: string): boolean {
  if (!(prop in target.methods())) return false;
  const scene = target.type !== 'DOCUMENT' && target.type !== 'PAGE';
  if (CONTAINER_METHODS.has(prop)) return target.isContainer;
  if (TEXT_METHODS.has(prop)) return target.type === 'TEXT';
  // Typings: StickyNode has no resize() (its size is constant); ShapeWithTextNode and SectionNode have it.
  if (SCENE_METHODS.has(prop) && prop !== 'clone' && target.type === 'STICKY') return false;
  if (SCENE_METHODS.has(prop)) return scene;
  if (prop === 'remove') return scene;
  if (prop.endsWith('ExplicitVariableModeForCollection')) return target.type !== 'DOCUMENT';
  if (prop === 'createInstance') return target.type === 'COMPONENT';
  if (prop === 'loadAsync') return target.type === 'PAGE';
  return true;
}

const HANDLER: ProxyHandler<FakeNode> = {
  get(target, prop) {
    if (prop === '__fake') return target;
    if (typeof prop === 'symbol') return undefined;
    if (INTROSPECTION.has(prop)) return undefined;
    if (target.isRemoved && prop !== 'removed' && prop !== 'id') {
      // Figma: any use of a removed node throws, e.g. 'in get_parent: The node with id "1:91" does not exist'.
      throw gone(prop in target.methods() ? prop : `get_${prop}`, target.id);
    }
    // A method this node was found to have before (hasMethod depends on the node's type only).
    const known = target.wrappers.get(prop);
    if (known) return known;
    if (prop in target.methods()) {
      if (!hasMethod(target, prop)) {
        // In Figma the property is simply absent (calling it is a TypeError); here reading it throws.
        throw new Error(
          `FakeFigma: ${target.type.toLowerCase()}.${prop} does not exist on this node type (not a container/text)`,
        );
      }
      let wrapper = target.wrappers.get(prop);
      if (!wrapper) {
        const fn = target.methods()[prop];
        const mutating = MUTATING.has(prop);
        const relayout = RELAYOUT.has(prop);
        wrapper = (...args: never[]) => {
          if (target.isRemoved) throw gone(prop, target.id);
          const result = fn(...args);
          if (mutating) target.realm.countWrite(target);
          else target.realm.countRead();
          if (relayout) target.realm.invalidate();
          return result;
        };
        target.wrappers.set(prop, wrapper);
      }
      return wrapper;
    }
    const value = target.read(prop);
    target.realm.countRead();
    return value;
  },
  set(target, prop, value) {
    if (typeof prop === 'symbol') throw new Error('FakeFigma: symbol properties are not supported');
    if (target.isRemoved) throw gone(`set_${prop}`, target.id);
    const count = target.realm.countUnchanged;
    if (count && !UNCOMPARED.has(prop)) {
      let before: string | undefined;
      try {
        before = JSON.stringify(target.read(prop));
      } catch {
        before = undefined;
      }
      target.write(prop, value);
      if (before !== undefined && before === JSON.stringify(target.read(prop))) count(prop);
      return true;
    }
    target.write(prop, value);
    return true;
  },
  // Test matchers compare and print objects by their own enumerable keys. Without these traps they
  // saw the FakeNode's internal fields and threw "rectangle.realm is not implemented" while comparing
  // two different nodes (e.g. `expect(a).not.toBe(b)`, or a failing `toEqual` on children), instead
  // of reporting the mismatch. Exposing only `id` makes distinct nodes unequal and printable.
  ownKeys: () => ['id'],
  getOwnPropertyDescriptor(target, prop) {
    return prop === 'id' ? { value: target.id, enumerable: true, configurable: true, writable: false } : undefined;
  },
  has(target, prop) {
    if (typeof prop === 'symbol') return false;
    // Consistent with `get`, which answers undefined for these (chai's printer asks `'constructor' in node`).
    if (INTROSPECTION.has(prop)) return false;
    const scene = target.type !== 'DOCUMENT' && target.type !== 'PAGE';
    if (prop === 'children') return target.isContainer;
    if (prop === 'selection') return target.type === 'PAGE';
    if (prop === 'characters' || prop === 'fontName' || prop === 'hasMissingFont') return target.type === 'TEXT';
    if (prop === 'explicitVariableModes') return target.type !== 'DOCUMENT';
    if (prop === 'text') return target.sublayer !== undefined;
    if (prop === 'layoutSizingHorizontal' || prop === 'layoutSizingVertical') return scene && target.type !== 'GROUP';
    if (SCENE_COMPUTED.has(prop)) return scene;
    if (prop in target.methods()) return hasMethod(target, prop);
    return prop in target.props || ['id', 'type', 'parent', 'removed'].includes(prop);
  },
};
