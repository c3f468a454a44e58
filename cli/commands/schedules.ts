import type { Command } from 'commander';
import type { Language } from '../../core/i18n/Localized.js';
import type { NotifyChannel, NotifyTarget } from '../../core/notify/Notification.js';
import type { Occurrence, ScheduleAction, ScheduleInput, ScheduleView } from '../../core/schedule/ScheduleTypes.js';
import type { CliContext } from './CommandContext.js';

/** Options of `schedules add`, as commander hands them over. */
interface AddOptions {
  id?: string;
  nameZh: string;
  nameEn: string;
  cron: string;
  tz?: string;
  startChain?: string;
  input?: string;
  remind?: string;
  digest?: string;
  department?: string;
  messageZh?: string;
  messageEn?: string;
  channels?: string;
  window?: string;
  missed?: string;
  cap?: string;
  paused?: boolean;
  json?: boolean;
}

/** How many fire times `schedules list` shows per schedule. */
const LIST_UPCOMING = 3;

/**
 * `duban schedules list | add | pause <id> | resume <id> | remove <id> | next <id>`:
 * cron schedules that start chains, remind people and send overdue digests.
 */
export function registerScheduleCommands(program: Command, { lang, say }: CliContext): void {
  const schedules = program
    .command('schedules')
    .description(say({ 'zh-CN': '定时计划：按 cron 启动任务链、提醒人员、发送逾期汇总', en: 'cron schedules: start chains, remind people, send overdue digests' }));
  const json = say({ 'zh-CN': '输出 JSON', en: 'print JSON' });

  schedules
    .command('list')
    .description(say({ 'zh-CN': '列出计划及各自接下来 3 次触发时间', en: 'list schedules with their next 3 fire times' }))
    .option('--json', json)
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine, printTable } = await import('../output.js');
      await withSession(command, lang, async ({ duban }) => {
        const list = await duban.schedules.list();
        const rows = [];
        for (const s of list) rows.push({ ...s, upcoming: (await duban.schedules.upcoming(s.id, LIST_UPCOMING)).map(occurrenceJson) });
        if (opts.json) return printJson(rows);
        if (rows.length === 0) return printLine(say({ 'zh-CN': '（暂无计划）', en: '(no schedules)' }));
        printTable(
          ['id', say({ 'zh-CN': '名称', en: 'name' }), 'cron', say({ 'zh-CN': '动作', en: 'action' }), say({ 'zh-CN': '状态', en: 'status' }), say({ 'zh-CN': '错过时', en: 'if missed' }), say({ 'zh-CN': '接下来触发', en: 'next fire times' })],
          rows.map((s) => [
            s.id,
            s.name[lang],
            `${s.cron} (${s.timeZone})${s.window ? ` ${s.window.from}-${s.window.to}` : ''}`,
            describeAction(s.action, lang),
            describeStatus(s.status, lang),
            describePolicy(s, lang),
            s.upcoming.map((o) => formatLocal(o.fireAt, s.timeZone)).join(', '),
          ]),
        );
      });
    });

  schedules
    .command('add')
    .description(say({ 'zh-CN': '添加计划（--start-chain、--remind、--digest 三选一）', en: 'add a schedule (one of --start-chain, --remind, --digest)' }))
    .option('--id <id>', say({ 'zh-CN': '计划编号（默认自动生成）', en: 'schedule id (default: generated)' }))
    .requiredOption('--name-zh <text>', say({ 'zh-CN': '中文名称', en: 'name in Chinese' }))
    .requiredOption('--name-en <text>', say({ 'zh-CN': '英文名称', en: 'name in English' }))
    .requiredOption('--cron <expr>', say({ 'zh-CN': 'cron 表达式，如 "0 9 * * 1-5"（可带秒，6 段）', en: 'cron expression, e.g. "0 9 * * 1-5" (6 fields with seconds)' }))
    .option('--tz <zone>', say({ 'zh-CN': 'IANA 时区（默认配置中的 timeZone，Asia/Shanghai）', en: 'IANA time zone (default: the config timeZone, Asia/Shanghai)' }))
    .option('--start-chain <chain>', say({ 'zh-CN': '动作：启动此任务链', en: 'action: start this chain' }))
    .option('--input <json>', say({ 'zh-CN': '任务链输入（JSON 对象）', en: 'chain input (a JSON object)' }))
    .option('--remind <who>', say({ 'zh-CN': '动作：提醒 role:<角色> 或 person:<人员>', en: 'action: remind role:<role> or person:<person>' }))
    .option('--digest <who>', say({ 'zh-CN': '动作：把逾期问题汇总发给 role:<角色> 或 person:<人员>', en: 'action: send the overdue-findings digest to role:<role> or person:<person>' }))
    .option('--department <id>', say({ 'zh-CN': '限定科室（提醒对象或汇总范围）', en: 'limit to a department (who is reminded, or what the digest covers)' }))
    .option('--message-zh <text>', say({ 'zh-CN': '提醒内容（中文）', en: 'reminder text in Chinese' }))
    .option('--message-en <text>', say({ 'zh-CN': '提醒内容（英文）', en: 'reminder text in English' }))
    .option('--channels <list>', say({ 'zh-CN': '投递渠道，逗号分隔：inbox,webhook,log', en: 'delivery channels, comma-separated: inbox,webhook,log' }))
    .option('--window <from-to>', say({ 'zh-CN': '随机时间窗，如 22:00-06:00（以记录的种子抽取）', en: 'random window, e.g. 22:00-06:00 (drawn from a recorded seed)' }))
    .option('--missed <policy>', say({ 'zh-CN': '错过的触发：skip 跳过、once 补一次、all 全部补（默认 once）', en: 'missed runs: skip, once or all (default once)' }))
    .option('--cap <n>', say({ 'zh-CN': '一次最多补跑多少次（默认 10）', en: 'most missed runs one catch-up fires (default 10)' }))
    .option('--paused', say({ 'zh-CN': '添加后先暂停', en: 'add it paused' }))
    .option('--json', json)
    .action(async (opts: AddOptions, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      const input = await scheduleInputFrom(opts);
      await withSession(command, lang, async ({ duban, actor }) => {
        const added = await duban.schedules.add(input, actor).catch((error: unknown) => rethrowWithArgument(error));
        if (opts.json) return printJson({ ...added, upcoming: (await duban.schedules.upcoming(added.id, LIST_UPCOMING)).map(occurrenceJson) });
        const next = added.nextFireAt ? formatLocal(added.nextFireAt, added.timeZone) : '-';
        printLine(say({ 'zh-CN': `已添加计划 ${added.id}，下次触发：${next}`, en: `Added schedule ${added.id}; next fire: ${next}` }));
      });
    });

  for (const [verb, text] of [
    ['pause', { 'zh-CN': '暂停计划', en: 'pause a schedule' }],
    ['resume', { 'zh-CN': '恢复计划（从现在起算下次触发）', en: 'resume a schedule (next fire counted from now)' }],
    ['remove', { 'zh-CN': '删除计划（已触发记录保留）', en: 'remove a schedule (its fired runs are kept)' }],
  ] as const) {
    schedules
      .command(`${verb} <id>`)
      .description(say(text))
      .action(async (id: string, _opts: unknown, command: Command) => {
        const { withSession } = await import('../session.js');
        const { printLine } = await import('../output.js');
        await withSession(command, lang, async ({ duban, actor }) => {
          if (verb === 'remove') {
            await duban.schedules.remove(id, actor);
            return printLine(say({ 'zh-CN': `已删除计划 ${id}`, en: `Removed schedule ${id}` }));
          }
          const view = verb === 'pause' ? await duban.schedules.pause(id, actor) : await duban.schedules.resume(id, actor);
          const next = view.nextFireAt ? formatLocal(view.nextFireAt, view.timeZone) : '-';
          printLine(say({ 'zh-CN': `计划 ${id}：${describeStatus(view.status, 'zh-CN')}，下次触发：${next}`, en: `Schedule ${id}: ${view.status}; next fire: ${next}` }));
        });
      });
  }

  schedules
    .command('next <id>')
    .description(say({ 'zh-CN': '显示计划接下来的触发时间', en: 'show the next fire times of a schedule' }))
    .option('--count <n>', say({ 'zh-CN': '显示几次（默认 5）', en: 'how many (default 5)' }), '5')
    .option('--json', json)
    .action(async (id: string, opts: { count: string; json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { parseIntOption, printJson, printTable } = await import('../output.js');
      const count = parseIntOption(opts.count, '--count')!;
      await withSession(command, lang, async ({ duban }) => {
        const schedule = await duban.schedules.get(id);
        const list = await duban.schedules.upcoming(id, count);
        if (opts.json) return printJson(list.map(occurrenceJson));
        printTable(
          ['#', say({ 'zh-CN': '计划时刻', en: 'scheduled' }), say({ 'zh-CN': '触发时刻', en: 'fires at' }), say({ 'zh-CN': '种子', en: 'seed' })],
          list.map((o, i) => [i + 1, formatLocal(o.scheduledAt.toISOString(), schedule.timeZone), formatLocal(o.fireAt.toISOString(), schedule.timeZone), o.seed ?? '']),
        );
      });
    });
}

