/**
 * FigJam in the strict fake: `installFakeFigma({ editorType: 'figjam' })`.
 *
 * Sources (each rule below cites one; tests/fake/figjam.test.ts checks each):
 *  - Typings (@figma/plugin-typings plugin-api.d.ts), PluginAPI.editorType: 'figma' | 'figjam' | …
 *  - Typings, createSticky / createConnector / createShapeWithText / createCodeBlock / createTable:
 *    "Note: This API is only available in FigJam". createSection has no such note (both editors).
 *  - Typings, createComponent / createComponentFromNode / createBooleanOperation / createPaintStyle /
 *    createTextStyle / createEffectStyle / createGridStyle: "Note: This API is only available in
 *    Figma Design".
 *  - Figma's FigJam skill for its MCP server (figma/mcp-server-guide, figma-use-figjam): "Do NOT
 *    call figma.createPage() in FigJam — it throws TypeError: figma.createPage no such property
 *    'createPage' on the figma global object … FigJam files have a single implicit page". The fake
 *    gives an API the current editor lacks that same error, whichever way round.
 *  - Typings, createSticky: "By default, the new node has constant width and height both at 240";
 *    StickyNode has no resize() (no LayoutMixin): its size cannot be set. `text` is a
 *    TextSublayerNode (readonly); `authorVisible: boolean`; `authorName: string`; `isWideWidth`.
 *    The typings' example loads `sticky.text.fontName` before setting `sticky.text.characters`.
 *  - Typings, createShapeWithText: "By default, the new node has a width and height of 208";
 *    ShapeWithTextNode has resize(), `shapeType` (an enum), a readonly `cornerRadius`, `text`.
 *  - Typings, SectionNode: ChildrenMixin (a container), MinimalFillsMixin, resizeWithoutConstraints
 *    and resize; `sectionContentsHidden`. Docs, SectionNode: "Sections in FigJam are used to
 *    organize related objects."
 *  - Typings, TextSublayerNode = NonResizableTextMixin + MinimalFillsMixin: characters, fontName,
 *    fontSize … need the font loaded like a TextNode's ("Working with text").
 *
 *  - Sticky and shape text start in Inter Medium: plugins writing FigJam text without loading it
 *    failed with 'Cannot write to node with unloaded font "Inter Medium"' (yuanqing/figma-plugins
 *    pull request 34, fixed by create-figma-plugin pull request 57, "support figjam nodes with text").
 *  - FigJam does not expose the styles API (penpot/penpot-exporter-figma-plugin pull request 384:
 *    "FigJam runtime does not expose those APIs"), which the typings' Design-only notes say too.
 *
 * Choices where nothing is documented: a new sticky's fill is FigJam's default yellow, a new
 * shape's fill light grey, a new section's fill white; a sticky's `authorName` is '' for one a
 * plugin made. Whether createVector and createText draw in FigJam as in Figma Design is not
 * stated either way; the fake allows them in both editors.
 */
import { validatePaints } from './paints';

/** Node types only FigJam has in this fake. */
export const FIGJAM_TYPES = new Set(['STICKY', 'SHAPE_WITH_TEXT']);

/** Typings, createSticky: "constant width and height both at 240". */
export const STICKY_SIZE = 240;
/** Typings, createShapeWithText: "a width and height of 208". */
export const SHAPE_SIZE = 208;

/** Typings, ShapeWithTextNode.shapeType. */
export const SHAPE_TYPES = new Set([
  'SQUARE',
  'ELLIPSE',
  'ROUNDED_RECTANGLE',
  'DIAMOND',
  'TRIANGLE_UP',
  'TRIANGLE_DOWN',
  'PARALLELOGRAM_RIGHT',
  'PARALLELOGRAM_LEFT',
  'ENG_DATABASE',
  'ENG_QUEUE',
  'ENG_FILE',
  'ENG_FOLDER',
  'TRAPEZOID',
  'PREDEFINED_PROCESS',
  'SHIELD',
  'DOCUMENT_SINGLE',
  'DOCUMENT_MULTIPLE',
  'MANUAL_INPUT',
  'HEXAGON',
  'CHEVRON',
  'PENTAGON',
  'OCTAGON',
  'STAR',
  'PLUS',
  'ARROW_LEFT',
  'ARROW_RIGHT',
  'SUMMING_JUNCTION',
  'OR',
  'SPEECH_BUBBLE',
  'INTERNAL_STORAGE',
]);

/** APIs on `figma` that only one editor has (typings notes, see above). */
export const FIGJAM_ONLY = ['createSticky', 'createShapeWithText', 'createConnector', 'createCodeBlock', 'createTable'];
export const DESIGN_ONLY = [
  'createPage',
  'createComponent',
  'createComponentFromNode',
  'createBooleanOperation',
  'createPaintStyle',
  'createTextStyle',
  'createEffectStyle',
  'createGridStyle',
];

/** The error Figma gives for an API the editor lacks (figma-use-figjam, on createPage in FigJam). */
export function noSuchProperty(name: string): TypeError {
  return new TypeError(`figma.${name} no such property '${name}' on the figma global object`);
}

const rgb = (r: number, g: number, b: number) => Object.freeze({ r, g, b });
const solid = (r: number, g: number, b: number) =>
  Object.freeze([Object.freeze({ type: 'SOLID', color: rgb(r, g, b) })]) as ReadonlyArray<Paint>;

