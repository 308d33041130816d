/**
 * The map's colours as Figma variables (issue 15, "Use Figma variables", `theme.variables` in the map).
 * The only module that touches figma.variables.
 *
 * - One collection, "Journey map", for every map in the file: created once, reused by name, never a
 *   second. Its first mode is "Light"; a "Dark" mode is added where the file's plan allows a second
 *   mode (Figma's Starter plan allows one: addMode throws, and the map is said to have Light only).
 *   Renamed by the designer, the collection (found by what the plugin wrote in it) and its modes (the
 *   default mode, and the Dark mode by its id) are still the map's, and the panel still calls them
 *   Light and Dark.
 * - One COLOR variable per palette colour (src/layout/palette-names.ts), not per theme role: the map's
 *   tints, borders and readable texts are derived from the roles, and only a variable per derived
 *   colour lets every fill and stroke be bound while keeping its exact colour, and lets each follow
 *   its own dark value. Light values from paletteFor(theme), Dark from paletteFor(theme, 'dark').
 * - A value is written only where it still equals what the plugin last wrote (kept in the collection's
 *   plugin data), so a value the designer changed is never overwritten. Since the variables are the
 *   file's, the last map drawn with variables sets the values the designer has not changed.
 * - A variable the plugin made that is gone by its name (deleted or renamed) is not made again: the map
 *   draws that colour as a literal, and one message names it. A variable given that name again is used.
 * - Bindings are part of what is drawn: the variable ids are stored with the render options
 *   (storage.ts), so an update rebuilds exactly what it drew before and binds nodes it adds, and
 *   update(create(A), B) equals create(B).
 */
import type { JourneyMap, Theme } from '../model';
import { buildMapSpec } from '../layout/map-spec';
import { paletteFor } from '../layout/palette';
import { paletteColors, probeFor, rgbKey } from '../layout/palette-names';
import type { NodeProps, NodeSpec, SolidPaintSpec } from '../layout/spec';
import { hex, type Palette } from '../layout/theme';
import type { RenderOptions } from './storage';

export const COLLECTION = 'Journey map';
const LIGHT = 'Light';
const DARK = 'Dark';
/** Collection plugin data: what the plugin last wrote, { [name]: { id, light, dark? } } (hex). */
const WRITTEN = 'written';
/** Collection plugin data: the id of the mode the plugin added as Dark (found by it when renamed). */
const DARK_ID = 'darkMode';

type Written = Record<string, { id: string; light?: string; dark?: string; gone?: true }>;

export interface Synced {
  /** Variable id by palette colour name, for the render options. */
  ids: Record<string, string>;
  /** Whether the collection had to be made (none was found). */
  created: boolean;
  /** The live variables, to bind paints with setBoundVariableForPaint. */
  live: Map<string, Variable>;
  warnings: string[];
}

const toHex = (c: unknown): string | undefined => {
  const v = c as RGBA | undefined;
  if (!v || typeof v.r !== 'number') return undefined; // an alias or nothing
  const ch = (x: number) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  // An opacity the designer gave a colour makes it another value than the plugin's (always opaque).
  const a = typeof v.a === 'number' && v.a < 1 ? ch(v.a) : '';
  return `#${ch(v.r)}${ch(v.g)}${ch(v.b)}${a}`.toUpperCase();
};

function readWritten(c: VariableCollection): Written {
  try {
    const w = JSON.parse(c.getPluginData(WRITTEN) || '{}') as Written;
    return w && typeof w === 'object' ? w : {};
  } catch {
    return {};
  }
}

/**
 * The plugin's collection: "Journey map", or, when the designer renamed it, the one holding what the
 * plugin wrote (so a renamed collection, with the values the designer set in it, stays the map's).
 */
async function findCollection(): Promise<VariableCollection | undefined> {
  const all = (await figma.variables.getLocalVariableCollectionsAsync()).filter((c) => !c.remote);
  return all.find((c) => c.name === COLLECTION) ?? all.find((c) => c.getPluginData(WRITTEN) !== '');
}

async function collection(): Promise<{ c: VariableCollection; created: boolean }> {
  const found = await findCollection();
  if (found) return { c: found, created: false };
  const c = figma.variables.createVariableCollection(COLLECTION);
  c.renameMode(c.defaultModeId, LIGHT);
  return { c, created: true };
}

/** The Dark mode's id: found, or added where the plan allows (undefined where it does not). */
function darkMode(c: VariableCollection): { id?: string; added: boolean } {
  const found = darkOf(c);
  if (found) {
    if (c.getPluginData(DARK_ID) !== found) c.setPluginData(DARK_ID, found);
    return { id: found, added: false };
  }
  try {
    const id = c.addMode(DARK);
    c.setPluginData(DARK_ID, id);
    return { id, added: true };
  } catch {
    // "in addMode: Limited to N modes only": the file's plan allows no second mode.
    return { added: false };
  }
}

