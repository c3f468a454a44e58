import Database from 'better-sqlite3';
import { tempDatabaseFile } from './tempDatabaseFile.js';

/** A rate measured over a run: how many operations, how long, the rate, and CPU per operation. */
export interface Rate {
  readonly count: number;
  readonly seconds: number;
  readonly perSecond: number;
  /**
   * Process CPU time (user + system) per operation, in microseconds. Next to the wall time
   * per operation it tells where the time goes: the rest is waiting, mostly for fsync.
   */
  readonly cpuMicrosPerOp: number;
}

/**
 * The durable-write ceiling of this machine: better-sqlite3 used directly, WAL,
 * `synchronous=FULL` (duban's default), one transaction of two plain prepared inserts per
 * event. The engine cannot beat it: every event it writes is at least one such commit.
 * Runs for at least `minSeconds` after `warmup` untimed transactions.
 */
export function measureRawCeiling(minSeconds: number, warmup = 200): Rate {
  const temp = tempDatabaseFile('raw');
  const db = new Database(temp.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table events (id integer primary key, at text not null, data text not null)');
    db.exec('create table log (id integer primary key, event_id integer not null, hash text not null)');
    const insertEvent = db.prepare('insert into events (at, data) values (?, ?)');
    const insertLog = db.prepare('insert into log (event_id, hash) values (?, ?)');
    const write = db.transaction((i: number) => {
      const { lastInsertRowid } = insertEvent.run(new Date().toISOString(), `{"n":${i}}`);
      insertLog.run(lastInsertRowid, `h${i}`);
    });
    for (let i = 0; i < warmup; i++) write(i);
    return timeLoop(minSeconds, (i) => write(i));
  } finally {
    db.close();
    temp.remove();
  }
}

/** Runs `step` until at least `minSeconds` passed, checking the clock every 50 steps. */
function timeLoop(minSeconds: number, step: (i: number) => void): Rate {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let count = 0;
  let seconds = 0;
  do {
    for (let k = 0; k < 50; k++) step(count++);
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
  } while (seconds < minSeconds);
  return { count, seconds, perSecond: count / seconds, cpuMicrosPerOp: cpuMicros(cpu) / count };
}

/** CPU microseconds (user + system) of this process since `since`. */
export function cpuMicros(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return used.user + used.system;
}
