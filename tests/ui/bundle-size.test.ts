/**
 * Size budget of the built panel (dist/ui.html: all JS and CSS inlined). Figma
 * loads it on every plugin start; keep it small. Run `npm run build` first.
 *
 * Budget: 320 000 bytes raw, 100 000 bytes gzipped (measured: about 300 kB and
 * 92 kB). That is reachable only with scripts/esbuild-zod-en-only.mjs wired into
 * build.mjs (zod's unused locales alone are ~260 kB); the bulk is zod itself
 * (~180 kB, shared with src/model and src/protocol), d3-dsv ~2.5 kB for
 * spreadsheet import (papaparse, ~19 kB, until issue #12), preact ~11 kB, the panel ~45 kB.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

export const UI_BUDGET_RAW = 320_000;
export const UI_BUDGET_GZIP = 100_000;

describe('dist/ui.html size', () => {
  it(`stays under ${UI_BUDGET_RAW} bytes raw and ${UI_BUDGET_GZIP} gzipped`, () => {
    expect(existsSync('dist/ui.html'), 'dist/ui.html missing: run `npm run build` first').toBe(true);
    const html = readFileSync('dist/ui.html');
    const gz = gzipSync(html, { level: 9 }).length;
    console.log(
      `dist/ui.html: ${html.length} bytes raw, ${gz} bytes gzipped (budget ${UI_BUDGET_RAW} / ${UI_BUDGET_GZIP})`,
    );
    expect(html.length).toBeLessThanOrEqual(UI_BUDGET_RAW);
    expect(gz).toBeLessThanOrEqual(UI_BUDGET_GZIP);
    // Self-contained: no external scripts, styles or fonts are fetched.
    expect(html.toString()).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
  });
});
