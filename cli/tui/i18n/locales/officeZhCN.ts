/**
 * 质控办在控制台上的操作（指定期限、手工登记问题、从输入表单启动任务链、暂停或恢复计划）
 * 的中文标签，与 `zh-CN.ts` 一同加入 `tui` 命名空间。键与 `officeEn.ts` 相同。
 */
export const officeZhCN = {
  hint: {
    newFinding: '登记问题',
    startChain: '启动任务链',
    pauseSchedule: '暂停/恢复',
  },
  action: {
    setDue: '指定期限',
    newFinding: '登记问题',
    startChain: '启动任务链',
    pauseSchedule: '暂停 / 恢复计划',
    notAllowedHere: '您的角色不能{{action}}',
    noChains: '没有您可以启动的任务链',
  },
  prompt: {
    setDueAt: '新期限（YYYY-MM-DD 或 YYYY-MM-DD HH:mm，{{zone}}）',
    setDueReason: '指定期限的原因',
    chooseChain: '启动哪条任务链',
    chainHint: '输入以筛选 · ↑↓ 选择 · Enter 填写输入 · Esc 取消',
  },
  verb: {
    setDue: '指定期限：',
    setDueDone: '已指定期限',
  },
  key: {
    setDue: '指定期限：日期、原因（需确认 y/N）',
    newFinding: '手工登记问题：填写表单',
    startChain: '启动检查或任一任务链：选择后填写输入',
    pauseSchedule: '暂停或恢复该计划',
  },
  start: {
    findingTitle: '登记问题',
    chainTitle: '启动「{{chain}}」· 输入',
    formOpen: '已有打开的表单：请先提交（ctrl-s）或离开（Esc）',
    findingOpened: '已登记 {{id}}',
    chainStarted: '已启动「{{chain}}」：{{id}}',
  },
  schedule: {
    none: '未选择计划',
    paused: '「{{name}}」已暂停',
    resumed: '「{{name}}」已恢复',
  },
} as const;
