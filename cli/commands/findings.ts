import type { Command } from 'commander';
import type { CliContext } from './CommandContext.js';

type Opts = Record<string, string | boolean | undefined>;

/**
 * `duban findings list | show | open | ack | plan | root-cause | request-extension |
 * grant-extension | refuse-extension | set-due | action-done | submit | close | reject |
 * reopen | escalate | assign | note | evidence`. Every action goes through the engine,
 * which checks the person's role (`--as`) and writes the audit row.
 */
export function registerFindingCommands(program: Command, { lang, say }: CliContext): void {
  const findings = program.command('findings').description(say({ 'zh-CN': '督办问题：跟踪、升级、验证、销号', en: 'findings: track, escalate, verify, close' }));
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });

  findings
    .command('list')
    .description(say({ 'zh-CN': '列出问题（最新在前）', en: 'list findings, newest first' }))
    .option('--status <status>', say({ 'zh-CN': 'open、acknowledged、action_planned、awaiting_verification、closed 或 active（未销号）', en: 'open, acknowledged, action_planned, awaiting_verification, closed, or active (not closed)' }))
    .option('--dept <id>', say({ 'zh-CN': '科室', en: 'department' }))
    .option('--severity <s>', say({ 'zh-CN': 'minor、major 或 critical', en: 'minor, major or critical' }))
    .option('--overdue', say({ 'zh-CN': '只看逾期', en: 'only overdue ones' }))
    .option('--escalated', say({ 'zh-CN': '只看已升级', en: 'only escalated ones' }))
    .option('--flagged', say({ 'zh-CN': '只看最高层级仍逾期而被标记的', en: 'only those flagged at the top level' }))
    .option('--assignee <person>', say({ 'zh-CN': '负责人（@me 表示自己）', en: 'assignee (@me for yourself)' }))
    .option('--text <text>', say({ 'zh-CN': '按标题、对象、类别查找', en: 'search titles, subject and category' }))
    .option('--limit <n>', say({ 'zh-CN': '最多条数（默认 500）', en: 'at most this many (default 500)' }))
    .option('--json', json)
    .action(async (opts: Opts, command: Command) => {
      const { withSession } = await import('../session.js');
      const { parseIntOption, printJson, printTable } = await import('../output.js');
      const { parseFindingFilter } = await import('../findingFilterOptions.js');
      await withSession(command, lang, async ({ duban, actor }) => {
        const filter = parseFindingFilter(opts, actor.id);
        const list = await duban.findingQueries.list({ ...filter, limit: parseIntOption(opts.limit as string | undefined, '--limit') });
        if (opts.json) return printJson(list);
        const { formatTime, formatZone } = await import('../tui/text/formatTime.js');
        const { findingChoice, FINDING_CHOICES } = await import('../findingChoices.js');
        const zone = duban.settings.timeZone;
        const people = await duban.org.names('people', list.flatMap((f) => (f.assignee ? [f.assignee] : [])));
        printTable(
          ['id', say({ 'zh-CN': '科室', en: 'dept' }), say({ 'zh-CN': '严重度', en: 'severity' }), say({ 'zh-CN': '状态', en: 'status' }), say({ 'zh-CN': '层级', en: 'level' }), say({ 'zh-CN': '负责', en: 'assignee' }), `${say({ 'zh-CN': '期限', en: 'due' })} (${formatZone(zone)})`, say({ 'zh-CN': '类别', en: 'category' }), say({ 'zh-CN': '标题', en: 'title' })],
          // Words, not codes: choices by the chain's labels, the category by its plugin's, people by name.
          list.map((f) => [f.id, f.department, findingChoice(FINDING_CHOICES.severity, f.severity, lang), findingChoice(FINDING_CHOICES.status, f.status, lang), f.level, f.assignee ? (people.get(f.assignee)?.[lang] ?? f.assignee) : '', `${formatTime(f.dueAt, zone)}${f.overdue ? ' !' + say({ 'zh-CN': '逾期', en: 'overdue' }) : ''}${f.flagged ? ' ⚑' : ''}`, duban.plugins.categoryLabel(f.category)?.[lang] ?? f.category, f.title[lang]]),
        );
      });
    });

  findings
    .command('show <id>')
    .description(say({ 'zh-CN': '显示问题详情与时间线（来自审计日志）', en: 'show a finding with its timeline (from the audit log)' }))
    .option('--json', json)
    .action(async (id: string, opts: Opts, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson } = await import('../output.js');
      const { printFindingDetail } = await import('../printFindingDetail.js');
      await withSession(command, lang, async ({ duban }) => {
        const detail = await duban.findingQueries.get(id);
        if (opts.json) return printJson(detail);
        await printFindingDetail(duban, detail, lang);
      });
    });

  findings
    .command('open')
    .description(say({ 'zh-CN': '登记一个问题', en: 'open a finding' }))
    .requiredOption('--dept <id>', say({ 'zh-CN': '科室', en: 'department' }))
    .requiredOption('--subject <id>', say({ 'zh-CN': '对象：人员、岗位、实验室或科室', en: 'subject: a person, post, lab or department' }))
    .option('--subject-kind <kind>', say({ 'zh-CN': 'person、post、lab 或 department', en: 'person, post, lab or department' }), 'person')
    .requiredOption('--category <code>', say({ 'zh-CN': '类别代码', en: 'category code' }))
    .requiredOption('--severity <s>', say({ 'zh-CN': 'minor、major 或 critical', en: 'minor, major or critical' }))
    .requiredOption('--title <text>', say({ 'zh-CN': '标题', en: 'title' }))
    .option('--title-en <text>', say({ 'zh-CN': '英文标题', en: 'title in English' }))
    .option('--description <text>', say({ 'zh-CN': '描述', en: 'description' }))
    .option('--escalate-now', say({ 'zh-CN': '立即升级至科主任与质控办', en: 'escalate at once to the head and the office' }))
    .option('--json', json)
    .action(async (opts: Opts, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      const { DubanError } = await import('../../core/errors/DubanError.js');
      const kinds = ['person', 'post', 'lab', 'department'];
      if (!kinds.includes(String(opts.subjectKind))) {
        throw new DubanError('USAGE', `--subject-kind: "${opts.subjectKind}" is not one of ${kinds.join(', ')}`, { place: { argument: '--subject-kind' } });
      }
      await withSession(command, lang, async ({ duban, actor }) => {
        const id = await duban.findings.open(
          {
            department: String(opts.dept),
            subject: String(opts.subject),
            subjectKind: opts.subjectKind as 'person',
            category: String(opts.category),
            severity: opts.severity as 'minor',
            title: String(opts.title),
            titleEn: opts.titleEn as string | undefined,
            description: opts.description as string | undefined,
            escalateNow: opts.escalateNow === true,
          },
          actor,
        );
        const finding = await duban.findingQueries.get(id);
        if (opts.json) return printJson(finding);
        const { formatTimeWithZone } = await import('../tui/text/formatTime.js');
        printLine(`${id}  ${finding.status}  → ${finding.assignee ?? '-'}  ${say({ 'zh-CN': '期限', en: 'due' })} ${formatTimeWithZone(finding.dueAt, duban.settings.timeZone)}`);
      });
    });

  /** Registers an action that takes the finding id and sends one event. */
  const action = (
    name: string,
    description: { 'zh-CN': string; en: string },
    configure: (c: Command) => Command,
    run: (duban: import('../../core/index.js').Duban, id: string, actor: import('../../core/index.js').PersonActor, args: string[], opts: Opts) => Promise<unknown>,
  ) => {
    configure(findings.command(name).description(say(description)))
      .option('--json', json)
      .action(async (...params: unknown[]) => {
        const command = params[params.length - 1] as Command;
        const opts = params[params.length - 2] as Opts;
        const [id, ...args] = params.slice(0, -2) as string[];
        const { withSession } = await import('../session.js');
        const { printJson, printLine } = await import('../output.js');
        await withSession(command, lang, async ({ duban, actor }) => {
          await run(duban, id!, actor, args, opts);
          const finding = await duban.findingQueries.get(id!);
          if (opts.json) return printJson(finding);
          printLine(`${id}  ${finding.status}  L${finding.level}  → ${finding.assignee ?? '-'}  rev ${finding.revision}`);
        });
      });
  };

  action('ack <id>', { 'zh-CN': '确认收到问题', en: 'acknowledge a finding' }, (c) => c, (d, id, actor) => d.findings.ack(id, actor));
  action(
    'plan <id>',
    { 'zh-CN': '添加一项整改措施（负责人与期限）', en: 'add a corrective action (owner and due date)' },
    (c) =>
      c
        .requiredOption('--action <text>', say({ 'zh-CN': '措施', en: 'the action' }))
        .requiredOption('--owner <person>', say({ 'zh-CN': '负责人', en: 'owner' }))
        .requiredOption('--due <date>', say({ 'zh-CN': '期限（YYYY-MM-DD）', en: 'due date (YYYY-MM-DD)' }))
        .option('--kind <kind>', say({ 'zh-CN': 'corrective（纠正，默认）或 preventive（预防）', en: 'corrective (the default) or preventive' }), 'corrective'),
    (d, id, actor, _args, o) => d.findings.plan(id, actor, { text: String(o.action), owner: String(o.owner), due: String(o.due), kind: o.kind as 'corrective' }),
  );
  action(
    'root-cause <id>',
    { 'zh-CN': '登记根因（类别与分析）', en: 'record the root cause (category and analysis)' },
    (c) =>
      c
        .requiredOption('--category <c>', say({ 'zh-CN': 'people（人员）、method（方法）、equipment（设备）、environment（环境）或 management（管理）', en: 'people, method, equipment, environment or management' }))
        .requiredOption('--text <text>', say({ 'zh-CN': '根因分析', en: 'the analysis' })),
    (d, id, actor, _a, o) => d.findings.rootCause(id, actor, { category: o.category as 'people', text: String(o.text) }),
  );
  action(
    'request-extension <id>',
    { 'zh-CN': '申请延期（科主任）', en: 'ask for a later due date (department head)' },
    (c) =>
      c
        .requiredOption('--until <date>', say({ 'zh-CN': '新期限（YYYY-MM-DD）', en: 'new due date (YYYY-MM-DD)' }))
        .requiredOption('--reason <text>', say({ 'zh-CN': '原因', en: 'why' })),
    (d, id, actor, _a, o) => d.findings.requestExtension(id, actor, String(o.until), String(o.reason)),
  );
  action(
    'grant-extension <id>',
    { 'zh-CN': '批准待批的延期申请（质控办）', en: 'grant the waiting extension request (quality office)' },
    (c) => c.option('--reason <text>', say({ 'zh-CN': '说明', en: 'note' })),
    (d, id, actor, _a, o) => d.findings.grantExtension(id, actor, o.reason as string | undefined),
  );
  action(
    'refuse-extension <id>',
    { 'zh-CN': '驳回待批的延期申请（质控办）', en: 'refuse the waiting extension request (quality office)' },
    (c) => c.requiredOption('--reason <text>', say({ 'zh-CN': '原因', en: 'why' })),
    (d, id, actor, _a, o) => d.findings.refuseExtension(id, actor, String(o.reason)),
  );
  action(
    'set-due <id>',
    { 'zh-CN': '指定期限（质控办；此后不再随计划变动）', en: 'fix the due date (quality office; the plan no longer moves it)' },
    (c) =>
      c
        .requiredOption('--due-at <instant>', say({ 'zh-CN': '期限（ISO 8601，如 2027-02-07T20:00+08:00）', en: 'due instant (ISO 8601, e.g. 2027-02-07T20:00+08:00)' }))
        .requiredOption('--reason <text>', say({ 'zh-CN': '原因', en: 'why' })),
    (d, id, actor, _a, o) => d.findings.setDue(id, actor, String(o.dueAt), String(o.reason)),
  );
  action(
    'action-done <id> <actionId>',
    { 'zh-CN': '标记一项整改措施已完成', en: 'mark a corrective action done' },
    (c) => c.option('--note <text>', say({ 'zh-CN': '说明', en: 'note' })),
    (d, id, actor, [actionId], o) => d.findings.actionDone(id, actor, actionId!, o.note as string | undefined),
  );
  action('submit <id>', { 'zh-CN': '提交验证（所有措施须已完成）', en: 'submit for verification (every action done)' }, (c) => c, (d, id, actor) => d.findings.submit(id, actor));
  action(
    'close <id>',
    { 'zh-CN': '验证并销号（质控办）', en: 'verify and close (quality office)' },
    (c) => c.requiredOption('--note <text>', say({ 'zh-CN': '验证说明', en: 'verification note' })),
    (d, id, actor, _a, o) => d.findings.close(id, actor, String(o.note)),
  );
  action(
    'reject <id>',
    { 'zh-CN': '验证不通过，退回整改', en: 'send back: verification failed' },
    (c) => c.requiredOption('--note <text>', say({ 'zh-CN': '原因', en: 'why' })),
    (d, id, actor, _a, o) => d.findings.reject(id, actor, String(o.note)),
  );
  action(
    'reopen <id>',
    { 'zh-CN': '重新打开已销号的问题', en: 'reopen a closed finding' },
    (c) => c.requiredOption('--reason <text>', say({ 'zh-CN': '原因', en: 'why' })),
    (d, id, actor, _a, o) => d.findings.reopen(id, actor, String(o.reason)),
  );
  action(
    'escalate <id>',
    { 'zh-CN': '手工升级一级', en: 'escalate one level by hand' },
    (c) => c.requiredOption('--reason <text>', say({ 'zh-CN': '原因', en: 'why' })),
    (d, id, actor, _a, o) => d.findings.escalate(id, actor, String(o.reason)),
  );
  action('assign <id> <person>', { 'zh-CN': '指派负责人', en: 'assign to a person' }, (c) => c, (d, id, actor, [person]) => d.findings.assign(id, actor, person!));
  action('note <id> <text>', { 'zh-CN': '添加备注', en: 'add a note' }, (c) => c, (d, id, actor, [text]) => d.findings.note(id, actor, text!));
  action('evidence <id> <file>', { 'zh-CN': '登记证据文件（路径与 SHA-256）', en: 'record an evidence file (path and SHA-256)' }, (c) => c, (d, id, actor, [file]) => d.findings.evidence(id, actor, file!));
}
