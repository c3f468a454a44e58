import { inject, injectable } from 'tsyringe';
import type { Clock } from '../clock/Clock.js';
import { TOKENS } from '../container/tokens.js';
import { DubanError } from '../errors/DubanError.js';
import type { Localized } from '../i18n/Localized.js';
import type { Store } from '../store/Store.js';

/** A message in a person's inbox. */
export interface InboxMessage {
  readonly id: string;
  readonly message: Localized;
  readonly instanceId: string | null;
  readonly scheduleId: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** Options of {@link InboxService.list}. */
export interface InboxListOptions {
  /** Read messages too. Default: unread only. */
  readonly all?: boolean;
  /** Default 200. */
  readonly limit?: number;
}

/** Each person's inbox of notifications: list, mark read. */
@injectable()
export class InboxService {
  constructor(
    @inject(TOKENS.Store) private readonly store: Store,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** A person's messages, newest first. */
  async list(person: string, options: InboxListOptions = {}): Promise<InboxMessage[]> {
    let query = this.store.db.selectFrom('inbox').selectAll().where('person_id', '=', person);
    if (!options.all) query = query.where('read_at', 'is', null);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 200).execute();
    return rows.map((r) => ({
      id: r.id,
      message: { 'zh-CN': r.message_zh, en: r.message_en },
      instanceId: r.instance_id,
      scheduleId: r.schedule_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    }));
  }

  /** How many messages, read or not, a person has: it grows with every delivery. */
  async size(person: string): Promise<number> {
    const row = await this.store.db.selectFrom('inbox').select((eb) => eb.fn.countAll().as('n')).where('person_id', '=', person).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** How many unread messages a person has. */
  async unreadCount(person: string): Promise<number> {
    const row = await this.store.db
      .selectFrom('inbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('person_id', '=', person)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Marks one of the person's messages read (again is a no-op).
   *
   * @throws DubanError `NOT_FOUND` when the person has no message with that id.
   */
  async markRead(person: string, id: string): Promise<void> {
    const row = await this.store.db.selectFrom('inbox').select('read_at').where('id', '=', id).where('person_id', '=', person).executeTakeFirst();
    if (!row) throw new DubanError('NOT_FOUND', `${person} has no inbox message "${id}"`, { place: { argument: '--read' } });
    if (row.read_at) return;
    await this.store.db.updateTable('inbox').set({ read_at: this.clock.now().toISOString() }).where('id', '=', id).where('read_at', 'is', null).execute();
  }
}
