import { recordsOf, stringsOf } from './listValues.js';
import { makeUpList } from './makeUpList.js';
import { DEFAULT_PASS_MARK, TRAINING_KINDS, type MakeUpOutcome, type Score, type TrainingKind, type TrainingSessionResult } from './trainingSession.js';

/**
 * The pass mark a training instance uses: the plan's, else {@link DEFAULT_PASS_MARK}.
 * Pure.
 */
export function passMarkOf(data: Readonly<Record<string, unknown>>): number {
  const plan = (data.plan ?? {}) as Record<string, unknown>;
  return typeof plan.passMark === 'number' ? plan.passMark : DEFAULT_PASS_MARK;
}

/** The scores recorded in a training instance's data (`assessment.scores`). Pure. */
export function scoresOf(data: Readonly<Record<string, unknown>>): Score[] {
  const assessment = (data.assessment ?? {}) as Record<string, unknown>;
  return recordsOf(assessment.scores)
    .filter((s) => typeof s.person === 'string' && typeof s.score === 'number')
    .map((s) => ({ person: s.person as string, score: s.score as number }));
}

/**
 * A training instance's data as a {@link TrainingSessionResult}: the plan, the sign-in,
 * the scores and the make-up results the chain recorded (`plan`, `attendance`,
 * `assessment`, `makeUpResults`). The make-up list is worked out again from the sign-in
 * and the scores, so the record cannot disagree with them. Pure.
 *
 * @param status `held` for an archived session; `planned` or `cancelled` for one that was not held.
 * @throws Error when the data holds no plan of a known kind.
 */
export function summarizeSession(data: Readonly<Record<string, unknown>>, status: TrainingSessionResult['status']): TrainingSessionResult {
  const plan = (data.plan ?? {}) as Record<string, unknown>;
  const attendance = (data.attendance ?? {}) as Record<string, unknown>;
  const passMark = passMarkOf(data);
  if (!TRAINING_KINDS.includes(plan.kind as TrainingKind)) {
    // The plan form allows only these kinds; anything else is not a training instance's data.
    throw new Error(`training data has no valid plan (kind "${String(plan.kind)}")`);
  }
  const kind = plan.kind as TrainingKind;
  const held = status === 'held';
  const expected = held ? stringsOf(attendance.expected) : [];
  const present = held ? stringsOf(attendance.present) : [];
  const scores = held ? scoresOf(data) : [];
  const results = new Map(recordsOf(data.makeUpResults).map((r) => [r.person, r]));
  const makeUp: MakeUpOutcome[] = makeUpList({ expected, present, scores, passMark }).map((task) => {
    const result = results.get(task.person);
    const attended = result?.attended === true;
    const makeUpScore = typeof result?.score === 'number' ? result.score : undefined;
    return { ...task, attended, ...(makeUpScore === undefined ? {} : { makeUpScore }), passed: attended && makeUpScore !== undefined && makeUpScore >= passMark };
  });
  return {
    topic: String(plan.topic ?? ''),
    kind,
    plannedDate: String(plan.plannedDate ?? ''),
    status,
    ...(held && typeof attendance.heldOn === 'string' ? { heldOn: attendance.heldOn } : {}),
    expected,
    present,
    scores,
    passMark,
    makeUp,
    ...(typeof plan.yearlyTarget === 'number' ? { yearlyTarget: plan.yearlyTarget } : {}),
  };
}
