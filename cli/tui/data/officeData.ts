import type { Actor } from '../../../core/actor/Actor.js';
import type { Duban } from '../../../core/container/createDuban.js';
import type { OpenFindingInput } from '../../../core/findings/FindingService.js';
import type { FormSpec } from '../../../core/kernel/formFields.js';
import type { StartableChain, TuiData } from './TuiData.js';

/** The chain FindingService owns: a finding is opened through it (due date, assignee), never started bare. */
const FINDING_CHAIN = 'finding';

/**
 * The office's actions outside a finding, on a running engine as `actor`: opening a
 * finding, starting a chain, pausing a schedule. Each goes through the same core service
 * as the CLI (FindingService, the engine, ScheduleService), which decides again with
 * `can()` and audits a refusal; what is offered is read from `can()` beforehand.
 */
export function officeData(duban: Duban, actor: Actor): Pick<TuiData, 'officeRights' | 'openFinding' | 'startChain' | 'setSchedulePaused'> {
  return {
    officeRights: async () => {
      const chains: StartableChain[] = [];
      // A rule may let a head start a chain for his own department only: asked without
      // input it says no, so it is asked again for his department.
      const department = (await duban.org.person(actor.id))?.departmentId;
      const mayStart = async (chainId: string, version: number): Promise<boolean> =>
        (await duban.access.can(actor, { chainId, version })).allowed ||
        (department !== null && department !== undefined && (await duban.access.can(actor, { chainId, version, input: { department } })).allowed);
      const ids = [...new Set((await duban.chains.list()).map((c) => c.id))].filter((id) => id !== FINDING_CHAIN);
      for (const id of ids) {
        const chain = await duban.chains.get(id);
        if (!(await mayStart(id, chain.spec.version))) continue;
        chains.push({ id, version: chain.spec.version, title: chain.spec.title, input: (chain.spec.input ?? {}) as FormSpec });
      }
      return {
        openFinding: await duban.access.can(actor, { chainId: FINDING_CHAIN }),
        changeSchedules: await duban.access.can(actor, { operation: 'schedules.change' }, 'schedules.change'),
        chains,
      };
    },
    openFinding: (input) => duban.findings.open(input as unknown as OpenFindingInput, actor),
    startChain: async (chain, input) => (await duban.engine.start(chain.id, input, actor, { version: chain.version })).id,
    setSchedulePaused: async (id, paused) => void (paused ? await duban.schedules.pause(id, actor) : await duban.schedules.resume(id, actor)),
  };
}
