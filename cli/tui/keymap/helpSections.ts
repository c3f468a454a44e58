import type { Translate } from '../i18n/tuiText.js';
import { keyLabel } from './keyName.js';
import type { Binding, Command, KeyScope } from './keymap.js';

/** One line of help: keys, what they do, and whether the current person may. */
export interface HelpLine {
  readonly keys: string;
  readonly label: string;
  readonly available: boolean;
}

/** A titled group of help lines. */
export interface HelpSection {
  readonly title: string;
  readonly lines: readonly HelpLine[];
}

/**
 * Help generated from the live keymap: the sections of the active scopes (most specific
 * first), each binding with its keys and label, marked unavailable when the current
 * person's role may not run it. Pure.
 */
export function helpSections(
  keymap: readonly Binding[],
  scopes: readonly KeyScope[],
  t: Translate,
  options: { ascii: boolean; unavailable?: ReadonlySet<Command> },
): HelpSection[] {
  return scopes.map((scope) => ({
    title: t(`help.scope.${scope}`),
    lines: keymap
      .filter((b) => b.scope === scope)
      .map((b) => ({
        keys: b.keys.map((k) => keyLabel(k, options.ascii)).join(' '),
        label: t(`key.${b.command}`),
        available: !options.unavailable?.has(b.command),
      })),
  }));
}
