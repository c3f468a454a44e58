import { createDuban, SystemClock } from '../core/index.js';
import { benchPlugin } from './benchPlugin.js';
import { cpuMicros, type Rate } from './measureRawCeiling.js';
import { tempDatabaseFile } from './tempDatabaseFile.js';

/**
 * Durable events per second through the whole engine on a temp SQLite file with the
 * defaults (WAL, `synchronous=FULL`): each `engine.send` restores the instance from its
 * snapshot, checks the actor, transitions the machine, writes the snapshot with
 * revision + 1, appends the hash-chained audit row and commits, one transaction per event,
 * awaited one after the other like a user at the CLI. Sent as a person, so the
 * authorisation queries are paid too.
 */
export async function measureEngine(minSeconds: number, warmup = 200): Promise<Rate> {
  const temp = tempDatabaseFile('engine');
  const duban = await createDuban({
    db: temp.file,
    clock: new SystemClock(),
    plugins: [{ source: 'bench', load: () => benchPlugin }],
  });
  try {
    const instance = await duban.engine.start('bench-loop', {}, 'bench-user');
    let n = 0;
    const tick = () => duban.engine.send(instance.id, { type: 'TICK', data: { n: n++ } }, 'bench-user');
    for (let i = 0; i < warmup; i++) await tick();
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    let count = 0;
    let seconds = 0;
    do {
      for (let k = 0; k < 20; k++, count++) await tick();
      seconds = Number(process.hrtime.bigint() - start) / 1e9;
    } while (seconds < minSeconds);
    const cpuMicrosPerOp = cpuMicros(cpu) / count;
    // The bench is only honest if every event landed: check the revision counted them all.
    const after = await duban.engine.get(instance.id);
    const expected = 1 + warmup + count;
    if (after.revision !== expected) throw new Error(`bench lost events: revision ${after.revision}, expected ${expected}`);
    return { count, seconds, perSecond: count / seconds, cpuMicrosPerOp };
  } finally {
    await duban.close();
    temp.remove();
  }
}
