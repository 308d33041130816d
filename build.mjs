// Builds the plugin with esbuild's JS API:
//   dist/code.js                 the sandbox (src/main.ts), one IIFE
//   dist/ui.html                 the panel (ui/), JS and CSS inlined: the iframe loads nothing
//   dist/journey-map.schema.json JSON Schema generated from the zod schema
// `node build.mjs --watch` rebuilds on change; `--dev` skips minification.
import * as esbuild from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { stubZodLocales } from './scripts/esbuild-zod-en-only.mjs';

const watch = process.argv.includes('--watch');
const minify = !watch && !process.argv.includes('--dev');
await mkdir('dist', { recursive: true });

// The Figma sandbox runs an older JS engine: object spread and optional catch
// binding are still rejected by some sandboxes ("Syntax error: Unexpected token ..."),
// see https://forum.figma.com/t/syntax-error-unexpected-token/1403 and
// https://www.figma.com/plugin-docs/how-plugins-run/ . es2017 makes esbuild lower them.
const codeOptions = {
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'iife',
  target: 'es2017',
  outfile: 'dist/code.js',
  minify,
  logLevel: 'warning',
  plugins: [stubZodLocales],
};

/** esbuild plugin: after each UI build, wrap JS and CSS into one HTML file. */
const inlineHtml = {
  name: 'inline-html',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const files = result.outputFiles ?? [];
      const js = files.find((f) => f.path.endsWith('.js'))?.text ?? '';
      const css = files.find((f) => f.path.endsWith('.css'))?.text ?? '';
      const html =
        '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width,initial-scale=1">' +
        `<style>${css.replace(/<\/style/gi, '<\\/style')}</style></head>` +
        `<body><div id="app"></div><script>${js.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
      await writeFile('dist/ui.html', html);
    });
  },
};

const uiOptions = {
  entryPoints: ['ui/main.tsx'],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  outdir: 'dist/ui-tmp',
  write: false,
  minify,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.svg': 'text' },
  logLevel: 'warning',
  plugins: [inlineHtml, stubZodLocales],
};

async function writeSchema() {
  const out = await esbuild.build({
    entryPoints: ['src/model/json-schema.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const mod = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
  await writeFile('dist/journey-map.schema.json', JSON.stringify(mod.mapJsonSchema(), null, 2) + '\n');
}

if (watch) {
  const code = await esbuild.context(codeOptions);
  const ui = await esbuild.context(uiOptions);
  await Promise.all([code.watch(), ui.watch(), writeSchema()]);
  console.log('watching src/ and ui/ …');
} else {
  await Promise.all([esbuild.build(codeOptions), esbuild.build(uiOptions), writeSchema()]);
}
