import type { Key } from 'ink';

/** One keypress, as Ink's `useInput` would report it alone. */
export interface KeyEvent {
  readonly input: string;
  readonly key: Partial<Key>;
}

// Control characters a terminal sends for keys, as Ink names them.
const CONTROL: Readonly<Record<string, Partial<Key>>> = {
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
  '\u007f': { backspace: true },
  '\b': { backspace: true },
};

/**
 * Splits what Ink delivered as one input into keypresses. Ink cuts escape sequences
 * apart but hands over a run of ordinary bytes whole, so keys that arrive together
 * (key repeat over a slow link, `tmux send-keys`, typing ahead of a frame) come as
 * `"jj"` or `"/\u0015"`. `isText()` says whether a prompt is taking text at this moment:
 * text runs then stay whole (a paste, or what an IME commits), and other characters go
 * one by one, each checked again, because a key like `/` opens a prompt mid-run.
 *
 * Esc typed just before another key arrives as Alt+key and is split back into the two.
 *
 * Calls `emit` for each keypress in order. Pure apart from the calls.
 */
export function splitInput(input: string, key: Partial<Key>, isText: () => boolean, emit: (event: KeyEvent) => void): void {
  // Esc and the next key read together look like Alt+key to Ink ("\u001Bg"). The console
  // binds no Alt chords, so it is Esc, then the key, as the user typed them.
  if (key.meta && !key.escape && input.length >= 1 && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.return && !key.tab && !key.backspace && !key.delete) {
    emit({ input: '', key: { escape: true } });
    splitInput(input, { ...key, meta: false }, isText, emit);
    return;
  }
  if (input.length <= 1 || Object.entries(key).some(([name, on]) => on === true && name !== 'shift' && name !== 'ctrl' && name !== 'meta')) {
    emit({ input, key });
    return;
  }
  // eslint-disable-next-line no-control-regex
  for (const [part] of input.matchAll(/[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f]+/g)) {
    if (part.length === 1 && (part < ' ' || part === '\u007f')) {
      const named = CONTROL[part];
      emit(named ? { input: part === '\t' ? '' : part, key: named } : { input: String.fromCharCode(part.charCodeAt(0) + 96), key: { ctrl: true } });
      continue;
    }
    let rest = [...part];
    while (rest.length > 0) {
      if (isText()) {
        emit({ input: rest.join(''), key: {} });
        break;
      }
      emit({ input: rest[0]!, key: {} });
      rest = rest.slice(1);
    }
  }
}
