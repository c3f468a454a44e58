import { createHmac } from 'node:crypto';

/**
 * Adds DingTalk's 加签 parameters to a robot URL: `timestamp` (ms) and `sign`, the
 * Base64 HMAC-SHA256 of `timestamp + "\n" + secret` keyed by the secret. DingTalk refuses
 * a timestamp more than an hour from its own clock, so callers pass the real time, not a
 * simulated one.
 */
export function signDingTalkUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}
