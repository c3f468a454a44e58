/**
 * The lifecycle of a finding, as a chain definition (data, validated by the same schema
 * as every chain file): open -> acknowledged -> action planned -> awaiting verification
 * -> closed, with reopen. Who may do what is in the `roles` of each transition and is
 * enforced by the engine; `head` counts only for the finding's own department.
 *
 * Escalation and the effectiveness re-check need the org and other findings, so the
 * machine hands them to named handlers (`findings.escalate`, `findings.recheck`) through
 * the outbox, which answer with ESCALATE / FLAG / REOPEN / EFFECTIVE events.
 */

const note = { by: '$event.actor', at: '$event.at', text: '$event.data.text' };

/** The events every open step accepts; ESCALATE re-enters `state` to re-arm its SLA at the new due date. */
const sharedOpenEvents = (state: string) => ({
  NOTE: { roles: ['office', 'head'], append: { notes: note } },
  EVIDENCE: {
    roles: ['office', 'head', 'inspector'],
    append: { evidence: { path: '$event.data.path', sha256: '$event.data.sha256', by: '$event.actor', at: '$event.at' } },
  },
  ASSIGN: {
    roles: ['office'],
    form: { assignee: { type: 'person', required: true, label: label('负责人', 'Assignee') } },
    assign: { assignee: '$event.data.assignee' },
    append: { assignments: { to: '$event.data.assignee', by: '$event.actor', at: '$event.at' } },
  },
  ESCALATE: {
    roles: ['office'],
    target: state,
    reenter: true,
    assign: { level: '$event.data.level', assignee: '$event.data.assignee', dueAt: '$event.data.dueAt', escalatedAt: '$event.at' },
    append: {
      escalations: { level: '$event.data.level', to: '$event.data.assignee', reason: '$event.data.reason', by: '$event.actor', at: '$event.at' },
    },
    effects: [
      {
        notify: {
          to: { person: '$event.data.assignee' },
          message: { 'zh-CN': '一项问题已升级给您处理', en: 'A finding was escalated to you' },
        },
      },
    ],
  },
  FLAG: {
    roles: ['office'],
    assign: { flagged: true },
    append: { escalations: { level: '$context.data.level', reason: '$event.data.reason', by: '$event.actor', at: '$event.at', flagged: true } },
    effects: [
      {
        notify: {
          to: { role: 'office' },
          message: { 'zh-CN': '一项问题在最高层级仍然逾期', en: 'A finding is still overdue at the top escalation level' },
        },
      },
    ],
  },
});

const slaOnOpenStates = {
  at: '$context.data.dueAt',
  onBreach: { effects: [{ call: { handler: 'findings.escalate', with: { reason: 'overdue' } } }] },
};

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const plan = {
  roles: ['office', 'head'],
  form: {
    id: { type: 'string', required: true, label: label('编号', 'Id') },
    text: { type: 'text', required: true, label: label('整改措施', 'Action') },
    owner: { type: 'person', required: true, label: label('责任人', 'Owner') },
    due: { type: 'date', required: true, future: true, label: label('完成期限', 'Due') },
  },
  target: 'action_planned',
  append: {
    actions: {
      id: '$event.data.id',
      text: '$event.data.text',
      owner: '$event.data.owner',
      due: '$event.data.due',
      status: 'open',
      createdBy: '$event.actor',
      createdAt: '$event.at',
    },
  },
};

const assignee = { person: '$context.data.assignee' };

