import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConsole, type RenderedConsole } from '../support/renderConsole.js';
import { openTuiFixture, type TuiFixture } from '../support/tuiFixture.js';

let fx: TuiFixture;
const consoles: RenderedConsole[] = [];
beforeAll(async () => {
  fx = await openTuiFixture(60);
});
afterAll(async () => {
  for (const c of consoles) c.unmount();
  await fx?.dispose();
});

function open(actor: string, options: Parameters<typeof renderConsole>[1] = {}): RenderedConsole {
  const c = renderConsole(fx.data(actor), { columns: 150, rows: 30, ...options });
  consoles.push(c);
  return c;
}

/** A department whose waiting findings are not all assigned to its head (escalation moved some on). */
async function departmentWithEscalatedWork(): Promise<{ department: string; head: string; waiting: number; assignedToHead: number }> {
  for (const p of await fx.duban.org.people()) {
    if (!p.roles.includes('head') || !p.departmentId) continue;
    const waiting = await fx.duban.findingQueries.count({ departments: [p.departmentId], status: 'waiting' });
    const assignedToHead = await fx.duban.findingQueries.count({ assignee: p.id, status: 'active' });
    const elsewhere = await fx.duban.findingQueries.count({ departments: [p.departmentId], status: 'waiting', escalated: true });
    if (waiting > 0 && elsewhere > 0) return { department: p.departmentId, head: p.id, waiting, assignedToHead };
  }
  throw new Error('the fixture has no department with escalated waiting findings');
}

describe('the department seat', () => {
  it('queues the findings that wait for the head’s departments, whoever holds them after an escalation', async () => {
    const { head, waiting, assignedToHead } = await departmentWithEscalatedWork();
    expect(waiting).toBeGreaterThan(assignedToHead);
    const c = open(head);
    await c.waitFor(`[My queue ${waiting}]`);
    // The seat's tabs are the department's own, none of the office's hospital-wide ones.
    const frame = await c.waitFor('My departments, open');
    expect(frame).not.toContain('Open by department');
  });

  it('pre-fills the filter in the console’s language', async () => {
    const { head } = await departmentWithEscalatedWork();
    const zh = open(head, { lang: 'zh-CN' });
    await zh.waitFor('本科室（未关闭）');
    await zh.press('/');
    const frame = await zh.waitFor('科室:@我 状态:待科室');
    expect(frame).not.toMatch(/dept:|status:/);
    const office = open('office1', { lang: 'zh-CN' });
    await office.waitFor('[我的待办');
    await office.press('/');
    await office.waitFor('负责人:@我 状态:未关闭');
  });
});
