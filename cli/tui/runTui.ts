import type { Session } from '../session.js';
import { createTuiData } from './data/createTuiData.js';
import { prepareConsoleProcess } from './prepareConsoleProcess.js';
import { loadLayoutEngine } from './render/loadLayoutEngine.js';
import { summaryText } from './summaryText.js';
import { createTheme, wantsColor } from './theme/Theme.js';

/** Options of {@link runTui}. */
export interface TuiOptions {
  /** `--no-color` makes this false; NO_COLOR and FORCE_COLOR are read as well. */
  readonly color?: boolean;
  readonly ascii?: boolean;
  /** Open on this filter instead of the first tab. */
  readonly filter?: string;
  /** Output and input; default the process's. */
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
}

/**
 * Ink's options for the console (the bench renders with the same): 60 frames a second,
 * since Ink's default of 30 would hold back a second keypress within 33 ms. Ink 6.8's
 * `incrementalRendering` is left off: in tmux it drew every frame one line low, under a
 * stale line (seen with capture-pane), and measured no faster.
 */
export const CONSOLE_RENDER_OPTIONS = { maxFps: 60 } as const;

// The alternate screen, like k9s and lazygit: the console leaves the shell's scrollback as it was.
const ENTER_SCREEN = '\u001B[?1049h\u001B[?25l';
const LEAVE_SCREEN = '\u001B[?25h\u001B[?1049l';

/**
 * Runs the console on an open session until the user quits. When stdin or stdout is
 * not a terminal it prints the summary instead and returns: raw mode needs a TTY, and a
 * pipe wants text (STACK.md pitfall 10).
 *
 * Ink and React are imported here, not at the top: `duban --version` and every other
 * command must not pay for them (pitfall 15). Colour is decided before Ink is loaded,
 * because its colour library reads FORCE_COLOR once, at import.
 */
export async function runTui(session: Session, options: TuiOptions = {}): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const { duban } = session;
  if (!stdin.isTTY || !stdout.isTTY) {
    const { names } = await duban.org.directory();
    stdout.write(summaryText(await duban.findingQueries.byDepartment(), session.lang, (id) => names[id]?.[session.lang] ?? ''));
    return;
  }
  const color = wantsColor(options.color);
  if (!color) process.env.FORCE_COLOR = '0';
  const restoreProcess = await prepareConsoleProcess();
  await withoutFetch(loadLayoutEngine);
  const { mountConsole } = await import('./mountConsole.js');
  const theme = createTheme({ color, ascii: options.ascii === true });
  stdout.write(ENTER_SCREEN);
  try {
    const app = mountConsole(
      { data: createTuiData(duban, session.actor), lang: session.lang, theme, timeZone: duban.settings.timeZone, filter: options.filter },
      { stdout, stdin, exitOnCtrlC: true, patchConsole: true, ...CONSOLE_RENDER_OPTIONS },
    );
    await app.waitUntilExit();
  } finally {
    stdout.write(LEAVE_SCREEN);
    restoreProcess();
  }
}

/**
 * Runs `load` with the global `fetch` hidden. Ink's layout engine (Yoga) loads its
 * WebAssembly from a data URL, through `fetch` when there is one, and Node's `fetch`
 * loads its whole HTTP client (undici) on first touch: a good part of the console's
 * start-up for a few kilobytes it can decode itself. Nothing else runs meanwhile, and
 * `fetch` is back (still untouched, so still lazy) before the console does anything.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
