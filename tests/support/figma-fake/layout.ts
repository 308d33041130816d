/**
 * Auto-layout in the strict fake: the sizes and positions Figma gives nodes,
 * computed from the properties the plugin wrote, so that reading `width`,
 * `height`, `x`, `y`, `absoluteBoundingBox` or `absoluteTransform` after writes
 * gives Figma's answer. Figma changelog, Version 1 Update 8 (auto-layout): "The
 * plugin API is intended to always return the most up to date value for all
 * properties (i.e. has auto-layout applied)".
 *
 * Written by hand rather than with a flexbox engine (yoga-layout): Figma's
 * auto-layout is not CSS flexbox (layoutGrow is only 0 or 1, a FILL child of a
 * hugging frame, ABSOLUTE children, strokes outside the layout, text measured
 * by this fake's own metric), and every rule below cites where Figma states it.
 * Plain arithmetic on the stored numbers, no rounding: results are exact and
 * deterministic.
 *
 * Two passes over each top-level tree, like Figma's (and CSS's) width-then-height:
 *  1. widths, top-down for FILL/STRETCH children and bottom-up for HUG frames
 *     and auto-width texts (no width here depends on a height);
 *  2. heights given those widths (wrapping texts), then positions of the
 *     children of every auto-layout frame.
 * The fake runs it lazily (see index.ts): a write marks the document dirty, the
 * next geometry read lays out every top-level tree again.
 *
 * Rules, with their source:
 *  - Typings, primaryAxisSizingMode / counterAxisSizingMode: "AUTO": "The primary axis length is
 *    determined by the size of the children"; "FIXED": "determined by the user or plugins, unless
 *    the layoutAlign is set to STRETCH or layoutGrow is 1".
 *  - Typings, itemSpacing: the gap between children along the primary axis; paddingLeft … "between
 *    the border of the frame and its children". A hugging frame is padding + children + gaps on the
 *    primary axis, padding + its largest child on the counter axis (typings, counterAxisSizingMode
 *    example: the frame grows to its tallest child).
 *  - Typings, layoutGrow: "Determines whether a layer should stretch along the parent's primary
 *    axis. 0 corresponds to a fixed size and 1 corresponds to stretch": growing children share the
 *    space the others leave, equally (layoutGrow is 0 or 1, so no child takes more than another).
 *  - Typings, layoutAlign STRETCH: the node stretches "to fill the width of the parent vertical
 *    auto-layout frame, or the height of the parent horizontal auto-layout frame excluding the
 *    frame's padding".
 *  - Typings, primaryAxisAlignItems (MIN, MAX, CENTER, SPACE_BETWEEN "only putting the extra space
 *    between the children. The first and last child are flush with the edges", SPACE_EVENLY,
 *    SPACE_AROUND) and counterAxisAlignItems (MIN, MAX, CENTER).
 *  - Typings, layoutPositioning ABSOLUTE: "take this child out of auto-layout flow ... This allows
 *    explicitly setting x, y, width, and height"; the parent recalculates "as if this child did not exist".
 *  - Figma help, "Explore auto layout properties": lists "adapt as items are added, removed, or
 *    hidden": a hidden child (visible = false) takes no room.
 *  - Typings, layoutMode: a frame with layoutMode NONE does not lay out; its children keep their own
 *    x/y, and it keeps its size ("Removing auto-layout from a frame does not restore the children to
 *    their original positions": they stay where auto-layout put them, see index.ts).
 *  - Typings, textAutoResize: "WIDTH_AND_HEIGHT": "Both the width and height of the textbox
 *    automatically adjusts to fit its content. Characters do not wrap."; "HEIGHT": "The width of the
 *    textbox is fixed. Characters wrap to fit in the textbox. The height of the textbox automatically
 *    adjusts to fit its content."; "NONE": "The size of the textbox is fixed".
 *  - Figma changelog, Version 1 Update 8: children of auto-layout frames "have a x and y position set
 *    automatically. Writing to the position of those nodes via the API will no-op", and resize()
 *    "will no-op in one or both dimensions" set by auto-layout: here such writes are stored and the
 *    next layout puts the computed values back (a FILL child keeps filling after resize()).
 *  - Typings, relativeTransform: children of a group are positioned in the group's parent's space, so
 *    a group placed by auto-layout moves its children.
 *
 * Choices where Figma documents nothing (kept simple, stated here so tests can rely on them):
 *  - Text metric: every character (code point) advances CHAR_ADVANCE × fontSize plus the letter
 *    spacing; lines are lineHeight PIXELS, PERCENT × fontSize, or AUTO_LINE_HEIGHT × fontSize for
 *    AUTO. Wrapping is greedy at spaces; spaces at a line break hang (take no width); a word wider
 *    than the box breaks between characters. "\n" starts a new line; an empty text is one line.
 *  - A hugging axis with FILL/STRETCH children (typings: "AUTO should not be used" there): those
 *    children count with their own current size.
 *  - An empty hugging frame is as large as its padding.
 *  - SPACE_BETWEEN never makes negative gaps (children that overflow are packed at the start), and
 *    a hugging frame counts itemSpacing between its children whatever the alignment.
 */
