/**
 * Text and fonts in the strict fake: writes that re-lay text out need every
 * font in use loaded (typings: "Requires the font to be loaded"), fontName needs
 * the NEW font, unknown fonts never load, and mixed fonts read as figma.mixed.
 */
import { describe, expect, it } from 'vitest';
import { unwrap } from '../support/figma-fake/nodes';
import { INTER, INTER_BOLD, INTER_ITALIC, ROBOTO, useFake } from './use-fake';

const ctx = useFake();

/** Each font-gated property with a value different from a new text's default. */
const GATED: Array<[keyof TextNode & string, unknown]> = [
  ['characters', 'Hello'],
  ['fontSize', 20],
  ['lineHeight', { unit: 'PIXELS', value: 24 }],
  ['letterSpacing', { unit: 'PERCENT', value: 2 }],
  ['textAutoResize', 'HEIGHT'],
  ['textCase', 'UPPER'],
  ['textDecoration', 'UNDERLINE'],
  ['textAlignHorizontal', 'CENTER'],
  ['textAlignVertical', 'BOTTOM'],
];

describe('writes before loadFontAsync', () => {
  it.each(GATED)('%s throws before the font is loaded and keeps the old value', (prop, value) => {
    const t = ctx.figma.createText() as unknown as Record<string, unknown>;
    const before = t[prop];
    expect(() => (t[prop] = value)).toThrow(`in set_${prop}: Cannot write to node with unloaded font "Inter Regular"`);
    expect(t[prop]).toEqual(before);
  });

  it.each(GATED)('%s is written and read back after the font is loaded', async (prop, value) => {
    await ctx.figma.loadFontAsync(INTER);
    const t = ctx.figma.createText() as unknown as Record<string, unknown>;
    t[prop] = value;
    expect(t[prop]).toEqual(value);
  });

  it('does not gate non-text properties of a text (name, fills, x)', () => {
    const t = ctx.figma.createText();
    t.name = 'label';
    t.x = 10;
    t.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }];
    expect([t.name, t.x]).toEqual(['label', 10]);
  });

  it('loading one font does not load another style of the family', async () => {
    await ctx.figma.loadFontAsync(INTER_BOLD);
    const t = ctx.figma.createText(); // Inter Regular
    expect(() => (t.characters = 'x')).toThrow(/unloaded font "Inter Regular"/);
  });
});

describe('fontName', () => {
  it('needs the NEW font loaded, not the old one', async () => {
    const t = ctx.figma.createText();
    expect(() => (t.fontName = INTER_BOLD)).toThrow('in set_fontName: Cannot use unloaded font "Inter Bold"');
    expect(t.fontName).toEqual(INTER); // unchanged by the failed write
    await ctx.figma.loadFontAsync(INTER_BOLD);
    t.fontName = INTER_BOLD; // Inter Regular (the old font) is still not loaded
    expect(t.fontName).toEqual(INTER_BOLD);
    t.characters = 'now writable in Bold';
    expect(t.characters).toBe('now writable in Bold');
  });
});

