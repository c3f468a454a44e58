import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';
import { coverageProblems } from './coverageProblems.js';
import { expectedPosts } from './expectedPosts.js';

/**
 * The inspector's record of a duty-post inspection (值班在岗检查, 查岗), and of its
 * re-inspection: per post, whether the person on duty was there, whether the handover
 * record is complete and whether the work log is filed. Each post of the round exactly
 * once.
 */
export const dutyPostRecord: TaskTypeDefinition = {
  name: 'medtech.duty-post-record',
  title: both('duty.record.title'),
  form: {
    posts: {
      type: 'list',
      required: true,
      min: 1,
      label: both('duty.record.posts'),
      items: {
        post: { type: 'post', required: true, label: both('duty.record.post') },
        present: { type: 'boolean', required: true, label: both('duty.record.present') },
        handoverComplete: { type: 'boolean', required: true, label: both('duty.record.handoverComplete') },
        workLogFiled: { type: 'boolean', required: true, label: both('duty.record.workLogFiled') },
        note: { type: 'text', max: 1000, label: both('duty.record.note') },
      },
    },
  },
  validate(data, instance) {
    const expected = expectedPosts(instance).map((p) => p.post);
    const posts = Array.isArray(data.posts) ? (data.posts as Record<string, unknown>[]) : [];
    return coverageProblems(expected, posts, 'posts', 'post', 'coverage.posts');
  },
};
