import type { Localized } from '../i18n/Localized.js';
import type { NotifyTarget } from './Notification.js';
import type { WebhookConfig } from './NotifyConfig.js';
import type { Recipient } from './resolveRecipients.js';

/** What a webhook post says, before a preset shapes it. */
export interface WebhookMessage {
  /** The outbox row id: also sent as the `Idempotency-Key` header. */
  readonly id: string;
  readonly at: string;
  readonly to: NotifyTarget;
  readonly recipients: readonly Recipient[];
  readonly message: Localized;
  readonly instanceId: string | null;
  readonly schedule: string | null;
}

/** WeCom's limit on `text.content` is 2048 bytes of UTF-8; stay under it. */
export const ROBOT_CONTENT_MAX_BYTES = 2000;

/**
 * The JSON body of a post, by preset:
 * - `json`: `{ id, at, to, recipients: [{ id, name: { zh-CN, en } }], message: { zh-CN, en }, instanceId, schedule }`.
 * - `wecom` (企业微信群机器人): `{ msgtype: "text", text: { content } }`.
 * - `dingtalk` (钉钉自定义机器人): `{ msgtype: "text", text: { content }, at: { atMobiles: [], atUserIds: [], isAtAll: false } }`.
 *
 * Robot text is the Chinese message, then the English one, then who it is for; the
 * configured keyword first when there is one.
 */
export function webhookBody(hook: WebhookConfig, message: WebhookMessage): unknown {
  const preset = hook.preset ?? 'json';
  if (preset === 'json') {
    return {
      id: message.id,
      at: message.at,
      to: message.to,
      recipients: message.recipients.map((r) => ({ id: r.id, name: { 'zh-CN': r.nameZh, en: r.nameEn } })),
      message: message.message,
      instanceId: message.instanceId,
      schedule: message.schedule,
    };
  }
  const content = robotText(hook.keyword, message);
  if (preset === 'wecom') return { msgtype: 'text', text: { content } };
  return { msgtype: 'text', text: { content }, at: { atMobiles: [], atUserIds: [], isAtAll: false } };
}

/**
 * Reads a webhook's answer. Any non-2xx status fails; the robots also answer HTTP 200
 * with `{ "errcode": n, "errmsg": "..." }`, where a non-zero errcode is a failure too.
 *
 * @returns undefined when accepted, else why not.
 */
export function webhookRefusal(hook: WebhookConfig, status: number, body: string): string | undefined {
  if (status < 200 || status > 299) return `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`;
  if ((hook.preset ?? 'json') === 'json') return undefined;
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return `HTTP ${status} with a body that is not JSON: ${body.slice(0, 200)}`;
  }
  if (answer.errcode !== 0) return `errcode ${String(answer.errcode)}: ${String(answer.errmsg ?? '')}`;
  return undefined;
}

function robotText(keyword: string | undefined, message: WebhookMessage): string {
  const names = message.recipients.map((r) => r.nameZh).join('、');
  const lines = [keyword, message.message['zh-CN'], message.message.en, names ? `提醒对象 To: ${names}` : undefined];
  return truncateUtf8(lines.filter((l): l is string => Boolean(l)).join('\n'), ROBOT_CONTENT_MAX_BYTES);
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  // By code point, so a Chinese character is never cut in half.
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}
