import type { TaskHandlers } from '../src/jobs/queue.js';

const idle = async () => undefined;

/**
 * A handler for every job that does nothing, with `overrides` for the jobs a test
 * watches: for tests of the worker itself rather than of any job.
 */
export function idleHandlers(overrides: Partial<TaskHandlers>): TaskHandlers {
  return {
    'demo.seed': idle,
    'sessions.prune': idle,
    'crm.sync': idle,
    'crm.sync-due': idle,
    'conversations.sync': idle,
    'conversations.sync-due': idle,
    'skills.run-all': idle,
    'crm.reconcile': idle,
    'actions.batch-execute': idle,
    'actions.execute': idle,
    'writeback.run': idle,
    'writeback.daily': idle,
    'conversations.link': idle,
    'anomalies.evaluate': idle,
    'agents.run': idle,
    'agents.shadow-outcomes': idle,
    'inbox.expire': idle,
    'notifications.deliver': idle,
    'notifications.sweep': idle,
    'slack.interaction': idle,
    'notifications.digest': idle,
    'notifications.expiring': idle,
    'slack.update-cards': idle,
    'flows.run': idle,
    'flows.sweep': idle,
    'flows.schedule-tick': idle,
    'flows.dispatch-event': idle,
    ...overrides,
  };
}