async function scheduleInputFrom(opts: AddOptions): Promise<ScheduleInput> {
  const { DubanError } = await import('../../core/errors/DubanError.js');
  const { parseIntOption, parseJsonOption } = await import('../output.js');
  const { parseRandomWindow } = await import('../../core/schedule/randomWindow.js');
  const usage = (message: string, argument: string) => new DubanError('USAGE', message, { place: { argument } });
  const chosen = (['startChain', 'remind', 'digest'] as const).filter((k) => opts[k] !== undefined);
  if (chosen.length !== 1) throw usage('give exactly one action: --start-chain, --remind or --digest', '--start-chain');
  // Checked by the service, which names --channels when one is not a channel.
  const channels = opts.channels?.split(',').map((c) => c.trim()) as NotifyChannel[] | undefined;
  let action: ScheduleAction;
  if (opts.startChain !== undefined) {
    action = { kind: 'startChain', chain: opts.startChain, input: parseJsonOption(opts.input, '--input') };
  } else if (opts.remind !== undefined) {
    if (opts.messageZh === undefined || opts.messageEn === undefined) throw usage('--remind needs --message-zh and --message-en', '--message-zh');
    action = { kind: 'remind', to: parseTarget(opts.remind, '--remind', opts.department), message: { 'zh-CN': opts.messageZh, en: opts.messageEn }, channels };
  } else {
    action = { kind: 'overdueDigest', to: parseTarget(opts.digest!, '--digest'), department: opts.department, channels };
  }
  if (opts.missed !== undefined && !['skip', 'once', 'all'].includes(opts.missed)) {
    throw usage(`--missed: "${opts.missed}" is not skip, once or all`, '--missed');
  }
  let window;
  try {
    window = opts.window === undefined ? undefined : parseRandomWindow(opts.window);
  } catch (error) {
    return rethrowWithArgument(error);
  }
  return {
    id: opts.id,
    name: { 'zh-CN': opts.nameZh, en: opts.nameEn },
    cron: opts.cron,
    timeZone: opts.tz,
    action,
    window,
    missedPolicy: opts.missed as ScheduleInput['missedPolicy'],
    catchUpCap: parseIntOption(opts.cap, '--cap', 0),
    paused: opts.paused,
  };

  function parseTarget(text: string, option: string, department?: string): NotifyTarget {
    const match = /^(role|person):(.+)$/.exec(text);
    if (!match) throw usage(`${option}: "${text}" is not role:<role> or person:<person>`, option);
    return match[1] === 'role' ? { role: match[2]!, ...(department ? { department } : {}) } : { person: match[2]! };
  }
}

