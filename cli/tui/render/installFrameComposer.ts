import { composeFrame, type FrameOperation, type LineTransformer } from './composeFrame.js';
import { loadInkOutput } from './loadInkOutput.js';

export { loadInkOutput };

/** The Ink release whose `Output.get()` {@link composeFrame} reproduces. */
export const COMPOSER_INK_VERSION = '6.8.0';

/** Ink's internal `Output` class, as far as the frame composer touches it. */
export interface InkOutputClass {
  new (options: { width: number; height: number }): InkOutput;
  prototype: InkOutput;
}
export interface InkOutput {
  readonly width: number;
  readonly height: number;
  readonly operations: FrameOperation[];
  write(x: number, y: number, text: string, options: { transformers: LineTransformer[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}

let installed = false;

/**
 * Makes Ink compose its frames with {@link composeFrame}, which gives the same text as
 * Ink's own `Output.get()` with caches that outlive a frame: Ink tokenizes and measures
 * every visible line again on every frame, half of a keypress's CPU on a full screen.
 * Only for the Ink release it was written against ({@link COMPOSER_INK_VERSION});
 * under any other, Ink's own is kept and this returns false. Call before the first
 * render; idempotent.
 */
export async function installFrameComposer(): Promise<boolean> {
  if (installed) return true;
  const { version, Output } = await loadInkOutput();
  if (version !== COMPOSER_INK_VERSION || typeof Output.prototype.get !== 'function') return false;
  Output.prototype.get = function get(this: InkOutput) {
    return composeFrame(this.width, this.height, this.operations);
  };
  installed = true;
  return true;
}
