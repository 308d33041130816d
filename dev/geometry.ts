/**
 * Checks the geometry the browser computed for the drawn maps (the data
 * attributes render-html.ts writes): no two texts of a map overlap, no marker covers a note, every card
 * stays inside its cell, every emotion marker's centre is within a pixel of its
 * stage column's centre. Runs in the page: the harness's "Check layout" button
 * and the end-to-end tests use it. Measured in canvas units (zoom divided out).
 */
export interface GeometryReport {
  problems: string[];
  counts: { maps: number; texts: number; cards: number; markers: number };
}

export interface Box {
  id: string;
  type: string;
  role: string;
  stage: string;
  lane: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Tolerance for sub-pixel rounding of the browser's layout, in canvas units. */
const EPS = 0.5;

function measure(top: HTMLElement): Box[] {
  const zoom = Number(getComputedStyle(top).zoom) || 1;
  return Array.from(top.querySelectorAll<HTMLElement>('[data-node-id]')).map((el) => {
    const r = el.getBoundingClientRect();
    const d = el.dataset;
    return {
      id: d.nodeId ?? '',
      type: d.type ?? '',
      role: d.role ?? '',
      stage: d.stage ?? '',
      lane: d.lane ?? '',
      text: d.type === 'TEXT' ? (el.textContent ?? '').replace(/\u200b/g, '').slice(0, 40) : '',
      x: r.x / zoom,
      y: r.y / zoom,
      w: r.width / zoom,
      h: r.height / zoom,
    };
  });
}

/** How far two boxes overlap ("w x h"), or undefined when they do not (by more than EPS both ways). */
function overlap(a: Box, b: Box): string | undefined {
  const x = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const y = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return x > EPS && y > EPS ? `${x.toFixed(1)} x ${y.toFixed(1)}` : undefined;
}

export const show = (b: Box) =>
  `${b.id} ${b.role || b.type}${b.text ? ` "${b.text}"` : ''} [x ${b.x.toFixed(1)}, y ${b.y.toFixed(1)}, w ${b.w.toFixed(1)}, h ${b.h.toFixed(1)}]`;

/**
 * The checks themselves, on boxes however they were measured: the browser's
 * layout here, the strict fake's layout in tests/support/fake-geometry.ts.
 * Adds to `problems` and `counts`; boxes are in canvas units.
 */
export function checkBoxes(boxes: Box[], problems: string[], counts: GeometryReport['counts']): void {
  const texts = boxes.filter((b) => b.type === 'TEXT' && b.w > 0 && b.h > 0);
  counts.texts += texts.length;
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const o = overlap(texts[i], texts[j]);
      if (o) problems.push(`texts overlap by ${o}: ${show(texts[i])} and ${show(texts[j])}`);
    }
  // A marker over a note's text hides it (a FigJam board's note is a text on the chart; Figma
  // Design's, the text in its pill): a note must be clear of every curve's markers.
  const notes = texts.filter((b) => b.role === 'emotion-note' || b.role === 'emotion-note-text');
  for (const m of boxes.filter((b) => b.role === 'emotion-marker'))
    for (const n of notes) {
      const o = overlap(m, n);
      if (o) problems.push(`marker covers a note's text by ${o}: ${show(m)} over ${show(n)}`);
    }
  for (const card of boxes.filter((b) => b.role === 'card')) {
    counts.cards++;
    const cell = boxes.find((b) => b.role === 'cell' && b.stage === card.stage && b.lane === card.lane);
    if (!cell) {
      problems.push(`no cell (stage ${card.stage}, lane ${card.lane}) for card ${show(card)}`);
      continue;
    }
    const inside =
      card.x >= cell.x - EPS &&
      card.x + card.w <= cell.x + cell.w + EPS &&
      card.y >= cell.y - EPS &&
      card.y + card.h <= cell.y + cell.h + EPS;
    if (!inside) problems.push(`card ${show(card)} is not inside its cell ${show(cell)}`);
  }
  for (const m of boxes.filter((b) => b.role === 'emotion-marker')) {
    counts.markers++;
    // A FigJam board's stage header is the shape with the stage's name (src/figjam/board.ts).
    const header =
      boxes.find((b) => b.role === 'stage-header' && b.stage === m.stage) ??
      boxes.find((b) => b.role === 'stage-name' && b.type === 'SHAPE_WITH_TEXT' && b.stage === m.stage);
    if (!header) {
      problems.push(`no stage header (stage ${m.stage}) for marker ${show(m)}`);
      continue;
    }
    const off = m.x + m.w / 2 - (header.x + header.w / 2);
    if (Math.abs(off) > 1) problems.push(`marker ${show(m)} is ${off.toFixed(2)} off the centre of ${show(header)}`);
  }
}

/** `tops`: one element per drawn top-level node (the harness's `.top` wrappers). */
export function checkGeometry(tops: HTMLElement[]): GeometryReport {
  const problems: string[] = [];
  const counts = { maps: 0, texts: 0, cards: 0, markers: 0 };
  for (const top of tops) {
    const boxes = measure(top);
    if (!boxes.some((b) => b.role === 'map')) continue; // a designer's own frame: not ours to judge
    counts.maps++;
    checkBoxes(boxes, problems, counts);
  }
  return { problems, counts };
}
