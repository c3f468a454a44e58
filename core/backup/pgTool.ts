import { spawn } from 'node:child_process';
import { DubanError } from '../errors/DubanError.js';

/** The PostgreSQL client programs a backup or restore runs. */
export type PgTool = 'pg_dump' | 'pg_restore';

/**
 * Runs `pg_dump` or `pg_restore` from PATH with `args` (the URL passed as an argument,
 * never through a shell). When the program is not installed, says what to install and
 * the exact command to run by hand, with the password hidden.
 *
 * @throws DubanError `BACKUP_TOOL_MISSING` when the program is not on PATH;
 * `BACKUP_INVALID` when it exits non-zero, with its own message.
 */
export async function runPgTool(tool: PgTool, args: readonly string[], shown: readonly string[]): Promise<void> {
  const result = await new Promise<{ code: number | null; stderr: string } | 'missing'>((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve('missing') : reject(error)));
    child.once('close', (code) => resolve({ code, stderr }));
  });
  const command = [tool, ...shown].join(' ');
  if (result === 'missing') {
    throw new DubanError('BACKUP_TOOL_MISSING', `${tool} is not on PATH: install the PostgreSQL client (Debian: apt-get install postgresql-client, of the server's version or newer) or run yourself: ${command}`, {
      details: { command },
    });
  }
  if (result.code !== 0) {
    throw new DubanError('BACKUP_INVALID', `${command} failed (exit ${result.code}): ${result.stderr.trim()}`, { details: { command } });
  }
}
