/**
 * Size budgets of the built plugin (issue #11), measured as `gzip -c dist/code.js | wc -c` does
 * (gzip's default level): Figma loads both files on every plugin start. Run `npm run build`
 * first (`npm test` does). `node build.mjs --analyze` lists what each bundle is made of.
 *
 * Also checks how the budgets are met: the template maps are shipped once, as a JSON block in
 * dist/ui.html that the panel reads from its document and the sandbox from `__html__`
 * (build.mjs), without the fields normalising fills back in, and both built bundles still find
 * them there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseMap } from '../../src/model';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';

/**
 * Issue #11 asks for 30 KB and 45 KB (GOAL_GZIP). They are NOT met. These budgets hold the sizes
 * where they are, so that they can only go down: lower them as the bundles shrink, until they reach
 * the goals. Each holds the size measured here (gzipSync, as one tree) with ~0.5% headroom, since
 * another zlib build may compress a few bytes differently.
 *
 * How the bundles got here (gzip bytes, each step measured as one tree built with and without it):
 * zod/mini and templates shipped once reached ~27 / ~52 KB. Format 2, two templates and the table
 * importer took them to ~35 / ~60 KB; issue #18 (diff, versions, history, the comparison frame, the
 * Versions tab) and issue #14 (divider and metric lanes, links, two templates) to ~42.0 / ~71.4 KB;
 * issue 15 part 1 (the theme in the format, the palette and its contrast maths, theme fonts, the Theme
 * section) to 45 592 / 74 165. Then, in code.js / ui.html:
 * - issue #16's FigJam workshop mode (src/figjam/, main.ts's branches, the 'editor' message, the
 *   board's size check, drawn whole or not at all, rows growing with long texts, review fixes):
 *   +6 388 / +152;
 * - issue 15's Figma variables (src/figma/variables.ts, palette-names.ts, set-variable-mode, the
 *   checkbox and Light/Dark choice; review fixes for renamed collections and modes, opacity): +2 337 / +391;
 * - issue 15's dark palettes, the create message's scheme and the font list: +979 / —; the searchable
 *   font picker and the theme preview (the panel carries the palette maths, ~3 KB, so the preview shows
 *   what the sandbox will draw): — / +5 387;
 * - small fixes since, FigJam's variables and font warnings (+77 / +75), the presets' own curve colours
 *   and markers readable on any surface (+245 / —): 55 913 / 80 654 measured on c485e62.
 * Then cuts that keep every feature (each measured on the tree before and after it):
 * - terser (compress passes 2, ecma 2017 for the sandbox) minifies after esbuild, which still bundles,
 *   lowers to es2017 and minifies the CSS: 55 880 / 80 654 → 52 855 / 77 639 (−3 025 / −3 015);
 * - (the update's node cache and memoised rows, 5b9b623 to 838acfc: +397 / —, to 53 252 / 77 639;)
 * - templates shipped without the fields normalising fills back in (version, ids it makes the
 *   same, empty fields), and the panel's script before the block, run after the document is
 *   parsed: — / −241, to 53 252 / 77 398.
 * Then (ui.html 77 590 before it, measured on 1c4498b):
 * - the panel walkthrough's fixes (a CSV/TSV cell whose quote does not close refused where it
 *   opens, the Data tab's paste and import message kept in the panel's state, a × and Delete to
 *   clear a score in the Cells grid, tab labels in one place, plurals): — / +463, to 78 053; the
 *   budget raised by 400 (headroom 200 → 137).
 * And this stop's fixes of what a designer walkthrough and a robustness review found, code.js
 * measured commit by commit from 53 495 (1c4498b): a no-op Update keeps its revision, and messages
 * run one at a time (+206); damaged stored entries (chunk counts bounded, the render entry parsed
 * with zod) (+241); emotion notes placed by their own marker on shared charts, the side rule put
 * right, long notes sized honestly, the scale's ends level (+1 356, then +128); a failed update
 * put back from the read-back (+67); FigJam notes clear of every marker and the legend's names
 * (+1 001); FigJam guards (a nested board, a newer format, no-op updates) (+53); a map nested in
 * another kept (+41); one legend rule (−37): 56 557 / 78 077 on 8062c85. The code budget is raised
 * to hold that, with the same ~0.5% headroom. Then the review's fixes (FigJam Overwrite revision,
 * the queue's catch, a copy's revision, the put-back's fonts, note costs once per option): +98,
 * to 56 655 / 78 077 on d2c1a96.
 */
export const GOAL_GZIP = { code: 30_000, ui: 45_000 };
export const CODE_BUDGET_GZIP = 56_840;
export const UI_BUDGET_GZIP = 78_190;

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
  it('are in dist/ui.html once, as a JSON block that normalises to examples/, and not in dist/code.js', () => {
    const html = read('dist/ui.html').toString();
    const code = read('dist/code.js').toString();
    const block = html.match(BLOCK);
    expect(block, 'no template block in dist/ui.html').not.toBeNull();
    const shipped = JSON.parse(block![1]) as Record<string, unknown>;
    expect(Object.keys(shipped)).toEqual(examples.map((e) => e.id));
    for (const { id, map } of examples) {
      const want = normaliseMap(map);
      expect(want.ok, id).toBe(true);
      // Both bundles only use a template normalised (src/main.ts, ui/templates.ts): the same map.
      expect(normaliseMap(shipped[id]), id).toEqual(want);
    }
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
