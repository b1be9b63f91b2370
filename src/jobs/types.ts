/**
 * Every background job, by name, with its payload. `enqueue` and the worker's task
 * list are both typed from this map, so a job cannot be queued with the wrong payload
 * or left without a handler.
 */
export interface JobPayloads {
  /** Fill a workspace with the generated demo data set (first start, `demo reset`). */
  'demo.seed': { workspaceId: string; seed: number };
  /** Remove expired console sessions (scheduled hourly). */
  'sessions.prune': Record<string, never>;
}

export type JobName = keyof JobPayloads;

/** A failure that retrying cannot fix (bad input, a missing record): recorded, not retried. */
export class NonRetryableError extends Error {
  override name = 'NonRetryableError';
}
