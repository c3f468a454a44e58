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
    const rows = await world.duban.findingQueries.all({ updatedFrom: since });
    // Rows changed by one step share their instant and their ids are random: a stable
    // order keeps the plan (and the timeline's order of equal instants) the same every run.
    const key = (r: { category: string; subject: string }) => `${r.category}\u0000${r.subject}`;
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    for (const row of rows) {
      const count = row.reopenCount;
      const known = reopens.get(row.id);
      if (known !== undefined && count <= known) continue;
      reopens.set(row.id, count);
      if (row.status !== 'open' || !row.dueAt) continue;
      const at = known === undefined ? row.openedAt : row.updatedAt;
      const slot = known === undefined && Date.parse(at) >= backlogFrom ? backlog++ : undefined;
      const round = { id: row.id, department: row.department, category: row.category, subject: row.subject, level: row.level, dueAt: row.dueAt, at, reopenCount: count };
      planFindingRound(world, round, slot);
    }
  };
  // The effectiveness re-check, a timer, reopens findings: look after timer passes too.
  world.timeline.onStep(onStep, { afterTimers: true });
}
