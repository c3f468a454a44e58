/**
 * Runs `tick` at once and then every `intervalMs`, never two at a time; a failed tick (the
 * database busy a moment) is retried on the next one. The timer is unref'd: it never keeps
 * the process alive. Returns the function that stops it.
 */
export function startPolling(tick: () => Promise<void>, intervalMs: number): () => void {
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      await tick();
    } catch {
      // Retried on the next tick.
    } finally {
      busy = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
