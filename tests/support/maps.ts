/**
 * Map helpers shared by the test suites: the bundled examples as files,
 * unwrapping a Result that a test expects to succeed (failing with its issues),
 * and deep-copying a map before editing it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { normaliseMap, type JourneyMap, type Result } from '../../src/model';

export const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

export interface Example {
  /** File name inside examples/, e.g. `ecommerce.json`. */
  file: string;
  /** The file's text, exactly as stored. */
  text: string;
  /** The parsed JSON, not normalised. */
  input: unknown;
}

/** Every examples/*.json, sorted by file name. */
export function loadExamples(): Example[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(new URL(file, EXAMPLES_DIR), 'utf8');
      return { file, text, input: JSON.parse(text) as unknown };
    });
}

/** The value of a Result the test expects to be ok; otherwise throws with the issues. */
export function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got issues: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** `normaliseMap(input)`, which the test expects to succeed. */
export function norm(input: unknown): JourneyMap {
  return ok(normaliseMap(input));
}

/** A deep copy through JSON, as the panel and the plugin exchange maps: `undefined` fields are dropped. */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
