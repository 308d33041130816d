/**
 * Imported first by src/main.ts, before any module that builds a schema: zod
 * decides whether to compile a schema into a `new Function` parser when the
 * schema is built, so the setting must be in place before then. The sandbox
 * must not build functions from strings (some Figma sandboxes forbid it, and
 * tests/figma/bundle-no-eval.test.ts checks the built bundle never does).
 */
import { z } from 'zod';

z.config({ jitless: true });
