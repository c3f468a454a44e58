import type { Selectable } from 'kysely';
import type { ScheduleTable } from '../store/schema.js';
import type { MissedRunPolicy, ScheduleAction, ScheduleView } from './ScheduleTypes.js';

/** A `schedules` row as read. */
export type ScheduleRow = Selectable<ScheduleTable>;

/** A row as readers see it (numbers from PostgreSQL's bigint arrive as numbers or strings). */
export function toScheduleView(row: ScheduleRow): ScheduleView {
  return {
    id: row.id,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    cron: row.cron,
    timeZone: row.time_zone,
    action: JSON.parse(row.action) as ScheduleAction,
    window: row.window_from && row.window_to ? { from: row.window_from, to: row.window_to } : null,
    missedPolicy: row.missed_policy as MissedRunPolicy,
    catchUpCap: Number(row.catch_up_cap),
    status: row.status === 'paused' ? 'paused' : 'active',
    nextAt: row.next_at,
    nextFireAt: row.next_fire_at,
    lastFiredAt: row.last_fired_at,
    skippedTotal: Number(row.skipped_total),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