import type { FakeNode } from './nodes';

/** Advance of one character, as a fraction of the font size (a simple metric; see above). */
export const CHAR_ADVANCE = 0.55;
/** Line height of `lineHeight: { unit: 'AUTO' }`, as a fraction of the font size. */
export const AUTO_LINE_HEIGHT = 1.2;

type Axis = 'H' | 'V';

const FRAME_LIKE = new Set(['FRAME', 'COMPONENT', 'INSTANCE']);

// ---------------------------------------------------------------- text metric

function fontSize(n: FakeNode): number {
  return n.props.fontSize as number;
}

/** Width of one character of this text: CHAR_ADVANCE × fontSize, plus letter spacing. */
export function charAdvance(n: FakeNode): number {
  const ls = n.props.letterSpacing as LetterSpacing;
  const spacing = ls.unit === 'PIXELS' ? ls.value : (ls.value / 100) * fontSize(n);
  return CHAR_ADVANCE * fontSize(n) + spacing;
}

export function lineHeightOf(n: FakeNode): number {
  const lh = n.props.lineHeight as LineHeight;
  if (lh.unit === 'PIXELS') return lh.value;
  if (lh.unit === 'PERCENT') return (lh.value / 100) * fontSize(n);
  return AUTO_LINE_HEIGHT * fontSize(n);
}

const length = (s: string) => Array.from(s).length;

function paragraphs(n: FakeNode): string[] {
  return (n.props.characters as string).split('\n');
}

/** Width of the text on one line per paragraph (no wrapping). */
export function unwrappedWidth(n: FakeNode): number {
  const adv = charAdvance(n);
  return Math.max(...paragraphs(n).map((p) => length(p) * adv));
}

/** Number of lines of one paragraph wrapped within `width`. */
function wrapParagraph(p: string, width: number, adv: number): number {
  const fit = (w: number) => w <= width + 1e-9;
  let lines = 1;
  let lineWidth = 0; // content on the current line, without trailing spaces
  let pendingSpace = 0; // spaces after the last word: they only count if a word follows on the line
  let atParagraphStart = true;
  const placeWordOnEmptyLine = (chars: number) => {
    const perLine = Math.max(1, Math.floor((width + 1e-9) / adv));
    const extra = Math.ceil(chars / perLine) - 1;
    lines += extra;
    lineWidth = (chars - extra * perLine) * adv;
  };
  for (const token of p.split(/( +)/)) {
    if (!token) continue;
    const chars = length(token);
    if (token.startsWith(' ')) {
      if (atParagraphStart)
        lineWidth += chars * adv; // leading spaces are content
      else pendingSpace += chars * adv;
      continue;
    }
    atParagraphStart = false;
    const w = chars * adv;
    if (lineWidth === 0) {
      if (fit(w)) lineWidth = w;
      else placeWordOnEmptyLine(chars);
    } else if (fit(lineWidth + pendingSpace + w)) {
      lineWidth += pendingSpace + w;
    } else {
      lines++;
      lineWidth = 0;
      if (fit(w)) lineWidth = w;
      else placeWordOnEmptyLine(chars);
    }
    pendingSpace = 0;
  }
  return lines;
}

