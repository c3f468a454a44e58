import type { ScheduleInput } from '../core/index.js';
import { checkDays } from './checkDays.js';
import { disciplineDepartments } from './disciplineFlow.js';
import { DEMO_COUNTY_LABS, DEMO_DEPARTMENTS } from './demoOrg.js';
import type { DemoWorld } from './DemoWorld.js';
import { dutyPostDepartments } from './dutyPostFlow.js';

/**
 * The schedules of the demo hospital, the same rhythm its history followed: a discipline
 * check per department twice a month at shift handover; a night spot check of each
 * department's duty posts twice a month at a random time between 22:00 and 06:00 (and of
 * the day posts in working hours); a quarterly reminder to start each county laboratory's slide QC (a
 * schedule's chain input is fixed, and a round needs its quarter, so the office starts
 * the round); a monthly training session; and overdue digests for the office (twice a month)
 * and the vice-president (monthly, the month's evaluation).
 */
export function demoSchedules(world: DemoWorld): ScheduleInput[] {
  const name = (id: string) => {
    const d = [...DEMO_DEPARTMENTS, ...DEMO_COUNTY_LABS].find((x) => x.id === id);
    return { zh: d?.zh ?? id, en: d?.en ?? id };
  };
  const schedules: ScheduleInput[] = [];
  disciplineDepartments(world).forEach((department, index) => {
    const n = name(department);
    schedules.push({
      id: `discipline-${department}`,
      name: { 'zh-CN': `${n.zh}劳动纪律检查（每月两次）`, en: `${n.en}: discipline check (twice a month)` },
      cron: `0 8 ${checkDays('discipline', index).join(',')} * *`,
      action: { kind: 'startChain', chain: 'discipline-check', input: { department, roster: world.members(department).map((p) => p.id) } },
    });
  });
  dutyPostDepartments(world).forEach(({ department, night, day }, index) => {
    const n = name(department);
    if (night.length > 0) {
      schedules.push({
        id: `night-posts-${department}`,
        name: { 'zh-CN': `${n.zh}夜间查岗（每月两次，22:00–06:00 随机）`, en: `${n.en}: night duty-post spot check (twice a month, random 22:00–06:00)` },
        cron: `0 22 ${checkDays('night', index).join(',')} * *`,
        window: { from: '22:00', to: '06:00' },
        action: { kind: 'startChain', chain: 'duty-post-inspection', input: { department, posts: night.map((post) => ({ post })) } },
      });
    }
    if (day.length > 0) {
      schedules.push({
        id: `day-posts-${department}`,
        name: { 'zh-CN': `${n.zh}日间查岗（每月两次，工作时间随机）`, en: `${n.en}: day duty-post spot check (twice a month, random in working hours)` },
        cron: `0 9 ${checkDays('day', index).join(',')} * *`,
        window: { from: '09:00', to: '16:30' },
        action: { kind: 'startChain', chain: 'duty-post-inspection', input: { department, posts: day.map((post) => ({ post })) } },
      });
    }
  });
  for (const lab of DEMO_COUNTY_LABS) {
    schedules.push({
      id: `slide-qc-${lab.id}`,
      name: { 'zh-CN': `${lab.zh}痰片质控（每季度）`, en: `${lab.en}: sputum slide QC (quarterly)` },
      cron: '0 9 5 1,4,7,10 *',
      action: {
        kind: 'remind',
        to: { role: 'office' },
        message: {
          'zh-CN': `请启动${lab.zh}上季度痰片盲法复检：duban tb import 导入登记本，再开始 sputum-slide-qc 质控轮次`,
          en: `Start last quarter's blinded slide rechecking of ${lab.en}: import its register with duban tb import, then start a sputum-slide-qc round`,
        },
      },
    });
  }
  schedules.push(
    {
      id: 'training-monthly',
      name: { 'zh-CN': '月度培训（质控办组织）', en: 'Monthly training session (quality office)' },
      cron: '0 9 1 * *',
      action: { kind: 'startChain', chain: 'training-session', input: { department: 'QC' } },
    },
    {
      id: 'overdue-digest-weekly',
      name: { 'zh-CN': '逾期问题周汇总（质控办）', en: 'Weekly overdue-findings digest (quality office)' },
      cron: '30 8 * * 1',
      action: { kind: 'overdueDigest', to: { role: 'office' } },
    },
    {
      id: 'evaluation-monthly',
      name: { 'zh-CN': '医疗质量与安全月评价：逾期问题汇总（分管院长）', en: 'Monthly quality and safety evaluation: overdue findings (vice-president)' },
      cron: '0 9 1 * *',
      action: { kind: 'overdueDigest', to: { role: 'vp' } },
    },
  );
  return schedules;
}
