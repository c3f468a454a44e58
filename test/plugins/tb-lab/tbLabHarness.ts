import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext, Duban, PluginCommand } from '../../../core/index.js';
import { commandContext } from '../../../core/plugin/commandContext.js';
import { plugin } from '../../../plugins/tb-lab/index.js';

/** One register line as the tests write it. */
export interface TestSlide {
  readonly slide: string;
  readonly result: string;
}

/**
 * A county lab's quarter register for the tests: 40 slides, S01..S40, of which every fifth
 * is positive. Positives are all graded 3+, and no test reader ever reads 3+, so "3+"
 * anywhere in the engine's state would be a leaked laboratory result.
 */
export function testRegister(): TestSlide[] {
  return Array.from({ length: 40 }, (_, i) => ({ slide: `S${String(i + 1).padStart(2, '0')}`, result: i % 5 === 0 ? '3+' : 'NEG' }));
}

/** Writes a CSV in a fresh temporary folder and returns its path. */
export function writeCsv(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'duban-tb-')), name);
  writeFileSync(file, text);
  return file;
}

/** The register as CSV, with an extra column that must be kept. */
export function registerCsv(slides: readonly TestSlide[]): string {
  return `slide,result,examined_on,patient_no\n${slides.map((s, i) => `${s.slide},${s.result},2026-01-${String((i % 28) + 1).padStart(2, '0')},P${i}`).join('\n')}\n`;
}

/** Runs one of the plugin's commands the way the CLI does, as `actor`, and returns its JSON answer. */
export async function runCommand(duban: Duban, name: string, options: Record<string, string | boolean | undefined>, actor = 'office1'): Promise<any> {
  const command = plugin.commands.find((c: PluginCommand) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  const printed: string[] = [];
  const ctx: CommandContext = commandContext(duban, actor, { plugin: plugin.id, lang: 'en', json: true, print: (text) => void printed.push(text) });
  return command.run(options, ctx);
}
