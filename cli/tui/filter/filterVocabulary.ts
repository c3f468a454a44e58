import type { FindingStatus, Severity } from '../../../core/findings/Finding.js';

/** The keys of the filter language, each with the words (English and Chinese) that name it. */
export const FILTER_KEYS = {
  department: ['dept', 'department', 'd', '科室', '部门'],
  status: ['status', 's', 'state', '状态'],
  severity: ['sev', 'severity', '程度', '严重程度', '级别'],
  overdue: ['overdue', 'late', '逾期'],
  escalated: ['escalated', 'esc', '升级', '已升级'],
  flagged: ['flagged', 'flag', '标记'],
  assignee: ['assignee', 'assigned', 'owner', '负责人', '指派'],
  text: ['text', 'q', '关键词', '文字'],
} as const;

/** One of the filter language's keys. */
export type FilterKey = keyof typeof FILTER_KEYS;

/**
 * Status words, English and Chinese; `active` means every status before closed, `waiting`
 * the steps in which a finding waits for its department.
 */
export const STATUS_WORDS: Readonly<Record<string, FindingStatus | 'active' | 'waiting'>> = {
  open: 'open',
  new: 'open',
  待处理: 'open',
  acknowledged: 'acknowledged',
  ack: 'acknowledged',
  已确认: 'acknowledged',
  action_planned: 'action_planned',
  planned: 'action_planned',
  plan: 'action_planned',
  整改中: 'action_planned',
  awaiting_verification: 'awaiting_verification',
  awaiting: 'awaiting_verification',
  verify: 'awaiting_verification',
  待验证: 'awaiting_verification',
  closed: 'closed',
  done: 'closed',
  已销号: 'closed',
  已关闭: 'closed',
  销号: 'closed',
  active: 'active',
  unclosed: 'active',
  未关闭: 'active',
  进行中: 'active',
  waiting: 'waiting',
  todo: 'waiting',
  待科室: 'waiting',
  待办: 'waiting',
};

/** Severity words, English and Chinese. */
export const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  minor: 'minor',
  一般: 'minor',
  major: 'major',
  严重: 'major',
  critical: 'critical',
  crit: 'critical',
  危急: 'critical',
};

/** Yes and no, English and Chinese. */
export const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  是: true,
  有: true,
  no: false,
  n: false,
  false: false,
  '0': false,
  否: false,
  无: false,
};

/** The word `assignee:` (and `dept:`, for the person's departments) takes for the person running the console. */
export const ME_WORDS: readonly string[] = ['@me', 'me', '我', '@我'];
