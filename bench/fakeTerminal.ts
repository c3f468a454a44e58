import { EventEmitter } from 'node:events';

/**
 * A terminal for the bench: an output stream that says it is a TTY of a fixed size and
 * reports each frame Ink writes, and an input stream the bench types into. Ink runs on
 * them exactly as on a real terminal (throttling, raw mode and all), unlike
 * ink-testing-library's debug mode, which renders every update unthrottled.
 */
export class FakeTerminal {
  readonly stdout: EventEmitter & { isTTY: true; columns: number; rows: number; write(text: string): boolean };
  readonly stdin: EventEmitter & { isTTY: true; setRawMode(): void; setEncoding(): void; resume(): void; pause(): void; ref(): void; unref(): void; read(): string | null };
  #pending: string | null = null;
  /** Called with each frame and the time it was written. */
  onFrame: (frame: string, at: number) => void = () => undefined;

  constructor(columns: number, rows: number) {
    const out = new EventEmitter() as FakeTerminal['stdout'];
    out.isTTY = true;
    out.columns = columns;
    out.rows = rows;
    out.write = (text: string) => {
      this.onFrame(text, performance.now());
      return true;
    };
    this.stdout = out;
    const input = new EventEmitter() as FakeTerminal['stdin'];
    input.isTTY = true;
    for (const name of ['setRawMode', 'setEncoding', 'resume', 'pause', 'ref', 'unref'] as const) input[name] = () => undefined;
    input.read = () => {
      const data = this.#pending;
      this.#pending = null;
      return data;
    };
    this.stdin = input;
  }

  /** Types `data` as a keypress. */
  type(data: string): void {
    this.#pending = data;
    this.stdin.emit('readable');
  }
}
