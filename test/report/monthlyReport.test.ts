import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport, buildReport, monthPeriod, reportSectionsOf, type Report } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { buildKnownMonth, type KnownMonth } from './support/knownMonth.js';

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
// The report reads states at the end of March in Shanghai: 2026-04-01 00:00 +08:00.
const AS_OF = '2026-03-31T16:00:00.000Z';

describe.each(DIALECTS)('the monthly report of a known month on %s', (dialect) => {
  let month: KnownMonth;
  let report: Report;
  beforeAll(async () => {
    month = await buildKnownMonth(dialect);
    report = await buildReport(month.duban, { period: monthPeriod('2026-03', 'Asia/Shanghai', month.duban.clock.now()) });
  });
  afterAll(async () => month?.duban.dispose());

  const finding = async (category: string, subject?: string) => {
    let q = month.duban.store.db.selectFrom('findings').select('id').where('category', '=', category);
    if (subject) q = q.where('subject', '=', subject);
    return (await q.executeTakeFirstOrThrow()).id;
  };

  it('covers March in Shanghai, reads states at its end, and builds every section', () => {
    expect(report.report).toBe('monthly');
    expect(report.period).toEqual({
      kind: 'month',
      label: '2026-03',
      timeZone: 'Asia/Shanghai',
      from: '2026-02-28T16:00:00.000Z',
      to: AS_OF,
      fromDate: '2026-03-01',
      toDate: '2026-04-01',
      yearFrom: '2025-12-31T16:00:00.000Z',
      yearFromDate: '2026-01-01',
      asOf: AS_OF,
    });
    expect(report.failures).toEqual([]);
    expect(report.sectionOrder).toEqual(['findings', 'discipline', 'slideQc', 'training', 'qualityPoints']);
    expect(report.scope).toEqual({ department: null, departments: null });
    expect(report.departments.CT).toEqual({ 'zh-CN': 'CT室', en: 'CT room' });
  });

  it('counts findings by department and severity, with the time to close', () => {
    // Opened in March (F0 is February's, F6 April's):
    //   CT  9 = by hand F1 major, F2 minor, F5 major; discipline check of 03-02: tech2 late
    //           (minor), tech5 away from post (major), department below target (minor);
    //           duty-post inspection of 03-12: CT-night absent (critical), its handover
    //           (major), CT-eve work log (minor)  → minor 4, major 4, critical 1
    //   US  3 = F3 critical (escalated at once), F4 minor, us4 left early (minor)
    //   CL-02 1 = the failed slide QC round (major)
    // Closed in March: F1 (03-02 01:00 → 03-04 01:00, 2 days, due 03-05: on time),
    //   F2 (03-03 → 03-13, 10 days; escalated 03-05 with a new due of 03-12: late),
    //   F4 (03-05 01:00 → 03-06 13:00, 1.5 days; reopened 03-20).
    // Open at the end: CT F0, F5, the 3 of the discipline check, the 3 of the inspection = 8,
    //   of which overdue all but F5 (awaiting verification has no SLA) = 7;
    //   US F3, F4 (reopened, due 03-27), us4 = 3, all overdue; CL-02 1, due 03-20, overdue.
    // Escalated: F2 (by hand), the absence and F3 (opened escalated at once). Reopened: F4.
    const f = report.sections.findings!.data;
    expect(f.totals).toEqual({
      opened: 13,
      closed: 3,
      closedLate: 1,
      open: 12,
      overdue: 11,
      escalated: 3,
      reopened: 1,
      // [1.5, 2, 10]: median the middle one; P90 at rank ⌈0.9 × 3⌉ = 3.
      timeToClose: { count: 3, medianDays: 2, p90Days: 10 },
    });
    expect(f.byDepartment).toEqual([
      { department: 'CL-02', opened: 1, closed: 0, closedLate: 0, open: 1, overdue: 1, escalated: 0, reopened: 0, timeToClose: { count: 0, medianDays: null, p90Days: null } },
      // [2, 10]: median (2 + 10) / 2 = 6; P90 at rank ⌈1.8⌉ = 2.
      { department: 'CT', opened: 9, closed: 2, closedLate: 1, open: 8, overdue: 7, escalated: 2, reopened: 0, timeToClose: { count: 2, medianDays: 6, p90Days: 10 } },
      { department: 'US', opened: 3, closed: 1, closedLate: 0, open: 3, overdue: 3, escalated: 1, reopened: 1, timeToClose: { count: 1, medianDays: 1.5, p90Days: 1.5 } },
    ]);
    expect(f.bySeverity).toEqual([
      // minor: CT 4 + US 2 opened; F2, F4 closed ([1.5, 10]: median 5.75); open CT F0 + 3, US F4, us4.
      { severity: 'minor', opened: 6, closed: 2, closedLate: 1, open: 6, overdue: 6, escalated: 1, reopened: 1, timeToClose: { count: 2, medianDays: 5.75, p90Days: 10 } },
      // major: CT 4 + CL-02 1; F1 closed; open F5, tech5, handover, CL-02; overdue all but F5.
      { severity: 'major', opened: 5, closed: 1, closedLate: 0, open: 4, overdue: 3, escalated: 0, reopened: 0, timeToClose: { count: 1, medianDays: 2, p90Days: 2 } },
      { severity: 'critical', opened: 2, closed: 0, closedLate: 0, open: 2, overdue: 2, escalated: 2, reopened: 0, timeToClose: { count: 0, medianDays: null, p90Days: null } },
    ]);
    expect(f.byDepartmentAndSeverity).toEqual([
      { department: 'CL-02', severity: 'major', opened: 1, closed: 0, closedLate: 0, open: 1, overdue: 1, escalated: 0, reopened: 0 },
      { department: 'CT', severity: 'minor', opened: 4, closed: 1, closedLate: 1, open: 4, overdue: 4, escalated: 1, reopened: 0 },
      { department: 'CT', severity: 'major', opened: 4, closed: 1, closedLate: 0, open: 3, overdue: 2, escalated: 0, reopened: 0 },
      { department: 'CT', severity: 'critical', opened: 1, closed: 0, closedLate: 0, open: 1, overdue: 1, escalated: 1, reopened: 0 },
      { department: 'US', severity: 'minor', opened: 2, closed: 1, closedLate: 0, open: 2, overdue: 2, escalated: 0, reopened: 1 },
      { department: 'US', severity: 'critical', opened: 1, closed: 0, closedLate: 0, open: 1, overdue: 1, escalated: 1, reopened: 0 },
    ]);
  });

  it('lists the ten oldest findings open at the end of the month', async () => {
    // Twelve are open; the newest two (CL-02 on 03-17, F5 on 03-25) fall off.
    const oldest = report.sections.findings!.data.oldestOpen as { id: string; department: string; severity: string; openedAt: string; ageDays: number; overdue: boolean; status: string; level: number }[];
    const checkFindings = (await month.duban.store.db.selectFrom('findings').select('id').where('opened_at', '=', '2026-03-02T01:00:00.000Z').where('category', 'like', 'discipline.%').execute()).map((r) => r.id).sort();
    const inspectionFindings = (await month.duban.store.db.selectFrom('findings').select('id').where('opened_at', '=', '2026-03-12T15:00:00.000Z').execute()).map((r) => r.id).sort();
    expect(oldest.map((o) => o.id)).toEqual([month.findings.F0, ...checkFindings, month.findings.F4, await finding('discipline.left_early'), month.findings.F3, ...inspectionFindings]);
    expect(oldest.map((o) => [o.openedAt, o.ageDays])).toEqual([
      ['2026-02-20T02:00:00.000Z', days('2026-02-20T02:00:00.000Z', AS_OF)], // 39 d 14 h = 39.583…
      ...Array(3).fill(['2026-03-02T01:00:00.000Z', 29.625]), // 29 d 15 h
      ['2026-03-05T01:00:00.000Z', 26.625],
      ['2026-03-09T01:00:00.000Z', 22.625],
      ['2026-03-10T01:00:00.000Z', 21.625],
      ...Array(3).fill(['2026-03-12T15:00:00.000Z', days('2026-03-12T15:00:00.000Z', AS_OF)]), // 19 d 1 h
    ]);
    expect(oldest.every((o) => o.overdue)).toBe(true);
    expect(oldest[0]).toMatchObject({ department: 'CT', severity: 'minor', status: 'open', level: 1, title: { 'zh-CN': 'F0 二月问题', en: 'F0 二月问题' } });
    // F3 and the absence were opened at level 2 (head and office told at once).
    expect(oldest.find((o) => o.id === month.findings.F3)).toMatchObject({ severity: 'critical', level: 2 });
  });

  it('reports punctuality against target, violations by kind and what followed a duty-post absence', async () => {
    const absence = await finding('duty-post.absent');
    expect(report.sections.discipline!.data).toEqual({
      punctuality: {
        // CT 5 + US 3 on time over CT 7 + US 4 due.
        checks: 3,
        onTime: 8,
        denominator: 11,
        rate: 8 / 11,
        target: 0.98,
        departmentsMet: 1,
        departmentsBelow: 1,
        byDepartment: [
          // 03-02: 5 on the roster, 1 on leave, 2 on time; 03-16: 3 of 3. (2 + 3) / (4 + 3) = 5/7 < 0.98.
          { department: 'CT', checks: 2, expected: 8, onLeave: 1, onTime: 5, denominator: 7, rate: 5 / 7, target: 0.98, met: false, checksBelowTarget: 1 },
          // 3 of 4 against its own target of 0.75: met exactly.
          { department: 'US', checks: 1, expected: 4, onLeave: 0, onTime: 3, denominator: 4, rate: 0.75, target: 0.75, met: true, checksBelowTarget: 0 },
        ],
      },
      violations: {
        byKind: { late: 1, left_early: 1, away_from_post: 1, total: 3 },
        byDepartment: [
          { department: 'CT', late: 1, left_early: 0, away_from_post: 1, total: 2 },
          { department: 'US', late: 0, left_early: 1, away_from_post: 0, total: 1 },
        ],
      },
      dutyPost: {
        inspections: 1,
        postsChecked: 2,
        absences: 1,
        meetingsHeld: 1,
        selfCriticisms: 1,
        reinspectionsPassed: 1,
        reinspectionsAbsentAgain: 0,
        reinspectionsPending: 0,
        handoverIncomplete: 1,
        workLogMissing: 1,
        absenceList: [
          {
            findingId: absence,
            department: 'CT',
            post: 'CT-night',
            postName: { 'zh-CN': 'CT夜班', en: 'CT night duty' },
            person: 'tech1',
            personName: { 'zh-CN': '刘一', en: 'Liu Yi' },
            foundAt: '2026-03-12T15:00:00.000Z',
            atReinspection: false,
            findingStatus: 'open',
            meeting: 'held',
            meetingHeldAt: '2026-03-14T09:00:00+08:00',
            selfCriticism: true,
            reinspection: 'passed',
            reinspectedAt: '2026-03-15T15:00:00.000Z',
          },
        ],
      },
    });
  });

  it('reports slide QC per county lab and the programme indicators with their denominators', () => {
    // Each lab: one round of the 40-slide register, 200 negatives a year at 10% positivity:
    // the plan's yearly LQAS sample is 78, a quarter's ⌈78 / 4⌉ = 20.
    expect([month.yearlySample, month.sampleSize]).toEqual([78, 20]);
    const none = { scored: 0, good: 0, goodRate: null };
    const noQuality = { features: { specimen: none, staining: none, thickness: none, size: none, evenness: none, cleanliness: none }, slidesScored: 0, slidesAllGood: 0 };
    // CL-01: specimen and staining good on all 20, thickness poor on the first: 19 all good.
    const cl01Quality = {
      features: { specimen: { scored: 20, good: 20, goodRate: 1 }, staining: { scored: 20, good: 20, goodRate: 1 }, thickness: { scored: 1, good: 0, goodRate: 0 }, size: none, evenness: none, cleanliness: none },
      slidesScored: 20,
      slidesAllGood: 19,
    };
    const counts = (correct: number, HFN: number) => ({ correct, HFP: 0, HFN, LFP: 0, LFN: 0, QE: 0 });
    expect(report.sections.slideQc!.data).toEqual({
      labs: [
        { department: 'CL-01', rounds: 1, passed: 1, failed: 0, slidesRechecked: 20, slidesRecheckedYearToDate: 20, yearlyTarget: 78, counts: counts(20, 0), majorErrors: 0, minorErrors: 0, concordance: 1, controllerErrors: 0, smearQuality: cl01Quality },
        // One negative read 2+ by the controller, confirmed by the umpire: HFN; 19 / 20 concordant.
        { department: 'CL-02', rounds: 1, passed: 0, failed: 1, slidesRechecked: 20, slidesRecheckedYearToDate: 20, yearlyTarget: 78, counts: counts(19, 1), majorErrors: 1, minorErrors: 0, concordance: 0.95, controllerErrors: 0, smearQuality: noQuality },
      ],
      // 39 / 40 concordant; the target is the labs' 78 + 78 with no contract figure configured.
      totals: { rounds: 2, passed: 1, failed: 1, slidesRechecked: 40, slidesRecheckedYearToDate: 40, yearlyTarget: 156, counts: counts(39, 1), majorErrors: 1, minorErrors: 0, concordance: 0.975, controllerErrors: 0, smearQuality: cl01Quality },
      indicators: {
        cohorts: [
          { department: 'CL-01', cohort: '2025-Q1', registered: 20, converted: 18, cured: 17 },
          { department: 'CL-02', cohort: '2025-Q1', registered: 10, converted: 8, cured: null },
        ],
        // (18 + 8) / (20 + 10); the cure rate only over the cohort with outcomes: 17 / 20.
        conversion: { numerator: 26, denominator: 30, rate: 26 / 30 },
        cure: { numerator: 17, denominator: 20, rate: 0.85 },
        conversionTarget: 0.85,
        cureTarget: 0.85,
      },
    });
  });

  it('reports training against plan, attendance, pass rate and people trained against the yearly target', () => {
    const data = report.sections.training!.data as { sessions: { id: string }[] };
    expect(report.sections.training!.data).toEqual({
      sessions: [
        // Held 03-10: 3 of 4 signed in; 90 and 70 pass, 50 fails (pass mark 60); make-ups:
        // tech4 (absent) passes with 80, tech2 fails again with 55 → trained tech1, tech3, tech4.
        { id: data.sessions[0]!.id, department: 'QC', topic: 'CT 操作规范', kind: 'technical', plannedDate: '2026-03-10', heldOn: '2026-03-10', status: 'held', expected: 4, present: 3, assessed: 3, passed: 2, trained: 3 },
        { id: data.sessions[1]!.id, department: 'QC', topic: '依法执业', kind: 'law-and-regulation', plannedDate: '2026-03-20', heldOn: null, status: 'cancelled', expected: 0, present: 0, assessed: 0, passed: 0, trained: 0 },
      ],
      figures: {
        sessionsHeld: { numerator: 1, denominator: 2, rate: 0.5 },
        attendance: { numerator: 3, denominator: 4, rate: 0.75 },
        passRate: { numerator: 2, denominator: 3, rate: 2 / 3 },
        // The yearly target is the plans' 20 (April's session is outside the year to date).
        peopleTrained: { numerator: 3, denominator: 20, rate: 0.15 },
        personTimesTrained: 3,
      },
      // February's session (us1, us2 passed) with March's: 2 of 3 held, 5 people of 20.
      yearToDate: { sessionsHeld: { numerator: 2, denominator: 3, rate: 2 / 3 }, peopleTrained: { numerator: 5, denominator: 20, rate: 0.25 }, personTimesTrained: 5 },
    });
  });

  it('ranks departments by quality points from their findings by severity and timeliness', () => {
    const zero = { minor: 0, major: 0, critical: 0 };
    const none = { severity: 0, overdue: 0, closedLate: 0, reopened: 0 };
    expect(report.sections.qualityPoints!.data).toEqual({
      weights: { base: 100, severity: { minor: 1, major: 3, critical: 5 }, overdue: 2, closedLate: 1, reopened: 2 },
      // The org's leaves (MT and TB have sub-departments): CL-01, CL-02, CT, QC, US.
      departments: [
        { rank: 1, department: 'CL-01', points: 100, opened: zero, overdue: 0, closedLate: 0, reopened: 0, deductions: none },
        { rank: 1, department: 'QC', points: 100, opened: zero, overdue: 0, closedLate: 0, reopened: 0, deductions: none },
        // 100 − 3 (one major) − 2 × 1 overdue = 95
        { rank: 3, department: 'CL-02', points: 95, opened: { minor: 0, major: 1, critical: 0 }, overdue: 1, closedLate: 0, reopened: 0, deductions: { severity: 3, overdue: 2, closedLate: 0, reopened: 0 } },
        // 100 − (2 × 1 + 1 × 5) − 2 × 3 overdue − 2 × 1 reopened = 85
        { rank: 4, department: 'US', points: 85, opened: { minor: 2, major: 0, critical: 1 }, overdue: 3, closedLate: 0, reopened: 1, deductions: { severity: 7, overdue: 6, closedLate: 0, reopened: 2 } },
        // 100 − (4 × 1 + 4 × 3 + 1 × 5) − 2 × 7 overdue − 1 × 1 closed late = 64
        { rank: 5, department: 'CT', points: 64, opened: { minor: 4, major: 4, critical: 1 }, overdue: 7, closedLate: 1, reopened: 0, deductions: { severity: 21, overdue: 14, closedLate: 1, reopened: 0 } },
      ],
    });
  });

  it('limits a report to a department and its sub-departments', async () => {
    const mt = await buildReport(month.duban, { period: report.period, department: 'MT' });
    expect(mt.scope).toEqual({ department: 'MT', departments: ['MT', 'CT', 'US'] });
    expect(mt.sections.findings!.data.totals).toMatchObject({ opened: 12, closed: 3, open: 11, overdue: 10 });
    expect((mt.sections.slideQc!.data as { labs: unknown[] }).labs).toEqual([]);
    expect((mt.sections.qualityPoints!.data as { departments: { department: string }[] }).departments.map((d) => d.department)).toEqual(['US', 'CT']);
    await expect(buildReport(month.duban, { period: report.period, department: 'NOPE' })).rejects.toMatchObject({ code: 'USAGE', place: { argument: '--dept' } });
  });

  it('takes targets and weights from the plugins’ config', async () => {
    const configured = await buildReport(month.duban, {
      period: report.period,
      pluginConfig: {
        'tb-lab': { recheckTarget: 50, recheckTargets: { 'CL-01': 30 }, cureTarget: 0.9 },
        medtech: { punctualityTarget: 0.95 },
        'quality-office': { trainingTarget: 10, qualityPoints: { base: 50, overdue: 0, exclude: ['QC'] } },
      },
    });
    const slide = configured.sections.slideQc!.data as { labs: { yearlyTarget: number }[]; totals: { yearlyTarget: number }; indicators: { cureTarget: number } };
    expect([slide.labs.map((l) => l.yearlyTarget), slide.totals.yearlyTarget, slide.indicators.cureTarget]).toEqual([[30, 78], 50, 0.9]);
    expect((configured.sections.discipline!.data as { punctuality: { target: number } }).punctuality.target).toBe(0.95);
    expect((configured.sections.training!.data as { yearToDate: { peopleTrained: unknown } }).yearToDate.peopleTrained).toEqual({ numerator: 5, denominator: 10, rate: 0.5 });
    // CT: 50 − 21 − 0 × 7 − 1 = 28.
    const ranking = (configured.sections.qualityPoints!.data as { departments: { department: string; points: number }[] }).departments;
    expect(ranking.map((d) => [d.department, d.points])).toEqual([['CL-01', 50], ['CL-02', 47], ['US', 41], ['CT', 28]]);
  });

  it('leaves out a section that fails and says why, keeping the others', async () => {
    const broken = await assembleReport({
      duban: month.duban,
      sections: [...reportSectionsOf(month.duban), { plugin: 'broken', definition: { id: 'broken', title: { 'zh-CN': '坏', en: 'Broken' }, build: async () => Promise.reject(new Error('no table')) } }],
      period: report.period,
      generatedAt: month.duban.clock.now(),
    });
    expect(broken.failures).toEqual([{ section: 'broken', plugin: 'broken', code: 'INTERNAL', message: 'no table' }]);
    expect(broken.sectionOrder).toEqual(report.sectionOrder);
  });
});