/** The Dark mode's id: the one the plugin added (whatever the designer renamed it to), else one named Dark. */
function darkOf(c: VariableCollection): string | undefined {
  const id = c.getPluginData(DARK_ID);
  return (c.modes.find((m) => m.modeId === id) ?? c.modes.find((m) => m.name === DARK))?.modeId;
}

/** A mode's name for the panel: Light and Dark by what they are to the plugin, others as named. */
function modeName(c: VariableCollection, modeId: string, dark = darkOf(c)): string | undefined {
  if (modeId === c.defaultModeId) return LIGHT;
  if (modeId === dark) return DARK;
  return c.modes.find((m) => m.modeId === modeId)?.name;
}

/** The sync under way: two actions at once (two quick messages) must not both make the collection. */
let pending: Promise<unknown> = Promise.resolve();

/** Make the collection and its variables match the theme's palettes, as far as the designer left them. */
export function syncVariables(theme: Theme | undefined): Promise<Synced> {
  const run = pending.then(() => sync(theme));
  pending = run.catch(() => undefined);
  return run;
}

async function sync(theme: Theme | undefined): Promise<Synced> {
  const light = paletteColors(paletteFor(theme));
  const dark = paletteColors(paletteFor(theme, 'dark'), paletteFor(theme));
  const { c, created } = await collection();
  const warnings: string[] = [];
  const mode = darkMode(c);
  if (created && !mode.id)
    warnings.push(`This file's Figma plan allows one variable mode: “${c.name}” has Light colours only.`);
  const written = readWritten(c);
  const before = JSON.stringify(written);
  const byName = new Map<string, Variable>();
  for (const v of await figma.variables.getLocalVariablesAsync('COLOR'))
    if (v.variableCollectionId === c.id && !byName.has(v.name)) byName.set(v.name, v);
  const ids: Record<string, string> = {};
  const live = new Map<string, Variable>();
  const missing: string[] = [];
  for (const [name, lightHex] of light) {
    let v = byName.get(name);
    const prev = written[name];
    if (!v && prev) {
      if (!prev.gone) missing.push(name);
      prev.gone = true;
      continue;
    }
    const ours = !v || prev?.id === v.id;
    if (!v) v = figma.variables.createVariable(name, c, 'COLOR');
    const rec = ours ? { ...prev, id: v.id } : { id: v.id };
    delete rec.gone;
    // Written where the value is still what the plugin last wrote (a new variable, a new Dark mode: ours).
    const put = (modeId: string, want: string, last: string | undefined, fresh: boolean) => {
      const now = toHex(v.valuesByMode[modeId]);
      // An alias (now undefined) is the designer's: never "what the plugin last wrote".
      const mine = ours && (fresh || (now !== undefined && now === last));
      if (mine && now !== want) v.setValueForMode(modeId, hex(want));
      return mine ? want : last;
    };
    const isNew = !prev || prev.id !== v.id;
    rec.light = put(c.defaultModeId, lightHex, prev?.light, ours && isNew);
    if (mode.id) rec.dark = put(mode.id, dark.get(name)!, prev?.dark, ours && (isNew || mode.added));
    written[name] = rec;
    ids[name] = v.id;
    live.set(name, v);
  }
  if (JSON.stringify(written) !== before) c.setPluginData(WRITTEN, JSON.stringify(written));
  if (missing.length) {
    const shown = missing.slice(0, 4).map((n) => `“${n}”`);
    const more = missing.length > 4 ? ` and ${missing.length - 4} more` : '';
    const one = missing.length === 1;
    warnings.push(
      `The variable${one ? '' : 's'} ${shown.join(', ')}${more} in “${c.name}” ${one ? 'was' : 'were'} deleted or renamed: the map uses ${one ? 'its colour as a plain colour' : 'their colours as plain colours'} there.`,
    );
  }
  return { ids, created, live, warnings };
}

/**
 * Paints of a spec laid out with the probe palette, made real: each probe colour becomes its palette
 * colour, bound to its variable where there is one. One Binder per palette and set of ids, and one
 * output per spec object, so the subtrees the layout shares across renders stay shared (reconcile.ts
 * hashes each spec object once).
 */
class Binder {
  private done = new WeakMap<NodeSpec, NodeSpec>();
  private paints = new Map<string, SolidPaintSpec>();
  constructor(
    private names: Map<string, string>,
    private colors: Map<string, string>,
    private ids: Record<string, string>,
  ) {}
  /** This run's variables: new paints are bound with figma.variables.setBoundVariableForPaint. */
  live?: Map<string, Variable>;

