/**
 * The drawn canvas: the current page's top-level nodes, rendered with the same
 * code as `npm run preview` (tests/support/render-html.ts). A click selects the
 * enclosing top-level node as Figma's selection (blue outline, fires
 * `selectionchange`) and "picks" the exact node under the pointer for the
 * tester tools (dashed outline). Emotion markers can be dragged vertically.
 */
import type { FakeFigma } from '../tests/support/figma-fake';
import { renderNodeFragment } from '../tests/support/render-html';

export interface Canvas {
  redraw(): void;
  /** Click on a node as a designer would: select its top-level node, pick the node itself. */
  click(id: string | null): void;
  picked(): SceneNode | null;
  /** Move a node vertically by `dy` canvas units (the marker tool). */
  moveY(node: SceneNode, dy: number): void;
}

export function createCanvas(fake: FakeFigma, el: HTMLElement, onPick: (node: SceneNode | null) => void): Canvas {
  const figma = fake.figma;
  let pickedId: string | null = null;
  let dragging = false;

  const byId = (id: string): SceneNode | null => {
    const walk = (nodes: readonly SceneNode[]): SceneNode | null => {
      for (const n of nodes) {
        if (n.id === id) return n;
        const found = 'children' in n ? walk(n.children) : null;
        if (found) return found;
      }
      return null;
    };
    return walk(figma.currentPage.children);
  };
  const topOf = (node: SceneNode): SceneNode => {
    let n: BaseNode = node;
    while (n.parent && n.parent.type !== 'PAGE') n = n.parent;
    return n as SceneNode;
  };
  const mark = (id: string, cls: string) => el.querySelector(`[data-node-id="${CSS.escape(id)}"]`)?.classList.add(cls);

  function redraw(): void {
    if (dragging) return; // a redraw would drop the marker from under the pointer
    const nodes = figma.currentPage.children;
    el.innerHTML = nodes.length
      ? nodes.map((n) => `<div class="top">${renderNodeFragment(n)}</div>`).join('')
      : '<p class="empty">The canvas is empty: create a map in the panel.</p>';
    for (const n of figma.currentPage.selection) mark(n.id, 'selected');
    if (pickedId && !byId(pickedId)) pickedId = null;
    if (pickedId) mark(pickedId, 'picked');
  }

  function click(id: string | null): void {
    const node = id ? byId(id) : null;
    pickedId = node ? node.id : null;
    figma.currentPage.selection = node ? [topOf(node)] : [];
    fake.fireSelectionChange();
    onPick(node);
    redraw();
  }

  function moveY(node: SceneNode, dy: number): void {
    (node as SceneNode & { y: number }).y += dy;
    redraw();
  }

  el.addEventListener('click', (event) => {
    const hit = (event.target as HTMLElement).closest('[data-node-id]');
    click(hit ? hit.getAttribute('data-node-id') : null);
  });

  // Drag an emotion marker up or down, as a designer would on the canvas.
  el.addEventListener('pointerdown', (event) => {
    const marker = (event.target as HTMLElement).closest<HTMLElement>('[data-role="emotion-marker"]');
    if (!marker || event.button !== 0) return;
    const node = byId(marker.dataset.nodeId ?? '');
    if (!node) return;
    event.preventDefault();
    const zoom = Number(getComputedStyle(marker.closest('.top')!).zoom) || 1;
    const startY = event.clientY;
    let dy = 0;
    dragging = true;
    marker.setPointerCapture(event.pointerId);
    marker.classList.add('dragging');
    const move = (e: PointerEvent) => {
      dy = Math.round((e.clientY - startY) / zoom);
      marker.style.translate = `0 ${dy}px`;
    };
    const up = () => {
      marker.removeEventListener('pointermove', move);
      marker.removeEventListener('pointerup', up);
      marker.removeEventListener('pointercancel', up);
      dragging = false;
      if (dy !== 0) (node as SceneNode & { y: number }).y += dy;
      // The marker's element is replaced by the redraw, so its click may never arrive: select here.
      click(node.id);
    };
    marker.addEventListener('pointermove', move);
    marker.addEventListener('pointerup', up);
    marker.addEventListener('pointercancel', up);
  });

  return { redraw, click, moveY, picked: () => (pickedId ? byId(pickedId) : null) };
}
