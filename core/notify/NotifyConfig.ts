import * as z from '../util/zod.js';

/**
 * A webhook the `webhook` channel posts to. `preset` shapes the JSON: `json` (duban's
 * own: the notification with its recipients), `wecom` (企业微信 group robot: `msgtype:
 * text`), `dingtalk` (钉钉 custom robot: `msgtype: text`, signed with `secret` when the
 * robot uses 加签). `keyword` is put first in robot messages, for robots whose security
 * setting requires a keyword.
 */
export const webhookConfigSchema = z.strictObject({
  name: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'letters, digits, _ and -, starting with a letter')),
  url: z.url({ protocol: /^https?$/ }),
  preset: z.optional(z.enum(['json', 'wecom', 'dingtalk'])),
  secret: z.optional(z.string().check(z.minLength(1))),
  keyword: z.optional(z.string().check(z.minLength(1))),
  timeoutMs: z.optional(z.number().check(z.int(), z.gte(100), z.lte(120_000))),
});

/** The `notify` section of the config file. */
export const notifyConfigSchema = z
  .strictObject({
    /** Channels of a notification that names none. Default inbox and log. */
    defaultChannels: z.optional(z.array(z.enum(['inbox', 'webhook', 'log'])).check(z.minLength(1))),
    webhooks: z.optional(z.array(webhookConfigSchema)),
  })
  .check(
    z.superRefine((config, ctx) => {
      const seen = new Set<string>();
      (config.webhooks ?? []).forEach((hook, i) => {
        if (seen.has(hook.name)) ctx.addIssue({ code: 'custom', path: ['webhooks', i, 'name'], message: `webhook name "${hook.name}" is used twice` });
        seen.add(hook.name);
      });
    }),
  );

/** The `notify` section of the config file. */
export type NotifyConfig = z.infer<typeof notifyConfigSchema>;

/** One configured webhook. */
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
