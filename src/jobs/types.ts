import type { FlowEventType } from '../flows/types.js';

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
  /** Fill the normalized tables from a CRM connection. */
  'crm.sync': {
    workspaceId: string;
    connectionId: string;
    mode: 'full' | 'incremental';
    trigger: 'manual' | 'schedule' | 'connect' | 'cli' | 'demo';
  };
  /** Queue `crm.sync` for every connection whose sync interval has passed (scheduled). */
  'crm.sync-due': Record<string, never>;
  /** Bring a conversation source's calls in (Gong, Fireflies), for its tracked users. */
  'conversations.sync': {
    workspaceId: string;
    connectionId: string;
    mode?: 'full' | 'incremental';
    trigger: 'manual' | 'schedule' | 'connect' | 'cli' | 'demo';
  };
  /** Queue `conversations.sync` for every source connection whose interval has passed (scheduled). */
  'conversations.sync-due': Record<string, never>;
  /** Run every skill on every workspace; findings become actions (scheduled daily). */
  'skills.run-all': Record<string, never>;
  /** Settle write-ledger rows a stopped process left pending. */
  'crm.reconcile': { workspaceId: string; connectionId: string };
  /** Execute many actions, their writes coalesced (`POST .../action-items/batch-execute`). */
  'actions.batch-execute': { workspaceId: string; batchId: string };
  /** Write computed fields to CRM properties through the workspace's mappings. */
  'writeback.run': { workspaceId: string; runId: string };
  /** Compute every workspace's fields, then run the scheduled mappings (daily). */
  'writeback.daily': Record<string, never>;
  /** Run actions again whose last execution failed in a way a retry may fix. */
  'actions.execute': { workspaceId: string; actionIds: string[]; actor: string };
  /** Tie the workspace's meetings to contacts, accounts and deals (after every sync). */
  'conversations.link': { workspaceId: string };
  /** Evaluate the anomaly rules over every workspace (scheduled every 5 minutes). */
  'anomalies.evaluate': Record<string, never>;
  /** Run the meeting agents on a meeting (after it is linked, or on demand). */
  'agents.run': {
    workspaceId: string;
    conversationId: string;
    agentConfigId?: string;
    trigger: 'linked' | 'manual' | 'replay';
  };
  /** Score shadow proposals against the CRM; trusted fields that slipped go back to ask (hourly). */
  'agents.shadow-outcomes': Record<string, never>;
  /** Expire inbox items whose time is up, dismissing their actions (scheduled every 5 minutes). */
  'inbox.expire': Record<string, never>;
  /** Send one outbox row to its channel (src/notifications/outbox.ts). */
  'notifications.deliver': { deliveryId: string };
  /** Queue again outbox rows whose job was lost or whose worker died (every minute). */
  'notifications.sweep': Record<string, never>;
  /** Decide an inbox item as a Slack user chose (src/notifications/slack/interactions.ts). */
  'slack.interaction': {
    workspaceId: string;
    /** The slack_interactions row: what came of it is written there. */
    interactionId: string;
    inboxItemId: string;
    slackUserId: string;
    /** Where refusals and problems go back to that person only. */
    responseUrl: string | null;
    decision: 'approve' | 'reject';
    edits?: Record<string, unknown>;
    reason?: string | null;
  };
  /** Turn what members' preferences held back into their digests, when due (every 5 minutes). */
  'notifications.digest': Record<string, never>;
  /** Tell people about approvals and questions about to expire (scheduled every 5 minutes). */
  'notifications.expiring': Record<string, never>;
  /** Update every Slack card of a decided or expired inbox item (src/notifications/slack/cards.ts). */
  'slack.update-cards': { workspaceId: string; inboxItemId: string };
  /** Work on a flow run: start it, carry it on after a wait, a decision or a crash. */
  'flows.run': { workspaceId: string; runId: string };
  /** Queue `flows.run` for runs a dead worker left, or whose wake-up job was lost (every minute). */
  'flows.sweep': Record<string, never>;
  /** Start the runs of scheduled flows whose slot has come (every minute). */
  'flows.schedule-tick': Record<string, never>;
  /** Start the flows listening to an event (src/flows/triggers/events.ts). */
  'flows.dispatch-event': {
    workspaceId: string;
    eventId: string;
    event: FlowEventType;
    payload: Record<string, unknown>;
    at: string;
  };
}

export type JobName = keyof JobPayloads;

/** A failure that retrying cannot fix (bad input, a missing record): recorded, not retried. */
export class NonRetryableError extends Error {
  override name = 'NonRetryableError';
}
