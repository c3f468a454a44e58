import { createDuban, GroupCommit, SystemClock } from '../core/index.js';
import { benchPlugin } from './benchPlugin.js';
import { cpuMicros, type Rate } from './measureRawCeiling.js';
import { tempDatabaseFile } from './tempDatabaseFile.js';

/**
 * Durable events per second from `senders` concurrent senders, each ticking its own
 * instance and awaiting every event like a user would, through {@link GroupCommit}: the
 * events that wait while a batch commits go together in the next one transaction, each
 * with its own compare-and-set and audit row, each sender told "done" after its commit.
 */
export async function measureGroupCommit(minSeconds: number, senders = 8, warmup = 50): Promise<Rate & { batches: number }> {
  const temp = tempDatabaseFile('group');
  const duban = await createDuban({ db: temp.file, clock: new SystemClock(), plugins: [{ source: 'bench', load: () => benchPlugin }] });
  try {
    const group = new GroupCommit(duban.engine);
    const ids: string[] = [];
    for (let i = 0; i < senders; i++) ids.push((await duban.engine.start('bench-loop', {}, 'bench-user')).id);
    const sent = ids.map(() => 0);
    const tick = (s: number) => group.send(ids[s]!, { type: 'TICK', data: { n: sent[s]!++ } }, 'bench-user');
    await Promise.all(ids.map(async (_, s) => { for (let i = 0; i < warmup; i++) await tick(s); }));
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    let seconds = 0;
    let count = 0;
    const before = group.batches;
    await Promise.all(
      ids.map(async (_, s) => {
        while (seconds < minSeconds) {
          for (let k = 0; k < 10; k++, count++) await tick(s);
          seconds = Number(process.hrtime.bigint() - start) / 1e9;
        }
      }),
    );
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuMicrosPerOp = cpuMicros(cpu) / count;
    // Honest only if every event landed: the revisions count them all.
    let landed = 0;
    for (const id of ids) landed += (await duban.engine.get(id)).revision - 1;
    if (landed !== sent.reduce((a, b) => a + b, 0)) throw new Error(`group commit bench lost events: ${landed} landed, ${sent.reduce((a, b) => a + b, 0)} sent`);
    return { count, seconds, perSecond: count / seconds, cpuMicrosPerOp, batches: group.batches - before };
  } finally {
    await duban.close();
    temp.remove();
  }
}
