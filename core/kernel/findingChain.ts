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
    // An escalation sets the due date as the office would: a later plan no longer moves it.
    assign: { level: '$event.data.level', assignee: '$event.data.assignee', dueAt: '$event.data.dueAt', dueFixed: true, escalatedAt: '$event.at' },
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
  ROOT_CAUSE: {
    roles: ['office', 'head'],
    form: rootCauseForm,
    assign: { rootCause: { category: '$event.data.category', text: '$event.data.text', by: '$event.actor', at: '$event.at' } },
  },
  // The office fixes the due date: from then on the plan no longer moves it.
  SET_DUE: {
    roles: ['office'],
    form: {
      dueAt: { type: 'datetime', required: true, future: true, label: label('期限', 'Due') },
      reason: { type: 'text', required: true, label: label('原因', 'Reason') },
    },
    target: state,
    reenter: true,
    assign: { dueAt: '$event.data.dueAt', dueFixed: true, flagged: false },
    append: { dueChanges: { dueAt: '$event.data.dueAt', reason: '$event.data.reason', by: '$event.actor', at: '$event.at' } },
  },
  REQUEST_EXTENSION: {
    roles: ['head'],
    form: {
      id: { type: 'string', required: true, label: label('编号', 'Id') },
      until: { type: 'date', required: true, future: true, label: label('延期至', 'New due date') },
      reason: { type: 'text', required: true, label: label('原因', 'Reason') },
    },
    // One request waits at a time: the office answers it before the next.
    guard: { field: 'context.data.extensions', op: 'noneMatch', value: { status: 'requested' } },
    append: {
      extensions: { id: '$event.data.id', until: '$event.data.until', reason: '$event.data.reason', status: 'requested', requestedBy: '$event.actor', requestedAt: '$event.at' },
    },
    effects: [{ notify: { to: { role: 'office' }, message: { 'zh-CN': '科室申请延期整改期限', en: 'A department asks to extend a finding’s due date' } } }],
  },
  GRANT_EXTENSION: {
    roles: ['office'],
    form: {
      extensionId: { type: 'string', required: true, label: label('延期申请', 'Extension request') },
      dueAt: { type: 'datetime', required: true, label: label('期限', 'Due') },
      reason: { type: 'text', label: label('说明', 'Reason') },
    },
    guard: { field: 'context.data.extensions', op: 'anyMatch', value: { id: '$event.data.extensionId', status: 'requested' } },
    target: state,
    reenter: true,
    assign: { dueAt: '$event.data.dueAt', dueFixed: true, flagged: false },
    updateItems: [
      {
        list: 'extensions',
        match: { id: '$event.data.extensionId', status: 'requested' },
        set: { status: 'granted', decisionReason: '$event.data.reason', decidedBy: '$event.actor', decidedAt: '$event.at' },
      },
    ],
    effects: [{ notify: { to: assigneeOrHead, message: { 'zh-CN': '延期申请已批准', en: 'The extension was granted' } } }],
  },
  REFUSE_EXTENSION: {
    roles: ['office'],
    form: {
      extensionId: { type: 'string', required: true, label: label('延期申请', 'Extension request') },
      reason: { type: 'text', required: true, label: label('原因', 'Reason') },
    },
    guard: { field: 'context.data.extensions', op: 'anyMatch', value: { id: '$event.data.extensionId', status: 'requested' } },
    updateItems: [
      {
        list: 'extensions',
        match: { id: '$event.data.extensionId', status: 'requested' },
        set: { status: 'refused', decisionReason: '$event.data.reason', decidedBy: '$event.actor', decidedAt: '$event.at' },
      },
    ],
    effects: [{ notify: { to: assigneeOrHead, message: { 'zh-CN': '延期申请未获批准', en: 'The extension was refused' } } }],
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

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The root-cause categories of corrective-action practice (people, method, equipment, environment, management). */
export const ROOT_CAUSE_CATEGORIES = ['people', 'method', 'equipment', 'environment', 'management'] as const;

const rootCauseForm = {
  category: {
    type: 'enum',
    required: true,
    label: label('根因类别', 'Root-cause category'),
    options: [
      { value: 'people', label: label('人员', 'People') },
      { value: 'method', label: label('方法', 'Method') },
      { value: 'equipment', label: label('设备', 'Equipment') },
      { value: 'environment', label: label('环境', 'Environment') },
      { value: 'management', label: label('管理', 'Management') },
    ],
  },
  text: { type: 'text', required: true, label: label('根因分析', 'Root cause') },
};

/**
 * Only when the finding is opened: the step is re-entered on escalation and on a new due
 * date (re-arming its SLA), and a reopened finding comes back to it; neither tells again.
 */
const openedNow = (guard: object) => ({ all: [guard, { field: 'event.type', op: 'eq', value: 'xstate.init' }] });

const assigneeOrHead = { role: 'head', department: '$context.input.department' };

const slaOnOpenStates = {
  at: '$context.data.dueAt',
  onBreach: { effects: [{ call: { handler: 'findings.escalate', with: { reason: 'overdue' } } }] },
};

const planForm = {
  id: { type: 'string', required: true, label: label('编号', 'Id') },
  text: { type: 'text', required: true, label: label('整改措施', 'Action') },
  kind: {
    type: 'enum',
    required: true,
    label: label('措施类型', 'Kind'),
    options: [
      { value: 'corrective', label: label('纠正措施', 'Corrective') },
      { value: 'preventive', label: label('预防措施', 'Preventive') },
    ],
  },
  owner: { type: 'person', required: true, label: label('责任人', 'Owner') },
  due: { type: 'date', required: true, future: true, label: label('完成期限', 'Due') },
  // The end of the latest action's due day, which the finding's due date follows.
  planDueAt: { type: 'datetime', required: true, label: label('计划期限', 'Plan due') },
  agreedIn: { type: 'string', label: label('议定会议', 'Agreed in meeting') },
};

const plannedAction = {
  id: '$event.data.id',
  text: '$event.data.text',
  kind: '$event.data.kind',
  owner: '$event.data.owner',
  due: '$event.data.due',
  status: 'open',
  agreedIn: '$event.data.agreedIn',
  createdBy: '$event.actor',
  createdAt: '$event.at',
};

/**
 * PLAN adds an action; the finding's due date then follows the plan (re-entering the step
 * re-arms its SLA at the new date), unless the office fixed it (SET_DUE, a granted extension).
 */
const plan = [
  {
    roles: ['office', 'head'],
    form: planForm,
    guard: { field: 'context.data.dueFixed', op: 'eq', value: true },
    target: 'action_planned',
    append: { actions: plannedAction },
  },
  {
    roles: ['office', 'head'],
    form: planForm,
    target: 'action_planned',
    reenter: true,
    assign: { dueAt: '$event.data.planDueAt', flagged: false },
    append: { actions: plannedAction },
  },
];

const assignee = { person: '$context.data.assignee' };

/** The finding chain's definition (version it when its behaviour changes). */
export const findingChain = {
  id: 'finding',
  // 2: who may act is checked by default-deny rules; PLAN and ASSIGN data by forms.
  // 3: root cause, corrective/preventive actions, the due date follows the plan, extensions.
  // 4: `details`, the recording chain's data kept as data, put in words when read.
  version: 4,
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
    // JSON of the recording chain's data: labels and names depend on the reader's language, known only when read.
    details: { type: 'text', label: { 'zh-CN': '记录数据', en: 'Recorded data' } },
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
    rootCause: null,
    extensions: [],
    dueChanges: [],
  },
  initial: 'open',
  states: {
    open: {
      title: { 'zh-CN': '待处理', en: 'Open' },
      assignee,
      sla: slaOnOpenStates,
      entry: [
        {
          when: openedNow({ field: 'context.input.escalateNow', op: 'eq', value: true }),
          notify: {
            to: { role: 'head', department: '$context.input.department' },
            message: { 'zh-CN': '危急问题：已立即升级至科主任与质控办', en: 'Critical finding: escalated at once to the department head and the quality office' },
          },
        },
        {
          when: openedNow({ field: 'context.input.escalateNow', op: 'eq', value: true }),
          notify: {
            to: { role: 'office' },
            message: { 'zh-CN': '危急问题：已立即升级至科主任与质控办', en: 'Critical finding: escalated at once to the department head and the quality office' },
          },
        },
        {
          when: { all: [{ field: 'context.input.severity', op: 'eq', value: 'critical' }, { field: 'context.data.reopenCount', op: 'missing' }] },
          // One meeting per finding, however often the step is entered (escalation, a new due date).
          startChain: {
            chain: 'corrective-meeting',
            key: '$context.input.id',
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
          // The action's owner may mark their own action done.
          actorIs: { in: '$context.data.actions', match: { id: '$event.data.actionId' }, pick: 'owner' },
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
          assign: { verification: { note: '$event.data.note', by: '$event.actor', at: '$event.at' }, closedAt: '$event.at', flagged: false },
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
          assign: { level: '$event.data.level', assignee: '$event.data.assignee', dueAt: '$event.data.dueAt', dueFixed: false, flagged: false, effective: null },
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
