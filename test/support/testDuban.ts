import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ManualClock, createDuban, importOrg, type Duban, type PluginCandidate } from '../../core/index.js';
import { builtinPlugins } from '../../plugins/index.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

/** A test engine on a fresh database, with a manual clock. */
export interface TestDuban extends Duban {
  readonly manualClock: ManualClock;
  readonly database: TestDatabase;
  dispose(): Promise<void>;
}

/** The org every test engine starts with: the chains' org and the testers of the engine's mechanics. */
export const TEST_ORGS = ['chains.yaml', 'testers.yaml'].map((f) => fileURLToPath(new URL(`../fixtures/org/${f}`, import.meta.url)));

/** Imports {@link TEST_ORGS}: default-deny means nobody acts who is not in the org. */
export async function importTestOrg(duban: Duban): Promise<void> {
  for (const file of TEST_ORGS) await importOrg(duban.store, readFileSync(file, 'utf8'), file, 'test-setup', duban.clock.now());
}

/**
 * Starts an engine for a test: built-in plugins plus `extraPlugins`, clock at `start`,
 * the test org imported unless `org: false` (for what happens before an org exists).
 */
export async function startTestDuban(
  dialect: 'sqlite' | 'postgres',
  options: { extraPlugins?: readonly PluginCandidate[]; start?: string; database?: TestDatabase; org?: boolean } = {},
): Promise<TestDuban> {
  const database = options.database ?? (await createTestDatabase(dialect));
  const manualClock = new ManualClock(options.start ?? '2026-03-02T01:00:00.000Z');
  const duban = await createDuban({
    db: database.target,
    clock: manualClock,
    plugins: [...builtinPlugins, ...(options.extraPlugins ?? [])],
  });
  if (options.org !== false) await importTestOrg(duban);
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

/** Imports {@link TEST_ORGS} into a database before a CLI test's commands run on it. */
export async function seedTestOrg(target: string): Promise<void> {
  const duban = await createDuban({ db: target, plugins: builtinPlugins });
  try {
    await importTestOrg(duban);
  } finally {
    await duban.close();
  }
}
