import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and the compiled CLI the tests spawn (`npm test` builds it first). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DUBAN_BIN = join(REPO_ROOT, 'bin', 'duban.js');

/**
 * The time limit of a test that spawns the CLI several times. Generous because each spawn
 * pays node's start and plugin loading, and CI machines may be busy; no assertion depends
 * on it.
 */
export const CLI_TEST_TIMEOUT = 300_000;

/** How one `duban` process ended. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how a `duban` process runs. */
export interface CliOptions {
  /** `DUBAN_DB`: a SQLite file or a postgres:// URL. */
  readonly db?: string;
  /** `DUBAN_NOW`: the instant the process's clock starts at. */
  readonly now?: string;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Written to the process's standard input, then closed; without it stdin is closed at once. */
  readonly stdin?: string;
}

// Config and data folders of the user running the tests must not leak in: every run sees
// the same empty XDG folders and no system-wide config (one fixed path, so runs leave
// nothing behind), English, and no DUBAN_* variables but the ones a test sets.
const isolatedHome = join(tmpdir(), 'duban-test-cli-home');

/** The environment of a spawned `duban`: isolated from the user's, plus the options. */
export function cliEnv(options: CliOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('DUBAN_')) env[key] = value;
  Object.assign(env, {
    XDG_CONFIG_HOME: join(isolatedHome, 'config'),
    XDG_DATA_HOME: join(isolatedHome, 'data'),
    DUBAN_SYSTEM_CONFIG: join(isolatedHome, 'etc', 'config.yaml'),
    DUBAN_LANG: 'en',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });
  if (options.db) env.DUBAN_DB = options.db;
  if (options.now) env.DUBAN_NOW = options.now;
  Object.assign(env, options.env);
  return env;
}

/** Starts `duban <args>` as a child process (for `serve`, which runs until stopped). */
export function spawnDuban(args: readonly string[], options: CliOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [DUBAN_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: cliEnv(options),
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  return child;
}

/** Runs `duban <args>` to its end and collects its output. */
export function runDuban(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return finished(spawnDuban(args, options));
}

/** Collects a child's output and resolves when it has exited. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Runs `duban <args>`, expects exit 0 and returns its stdout parsed as JSON.
 *
 * @throws Error with the process's stderr when it fails or prints something that is not JSON.
 */
export async function runDubanJson<T = any>(args: readonly string[], options: CliOptions = {}): Promise<T> {
  const result = await runDuban(args, options);
  if (result.code !== 0) {
    throw new Error(`duban ${args.join(' ')} exited ${result.code ?? result.signal}:\n${result.stderr}`);
  }
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`duban ${args.join(' ')} printed no JSON:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Resolves when `child` has written `pattern` to stderr; rejects if it exits first. */
export function waitForStderr(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`duban exited (${code}) before printing ${pattern}:\n${seen}`));
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Makes a CLI test's database the way an office does, with `duban init` (the built-in
 * plugins and the config's, as `options.cwd` finds it): other commands never create one.
 *
 * @throws Error with init's stderr when it fails.
 */
export async function initDatabase(options: CliOptions): Promise<void> {
  const result = await runDuban(['init'], options);
  if (result.code !== 0) throw new Error(`duban init exited ${result.code ?? result.signal}:\n${result.stderr}`);
}
