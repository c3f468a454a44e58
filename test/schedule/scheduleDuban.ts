import { ManualClock, createDuban, type Duban, type NotifyConfig, type OverdueDigestSource } from '../../core/index.js';
import { builtinPlugins } from '../../plugins/index.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';

/** An engine for schedule and notification tests: a manual clock, optional notify config and digest source. */
export interface ScheduleTestDuban extends Duban {
  readonly manualClock: ManualClock;
  readonly database: TestDatabase;
  /** Closes the engine and drops the database. */
  dispose(): Promise<void>;
}

/** Options of {@link startScheduleDuban}. */
export interface ScheduleTestOptions {
  readonly start?: string;
  readonly notify?: NotifyConfig;
  readonly overdueDigestSource?: OverdueDigestSource;
  /** Share a database with another engine (then only the first disposes it). */
  readonly database?: TestDatabase;
  readonly plugins?: boolean;
}

/** Starts an engine on a fresh database (or the given one) with the built-in plugins unless told otherwise. */
export async function startScheduleDuban(dialect: 'sqlite' | 'postgres', options: ScheduleTestOptions = {}): Promise<ScheduleTestDuban> {
  const database = options.database ?? (await createTestDatabase(dialect));
  const manualClock = new ManualClock(options.start ?? '2026-03-02T00:30:00.000Z');
  const duban = await createDuban({
    db: database.target,
    clock: manualClock,
    plugins: options.plugins === false ? [] : builtinPlugins,
    notify: options.notify,
    overdueDigestSource: options.overdueDigestSource,
  });
  return {
    ...duban,
    manualClock,
    database,
    dispose: async () => {
      await duban.close();
      if (!options.database) await database.drop();
    },
  };
}

/** Adds people straight to the org table (the org import is another module's). */
export async function addPeople(
  duban: Duban,
  people: readonly { id: string; roles: string; department?: string; active?: boolean; nameZh?: string; nameEn?: string }[],
): Promise<void> {
  for (const p of people) {
    await duban.store.db
      .insertInto('people')
      .values({
        id: p.id,
        name_zh: p.nameZh ?? p.id,
        name_en: p.nameEn ?? p.id,
        title: null,
        department_id: p.department ?? null,
        roles: p.roles,
        active: p.active === false ? 0 : 1,
      })
      .execute();
  }
}

/** Counts the rows of a table. */
export async function countRows(duban: Duban, table: 'schedules' | 'schedule_runs' | 'inbox' | 'outbox' | 'audit_log' | 'incidents' | 'notification_deliveries'): Promise<number> {
  const row = await duban.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
