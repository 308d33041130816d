/**
 * Figma's theme in the plugin iframe. With `showUI(html, { themeColors: true })`
 * Figma puts class `figma-light` / `figma-dark` on the panel's <html> and a
 * <style> of `--figma-color-*` variables into it, and swaps both live when the
 * user changes theme. The iframe has an opaque origin, so the host cannot reach
 * into its document: like Figma, we inject the style and a small listener into
 * the HTML before it loads, then switch themes by message.
 */
import { FIGMA_THEMES } from '../tests/support/figma-themes';

export type ThemeName = keyof typeof FIGMA_THEMES;

/** Key of the host → iframe theme message; the panel ignores it (no `pluginMessage`). */
export const THEME_MESSAGE = '__devHarnessTheme';

export function themeCss(theme: ThemeName): string {
  return `:root{${Object.entries(FIGMA_THEMES[theme])
    .map(([k, v]) => `${k}:${v}`)
    .join(';')}}`;
}

export function themeMessage(theme: ThemeName): Record<string, unknown> {
  return { [THEME_MESSAGE]: { className: `figma-${theme}`, css: themeCss(theme) } };
}

/** The panel HTML as Figma would load it with `themeColors: true`. */
export function withTheme(html: string, theme: ThemeName): string {
  const listener =
    `<script>addEventListener('message',function(e){var t=e.data&&e.data.${THEME_MESSAGE};if(!t)return;` +
    `document.documentElement.className=t.className;document.getElementById('figma-style').textContent=t.css;});</script>`;
  const head = `<style id="figma-style">${themeCss(theme)}</style>${listener}`;
  let out = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => m + head) : head + html;
  // Figma's class on <html>; add one if the document has no <html> tag of its own.
  out = /<html[^>]*>/i.test(out)
    ? out.replace(
        /<html([^>]*)>/i,
        (_m, attrs: string) => `<html${attrs.replace(/\sclass="[^"]*"/i, '')} class="figma-${theme}">`,
      )
    : `<html class="figma-${theme}">${out}</html>`;
  return out;
}