/** The finding chain's definition (version it when its behaviour changes). */
export const findingChain = {
  id: 'finding',
  // 2: who may act is checked by default-deny rules; PLAN and ASSIGN data by forms.
  version: 2,
  title: { 'zh-CN': '问题督办', en: 'Finding' },
  roles: ['office', 'inspector'],
  input: {
    id: { type: 'string', required: true, label: { 'zh-CN': '编号', en: 'Id' } },
    department: { type: 'department', required: true, label: { 'zh-CN': '科室', en: 'Department' } },
    subject: { type: 'string', required: true, label: { 'zh-CN': '对象', en: 'Subject' } },
    subjectKind: {
      type: 'enum',
      required: true,
      label: { 'zh-CN': '对象类型', en: 'Subject kind' },
      options: [
        { value: 'person', label: { 'zh-CN': '人员', en: 'Person' } },
        { value: 'post', label: { 'zh-CN': '岗位', en: 'Post' } },
        { value: 'lab', label: { 'zh-CN': '实验室', en: 'Lab' } },
        { value: 'department', label: { 'zh-CN': '科室', en: 'Department' } },
      ],
    },
    category: { type: 'string', required: true, label: { 'zh-CN': '类别', en: 'Category' } },
    severity: {
      type: 'enum',
      required: true,
      label: { 'zh-CN': '严重程度', en: 'Severity' },
      options: [
        { value: 'minor', label: { 'zh-CN': '一般', en: 'Minor' } },
        { value: 'major', label: { 'zh-CN': '严重', en: 'Major' } },
        { value: 'critical', label: { 'zh-CN': '危急', en: 'Critical' } },
      ],
    },
    title: { type: 'text', required: true, label: { 'zh-CN': '标题', en: 'Title' } },
    titleEn: { type: 'text', label: { 'zh-CN': '英文标题', en: 'Title (English)' } },
    description: { type: 'text', label: { 'zh-CN': '描述', en: 'Description' } },
    source: { type: 'string', label: { 'zh-CN': '来源实例', en: 'Source instance' } },
    assignee: { type: 'person', label: { 'zh-CN': '负责人', en: 'Assignee' } },
    level: { type: 'integer', required: true, min: 1, label: { 'zh-CN': '层级', en: 'Level' } },
    dueAt: { type: 'datetime', required: true, label: { 'zh-CN': '期限', en: 'Due' } },
    recheckAfter: { type: 'string', required: true, label: { 'zh-CN': '效果复查间隔', en: 'Effectiveness re-check after' } },
    escalateNow: { type: 'boolean', label: { 'zh-CN': '立即升级', en: 'Escalate at once' } },
  },
  context: {
    assignee: '$context.input.assignee',
    level: '$context.input.level',
    dueAt: '$context.input.dueAt',
    recheckAfter: '$context.input.recheckAfter',
    flagged: false,
    actions: [],
    notes: [],
    evidence: [],
    escalations: [],
    assignments: [],
    reopens: [],
  },
  initial: 'open',
  states: {
    open: {
      title: { 'zh-CN': '待处理', en: 'Open' },
      assignee,
      sla: slaOnOpenStates,
      entry: [
        {
          when: { all: [{ field: 'context.input.escalateNow', op: 'eq', value: true }, { field: 'context.data.reopenCount', op: 'missing' }] },
          notify: {
            to: { role: 'head', department: '$context.input.department' },
            message: { 'zh-CN': '危急问题：已立即升级至科主任与质控办', en: 'Critical finding: escalated at once to the department head and the quality office' },
          },
        },
        {
          when: { all: [{ field: 'context.input.escalateNow', op: 'eq', value: true }, { field: 'context.data.reopenCount', op: 'missing' }] },
          notify: {
            to: { role: 'office' },
            message: { 'zh-CN': '危急问题：已立即升级至科主任与质控办', en: 'Critical finding: escalated at once to the department head and the quality office' },
          },
        },
        {
          when: { all: [{ field: 'context.input.severity', op: 'eq', value: 'critical' }, { field: 'context.data.reopenCount', op: 'missing' }] },
          startChain: {
            chain: 'corrective-meeting',
            input: {
              findingId: '$context.input.id',
              department: '$context.input.department',
              subject: '$context.input.subject',
              reason: '$context.input.title',
            },
          },
        },
      ],
      on: {
        ...sharedOpenEvents('open'),
        ACK: { roles: ['office', 'head'], target: 'acknowledged', assign: { ackBy: '$event.actor', ackAt: '$event.at' } },
        PLAN: plan,
      },
    },
    acknowledged: {
      title: { 'zh-CN': '已确认', en: 'Acknowledged' },
      assignee,
      sla: slaOnOpenStates,
      on: { ...sharedOpenEvents('acknowledged'), PLAN: plan },
    },
    action_planned: {
      title: { 'zh-CN': '整改中', en: 'Action planned' },
      assignee,
      sla: slaOnOpenStates,
      on: {
        ...sharedOpenEvents('action_planned'),
        PLAN: plan,
        ACTION_DONE: {
          roles: ['office', 'head'],
          guard: { field: 'context.data.actions', op: 'anyMatch', value: { id: '$event.data.actionId', status: 'open' } },
          updateItems: [
            {
              list: 'actions',
              match: { id: '$event.data.actionId' },
              set: { status: 'done', doneAt: '$event.at', doneBy: '$event.actor', note: '$event.data.note' },
            },
          ],
        },
        SUBMIT: {
          roles: ['office', 'head'],
          target: 'awaiting_verification',
          guard: { field: 'context.data.actions', op: 'noneMatch', value: { status: 'open' } },
          assign: { submittedBy: '$event.actor', submittedAt: '$event.at' },
        },
      },
    },
    awaiting_verification: {
      title: { 'zh-CN': '待验证', en: 'Awaiting verification' },
      assignee: { role: 'office' },
      on: {
        NOTE: sharedOpenEvents('awaiting_verification').NOTE,
        EVIDENCE: sharedOpenEvents('awaiting_verification').EVIDENCE,
        CLOSE: {
          roles: ['office'],
          target: 'closed',
          guard: { field: 'event.data.note', op: 'exists' },
          assign: { verification: { note: '$event.data.note', by: '$event.actor', at: '$event.at' }, closedAt: '$event.at' },
        },
        REJECT: {
          roles: ['office'],
          target: 'action_planned',
          append: { notes: note },
        },
      },
    },
    closed: {
      title: { 'zh-CN': '已销号', en: 'Closed' },
      timers: {
        recheck: {
          after: '$context.data.recheckAfter',
          then: { effects: [{ call: { handler: 'findings.recheck', with: {} } }] },
        },
      },
      on: {
        REOPEN: {
          roles: ['office'],
          target: 'open',
          increment: { reopenCount: 1 },
          assign: { level: '$event.data.level', assignee: '$event.data.assignee', dueAt: '$event.data.dueAt', flagged: false, effective: null },
          append: { reopens: { reason: '$event.data.reason', recurrence: '$event.data.recurrence', by: '$event.actor', at: '$event.at' } },
        },
        EFFECTIVE: {
          roles: ['office'],
          assign: { effective: true, effectiveCheckedAt: '$event.at' },
        },
      },
    },
  },
} as const;
