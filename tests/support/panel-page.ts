/**
 * Opens the built panel (dist/ui.html) the way Figma does: inside an iframe of
 * a parent page that records every `pluginMessage` the panel posts and can
 * post messages back. Theme helpers inject the CSS variables and html class
 * Figma adds when showUI is called with `themeColors: true`.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';

// One launch recipe for every browser test (browser.ts says why each flag is there).
export { CHROMIUM_PATH as CHROMIUM, CHROMIUM_ARGS } from './browser';

/** Figma's theme tokens (values as Figma injects them), light and dark. */
export { FIGMA_THEMES } from './figma-themes';
import { FIGMA_THEMES } from './figma-themes';

export function builtPanelHtml(): string {
  const path = 'dist/ui.html';
  if (!existsSync(path)) throw new Error('dist/ui.html is missing: run `npm run build` first');
  return readFileSync(path, 'utf8');
}

export interface PanelPage {
  page: Page;
  frame: Frame;
  /** Every pluginMessage the panel posted, in order. */
  messages: () => Promise<Array<Record<string, unknown>>>;
  /** Post a message to the panel as the sandbox would. */
  post: (msg: unknown) => Promise<void>;
  setTheme: (theme: keyof typeof FIGMA_THEMES) => Promise<void>;
}

export async function openPanel(browser: Browser, size = { width: 420, height: 640 }): Promise<PanelPage> {
  const page = await browser.newPage({ viewport: size });
  page.setDefaultTimeout(8000);
  await page.setContent(
    `<!doctype html><html><body style="margin:0">
      <iframe id="plugin" style="border:0;width:${size.width}px;height:${size.height}px;display:block"></iframe>
      <script>
        window.__messages = [];
        window.addEventListener('message', (e) => {
          if (e.data && e.data.pluginMessage) window.__messages.push(e.data.pluginMessage);
        });
      </script></body></html>`,
  );
  // srcdoc keeps the panel self-contained like Figma's iframe: nothing else can be loaded.
  await page.evaluate((html) => {
    (document.getElementById('plugin') as HTMLIFrameElement).srcdoc = html;
  }, builtPanelHtml());
  await page.waitForFunction(() => {
    const f = document.getElementById('plugin') as HTMLIFrameElement;
    return !!f.contentDocument?.querySelector('[role=tablist]');
  });
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  return {
    page,
    frame,
    messages: () =>
      page.evaluate(() => (window as unknown as { __messages: Array<Record<string, unknown>> }).__messages),
    post: (msg) =>
      page.evaluate((m) => {
        (document.getElementById('plugin') as HTMLIFrameElement).contentWindow!.postMessage({ pluginMessage: m }, '*');
      }, msg),
    setTheme: (theme) =>
      frame.evaluate(
        ({ vars, dark }) => {
          document.documentElement.className = dark ? 'figma-dark' : 'figma-light';
          let style = document.getElementById('figma-style');
          if (!style) {
            style = document.createElement('style');
            style.id = 'figma-style';
            document.head.appendChild(style);
          }
          style.textContent = `:root{${Object.entries(vars)
            .map(([k, v]) => `${k}:${v}`)
            .join(';')}}`;
        },
        { vars: FIGMA_THEMES[theme], dark: theme === 'dark' },
      ),
  };
}
