/**
 * Size budgets of the built plugin (issue #11), measured as `gzip -c dist/code.js | wc -c` does
 * (gzip's default level): Figma loads both files on every plugin start. Run `npm run build`
 * first (`npm test` does). `node build.mjs --analyze` lists what each bundle is made of.
 *
 * Also checks how the budgets are met: the template maps are shipped once, as a JSON block in
 * dist/ui.html that the panel reads from its document and the sandbox from `__html__`
 * (build.mjs), and both built bundles still find them there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';

/**
 * Issue #11 asks for 30 KB and 45 KB. zod/mini and templates shipped once reached 27 / 52 KB;
 * format 2, two more templates and the table importer brought the bundles to ~35 / ~60 KB;
 * issue #18 (moments of truth drawn, the diff of two maps, versions and history, the comparison
 * frame, their messages) brought dist/code.js to ~40.3 KB; its panel (the Versions tab), issue #14's
 * divider and metric lanes (drawing, reading back, editing, table import) and two templates (~2.5 KB
 * of the panel's template block) brought the bundles to ~42.0 / ~71.4 KB. The goals are NOT met. These budgets
 * hold the sizes where they are (with ~3% headroom), so that they can only go down; lower them
 * as the bundles shrink, until they reach the goals. Issue 15's theme (part 1: the palette derived
 * from a map's theme with its contrast maths, theme fonts from listAvailableFontsAsync) took
 * dist/code.js from 42 672 to 45 592 bytes as measured here; 45 900 holds it there with ~0.7%
 * headroom, since another zlib build may compress a few bytes differently.
 */
export const GOAL_GZIP = { code: 30_000, ui: 45_000 };
// Issue 15's Figma variables (src/figma/variables.ts, src/layout/palette-names.ts, set-variable-mode and
// the modes in replies) cost dist/code.js 2 185 bytes, measured as one tree (99b249e) built with and
// without them (52 506 → 54 691): the budget is raised by exactly that.
// Issue #16's FigJam workshop mode (src/figjam/: the board drawn, read back and updated; main.ts's
// FigJam branches; the 'editor' message) costs dist/code.js 5 744 bytes, measured here (gzipSync) as one tree
// (commit 291247c) built with and without it (48 407 → 54 151): the budget is raised by exactly that.
// Its conflict check on update (board edits the panel has not read) then cost 103 more (b324a1f → 894be80:
// 54 538 → 54 641).
// Issue 15's dark palettes (DARK_ROLES, a theme's colours carried to dark, paletteFor's scheme), the
// create message's scheme and the font list for the panel (list-fonts, fontFamilies) cost dist/code.js
// 979 bytes, measured as one tree (9998bb2) built with and without them (53 835 → 54 814).
// Issue #16 again: the board's size check before any write (b69b25d, 54 696 → 54 814) and the canvas
// fingerprint read back after a write (f5607ea, 54 814 → 54 847) cost 118 + 33 bytes.
// Then a duplicated board adopted (1325ac3, +6) and rows that grow with long texts (bd2b4e2,
// 54 853 → 55 001, +148).
// A FigJam board drawn whole or not at all (a create or update failing part-way takes away what it drew
// and leaves the board as it was) and a long sticky read back then updated not doubled: +190, measured
// on HEAD 0fd46eb built with and without them (55 065 → 55 255).
// A variable value the designer made translucent kept as theirs (its opacity read): +18 (55 255 → 55 273).
// The plugin's variable collection found again after the designer renamed it: +27 (55 273 → 55 300).
// A FigJam sticky of the plugin's in a full cell (one read-back may have left out) kept by an update: +46
// (55 300 → 55 346).
// Variable modes the designer renamed still the map's Light and Dark (the Dark mode's id kept): +107
// (55 346 → 55 453).
export const CODE_BUDGET_GZIP = 45_900 + 2_185 + 5_744 + 103 + 979 + 118 + 33 + 6 + 148 + 190 + 18 + 27 + 46 + 107;
/**
 * 64 000 until issue #18's panel side (the Versions tab: ui/components/VersionsTab.tsx, ui/versions.ts,
 * versions.css) took dist/ui.html from 62 948 to 67 630 bytes as measured here (+4.7 KB; trimming the
 * tab saved bytes only in tens); issue #14's lanes and templates then took it to 71 354. 73 000 is
 * what commit 7900f0c meant to set: its edit of this line was lost to a concurrent one. Issue 15's
 * theme in the format (schema, draft, merge) took it from 72 402 to 73 629, and its Theme section in
 * the panel (preset, accent, font family) to 74 149, and a table-export fix to 74 165: 74 500 keeps
 * ~0.5% headroom, since another zlib build may compress a few bytes differently.
 */
