import { useEffect } from 'react';
import { startPolling } from './startPolling.js';

/** How often the console looks for changes made by other processes. */
export const POLL_MS = 1000;

/**
 * Polls a cheap change marker and calls `onChange` when it moves, so what another
 * process wrote (a `duban serve`, a colleague's console, the CLI) shows within about
 * `intervalMs` plus one read.
 */
export function useChangePolling(read: () => Promise<string>, onChange: () => void, intervalMs = POLL_MS): void {
  useEffect(() => {
    let last: string | undefined;
    let live = true;
    const stop = startPolling(async () => {
      const marker = await read();
      if (live && last !== undefined && marker !== last) onChange();
      last = marker;
    }, intervalMs);
    return () => {
      live = false;
      stop();
    };
  }, [read, onChange, intervalMs]);
}
