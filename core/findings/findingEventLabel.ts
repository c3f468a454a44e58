import { translate } from '../i18n/i18n.js';
import type { Language } from '../i18n/Localized.js';
import { en } from '../i18n/locales/en.js';
import { findingChain } from '../kernel/findingChain.js';

const KNOWN = new Set(Object.keys(en.findingEvent));
const REASONS = new Set(Object.keys(en.findingEvent.reason));
const STEPS: Readonly<Record<string, { readonly title: Readonly<Record<Language, string>> }>> = findingChain.states;

/**
 * A finding's timeline event in people's words, for `findings show` and the console alike:
 * the finding chain's events by name (`ACK` is "acknowledged"), a step's deadline timer
 * (`timer.acknowledged.sla`) as that step's deadline passing, the re-check timer as the
 * re-check falling due, a refusal as what was refused. An event of another chain stays
 * as it is written.
 */
export function findingEventLabel(type: string, lang: Language): string {
  if (type.startsWith('denied:')) return translate(lang, 'findingEvent.denied', { event: findingEventLabel(type.slice('denied:'.length), lang) });
  if (type.startsWith('timer.')) {
    const [, step = '', name = ''] = type.split('.');
    if (name === 'sla') return translate(lang, 'findingEvent.sla', { step: STEPS[step]?.title[lang] ?? step });
    if (name === 'recheck') return translate(lang, 'findingEvent.recheck');
    return translate(lang, 'findingEvent.timer', { name });
  }
  return KNOWN.has(type) ? translate(lang, `findingEvent.${type}`) : type;
}

/** Who acted, in people's words: a person's name, or the engine's own parts (`system:timer`) as the system. */
export function findingActorLabel(actor: string, personName: (id: string) => string, lang: Language): string {
  return actor === 'system' || actor.startsWith('system:') ? translate(lang, 'findingEvent.system') : personName(actor);
}

/** A reason in people's words: the engine's own codes (`overdue` from a passed deadline, `recurrence` from the re-check) labelled, a person's reason as written. */
export function findingReasonLabel(reason: string, lang: Language): string {
  return REASONS.has(reason) ? translate(lang, `findingEvent.reason.${reason}`) : reason;
}