/** Lines of the text: one per paragraph, or wrapped within `width`. */
export function lineCount(n: FakeNode, width?: number): number {
  const ps = paragraphs(n);
  if (width === undefined) return ps.length;
  const adv = charAdvance(n);
  return ps.reduce((sum, p) => sum + wrapParagraph(p, width, adv), 0);
}

/**
 * A text's own size where it does not depend on its parent (not FILL): used when a write is about to
 * fix a size that was computed, without laying out the whole document.
 */
export function measureTextInPlace(n: FakeNode): void {
  const mode = n.props.textAutoResize;
  if (mode === 'WIDTH_AND_HEIGHT') {
    n.width = unwrappedWidth(n);
    n.height = lineCount(n) * lineHeightOf(n);
  } else if (mode === 'HEIGHT') {
    n.height = lineCount(n, n.width) * lineHeightOf(n);
  }
}

// ---------------------------------------------------------------- helpers

const isAuto = (n: FakeNode) => FRAME_LIKE.has(n.type) && n.props.layoutMode !== 'NONE';
const primaryOf = (n: FakeNode): Axis => (n.props.layoutMode === 'HORIZONTAL' ? 'H' : 'V');
const inFlow = (c: FakeNode) => c.props.layoutPositioning !== 'ABSOLUTE' && c.props.visible !== false;
const grows = (c: FakeNode) => c.props.layoutGrow === 1;
const stretches = (c: FakeNode) => c.props.layoutAlign === 'STRETCH';
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function size(n: FakeNode, axis: Axis): number {
  const b = n.bounds(); // a group's size is its children's bounds
  return axis === 'H' ? b.width : b.height;
}

function setSize(n: FakeNode, axis: Axis, value: number): void {
  if (n.type === 'GROUP') return; // a group is as large as its children
  if (axis === 'H') n.width = value;
  else n.height = value;
}

function padding(n: FakeNode, axis: Axis): [number, number] {
  return axis === 'H'
    ? [n.props.paddingLeft as number, n.props.paddingRight as number]
    : [n.props.paddingTop as number, n.props.paddingBottom as number];
}

/** Whether the frame hugs its children along `axis`. */
function hugs(n: FakeNode, axis: Axis): boolean {
  const key = axis === primaryOf(n) ? 'primaryAxisSizingMode' : 'counterAxisSizingMode';
  return n.props[key] === 'AUTO';
}

// ---------------------------------------------------------------- the passes

/** Size `n` along `axis` (`forced`: the size its auto-layout parent gives it), then its subtree. */
function resolve(n: FakeNode, axis: Axis, forced: number | undefined): void {
  if (n.type === 'GROUP') {
    for (const c of n.childNodes) resolve(c, axis, undefined);
    return;
  }
  if (n.type === 'TEXT') {
    resolveText(n, axis, forced);
    return;
  }
  if (forced !== undefined) setSize(n, axis, forced);
  if (n.type === 'SECTION') {
    // A section (FigJam) does not lay out: its children keep their own x/y, it keeps its size.
    for (const c of n.childNodes) resolve(c, axis, undefined);
    return;
  }
  if (!FRAME_LIKE.has(n.type)) return;
  if (!isAuto(n)) {
    for (const c of n.childNodes) resolve(c, axis, undefined);
    return;
  }
  const flow = n.childNodes.filter(inFlow);
  for (const c of n.childNodes) if (!inFlow(c)) resolve(c, axis, undefined);
  const pad = sum(padding(n, axis));
  let own = forced ?? (hugs(n, axis) ? undefined : size(n, axis));
  if (axis === primaryOf(n)) {
    const gaps = (n.props.itemSpacing as number) * Math.max(0, flow.length - 1);
    const fixed = flow.filter((c) => !grows(c));
    const growing = flow.filter(grows);
    for (const c of fixed) resolve(c, axis, undefined);
    if (own === undefined) {
      for (const c of growing) resolve(c, axis, undefined);
      own = pad + gaps + sum(flow.map((c) => size(c, axis)));
    } else {
      const free = own - pad - gaps - sum(fixed.map((c) => size(c, axis)));
      for (const c of growing) resolve(c, axis, Math.max(0, free / growing.length));
    }
  } else {
    const plain = flow.filter((c) => !stretches(c));
    const stretching = flow.filter(stretches);
    for (const c of plain) resolve(c, axis, undefined);
    if (own === undefined) {
      let basis = plain;
      if (!plain.length) {
        for (const c of stretching) resolve(c, axis, undefined);
        basis = stretching;
      }
      own = pad + Math.max(0, ...basis.map((c) => size(c, axis)));
    }
    for (const c of stretching) resolve(c, axis, Math.max(0, own - pad));
  }
  setSize(n, axis, own);
  if (axis === 'V') place(n, flow);
}

