import { useEffect } from 'react';

/** How often the console looks for changes made by other processes. */
export const POLL_MS = 1000;

/**
 * Polls a cheap change marker and calls `onChange` when it moves, so what another
 * process wrote (a `duban serve`, a colleague's console, the CLI) shows within about
 * `intervalMs` plus one read. The timer is unref'd: it never keeps the process alive.
 */
export function useChangePolling(read: () => Promise<string>, onChange: () => void, intervalMs = POLL_MS): void {
  useEffect(() => {
    let last: string | undefined;
    let busy = false;
    let live = true;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const marker = await read();
        if (live && last !== undefined && marker !== last) onChange();
        last = marker;
      } catch {
        // A failed poll (the database busy a moment) is retried on the next tick.
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), intervalMs);
    timer.unref?.();
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [read, onChange, intervalMs]);
}
