// Each common edit, updated in place on the fake, then drawn in Chromium (render-html.ts turns the
// node tree into HTML whose flexbox follows the nodes' auto-layout and sizing), and checked by the
// dev harness's own geometry check (dev/geometry.ts): no overlapping texts, cards in their cells,
// markers on their column centres. The browser computes the layout, independently of the fake's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { renderNodeToHtml } from '../support/render-html';
import { launchBrowser, requireBrowserOrSkip } from '../support/browser';
import { norm } from '../support/maps';
import { base, CASES } from '../support/update-cases';
import type { GeometryReport } from '../../dev/geometry';

const browserCheck = requireBrowserOrSkip();

describe.skipIf(!browserCheck.available)('each common edit, updated in place, drawn in Chromium', () => {
  let browser: Browser;
  let checker: string;
  beforeAll(async () => {
    browser = (await launchBrowser())!;
    const out = await esbuild.build({
      entryPoints: ['dev/geometry.ts'],
      bundle: true,
      format: 'iife',
      globalName: 'geometry',
      write: false,
    });
    checker = out.outputFiles[0].text;
  });
  afterAll(async () => browser?.close());

  async function check(html: string): Promise<GeometryReport> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.addScriptTag({ content: checker });
      return await page.evaluate(() =>
        (
          window as unknown as { geometry: { checkGeometry(tops: HTMLElement[]): GeometryReport } }
        ).geometry.checkGeometry([document.body]),
      );
    } finally {
      await context.close();
    }
  }

  for (const c of CASES) {
    it(`${c.name}: no layout problem`, async () => {
      const edited = base();
      c.edit(edited);
      installFakeFigma();
      try {
        const { frame } = await createMap(norm(base()));
        c.canvas?.(frame);
        await updateMap(frame, norm(edited));
        const report = await check(renderNodeToHtml(frame, { padding: 24 }));
        expect(report.counts.maps).toBe(1);
        expect(report.counts.texts).toBeGreaterThan(20);
        expect(report.problems).toEqual([]);
      } finally {
        uninstallFakeFigma();
      }
    });
  }
});