function resolveText(n: FakeNode, axis: Axis, forced: number | undefined): void {
  const mode = n.props.textAutoResize;
  if (axis === 'H') {
    if (forced !== undefined) n.width = forced;
    else if (mode === 'WIDTH_AND_HEIGHT') n.width = unwrappedWidth(n);
    return;
  }
  if (forced !== undefined) n.height = forced;
  else if (mode === 'WIDTH_AND_HEIGHT') n.height = lineCount(n) * lineHeightOf(n);
  else if (mode === 'HEIGHT') n.height = lineCount(n, n.width) * lineHeightOf(n);
}

function setPosition(c: FakeNode, axis: Axis, value: number): void {
  const key = axis === 'H' ? 'x' : 'y';
  if (c.type === 'GROUP') {
    const b = c.bounds();
    if (axis === 'H') c.shiftGroup(value - b.x, 0);
    else c.shiftGroup(0, value - b.y);
  } else {
    c.props[key] = value;
  }
}

/** Positions of the in-flow children of an auto-layout frame whose size and children's sizes are known. */
function place(n: FakeNode, flow: FakeNode[]): void {
  const main = primaryOf(n);
  const cross: Axis = main === 'H' ? 'V' : 'H';
  const [start, end] = padding(n, main);
  const [cStart, cEnd] = padding(n, cross);
  const sizes = flow.map((c) => size(c, main));
  const inner = size(n, main) - start - end;
  const free = inner - sum(sizes);
  const count = flow.length;
  let gap = n.props.itemSpacing as number;
  let cursor = start;
  switch (n.props.primaryAxisAlignItems) {
    case 'SPACE_BETWEEN':
      gap = count > 1 ? Math.max(0, free / (count - 1)) : 0;
      break;
    case 'SPACE_EVENLY':
      gap = free / (count + 1);
      cursor += gap;
      break;
    case 'SPACE_AROUND':
      gap = free / count;
      cursor += gap / 2;
      break;
    case 'CENTER':
      cursor += (free - gap * (count - 1)) / 2;
      break;
    case 'MAX':
      cursor += free - gap * (count - 1);
      break;
  }
  const cInner = size(n, cross) - cStart - cEnd;
  const align = n.props.counterAxisAlignItems;
  flow.forEach((c, i) => {
    setPosition(c, main, cursor);
    cursor += sizes[i] + gap;
    const cs = size(c, cross);
    const offset = stretches(c) ? 0 : align === 'CENTER' ? (cInner - cs) / 2 : align === 'MAX' ? cInner - cs : 0;
    setPosition(c, cross, cStart + offset);
  });
}

/** Lay out every top-level tree of every page (children of pages keep their own x/y). */
export function layoutDocument(doc: FakeNode): void {
  for (const page of doc.childNodes)
    for (const top of page.childNodes) {
      resolve(top, 'H', undefined);
      resolve(top, 'V', undefined);
    }
}
