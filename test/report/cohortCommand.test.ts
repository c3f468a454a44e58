import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../plugins/tb-lab/tbLabHarness.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe.each(DIALECTS)('duban tb cohort on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('records a cohort, replaces it keeping figures not given again, and refuses more than the cohort', async () => {
    duban = await startTestDuban(dialect);
    const first = await runCommand(duban, 'tb cohort', { department: 'CL-01', cohort: '2025-Q4', registered: '20', converted: '18' });
    expect(first).toMatchObject({ department: 'CL-01', cohort: '2025-Q4', registered: 20, converted: 18, cured: null, recorded_by: 'office1' });
    // A year later the cure figures come; the 2-month figure stays.
    const second = await runCommand(duban, 'tb cohort', { department: 'CL-01', cohort: '2025-Q4', registered: '20', cured: '17' });
    expect(second).toMatchObject({ registered: 20, converted: 18, cured: 17 });
    expect(await duban.store.db.selectFrom('tb_lab_cohort' as any).selectAll().execute()).toHaveLength(1);
    await expect(runCommand(duban, 'tb cohort', { department: 'CL-01', cohort: '2025-Q4', registered: '20', cured: '21' })).rejects.toMatchObject({ code: 'USAGE', place: { argument: '--cured' } });
    // A smaller cohort would leave the kept 18 converted over it.
    await expect(runCommand(duban, 'tb cohort', { department: 'CL-01', cohort: '2025-Q4', registered: '15' })).rejects.toMatchObject({ code: 'USAGE', place: { argument: '--converted' } });
    await expect(runCommand(duban, 'tb cohort', { department: 'CL-01', cohort: '2025-13', registered: '5' })).rejects.toMatchObject({ code: 'USAGE', place: { argument: '--cohort' } });
  });
});
