/**
 * Fonts: every style the map uses is loaded once, before the first node is
 * written (Figma throws on text writes with an unloaded font). If Inter is not
 * available, each style falls back along a chain, and the caller tells the user.
 */
import type { FontNameSpec } from '../layout/spec';
import type { Fonts } from '../layout/nodes';
import { PREFERRED_FONTS, type FontRole } from '../layout/theme';
import { MAX_FONT_FAMILIES } from '../protocol';

const FALLBACK_FAMILIES = ['Inter', 'Roboto', 'Arial'];

export interface LoadedFonts {
  fonts: Fonts;
  /** Human-readable substitutions, e.g. `Inter Semi Bold → Roboto Medium`. Empty when all preferred fonts loaded. */
  substitutions: string[];
  /** One message when the theme's font family is not available (the map then uses Inter). */
  warnings: string[];
}

async function tryLoad(font: FontNameSpec): Promise<boolean> {
  try {
    await figma.loadFontAsync(font);
    return true;
  } catch {
    return false;
  }
}

/** Styles to try for a role in a fallback family ("Semi Bold" is "Medium" or "Bold" elsewhere). */
const STYLE_CHAIN: Record<FontRole, string[]> = {
  regular: ['Regular'],
  medium: ['Medium', 'Regular'],
  semibold: ['Semi Bold', 'SemiBold', 'Medium', 'Bold', 'Regular'],
  bold: ['Bold', 'Semi Bold', 'Regular'],
  italic: ['Italic', 'Regular'],
};

/**
 * The families Figma has, once each, sorted as people read them (case and accents aside), for
 * the panel's font picker; at most MAX_FONT_FAMILIES (src/protocol.ts), each name at most 200
 * characters (longer names are not sent).
 */
export async function fontFamilies(): Promise<string[]> {
  const seen = new Set<string>();
  for (const f of await figma.listAvailableFontsAsync())
    if (f.fontName.family.length <= 200) seen.add(f.fontName.family);
  return [...seen].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).slice(0, MAX_FONT_FAMILIES);
}

/** Fonts are loaded once per plugin run (per `figma` instance) and family, not once per create or update. */
const loadedFor = new WeakMap<object, Map<string, Promise<LoadedFonts>>>();

/**
 * The fonts of every role, all loaded: of `family` (a map's `theme.font`) when Figma has it, its
 * styles mapped to the weights the map uses; else Inter (and its fallbacks), with one warning.
 */
export function loadMapFonts(family?: string): Promise<LoadedFonts> {
  let byFamily = loadedFor.get(figma);
  if (!byFamily) loadedFor.set(figma, (byFamily = new Map()));
  const key = family ?? '';
  let pending = byFamily.get(key);
  if (!pending) {
    pending = family === undefined || family === 'Inter' ? resolveFonts() : resolveFamily(family);
    byFamily.set(key, pending);
    // A failure is not remembered: fonts may become available (e.g. after the user installs one).
    const map = byFamily;
    pending.catch(() => map.delete(key));
  }
  return pending;
}

/**
 * What to tell the user about the fonts a map or board was drawn with: the theme family's
 * fallback to Inter, and Inter's own substitutions (one message each), as every draw says them.
 */
export function fontWarnings(loaded: LoadedFonts): string[] {
  const { substitutions, warnings } = loaded;
  return warnings.concat(substitutions.length ? [`Inter is not available; used ${substitutions.join(', ')}`] : []);
}

/** A style's weight and slant from its name, as Figma lists them ("Semi Bold Italic", "ExtraLight", "Book"). */
export function styleWeight(style: string): { weight: number; italic: boolean } {
  const s = style.toLowerCase().replace(/[\s_-]+/g, '');
  const italic = /italic|oblique/.test(s);
  const w = s.replace(/italic|oblique/g, '');
  const table: [RegExp, number][] = [
    [/^(thin|hairline)/, 100],
    [/^(extra|ultra)light/, 200],
    [/^light/, 300],
    [/^(medium)/, 500],
    [/^(semi|demi)bold/, 600],
    [/^(extra|ultra)bold/, 800],
    [/^bold/, 700],
    [/^(black|heavy)/, 900],
  ];
  for (const [re, weight] of table) if (re.test(w)) return { weight, italic };
  return { weight: 400, italic }; // Regular, Normal, Book, Roman, or a bare "Italic"
}

