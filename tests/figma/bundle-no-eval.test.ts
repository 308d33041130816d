/**
 * The built sandbox (dist/code.js) never builds a function from a string: no
 * `eval`, no `new Function`. zod compiles object schemas with `new Function`
 * unless `jitless` is set before any schema is built (src/zod-jitless.ts), and
 * its probe for that hides behind an alias (`let t = Function; new t("")`), so
 * a text search alone can't prove it: the bundle is run with `Function` and
 * `eval` replaced by traps that count every use, through create, update and read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples } from '../support/maps';

afterEach(() => uninstallFakeFigma());

describe('dist/code.js', () => {
  const bundle = readFileSync(new URL('../../dist/code.js', import.meta.url), 'utf8');

  it('contains no eval and no `new Function(` call', () => {
    expect(bundle).not.toMatch(/\beval\s*\(/);
    expect(bundle).not.toMatch(/new\s+Function\s*\(/);
  });

  it('never constructs a function or evaluates a string while creating, updating and reading a map', async () => {
    const uses: string[] = [];
    const FunctionTrap = new Proxy(Function, {
      construct(_t, args) {
        uses.push(`new Function(${String(args.at(-1)).slice(0, 40)})`);
        throw new EvalError('code generation from strings is disallowed here');
      },
      apply(_t, _this, args) {
        uses.push(`Function(${String(args.at(-1)).slice(0, 40)})`);
        throw new EvalError('code generation from strings is disallowed here');
      },
    });
    const evalTrap = (code: unknown) => {
      uses.push(`eval(${String(code).slice(0, 40)})`);
      throw new EvalError('eval is disallowed here');
    };
    const fake = installFakeFigma();
    new Function('figma', '__html__', 'Function', 'eval', bundle)(fake.figma, '<html></html>', FunctionTrap, evalTrap);
    await fake.runCommand('open');
    const send = async (msg: Record<string, unknown>) => {
      const before = fake.uiMessages.length;
      await fake.sendToPlugin(msg);
      // The sandbox answers asynchronously; wait for the reply.
      for (let i = 0; i < 200 && fake.uiMessages.length === before; i++) await new Promise((r) => setTimeout(r, 5));
      return fake.uiMessages.slice(before) as Array<Record<string, unknown>>;
    };
    const [example] = loadExamples();
    const created = (await send({ type: 'create', map: example.input })).find((m) => m.type === 'created');
    expect(created).toBeDefined();
    const edited = structuredClone(example.input) as { title: string };
    edited.title = 'Edited';
    const updated = await send({ type: 'update', nodeId: created!.nodeId, map: edited });
    expect(updated.map((m) => m.type)).toContain('updated');
    const read = await send({ type: 'read', nodeId: created!.nodeId });
    expect(read.map((m) => m.type)).toContain('map');
    expect(uses).toEqual([]);
  });
});
