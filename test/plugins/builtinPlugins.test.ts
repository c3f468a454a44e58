import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandGroupOf } from '../../core/plugin/commandGroup.js';
import { pickDefinition } from '../../core/plugin/pickDefinition.js';
import type { PluginDefinition } from '../../core/plugin/PluginDefinition.js';
import { builtinPlugins } from '../../plugins/index.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

// A YAML slip in a shipped chain disables its whole plugin at start-up; this keeps that
// from reaching a release unnoticed.
describe.each(DIALECTS)('built-in plugins on %s', (dialect) => {
  let duban: TestDuban;
  beforeAll(async () => {
    duban = await startTestDuban(dialect);
  });
  afterAll(async () => duban?.dispose());

  it('all load, and all five supervision chains are registered', async () => {
    expect(duban.plugins.disabled).toEqual([]);
    expect(duban.plugins.loaded.map((p) => p.id).sort()).toEqual(['medtech', 'quality-office', 'tb-lab']);
    const chains = (await duban.chains.list()).map((c) => c.id);
    for (const id of ['discipline-check', 'duty-post-inspection', 'sputum-slide-qc', 'training-session', 'corrective-meeting', 'finding']) {
      expect(chains).toContain(id);
      // Each compiles against the loaded task types.
      expect((await duban.chains.get(id)).spec.id).toBe(id);
    }
  });
});

// The CLI skips loading a built-in plugin whose declared group is not the one running;
// a declaration that drifted from the plugin would hide its commands or let another take them.
describe('built-in plugins declare their command group truly', () => {
  it.each(builtinPlugins.map((c) => [c.source, c] as const))('%s', async (_source, candidate) => {
    const definition = pickDefinition(await candidate.load()) as PluginDefinition;
    expect(candidate.commandGroup).not.toBeUndefined();
    expect(candidate.commandGroup).toBe(commandGroupOf(definition) ?? null);
  });
});