// Issue 15's "Use Figma variables" checkbox and Light/Dark choice (ui/components/VariablesField.tsx,
// the modes kept with the target, set-variable-mode) cost dist/ui.html 391 bytes, measured as one tree
// (99b249e) built with and without them (79 682 → 80 073): the budget is raised by exactly that.
// Issue #16's FigJam line in the panel (the editor in the panel state, the note, its style) costs
// dist/ui.html 152 bytes, measured the same way (74 500 → 74 652): the budget is raised by exactly that.
// Issue 15's searchable font picker (ui/components/FontPicker.tsx, the fonts message) and the theme
// preview (ThemePreview.tsx: the panel now carries the palette maths, src/layout/palette.ts, color.ts
// and the theme constants, ~3 KB gzip of it, so the preview shows what the sandbox will draw) cost
// dist/ui.html 5 381 bytes, measured as one tree (9998bb2) built with and without them (74 731 → 80 112).
// The font list keeping the focus in its field when its scroll bar is dragged: +6 (80 112 → 80 118).
export const UI_BUDGET_GZIP = 74_500 + 391 + 152 + 5_381 + 6;

const read = (file: string): Buffer => {
  expect(existsSync(file), `${file} missing: run \`npm run build\` first`).toBe(true);
  return readFileSync(file);
};
const gzipped = (file: string): number => gzipSync(read(file)).length;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -'.json'.length), map: JSON.parse(readFileSync(`examples/${f}`, 'utf8')) as unknown }));
const BLOCK = /<script type="application\/json" id="journey-map-templates">([^<]*)<\/script>/;

afterEach(() => uninstallFakeFigma());

describe('bundle budgets (gzip)', () => {
  it(`dist/code.js is at most ${kb(CODE_BUDGET_GZIP)}`, () => {
    const gz = gzipped('dist/code.js');
    console.log(`dist/code.js: ${gz} bytes gzipped (budget ${CODE_BUDGET_GZIP}, goal ${GOAL_GZIP.code})`);
    expect(
      gz,
      `dist/code.js is ${gz} bytes gzipped (${kb(gz)}), over its budget of ${CODE_BUDGET_GZIP}`,
    ).toBeLessThanOrEqual(CODE_BUDGET_GZIP);
  });

  it(`dist/ui.html is at most ${kb(UI_BUDGET_GZIP)}`, () => {
    const gz = gzipped('dist/ui.html');
    console.log(`dist/ui.html: ${gz} bytes gzipped (budget ${UI_BUDGET_GZIP}, goal ${GOAL_GZIP.ui})`);
    expect(
      gz,
      `dist/ui.html is ${gz} bytes gzipped (${kb(gz)}), over its budget of ${UI_BUDGET_GZIP}`,
    ).toBeLessThanOrEqual(UI_BUDGET_GZIP);
  });
});

describe('template maps, shipped once', () => {
  it('are in dist/ui.html once, as a JSON block equal to examples/, and not in dist/code.js', () => {
    const html = read('dist/ui.html').toString();
    const code = read('dist/code.js').toString();
    const block = html.match(BLOCK);
    expect(block, 'no template block in dist/ui.html').not.toBeNull();
    expect(JSON.parse(block![1])).toEqual(Object.fromEntries(examples.map((e) => [e.id, e.map])));
    for (const { map } of examples) {
      const title = (map as { title: string }).title;
      expect(html.split(title).length - 1, title).toBe(1);
      expect(code.includes(title), title).toBe(false);
    }
  });

  it('the built sandbox reads them from __html__: a template menu command creates its map', async () => {
    const fake = installFakeFigma();
    new Function('figma', '__html__', read('dist/code.js').toString())(fake.figma, read('dist/ui.html').toString());
    await fake.runCommand('template:ecommerce');
    expect(fake.closeMessage).toMatch(/^Created “Buying running shoes online”/);
  });

  it('without the block (other HTML) the sandbox reports an unknown template instead of failing', async () => {
    const fake = installFakeFigma();
    new Function('figma', '__html__', read('dist/code.js').toString())(fake.figma, '<html></html>');
    await fake.runCommand('template:ecommerce');
    expect(fake.closeMessage).toMatch(/Unknown template/);
  });

  it('the built panel reads them from its document and offers every one', async () => {
    // The declared options (tests/ui/jsdom.d.ts) leave out runScripts, which runs the inlined panel.
    const options = { runScripts: 'dangerously', pretendToBeVisual: true } as never;
    const dom = new JSDOM(read('dist/ui.html').toString(), options);
    try {
      await new Promise((r) => setTimeout(r, 50));
      const select = dom.window.document.getElementById('template') as HTMLSelectElement | null;
      expect(select, 'the panel did not render').not.toBeNull();
      expect(Array.from(select!.options).map((o) => o.value)).toEqual([
        'blank',
        'ecommerce',
        'saas-onboarding',
        'call-centre',
        'hospital-visit',
        'redesign-as-is-to-be',
        'two-personas-clinic',
        'service-blueprint-hotel',
        'checkout-metrics',
      ]);
    } finally {
      dom.window.close();
    }
  });
});
