import type { Duban } from '../../../core/container/createDuban.js';
import type { DashboardData, Panel, Series } from './DashboardData.js';
import { readReportPanels } from './readReportPanels.js';

const WEEKS = 12;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Reads the dashboard from what the database holds now: the findings figures live from
 * the read model, the plugins' figures from this month's report sections. Panels whose
 * source has recorded nothing yet say so instead of showing numbers.
 */
export async function readDashboard(duban: Duban, actor: string): Promise<DashboardData> {
  const now = duban.clock.now();
  const overdue = (await duban.findingQueries.byDepartment()).filter((c) => c.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const [opened, closed] = await weeklyCounts(duban, now);
  return {
    overdueByDepartment: overdue.length > 0 ? data(overdue.map((c) => ({ label: c.department, value: c.overdue }))) : data([]),
    openedPerWeek: opened.values.some((v) => v! > 0) ? data(opened) : empty('发现的问题', 'findings'),
    closedPerWeek: closed.values.some((v) => v! > 0) ? data(closed) : empty('销号的问题', 'closed findings'),
    ...(await readReportPanels(duban)),
    unread: await unread(duban, actor),
  };
}

function data<T>(value: T): Panel<T> {
  return { kind: 'data', data: value };
}

function empty<T>(zh: string, en: string): Panel<T> {
  return { kind: 'empty', what: { 'zh-CN': zh, en } };
}

/** Findings opened and closed in each of the last twelve weeks, in one scan. */
async function weeklyCounts(duban: Duban, now: Date): Promise<[Series, Series]> {
  const edges = Array.from({ length: WEEKS + 1 }, (_, i) => new Date(now.getTime() - (WEEKS - i) * WEEK_MS).toISOString());
  const { opened, closed } = await duban.findingQueries.flow(edges);
  return [
    { label: 'opened_at', values: opened },
    { label: 'closed_at', values: closed },
  ];
}

async function unread(duban: Duban, actor: string): Promise<DashboardData['unread']> {
  try {
    const count = await duban.inbox.unreadCount(actor);
    const latest = (await duban.inbox.list(actor, { limit: 5 })).map((m) => ({ text: m.message, at: m.createdAt }));
    return data({ count, latest });
  } catch {
    // A database from before the inbox migration has no inbox table.
    return empty('提醒', 'reminders');
  }
}
