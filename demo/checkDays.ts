/** Which of the demo's twice-monthly checks: each kind spreads its departments differently. */
export type CheckKind = 'discipline' | 'night' | 'day';

const SALT: Readonly<Record<CheckKind, number>> = { discipline: 0, night: 3, day: 8 };

/**
 * The two days of the month (1–28) a department is checked, two weeks apart, spread over
 * the month by the department's place in the list so the inspectors' work is even. The
 * schedules use the same days (`0 8 3,17 * *`), so the history and the schedules keep one
 * rhythm.
 */
export function checkDays(kind: CheckKind, index: number): readonly [number, number] {
  const first = 1 + ((index * 5 + SALT[kind]) % 14);
  return [first, first + 14];
}
