/**
 * The files of a new plugin, as `duban plugins new <id>` writes them: plain ES modules
 * (no build step for hospital IT), one task type, one chain, zh-CN/en labels, a test run
 * with `node --test`, and a README. Keyed by path relative to the plugin folder.
 */
export function pluginTemplates(id: string, engineRange: string): Record<string, string> {
  const chain = `${id}-check`;
  return {
    'index.js': `// The ${id} plugin: a value, created by definePlugin. Importing it runs nothing.
import { definePlugin } from 'duban';
import { labels } from './locales/labels.js';
import { checkTask } from './tasks/check.js';

export const plugin = definePlugin({
  id: '${id}',
  version: '0.1.0',
  engine: '${engineRange}',
  title: labels.title,
  departments: [{ id: '${id.toUpperCase()}', name: labels.department }],
  taskTypes: [checkTask],
  chains: [new URL('./chains/${chain}.yaml', import.meta.url)],
});
`,
    'locales/labels.js': `/** Every text the plugin shows, in both languages duban speaks. */
export const labels = {
  title: { 'zh-CN': '${id} 科室插件', en: '${id} department plugin' },
  department: { 'zh-CN': '${id} 科室', en: '${id} department' },
  checkTitle: { 'zh-CN': '科室自查', en: 'Department check' },
  passed: { 'zh-CN': '是否合格', en: 'Passed' },
  note: { 'zh-CN': '说明', en: 'Note' },
  noteRequired: { 'zh-CN': '不合格时必须填写说明', en: 'a failed check needs a note' },
};
`,
    'tasks/check.js': `import { labels } from '../locales/labels.js';

/**
 * The check form. The engine validates submitted data against \`form\` and then calls
 * \`validate\` for rules across fields; a problem names its field.
 * @type {import('duban').TaskTypeDefinition}
 */
export const checkTask = {
  name: '${id}.check',
  title: labels.checkTitle,
  form: {
    passed: { type: 'boolean', required: true, label: labels.passed },
    note: { type: 'text', label: labels.note, max: 2000 },
  },
  validate(data) {
    return data.passed === false && !data.note ? [{ path: 'note', message: labels.noteRequired.en }] : [];
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
    'test/plugin.test.js': `// Run with: node --test ${id}/
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDuban, importOrg } from 'duban';
import { plugin } from '../index.js';

// Nobody acts who is not in the org: a department and an inspector to test with.
const ORG = \`departments:
  - { id: X, name: { zh-CN: 测试科, en: Test department } }
people:
  - { id: inspector1, name: { zh-CN: 督查, en: Inspector }, roles: [inspector] }
\`;

async function engine() {
  const dir = mkdtempSync(join(tmpdir(), '${id}-'));
  const duban = await createDuban({ db: join(dir, 'test.db'), plugins: [{ source: '${id}', load: () => plugin }] });
  await importOrg(duban.store, ORG, 'org.yaml', 'test-setup', new Date());
  return { duban, done: async () => { await duban.close(); rmSync(dir, { recursive: true, force: true }); } };
}

test('the plugin loads and its chain is registered', async () => {
  const { duban, done } = await engine();
  try {
    assert.deepEqual(duban.plugins.disabled, []);
    assert.equal((await duban.chains.get('${chain}')).spec.version, 1);
  } finally {
    await done();
  }
});

test('a passed check ends the chain; a failed one opens a finding', async () => {
  const { duban, done } = await engine();
  try {
    const ok = await duban.engine.start('${chain}', { department: 'X' }, 'inspector1');
    const passed = await duban.engine.send(ok.id, { type: 'SUBMIT', data: { passed: true } }, 'inspector1');
    assert.equal(passed.instance.status, 'done');

    const bad = await duban.engine.start('${chain}', { department: 'X' }, 'inspector1');
    await assert.rejects(duban.engine.send(bad.id, { type: 'SUBMIT', data: { passed: false } }, 'inspector1'), { code: 'FORM_INVALID' });
    await duban.engine.send(bad.id, { type: 'SUBMIT', data: { passed: false, note: 'dirty' } }, 'inspector1');
    const findings = await duban.findingQueries.list({ department: 'X' });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].category, '${id}.check-failed');
  } finally {
    await done();
  }
});
`,
    'README.md': `# ${id}

A duban department plugin.

- \`index.js\`: the plugin value (\`definePlugin\`): id, version, the engine range it supports,
  its departments, task types and chains.
- \`tasks/check.js\`: the task type \`${id}.check\` (its form and cross-field validation).
- \`chains/${chain}.yaml\`: the chain \`${chain}\`.
- \`locales/labels.js\`: every label in zh-CN and en.
- \`test/plugin.test.js\`: run with \`node --test ${id}/\`.

Check it with \`npx duban plugins doctor\`. Raise \`version\` in the chain file whenever
its behaviour changes: running instances stay on the version they started on.
See docs/plugins.md in the duban repository for the whole contract.
`,
  };
}