describe('fonts that do not exist', () => {
  it('loadFontAsync rejects a font missing from installFakeFigma({ fonts }) and resolves for a listed one', async () => {
    ctx.reinstall({ fonts: [ROBOTO] });
    const figma = ctx.figma;
    await expect(figma.loadFontAsync(INTER)).rejects.toThrow('The font "Inter Regular" could not be loaded');
    await expect(figma.loadFontAsync({ family: 'Roboto', style: 'Bold' })).rejects.toThrow(/could not be loaded/);
    await expect(figma.loadFontAsync({ family: 'Nope' } as FontName)).rejects.toThrow(/could not be loaded/);
    await expect(figma.loadFontAsync(ROBOTO)).resolves.toBeUndefined();
    expect(await figma.listAvailableFontsAsync()).toEqual([{ fontName: ROBOTO }]);
  });

  it('a rejected load leaves the font unloaded', async () => {
    ctx.reinstall({ fonts: [ROBOTO] });
    const t = ctx.figma.createText();
    await ctx.figma.loadFontAsync(INTER).catch(() => undefined);
    expect(() => (t.characters = 'x')).toThrow(/unloaded font "Inter Regular"/);
  });

  it('hasMissingFont is false for an available font and true for a missing one, and is read-only', async () => {
    expect(ctx.figma.createText().hasMissingFont).toBe(false);
    ctx.reinstall({ fonts: [ROBOTO] });
    const t = ctx.figma.createText(); // new texts use Inter Regular, absent here
    expect(t.hasMissingFont).toBe(true);
    await ctx.figma.loadFontAsync(ROBOTO);
    t.fontName = ROBOTO;
    expect(t.hasMissingFont).toBe(false);
    expect(() => ((t as { hasMissingFont: boolean }).hasMissingFont = false)).toThrow(/read only/);
  });

  it('hasMissingFont is true when only one range of a text uses a missing font', () => {
    const t = ctx.figma.createText();
    // As in a file edited elsewhere: the last character is in a font this "Figma" lacks.
    unwrap(t).props.characters = 'abc';
    unwrap(t).charFonts = [INTER, INTER, { family: 'Gone', style: 'Regular' }];
    expect(t.hasMissingFont).toBe(true);
  });
});

describe('mixed fonts', () => {
  async function helloWorld() {
    await ctx.figma.loadFontAsync(INTER);
    await ctx.figma.loadFontAsync(INTER_BOLD);
    const t = ctx.figma.createText();
    t.characters = 'hello world';
    t.setRangeFontName(0, 5, INTER_BOLD);
    return t;
  }

  it('fontName reads figma.mixed; getRangeFontName is mixed over the whole range and exact per run', async () => {
    const t = await helloWorld();
    expect(t.fontName).toBe(ctx.figma.mixed);
    expect(t.getRangeFontName(0, 11)).toBe(ctx.figma.mixed);
    expect(t.getRangeFontName(4, 6)).toBe(ctx.figma.mixed); // crosses the boundary
    expect(t.getRangeFontName(0, 5)).toEqual(INTER_BOLD);
    expect(t.getRangeFontName(5, 11)).toEqual(INTER);
  });

  it('a uniform text is not mixed over its whole range', async () => {
    await ctx.figma.loadFontAsync(INTER);
    const t = ctx.figma.createText();
    t.characters = 'hello';
    expect(t.getRangeFontName(0, 5)).toEqual(INTER);
    expect(t.fontName).toEqual(INTER);
  });

  it('setRangeFontName needs the new font loaded and a valid range', async () => {
    await ctx.figma.loadFontAsync(INTER);
    const t = ctx.figma.createText();
    t.characters = 'hello';
    expect(() => t.setRangeFontName(0, 2, INTER_ITALIC)).toThrow(/unloaded font "Inter Italic"/);
    await ctx.figma.loadFontAsync(INTER_ITALIC);
    expect(() => t.setRangeFontName(0, 9, INTER_ITALIC)).toThrow(/invalid range/);
    expect(() => t.getRangeFontName(3, 3)).toThrow(/invalid range/);
    expect(t.fontName).toEqual(INTER); // nothing applied by the failed calls
  });

  it('writing characters needs EVERY font in use loaded', async () => {
    const t = await helloWorld();
    t.characters = 'both fonts are loaded, so this works';
    expect(t.characters).toBe('both fonts are loaded, so this works');

    // A text partly styled in a font this run has not loaded (a colleague's edit):
    const u = ctx.figma.createText();
    u.characters = 'abc';
    unwrap(u).charFonts = [INTER, INTER, INTER_ITALIC];
    expect(() => (u.characters = 'x')).toThrow(/unloaded font "Inter Italic"/);
    expect(() => (u.fontSize = 30)).toThrow(/unloaded font "Inter Italic"/);
    expect(u.characters).toBe('abc');
    await ctx.figma.loadFontAsync(INTER_ITALIC);
    u.characters = 'x';
    expect(u.characters).toBe('x');
  });

  it("setting characters resets range styles to the first character's font", async () => {
    const t = await helloWorld();
    t.characters = 'new';
    expect(t.fontName).toEqual(INTER_BOLD);
    expect(t.getRangeFontName(0, 3)).toEqual(INTER_BOLD);
  });

  it('setting fontName makes a mixed text uniform again', async () => {
    const t = await helloWorld();
    t.fontName = INTER;
    expect(t.fontName).toEqual(INTER);
    expect(t.getRangeFontName(0, 11)).toEqual(INTER);
  });
});

