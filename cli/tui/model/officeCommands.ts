import type { OfficeRights } from '../data/TuiData.js';

/** The office's console actions outside a finding, in the order help and the palette list them. */
export const OFFICE_COMMANDS = ['newFinding', 'startChain', 'pauseSchedule'] as const;

/** One of {@link OFFICE_COMMANDS}. */
export type OfficeCommand = (typeof OFFICE_COMMANDS)[number];

/**
 * The office commands the core's `can()` allows the current person: opening a finding
 * (starting the finding chain), starting a chain (any he may start), changing schedules.
 * None while the answers are being read. Pure.
 */
export function officeOffered(rights: OfficeRights | undefined): OfficeCommand[] {
  if (!rights) return [];
  const allowed: Readonly<Record<OfficeCommand, boolean>> = {
    newFinding: rights.openFinding.allowed,
    startChain: rights.chains.length > 0,
    pauseSchedule: rights.changeSchedules.allowed,
  };
  return OFFICE_COMMANDS.filter((c) => allowed[c]);
}
