import type { Localized } from '../i18n/Localized.js';
import type { ChainContext } from '../kernel/ChainTypes.js';

/** An instance as readers see it (CLI `instances show`, the TUI). */
export interface InstanceView {
  readonly id: string;
  readonly chainId: string;
  readonly chainVersion: number;
  readonly chainTitle: Localized;
  readonly state: string;
  readonly stateTitle: Localized;
  readonly status: 'active' | 'done';
  readonly revision: number;
  readonly assigneeRole: string | null;
  readonly assigneePerson: string | null;
  readonly departmentId: string | null;
  readonly parentId: string | null;
  readonly task: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly context: ChainContext;
}

/** The outcome of one accepted event. */
export interface SendResult {
  readonly instance: InstanceView;
  readonly from: string;
  readonly to: string;
  readonly auditSeq: number;
}

/** True for actors that are the engine itself (timers, cron, activities), not a person. */
export function isSystemActor(actor: string): boolean {
  return actor === 'system' || actor.startsWith('system:');
}
