import * as z from '../util/zod.js';
import { DubanError } from '../errors/DubanError.js';
import type { Localized } from '../i18n/Localized.js';

/** Where a notification goes. */
export type NotifyChannel = 'inbox' | 'webhook' | 'log';

/** The channels, for validation and help texts. */
export const NOTIFY_CHANNELS: readonly NotifyChannel[] = ['inbox', 'webhook', 'log'];

/**
 * Who a notification is for: a person; or the active people holding a role, within a
 * department (and the departments below it) when one is named; or everyone active in a
 * department.
 */
export interface NotifyTarget {
  readonly person?: string;
  readonly role?: string;
  readonly department?: string;
}

/**
 * The payload of an outbox row of kind `notify`: the chain effect `notify` as the engine
 * resolved it, or a schedule's reminder. `schedule` names the schedule that sent it.
 */
export interface Notification {
  readonly to: NotifyTarget;
  readonly message: Localized;
  /** Default: the config's `notify.defaultChannels`, else inbox and log. */
  readonly channels?: readonly NotifyChannel[];
  readonly schedule?: string;
}

const text = z.string().check(z.minLength(1));

/** The schema of a notify target; one of person, role or department is required. */
export const notifyTargetSchema = z
  .strictObject({ person: z.optional(text), role: z.optional(text), department: z.optional(text) })
  .check(z.refine((t) => t.person !== undefined || t.role !== undefined || t.department !== undefined, 'name a person, a role or a department'));

/** The schema of a {@link Notification}. */
export const notificationSchema = z.object({
  to: notifyTargetSchema,
  message: z.strictObject({ 'zh-CN': text, en: text }),
  channels: z.optional(z.array(z.enum(['inbox', 'webhook', 'log'])).check(z.minLength(1))),
  schedule: z.optional(text),
});

/**
 * Reads an outbox payload as a notification.
 *
 * @throws DubanError `INPUT_INVALID` naming the field, when a chain resolved a reference
 * to something that is not a person, role or text.
 */
export function parseNotification(payload: unknown): Notification {
  const parsed = notificationSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.') || '(payload)';
    throw new DubanError('INPUT_INVALID', `notify.${path}: ${issue.message}`, { place: { path: `notify.${path}` } });
  }
  return parsed.data;
}
