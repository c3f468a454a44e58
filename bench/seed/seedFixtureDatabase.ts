import { sql } from 'kysely';
import { ManualClock } from '../../core/clock/Clock.js';
import { createDuban, type Duban } from '../../core/container/createDuban.js';
import { importOrg } from '../../core/org/importOrg.js';
import { mulberry32 } from '../../core/util/mulberry32.js';
import { builtinPlugins } from '../../plugins/index.js';
import { FIXTURE_DEPARTMENTS, FIXTURE_ORG, fixtureOrgYaml } from './fixtureOrg.js';
import { FIXTURE_KINDS } from './fixtureTitles.js';

/** Options of {@link seedFixtureDatabase}. */
export interface SeedOptions {
  readonly count: number;
  /** The seed of the pseudo-random choices: the same seed gives the same hospital. */
  readonly seed?: number;
  /** The last finding is opened just before this instant; the first `spanDays` earlier. */
  readonly now?: Date;
  readonly spanDays?: number;
  /** Departments to spread findings over; default every fixture department. */
  readonly departments?: readonly string[];
}

/** Where each seeded finding ended up. */
export interface SeededFindings {
  readonly open: readonly string[];
  readonly acknowledged: readonly string[];
  readonly planned: readonly string[];
  readonly awaiting: readonly string[];
  readonly closed: readonly string[];
  readonly escalated: readonly string[];
}

const ACTOR = 'office1';

/**
 * A hospital for the console's tests, the bench baseline and `duban tui --demo`: the
 * fixture org, then `count` findings opened one after another over `spanDays`, each
 * taken some way along its lifecycle (acknowledged, planned, awaiting verification,
 * closed, escalated by hand) by the quality office. Everything goes through the real
 * engine and FindingService on a manual clock, so the audit log, timelines, timers and
 * notifications are exactly what people doing this would have produced, and
 * `audit verify` passes.
 */
export async function seedFixtureDatabase(target: string, options: SeedOptions): Promise<SeededFindings> {
  const now = options.now ?? new Date();
  const spanMs = (options.spanDays ?? 30) * 24 * 3600 * 1000;
  const clock = new ManualClock(now.getTime() - spanMs);
  const duban = await createDuban({ db: target, clock, plugins: builtinPlugins });
  try {
    // A fixture is made again rather than recovered: its own connection skips the fsync of
    // each commit (the console that opens it later runs with the usual durability).
    if (duban.store.dialect === 'sqlite') await sql`PRAGMA synchronous = OFF`.execute(duban.store.db);
    await importOrg(duban.store, fixtureOrgYaml(), 'fixture-org.yaml', 'system:fixture', clock.now());
    return await seedFindings(duban, clock, options, spanMs);
  } finally {
    await duban.close();
  }
}

async function seedFindings(duban: Duban, clock: ManualClock, options: SeedOptions, spanMs: number): Promise<SeededFindings> {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const departments = options.departments ?? FIXTURE_DEPARTMENTS;
  const step = Math.floor(spanMs / Math.max(1, options.count));
  const out = { open: [] as string[], acknowledged: [] as string[], planned: [] as string[], awaiting: [] as string[], closed: [] as string[], escalated: [] as string[] };
  const f = duban.findings;
  for (let i = 0; i < options.count; i++) {
    clock.advance(step);
    const department = departments[i % departments.length]!;
    const kind = pick(FIXTURE_KINDS);
    const staff = FIXTURE_ORG.people.filter((p) => p.department === department);
    const subject = kind.subjectKind === 'person' ? (staff.length > 0 ? pick(staff).id : department) : kind.subjectKind === 'post' ? `${department}-night` : department;
    const id = await f.open(
      { department, subject, subjectKind: kind.subjectKind, category: kind.category, severity: kind.severity, title: kind.zh, titleEn: kind.en },
      ACTOR,
    );
    const roll = random();
    if (roll < 0.15) {
      await f.ack(id, ACTOR);
      out.acknowledged.push(id);
    } else if (roll < 0.3) {
      await f.plan(id, ACTOR, { text: '集中交班，专题会议', owner: `head_${department.toLowerCase()}`, due: new Date(clock.now().getTime() + 7 * 864e5).toISOString().slice(0, 10) });
      out.planned.push(id);
    } else if (roll < 0.42) {
      await planDoneSubmit(duban, id, department, clock);
      out.awaiting.push(id);
    } else if (roll < 0.57) {
      await planDoneSubmit(duban, id, department, clock);
      await f.close(id, ACTOR, '复查合格 / re-inspected, compliant');
      out.closed.push(id);
    } else if (roll < 0.65) {
      await f.escalate(id, ACTOR, '多次提醒未整改 / no action after reminders');
      out.escalated.push(id);
    } else {
      out.open.push(id);
    }
  }
  return out;
}

async function planDoneSubmit(duban: Duban, id: string, department: string, clock: ManualClock): Promise<void> {
  const f = duban.findings;
  await f.plan(id, ACTOR, { text: '组织科室学习并整改', owner: `head_${department.toLowerCase()}`, due: new Date(clock.now().getTime() + 3 * 864e5).toISOString().slice(0, 10) });
  await f.actionDone(id, ACTOR, 'a1', '已完成 / done');
  await f.submit(id, ACTOR);
}
