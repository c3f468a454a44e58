import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short, time-ordered, URL- and shell-safe id: `prefix-` + 8 characters of time +
 * 6 random characters (Crockford base32). Ordered so lists read in creation order.
 */
export function newId(prefix: string, at: Date = new Date()): string {
  let t = at.getTime();
  let time = '';
  for (let i = 0; i < 8; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(6);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return `${prefix}-${time}${rand}`;
}
