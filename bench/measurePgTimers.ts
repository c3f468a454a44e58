import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDuban, ManualClock } from '../core/index.js';
import { benchPlugin } from './benchPlugin.js';

const TIMERS = 1200;
const WORKERS = [1, 2, 4] as const;
const START = '2026-03-02T01:00:00.000Z';
const DUE = '2026-03-02T01:05:00.000Z';

interface WorkerResult {
  readonly fired: number;
  readonly ms: number;
  readonly cpuMs: number;
}

/**
 * `npm run bench`, part (f), when `DUBAN_TEST_PG` names a PostgreSQL server: events per
 * second with 1, 2 and 4 `serve` worker processes firing the same {@link TIMERS} due
 * timers (each timer claimed with `FOR UPDATE SKIP LOCKED`, fired in its own savepoint of
 * a batch, with its audit row). Where the time goes: the workers' CPU per event, and how
 * often a worker's connection was found waiting for a lock while firing (sampled from
 * `pg_stat_activity`): the audit head is the one row every writer updates, so that
 * share is what the head costs. Each worker count runs on a fresh database.
 */
export async function measurePgTimers(line: (text?: string) => void): Promise<void> {
  const admin = process.env.DUBAN_TEST_PG;
  line();
  if (!admin) {
    line('(f) PostgreSQL serve workers: not measured (set DUBAN_TEST_PG to a PostgreSQL admin URL)');
    return;
  }
  line(`(f) PostgreSQL: ${TIMERS} due timers fired by 1, 2 and 4 serve worker processes (fresh database each)`);
  for (const workers of WORKERS) {
    const name = `duban_bench_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    const url = withDatabase(admin, name);
    try {
      await seedTimers(url);
      const run = await fireWith(url, workers, client, name);
      const fired = run.results.reduce((n, r) => n + r.fired, 0);
      if (fired !== TIMERS) throw new Error(`pg timer bench: ${fired} timers fired, expected ${TIMERS}`);
      const cpuPerEvent = (1000 * run.results.reduce((n, r) => n + r.cpuMs, 0)) / fired;
      const lockShare = run.samples === 0 ? 0 : (100 * run.waiting) / run.samples;
      line(
        `    ${workers} worker${workers === 1 ? ' ' : 's'}  ${(fired / (run.ms / 1000)).toFixed(0).padStart(6)} events/s  (${run.ms.toFixed(0)} ms; worker CPU ${cpuPerEvent.toFixed(0)} µs/event; busy connections waiting for a lock ${lockShare.toFixed(0)}% of samples)`,
      );
    } finally {
      await client.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await client.end();
    }
  }
  line('    (the lock waits are on the audit head: one row every writer updates until its commit, so writers append one at a time)');
}

async function seedTimers(url: string): Promise<void> {
  const duban = await createDuban({ db: url, clock: new ManualClock(START), plugins: [{ source: 'bench', load: () => benchPlugin }] });
  try {
    for (let i = 0; i < TIMERS; i++) await duban.engine.start('bench-timer', {}, 'bench-user');
  } finally {
    await duban.close();
  }
}

async function fireWith(url: string, workers: number, client: pg.Client, database: string): Promise<{ ms: number; results: WorkerResult[]; samples: number; waiting: number }> {
  const script = fileURLToPath(new URL('./pgTimerWorker.js', import.meta.url));
  const children = Array.from({ length: workers }, () => spawn(process.execPath, [script, url, DUE], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const outputs = children.map((child) => {
    let text = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: string) => ((text += chunk), text.includes('ready\n') && resolve())));
    const done = new Promise<WorkerResult>((resolve, reject) =>
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text.split('\n').filter((l) => l.startsWith('{')).at(-1)!) as WorkerResult) : reject(new Error(`pg timer worker exited ${code}`)))),
    );
    return { ready, done };
  });
  await Promise.all(outputs.map((o) => o.ready));
  const start = process.hrtime.bigint();
  for (const child of children) child.stdin.end('go\n');
  let finished = false;
  const all = Promise.all(outputs.map((o) => o.done)).finally(() => (finished = true));
  let samples = 0;
  let waiting = 0;
  while (!finished) {
    const { rows } = await client.query<{ active: string; waiting: string }>(
      "select count(*) filter (where state <> 'idle') as active, count(*) filter (where wait_event_type = 'Lock') as waiting from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database],
    );
    samples += Number(rows[0]!.active);
    waiting += Number(rows[0]!.waiting);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const results = await all;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, results, samples, waiting };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
