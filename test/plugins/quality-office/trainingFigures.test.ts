import { describe, expect, it } from 'vitest';
import { makeUpList } from '../../../plugins/quality-office/lib/makeUpList.js';
import { summarizeSession } from '../../../plugins/quality-office/lib/summarizeSession.js';
import { trainedPeople, trainingFigures } from '../../../plugins/quality-office/lib/trainingFigures.js';
import type { TrainingSessionResult } from '../../../plugins/quality-office/lib/trainingSession.js';

const base = { topic: 't', kind: 'technical', plannedDate: '2026-03-01', expected: [], present: [], scores: [], passMark: 60, makeUp: [] } as const;

// S1, pass mark 60: a b c d e expected, e absent; a 90, b 59, c 60, d not assessed.
// Make-up: b passes (75), d fails (50), e does not come.
const s1: TrainingSessionResult = {
  ...base,
  status: 'held',
  expected: ['a', 'b', 'c', 'd', 'e'],
  present: ['a', 'b', 'c', 'd'],
  scores: [
    { person: 'a', score: 90 },
    { person: 'b', score: 59 },
    { person: 'c', score: 60 },
  ],
  makeUp: [
    { person: 'b', reason: 'failed', score: 59, attended: true, makeUpScore: 75, passed: true },
    { person: 'd', reason: 'not-assessed', attended: true, makeUpScore: 50, passed: false },
    { person: 'e', reason: 'absent', attended: false, passed: false },
  ],
  yearlyTarget: 10,
};

// S2, pass mark 70: a f g h all present; a 80, f 70, g 40, h 65. Make-up: g passes (72).
const s2: TrainingSessionResult = {
  ...base,
  kind: 'pre-job',
  status: 'held',
  expected: ['a', 'f', 'g', 'h'],
  present: ['a', 'f', 'g', 'h'],
  scores: [
    { person: 'a', score: 80 },
    { person: 'f', score: 70 },
    { person: 'g', score: 40 },
    { person: 'h', score: 65 },
  ],
  passMark: 70,
  makeUp: [
    { person: 'g', reason: 'failed', score: 40, attended: true, makeUpScore: 72, passed: true },
    { person: 'h', reason: 'failed', score: 65, attended: false, passed: false },
  ],
  yearlyTarget: 8,
};

const s3: TrainingSessionResult = { ...base, status: 'cancelled' };
const s4: TrainingSessionResult = { ...base, status: 'planned', plannedDate: '2026-11-01' };

describe('trainingFigures', () => {
  it('matches a hand-computed year', () => {
    // Held 2 of 4 planned. Attendance (4 + 4) / (5 + 4) = 8/9. Passed at the session:
    // S1 a, c of a b c; S2 a, f of a f g h: 4/7. Trained: S1 a c b, S2 a f g: 6
    // person-times, 5 people (a b c f g) against the larger target 10.
    expect(trainingFigures([s1, s2, s3, s4])).toEqual({
      sessionsHeld: { numerator: 2, denominator: 4, rate: 0.5 },
      attendance: { numerator: 8, denominator: 9, rate: 8 / 9 },
      passRate: { numerator: 4, denominator: 7, rate: 4 / 7 },
      peopleTrained: { numerator: 5, denominator: 10, rate: 0.5 },
      personTimesTrained: 6,
    });
  });

  it('takes the yearly target given, and states null rates for empty denominators', () => {
    expect(trainingFigures([s1, s2], { yearlyTarget: 20 }).peopleTrained).toEqual({ numerator: 5, denominator: 20, rate: 0.25 });
    expect(trainingFigures([])).toEqual({
      sessionsHeld: { numerator: 0, denominator: 0, rate: null },
      attendance: { numerator: 0, denominator: 0, rate: null },
      passRate: { numerator: 0, denominator: 0, rate: null },
      peopleTrained: { numerator: 0, denominator: 0, rate: null },
      personTimesTrained: 0,
    });
    expect(trainingFigures([s3, s4]).sessionsHeld).toEqual({ numerator: 0, denominator: 2, rate: 0 });
  });

  it('counts who completed a session: passed there or at its make-up', () => {
    expect(trainedPeople(s1).sort()).toEqual(['a', 'b', 'c']);
    expect(trainedPeople(s2).sort()).toEqual(['a', 'f', 'g']);
    expect(trainedPeople(s3)).toEqual([]);
  });
});

describe('makeUpList', () => {
  it('lists absentees, failures and the unassessed in roster order; the pass mark itself passes', () => {
    expect(
      makeUpList({
        expected: ['e', 'd', 'c', 'b', 'a'],
        present: ['a', 'b', 'c', 'd'],
        scores: [
          { person: 'a', score: 60 },
          { person: 'b', score: 59.9 },
          { person: 'c', score: 100 },
        ],
        passMark: 60,
      }),
    ).toEqual([
      { person: 'e', reason: 'absent' },
      { person: 'd', reason: 'not-assessed' },
      { person: 'b', reason: 'failed', score: 59.9 },
    ]);
  });
});

describe('summarizeSession', () => {
  it('builds the record of a cancelled session from its plan alone', () => {
    const record = summarizeSession({ plan: { topic: '统计培训', kind: 'technical', plannedDate: '2026-05-01', yearlyTarget: 50 } }, 'cancelled');
    expect(record).toEqual({
      topic: '统计培训',
      kind: 'technical',
      plannedDate: '2026-05-01',
      status: 'cancelled',
      expected: [],
      present: [],
      scores: [],
      passMark: 60,
      makeUp: [],
      yearlyTarget: 50,
    });
  });

  it('refuses data without a plan', () => {
    expect(() => summarizeSession({}, 'held')).toThrow(/no valid plan/);
  });
});
