// Builds the plugin with esbuild's JS API:
//   dist/code.js                 the sandbox (src/main.ts), one IIFE
//   dist/ui.html                 the panel (ui/), JS and CSS inlined: the iframe loads nothing
//   dist/journey-map.schema.json JSON Schema generated from the zod schema
// `node build.mjs --watch` rebuilds on change; `--dev` skips minification;
// `--analyze` prints what each bundle is made of (esbuild's metafile analysis).
// esbuild bundles; terser minifies (its output gzips ~3 KB smaller per bundle than esbuild's, issue #11).
import * as esbuild from 'esbuild';
import { minify as terser } from 'terser';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stubZodLocales } from './scripts/esbuild-zod-en-only.mjs';

const watch = process.argv.includes('--watch');
const minify = !watch && !process.argv.includes('--dev');
const analyze = process.argv.includes('--analyze');
await mkdir('dist', { recursive: true });

/*
 * The template maps (examples/*.json, imported by src/templates.ts) are shipped once: as a JSON
 * block in dist/ui.html. The panel reads the block from its document; the sandbox reads it from
 * `__html__`, the text of dist/ui.html that Figma hands every plugin with a UI. Neither bundle
 * carries a copy. Tests and scripts that import src/templates.ts from source get the files.
 */
const TEMPLATE_BLOCK_ID = 'journey-map-templates';
const TEMPLATE_BLOCK_OPEN = `<script type="application/json" id="${TEMPLATE_BLOCK_ID}">`;

/** A module of src/ bundled for Node and imported here (the build runs before any TypeScript loader). */
async function importForNode(entry) {
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  return import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
}

/** `normaliseMap` of src/model. */
async function loadNormaliseMap() {
  return (await importForNode('src/model/normalise.ts')).normaliseMap;
}

/**
 * A template map without the fields normalising fills back in: `version` (absent means the
 * current one), ids normalising makes the same from the name, empty fields, and the like. A field
 * is left out only if the map then normalises to exactly what the file does; both bundles only
 * ever use a template normalised (tests/build/bundle-budget.test.ts checks every one).
 */
function leanMap(map, normaliseMap) {
  const want = JSON.stringify(normaliseMap(map));
  const lean = structuredClone(map);
  const isEmpty = (v) =>
    v === '' || v === false || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
  const visit = (o) => {
    if (typeof o !== 'object' || o === null) return;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (!Array.isArray(o) && (k === 'id' || k === 'version' || isEmpty(v))) {
        delete o[k];
        if (JSON.stringify(normaliseMap(lean)) === want) continue;
        o[k] = v;
      }
      visit(v);
    }
  };
  visit(lean);
  return lean;
}

/** The block's contents: every example, keyed by file name, with `<` escaped so no text can end the script. */
async function templateBlock() {
  const normaliseMap = await loadNormaliseMap();
  const maps = {};
  for (const file of (await readdir('examples')).filter((f) => f.endsWith('.json')).sort()) {
    const map = JSON.parse(await readFile(`examples/${file}`, 'utf8'));
    maps[file.slice(0, -'.json'.length)] = leanMap(map, normaliseMap);
  }
  return TEMPLATE_BLOCK_OPEN + JSON.stringify(maps).replace(/</g, '\\u003c') + '</script>';
}

/** Where each bundle finds the block: JS source of a module whose default export is the parsed block. */
const TEMPLATE_READERS = {
  panel: [
    `const el = document.getElementById(${JSON.stringify(TEMPLATE_BLOCK_ID)});`,
    `export default el ? JSON.parse(el.textContent) : {};`,
  ].join('\n'),
  sandbox: [
    `const open = ${JSON.stringify(TEMPLATE_BLOCK_OPEN)};`,
    `const at = typeof __html__ === 'string' ? __html__.indexOf(open) : -1;`,
    `export default at < 0 ? {} : JSON.parse(__html__.slice(at + open.length, __html__.indexOf('</script>', at)));`,
  ].join('\n'),
};

/**
 * esbuild plugin: `examples/<name>.json` becomes that map read from the block, in the panel or
 * the sandbox. Without the block (a test harness that passes other HTML) every map is
 * `undefined`: src/main.ts then reports an unknown template, and the panel leaves it out.
 */
