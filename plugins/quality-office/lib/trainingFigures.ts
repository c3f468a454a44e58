import type { TrainingSessionResult } from './trainingSession.js';

/** A figure with its numerator and denominator stated; `rate` is null when the denominator is 0. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

/** The training figures of a set of sessions (a year's plan, say). */
export interface TrainingFigures {
  /** Sessions held / sessions planned; every session listed counts as planned, cancelled ones too. */
  readonly sessionsHeld: Ratio;
  /** Person-times present / person-times expected, over the held sessions. */
  readonly attendance: Ratio;
  /** Passed at the session's own assessment / present and assessed, over the held sessions (first attempt; make-ups excluded). */
  readonly passRate: Ratio;
  /** Distinct people who completed a training (passed at the session or at its make-up) / the yearly target. */
  readonly peopleTrained: Ratio;
  /** Completions counted once per session: a person trained twice counts twice. */
  readonly personTimesTrained: number;
}

/** Options of {@link trainingFigures}. */
export interface TrainingFigureOptions {
  /**
   * The yearly target of people trained. Default: the largest target any session's plan
   * states (plans of one year should agree; the largest never overstates progress).
   */
  readonly yearlyTarget?: number;
}

/** A ratio of two counts. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

/**
 * Who completed one session: present and scored at least the pass mark, or passed its
 * make-up. Empty for a session not held. Pure.
 */
export function trainedPeople(session: TrainingSessionResult): string[] {
  if (session.status !== 'held') return [];
  const present = new Set(session.present);
  const trained = new Set(session.scores.filter((s) => present.has(s.person) && s.score >= session.passMark).map((s) => s.person));
  for (const m of session.makeUp) if (m.passed) trained.add(m.person);
  return [...trained];
}

/**
 * The figures the office reports for training: sessions held against the plan, the
 * attendance rate, the pass rate and people trained against the yearly target. Each
 * is a {@link Ratio}, so a report can state its denominator. Only people on a session's
 * expected list count towards its attendance (the sign-in form refuses others). Pure.
 *
 * @example
 * trainingFigures([heldSession, cancelledSession], { yearlyTarget: 200 }).sessionsHeld
 * // { numerator: 1, denominator: 2, rate: 0.5 }
 */
export function trainingFigures(sessions: readonly TrainingSessionResult[], options: TrainingFigureOptions = {}): TrainingFigures {
  const held = sessions.filter((s) => s.status === 'held');
  let expected = 0;
  let present = 0;
  let assessed = 0;
  let passed = 0;
  let personTimes = 0;
  const people = new Set<string>();
  for (const session of held) {
    const roster = new Set(session.expected);
    const signedIn = new Set(session.present.filter((p) => roster.has(p)));
    expected += roster.size;
    present += signedIn.size;
    const scored = new Map(session.scores.filter((s) => signedIn.has(s.person)).map((s) => [s.person, s.score]));
    assessed += scored.size;
    passed += [...scored.values()].filter((score) => score >= session.passMark).length;
    const trained = trainedPeople(session);
    personTimes += trained.length;
    for (const person of trained) people.add(person);
  }
  const targets = sessions.map((s) => s.yearlyTarget).filter((t): t is number => typeof t === 'number');
  const target = options.yearlyTarget ?? (targets.length > 0 ? Math.max(...targets) : 0);
  return {
    sessionsHeld: ratio(held.length, sessions.length),
    attendance: ratio(present, expected),
    passRate: ratio(passed, assessed),
    peopleTrained: ratio(people.size, target),
    personTimesTrained: personTimes,
  };
}
