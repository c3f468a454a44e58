import { inject, injectable } from 'tsyringe';
import { appendAudit } from '../audit/appendAudit.js';
import type { Clock } from '../clock/Clock.js';
import { TOKENS } from '../container/tokens.js';
import { DubanError } from '../errors/DubanError.js';
import type { Store } from '../store/Store.js';

/** An incident: an outbox row that kept failing, waiting for a person. */
export interface Incident {
  readonly id: string;
  readonly instanceId: string | null;
  readonly outboxId: string;
  readonly pluginId: string | null;
  readonly message: string;
  readonly status: 'open' | 'resolved';
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly note: string | null;
}

/**
 * Lists, retries and resolves incidents. Retry puts the failed row back in the outbox
 * with fresh attempts (the incident is resolved as "retried"; a new failure opens a new
 * one). Resolve closes it by hand and abandons the row. Both are audited.
 */
@injectable()
export class IncidentService {
  constructor(
    @inject(TOKENS.Store) private readonly store: Store,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async list(status?: 'open' | 'resolved'): Promise<Incident[]> {
    let query = this.store.db.selectFrom('incidents').selectAll().orderBy('created_at', 'desc');
    if (status) query = query.where('status', '=', status);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      instanceId: r.instance_id,
      outboxId: r.outbox_id,
      pluginId: r.plugin_id,
      message: r.message,
      status: r.status === 'resolved' ? 'resolved' : 'open',
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
      resolvedBy: r.resolved_by,
      note: r.note,
    }));
  }

  /** How many incidents are open and since when the oldest is: one cheap read, for health and the console. */
  async openSummary(): Promise<{ open: number; oldestAt: string | null }> {
    const row = await this.store.db
      .selectFrom('incidents')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('status', '=', 'open')
      .executeTakeFirst();
    return { open: Number(row?.n ?? 0), oldestAt: (row?.oldest as string | null | undefined) ?? null };
  }

  /** @throws DubanError `INCIDENT_NOT_FOUND`, `INCIDENT_NOT_OPEN`. */
  async retry(id: string, actor: string): Promise<void> {
    await this.close(id, actor, 'retried', 'pending');
  }

  /** @throws DubanError `INCIDENT_NOT_FOUND`, `INCIDENT_NOT_OPEN`. */
  async resolve(id: string, actor: string, note: string): Promise<void> {
    await this.close(id, actor, note, 'abandoned');
  }

  private async close(id: string, actor: string, note: string, outboxStatus: 'pending' | 'abandoned'): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.store.db.transaction().execute(async (trx) => {
      const incident = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!incident) throw new DubanError('INCIDENT_NOT_FOUND', `no incident "${id}"`, { place: { argument: id } });
      if (incident.status !== 'open') throw new DubanError('INCIDENT_NOT_OPEN', `incident ${id} is ${incident.status}`, { place: { argument: id } });
      await trx
        .updateTable('incidents')
        .set({ status: 'resolved', resolved_at: now, resolved_by: actor, note })
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('outbox')
        .set({ status: outboxStatus, attempts: 0, next_attempt_at: now, last_error: null })
        .where('id', '=', incident.outbox_id)
        .where('status', '=', 'failed')
        .execute();
      await appendAudit(trx, this.store.dialect, {
        at: now,
        actor,
        instanceId: incident.instance_id,
        chain: null,
        event: outboxStatus === 'pending' ? 'incident.retried' : 'incident.resolved',
        stateBefore: null,
        stateAfter: null,
        data: { incident: id, outbox: incident.outbox_id, note },
      });
    });
  }
}
