import * as z from '../util/zod.js';
import { DubanError } from '../errors/DubanError.js';
import { notifyTargetSchema } from '../notify/Notification.js';
import { compileFiringCron, type CronClock } from './cronClock.js';
import { checkRandomWindow } from './randomWindow.js';
import { MISSED_RUN_POLICIES, type ScheduleAction, type ScheduleInput } from './ScheduleTypes.js';

/** The largest catch-up cap: a catch-up fires its occurrences in one transaction. */
export const MAX_CATCH_UP_CAP = 500;

/** The catch-up cap when none is given. */
export const DEFAULT_CATCH_UP_CAP = 10;

const text = z.string().check(z.minLength(1));
const localized = z.strictObject({ 'zh-CN': text, en: text });
const channels = z.optional(z.array(z.enum(['inbox', 'webhook', 'log'])).check(z.minLength(1)));

const actionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('startChain'), chain: text, input: z.optional(z.record(z.string(), z.unknown())) }),
  z.strictObject({ kind: z.literal('remind'), to: notifyTargetSchema, message: localized, channels }),
  z.strictObject({ kind: z.literal('overdueDigest'), to: notifyTargetSchema, department: z.optional(text), channels }),
]);

const inputSchema = z.strictObject({
  id: z.optional(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'letters, digits, _ and -, starting with a letter'))),
  name: localized,
  cron: text,
  timeZone: z.optional(text),
  action: actionSchema,
  window: z.optional(z.strictObject({ from: z.string(), to: z.string() })),
  missedPolicy: z.optional(z.enum(MISSED_RUN_POLICIES as ['skip', 'once', 'all'])),
  catchUpCap: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_CATCH_UP_CAP))),
  paused: z.optional(z.boolean()),
});

/** A schedule input with its defaults filled in and its cron expression compiled. */
export interface ParsedScheduleInput {
  readonly input: ScheduleInput & Required<Pick<ScheduleInput, 'timeZone' | 'missedPolicy' | 'catchUpCap'>>;
  readonly action: ScheduleAction;
  readonly clock: CronClock;
}

/**
 * Validates a schedule definition: its shape, the time zone, the cron expression (which
 * must fire at least once after `now`), the window. The chain of a `startChain` action
 * is checked by the service, which can read the registry.
 *
 * @throws DubanError `INPUT_INVALID` naming the field (`cron`, `timeZone`, `window.from`,
 * `action.to`...).
 */
export function parseScheduleInput(raw: unknown, defaultTimeZone: string, now: Date): ParsedScheduleInput {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.') || '(schedule)';
    throw new DubanError('INPUT_INVALID', `${path}: ${issue.message}`, { place: { path } });
  }
  const value = parsed.data;
  const timeZone = value.timeZone ?? defaultTimeZone;
  const clock = compileFiringCron(value.cron, timeZone, now);
  const window = value.window ? checkRandomWindow(value.window) : undefined;
  const input = {
    ...value,
    cron: clock.expression,
    timeZone,
    window,
    missedPolicy: value.missedPolicy ?? 'once',
    catchUpCap: value.catchUpCap ?? DEFAULT_CATCH_UP_CAP,
  };
  return { input, action: value.action, clock };
}
