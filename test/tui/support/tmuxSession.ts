import { execFileSync, spawnSync } from 'node:child_process';
import { vi } from 'vitest';

/** A program running in a detached tmux session of a fixed size, driven by send-keys. */
export interface TmuxSession {
  /** The screen as plain text (capture-pane). */
  screen(): string;
  /** Sends tmux key names (`Enter`, `Escape`, `C-u`, `j`). */
  keys(...names: string[]): void;
  /** Types text literally (UTF-8, Chinese included). */
  type(text: string): void;
  /** Waits until the screen satisfies `predicate` (a substring or a test); returns the screen. */
  waitFor(predicate: string | ((screen: string) => boolean), timeout?: number): Promise<string>;
  /** Resizes the terminal (the program gets SIGWINCH, as when a user drags the window). */
  resize(columns: number, rows: number): void;
  /** Whether the program has exited. */
  exited(): boolean;
  kill(): void;
}

/**
 * Starts `command` in tmux on a private server socket (so it never touches the user's
 * tmux), `columns` × `rows`, with `env` set. The pane is kept after the program exits,
 * so a test can see that it did.
 */
export function startTmux(command: readonly string[], env: Record<string, string>, columns = 160, rows = 45): TmuxSession {
  const socket = `duban-e2e-${process.pid}-${Date.now()}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const quoted = [...Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`), ...command.map(shellQuote)].join(' ');
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'tui', '-x', String(columns), '-y', String(rows), `env ${quoted}`);
  tmux('set-option', '-t', 'tui', 'remain-on-exit', 'on');
  const screen = () => tmux('capture-pane', '-p', '-t', 'tui');
  return {
    screen,
    keys: (...names) => void tmux('send-keys', '-t', 'tui', ...names),
    type: (text) => void tmux('send-keys', '-t', 'tui', '-l', text),
    waitFor: async (predicate, timeout = 20_000) => {
      const test = typeof predicate === 'string' ? (s: string) => s.includes(predicate) : predicate;
      let last = '';
      await vi.waitFor(
        () => {
          last = screen();
          if (!test(last)) throw new Error(`the screen does not show it yet:\n${last}`);
        },
        { timeout, interval: 100 },
      );
      return last;
    },
    resize: (columns, rows) => void tmux('resize-window', '-t', 'tui', '-x', String(columns), '-y', String(rows)),
    exited: () => tmux('list-panes', '-t', 'tui', '-F', '#{pane_dead}').trim() === '1',
    kill: () => void spawnSync('tmux', ['-L', socket, 'kill-server']),
  };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
