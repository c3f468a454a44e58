import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { assessDutyPosts, type DutyPostRecord } from '../lib/dutyPostFindings.js';
import { orgNames } from '../lib/orgNames.js';
import { both } from '../locales/text.js';
import { expectedPosts } from './expectedPosts.js';

/**
 * Assesses the round just recorded: a finding per lapse (absence critical and escalated
 * at once; handover and work-log lapses lesser), and the absent posts, which the chain
 * re-inspects within 7 days. `reinspection` tells the findings it came from a re-check.
 */
export const dutyPostAssess: TaskTypeDefinition = {
  name: 'medtech.duty-post-assess',
  title: both('duty.assess.title'),
  async activity({ input, data }, { org }) {
    const records = (Array.isArray(data.records) ? data.records : []) as DutyPostRecord[];
    const { findings, absentPosts } = assessDutyPosts(expectedPosts({ input, data }), records);
    const rounds = Array.isArray(data.rounds) ? data.rounds.length : 1;
    const name = await orgNames(org, 'posts', findings.map((f) => f.post));
    return {
      findings: findings.map((f) => ({ ...f, title: both(`duty.finding.${f.lapse}`, { post: name(f.post) }) })),
      absentPosts,
      absentCount: absentPosts.length,
      reinspection: rounds > 1,
    };
  },
};