const templatesFromHtml = (side) => ({
  name: 'templates-from-html',
  setup(build) {
    const examples = path.resolve('examples') + path.sep;
    build.onLoad({ filter: /\.json$/ }, (args) =>
      args.path.startsWith(examples)
        ? {
            contents: `import maps from 'template-block';\nexport default maps[${JSON.stringify(path.basename(args.path, '.json'))}];`,
            resolveDir: process.cwd(),
            loader: 'js',
            // esbuild never reads the file itself: watch it so `--watch` rebuilds when it changes.
            watchFiles: [args.path],
          }
        : undefined,
    );
    build.onResolve({ filter: /^template-block$/ }, () => ({ path: side, namespace: 'template-block' }));
    build.onLoad({ filter: /.*/, namespace: 'template-block' }, () => ({
      contents: TEMPLATE_READERS[side],
      loader: 'js',
    }));
  },
});

// The Figma sandbox runs an older JS engine: object spread and optional catch
// binding are still rejected by some sandboxes ("Syntax error: Unexpected token ..."),
// see https://forum.figma.com/t/syntax-error-unexpected-token/1403 and
// https://www.figma.com/plugin-docs/how-plugins-run/ . es2017 makes esbuild lower them.
/**
 * The minifier step, run on esbuild's output. `ecma` caps the syntax terser may write: 2017 for the sandbox,
 * so it never turns code back into object spread, optional catch binding, `?.` or `??`
 * (tests/build/bundle-budget.test.ts checks dist/code.js). Safe compress options only; the
 * e2e tests run the minified bundles.
 */
async function minifyJs(js, ecma) {
  if (!minify) return js;
  const out = await terser(js, {
    ecma,
    compress: { ecma, passes: 2 },
    mangle: { toplevel: true },
    format: { ecma, comments: false },
  });
  return out.code;
}

/** esbuild plugin: write the sandbox bundle, minified unless `--dev` or `--watch`. */
const writeCode = {
  name: 'write-code',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      await writeFile('dist/code.js', await minifyJs(result.outputFiles[0].text, 2017));
    });
  },
};

const codeOptions = {
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'iife',
  target: 'es2017',
  outfile: 'dist/code.js',
  write: false,
  logLevel: 'warning',
  metafile: analyze,
  plugins: [stubZodLocales, templatesFromHtml('sandbox'), writeCode],
};

/**
 * The panel's script runs once the document is parsed (DOMContentLoaded), so that the template
 * block can follow it: script then block gzips ~150 bytes smaller than block then script.
 */
const afterParse = (js) =>
  `((run) => document.readyState === 'loading' ? addEventListener('DOMContentLoaded', run) : run())(() => {\n${js}\n});\n`;

/** esbuild plugin: after each UI build, wrap JS and CSS into one HTML file. */
const inlineHtml = {
  name: 'inline-html',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const files = result.outputFiles ?? [];
      const js = await minifyJs(afterParse(files.find((f) => f.path.endsWith('.js'))?.text ?? ''), 2020);
      const css = files.find((f) => f.path.endsWith('.css'))?.text ?? '';
      const html =
        '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width,initial-scale=1">' +
        `<style>${css.replace(/<\/style/gi, '<\\/style')}</style></head>` +
        `<body><div id="app"></div><script>${js.replace(/<\/script/gi, '<\\/script')}</script>` +
        (await templateBlock()) +
        '</body></html>';
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
  // Minifies the CSS, and the JS before terser: for the panel, terser on esbuild's minified JS
  // gzips ~100 bytes smaller than terser on the unminified JS (the sandbox: ~40 bytes larger).
  minify,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.svg': 'text' },
  logLevel: 'warning',
  metafile: analyze,
  plugins: [inlineHtml, stubZodLocales, templatesFromHtml('panel')],
};

async function writeSchema() {
  const mod = await importForNode('src/model/json-schema.ts');
  await writeFile('dist/journey-map.schema.json', JSON.stringify(mod.mapJsonSchema(), null, 2) + '\n');
}

if (watch) {
  const code = await esbuild.context(codeOptions);
  const ui = await esbuild.context(uiOptions);
  await Promise.all([code.watch(), ui.watch(), writeSchema()]);
  console.log('watching src/ and ui/ …');
} else {
  const [code, ui] = await Promise.all([esbuild.build(codeOptions), esbuild.build(uiOptions), writeSchema()]);
  if (analyze) {
    for (const [name, result] of [
      ['dist/code.js', code],
      ['dist/ui.html (script)', ui],
    ]) {
      console.log(`\n${name}:` + (await esbuild.analyzeMetafile(result.metafile)));
    }
  }
}
