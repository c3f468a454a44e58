import { DAY } from './demoCalendar.js';
import type { DemoWorld } from './DemoWorld.js';
import { BACKLOG_DAYS, planFindingRound } from './findingLifecycle.js';

/**
 * Follows the findings the engine opens and reopens: chains open them from the outbox,
 * the effectiveness re-check reopens them on a recurrence. After every watched step and
 * timer pass it reads the findings changed at that instant and plans a round for each
 * new one and each new reopening.
 */
export function watchFindings(world: DemoWorld): void {
  const reopens = new Map<string, number>();
  const backlogFrom = world.end.getTime() - BACKLOG_DAYS * DAY;
  let backlog = 0;
  const onStep = async (since: string) => {
    const rows = await world.duban.store.db
      .selectFrom('findings')
      .select(['id', 'department_id', 'category', 'subject', 'level', 'due_at', 'opened_at', 'updated_at', 'reopen_count', 'status'])
      .where('updated_at', '>=', since)
      .execute();
    // Rows changed by one step share their instant and their ids are random: a stable
    // order keeps the plan (and the timeline's order of equal instants) the same every run.
    const key = (r: { category: string; subject: string }) => `${r.category}\u0000${r.subject}`;
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    for (const row of rows) {
      const count = Number(row.reopen_count);
      const known = reopens.get(row.id);
      if (known !== undefined && count <= known) continue;
      reopens.set(row.id, count);
      if (row.status !== 'open' || !row.due_at) continue;
      const at = known === undefined ? row.opened_at : row.updated_at;
      const slot = known === undefined && Date.parse(at) >= backlogFrom ? backlog++ : undefined;
      const round = { id: row.id, department: row.department_id, category: row.category, subject: row.subject, level: Number(row.level), dueAt: row.due_at, at, reopenCount: count };
      planFindingRound(world, round, slot);
    }
  };
  // The effectiveness re-check, a timer, reopens findings: look after timer passes too.
  world.timeline.onStep(onStep, { afterTimers: true });
}
