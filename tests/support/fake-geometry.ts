/**
 * The geometry check of dev/geometry.ts, run in plain vitest on the layout the
 * strict fake computes (tests/support/figma-fake/layout.ts) instead of on a
 * browser's rendering of tests/support/render-html.ts:
 *  - no two texts of the map overlap;
 *  - every card stays inside its cell (same stage and lane);
 *  - every emotion marker's centre is within 1 px of its stage column's centre
 *    (the stage header with the same stage);
 * and, beyond the browser check:
 *  - no row of the grid (phase row, stage row, lanes) overlaps another;
 *  - nothing of the header (title block, persona and what they hold) overlaps
 *    the grid.
 * Boxes are `absoluteBoundingBox` (canvas units). Managed nodes are found by
 * their tags: shared plugin data in namespace "journeymap", or the older
 * private plugin data, whichever the node has.
 */

export interface FakeGeometryReport {
  problems: string[];
  counts: { maps: number; texts: number; cards: number; markers: number; rows: number; headerNodes: number };
}

interface Box {
  node: SceneNode;
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

/** Tolerance for overlaps and containment, as in dev/geometry.ts. */
const EPS = 0.5;
const NAMESPACE = 'journeymap';

/** A tag of a managed node: shared plugin data first, private plugin data before the move to shared. */
export function tagOf(node: BaseNode, key: 'key' | 'role' | 'stage' | 'lane' | 'index' | 'phase'): string {
  return node.getSharedPluginData(NAMESPACE, key) || node.getPluginData(key);
}

function boxOf(node: SceneNode): Box | undefined {
  const b = node.absoluteBoundingBox;
  if (!b) return undefined;
  return {
    node,
    id: node.id,
    type: node.type,
    role: tagOf(node, 'role'),
    stage: tagOf(node, 'stage'),
    lane: tagOf(node, 'lane'),
    text: node.type === 'TEXT' ? node.characters.slice(0, 40) : '',
    x: b.x,
    y: b.y,
    w: b.width,
    h: b.height,
  };
}

/** Visible nodes of the tree, parents before children (hidden subtrees are not drawn). */
function visibleBoxes(root: SceneNode): Box[] {
  const out: Box[] = [];
  const walk = (n: SceneNode) => {
    if (!n.visible) return;
    const b = boxOf(n);
    if (b) out.push(b);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(root);
  return out;
}

const show = (b: Box) =>
  `${b.id} ${b.role || b.type}${b.text ? ` "${b.text}"` : ''} [x ${b.x.toFixed(1)}, y ${b.y.toFixed(1)}, w ${b.w.toFixed(1)}, h ${b.h.toFixed(1)}]`;

function overlap(a: Box, b: Box): { x: number; y: number } | undefined {
  const x = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const y = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return x > EPS && y > EPS ? { x, y } : undefined;
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - EPS &&
  inner.y >= outer.y - EPS &&
  inner.x + inner.w <= outer.x + outer.w + EPS &&
  inner.y + inner.h <= outer.y + outer.h + EPS;

function isAncestor(a: Box, b: Box): boolean {
  for (let p = b.node.parent; p; p = p.parent) if (p === a.node) return true;
  return false;
}

/** Check one drawn map (the frame tagged `map`, or anything holding managed nodes). */
export function checkGeometry(frame: SceneNode): FakeGeometryReport {
  const problems: string[] = [];
  const counts = { maps: 0, texts: 0, cards: 0, markers: 0, rows: 0, headerNodes: 0 };
  const boxes = visibleBoxes(frame);
  if (tagOf(frame, 'role') === 'map') counts.maps++;

  const texts = boxes.filter((b) => b.type === 'TEXT' && b.w > 0 && b.h > 0);
  counts.texts = texts.length;
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const o = overlap(texts[i], texts[j]);
      if (o)
        problems.push(
          `texts overlap by ${o.x.toFixed(1)} x ${o.y.toFixed(1)}: ${show(texts[i])} and ${show(texts[j])}`,
        );
    }

  for (const card of boxes.filter((b) => b.role === 'card')) {
    counts.cards++;
    const cell = boxes.find((b) => b.role === 'cell' && b.stage === card.stage && b.lane === card.lane);
    if (!cell) problems.push(`no cell (stage ${card.stage}, lane ${card.lane}) for card ${show(card)}`);
    else if (!inside(card, cell)) problems.push(`card ${show(card)} is not inside its cell ${show(cell)}`);
  }

  for (const m of boxes.filter((b) => b.role === 'emotion-marker')) {
    counts.markers++;
    const header = boxes.find((b) => b.role === 'stage-header' && b.stage === m.stage);
    if (!header) {
      problems.push(`no stage header (stage ${m.stage}) for marker ${show(m)}`);
      continue;
    }
    const off = m.x + m.w / 2 - (header.x + header.w / 2);
    if (Math.abs(off) > 1) problems.push(`marker ${show(m)} is ${off.toFixed(2)} off the centre of ${show(header)}`);
  }

  const grid = boxes.find((b) => b.role === 'grid');
  if (grid) {
    const rows = boxes.filter((b) => b.node.parent === grid.node && b.role !== '');
    counts.rows = rows.length;
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) {
        const o = overlap(rows[i], rows[j]);
        if (o)
          problems.push(
            `grid rows overlap by ${o.x.toFixed(1)} x ${o.y.toFixed(1)}: ${show(rows[i])} and ${show(rows[j])}`,
          );
      }
    const header = boxes.find((b) => b.role === 'header');
    if (header) {
      // The header and every managed node in it (title block, persona, its columns and texts).
      const inHeader = boxes.filter((b) => b === header || (b.role !== '' && isAncestor(header, b)));
      counts.headerNodes = inHeader.length;
      for (const b of inHeader) {
        const o = overlap(b, grid);
        if (o) problems.push(`header part ${show(b)} overlaps the grid ${show(grid)} by ${o.y.toFixed(1)}`);
      }
    }
  }
  return { problems, counts };
}
