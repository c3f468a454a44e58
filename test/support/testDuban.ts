import { ManualClock, createDuban, type Duban, type PluginCandidate } from '../../core/index.js';
import { builtinPlugins } from '../../plugins/index.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

/** A test engine on a fresh database, with a manual clock. */
export interface TestDuban extends Duban {
  readonly manualClock: ManualClock;
  readonly database: TestDatabase;
  dispose(): Promise<void>;
}

/** Starts an engine for a test: built-in plugins plus `extraPlugins`, clock at `start`. */
export async function startTestDuban(
  dialect: 'sqlite' | 'postgres',
  options: { extraPlugins?: readonly PluginCandidate[]; start?: string; database?: TestDatabase } = {},
): Promise<TestDuban> {
  const database = options.database ?? (await createTestDatabase(dialect));
  const manualClock = new ManualClock(options.start ?? '2026-03-02T01:00:00.000Z');
  const duban = await createDuban({
    db: database.target,
    clock: manualClock,
    plugins: [...builtinPlugins, ...(options.extraPlugins ?? [])],
  });
  return {
    ...duban,
    manualClock,
    database,
    dispose: async () => {
      await duban.close();
      await database.drop();
    },
  };
}
