/**
 * The whole plugin in a browser, for end-to-end tests: the dev harness (dev/server.mjs) runs
 * the built sandbox against the in-memory Figma and the built panel in an iframe, bridged like
 * Figma (dev/host.ts exposes it as `window.harness`). `useDevHarness` starts one server and one
 * browser per suite and a fresh page per test, and fails a test whose sandbox threw or whose
 * page crashed, whatever the test itself checked. Run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { GeometryReport } from '../../dev/geometry';
import { launchBrowser, requireBrowserOrSkip } from './browser';
// @ts-expect-error: plain ESM module without types
import { startDevServer } from '../../dev/server.mjs';

/** Where e2e screenshots go (git-ignored). */
export const SHOTS = 'tests/screenshots';

/** Whether Chromium is here to run these tests (a missing one fails under CI=true). */
export const browserCheck = requireBrowserOrSkip();

/** What dev/host.ts puts on the harness page's window. */
export interface HarnessWindow {
  harness: {
    figma: PluginAPI;
    ready: boolean;
    startError: string | null;
    redraw: () => void;
    checkLayout: () => GeometryReport;
    /** Canvas units between two whole points of the emotion scale. */
    markerPoint: number;
    /** Which editor the fake plays (`?editor=figjam`). */
    editor: 'figma' | 'figjam';
    /** FigJam: a participant's sticky with `text`, put into this cards cell's first free place. */
    stickyInto(cell: SceneNode, text: string): Promise<StickyNode>;
    bridge: {
      toPanel: Array<{ type: string }>;
      fromPanel: Array<{ type: string; map?: unknown }>;
      sandboxErrors: string[];
    };
  };
}

/**
 * Registers the suite's hooks (call it inside `describe`); `onPage` gets each test's page and
 * the panel's iframe once the plugin has started and the panel shows its tabs.
 */
export function useDevHarness(
  onPage: (page: Page, panel: FrameLocator) => void,
  options: { editor?: 'figma' | 'figjam' } = {},
): void {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startDevServer({ port: 0 });
    browser = (await launchBrowser())!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(10000);
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(options.editor === 'figjam' ? `${server.url}?editor=figjam` : server.url);
    await page.waitForFunction(() => {
      const h = (window as unknown as Partial<HarnessWindow>).harness;
      return h?.ready === true || !!h?.startError;
    });
    expect(await page.evaluate(() => (window as unknown as HarnessWindow).harness.startError)).toBeNull();
    const panel = page.frameLocator('#plugin');
    await panel.getByRole('tablist').waitFor();
    onPage(page, panel);
  });
  afterEach(async () => {
    // Whatever a test did, the sandbox must not have thrown and the page must not have crashed.
    const sandboxErrors = await page.evaluate(() => (window as unknown as HarnessWindow).harness.bridge.sandboxErrors);
    await page.close();
    expect(sandboxErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

/** Wait until the sandbox has sent the panel `count` replies of this type in all. */
export const waitForReplies = (page: Page, type: string, count = 1) =>
  page.waitForFunction(
    ([t, n]) =>
      (window as unknown as HarnessWindow).harness.bridge.toPanel.filter((m) => m.type === t).length >= (n as number),
    [type, count] as const,
  );
