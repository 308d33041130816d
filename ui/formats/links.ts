/**
 * Evidence links as plain text, both ways, wherever the panel shows cells as text (the Cells
 * tab's fields, table import and export): `Survey, June <https://…>` or the Markdown
 * `[Survey, June](https://…)` is a linked text; anything else is a plain one. Only the
 * addresses the format allows (https:, http:, mailto:) are read as links, so
 * `<javascript:…>` stays words, never a link.
 */
import { allowedUrl, type Card, type TextCell } from '../../src/model';

const ANGLE = /^([\s\S]*?)\s*<([^\s<>]+)>\s*$/;
const MARKDOWN = /^\s*\[([\s\S]+?)\]\(([^\s()]+)\)\s*$/;

/** The words and link of a text written as `words <url>` or `[words](url)`; the text itself otherwise. */
export function textToLink(text: string): TextCell {
  const m = MARKDOWN.exec(text) ?? ANGLE.exec(text);
  if (!m || !allowedUrl(m[2]) || m[1].trim() === '') return text;
  return { text: m[1].trim(), url: m[2] };
}

/** `words <url>` for a linked text (a plain one as it is). */
export function linkToText(value: TextCell | Card): string {
  return typeof value === 'string' ? value : `${value.text} <${value.url}>`;
}
