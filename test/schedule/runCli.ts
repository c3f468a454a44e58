import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The compiled CLI (`npm run build`; `npm test` builds first). */
export const CLI = join(REPO, 'bin/duban.js');

/** Fails loudly when the compiled CLI is missing or predates the schedule commands. */
export function assertBuilt(): void {
  if (!existsSync(join(REPO, 'dist/bundle/duban.cjs'))) {
    throw new Error('dist/bundle/ has no CLI: run `npm run build` first (npm test does)');
  }
}

/** What one CLI run printed. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A working folder with no config file, so the user's own config does not leak in. */
export function emptyWorkdir(): string {
  return mkdtempSync(join(tmpdir(), 'duban-cwd-'));
}

/** Environment of a CLI run: English, the given database, no inherited duban settings. */
export function cliEnv(db: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DUBAN_DB: db, DUBAN_LANG: 'en' };
  for (const key of ['DUBAN_NOW', 'DUBAN_AS', 'DUBAN_LOG']) delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `node bin/duban.js ...args` to completion. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs the CLI and parses its stdout as JSON; throws with stderr when it failed. */
export async function runCliJson<T>(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<T> {
  const result = await runCli(args, env, cwd);
  if (result.code !== 0) throw new Error(`duban ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Starts a long-running CLI process (`serve`); stop it with {@link stopProcess}. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  return Object.assign(child, { output: () => output });
}

/** Sends SIGTERM and waits for the exit code. */
export function stopProcess(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise(child.exitCode);
    child.once('exit', (code) => resolvePromise(code));
    child.kill('SIGTERM');
  });
}
