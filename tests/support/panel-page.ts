/**
 * Opens the built panel (dist/ui.html) the way Figma does: inside an iframe of
 * a parent page that records every `pluginMessage` the panel posts and can
 * post messages back. Theme helpers inject the CSS variables and html class
 * Figma adds when showUI is called with `themeColors: true`.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Figma's theme tokens (values as Figma injects them), light and dark. */
export const FIGMA_THEMES = {
  light: {
    '--figma-color-bg': '#ffffff',
    '--figma-color-bg-secondary': '#f5f5f5',
    '--figma-color-bg-tertiary': '#e6e6e6',
    '--figma-color-bg-hover': '#f5f5f5',
    '--figma-color-bg-brand': '#0d99ff',
    '--figma-color-bg-brand-hover': '#007be5',
    '--figma-color-bg-danger-tertiary': '#ffe2e0',
    '--figma-color-bg-success-tertiary': '#dbf5e4',
    '--figma-color-text': 'rgba(0, 0, 0, 0.9)',
    '--figma-color-text-secondary': 'rgba(0, 0, 0, 0.5)',
    '--figma-color-text-tertiary': 'rgba(0, 0, 0, 0.3)',
    '--figma-color-text-onbrand': '#ffffff',
    '--figma-color-text-brand': '#007be5',
    '--figma-color-text-danger': '#dc3412',
    '--figma-color-text-success': '#009951',
    '--figma-color-text-disabled': 'rgba(0, 0, 0, 0.3)',
    '--figma-color-border': '#e6e6e6',
    '--figma-color-border-strong': '#2c2c2c',
    '--figma-color-border-selected': '#0d99ff',
  },
  dark: {
    '--figma-color-bg': '#2c2c2c',
    '--figma-color-bg-secondary': '#383838',
    '--figma-color-bg-tertiary': '#444444',
    '--figma-color-bg-hover': '#383838',
    '--figma-color-bg-brand': '#0c8ce9',
    '--figma-color-bg-brand-hover': '#0a6dc2',
    '--figma-color-bg-danger-tertiary': '#4d2a26',
    '--figma-color-bg-success-tertiary': '#1f3d2c',
    '--figma-color-text': '#ffffff',
    '--figma-color-text-secondary': 'rgba(255, 255, 255, 0.7)',
    '--figma-color-text-tertiary': 'rgba(255, 255, 255, 0.4)',
    '--figma-color-text-onbrand': '#ffffff',
    '--figma-color-text-brand': '#7cc4f8',
    '--figma-color-text-danger': '#fca397',
    '--figma-color-text-success': '#79d297',
    '--figma-color-text-disabled': 'rgba(255, 255, 255, 0.4)',
    '--figma-color-border': '#444444',
    '--figma-color-border-strong': '#757575',
    '--figma-color-border-selected': '#0c8ce9',
  },
} as const;

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
    messages: () => page.evaluate(() => (window as unknown as { __messages: Array<Record<string, unknown>> }).__messages),
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
          style.textContent = `:root{${Object.entries(vars).map(([k, v]) => `${k}:${v}`).join(';')}}`;
        },
        { vars: FIGMA_THEMES[theme], dark: theme === 'dark' },
      ),
  };
}
