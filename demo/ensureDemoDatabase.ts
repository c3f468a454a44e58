import { join } from 'node:path';
import envPaths from 'env-paths';
import { buildDemoHospital, DEFAULT_DEMO_SEED } from './buildDemoHospital.js';
import { demoNow } from './demoNow.js';
import { buildDemoOrg } from './demoOrg.js';
import { displayTarget, inspectTarget } from './demoTarget.js';

/**
 * Where the demo hospital lives unless told otherwise: `demo.db` in the user's XDG data
 * folder (`~/.local/share/duban/demo.db`), beside the real `duban.db` and never it.
 */
export function defaultDemoTarget(): string {
  return join(envPaths('duban', { suffix: '' }).data, 'demo.db');
}

/** The person the console acts as on the demo hospital: the quality office's first officer (`qc01`). */
export function demoOfficer(): string {
  return buildDemoOrg(DEFAULT_DEMO_SEED).people.find((p) => p.roles.includes('office'))!.id;
}

/**
 * Returns the demo database, creating the demo hospital there first when it is missing
 * or empty (`duban tui --demo`, `npm start`). An existing demo is opened as it is, however
 * old: `duban demo --force` makes a fresh one. The history ends now (`DUBAN_NOW` moves
 * "now", as for every command).
 *
 * @param target default {@link defaultDemoTarget}; a SQLite path or a `postgres://` URL.
 * @param options.progress told one line before the (tens of seconds long) build starts.
 * @throws DubanError `USAGE` naming `--db` when the target holds something that is not a
 * duban database; `DB_OPEN_FAILED` when it cannot be written.
 * @example const db = await ensureDemoDatabase(); // ~/.local/share/duban/demo.db
 */
export async function ensureDemoDatabase(target: string = defaultDemoTarget(), options: { readonly progress?: (line: string) => void } = {}): Promise<string> {
  const { state } = await inspectTarget(target);
  if (state === 'data') return target;
  await buildDemoHospital(target, {
    now: demoNow(),
    progress: () => options.progress?.(`creating the demo hospital in ${displayTarget(target)} (six months of history; this takes a little while, once)`),
  });
  return target;
}
