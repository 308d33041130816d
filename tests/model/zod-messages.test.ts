/**
 * zod's own wording at every boundary, pinned. The schemas use zod/mini, which registers no
 * locale; src/zod-jitless.ts supplies English (`englishErrors`), without which every message
 * below would be "Invalid input". The lines are those zod classic gave before the move.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import en from 'zod/v4/locales/en.js';
import type * as z from 'zod/mini';
import { normaliseMap } from '../../src/model';
import { PluginToUiSchema, UiToPluginSchema } from '../../src/protocol';
import { englishErrors } from '../../src/zod-jitless';
import { readStoredDraft, StoredDraftSchema } from '../../ui/draft';

const ok = { title: 'T', stages: [{ name: 'A' }] };
const lane = (l: Record<string, unknown>) => ({ ...ok, lanes: [{ title: 'L', ...l }] });

function lines(input: unknown): string[] {
  const r = normaliseMap(input);
  if (r.ok) throw new Error('expected the map to be refused');
  return r.issues.map((i) => `${i.path}: ${i.message}`);
}

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('map validation keeps zod’s English messages', () => {
  it.each([
    [{ ...ok, title: 5 }, 'title: Invalid input: expected string, received number'],
    [{ ...ok, stages: 'x' }, 'stages: Invalid input: expected array, received string'],
    [{ ...ok, stages: [3] }, 'stages[0]: Invalid input: expected object, received number'],
    [{ ...ok, stages: [{ name: null }] }, 'stages[0].name: Invalid input: expected string, received null'],
    [
      { ...ok, persona: { name: 'P', goals: [1] } },
      'persona.goals[0]: Invalid input: expected string, received number',
    ],
    [lane({ kind: 'text', cells: [] }), 'lanes[0].cells: Invalid input: expected record, received array'],
    [
      lane({ kind: 'cards', tone: 'red' }),
      'lanes[0].tone: Invalid option: expected one of "neutral"|"positive"|"negative"|"idea"',
    ],
    [
      lane({ kind: 'emotion', cells: { a: { score: NaN } } }),
      'lanes[0].cells.a.score: Invalid input: expected number, received NaN',
    ],
    [
      lane({ kind: 'emotion', cells: { a: { score: Infinity } } }),
      'lanes[0].cells.a.score: Invalid input: expected number, received Infinity',
    ],
    [{ ...ok, meta: [] }, 'meta: Invalid input: expected record, received array'],
    [{ ...ok, meta: { a: new Date(0) } }, 'meta.a: Invalid input'],
  ])('%j', (input, line) => {
    expect(lines(input)).toEqual([line]);
  });
});

describe('message validation keeps zod’s English messages', () => {
  it('panel → sandbox', () => {
    expect(messages(UiToPluginSchema.safeParse({ type: 'nope' }))).toEqual([
      "type: Invalid discriminator value. Expected 'ready' | 'create' | 'update' | 'read' | 'save-draft' | 'resize' | 'notify' | 'list-fonts' | 'list-versions' | 'save-version' | 'delete-version' | 'load-version' | 'compare' | 'draw-comparison' | 'set-variable-mode' | 'get-variable-modes'",
    ]);
    expect(messages(UiToPluginSchema.safeParse({ type: 'create' }))).toEqual([
      'map: Invalid input: expected nonoptional, received undefined',
    ]);
    expect(
      messages(
        UiToPluginSchema.safeParse({ type: 'update', nodeId: 'x', map: {}, baseRevision: 1.5, force: 'y', x: 1 }),
      ),
    ).toEqual([
      'baseRevision: Invalid input: expected int, received number',
      'force: Invalid input: expected boolean, received string',
      ': Unrecognized key: "x"',
    ]);
    expect(messages(UiToPluginSchema.safeParse({ type: 'update', nodeId: '', map: {}, baseRevision: -1 }))).toEqual([
      'nodeId: Too small: expected string to have >=1 characters',
      'baseRevision: Too small: expected number to be >=0',
    ]);
    expect(messages(UiToPluginSchema.safeParse({ type: 'resize', width: 10, height: 5000 }))).toEqual([
      'width: Too small: expected number to be >=240',
      'height: Too big: expected number to be <=2000',
    ]);
  });

  it('sandbox → panel', () => {
    expect(messages(PluginToUiSchema.safeParse({ type: 'error', code: 'x', message: 1, issues: [{}] }))).toEqual([
      'code: Invalid option: expected one of "invalid"|"conflict"|"not-found"|"storage"|"internal"',
      'message: Invalid input: expected string, received number',
      'issues.0.path: Invalid input: expected string, received undefined',
      'issues.0.message: Invalid input: expected string, received undefined',
    ]);
    expect(
      messages(PluginToUiSchema.safeParse({ type: 'created', nodeId: 'n', canvas: 'c', map: {}, revision: 2 ** 60 })),
    ).toEqual(['revision: Too big: expected int to be <=9007199254740991']);
  });
});

describe('stored drafts', () => {
  const map = {
    title: 'T',
    persona: { name: '', role: '', quote: '', description: '', goals: [], frustrations: [] },
    stages: [{ id: 'a', name: 'A' }],
    lanes: [{ id: 'l', title: 'L', kind: 'text' }],
  };
  const target = { nodeId: '1:2', revision: 3 };

  it('keep a base that parses, with cell records filled in', () => {
    const stored = readStoredDraft({ v: 1, map, target: { ...target, base: map } });
    expect(stored?.target?.base?.lanes).toEqual([{ id: 'l', title: 'L', kind: 'text', cells: {} }]);
  });

  it('drop a base that does not parse, and keep the rest of the draft', () => {
    for (const base of [null, 5, { ...map, stages: [] }]) {
      expect(StoredDraftSchema.safeParse({ v: 1, map, target: { ...target, base } }).success).toBe(true);
      const stored = readStoredDraft({ v: 1, map, target: { ...target, base } });
      expect(stored?.target).toEqual(target);
      expect(stored?.map.title).toBe('T');
    }
  });

  it('refuse duplicate ids, with the refinement’s message', () => {
    const dup = { ...map, stages: [map.stages[0], map.stages[0]] };
    expect(messages(StoredDraftSchema.safeParse({ v: 1, map: dup }))).toEqual(['map.stages: duplicate stage ids']);
    expect(readStoredDraft({ v: 1, map: dup })).toBeNull();
  });
});

describe('englishErrors', () => {
  class Shoe {}
  const input = fc.oneof(
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
    fc.constantFrom(NaN, Infinity, -Infinity, new Shoe(), () => 1, Symbol('s'), undefined),
  );
  const primitive = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.bigInt());
  const origins = ['string', 'array', 'number', 'int', 'bigint', 'date', 'set', 'map', 'file', 'record', undefined];
  const issue: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    fc.record({
      code: fc.constant('invalid_type'),
      expected: fc.constantFrom('string', 'number', 'int', 'boolean', 'object', 'array', 'record', 'null', 'nan'),
      input,
    }),
    fc.record({ code: fc.constant('invalid_value'), values: fc.array(primitive, { minLength: 1, maxLength: 5 }) }),
    fc.record(
      {
        code: fc.constantFrom('too_big', 'too_small'),
        origin: fc.constantFrom(...origins),
        maximum: fc.oneof(fc.integer(), fc.double(), fc.bigInt()),
        minimum: fc.oneof(fc.integer(), fc.double(), fc.bigInt()),
        inclusive: fc.boolean(),
        exact: fc.boolean(),
      },
      { requiredKeys: ['code', 'origin', 'maximum', 'minimum'] },
    ),
    fc.record({ code: fc.constant('invalid_format'), format: fc.constant('regex'), pattern: fc.string() }),
    fc.record({ code: fc.constant('not_multiple_of'), divisor: fc.double() }),
    fc.record({ code: fc.constant('unrecognized_keys'), keys: fc.array(fc.string(), { minLength: 1, maxLength: 4 }) }),
    fc.record({
      code: fc.constantFrom('invalid_key', 'invalid_element'),
      origin: fc.constantFrom('record', 'map', 'set'),
    }),
    fc.record(
      {
        code: fc.constant('invalid_union'),
        errors: fc.constant([]),
        options: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
        inclusive: fc.boolean(),
      },
      { requiredKeys: ['code', 'errors'] },
    ),
    fc.record({ code: fc.constant('custom') }),
  );
  const zodEnglish = en().localeError;

  it('says what zod’s English locale says, for every kind of issue our schemas raise', () => {
    fc.assert(
      fc.property(issue, (iss) => {
        const raw = iss as unknown as z.core.$ZodRawIssue;
        expect(englishErrors(raw)).toBe(zodEnglish(raw));
      }),
      { numRuns: 2000 },
    );
  });
});
