/**
 * The published JSON Schema (dist/journey-map.schema.json) lets editors and
 * other tools validate map files. It is generated from the zod schema; these
 * tests check it with an independent validator (ajv) against the examples,
 * generated maps and known-bad documents.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { mapJsonSchema } from '../../src/model/json-schema';
import { arbBrokenMap, arbMapInput, DEFECTS } from '../support/arbitraries';
import { loadExamples } from '../support/maps';

const schema = mapJsonSchema();
// strict: ajv also refuses unknown keywords, so a zod change that emits non-standard JSON Schema fails here.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);
const errors = () => ajv.errorsText(validate.errors);

const examples = loadExamples().map(({ file, input }) => ({ file, doc: input as Record<string, unknown> }));

describe('map JSON Schema', () => {
  it('is a draft 2020-12 object schema with an id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:journey-map:format:v2');
    expect(schema.type).toBe('object');
  });

  it('requires title and stages and forbids other top-level fields', () => {
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'stages']));
    expect(schema.required).not.toContain('version');
    expect(schema.additionalProperties).toBe(false);
  });

  for (const { file, doc } of examples) {
    it(`accepts ${file}`, () => {
      expect(validate(doc), errors()).toBe(true);
    });
  }

  it('accepts every generated valid map of the current version', () => {
    // Version-1 files (one `persona`) are the plugin's to migrate; the schema describes version 2.
    const current = arbMapInput().filter((m) => m.version !== 1 && !('persona' in m));
    fc.assert(
      fc.property(current, (input) => {
        expect(validate(input), errors()).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects what the format forbids', () => {
    const ok = examples[0].doc;
    const bad: Record<string, unknown>[] = [
      { ...ok, title: undefined },
      { ...ok, stages: undefined },
      { ...ok, stages: [] },
      { ...ok, extra: 1 },
      { ...ok, version: 3 },
      { ...ok, title: 'x'.repeat(121) },
      { ...ok, stages: [{ id: 'a' }] },
      { ...ok, stages: [{ name: 'A', stage: 1 }] },
      { ...ok, lanes: [{ title: 'L', kind: 'diagram' }] },
      { ...ok, lanes: [{ title: 'L', kind: 'emotion', scale: { min: 1.5, max: 4 } }] },
      { ...ok, lanes: [{ title: 'L', kind: 'emotion', style: 'dotted' }] },
      { ...ok, personas: [{ id: 'a b', name: 'P' }] },
      { ...ok, lanes: [{ title: 'L', kind: 'cards', tone: 'red' }] },
      { ...ok, stages: [{ id: '-x', name: 'A' }] },
    ].map((d) => JSON.parse(JSON.stringify(d)));
    for (const doc of bad) expect(validate(doc), JSON.stringify(doc).slice(0, 120)).toBe(false);
  });

  it('refuses an unknown key in a stage, as the plugin does', () => {
    const doc = structuredClone(examples[0].doc) as { stages: Record<string, unknown>[] };
    expect(validate(doc), errors()).toBe(true);
    doc.stages[0].stage = 'typo';
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.instancePath === '/stages/0')).toBe(
      true,
    );
  });

  it("agrees with the plugin on every structural defect (cross-field ones are the plugin's job)", () => {
    // Duplicate ids, cells naming missing stages and scores outside their lane's scale cannot be said in JSON Schema.
    const structural = DEFECTS.filter(
      (d) => d !== 'duplicateStageId' && d !== 'cellForMissingStage' && d !== 'scoreOutOfRange',
    );
    fc.assert(
      fc.property(arbBrokenMap(structural), ({ input }) => {
        expect(validate(input)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('is what the build ships in dist/ (run `npm run build` if this fails)', () => {
    const file = new URL('../../dist/journey-map.schema.json', import.meta.url);
    expect(existsSync(file), 'dist/journey-map.schema.json is missing').toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema);
  });
});