  private paint(p: SolidPaintSpec): SolidPaintSpec {
    const name = this.names.get(rgbKey(p.color));
    if (name === undefined) return p; // not a palette colour (an emotion marker's score colour)
    const key = `${name}|${p.opacity ?? ''}`;
    const cached = this.paints.get(key);
    if (cached) return cached;
    const literal: SolidPaintSpec = { type: 'SOLID', color: hex(this.colors.get(name)!) };
    if (p.opacity !== undefined) literal.opacity = p.opacity;
    const id = this.ids[name];
    const v = this.live?.get(name);
    // Bound as Figma binds it; kept in the one shape that an update rebuilding it from the stored id gives.
    const bound = v ? figma.variables.setBoundVariableForPaint(literal as SolidPaint, 'color', v) : undefined;
    const alias = bound?.boundVariables?.color?.id ?? id;
    const out: SolidPaintSpec = alias
      ? { ...literal, boundVariables: { color: { type: 'VARIABLE_ALIAS', id: alias } } }
      : literal;
    this.paints.set(key, out);
    return out;
  }

  bind(spec: NodeSpec): NodeSpec {
    let out = this.done.get(spec);
    if (out) return out;
    const props: NodeProps = { ...spec.props };
    for (const k of ['fills', 'strokes'] as const) {
      const ps = props[k];
      if (ps) props[k] = ps.map((p) => this.paint(p));
    }
    out = { ...spec, props };
    if (spec.children) out.children = spec.children.map((c) => this.bind(c));
    this.done.set(spec, out);
    return out;
  }
}

/** Binders by palette, then by ids: an update's before-spec and new spec share one when nothing changed. */
const binders = new WeakMap<Palette, Map<string, Binder>>();

type Render = RenderOptions & { fonts: NonNullable<RenderOptions['fonts']> };

/**
 * The spec of `map` drawn with `render`: with variables (render.variables), every palette colour bound
 * to its variable; `live`: this run's variables (absent when an update rebuilds what it drew before).
 */
export function drawSpec(map: JourneyMap, render: Render, live?: Map<string, Variable>): NodeSpec {
  const ids = render.variables;
  if (!ids) return buildMapSpec(map, render);
  const real: Palette = paletteFor(map.theme, render.scheme);
  const probe = probeFor(real);
  let byIds = binders.get(real);
  if (!byIds) binders.set(real, (byIds = new Map()));
  const key = JSON.stringify(ids);
  let b = byIds.get(key);
  if (!b) {
    if (byIds.size > 4) byIds.clear();
    byIds.set(key, (b = new Binder(probe.names, paletteColors(real), ids)));
  }
  if (live) b.live = live;
  return b.bind(buildMapSpec(map, { ...render, palette: probe.palette }));
}

/** The frame's variable modes: the collection's mode names and the one set on the frame. */
export async function variableModes(frame: FrameNode): Promise<{ modes: string[]; mode?: string } | undefined> {
  const c = await findCollection();
  if (!c) return undefined;
  const set = frame.explicitVariableModes[c.id];
  const dark = darkOf(c);
  return {
    modes: c.modes.map((m) => modeName(c, m.modeId, dark)!),
    mode: set === undefined ? undefined : modeName(c, set, dark),
  };
}

/** Set the frame's mode of the collection by name; false when there is no such mode. */
export async function setVariableMode(frame: FrameNode, name: string): Promise<boolean> {
  const c = await findCollection();
  const m = c?.modes.find((x) => modeName(c, x.modeId) === name);
  if (!c || !m) return false;
  frame.setExplicitVariableModeForCollection(c, m.modeId);
  return true;
}

/**
 * The spec to draw and its size in layers; with `theme.variables`, the variables are made ready after
 * the size check (nothing is written for a map too big to draw) and their ids go in `render`.
 */
export async function drawWithVariables(
  map: JourneyMap,
  render: Render,
  check: (spec: NodeSpec) => number,
  /** The variable ids the map was last drawn with (its stored render options), on an update. */
  drawnWith?: Record<string, string>,
): Promise<{ spec: NodeSpec; total: number; warnings: string[] }> {
  if (!map.theme?.variables) {
    const spec = buildMapSpec(map, render);
    return { spec, total: check(spec), warnings: [] };
  }
  // Laid out with the probe palette already, so drawSpec's layout below is the layout memo's.
  const total = check(
    buildMapSpec(map, { ...render, palette: probeFor(paletteFor(map.theme, render.scheme)).palette }),
  );
  const synced = await syncVariables(map.theme);
  if (Object.keys(synced.ids).length) render.variables = synced.ids;
  // A map drawn with variables whose collection is gone: the designer deleted it. Made again with the
  // theme's colours; say so, since any values they had set in it are gone with it.
  const warnings =
    synced.created && drawnWith && Object.keys(drawnWith).length
      ? [`The “${COLLECTION}” variables were deleted: made again with the theme’s colours.`, ...synced.warnings]
      : synced.warnings;
  return { spec: drawSpec(map, render, synced.live), total, warnings };
}
