import { sql } from 'kysely';
import { appendAudit } from '../../core/audit/appendAudit.js';
import { createDuban } from '../../core/container/createDuban.js';
import { insertFindingRows } from '../../core/findings/findingProjection.js';
import { persistedSnapshot } from '../../core/instances/InstanceStore.js';
import { insertTimerRows, pendingTimerRow } from '../../core/timers/timerRows.js';
import { ManualClock } from '../../core/clock/Clock.js';
import { SEVERITIES } from '../../core/findings/Finding.js';
import { mulberry32 } from '../../core/util/mulberry32.js';
import { newId } from '../../core/util/newId.js';
import { builtinPlugins } from '../../plugins/index.js';
import { FIXTURE_DEPARTMENTS } from './fixtureOrg.js';
import { FIXTURE_KINDS } from './fixtureTitles.js';
import { seedFixtureDatabase } from './seedFixtureDatabase.js';

/** Options of {@link bulkSeedFindings}. */
export interface BulkSeedOptions {
  /** Findings in all: a few made through the engine, the rest bulk-inserted like them. */
  readonly count: number;
  readonly seed?: number;
  readonly now?: Date;
  /** The findings are opened over this many days before `now`. Default 365. */
  readonly spanDays?: number;
  /** Findings per transaction. */
  readonly batch?: number;
}

const TEMPLATES = 40;
const DUE_DAYS: Readonly<Record<(typeof SEVERITIES)[number], number>> = { minor: 7, major: 3, critical: 1 };

/**
 * A bench fixture of many findings (100 000 for `npm run bench`), made fast but
 * consistently. The fixture hospital and its first findings are made through the real
 * engine; then each further finding is written the way `engine.start` writes a new one
 * — an `instances` row with its snapshot (the engine-made template's context with this
 * finding's input), its `findings` read-model row, its SLA timer row, and one `start`
 * row appended to the hash-chained audit log with core's own `appendAudit`, so
 * `duban audit verify` passes and `duban findings show` shows each timeline. Bulk
 * findings stay in the open step, as freshly opened findings are; most are overdue.
 *
 * Not for anything but tests and the bench: it writes rows instead of sending events.
 */
export async function bulkSeedFindings(target: string, options: BulkSeedOptions): Promise<void> {
  const now = options.now ?? new Date();
  const spanMs = (options.spanDays ?? 365) * 864e5;
  await seedFixtureDatabase(target, { count: Math.min(TEMPLATES, options.count), seed: options.seed, now: new Date(now.getTime() - spanMs), spanDays: 5 });
  const rest = options.count - TEMPLATES;
  if (rest <= 0) return;
  const duban = await createDuban({ db: target, clock: new ManualClock(now), plugins: builtinPlugins });
  try {
    if (duban.store.dialect === 'sqlite') {
      // A fixture is made again, never recovered: no fsync per commit, and a page cache big
      // enough for the indexes being filled.
      await sql`PRAGMA synchronous = OFF`.execute(duban.store.db);
      await sql`PRAGMA cache_size = -262144`.execute(duban.store.db);
    }
    const db = duban.store.db;
    const template = await duban.instances.newestRow('finding', 'open');
    if (!template) throw new Error('the fixture holds no open finding to copy');
    const timer = await pendingTimerRow(db, template.id);
    if (!timer) throw new Error('the fixture’s open finding has no pending timer to copy');
    const base = persistedSnapshot(template);
    const random = mulberry32(options.seed ?? 1);
    const step = Math.max(1, Math.floor(spanMs / rest));
    const batch = options.batch ?? 2000;
    for (let from = 0; from < rest; from += batch) {
      await db.transaction().execute(async (trx) => {
        const rows = [];
        for (let i = from; i < Math.min(rest, from + batch); i++) {
          const at = new Date(now.getTime() - spanMs + i * step);
          const kind = FIXTURE_KINDS[Math.floor(random() * FIXTURE_KINDS.length)]!;
          const department = FIXTURE_DEPARTMENTS[Math.floor(random() * FIXTURE_DEPARTMENTS.length)]!;
          const id = newId('f', at);
          const assignee = `head_${department.toLowerCase()}`;
          const dueAt = new Date(at.getTime() + DUE_DAYS[kind.severity] * 864e5).toISOString();
          const subject = kind.subjectKind === 'post' ? `${department}-night` : department;
          const input = {
            ...base.context.input,
            id,
            department,
            subject,
            subjectKind: kind.subjectKind === 'person' ? 'department' : kind.subjectKind,
            category: kind.category,
            severity: kind.severity,
            title: kind.zh,
            titleEn: kind.en,
            assignee,
            level: 1,
            dueAt,
            escalateNow: false,
          };
          const context = { ...base.context, input, data: { ...base.context.data, assignee, level: 1, dueAt } };
          rows.push({ id, at: at.toISOString(), input, context, department, assignee, dueAt, subject, kind });
        }
        await duban.instances.insertMany(rows.map((r) => ({
          ...template,
          id: r.id,
          snapshot: JSON.stringify({ value: base.value, context: r.context }),
          assignee_person: r.assignee,
          department_id: r.department,
          created_at: r.at,
          updated_at: r.at,
        })), trx);
        await insertFindingRows(trx, rows.map((r) => ({
          id: r.id,
          department_id: r.department,
          subject: r.subject,
          subject_kind: r.input.subjectKind,
          category: r.kind.category,
          severity: r.kind.severity,
          title_zh: r.kind.zh,
          title_en: r.kind.en,
          status: 'open',
          assignee: r.assignee,
          level: 1,
          due_at: r.dueAt,
          flagged: 0,
          open_actions: 0,
          reopen_count: 0,
          source_instance: null,
          opened_at: r.at,
          closed_at: null,
          escalated_at: null,
          updated_at: r.at,
        })));
        await insertTimerRows(trx, rows.map((r) => ({ ...timer, id: newId('t', new Date(r.at)), instance_id: r.id, due_at: r.dueAt, created_at: r.at })));
        for (const r of rows) {
          await appendAudit(trx, duban.store.dialect, {
            at: r.at,
            actor: template.created_by,
            instanceId: r.id,
            chain: `${template.chain_id}@${template.chain_version}`,
            event: 'start',
            stateBefore: null,
            stateAfter: base.value,
            data: { input: r.input },
          });
        }
      });
    }
  } finally {
    await duban.close();
  }
}

/** Multi-row inserts of at most 400 rows, under SQLite's limit on bound parameters. */
