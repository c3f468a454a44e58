import { useSyncExternalStore } from 'react';
import type { UiState } from './uiState.js';

/**
 * The console's screen state, outside React. Every key handler reads `state` and calls
 * `update` at the moment the key arrives, so two keys typed faster than a frame never
 * act on a stale copy (Ink's `useInput` handlers see the state of their last render;
 * STACK.md pitfall 10). Components subscribe with {@link useUiState}.
 */
export class UiStore {
  #state: UiState;
  readonly #listeners = new Set<() => void>();

  constructor(initial: UiState) {
    this.#state = initial;
  }

  get state(): UiState {
    return this.#state;
  }

  /** Replaces the state with `change(state)` and tells subscribers (not when nothing changed). */
  update(change: (state: UiState) => UiState): void {
    const next = change(this.#state);
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): UiState => this.#state;
}

/** The current screen state; re-renders the component on every change. */
export function useUiState(store: UiStore): UiState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
