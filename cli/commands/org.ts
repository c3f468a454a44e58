import { Option, type Command } from 'commander';
import { ORG_FORMATS, type OrgFormat } from '../../core/org/OrgFormat.js';
import type { CliContext } from './CommandContext.js';

/** `duban org import <file>|- [--format yaml|csv] | show`. */
export function registerOrgCommands(program: Command, { lang, say }: CliContext): void {
  const org = program.command('org').description(say({ 'zh-CN': '组织：科室、人员、岗位、升级链', en: 'the org: departments, people, posts, escalation chains' }));

  org
    .command('import <file>')
    .description(say({ 'zh-CN': '导入组织文件（YAML，或人员/科室/岗位 CSV；- 表示标准输入）；任何一行有误则全部不导入', en: 'import an org file (YAML, or a CSV of people, departments or posts; - for standard input); one bad row and nothing is imported' }))
    .addOption(new Option('--format <format>', say({ 'zh-CN': '文件格式（默认：.csv 文件为 csv，其余为 yaml）', en: 'the file format (default: csv for a .csv file, else yaml)' })).choices(ORG_FORMATS))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (file: string, opts: { format?: OrgFormat; json?: boolean }, command: Command) => {
      const { DubanError } = await import('../../core/errors/DubanError.js');
      const { importOrg } = await import('../../core/org/importOrg.js');
      const { readInputFile } = await import('../../core/util/readInputFile.js');
      const { withSession } = await import('../session.js');
      const { printJson, printLine } = await import('../output.js');
      let input;
      try {
        input = await readInputFile(file);
      } catch (cause) {
        throw new DubanError('INPUT_INVALID', `cannot read ${file}: ${(cause as Error).message}`, { place: { file }, cause });
      }
      await withSession(command, lang, async ({ duban, actor }) => {
        // Once there is an org, changing it is the office's and IT's: every other rule reads it.
        await duban.access.require(actor, { operation: 'org.import' }, 'org.import');
        const result = await importOrg(duban.store, input.bytes.toString('utf8'), input.name, actor.id, duban.clock.now(), opts.format);
        if (opts.json) return printJson(result);
        printLine(
          say({
            'zh-CN': `已导入：科室 ${result.departments}，人员 ${result.people}，岗位 ${result.posts}，升级链 ${result.escalation}`,
            en: `Imported: ${result.departments} departments, ${result.people} people, ${result.posts} posts, ${result.escalation} escalation chains`,
          }),
        );
      });
    });

  org
    .command('show')
    .description(say({ 'zh-CN': '显示组织', en: 'show the org' }))
    .option('--json', say({ 'zh-CN': '输出 JSON', en: 'print JSON' }))
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { withSession } = await import('../session.js');
      const { printJson, printLine, printTable } = await import('../output.js');
      await withSession(command, lang, async ({ duban }) => {
        const departments = (await duban.org.directory()).list;
        const people = await duban.org.people();
        const posts = await duban.org.posts();
        const escalation = await duban.org.escalationLevels();
        if (opts.json) {
          return printJson({
            departments: departments.map((d) => ({ id: d.id, parent: d.parentId, name: d.name })),
            people,
            posts: posts.map((p) => ({ id: p.id, department: p.departmentId, name: p.name })),
            escalation: escalation.map((e) => ({ department: e.departmentId, level: e.level, person: e.personId, role: e.role })),
          });
        }
        const name = (zh: string, en: string) => (lang === 'zh-CN' ? zh : en);
        printLine(say({ 'zh-CN': '科室', en: 'Departments' }));
        printTable(['id', say({ 'zh-CN': '上级', en: 'parent' }), say({ 'zh-CN': '名称', en: 'name' })], departments.map((d) => [d.id, d.parentId ?? '', d.name[lang]]));
        printLine(`\n${say({ 'zh-CN': '人员', en: 'People' })}`);
        printTable(['id', say({ 'zh-CN': '姓名', en: 'name' }), say({ 'zh-CN': '职称', en: 'title' }), say({ 'zh-CN': '科室', en: 'dept' }), say({ 'zh-CN': '角色', en: 'roles' })], people.map((p) => [p.id, name(p.nameZh, p.nameEn), p.title ?? '', p.departmentId ?? '', p.roles.join(',')]));
        printLine(`\n${say({ 'zh-CN': '岗位', en: 'Posts' })}`);
        printTable(['id', say({ 'zh-CN': '科室', en: 'dept' }), say({ 'zh-CN': '名称', en: 'name' })], posts.map((p) => [p.id, p.departmentId, p.name[lang]]));
        printLine(`\n${say({ 'zh-CN': '升级链', en: 'Escalation' })}`);
        printTable([say({ 'zh-CN': '科室', en: 'dept' }), say({ 'zh-CN': '层级', en: 'level' }), say({ 'zh-CN': '人员或角色', en: 'person or role' })], escalation.map((e) => [e.departmentId, e.level, e.personId ?? `role:${e.role}`]));
      });
    });
}
