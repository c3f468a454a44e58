import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin, isDubanError, parseChainSource } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const chainFile = (name: string) => fileURLToPath(new URL(`../fixtures/chains/${name}`, import.meta.url));

describe.each(DIALECTS)('registering chains on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  const registeredIds = async () =>
    (await duban.store.db.selectFrom('chain_definitions').select(['id', 'version']).orderBy('id').execute()).map((r) => `${r.id}@${Number(r.version)}`);

  it('a plugin shipping one invalid chain is disabled and none of its chains is registered', async () => {
    const halfBad = definePlugin({
      id: 'half-bad',
      version: '1.0.0',
      engine: '^0.1.0',
      title: { 'zh-CN': '半坏', en: 'Half bad' },
      chains: [chainFile('valid-minimal.yaml'), chainFile('unknown-task-type.yaml')],
    });
    duban = await startTestDuban(dialect, { extraPlugins: [{ source: 'fixture:half-bad', load: () => halfBad }] });
    expect(duban.plugins.disabled).toEqual([
      expect.objectContaining({ source: 'fixture:half-bad', id: 'half-bad', code: 'CHAIN_INVALID', message: expect.stringMatching(/^plugin half-bad disabled: .*states\.open\.task/) }),
    ]);
    const ids = await registeredIds();
    expect(ids).toContain('spot-check@2');
    expect(ids.filter((id) => id.startsWith('fixture-'))).toEqual([]);
    expect(duban.plugins.loaded.map((p) => p.id)).toContain('quality-office');
  });

  it('register() refuses an unknown task type and a changed version without writing', async () => {
    duban = await startTestDuban(dialect);
    const before = await registeredIds();
    const unknownTask = parseChainSource(readFileSync(chainFile('unknown-task-type.yaml'), 'utf8'), 'unknown-task-type.yaml');
    await expect(duban.chains.register(unknownTask, duban.clock.now())).rejects.toSatisfy((e) => isDubanError(e, 'CHAIN_INVALID'));
    expect(await registeredIds()).toEqual(before);

    const valid = parseChainSource(readFileSync(chainFile('valid-minimal.yaml'), 'utf8'), 'valid-minimal.yaml');
    expect(await duban.chains.register(valid, duban.clock.now())).toBe(true);
    // The same id@version with the same content is a no-op; with other content, a coded refusal.
    expect(await duban.chains.register(valid, duban.clock.now())).toBe(false);
    const changed = parseChainSource(readFileSync(chainFile('valid-minimal.yaml'), 'utf8').replace('PT4H', 'PT5H'), 'changed.yaml');
    await expect(duban.chains.register(changed, duban.clock.now())).rejects.toSatisfy((e) => isDubanError(e, 'CHAIN_VERSION_CONFLICT'));
    expect(await registeredIds()).toEqual([...before, 'fixture-valid@1'].sort());
  });

  it('an instance stays on the version it started with when a new version arrives', async () => {
    duban = await startTestDuban(dialect);
    const text = readFileSync(chainFile('valid-minimal.yaml'), 'utf8');
    await duban.chains.register(parseChainSource(text, 'v1.yaml'), duban.clock.now());
    const onV1 = await duban.engine.start('fixture-valid', {}, 'alice');
    const v2 = text.replace('version: 1', 'version: 2').replace('target: closed', 'target: reopened').replace(
      '  closed:',
      '  reopened:\n    title: { zh-CN: 重开, en: Reopened }\n    type: final\n  closed:',
    );
    await duban.chains.register(parseChainSource(v2, 'v2.yaml'), duban.clock.now());
    const onV2 = await duban.engine.start('fixture-valid', {}, 'alice');
    expect([onV1.chainVersion, onV2.chainVersion]).toEqual([1, 2]);
    expect((await duban.engine.send(onV1.id, { type: 'DONE' }, 'alice')).to).toBe('closed');
    expect((await duban.engine.send(onV2.id, { type: 'DONE' }, 'alice')).to).toBe('reopened');
  });
});
