// ESLint flat config. Style (spacing, quotes, wrapping) is Prettier's job; these
// rules catch mistakes. Figma's own plugin catches what this project must never
// do under `documentAccess: dynamic-page`: sync node look-ups, deprecated
// setters, un-awaited async APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import * as figmaPlugins from '@figma/eslint-plugin-figma-plugins';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/', 'out/', 'node_modules/', 'tests/screenshots/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        // Each file is typed by its own context (tsconfig.sandbox/ui/node.json).
        project: ['./tsconfig.sandbox.json', './tsconfig.ui.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_name` marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests build deliberately malformed maps and messages, which are untyped JSON by nature.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The sandbox: the only code that runs inside Figma.
    files: ['src/**/*.ts'],
    plugins: { '@figma/figma-plugins': figmaPlugins },
    rules: { ...figmaPlugins.flatConfigs.recommended.rules },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
