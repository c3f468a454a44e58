/**
 * Loads Ink's layout engine, Yoga, whose module awaits its WebAssembly at the top. The
 * console's modules are imported after this resolves. In the CLI bundle, which is
 * CommonJS and cannot wait at the top of a module, Yoga is a module whose exports are
 * filled in by this call (bin/bundle.js), so the order is the same in both.
 */
export async function loadLayoutEngine(): Promise<void> {
  await import('yoga-layout');
}
