import { describe, expect, it } from 'vitest';
import { findingActorLabel, findingEventLabel } from '../../core/findings/findingEventLabel.js';
import { LANGUAGES } from '../../core/i18n/Localized.js';
import { findingChain } from '../../core/kernel/findingChain.js';

const steps = Object.entries(findingChain.states) as [string, { on?: object; sla?: object; timers?: object }][];

describe('the finding timeline in words', () => {
  it('labels every event of every step of the finding chain, and its start, in both languages', () => {
    const events = new Set(['start', ...steps.flatMap(([, s]) => Object.keys(s.on ?? {}))]);
    for (const lang of LANGUAGES) {
      for (const event of events) {
        const label = findingEventLabel(event, lang);
        expect(label, `${lang} ${event}`).not.toBe(event);
        expect(label, `${lang} ${event}`).not.toMatch(/findingEvent|[A-Z]{2,}/);
      }
    }
  });

  it('says a step’s deadline passing with the step’s name, and the re-check falling due', () => {
    const timers = steps.flatMap(([id, s]) => [...(s.sla ? [`timer.${id}.sla`] : []), ...Object.keys(s.timers ?? {}).map((name) => `timer.${id}.${name}`)]);
    expect(timers).toContain('timer.acknowledged.sla');
    for (const lang of LANGUAGES) for (const timer of timers) expect(findingEventLabel(timer, lang), timer).not.toMatch(/timer|定时|\./);
    expect(findingEventLabel('timer.acknowledged.sla', 'zh-CN')).toBe('“已确认”期限已过');
    expect(findingEventLabel('timer.acknowledged.sla', 'en')).toBe('the deadline of “Acknowledged” passed');
    expect(findingEventLabel('timer.closed.recheck', 'en')).toBe('effectiveness re-check due');
    expect(findingEventLabel('denied:CLOSE', 'zh-CN')).toBe('被拒绝：销号');
  });

  it('calls the engine’s own parts the system, and people by name', () => {
    expect(findingActorLabel('system:timer', () => 'x', 'zh-CN')).toBe('系统');
    expect(findingActorLabel('system:chain', () => 'x', 'en')).toBe('system');
    expect(findingActorLabel('office1', () => '王质控', 'zh-CN')).toBe('王质控');
  });
});
