import { DubanError, isDubanError } from '../errors/DubanError.js';
import type { ChainRegistry } from '../workflow/ChainRegistry.js';
import { checkFormReferences } from '../org/checkFormReferences.js';
import type { Db } from '../store/Store.js';
import { formError } from '../workflow/formError.js';
import { validateForm } from '../kernel/formFields.js';
import type { StartChainAction } from './ScheduleTypes.js';

/**
 * Checks, when a schedule is added, what its occurrences will start: the chain exists and
 * the input fits the chain's input form. Otherwise the mistake would surface only at the
 * first occurrence, as a failing outbox row.
 *
 * @throws DubanError `INPUT_INVALID` naming `action.chain` or `action.input.<field>`.
 */
export async function checkStartChainAction(chains: ChainRegistry, action: StartChainAction, db: Db): Promise<void> {
  let chain;
  try {
    chain = await chains.get(action.chain);
  } catch (error) {
    if (!isDubanError(error, 'CHAIN_NOT_FOUND')) throw error;
    throw new DubanError('INPUT_INVALID', `action.chain: no chain "${action.chain}" is registered`, { place: { path: 'action.chain' }, cause: error });
  }
  const input = action.input ?? {};
  const problems = chain.spec.input ? [...validateForm(chain.spec.input, input), ...(await checkFormReferences(db, chain.spec.input, input))] : [];
  if (problems.length > 0) throw formError('INPUT_INVALID', 'action.input', problems);
}
