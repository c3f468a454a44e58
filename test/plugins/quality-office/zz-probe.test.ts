import { it } from 'vitest';
import { startTestDuban } from '/work/main/test/support/testDuban.js';
it('probe', async () => {
  const d = await startTestDuban('sqlite');
  console.log(JSON.stringify(d.plugins.disabled, null, 1));
  await d.dispose();
});
