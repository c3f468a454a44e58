import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuban, ManualClock, type Duban } from '../../../core/index.js';
import { builtinPlugins } from '../../../plugins/index.js';
import { createTuiData } from '../../../cli/tui/data/createTuiData.js';
import type { TuiData } from '../../../cli/tui/data/TuiData.js';
import { seedFixtureDatabase, type SeededFindings } from '../../../bench/seed/seedFixtureDatabase.js';

/** The instant the fixture hospital is seeded up to and the console's clock reads. */
export const FIXTURE_NOW = '2026-03-02T01:00:00.000Z';

/** A seeded fixture database opened for a console test. */
export interface TuiFixture {
  readonly file: string;
  readonly duban: Duban;
  readonly clock: ManualClock;
  readonly seeded: SeededFindings;
  /** The console's data port acting as `actor` (default the quality office's office1). */
  data(actor?: string): TuiData;
  dispose(): Promise<void>;
}

/**
 * Seeds the fixture hospital (through the real engine) into a temp SQLite file and opens
 * it with a manual clock at {@link FIXTURE_NOW}.
 */
export async function openTuiFixture(count: number, seed = 11): Promise<TuiFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-tui-'));
  const file = join(dir, 'fixture.db');
  const seeded = await seedFixtureDatabase(file, { count, seed, now: new Date(FIXTURE_NOW), spanDays: 20 });
  const clock = new ManualClock(FIXTURE_NOW);
  const duban = await createDuban({ db: file, clock, plugins: builtinPlugins });
  return {
    file,
    duban,
    clock,
    seeded,
    data: (actor = 'office1') => createTuiData(duban, actor),
    dispose: async () => {
      await duban.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
