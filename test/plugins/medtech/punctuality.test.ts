import { describe, expect, it } from 'vitest';
import { disciplineViolations } from '../../../plugins/medtech/lib/disciplineViolations.js';
import { assessDutyPosts } from '../../../plugins/medtech/lib/dutyPostFindings.js';
import { computePunctuality, formatPercent, type AttendanceRecord } from '../../../plugins/medtech/lib/punctuality.js';

const records = (statuses: AttendanceRecord['status'][]): AttendanceRecord[] => statuses.map((status, i) => ({ person: `p${i}`, status }));

describe('computePunctuality', () => {
  it('is on time / (expected − on leave)', () => {
    const p = computePunctuality(4, records(['on_time', 'on_time', 'late', 'on_leave']));
    expect(p).toEqual({ expected: 4, onLeave: 1, onTime: 2, denominator: 3, rate: 2 / 3, target: 0.98, belowTarget: true });
    expect(formatPercent(p.rate!)).toBe('66.67%');
  });

  it('compares with the target exactly, in basis points', () => {
    // On the boundary: 98 of 100 meets 0.98, 97 of 100 does not, 19 of 20 meets 0.95.
    expect(computePunctuality(100, records([...Array(98).fill('on_time'), 'late', 'late'])).belowTarget).toBe(false);
    expect(computePunctuality(100, records([...Array(97).fill('on_time'), 'late', 'late', 'away_from_post'])).belowTarget).toBe(true);
    expect(computePunctuality(20, records([...Array(19).fill('on_time'), 'late']), 0.95).belowTarget).toBe(false);
  });

  it('has no rate, and is not below target, when everyone is on leave', () => {
    expect(computePunctuality(2, records(['on_leave', 'on_leave']))).toMatchObject({ denominator: 0, rate: null, belowTarget: false });
  });
});

describe('severities', () => {
  it('grades discipline violations: away from post major, late and left early minor', () => {
    const v = disciplineViolations(records(['on_time', 'late', 'left_early', 'away_from_post', 'on_leave']));
    expect(v.map((x) => [x.status, x.severity])).toEqual([
      ['late', 'minor'],
      ['left_early', 'minor'],
      ['away_from_post', 'major'],
    ]);
  });

  it('grades duty-post lapses: absent critical and escalated now, handover major, work log minor', () => {
    const { findings, absentPosts } = assessDutyPosts(
      [{ post: 'A', person: 'x' }, { post: 'B' }],
      [
        { post: 'A', present: false, handoverComplete: false, workLogFiled: false },
        { post: 'B', present: true, handoverComplete: true, workLogFiled: true },
      ],
    );
    expect(findings.map((f) => [f.lapse, f.severity, f.escalateNow, f.person])).toEqual([
      ['absent', 'critical', true, 'x'],
      ['handover_incomplete', 'major', false, 'x'],
      ['work_log_missing', 'minor', false, 'x'],
    ]);
    expect(absentPosts).toEqual([{ post: 'A', person: 'x' }]);
  });
});
