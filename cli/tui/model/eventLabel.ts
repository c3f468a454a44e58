import { en } from '../i18n/locales/en.js';
import type { Translate } from '../i18n/tuiText.js';

const KNOWN = new Set(Object.keys(en.event));

/**
 * A timeline event in the UI's words: the finding chain's events by name (`ACK` is
 * "acknowledged"), a step's own timer (`timer.acknowledged.sla`) as the deadline passing,
 * a refusal as what was refused; an event of another chain stays as it is written.
 */
export function eventLabel(type: string, t: Translate): string {
  if (type.startsWith('denied:')) return t('event.denied', { event: eventLabel(type.slice('denied:'.length), t) });
  if (type.startsWith('timer.')) return t(type.endsWith('.sla') ? 'event.sla' : 'event.timer');
  return KNOWN.has(type) ? t(`event.${type}`) : type;
}

/** Who acted, in the UI's words: a person's name, or the engine's own parts (`system:timer`) as the system. */
export function actorLabel(actor: string, personName: (id: string) => string, t: Translate): string {
  return actor === 'system' || actor.startsWith('system:') ? t('event.system') : personName(actor);
}
