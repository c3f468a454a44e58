/** Exact versions of what a generated plugin builds and tests with: the ones duban itself uses. */
const DEV_DEPENDENCIES = { '@types/node': '20.19.43', typescript: '5.9.3', vite: '8.3.8', vitest: '4.1.12' };

/**
 * The files of a new plugin, as `duban plugins new <id>` writes them: a standalone npm
 * package in TypeScript, built against `duban/plugin` (duban a peer dependency) with a
 * task type, a chain, a report section, a command, zh-CN/en texts and a vitest test on
 * the real engine (`duban/plugin/testing`). Keyed by path relative to the package folder.
 */
export function pluginTemplates(id: string, engineRange: string): Record<string, string> {
  const chain = `${id}-check`;
  const section = `${id}-checks`;
  const dept = id.toUpperCase().replace(/-/g, '');
  return {
    'package.json': `${JSON.stringify(
      {
        name: `duban-plugin-${id}`,
        version: '0.1.0',
        description: `The ${id} department plugin for duban`,
        type: 'module',
        exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
        files: ['dist', 'chains'],
        scripts: { build: 'tsc -p tsconfig.json', test: 'tsc -p tsconfig.json && vitest run' },
        peerDependencies: { duban: engineRange },
        devDependencies: DEV_DEPENDENCIES,
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          declaration: true,
          outDir: 'dist',
          rootDir: 'src',
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
    '.gitignore': 'node_modules/\ndist/\n',
    'src/index.ts': `// The ${id} plugin: a value, created by definePlugin. Importing it runs nothing.
import { definePlugin } from 'duban/plugin';
import { checksCommand } from './checksCommand.js';
import { checkTask } from './checkTask.js';
import { checksSection } from './checksSection.js';
import { text } from './text.js';

export const plugin = definePlugin({
  id: '${id}',
  version: '0.1.0',
  engine: '${engineRange}',
  title: text.title,
  taskTypes: [checkTask],
  chains: [new URL('../chains/${chain}.yaml', import.meta.url)],
  commands: [checksCommand],
  reportSections: [checksSection],
});
`,
    'src/text.ts': `import type { Localized } from 'duban/plugin';

/** Every text the plugin shows, in both languages duban speaks. */
export const text = {
  title: { 'zh-CN': '${id} 科室插件', en: '${id} department plugin' },
  checkTitle: { 'zh-CN': '科室自查', en: 'Department check' },
  passed: { 'zh-CN': '是否合格', en: 'Passed' },
  note: { 'zh-CN': '说明', en: 'Note' },
  noteRequired: { 'zh-CN': '不合格时必须填写说明', en: 'a failed check needs a note' },
  sectionTitle: { 'zh-CN': '科室自查', en: 'Department checks' },
  department: { 'zh-CN': '科室', en: 'Department' },
  checks: { 'zh-CN': '自查次数', en: 'Checks' },
  failed: { 'zh-CN': '不合格', en: 'Failed' },
  commandSummary: { 'zh-CN': '列出本月的科室自查', en: "list this month's department checks" },
  monthOption: { 'zh-CN': '月份，如 2026-03（默认本月）', en: 'the month, e.g. 2026-03 (default: this month)' },
  count: (n: number): Localized => ({ 'zh-CN': \`\${n} 次自查\`, en: n === 1 ? '1 check' : \`\${n} checks\` }),
} as const;
`,
    'src/checkTask.ts': `import type { TaskTypeDefinition } from 'duban/plugin';
import { text } from './text.js';

/**
 * The check form. The engine validates submitted data against \`form\` and then calls
 * \`validate\` for rules across fields; a problem names its field.
 */
export const checkTask: TaskTypeDefinition = {
  name: '${id}.check',
  title: text.checkTitle,
  form: {
    passed: { type: 'boolean', required: true, label: text.passed },
    note: { type: 'text', label: text.note, max: 2000 },
  },
  validate: (data) => (data.passed === false && !data.note ? [{ path: 'note', message: text.noteRequired.en }] : []),
};
`,
    'src/countChecks.ts': `import type { InstanceRecord } from 'duban/plugin';

/** Checks and failed checks by department, from the chain's instances. Pure. */
export function countChecks(checks: readonly InstanceRecord[]): { department: string; checks: number; failed: number }[] {
  const by = new Map<string, { department: string; checks: number; failed: number }>();
  for (const c of checks) {
    const department = c.department ?? '-';
    const row = by.get(department) ?? { department, checks: 0, failed: 0 };
    row.checks += 1;
    if (c.state === 'failed') row.failed += 1;
    by.set(department, row);
  }
  return [...by.values()].sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
}
`,
    'src/checksSection.ts': `import type { ReportSectionDefinition } from 'duban/plugin';
import { countChecks } from './countChecks.js';
import { text } from './text.js';

/** The plugin's section of \`duban report monthly\`: the period's checks by department. */
export const checksSection: ReportSectionDefinition = {
  id: '${section}',
  title: text.sectionTitle,
  order: 60,
  async build(ctx) {
    const rows = countChecks(await ctx.instances.ofChain('${chain}', { from: ctx.period.from, to: ctx.period.to, departments: ctx.departments }));
    return {
      data: { byDepartment: rows, checks: rows.reduce((n, r) => n + r.checks, 0), failed: rows.reduce((n, r) => n + r.failed, 0) },
      tables: [
        {
          id: 'byDepartment',
          title: text.sectionTitle,
          columns: [
            { key: 'department', label: text.department, format: 'department' },
            { key: 'checks', label: text.checks, format: 'integer' },
            { key: 'failed', label: text.failed, format: 'integer' },
          ],
          rows: rows.map((r) => ({ department: r.department, checks: r.checks, failed: r.failed })),
        },
      ],
    };
  },
};
`,
    'src/checksCommand.ts': `import { DubanError, type PluginCommand } from 'duban/plugin';
import { countChecks } from './countChecks.js';
import { text } from './text.js';

/** \`duban ${id} checks [--month YYYY-MM]\`: the month's checks by department. */
export const checksCommand: PluginCommand = {
  name: '${id} checks',
  summary: text.commandSummary,
  options: [{ flags: '--month <month>', description: text.monthOption }],
  async run(options, ctx) {
    const month = typeof options.month === 'string' ? options.month : ctx.now.toISOString().slice(0, 7);
    if (!/^\\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DubanError('USAGE', \`--month: "\${month}" is not a month like 2026-03\`, { place: { argument: '--month' } });
    const [y, m] = month.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1)).toISOString();
    const to = new Date(Date.UTC(y, m, 1)).toISOString();
    const rows = countChecks(await ctx.instances.ofChain('${chain}', { from, to }));
    const total = rows.reduce((n, r) => n + r.checks, 0);
    ctx.print(\`\${month}: \${text.count(total)[ctx.lang]}\`);
    for (const r of rows) ctx.print(\`  \${r.department}  \${r.checks}  \${text.failed[ctx.lang]} \${r.failed}\`);
    return { month, checks: total, byDepartment: rows };
  },
};
`,
    [`chains/${chain}.yaml`]: `# A department check: the inspector records the result within a day; a failed
# check opens a finding against the department.
id: ${chain}
version: 1
title: { zh-CN: ${id} 科室自查, en: ${id} department check }
input:
  department: { type: department, required: true, label: { zh-CN: 科室, en: Department } }
# Who may start a check, and below who may record it: every step a person acts on says who.
roles: [inspector, office]
initial: checking
states:
  checking:
    title: { zh-CN: 检查中, en: Checking }
    assignee: { role: inspector }
    task: ${id}.check
    sla:
      after: P1D
      onBreach:
        effects:
          - notify:
              to: { role: office }
              message: { zh-CN: 科室自查逾期, en: A department check is overdue }
    on:
      SUBMIT:
        - guard: { field: event.data.passed, op: eq, value: true }
          roles: [inspector]
          target: passed
          assign: { result: $event.data }
        - roles: [inspector]
          target: failed
          assign: { result: $event.data }
          effects:
            - openFinding:
                department: $context.input.department
                subject: $context.input.department
                subjectKind: department
                category: ${id}.check-failed
                severity: minor
  passed:
    title: { zh-CN: 合格, en: Passed }
    type: final
  failed:
    title: { zh-CN: 不合格, en: Failed }
    type: final
`,
    'test/plugin.test.ts': `import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPluginTestEngine, type PluginTestEngine } from 'duban/plugin/testing';
import { plugin } from '../src/index.js';

// Nobody acts who is not in the org: a department and an inspector to test with.
const ORG = \`departments:
  - { id: ${dept}, name: { zh-CN: 测试科, en: Test department } }
people:
  - { id: inspector1, name: { zh-CN: 督查, en: Inspector }, roles: [inspector] }
\`;

describe('the ${id} plugin', () => {
  let engine: PluginTestEngine;
  beforeEach(async () => {
    engine = await startPluginTestEngine({ plugins: [plugin], org: ORG, now: '2026-03-10T02:00:00Z' });
  });
  afterEach(() => engine.dispose());

  it('loads, and registers its chain', async () => {
    expect(engine.plugins.disabled).toEqual([]);
    expect((await engine.chains.get('${chain}')).spec.version).toBe(1);
  });

  it('ends a passed check; opens a finding for a failed one, which needs a note', async () => {
    const ok = await engine.engine.start('${chain}', { department: '${dept}' }, 'inspector1');
    expect((await engine.engine.send(ok.id, { type: 'SUBMIT', data: { passed: true } }, 'inspector1')).instance.status).toBe('done');

    const bad = await engine.engine.start('${chain}', { department: '${dept}' }, 'inspector1');
    await expect(engine.engine.send(bad.id, { type: 'SUBMIT', data: { passed: false } }, 'inspector1')).rejects.toMatchObject({ code: 'FORM_INVALID' });
    await engine.engine.send(bad.id, { type: 'SUBMIT', data: { passed: false, note: 'dirty' } }, 'inspector1');
    const findings = await engine.findingQueries.list({ department: '${dept}' });
    expect(findings.map((f) => f.category)).toEqual(['${id}.check-failed']);
  });

  it('counts the month in its command and its report section', async () => {
    const run = await engine.engine.start('${chain}', { department: '${dept}' }, 'inspector1');
    await engine.engine.send(run.id, { type: 'SUBMIT', data: { passed: false, note: 'dirty' } }, 'inspector1');
    expect(await engine.command('${id} checks', { month: '2026-03' }, 'inspector1')).toEqual({ month: '2026-03', checks: 1, byDepartment: [{ department: '${dept}', checks: 1, failed: 1 }] });
    const report = await engine.monthlyReport('2026-03');
    expect(report.sections['${section}']?.data).toMatchObject({ checks: 1, failed: 1 });
  });
});
`,
    'README.md': `# duban-plugin-${id}

A duban department plugin, built against \`duban/plugin\`.

- \`src/index.ts\`: the plugin value (\`definePlugin\`): id, version, the engine range it
  supports, its task type, chain, command and report section.
- \`src/checkTask.ts\`: the task type \`${id}.check\` (its form and cross-field validation).
- \`chains/${chain}.yaml\`: the chain \`${chain}\`.
- \`src/checksCommand.ts\`: \`duban ${id} checks\`; \`src/checksSection.ts\`: its section of the monthly report.
- \`src/text.ts\`: every text in zh-CN and en.
- \`test/plugin.test.ts\`: the real engine on a temporary database (\`duban/plugin/testing\`).

    npm install            # duban is a peer dependency: install it beside, e.g. npm install duban
    npm test               # builds, then runs the tests
    npm run build          # dist/ is what duban loads

Load it from \`duban.config.json\` by path or package name (\`"plugins": ["./${id}"]\`), then
\`npx duban plugins doctor\`. Raise \`version\` in the chain file whenever its behaviour
changes: running instances stay on the version they started on. The plugin's queries may
name only its own tables (\`${id.replace(/-/g, '_')}_*\`); the rest comes through \`ctx.org\`,
\`ctx.findings\` and \`ctx.instances\`.
`,
  };
}
