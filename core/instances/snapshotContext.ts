/**
 * The chain context (`input`, `data`) of a stored snapshot. Missing parts read as `{}`.
 * Only the owner of the `instances` table calls it: everyone else reads
 * {@link InstanceRecord}s.
 */
export function snapshotContext(snapshot: string): { readonly input: Record<string, unknown>; readonly data: Record<string, unknown> } {
  const parsed = JSON.parse(snapshot) as { context?: { input?: Record<string, unknown>; data?: Record<string, unknown> } };
  return { input: parsed.context?.input ?? {}, data: parsed.context?.data ?? {} };
}
