/**
 * Typing cost in the panel: render it in jsdom with a 40-stage × 30-lane map
 * (1200 cells), type 50 characters into one cell, and count component renders
 * through Preact's `options.diffed` hook (called once per diffed vnode; we
 * count only component vnodes). Goal: ~1 render per keystroke, i.e. only the
 * edited cell re-renders, never the grid.
 *
 *   npx tsx bench/panel.bench.ts
 */
import { JSDOM } from 'jsdom';
import { syntheticMap } from './synthetic';

export interface PanelTypingResult {
  rendersPerKeystroke: number;
  msPerKeystroke: number;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export async function measurePanelTyping(keystrokes = 50): Promise<PanelTypingResult> {
  const dom = new JSDOM('<!doctype html><html><body><div id="app"></div></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  const saved: Record<string, unknown> = {};
  const globals = [
    'window',
    'document',
    'navigator',
    'HTMLElement',
    'Element',
    'Node',
    'Event',
    'InputEvent',
    'KeyboardEvent',
    'MouseEvent',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ];
  for (const k of globals) {
    saved[k] = g[k];
    Object.defineProperty(g, k, {
      value: (dom.window as unknown as Record<string, unknown>)[k],
      configurable: true,
      writable: true,
    });
  }
  try {
    const { h, render, options } = await import('preact');
    const { App } = await import('../ui/components/App');
    const { PanelController } = await import('../ui/controller');
    const { draftFromMap } = await import('../ui/draft');

    const controller = new PanelController({ initial: draftFromMap(syntheticMap(40, 30)), send: () => {} });
    controller.store.set({ ...controller.store.get(), tab: 'cells' });
    const root = dom.window.document.getElementById('app')!;
    render(h(App, { controller }), root);
    await tick();

    // A text lane cell in the middle of the grid.
    const textarea = root.querySelector<HTMLTextAreaElement>('#cell-15-20 textarea');
    if (!textarea) throw new Error('bench: cell not found');
    if (root.querySelectorAll('textarea').length < 800) throw new Error('bench: grid not fully rendered');

    let renders = 0;
    const prev = options.diffed;
    options.diffed = (vnode) => {
      if (typeof vnode.type === 'function') renders++;
      prev?.(vnode);
    };
    const t0 = performance.now();
    for (let i = 0; i < keystrokes; i++) {
      textarea.value += 'x';
      textarea.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
      await tick(); // let Preact's debounced re-render run
    }
    const ms = performance.now() - t0;
    options.diffed = prev;
    controller.dispose();
    render(null, root);
    if (!textarea.value.endsWith('x'.repeat(keystrokes))) throw new Error('bench: typing did not reach the cell');
    return { rendersPerKeystroke: renders / keystrokes, msPerKeystroke: ms / keystrokes };
  } finally {
    for (const k of globals) Object.defineProperty(g, k, { value: saved[k], configurable: true, writable: true });
    dom.window.close();
  }
}

const isMain = process.argv[1] && /panel\.bench\.ts$/.test(process.argv[1]);
if (isMain) {
  const r = await measurePanelTyping();
  console.log(
    `panel typing (40×30 map, 50 keystrokes): ${r.rendersPerKeystroke.toFixed(2)} component renders/keystroke, ${r.msPerKeystroke.toFixed(2)} ms/keystroke`,
  );
}
