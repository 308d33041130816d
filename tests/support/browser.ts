/**
 * Headless Chromium for tests and previews: screenshots and browser-computed
 * geometry of the HTML made by render-html.ts.
 *
 * Project rule: browser tests need Debian's /usr/bin/chromium. Without it they
 * are skipped locally (one line says so), but under CI=true a missing browser
 * is a failure, so CI can never pass by silently skipping them.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SKIP_LINE = `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install: apt-get install -y chromium)`;

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

let skipLinePrinted = false;

/**
 * Whether browser tests can run. Throws under CI=true when Chromium is
 * missing; otherwise prints the skip line once per process.
 */
export function requireBrowserOrSkip(): { available: boolean; reason?: string } {
  if (browserAvailable()) return { available: true };
  if (process.env.CI === 'true')
    throw new Error(
      `CI=true but no Chromium at ${CHROMIUM_PATH}: browser tests must run in CI (install: apt-get install -y chromium)`,
    );
  if (!skipLinePrinted) {
    skipLinePrinted = true;
    console.warn(SKIP_LINE);
  }
  return { available: false, reason: SKIP_LINE };
}

/** A headless Chromium, or null when the binary is missing. The caller closes it. */
export async function launchBrowser(): Promise<Browser | null> {
  if (!browserAvailable()) return null;
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

async function withBrowser<T>(given: Browser | undefined, run: (b: Browser) => Promise<T>): Promise<T> {
  const browser = given ?? (await launchBrowser());
  if (!browser) throw new Error(SKIP_LINE.replace('browser tests skipped: ', 'cannot render: '));
  try {
    return await run(browser);
  } finally {
    if (!given) await browser.close();
  }
}

export interface ScreenshotOptions {
  /** Viewport width in px. Default: the drawing's own width, so the PNG is cropped to it. */
  width?: number;
  /** Device pixels per CSS px (2 for a sharp, retina-like image). Default 1. */
  deviceScaleFactor?: number;
  /** Reuse an open browser (faster for many shots); otherwise one is launched and closed. */
  browser?: Browser;
}

/** Loads the HTML and waits until its fonts are ready, so text metrics are final. */
async function openPage(browser: Browser, html: string, width: number, deviceScaleFactor: number) {
  const context = await browser.newContext({ viewport: { width, height: 600 }, deviceScaleFactor });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, context };
}

/** Full-page PNG of an HTML document (e.g. from renderNodeToHtml). */
export async function screenshotHtml(html: string, outPng: string, options: ScreenshotOptions = {}): Promise<void> {
  await withBrowser(options.browser, async (browser) => {
    const { page, context } = await openPage(browser, html, options.width ?? 1280, options.deviceScaleFactor ?? 1);
    try {
      if (options.width === undefined) {
        // Fit the viewport to the drawing: no empty band to the right of a narrow frame.
        const size = await page.evaluate(() => {
          const root = document.getElementById('root') ?? document.body;
          const r = root.getBoundingClientRect();
          return { width: Math.ceil(r.width), height: Math.ceil(r.height) };
        });
        await page.setViewportSize({ width: Math.max(1, size.width), height: Math.max(1, size.height) });
      }
      await mkdir(dirname(outPng), { recursive: true });
      await page.screenshot({ path: outPng, fullPage: true });
    } finally {
      await context.close();
    }
  });
}

export interface MeasuredBox {
  id: string;
  type: string;
  name: string;
  role?: string;
  stage?: string;
  lane?: string;
  /** Text content of TEXT nodes (as written in the node, before textCase). */
  text?: string;
  /** Relative to the top-left corner of the rendered root node, in CSS px. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Box checks for measured geometry, within EPS px (the browser's subpixel rounding). */
export const EPS = 1;
export const boxInside = (a: MeasuredBox, b: MeasuredBox) =>
  a.x >= b.x - EPS &&
  a.y >= b.y - EPS &&
  a.x + a.width <= b.x + b.width + EPS &&
  a.y + a.height <= b.y + b.height + EPS;
export const boxesOverlap = (a: MeasuredBox, b: MeasuredBox) =>
  a.x + EPS < b.x + b.width && b.x + EPS < a.x + a.width && a.y + EPS < b.y + b.height && b.y + EPS < a.y + a.height;
export const centreX = (b: MeasuredBox) => b.x + b.width / 2;

/** Browser-computed boxes (getBoundingClientRect) of every element with data-node-id, in document order. */
export async function measureHtml(html: string, options: { browser?: Browser } = {}): Promise<MeasuredBox[]> {
  return withBrowser(options.browser, async (browser) => {
    const { page, context } = await openPage(browser, html, 1280, 1);
    try {
      return await page.evaluate(() => {
        const els = Array.from(document.querySelectorAll<HTMLElement>('[data-node-id]'));
        const origin = els[0]?.getBoundingClientRect() ?? { left: 0, top: 0 };
        return els.map((el) => {
          const r = el.getBoundingClientRect();
          const d = el.dataset;
          const box: MeasuredBox = {
            id: d.nodeId ?? '',
            type: d.type ?? '',
            name: d.name ?? '',
            x: r.left - origin.left,
            y: r.top - origin.top,
            width: r.width,
            height: r.height,
          };
          if (d.role) box.role = d.role;
          if (d.stage) box.stage = d.stage;
          if (d.lane) box.lane = d.lane;
          if (d.type === 'TEXT') box.text = (el.textContent ?? '').replace(/\u200b/g, '');
          return box;
        });
      });
    } finally {
      await context.close();
    }
  });
}
