import type { Tone } from '../theme/Theme.js';
import type { ConsoleContext } from './ConsoleContext.js';

/** Puts a message on the status line. */
export function say(ctx: ConsoleContext, text: string, tone: Tone = 'ok'): void {
  ctx.store.update((s) => ({ ...s, message: { text, tone } }));
}

/** Closes whatever prompt is open. */
export function closeOverlay(ctx: ConsoleContext): void {
  ctx.store.update((s) => (s.overlay ? { ...s, overlay: null } : s));
}