describe('getStyledTextSegments', () => {
  async function helloWorld(): Promise<TextNode> {
    await ctx.figma.loadFontAsync(INTER);
    await ctx.figma.loadFontAsync(INTER_BOLD);
    const t = ctx.figma.createText();
    t.characters = 'hello world';
    t.fontSize = 14;
    t.setRangeFontName(0, 5, INTER_BOLD);
    return t;
  }

  it('gives runs of equal fonts, with characters, start and end (the example in the typings)', async () => {
    const t = await helloWorld();
    expect(t.getStyledTextSegments(['fontName'])).toEqual([
      { characters: 'hello', start: 0, end: 5, fontName: INTER_BOLD },
      { characters: ' world', start: 5, end: 11, fontName: INTER },
    ]);
  });

  it('adds the other requested fields, uniform over the text in this fake', async () => {
    const t = await helloWorld();
    t.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }];
    const segs = t.getStyledTextSegments(['fontName', 'fontSize', 'fills']);
    expect(segs.map((s) => [s.characters, s.fontName.style, s.fontSize])).toEqual([
      ['hello', 'Bold', 14],
      [' world', 'Regular', 14],
    ]);
    expect(segs[1].fills).toEqual([
      { type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: { r: 1, g: 0, b: 0 } },
    ]);
    // Without fontName, nothing splits the text.
    expect(t.getStyledTextSegments(['fontSize'])).toEqual([
      { characters: 'hello world', start: 0, end: 11, fontSize: 14 },
    ]);
  });

  it('reads a range; end is required with start; a uniform or empty text', async () => {
    const t = await helloWorld();
    expect(t.getStyledTextSegments(['fontName'], 3, 7)).toEqual([
      { characters: 'lo', start: 3, end: 5, fontName: INTER_BOLD },
      { characters: ' w', start: 5, end: 7, fontName: INTER },
    ]);
    expect(() => (t.getStyledTextSegments as (f: string[], s: number) => unknown)(['fontName'], 3)).toThrow(
      /end is required/,
    );
    expect(() => t.getStyledTextSegments(['fontName'], 3, 20)).toThrow(/invalid range/);
    t.fontName = INTER;
    expect(t.getStyledTextSegments(['fontName'])).toEqual([
      { characters: 'hello world', start: 0, end: 11, fontName: INTER },
    ]);
    t.characters = '';
    expect(t.getStyledTextSegments(['fontName'])).toEqual([]);
  });

  it('refuses fields the typings do not list, and says which listed ones the fake lacks', async () => {
    const t = await helloWorld();
    expect(() => t.getStyledTextSegments(['fontFamily' as 'fontName'])).toThrow(/Invalid field "fontFamily"/);
    expect(() => t.getStyledTextSegments(['indentation'])).toThrow(/"indentation" is not implemented/);
  });

  it('is one read for the whole text, where getRangeFontName costs one per character', async () => {
    const t = await helloWorld();
    ctx.fake.resetStats();
    t.getStyledTextSegments(['fontName']);
    expect(ctx.fake.stats().reads).toBe(1);
    ctx.fake.resetStats();
    for (let i = 0; i < 11; i++) t.getRangeFontName(i, i + 1);
    expect(ctx.fake.stats().reads).toBe(11);
    expect(ctx.fake.stats().writes).toBe(0);
  });
});
