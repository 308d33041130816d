/**
 * dist/code.js runs in Figma's plugin sandbox, whose engine rejects syntax newer than ES2017 in
 * some sandboxes ("Syntax error: Unexpected token ..."): object spread and rest, optional catch
 * binding, `?.`, `??`, and the rest of ES2018+. build.mjs has esbuild lower to es2017 and caps
 * terser, which minifies after it, at ecma 2017 so it writes none back. Run `npm run build` first.
 */
import { parse } from 'acorn';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Why `source` does not parse as ES2017 (acorn's message and position), or null when it does. */
const es2017Error = (source: string): string | null => {
  try {
    parse(source, { ecmaVersion: 2017, sourceType: 'script' });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('dist/code.js syntax', () => {
  it('parses as ES2017 (no object spread, catch {, ?., ?? or later syntax)', () => {
    expect(existsSync('dist/code.js'), 'dist/code.js missing: run `npm run build` first').toBe(true);
    const code = readFileSync('dist/code.js', 'utf8');
    const error = es2017Error(code);
    const at = error?.match(/\((\d+):(\d+)\)/);
    const excerpt = at
      ? code.split('\n')[Number(at[1]) - 1].slice(Math.max(0, Number(at[2]) - 60), Number(at[2]) + 60)
      : '';
    expect(error, `dist/code.js is not ES2017: ${error} near ${excerpt}`).toBeNull();
  });

  it('the check rejects each feature newer than ES2017', () => {
    for (const snippet of [
      'x = { ...a };',
      'var { a, ...b } = c;',
      'try {} catch {}',
      'x = a?.b;',
      'x = a ?? b;',
      'a ||= b;',
      'async function* f() {}',
      'x = 1n;',
      'x = /(?<y>a)/;',
      'class A { x = 1 }',
    ]) {
      expect(es2017Error(snippet), snippet).not.toBeNull();
    }
    expect(es2017Error('x = [...a]; f(...a); async function g() { await h(); } x = 2 ** 3;')).toBeNull();
  });
});