/** What each role asks of a family's styles. */
const ROLE_WEIGHTS: Record<FontRole, { weight: number; italic: boolean }> = {
  regular: { weight: 400, italic: false },
  medium: { weight: 500, italic: false },
  semibold: { weight: 600, italic: false },
  bold: { weight: 700, italic: false },
  italic: { weight: 400, italic: true },
};

/**
 * The style of `styles` nearest to `want`: its slant first (an upright style when the family has
 * no italic), then the closest weight; on a tie the heavier above 500, else the lighter (as CSS matches weights).
 */
export function nearestStyle(styles: string[], want: { weight: number; italic: boolean }): string {
  const parsed = styles.map((style) => ({ style, ...styleWeight(style) }));
  const slanted = parsed.filter((p) => p.italic === want.italic);
  const pool = slanted.length ? slanted : parsed;
  const heavier = want.weight > 500;
  pool.sort((a, b) => {
    const d = Math.abs(a.weight - want.weight) - Math.abs(b.weight - want.weight);
    if (d !== 0) return d;
    return heavier ? b.weight - a.weight : a.weight - b.weight;
  });
  return pool[0].style;
}

async function resolveFamily(family: string): Promise<LoadedFonts> {
  const listed = await figma.listAvailableFontsAsync();
  const wanted = family.toLowerCase();
  const styles = listed.filter((f) => f.fontName.family.toLowerCase() === wanted).map((f) => f.fontName);
  if (styles.length) {
    const name = styles[0].family;
    const fonts = {} as Fonts;
    for (const role of Object.keys(ROLE_WEIGHTS) as FontRole[])
      fonts[role] = {
        family: name,
        style: nearestStyle(
          styles.map((f) => f.style),
          ROLE_WEIGHTS[role],
        ),
      };
    const loaded = await Promise.all(Object.values(fonts).map((f) => tryLoad(f)));
    if (loaded.every(Boolean)) return { fonts, substitutions: [], warnings: [] };
  }
  const inter = await resolveFonts();
  return { ...inter, warnings: [`The font “${family}” is not available in this file; the map uses Inter instead`] };
}

async function resolveFonts(): Promise<LoadedFonts> {
  const fonts = {} as Fonts;
  const substitutions: string[] = [];
  const cache = new Map<string, Promise<boolean>>();
  const load = (f: FontNameSpec) => {
    const id = `${f.family}|${f.style}`;
    if (!cache.has(id)) cache.set(id, tryLoad(f));
    return cache.get(id)!;
  };
  for (const role of Object.keys(PREFERRED_FONTS) as FontRole[]) {
    const preferred = PREFERRED_FONTS[role];
    let chosen: FontNameSpec | undefined;
    outer: for (const family of FALLBACK_FAMILIES) {
      for (const style of STYLE_CHAIN[role]) {
        const candidate = { family, style };
        if (await load(candidate)) {
          chosen = candidate;
          break outer;
        }
      }
    }
    if (!chosen) throw new Error(`No usable font: tried ${FALLBACK_FAMILIES.join(', ')} for ${preferred.style}`);
    if (chosen.family !== preferred.family || chosen.style !== preferred.style)
      substitutions.push(`${preferred.family} ${preferred.style} → ${chosen.family} ${chosen.style}`);
    fonts[role] = chosen;
  }
  return { fonts, substitutions, warnings: [] };
}

/**
 * Before writing to an existing text node, load the fonts it has now: a
 * designer may have restyled it (even part of it) with another font.
 * Returns false when one of them can't be loaded (a missing font).
 */
export async function loadFontsOf(node: TextNode): Promise<boolean> {
  const names = new Map<string, FontName>();
  if (node.fontName !== figma.mixed) names.set('', node.fontName as FontName);
  else {
    // Mixed fonts (part of the text restyled): one call gives every run of one font, where
    // getRangeFontName would cross into the editor once per character.
    for (const { fontName: f } of node.getStyledTextSegments(['fontName'])) names.set(`${f.family}|${f.style}`, f);
  }
  const results = await Promise.all([...names.values()].map((f) => tryLoad(f)));
  return results.every(Boolean);
}
