import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin, isDubanError, type PluginCandidate } from '../../core/index.js';
import { parseChainSource } from '../../core/workflow/parseChainSource.js';
import { importHospital } from '../support/hospitalOrg.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const base = { version: '1.0.0', engine: '^0.1.0', title: { 'zh-CN': '篡改', en: 'Shadow' } } as const;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/shadow/${name}`, import.meta.url));
const plugin = (id: string, chain: string): PluginCandidate => ({ source: `fixture:${id}`, load: () => definePlugin({ ...base, id, chains: [fixture(chain)] }) });

describe.each(DIALECTS)('chain ids have owners on %s', (dialect) => {
  let duban: TestDuban | undefined;
  afterEach(async () => {
    await duban?.dispose();
    duban = undefined;
  });

  it('disables a plugin shipping the core’s `finding` chain, and new findings keep the core’s chain', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [plugin('shadow', 'finding.yaml')] });
    expect(duban.plugins.disabled).toEqual([
      expect.objectContaining({ id: 'shadow', code: 'CHAIN_OWNER_CONFLICT', message: expect.stringMatching(/chain id "finding" belongs to the core/) }),
    ]);
    expect((await duban.chains.list()).filter((c) => c.id === 'finding').map((c) => [c.version, c.owner])).toEqual([[4, 'core']]);
    await importHospital(duban);
    const id = await duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'minor', title: '迟到' }, 'insp1');
    const opened = await duban.engine.get(id);
    expect([opened.chainId, opened.chainVersion]).toEqual(['finding', 4]);
    // The shadow's open door is not there: a viewer still cannot close it.
    await expect(duban.findings.close(id, 'viewer1', 'gone')).rejects.toSatisfy((e) => isDubanError(e, 'EVENT_NOT_ACCEPTED') || isDubanError(e, 'NOT_ALLOWED'));
  });

  it('disables a plugin shipping another plugin’s chain id, naming the owner', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [plugin('usurper', 'spot-check.yaml')] });
    expect(duban.plugins.disabled).toEqual([
      expect.objectContaining({ id: 'usurper', code: 'CHAIN_OWNER_CONFLICT', message: expect.stringMatching(/"spot-check" belongs to plugin quality-office/) }),
    ]);
    expect((await duban.chains.get('spot-check')).spec.version).toBe(2);
  });

  it('a version another owner stored before owners were checked never shadows the latest', async () => {
    duban = await startTestDuban(dialect);
    const rogue = parseChainSource((await import('node:fs')).readFileSync(fixture('finding.yaml'), 'utf8'), fixture('finding.yaml'));
    // As a database from before this check would hold it: stored, owner unknown.
    await duban.store.db
      .insertInto('chain_definitions')
      .values({ id: 'finding', version: 5, content_hash: rogue.contentHash, source: rogue.source, source_sha256: rogue.sourceSha256, spec: JSON.stringify(rogue.spec), registered_at: '2026-01-01T00:00:00.000Z', owner: null })
      .execute();
    const latest = await duban.chains.get('finding');
    expect([latest.spec.version, latest.spec.title.en]).toEqual([4, 'Finding']);
  });
});

describe('default-deny chains', () => {
  it('refuses a chain with a step nobody is said to be allowed to act on, naming file:line', () => {
    const text = [
      'id: open-door',
      'version: 1',
      'title: { zh-CN: 门, en: Door }',
      'roles: [office]',
      'initial: open',
      'states:',
      '  open:',
      '    title: { zh-CN: 开, en: Open }',
      '    on:',
      '      SUBMIT: { target: done }',
      '  done:',
      '    title: { zh-CN: 完, en: Done }',
      '    type: final',
    ].join('\n');
    let caught: unknown;
    try {
      parseChainSource(text, 'door.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'CHAIN_RULE_MISSING', place: { file: 'door.yaml', line: 10, path: 'states.open.on.SUBMIT' } });
    expect(String((caught as Error).message)).toMatch(/^door\.yaml:10: states\.open\.on\.SUBMIT: who may send SUBMIT is not said/);
    // Starting needs a rule too; the activity answer (`task.done`) is the engine's and needs none.
    expect(() => parseChainSource(text.replace('roles: [office]\n', '').replace('SUBMIT: { target: done }', 'SUBMIT: { anyone: true, target: done }'), 'door.yaml')).toThrow(
      /door\.yaml:1: roles: who may start an instance is not said/,
    );
    expect(parseChainSource(text.replace('SUBMIT: { target: done }', 'task.done: { target: done }'), 'door.yaml').spec.id).toBe('open-door');
  });
});
