/**
 * esbuild plugin for both bundles: zod's `z` namespace re-exports every locale
 * (`z.locales`, ~260 kB minified) and esbuild cannot always tree-shake a
 * namespace object (the es2017 sandbox build keeps it), so a bundle could ship
 * 40+ translations it never uses. This resolves zod's internal
 * `../locales/index.js` to an empty module. Our English messages come from
 * src/zod-jitless.ts (`englishErrors`), not from zod's locales.
 */
export const stubZodLocales = {
  name: 'stub-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)
        ? { path: 'zod-locales-none', namespace: 'stub-zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'stub-zod-locales' }, () => ({ contents: 'export {};' }));
  },
};
