/**
 * A tiny external store with selector subscriptions. Components select the
 * slice they show (one cell, one stage name) and re-render only when that
 * slice changes, so a keystroke in a 40 × 30 grid re-renders one cell, not
 * the grid. (No extra dependency: @preact/signals would do the same job.)
 */
import { createContext } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef } from 'preact/hooks';

export class Store<S> {
  private state: S;
  private listeners = new Set<() => void>();
  constructor(initial: S) {
    this.state = initial;
  }
  get(): S {
    return this.state;
  }
  set(next: S): void {
    if (next === this.state) return;
    this.state = next;
    for (const l of [...this.listeners]) l();
  }
  update(fn: (s: S) => S): void {
    this.set(fn(this.state));
  }
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

export const shallowArrayEq = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a === b || (a.length === b.length && a.every((x, i) => Object.is(x, b[i])));

export const StoreContext = createContext<Store<unknown> | null>(null);

/** Select a slice of the store from context; re-render when `eq` says it changed. */
export function useStoreSlice<S, T>(select: (s: S) => T, eq: (a: T, b: T) => boolean = Object.is): T {
  const store = useContext(StoreContext) as Store<S> | null;
  if (!store) throw new Error('useStoreSlice outside StoreContext');
  const [, force] = useReducer((n: number) => n + 1, 0);
  const selectRef = useRef(select);
  const eqRef = useRef(eq);
  selectRef.current = select;
  eqRef.current = eq;
  const value = select(store.get());
  const valueRef = useRef(value);
  valueRef.current = value;
  useLayoutEffect(
    () =>
      store.subscribe(() => {
        const next = selectRef.current(store.get());
        if (!eqRef.current(next, valueRef.current)) force(0);
      }),
    [store],
  );
  return value;
}
