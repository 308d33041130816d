/**
 * zod's settings for every bundle, imported before any schema is built: first of
 * all by src/main.ts, and by src/model/schema.ts, src/protocol.ts and ui/draft.ts,
 * so the panel and tests get them too.
 *
 * - jitless: zod decides whether to compile a schema into a `new Function` parser
 *   when the schema is built, so the setting must be in place before then. The
 *   sandbox must not build functions from strings (some Figma sandboxes forbid it,
 *   and tests/figma/bundle-no-eval.test.ts checks the built bundle never does).
 *   zod/mini does not compile today; the setting keeps it so if a later one does.
 * - English messages: zod/mini registers no locale, and without one every default
 *   message is "Invalid input". Located messages such as `title: Invalid input:
 *   expected string, received number` need English. `englishErrors` gives zod's
 *   English (zod/v4/locales/en.js) for every issue our schemas can raise, in a
 *   fraction of its size: it leaves out the names of string formats (email, UUID,
 *   …) that no schema here uses. tests/model/zod-messages.test.ts compares the two.
 */
import * as z from 'zod/mini';

/** How zod's English shows a literal: strings quoted, bigints with `n`. */
const literal = (v: unknown): string => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `"${v}"` : `${v}`);

/** zod's name for what a value is: `NaN`, `Infinity`, `null`, `array`, a class name, or `typeof`. */
function received(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : String(v);
  if (typeof v !== 'object' || v === null) return v === null ? 'null' : typeof v;
  if (Array.isArray(v)) return 'array';
  const ctor = Object.getPrototypeOf(v) !== Object.prototype && 'constructor' in v ? v.constructor : undefined;
  return ctor ? (ctor as { name: string }).name : 'object';
}

/** Units of sizes, by the issue's origin (zod's `Sizable`). */
const UNITS: Record<string, string | undefined> = {
  string: 'characters',
  file: 'bytes',
  array: 'items',
  set: 'items',
  map: 'entries',
};

export const englishErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected === 'nan' ? 'NaN' : issue.expected}, received ${received(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${literal(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(literal).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = big ? issue.maximum : issue.minimum;
      const adj = issue.exact ? 'exactly ' : (big ? '<' : '>') + (issue.inclusive ? '=' : '');
      const unit = Object.prototype.hasOwnProperty.call(UNITS, issue.origin) ? UNITS[issue.origin] : undefined;
      const origin = big ? (issue.origin ?? 'value') : issue.origin;
      return `Too ${big ? 'big' : 'small'}: expected ${origin} to ${unit ? 'have' : 'be'} ${adj}${limit}${unit ? ` ${unit}` : ''}`;
    }
    case 'invalid_format':
      return issue.format === 'regex'
        ? `Invalid string: must match pattern ${issue.pattern}`
        : `Invalid ${issue.format}`;
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(literal).join(', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length)
        return `Invalid discriminator value. Expected ${options.map((o) => `'${o}'`).join(' | ')}`;
      return issue.inclusive === false ? 'Invalid input: more than one option matched' : 'Invalid input';
    }
    case 'invalid_element':
      return `Invalid value in ${issue.origin}`;
    default:
      return 'Invalid input';
  }
};

z.config({ jitless: true, localeError: englishErrors });
