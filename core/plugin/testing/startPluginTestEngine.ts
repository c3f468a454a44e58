import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../clock/Clock.js';
import { createDuban, type Duban } from '../../container/createDuban.js';
import type { Language } from '../../i18n/Localized.js';
import { importOrg } from '../../org/importOrg.js';
import { buildReport } from '../../report/buildReport.js';
import type { Report } from '../../report/Report.js';
import { monthPeriod } from '../../report/ReportPeriod.js';
import { commandContext } from '../commandContext.js';
import { findPluginCommand } from '../findPluginCommand.js';
import type { PluginDefinition } from '../PluginDefinition.js';

/** Options of {@link startPluginTestEngine}. */
export interface PluginTestOptions {
  /** The plugins under test, as their modules export them. */
  readonly plugins: readonly PluginDefinition[];
  /** An org in duban's YAML format (departments, people with roles), imported before the test. Nobody acts who is not in it. */
  readonly org?: string;
  /** The clock's start; default 2026-03-02T01:00:00Z. */
  readonly now?: string | Date;
  /** The plugins' config sections, by plugin id. */
  readonly pluginConfig?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A running engine for a plugin's tests: the whole host on a temporary SQLite file. */
export interface PluginTestEngine extends Duban {
  /** The engine's clock: move it to fire timers and SLAs (`advance(ms)`, then `timers.fireDue()`). */
  readonly manualClock: ManualClock;
  /** Runs a plugin command (`radiology summary`) as the CLI would, as `actor`; returns what `--json` prints. */
  command(name: string, options: Record<string, string | boolean | undefined>, actor: string, lang?: Language): Promise<unknown>;
  /** The monthly report of `month` (YYYY-MM) with every loaded plugin's sections. */
  monthlyReport(month: string): Promise<Report>;
  /** Closes the engine and deletes its database. */
  dispose(): Promise<void>;
}

/**
 * Starts the host with the plugins under test on a fresh temporary SQLite file, like
 * Backstage's `startTestBackend`: the real engine, store, rules and scopes, nothing mocked.
 * A plugin that fails to load makes it throw, with the reason.
 *
 * @example
 * const engine = await startPluginTestEngine({ plugins: [plugin], org: ORG });
 * const run = await engine.engine.start('radiology-check', { department: 'RAD' }, 'inspector1');
 * await engine.dispose();
 */
export async function startPluginTestEngine(options: PluginTestOptions): Promise<PluginTestEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-plugin-test-'));
  const manualClock = new ManualClock(options.now ?? '2026-03-02T01:00:00.000Z');
  const duban = await createDuban({
    db: join(dir, 'test.db'),
    clock: manualClock,
    plugins: options.plugins.map((plugin) => ({ source: `test:${plugin.id}`, load: () => plugin })),
    pluginConfig: options.pluginConfig,
  });
  const dispose = async () => {
    await duban.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (duban.plugins.disabled.length > 0) throw new Error(duban.plugins.disabled.map((d) => d.message).join('; '));
    if (options.org) await importOrg(duban.store, options.org, 'org.yaml', 'test-setup', manualClock.now());
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    ...duban,
    manualClock,
    async command(name, commandOptions, actor, lang = 'en') {
      const found = findPluginCommand(duban.plugins.loaded, name);
      if (!found) throw new Error(`no loaded plugin has the command "${name}"`);
      const ctx = commandContext(duban, found.plugin, actor, { lang, json: true, config: options.pluginConfig?.[found.plugin] });
      return found.command.run(commandOptions, ctx);
    },
    monthlyReport: (month) => buildReport(duban, { period: monthPeriod(month, duban.settings.timeZone, manualClock.now()), pluginConfig: options.pluginConfig }),
    dispose,
  };
}
