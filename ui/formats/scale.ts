/**
 * Emotion scales of a sheet. Teams score emotions on 1–5, 1–10, 0–10 or −2…+2. A lane's scale
 * is read from its title ("Emotion (1-5)", "Mood 1 to 7", "1 = very unhappy, 5 = delighted",
 * "Feeling /5", "Sentiment -2..+2"), else inferred from its scores. Format 2 gives emotion lanes
 * a scale of their own (whole numbers, 2 to 10 points apart): such a scale is kept with the
 * scores as written; any other (0–100, 0.5–5) is mapped linearly onto the default −2…+2.
 */
import { DEFAULT_SCALE, LIMITS, type Scale } from '../../src/model';

export type { Scale };

const NUM = String.raw`[+\-−]?\d+(?:[.,]\d+)?`;
/** "1-5", "1–5", "1 — 5", "1 to 7", "-2..+2", "−2 … 2", "0-10"; not inside a word or a longer number. */
const RANGE = new RegExp(String.raw`(?:^|[^\w.,])(${NUM})\s*(?:\.{2,3}|…|–|—|-|to)\s*(${NUM})(?![\w.,]*\d)`, 'i');
/** "1 = very unhappy, 5 = delighted": each number before an "=", and the words after it. */
const ANCHOR = new RegExp(String.raw`(${NUM})\s*=\s*([^,;=()]*?)\s*(?=[,;)]|$|${NUM}\s*=)`, 'g');
/** "/5", "out of 10": 1…N. */
const OUT_OF = /(?:\/|\bout of)\s*(\d+)\b/i;
/** A title's last bracketed part: "Emotion (1-5)" → "1-5". */
const TRAILING = /\s*\(([^()]*)\)\s*$/;

export const toNumber = (s: string): number => Number(s.replace('−', '-').replace(',', '.'));
export const sameScale = (a: Scale, b: Scale): boolean =>
  a.min === b.min && a.max === b.max && a.low === b.low && a.high === b.high;
const isDefault = (s: Scale) => s.min === DEFAULT_SCALE.min && s.max === DEFAULT_SCALE.max;

/** Sheets name scales of small numbers; "2019-2024" in a title is a period, not a scale. */
const plausible = (s: Scale): Scale | null =>
  s.min < s.max && Math.abs(s.min) <= 100 && Math.abs(s.max) <= 100 ? s : null;

function scaleIn(text: string): Scale | null {
  const anchors = [...text.matchAll(ANCHOR)].map((m) => ({ n: toNumber(m[1]), word: m[2].trim() }));
  if (anchors.length >= 2) {
    const lo = anchors.reduce((a, b) => (b.n < a.n ? b : a));
    const hi = anchors.reduce((a, b) => (b.n > a.n ? b : a));
    const s: Scale = { min: lo.n, max: hi.n };
    const word = (w: string) => w && w.length <= LIMITS.scaleWord;
    if (word(lo.word) && word(hi.word)) Object.assign(s, { low: lo.word, high: hi.word });
    return plausible(s);
  }
  const range = RANGE.exec(text);
  if (range) return plausible({ min: toNumber(range[1]), max: toNumber(range[2]) });
  const outOf = OUT_OF.exec(text);
  return outOf ? plausible({ min: 1, max: Number(outOf[1]) }) : null;
}

/**
 * The scale a lane title names, or null. A scale in the title's last brackets wins ("Mood (1-5)
 * (0-10)" is on 0–10; `trailing` says so) and `rest` is the title without them, used when the
 * scale is kept.
 */
export function scaleInTitle(title: string): { scale: Scale; trailing: boolean; rest?: string } | null {
  const tail = TRAILING.exec(title);
  const inTail = tail && scaleIn(tail[1]);
  if (inTail) return { scale: inTail, trailing: true, rest: title.slice(0, tail.index).trim() || undefined };
  const s = scaleIn(title);
  return s && { scale: s, trailing: false };
}

/**
 * The scale of scores whose title names none. A score written with a sign ("+1", "-0.5") means
 * −2…+2. Unsigned scores: all within 1…5 → 1…5; all within 0…2 → −2…+2 (a 0 is no 1…5 score);
 * then 0…5, 1…10, 0…10, the first that holds them all. Null when none does.
 */
export function inferScale(values: number[], signed: boolean): Scale | null {
  const s = { ...DEFAULT_SCALE };
  if (signed) return s;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  for (const [min, max] of [
    [1, 5],
    [0, 2],
    [0, 5],
    [1, 10],
    [0, 10],
  ])
    if (lo >= min && hi <= max) return max === 2 ? s : { min, max };
  return null;
}

/** Whether format 2 can keep this scale on an emotion lane: whole ends, 2 to 10 points apart. */
export function formatHolds(s: Scale): boolean {
  const span = s.max - s.min;
  return (
    Number.isInteger(s.min) && Number.isInteger(s.max) && span >= LIMITS.scaleSpan[0] && span <= LIMITS.scaleSpan[1]
  );
}

/** A sheet score on a scale the format cannot hold → −2…+2, linearly (min → −2, max → +2). */
export function toDefaultScale(value: number, s: Scale): number {
  const { min, max } = DEFAULT_SCALE;
  // Rounded so that floating-point noise does not show: 0.1, not 0.10000000000000009.
  return Math.round((min + ((value - s.min) * (max - min)) / (s.max - s.min)) * 1e9) / 1e9 || 0;
}

const signed = (x: number) => (x > 0 ? `+${x}` : `${x}`);

/** "1 to 5", "−2 to +2". */
export function scaleText(s: Scale): string {
  const n = (x: number) => (s.min < 0 ? signed(x) : `${x}`).replace('-', '−');
  return `${n(s.min)} to ${n(s.max)}`;
}

/**
 * A lane title that names `scale` the way scaleInTitle reads it back: as it is when it does
 * already (or names none and the scale is the default), else with the scale in brackets after it.
 * `bracket`: in brackets at the end in any case (a title without an emotion word needs them to be
 * read as a curve).
 */
export function titleWithScale(title: string, scale: Scale, bracket = false): string {
  const named = scaleInTitle(title);
  if (
    named
      ? sameScale(named.scale, scale) && (named.trailing || !bracket)
      : isDefault(scale) && !scale.low && !scale.high && !bracket
  )
    return title;
  const n = (x: number) => (scale.min < 0 ? signed(x) : `${x}`);
  const ends =
    scale.low && scale.high
      ? `${n(scale.min)} = ${scale.low}, ${n(scale.max)} = ${scale.high}`
      : `${n(scale.min)}${scale.min < 0 ? '..' : '-'}${n(scale.max)}`;
  return `${title} (${ends})`;
}
