/** Context plumbing: components reach the controller and select store slices. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelController } from './controller';
import { useStoreSlice } from './store';
import { issueConcerns, type PanelState } from './state';

export const PanelContext = createContext<PanelController | null>(null);

export function usePanel(): PanelController {
  const c = useContext(PanelContext);
  if (!c) throw new Error('usePanel outside PanelContext');
  return c;
}

export function useSlice<T>(select: (s: PanelState) => T, eq?: (a: T, b: T) => boolean): T {
  return useStoreSlice<PanelState, T>(select, eq);
}

/** Messages of the issues that concern one field, joined; '' if none. A string so equality is cheap. */
export function useIssueText(path: string): string {
  return useSlice((s) => {
    if (!s.issues.length) return '';
    return s.issues
      .filter((i) => issueConcerns(i.path, path))
      .map((i) => (i.path === path ? i.message : `${i.path.slice(path.length).replace(/^\./, '')}: ${i.message}`))
      .join('; ');
  });
}

/** After a reorder, keyed DOM nodes move and may drop focus: put it back on the same element. */
export function refocus(id: string | null | undefined, select = false): void {
  if (!id) return;
  const again = () => {
    const el = document.getElementById(id);
    el?.focus();
    // A new row's made-up name, selected so that typing replaces it.
    if (select && el instanceof HTMLInputElement) el.select();
  };
  setTimeout(again, 0);
}

/**
 * Reordering a row (stage or lane) with buttons or Alt+↑/↓, keeping focus on
 * the control that had it. `shift(by)` applies the move to the map.
 */
export function rowMover(shift: (by: number) => void): {
  move: (by: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
} {
  const move = (by: number) => {
    const focused = document.activeElement?.id;
    shift(by);
    refocus(focused);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? -1 : 1);
  };
  return { move, onKeyDown };
}
