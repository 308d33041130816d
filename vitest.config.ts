import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vitest 4 transforms TS/TSX with oxc: JSX goes to Preact's automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 120000,
  },
});
