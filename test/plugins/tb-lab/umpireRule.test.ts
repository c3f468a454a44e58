import { describe, expect, it } from 'vitest';
import { evaluateSample } from '../../../plugins/tb-lab/lib/evaluateSample.js';
import { finalClassification, isDiscordant } from '../../../plugins/tb-lab/lib/finalClassification.js';

describe('the umpire rule', () => {
  it('keeps the class of a concordant slide and ignores an umpire there', () => {
    expect(finalClassification({ lab: '2+', controller: '1+' })).toEqual({ firstClass: 'correct', finalClass: 'correct', discordant: false, controllerError: false });
    expect(finalClassification({ lab: '2+', controller: '1+', umpire: 'NEG' }).finalClass).toBe('correct');
  });

  it('classifies a discordant slide by the lab against the umpire: the umpire confirms the controller', () => {
    expect(finalClassification({ lab: 'NEG', controller: '2+', umpire: '2+' })).toEqual({
      firstClass: 'HFN',
      finalClass: 'HFN',
      discordant: true,
      controllerError: false,
    });
  });

  it('the umpire sides with the lab: the slide is correct and the error is the controller’s', () => {
    expect(finalClassification({ lab: 'NEG', controller: '1+', umpire: 'NEG' })).toEqual({
      firstClass: 'HFN',
      finalClass: 'correct',
      discordant: true,
      controllerError: true,
    });
  });

  it('the umpire disagrees with both: the final class is still lab against umpire', () => {
    // Lab 1+, controller NEG (HFP), umpire SCANTY: 1+ against SCANTY is correct.
    expect(finalClassification({ lab: '1+', controller: 'NEG', umpire: 'SCANTY' })).toMatchObject({ firstClass: 'HFP', finalClass: 'correct', controllerError: true });
    // Lab SCANTY, controller 3+ (QE), umpire NEG: SCANTY against NEG is LFP.
    expect(finalClassification({ lab: 'SCANTY', controller: '3+', umpire: 'NEG' })).toMatchObject({ firstClass: 'QE', finalClass: 'LFP' });
  });

  it('calls every non-correct pair discordant, quantification errors included', () => {
    expect(isDiscordant('NEG', 'SCANTY')).toBe(true);
    expect(isDiscordant('1+', '3+')).toBe(true);
    expect(isDiscordant('SCANTY', '1+')).toBe(false);
  });

  it('does not judge a sample while a discordant slide lacks its umpire reading', () => {
    const slides = [
      { slide: 'A', lab: 'NEG' as const, controller: 'NEG' as const },
      { slide: 'B', lab: 'NEG' as const, controller: '2+' as const },
    ];
    expect(evaluateSample(slides, 0)).toEqual({ missingUmpire: ['B'] });
  });

  it('counts final classes after the umpire, and the controller errors', () => {
    const result = evaluateSample(
      [
        { slide: 'A', lab: 'NEG', controller: 'NEG' },
        { slide: 'B', lab: 'NEG', controller: '2+', umpire: '2+' },
        { slide: 'C', lab: 'NEG', controller: '1+', umpire: 'NEG' },
        { slide: 'D', lab: '3+', controller: '2+' },
      ],
      0,
    );
    expect('evaluation' in result && result.evaluation).toMatchObject({
      slidesRead: 4,
      counts: { correct: 3, HFN: 1, HFP: 0, LFN: 0, LFP: 0, QE: 0 },
      firstCounts: { correct: 2, HFN: 2 },
      controllerErrors: 1,
      verdict: { passed: false, reasons: ['false-negatives'], majorErrors: 1 },
    });
  });
});