// The service names fields (`cron`, `timeZone`); on the command line the same problem
// is an option, so the message and the place name both.
const ARGUMENT_OF_FIELD: readonly [RegExp, string][] = [
  [/^cron/, '--cron'],
  [/^timeZone/, '--tz'],
  [/^window/, '--window'],
  [/^action\.chain/, '--start-chain'],
  [/^action\.input/, '--input'],
  [/^action\.message/, '--message-zh'],
  [/^action\.channels/, '--channels'],
  [/^action\.to/, '--remind'],
  [/^name/, '--name-zh'],
  [/^id/, '--id'],
  [/^missedPolicy/, '--missed'],
  [/^catchUpCap/, '--cap'],
];

async function rethrowWithArgument(error: unknown): Promise<never> {
  const { DubanError, isDubanError } = await import('../../core/errors/DubanError.js');
  const path = isDubanError(error) ? error.place?.path : undefined;
  const argument = path ? ARGUMENT_OF_FIELD.find(([re]) => re.test(path))?.[1] : undefined;
  if (!isDubanError(error) || !argument) throw error;
  throw new DubanError(error.code, `${argument}: ${error.message}`, { place: { argument, path }, details: error.details, cause: error });
}

function occurrenceJson(o: Occurrence) {
  return { occurrence: o.id, scheduledAt: o.scheduledAt.toISOString(), fireAt: o.fireAt.toISOString(), seed: o.seed };
}

