import type { Language } from '../../core/index.js';
import type { DemoSummary } from './DemoSummary.js';

const CHAIN_NAMES: Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>> = {
  'discipline-check': { 'zh-CN': '劳动纪律检查', en: 'discipline checks' },
  'duty-post-inspection': { 'zh-CN': '值班在岗检查', en: 'duty-post inspections' },
  'sputum-slide-qc': { 'zh-CN': '痰片质控轮次', en: 'slide QC rounds' },
  'training-session': { 'zh-CN': '培训', en: 'training sessions' },
  'corrective-meeting': { 'zh-CN': '整改专题会议', en: 'corrective meetings' },
};

/**
 * The few lines `duban demo` prints when it is done, in the user's language: where the
 * hospital is, what it holds, and how to look at it.
 */
export function demoSummaryText(summary: DemoSummary, lang: Language): string[] {
  const f = summary.findings;
  const from = summary.from.slice(0, 10);
  const to = summary.to.slice(0, 10);
  const chains = Object.entries(summary.instances).map(([chain, n]) => ({ name: CHAIN_NAMES[chain]?.[lang] ?? chain, total: n.active + n.done, active: n.active }));
  const db = /\s/.test(summary.database) ? `"${summary.database}"` : summary.database;
  if (lang === 'zh-CN') {
    return [
      `示例医院已建成：${summary.database}（${summary.seconds} 秒）`,
      `  组织：${summary.departments} 个科室/实验室，${summary.people} 人，${summary.posts} 个值班岗位；定时计划 ${summary.schedules} 项`,
      `  历史（${from} 至 ${to}，种子 ${summary.seed}）：${chains.map((c) => `${c.name} ${c.total}${c.active ? `（进行中 ${c.active}）` : ''}`).join('，')}`,
      `  问题 ${f.total} 项：待处理 ${f.byStatus.open}，已确认 ${f.byStatus.acknowledged}，整改中 ${f.byStatus.action_planned}，待验证 ${f.byStatus.awaiting_verification}，已销号 ${f.byStatus.closed}`,
      `  逾期 ${f.overdue}（${f.overdueDepartments} 个科室），已升级 ${f.escalated}（其中至第三级 ${f.level3}），标记 ${f.flagged}，被重新打开 ${f.reopened}`,
      `查看：duban tui --db ${db}    或    duban findings list --overdue --db ${db}`,
    ];
  }
  return [
    `The demo hospital is ready: ${summary.database} (${summary.seconds} s)`,
    `  Org: ${summary.departments} departments and labs, ${summary.people} people, ${summary.posts} duty posts; ${summary.schedules} schedules`,
    `  History (${from} to ${to}, seed ${summary.seed}): ${chains.map((c) => `${c.total} ${c.name}${c.active ? ` (${c.active} in progress)` : ''}`).join(', ')}`,
    `  ${f.total} findings: ${f.byStatus.open} open, ${f.byStatus.acknowledged} acknowledged, ${f.byStatus.action_planned} action planned, ${f.byStatus.awaiting_verification} awaiting verification, ${f.byStatus.closed} closed`,
    `  ${f.overdue} overdue (in ${f.overdueDepartments} departments), ${f.escalated} escalated (${f.level3} to level 3), ${f.flagged} flagged, ${f.reopened} reopened`,
    `Look at it: duban tui --db ${db}    or    duban findings list --overdue --db ${db}`,
  ];
}
