/**
 * esbuild plugin for the panel build: zod 4's `z` namespace re-exports every
 * locale (`z.locales`, ~260 kB minified) and esbuild cannot tree-shake a
 * namespace object, so the panel would ship 40+ translations it never uses.
 * This resolves zod's internal `../locales/index.js` to a module exporting
 * only English (the default zod registers itself, from `../locales/en.js`).
 * Used by build.mjs for both bundles (the sandbox imports zod too).
 */
export const stubZodLocales = {
  name: 'stub-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)
        ? { path: 'zod-locales-en-only', namespace: 'stub-zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'stub-zod-locales' }, () => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: process.cwd(),
    }));
  },
};
