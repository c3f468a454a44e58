import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { createDuban, ManualClock } from '../core/index.js';
import { benchPlugin } from './benchPlugin.js';

// One `duban serve` worker of the PostgreSQL bench (measurePgTimers.ts), in its own process
// as serve runs: opens the engine at the instant given, says "ready", waits for "go" on
// stdin, fires every due timer, and prints what it fired, its wall and CPU time as JSON.
const [url, now] = process.argv.slice(2) as [string, string];
const duban = await createDuban({ db: url, clock: new ManualClock(now), plugins: [{ source: 'bench', load: () => benchPlugin }] });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
let fired = 0;
// Like `serve`: a pass that found every due timer claimed by others waits a moment and looks again, until none is due.
for (;;) {
  const pass = await duban.timers.fireDue();
  fired += pass.fired;
  const next = await duban.timers.nextDue();
  if (!next || next.getTime() > duban.clock.now().getTime()) break;
  if (pass.fired + pass.void === 0) await new Promise((resolve) => setTimeout(resolve, 5));
}
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ fired, ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000 })}\n`);
await duban.close();
