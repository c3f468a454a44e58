import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuban } from '../core/container/createDuban.js';
import { DubanError } from '../core/errors/DubanError.js';
import { importOrg } from '../core/org/importOrg.js';
import { ManualClock } from '../core/clock/Clock.js';
import { builtinPlugins } from '../plugins/index.js';
import { watchCorrectiveMeetings } from './correctiveMeetingFlow.js';
import { DemoCalendar } from './demoCalendar.js';
import { buildDemoOrg } from './demoOrg.js';
import { demoSchedules } from './demoSchedules.js';
import { summarizeDemo, type DemoSummary } from './DemoSummary.js';
import { isPostgresTarget, prepareDemoTarget, writeSqliteFile } from './demoTarget.js';
import { DemoTimeline } from './DemoTimeline.js';
import { DemoWorld } from './DemoWorld.js';
import { planDisciplineChecks } from './disciplineFlow.js';
import { planDutyPostChecks } from './dutyPostFlow.js';
import { planSlideQcRounds } from './slideQcFlow.js';
import { planTrainings } from './trainingFlow.js';
import { watchFindings } from './watchFindings.js';

/** The seed of the demo hospital when none is given. */
export const DEFAULT_DEMO_SEED = 2026;

/** Months of history when none is given. */
export const DEFAULT_DEMO_MONTHS = 6;

/** The most months of history the demo writes. */
export const MAX_DEMO_MONTHS = 24;

/** Options of {@link buildDemoHospital}. */
export interface DemoOptions {
  /** The seed of every random choice: the same seed (and `now`) gives the same hospital. Default {@link DEFAULT_DEMO_SEED}. */
  readonly seed?: number;
  /** Months of history before `now`, 1 to {@link MAX_DEMO_MONTHS}. Default 6. */
  readonly months?: number;
  /** The end of the history. Default the wall clock. */
  readonly now?: Date;
  /** Replace a database that holds data. */
  readonly force?: boolean;
  /** IANA time zone of the hospital. Default Asia/Shanghai, the engine's default. */
  readonly timeZone?: string;
  /** Told once the target is found fit, before the (tens of seconds long) build starts. */
  readonly progress?: (start: { readonly target: string; readonly from: Date; readonly to: Date }) => void;
}

/** The actor of the org import: the demo itself sets the hospital up. */
const SETUP_ACTOR = 'system:demo';

/** The hospital's time zone unless told otherwise (the engine's default). */
const DEMO_TIME_ZONE = 'Asia/Shanghai';

/**
 * Builds the demo hospital in `target`: the org of {@link buildDemoOrg}, months of
 * supervision history played through the real engine on a manual clock (discipline
 * checks, night and day duty-post spot checks with a few absences, quarterly slide QC of
 * the county laboratories, monthly trainings, corrective meetings, and every finding
 * taken along its lifecycle by department heads and the quality office, with the SLA
 * timers escalating, flagging and re-checking as time passes), then the schedules that
 * carry the same work on from now. A SQLite target is built in memory and written at the
 * end in one piece; a PostgreSQL target is written in place.
 *
 * @throws DubanError `USAGE` naming `--db` when the target holds data and `force` is not
 * given, or naming `--seed` / `--months` when they are out of range; `INTERNAL` naming
 * the step of the story that the engine refused (a chain changed under the demo).
 */
export async function buildDemoHospital(target: string, options: DemoOptions = {}): Promise<DemoSummary> {
  const began = Date.now();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const months = options.months ?? DEFAULT_DEMO_MONTHS;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new DubanError('USAGE', `--seed: ${seed} is not a whole number from 0 to 4294967295`, { place: { argument: '--seed' } });
  }
  if (!Number.isInteger(months) || months < 1 || months > MAX_DEMO_MONTHS) {
    throw new DubanError('USAGE', `--months: ${months} is not a whole number from 1 to ${MAX_DEMO_MONTHS}`, { place: { argument: '--months' } });
  }
  await prepareDemoTarget(target, options.force === true);
  const postgres = isPostgresTarget(target);
  const end = options.now ?? new Date();
  const timeZone = options.timeZone ?? DEMO_TIME_ZONE;
  const calendar = new DemoCalendar(timeZone);
  const start = calendar.historyStart(end, months);
  // The engine starts when the history does: chains are registered before their first instance.
  const clock = new ManualClock(start);
  const duban = await createDuban({ db: postgres ? target : ':memory:', clock, plugins: builtinPlugins, settings: { timeZone } });
  const workDir = await mkdtemp(join(tmpdir(), 'duban-demo-'));
  options.progress?.({ target, from: start, to: end });
  try {
    const org = buildDemoOrg(seed);
    await importOrg(duban.store, org.yaml, 'demo-org.yaml', SETUP_ACTOR, clock.now());
    const timeline = new DemoTimeline(duban, clock, end);
    const world = new DemoWorld(duban, timeline, calendar, org, seed, start);
    watchFindings(world);
    watchCorrectiveMeetings(world);
    planDisciplineChecks(world);
    planDutyPostChecks(world);
    planSlideQcRounds(world, workDir);
    planTrainings(world);
    await timeline.run();
    // The office sets the schedules up today, to carry the same work on from now.
    for (const schedule of demoSchedules(world)) await duban.schedules.add(schedule, world.office[0]!);
    if (!postgres) await writeSqliteFile(duban.store, target);
    return await summarizeDemo(duban, {
      database: postgres ? duban.store.target : target,
      seed,
      months,
      from: calendar.localIso(start),
      to: calendar.localIso(end),
      seconds: Math.round((Date.now() - began) / 100) / 10,
    });
  } finally {
    await duban.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