/** Defaults of a new node of a FigJam type (or a section), by type. */
export function figjamDefaults(type: string): Record<string, unknown> | undefined {
  switch (type) {
    case 'STICKY':
      return { fills: solid(1, 0.851, 0.4), authorVisible: true, authorName: '', isWideWidth: false };
    case 'SHAPE_WITH_TEXT':
      return {
        fills: solid(0.898, 0.898, 0.898),
        strokes: [],
        strokeWeight: 1,
        shapeType: 'SQUARE',
        cornerRadius: 0,
      };
    case 'SECTION':
      return { fills: solid(1, 1, 1), strokes: [], sectionContentsHidden: false };
  }
  return undefined;
}

/** The text of a sticky or a shape with text (typings: TextSublayerNode). */
export interface Sublayer {
  characters: string;
  font: FontName;
  fontSize: number;
  fills: ReadonlyArray<Paint>;
}

export function newSublayer(type: string): Sublayer | undefined {
  if (!FIGJAM_TYPES.has(type)) return undefined;
  return {
    characters: '',
    font: { family: 'Inter', style: 'Medium' },
    fontSize: type === 'STICKY' ? 24 : 16,
    fills: solid(0.118, 0.118, 0.118),
  };
}

export interface SublayerHost {
  readonly id: string;
  readonly isRemoved: boolean;
  sublayer?: Sublayer;
  isFontLoaded(font: FontName): boolean;
  /** One counted write (and a relayout: a sticky's text does not change its size, a shape's neither). */
  wrote(): void;
  read(): void;
  removedError(where: string): Error;
}

const unloaded = (action: string, f: FontName) =>
  new Error(
    `in set_${action}: Cannot write to node with unloaded font "${f.family} ${f.style}". Please call figma.loadFontAsync({ family: "${f.family}", style: "${f.style}" }) and await the returned promise first.`,
  );

/** `node.text`: a strict view of the sublayer; unknown members throw like the rest of the fake. */
export function sublayerProxy(host: SublayerHost): TextSublayerNode {
  const sub = host.sublayer!;
  const target = {} as Record<string, unknown>;
  return new Proxy(target, {
    get(_, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON' || prop === 'asymmetricMatch')
        return undefined;
      if (host.isRemoved) throw host.removedError(`get_${prop}`);
      host.read();
      switch (prop) {
        case 'characters':
          return sub.characters;
        case 'fontName':
          return Object.freeze({ ...sub.font });
        case 'fontSize':
          return sub.fontSize;
        case 'fills':
          return sub.fills;
        case 'hasMissingFont':
          return false;
      }
      throw new Error(`FakeFigma: text sublayer.${prop} is not implemented`);
    },
    set(_, prop, value) {
      if (typeof prop === 'symbol') throw new Error('FakeFigma: symbol properties are not supported');
      if (host.isRemoved) throw host.removedError(`set_${prop}`);
      switch (prop) {
        case 'characters':
          if (typeof value !== 'string')
            throw new Error(`in set_characters: Expected string, received ${typeof value}`);
          if (!host.isFontLoaded(sub.font)) throw unloaded('characters', sub.font);
          sub.characters = value;
          break;
        case 'fontName': {
          const f = value as FontName;
          if (!f || typeof f.family !== 'string' || typeof f.style !== 'string')
            throw new Error('in set_fontName: Expected a FontName { family, style }');
          if (!host.isFontLoaded(f))
            throw new Error(
              `in set_fontName: Cannot use unloaded font "${f.family} ${f.style}". Please call figma.loadFontAsync({ family: "${f.family}", style: "${f.style}" }) and await the returned promise first.`,
            );
          sub.font = { family: f.family, style: f.style };
          break;
        }
        case 'fontSize':
          if (typeof value !== 'number' || !Number.isFinite(value) || value < 1)
            throw new Error('in set_fontSize: Expected number to be >= 1');
          if (!host.isFontLoaded(sub.font)) throw unloaded('fontSize', sub.font);
          sub.fontSize = value;
          break;
        case 'fills':
          sub.fills = validatePaints(value, 'fills');
          break;
        default:
          throw new Error(`FakeFigma: setting text sublayer.${prop} is not implemented`);
      }
      host.wrote();
      return true;
    },
    ownKeys: () => [],
    has: (_, prop) => ['characters', 'fontName', 'fontSize', 'fills', 'hasMissingFont'].includes(String(prop)),
  }) as unknown as TextSublayerNode;
}

/** Checks on writes to FigJam-only properties; returns the value to store. */
export function checkFigjamWrite(type: string, prop: string, value: unknown): unknown {
  switch (prop) {
    case 'authorVisible':
    case 'sectionContentsHidden':
      if (typeof value !== 'boolean') throw new Error(`in set_${prop}: Expected boolean, received ${typeof value}`);
      return value;
    case 'authorName':
      if (typeof value !== 'string') throw new Error('in set_authorName: Expected string');
      return value;
    case 'isWideWidth':
      throw new Error('FakeFigma: setting sticky.isWideWidth is not implemented');
    case 'shapeType':
      if (!SHAPE_TYPES.has(value as string))
        throw new Error(`in set_shapeType: Invalid enum value, received ${String(value)}`);
      return value;
    case 'cornerRadius':
      // Typings, ShapeWithTextNode: `readonly cornerRadius?: number`.
      if (type === 'SHAPE_WITH_TEXT')
        throw new TypeError("Cannot assign to read only property 'cornerRadius' of object");
      return value;
  }
  return value;
}
