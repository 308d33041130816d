/**
 * Fonts: every style the map uses is loaded once, before the first node is
 * written (Figma throws on text writes with an unloaded font). If Inter is not
 * available, each style falls back along a chain, and the caller tells the user.
 */
import type { FontNameSpec } from '../layout/spec';
import type { Fonts } from '../layout/nodes';
import { PREFERRED_FONTS, type FontRole } from '../layout/theme';

const FALLBACK_FAMILIES = ['Inter', 'Roboto', 'Arial'];

export interface LoadedFonts {
  fonts: Fonts;
  /** Human-readable substitutions, e.g. `Inter Semi Bold → Roboto Medium`. Empty when all preferred fonts loaded. */
  substitutions: string[];
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

/** Fonts are loaded once per plugin run (per `figma` instance), not once per create or update. */
const loadedFor = new WeakMap<object, Promise<LoadedFonts>>();

export function loadMapFonts(): Promise<LoadedFonts> {
  let pending = loadedFor.get(figma);
  if (!pending) {
    pending = resolveFonts();
    loadedFor.set(figma, pending);
    // A failure is not remembered: fonts may become available (e.g. after the user installs one).
    pending.catch(() => loadedFor.delete(figma));
  }
  return pending;
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
  return { fonts, substitutions };
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
