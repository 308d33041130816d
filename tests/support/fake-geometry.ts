/**
 * The geometry check of dev/geometry.ts (the same checkBoxes), run in plain vitest on the layout the
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

import { checkBoxes, show, type Box as MeasuredBox } from '../../dev/geometry';
import { tagField } from './tags';

export interface FakeGeometryReport {
  problems: string[];
  counts: { maps: number; texts: number; cards: number; markers: number; rows: number; headerNodes: number };
}

/** dev/geometry.ts's box, with the fake node it was measured from. */
interface Box extends MeasuredBox {
  node: SceneNode;
}

/** Tolerance for overlaps and containment, as in dev/geometry.ts. */
const EPS = 0.5;

/**
 * A field of a managed node's tag. Tags are one entry per node, with stage and lane inherited from
 * tagged ancestors: reading the old per-field entries found no role on any node, which left every
 * rule here but the text overlaps without boxes to check.
 */
export function tagOf(node: BaseNode, key: 'role' | 'stage' | 'lane' | 'index' | 'phase'): string {
  return tagField(node, key);
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

function overlap(a: Box, b: Box): { x: number; y: number } | undefined {
  const x = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const y = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return x > EPS && y > EPS ? { x, y } : undefined;
}

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

  // The browser check's three rules, the same code (dev/geometry.ts).
  checkBoxes(boxes, problems, counts);

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
