import { ENGINE_VERSION } from '../version.js';
import type { WebhookConfig } from './NotifyConfig.js';
import { signDingTalkUrl } from './signDingTalkUrl.js';
import { webhookBody, webhookRefusal, type WebhookMessage } from './webhookPresets.js';

/** The header that carries the outbox id, so a receiver can drop a repeated post. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** How long a post may take when the webhook does not say. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Posts a message to a webhook as JSON, shaped by its preset, with the outbox id in the
 * `Idempotency-Key` header.
 *
 * @throws Error naming the webhook (never its URL: robot URLs hold their key) when the
 * post fails, times out, or the receiver refuses it.
 */
export async function postWebhook(hook: WebhookConfig, message: WebhookMessage): Promise<void> {
  // Real time on purpose: DingTalk checks the signature's timestamp against its clock.
  const url = hook.preset === 'dingtalk' && hook.secret ? signDingTalkUrl(hook.url, hook.secret, Date.now()) : hook.url;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [IDEMPOTENCY_HEADER]: message.id,
        'user-agent': `duban/${ENGINE_VERSION}`,
      },
      body: JSON.stringify(webhookBody(hook, message)),
      signal: AbortSignal.timeout(hook.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new Error(`webhook ${hook.name}: post failed: ${cause}`);
  }
  const body = await response.text().catch(() => '');
  const refusal = webhookRefusal(hook, response.status, body);
  if (refusal) throw new Error(`webhook ${hook.name}: ${refusal}`);
}
