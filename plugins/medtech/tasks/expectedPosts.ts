import type { DutyPost } from '../lib/dutyPostFindings.js';

/**
 * The posts the current round of a duty-post inspection must cover: the absent posts
 * while re-inspecting (`data.expectedPosts`, set by the chain), else the chain's input.
 */
export function expectedPosts(instance: { readonly input: Record<string, unknown>; readonly data: Record<string, unknown> }): DutyPost[] {
  const list = Array.isArray(instance.data.expectedPosts) ? instance.data.expectedPosts : instance.input.posts;
  return (Array.isArray(list) ? list : []).filter((p): p is DutyPost => typeof p === 'object' && p !== null && typeof p.post === 'string');
}
