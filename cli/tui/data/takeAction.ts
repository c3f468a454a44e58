import type { Actor } from '../../../core/actor/Actor.js';
import type { Duban } from '../../../core/container/createDuban.js';
import type { ActionKind, RootCauseCategory } from '../../../core/findings/Finding.js';
import { dueInstant } from '../model/dueInstant.js';
import type { FindingAction } from '../model/findingPermissions.js';
import type { ActionInput } from './TuiData.js';

/**
 * Sends one finding action through FindingService as `actor`, so the engine checks the
 * rule, validates the data (a root cause's category, an action's kind) and writes the
 * audit row exactly as for the CLI.
 */
export async function takeAction(duban: Duban, actor: Actor, action: FindingAction, id: string, input: ActionInput): Promise<unknown> {
  const f = duban.findings;
  const text = input.text ?? '';
  switch (action) {
    case 'ack':
      return f.ack(id, actor);
    case 'rootCause':
      return f.rootCause(id, actor, { category: input.category as RootCauseCategory, text });
    case 'plan':
      return f.plan(id, actor, { text, owner: input.owner ?? '', due: input.due ?? '', ...(input.kind ? { kind: input.kind as ActionKind } : {}) });
    case 'requestExtension':
      return f.requestExtension(id, actor, input.due ?? '', text);
    case 'grantExtension':
      return f.grantExtension(id, actor);
    case 'refuseExtension':
      return f.refuseExtension(id, actor, text);
    case 'setDue':
      return f.setDue(id, actor, dueInstant(input.due ?? '', duban.settings.timeZone), text);
    case 'done':
      return f.actionDone(id, actor, input.actionId ?? '', input.text);
    case 'evidence':
      return f.evidence(id, actor, text);
    case 'submitFinding':
      return f.submit(id, actor);
    case 'note':
      return f.note(id, actor, text);
    case 'assign':
      return f.assign(id, actor, input.person ?? '');
    case 'escalate':
      return f.escalate(id, actor, text);
    case 'reject':
      return f.reject(id, actor, text);
    case 'close':
      return f.close(id, actor, text);
    case 'reopen':
      return f.reopen(id, actor, text);
  }
}
