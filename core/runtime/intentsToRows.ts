import { DubanError } from '../errors/DubanError.js';
import type { Db } from '../store/Store.js';
import { armTimer, cancelTimer } from '../timers/timerRows.js';
import { enqueueOutbox } from './enqueueOutbox.js';
import type { EffectIntent } from '../kernel/compileChain.js';
import { addDuration, isIsoDuration } from '../kernel/duration.js';

/** Owner lookup for an activity's task type, so its outbox row names the plugin. */
export type TaskOwner = (task: string) => string | undefined;


/**
 * Writes the rows a transition's intents ask for, inside the event's transaction:
 * timer rows (armed with their absolute due instant, cancelled by key) and outbox rows
 * (notify, start a chain, open a finding, run an activity). Returns the outbox ids.
 */
export async function intentsToRows(
  trx: Db,
  instanceId: string,
  intents: readonly EffectIntent[],
  at: Date,
  taskOwner: TaskOwner,
  zone: string,
): Promise<string[]> {
  const outboxIds: string[] = [];
  for (const intent of intents) {
    switch (intent.kind) {
      case 'armTimer': {
        await armTimer(trx, { instanceId, key: intent.key, event: intent.event, dueAt: dueInstant(intent, at, zone), at });
        break;
      }
      case 'cancelTimer':
        await cancelTimer(trx, instanceId, intent.key, at);
        break;
      case 'skip':
        break;
      case 'activity':
      case 'effect': {
        const { kind, payload } = outboxKind(intent);
        const pluginId = (intent.kind === 'activity' ? taskOwner(intent.task) : taskOwner(kind)) ?? null;
        outboxIds.push(await enqueueOutbox(trx, { instanceId, kind, payload, pluginId, at }));
        break;
      }
    }
  }
  return outboxIds;
}

function dueInstant(intent: Extract<EffectIntent, { kind: 'armTimer' }>, at: Date, zone: string): Date {
  // An empty optional field is no deadline (forms treat '' as missing): fall back to `after`.
  if (intent.at !== undefined && intent.at !== null && intent.at !== '') {
    const due = new Date(String(intent.at));
    if (Number.isNaN(due.getTime())) {
      throw new DubanError('INPUT_INVALID', `timer ${intent.key}: "at" resolved to "${String(intent.at)}", not an instant`, {
        place: { path: intent.key },
      });
    }
    return due;
  }
  if (typeof intent.after !== 'string' || !isIsoDuration(intent.after)) {
    throw new DubanError('INPUT_INVALID', `timer ${intent.key}: "after" resolved to "${String(intent.after)}", not an ISO 8601 duration`, {
      place: { path: intent.key },
    });
  }
  return addDuration(at, intent.after, zone);
}

// A `call` effect is routed to the handler it names; the others by their effect name.
function outboxKind(intent: Extract<EffectIntent, { kind: 'activity' | 'effect' }>): { kind: string; payload: unknown } {
  if (intent.kind === 'activity') return { kind: 'activity', payload: intent };
  const effect = intent.effect as Record<string, unknown>;
  if ('call' in intent.effect) return { kind: intent.effect.call.handler, payload: intent.effect.call.with ?? {} };
  const kind = Object.keys(effect).find((k) => k !== 'when')!;
  return { kind, payload: effect[kind] };
}
