import { systemActor } from '../actor/Actor.js';
import { ACTIVITY_DONE_EVENT } from '../kernel/ChainTypes.js';
import type { OutboxHandler } from '../runtime/OutboxHandler.js';
import type { FindingService, OpenFindingInput } from './FindingService.js';

/**
 * The outbox kinds the findings module answers:
 * - `openFinding`, the chain effect: opens a finding whose id derives from the outbox id,
 *   so a retried row finds it already open;
 * - `findings.escalate`, the SLA breach of an open step: one level up, or flagged at the top;
 * - `findings.recheck`, the effectiveness re-check after closing;
 * - `findings.adopt-actions`, a corrective meeting's agreed actions, which become the
 *   finding's own (the meeting's outbox row names the finding).
 */
export function findingOutboxHandlers(findings: FindingService): [string, OutboxHandler][] {
  const open: OutboxHandler = async (job) => {
    const p = job.payload as Record<string, unknown>;
    const title = p.title;
    const input: OpenFindingInput = {
      department: String(p.department),
      subject: String(p.subject),
      subjectKind: (p.subjectKind as OpenFindingInput['subjectKind']) ?? 'department',
      category: String(p.category),
      severity: p.severity as OpenFindingInput['severity'],
      title: typeof title === 'object' && title ? String((title as Record<string, unknown>)['zh-CN']) : String(title ?? p.category),
      titleEn: typeof title === 'object' && title ? String((title as Record<string, unknown>).en) : undefined,
      details: p.data && typeof p.data === 'object' ? (p.data as Record<string, unknown>) : undefined,
      source: job.instanceId ?? undefined,
      escalateNow: p.escalateNow === true,
    };
    await findings.open(input, systemActor('chain'), { id: `f-${job.id.slice(2)}` });
  };
  // Both answer with an event, which the outbox sends in the transaction that marks the
  // row done: a retried row can never escalate twice.
  const escalate: OutboxHandler = async (job) => ({
    event: await findings.escalationEvent(job.instanceId!, String((job.payload as { reason?: string }).reason ?? 'overdue')),
  });
  const recheck: OutboxHandler = async (job) => ({ event: await findings.recheckEvent(job.instanceId!) });
  // The meeting hears back whether its actions are now the finding's (task.done, which only the engine sends).
  const adopt: OutboxHandler = async (job) => {
    const p = job.payload as { findingId?: string; actions?: Parameters<FindingService['adoptActions']>[2] };
    const adopted = await findings.adoptActions(String(p.findingId), job.instanceId ?? '', p.actions ?? []);
    return { event: { type: ACTIVITY_DONE_EVENT, data: adopted ? { adopted: true } : { adopted: false, actions: p.actions ?? [] } } };
  };
  return [
    ['openFinding', open],
    ['findings.adopt-actions', adopt],
    ['findings.escalate', escalate],
    ['findings.recheck', recheck],
  ];
}
