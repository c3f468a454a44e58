import type { FindingSummary } from '../../../core/index.js';

/** A finding summary for component tests; `n` varies the id and the opening time. */
export function sampleFinding(n: number, overrides: Partial<FindingSummary> = {}): FindingSummary {
  return {
    id: `f-sample${String(n).padStart(8, '0')}`,
    department: n % 2 === 0 ? 'CT' : 'US',
    subject: 'tech1',
    subjectKind: 'person',
    category: 'duty.absent',
    severity: 'major',
    title: { 'zh-CN': `值班不在岗，交接班记录不完整 ${n}`, en: `On duty but not at the post ${n}` },
    status: 'open',
    assignee: 'head_ct',
    level: 1,
    dueAt: '2026-03-09T01:00:00.000Z',
    overdue: false,
    flagged: false,
    openActions: 0,
    reopenCount: 0,
    source: null,
    openedAt: new Date(Date.UTC(2026, 2, 1) - n * 60_000).toISOString(),
    closedAt: null,
    escalatedAt: null,
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}
