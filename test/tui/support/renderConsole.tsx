import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import type { Language } from '../../../core/index.js';
import { App } from '../../../cli/tui/components/App.js';
import type { TuiData } from '../../../cli/tui/data/TuiData.js';
import { createTheme } from '../../../cli/tui/theme/Theme.js';

/** Keys as a terminal sends them. */
export const KEYS = {
  down: '\u001B[B',
  up: '\u001B[A',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  ctrlD: '\u0004',
  ctrlU: '\u0015',
  ctrlS: '\u0013',
  backspace: '\u007F',
} as const;

/** A console rendered into a fake terminal, with helpers to type and to wait for text. */
export interface RenderedConsole {
  frame(): string;
  /** Sends keys one at a time, letting a frame render after each (STACK.md pitfall 10). */
  press(...keys: string[]): Promise<void>;
  /** Types text as one paste (how an IME delivers Chinese). */
  type(text: string): Promise<void>;
  waitFor(predicate: string | ((frame: string) => boolean), timeout?: number): Promise<string>;
  /** Renders again at another terminal size (what a resize does). */
  resize(columns: number, rows: number): Promise<void>;
  unmount(): void;
}

/** Renders the whole console on `data` at a fixed terminal size, without colour unless asked. */
export function renderConsole(
  data: TuiData,
  options: { columns?: number; rows?: number; lang?: Language; color?: boolean; ascii?: boolean; pollMs?: number; timeZone?: string } = {},
): RenderedConsole {
  const theme = createTheme({ color: options.color ?? false, ascii: options.ascii ?? false });
  const app = (columns: number, rows: number) => (
    <App data={data} lang={options.lang ?? 'en'} theme={theme} timeZone={options.timeZone ?? 'Asia/Shanghai'} size={{ columns, rows }} pollMs={options.pollMs ?? 60_000} />
  );
  const instance = render(app(options.columns ?? 150, options.rows ?? 30));
  const frame = () => instance.lastFrame() ?? '';
  const settle = () => new Promise((resolve) => setTimeout(resolve, 15));
  return {
    frame,
    press: async (...keys) => {
      for (const key of keys) {
        instance.stdin.write(key);
        await settle();
      }
    },
    type: async (text) => {
      instance.stdin.write(text);
      await settle();
    },
    waitFor: async (predicate, timeout = 10_000) => {
      const test = typeof predicate === 'string' ? (f: string) => f.includes(predicate) : predicate;
      await vi.waitFor(() => {
        if (!test(frame())) throw new Error(`not yet:\n${frame()}`);
      }, { timeout, interval: 20 });
      return frame();
    },
    resize: async (columns, rows) => {
      instance.rerender(app(columns, rows));
      await settle();
    },
    unmount: () => instance.unmount(),
  };
}