function formatLocal(iso: string, zone: string): string {
  // Intl, not luxon: the command module must stay cheap to load; the zone is valid (it was checked on add).
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const seconds = get('second') === '00' ? '' : `:${get('second')}`;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}${seconds} ${get('timeZoneName').replace('GMT', '') || '+00:00'}`;
}

function describeTarget(to: NotifyTarget, lang: Language): string {
  const dept = to.department ? (lang === 'zh-CN' ? `（${to.department}）` : ` (${to.department})`) : '';
  if (to.person) return lang === 'zh-CN' ? `人员 ${to.person}` : `person ${to.person}`;
  if (to.role) return (lang === 'zh-CN' ? `角色 ${to.role}` : `role ${to.role}`) + dept;
  return lang === 'zh-CN' ? `科室 ${to.department}` : `department ${to.department}`;
}

function describeAction(action: ScheduleAction, lang: Language): string {
  switch (action.kind) {
    case 'startChain':
      return lang === 'zh-CN' ? `启动任务链 ${action.chain}` : `start chain ${action.chain}`;
    case 'remind':
      return lang === 'zh-CN' ? `提醒${describeTarget(action.to, lang)}` : `remind ${describeTarget(action.to, lang)}`;
    case 'overdueDigest': {
      const scope = action.department ? (lang === 'zh-CN' ? `（${action.department}）` : ` (${action.department})`) : '';
      return lang === 'zh-CN' ? `逾期汇总${scope}发给${describeTarget(action.to, lang)}` : `overdue digest${scope} to ${describeTarget(action.to, lang)}`;
    }
  }
}

function describeStatus(status: ScheduleView['status'], lang: Language): string {
  if (lang === 'en') return status;
  return status === 'active' ? '启用' : '已暂停';
}

function describePolicy(s: Pick<ScheduleView, 'missedPolicy' | 'catchUpCap'>, lang: Language): string {
  const zh = { skip: '跳过', once: '补一次', all: `全部补（至多 ${s.catchUpCap} 次）` };
  const en = { skip: 'skip', once: 'once', all: `all (cap ${s.catchUpCap})` };
  return (lang === 'zh-CN' ? zh : en)[s.missedPolicy];
}
