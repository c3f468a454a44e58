import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dubanBin, median } from './measureStartup.js';

/** The console's start as a user sees it, next to bare Node started the same way. */
export interface ConsoleStart {
  readonly runs: number;
  /** From spawning `duban tui` to the first frame with rows and the position ("1 of N"). */
  readonly medianMs: number;
  readonly minMs: number;
  /** From spawning `node -e 0` the same way to its exit. */
  readonly nodeMedianMs: number;
}

// The status line's position in either language: "1 of 99,993", "第 1 / 99,993 项".
const POSITION = /(\d[\d,]*) (?:of|\/) ([\d,]+)/;
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;
const TIMEOUT_MS = 60_000;

/**
 * Times the real `duban tui` (the shipped bundle, through bin/duban.js) from spawn to its
 * first frame showing rows and the cursor's position, in a pseudo-terminal of
 * `columns` x `rows` made by util-linux `script`, on `db` as `person`. `node -e 0` is
 * spawned through the same `script` and `stty` each round, interleaved, so the
 * pseudo-terminal's own cost is in both figures.
 */
export async function measureConsoleStart(db: string, person: string, runs: number, size: { columns: number; rows: number }): Promise<ConsoleStart> {
  const bin = dubanBin();
  const tty = `stty cols ${size.columns} rows ${size.rows}`;
  const consoleCommand = `${tty}; exec '${process.execPath}' '${bin}' tui --db '${db}' --lang en --filter status:active`;
  const nodeCommand = `${tty}; exec '${process.execPath}' -e 0`;
  const env = { ...process.env, TERM: 'xterm-256color', DUBAN_AS: person };
  // One untimed run of each fills the OS file cache; the console's is quit with q, as a
  // user quits, so it saves its compiled code (bin/loadCompiled.cjs) as a user's would.
  await untilFirstRows(consoleCommand, env, { quit: true });
  await untilExit(nodeCommand, env);
  const consoleMs: number[] = [];
  const nodeMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    consoleMs.push(await untilFirstRows(consoleCommand, env));
    nodeMs.push(await untilExit(nodeCommand, env));
  }
  return { runs, medianMs: median(consoleMs), minMs: Math.min(...consoleMs), nodeMedianMs: median(nodeMs) };
}

function untilFirstRows(command: string, env: NodeJS.ProcessEnv, options: { quit?: boolean } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let shownAt: number | undefined;
    const child = spawn('script', ['-qfc', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let tail = '';
    const timer = setTimeout(() => finish(new Error(`duban tui showed no rows in ${TIMEOUT_MS} ms: ${tail.replace(ESCAPES, '').slice(-400)}`)), TIMEOUT_MS);
    const finish = (outcome: number | Error) => {
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.kill('SIGKILL');
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-16_384);
      if (shownAt === undefined && POSITION.exec(tail.replace(ESCAPES, ''))?.[1] === '1') {
        shownAt = performance.now() - start;
        if (options.quit) child.stdin.write('q');
        else finish(shownAt);
      }
    });
    child.on('error', (error) => finish(error));
    child.on('exit', (code) => finish(shownAt ?? new Error(`duban tui exited ${code} before showing rows: ${tail.replace(ESCAPES, '').slice(-400)}`)));
  });
}

/**
 * The real `duban tui`'s peak resident memory (VmHWM, MB) over `keys` typed 33 ms
 * apart once its first rows show, read from /proc just before it is told to quit: the
 * shipped bundle, where the probe's figure is of the modules unbundled.
 */
export async function measureConsoleMemory(db: string, person: string, keys: readonly string[], size: { columns: number; rows: number }): Promise<number> {
  const command = `stty cols ${size.columns} rows ${size.rows}; exec '${process.execPath}' '${dubanBin()}' tui --db '${db}' --lang en --filter status:active`;
  const child = spawn('script', ['-qfc', command, '/dev/null'], { env: { ...process.env, TERM: 'xterm-256color', DUBAN_AS: person }, stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let tail = '';
      const timer = setTimeout(() => reject(new Error(`duban tui showed no rows in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        tail = (tail + chunk.toString('utf8')).slice(-16_384);
        if (POSITION.exec(tail.replace(ESCAPES, ''))?.[1] === '1') {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`duban tui exited ${code} before showing rows`)));
    });
    for (const key of keys) {
      child.stdin.write(key);
      await new Promise((resolve) => setTimeout(resolve, 33));
    }
    // `script` runs the command in a child of its own; `exec` made that child node.
    const node = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0];
    const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${node}/status`, 'utf8'))?.[1];
    if (peak === undefined) throw new Error('no VmHWM for the console process');
    return Number(peak) / 1024;
  } finally {
    child.stdout.removeAllListeners('data');
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
  }
}

function untilExit(command: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('script', ['-qfc', command, '/dev/null'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`node -e 0 under script exited ${code}`))));
  });
}
