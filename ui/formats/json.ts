/**
 * Map JSON typed or pasted by people. A syntax error is told the same way in every browser: the
 * line and column, what was expected and found there, and a short excerpt of that line. (Engines
 * word JSON.parse's errors differently, and some give no position at all.)
 */
import { normaliseMap, type JourneyMap, type MapIssue, type Result } from '../../src/model';

export function parseJsonMap(text: string): Result<JourneyMap> {
  const clean = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(clean);
  } catch {
    return { ok: false, issues: [jsonSyntaxIssue(clean)] };
  }
  return normaliseMap(data);
}

/** Thrown by the scanner: where, and what was expected there. */
type Stop = { at: number; expected: string };

/** The first syntax error of a text JSON.parse refused, as a located issue. */
export function jsonSyntaxIssue(text: string): MapIssue {
  let stop: Stop;
  try {
    scan(text);
    return { path: '', message: 'not valid JSON' }; // not expected: JSON.parse refused it
  } catch (e) {
    // A map nested thousands deep can overflow the scanner's stack before it finds the error.
    if (typeof (e as Stop).at !== 'number') return { path: '', message: 'not valid JSON' };
    stop = e as Stop;
  }
  const before = text.slice(0, stop.at);
  const line = before.split('\n').length;
  const column = stop.at - before.lastIndexOf('\n');
  const ch = text[stop.at];
  const found =
    ch === undefined
      ? 'the end of the text'
      : ch === '\n' || ch === '\r'
        ? 'a line break'
        : ch === '"'
          ? 'a quote (")'
          : `"${ch}"`;
  const what =
    (ch === ']' || ch === '}') && before.trimEnd().endsWith(',')
      ? `a comma before "${ch}" (JSON allows none after the last item)`
      : `expected ${stop.expected}, found ${found}`;
  // About 30 characters before the error (line breaks as spaces) and the rest of its line, up to 10.
  const lead = before.slice(-60).replace(/\s+/g, ' ').trimStart();
  const rest = text.slice(stop.at).split(/\r?\n/)[0];
  const excerpt = `${lead.length > 30 || before.length > 60 ? '…' : ''}${lead.slice(-30)}${rest.slice(0, 10).trimEnd()}${rest.length > 10 ? '…' : ''}`;
  return {
    path: `line ${line}, column ${column}`,
    message: `not valid JSON: ${what}${excerpt.trim() ? `, in: ${excerpt}` : ''}`,
  };
}

const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** A JSON syntax check that throws a Stop at the first error (JSON.parse has said there is one). */
function scan(text: string): void {
  let i = 0;
  const stop = (expected: string): never => {
    throw { at: i, expected } satisfies Stop;
  };
  const digits = () => {
    const from = i;
    while (text[i] >= '0' && text[i] <= '9') i++;
    return i > from;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) stop('a closing quote');
      if (c === '"') return void i++;
      if (c < ' ') stop('a closing quote on the same line (write a line break as \\n)');
      if (c === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) {
          i++;
          stop('an escape such as \\n, \\" or \\u00e9');
        }
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          space();
          if (text[i] !== '"') stop('a property name in double quotes');
          string();
          space();
          if (text[i] !== ':') stop('":"');
          i++;
        }
        value();
        space();
        if (text[i] === close) return void i++;
        if (text[i] !== ',') stop(`"," or "${close}"`);
        i++;
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null'])
      if (c === word[0]) {
        for (const letter of word) {
          if (text[i] !== letter) stop(`"${word}"`);
          i++;
        }
        return;
      }
    if (c !== '-' && !(c >= '0' && c <= '9')) stop('a value');
    // A number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    if (c === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) stop('a digit');
    if (text[i] === '.') {
      i++;
      if (!digits()) stop('a digit after "."');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) stop('a digit in the exponent');
    }
  };
  value();
  space();
  if (i < text.length) stop('the end of the map (something follows its closing "}")');
}
