import type { Kysely } from '../../../core/plugin/index.js';
import { drawSlides } from '../lib/drawSlides.js';
import { lqasSampleSize, periodSampleSize } from '../lib/lqasSampleSize.js';
import { tbError } from '../lib/tbError.js';
import { findRegister, registerSlideIds } from '../store/registerStore.js';
import { createRound, findRound, findRoundOfRegister, type RoundRecord } from '../store/roundStore.js';
import type { TbLabSchema } from '../store/tables.js';

/** What a round's sampling needs: the chain's input, the import form, the activity's seed and time. */
export interface DrawRequest {
  readonly round: string;
  readonly department: string;
  readonly quarter: string;
  readonly register: string;
  readonly annualNegatives?: number;
  readonly positivity?: number;
  readonly sensitivity?: number;
  readonly acceptance?: number;
  readonly confidence?: number;
  readonly recheckDays?: number;
  readonly seed: number;
  readonly now: Date;
}

/** What the chain learns of the draw: sizes and dates, never a slide's result. */
export interface DrawOutcome {
  readonly register: string;
  readonly sampleSize: number;
  readonly annualSampleSize: number;
  readonly annualNegatives: number;
  readonly positivity: number;
  readonly criticalProportion: number;
  readonly acceptance: number;
  readonly seed: number;
  readonly recheckDue: string;
}

/** Rechecking rounds a year: this chain runs per quarter. */
export const PERIODS_PER_YEAR = 4;
const DEFAULT_RECHECK_DAYS = 30;

/**
 * Draws a round's sample from its register: sizes it by LQAS (the yearly plan of
 * {@link lqasSampleSize}, shared over the quarters), then draws that many slides uniformly
 * at random from the whole register, positive and negative alike, with the recorded seed.
 * The WHO/IUATLD guide (2002) sizes the sample on negatives but draws it from all the
 * slides of the register, so positives come in at about the positivity rate and false
 * positives can be found as well.
 *
 * Where the form gives no yearly volume or positivity, they are estimated from the
 * register: negatives × 4 and positives / slides.
 *
 * Idempotent by round: a retried activity finds the round it already drew and returns it.
 *
 * @throws DubanError `INPUT_INVALID` (a problem the chain shows and sends back to the
 * import step): unknown register, register of another lab or quarter, register already
 * sampled, positivity 0, LQAS parameters out of range.
 */
export async function drawRoundSample(db: Kysely<TbLabSchema>, request: DrawRequest): Promise<DrawOutcome> {
  const existing = await findRound(db, request.round);
  if (existing) return outcomeOf(existing);
  const register = await findRegister(db, request.register);
  if (!register) throw tbError('INPUT_INVALID', 'problem.registerNotFound', { register: request.register }, { path: 'data.register' });
  if (register.department !== request.department || register.quarter !== request.quarter) {
    throw tbError(
      'INPUT_INVALID',
      'problem.registerMismatch',
      { register: register.register, registerDepartment: register.department, registerQuarter: register.quarter, department: request.department, quarter: request.quarter },
      { path: 'data.register' },
    );
  }
  const taken = await findRoundOfRegister(db, register.register);
  if (taken) throw tbError('INPUT_INVALID', 'problem.registerTaken', { register: register.register, round: taken.round }, { path: 'data.register' });
  const estimatedPositivity = register.slides === 0 ? 0 : register.positives / register.slides;
  const positivity = request.positivity ?? estimatedPositivity;
  if (positivity === 0) throw tbError('INPUT_INVALID', 'problem.noPositives', {}, { path: 'data.positivity' });
  const lqas = lqasSampleSize({
    annualNegatives: request.annualNegatives ?? register.negatives * PERIODS_PER_YEAR,
    positivity,
    sensitivity: request.sensitivity,
    acceptance: request.acceptance,
    confidence: request.confidence,
  });
  const selection = drawSlides(await registerSlideIds(db, register.register), periodSampleSize(lqas.sampleSize, PERIODS_PER_YEAR), request.seed);
  const days = request.recheckDays ?? DEFAULT_RECHECK_DAYS;
  const round: RoundRecord = {
    round: request.round,
    register: register.register,
    department: register.department,
    quarter: register.quarter,
    seed: request.seed,
    plan: {
      lqas,
      periodsPerYear: PERIODS_PER_YEAR,
      periodSampleSize: periodSampleSize(lqas.sampleSize, PERIODS_PER_YEAR),
      estimatedFromRegister: { annualNegatives: request.annualNegatives === undefined, positivity: request.positivity === undefined },
    },
    sampleSize: selection.length,
    recheckDue: new Date(request.now.getTime() + days * 86_400_000).toISOString(),
    createdAt: request.now.toISOString(),
  };
  await createRound(db, round, selection);
  return outcomeOf(round);
}

function outcomeOf(round: RoundRecord): DrawOutcome {
  return {
    register: round.register,
    sampleSize: round.sampleSize,
    annualSampleSize: round.plan.lqas.sampleSize,
    annualNegatives: round.plan.lqas.annualNegatives,
    positivity: round.plan.lqas.positivity,
    criticalProportion: round.plan.lqas.criticalProportion,
    acceptance: round.plan.lqas.acceptance,
    seed: round.seed,
    recheckDue: round.recheckDue,
  };
}
