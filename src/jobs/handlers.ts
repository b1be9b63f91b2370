import { noteConnectionError, openConnector } from '../crm/connect.js';
import { linkConversations, enqueueLinking } from '../conversations/linker.js';
import { CrmError } from '../crm/errors.js';
import type { Queryable } from '../db/pool.js';
import { reconcilePending } from '../crm/ledger/reconcile.js';
import { dailyWriteback } from '../skills/fields/daily.js';
import { runWriteback } from '../writeback/runs.js';
import { runBatch } from '../actions/batch.js';
import { policyGate } from '../actions/policy-gate.js';
import { executeActions } from '../actions/execute.js';
import { publishEvent } from '../events/bus.js';
import { syncConnection } from '../ingest/sync/run.js';
import { dueConnections } from '../ingest/sync/schedule.js';
import { openSourceConnector } from '../conversations/connect.js';
import { dueSourceConnections } from '../conversations/schedule.js';
import { syncSource } from '../conversations/sync.js';
import { setSourceStatus } from '../conversations/sources.js';
import { runAllSkills } from '../skills/registry.js';
import { evaluateAnomalies } from '../anomalies/evaluate.js';
import { pruneSessions } from '../tenancy/sessions.js';
import {
  enqueueAgentRunsForLinked,
  llmFromEnvironment,
  runAgentsForConversation,
} from '../agents/run.js';
import { HttpError } from '../errors.js';
import { scoreShadowProposals } from '../agents/shadow-outcomes.js';
import { expireInboxItems } from '../inbox/expiry.js';
import { buildDueDigests } from '../notifications/digests.js';
import { deliverNotification, sweepOutbox } from '../notifications/outbox.js';
import { sendersForJobs } from '../notifications/senders.js';
import { loadConfig } from '../config.js';
import { runSlackInteraction } from '../notifications/slack/interactions.js';
import { notifyExpiringItems } from '../notifications/producers/expiring.js';
import { updateCards } from '../notifications/slack/cards.js';
import { runFlow } from '../flows/engine/runner.js';
import { sweepRuns } from '../flows/engine/sweep.js';
import { startFlowRun } from '../flows/engine/runs.js';
import {
  dispatchFlowEvent,
  emitLinkedConversations,
  type FlowEventJob,
} from '../flows/triggers/events.js';
import { runScheduleTick } from '../flows/triggers/schedule.js';
import { recordInScope } from '../flows/triggers/scope.js';
import { enqueue, type TaskHandlers } from './queue.js';
import { NonRetryableError } from './types.js';

/**
 * Rows pending for less than this may belong to a writer that is still running in
 * another process; reconciliation leaves them to it.
 */
export const RECONCILE_GRACE_MS = 120_000;

/** The database's clock: what the linker stamps `linked_at` with. */
async function databaseNow(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ now: string }>('select clock_timestamp()::text as now');
  return rows[0]!.now;
}

/**
 * The handler of every job in `JobPayloads` but the demo's, which the demo provides
 * (`demoHandlers` in src/demo/jobs.ts); the runtime starts the worker with both.
 */
export const handlers: Omit<TaskHandlers, 'demo.seed'> = {
  'agents.shadow-outcomes': async (_payload, { db, log }) => {
    const { recorded, switchedBack } = await scoreShadowProposals(db);
    if (recorded || switchedBack.length) {
      log.info({ recorded, switchedBack }, 'shadow proposals scored');
    }
  },
  'sessions.prune': async (_payload, { db, log }) => {
    const removed = await pruneSessions(db);
    if (removed) log.info({ removed }, 'expired sessions removed');
  },
  'crm.sync': async (payload, { db, secretKey, log }) => {
    const opened = await openConnector(
      { pool: db, secretKey, log },
      payload.workspaceId,
      payload.connectionId,
    );
    const run = await syncConnection(
      { pool: db, ...opened, connector: opened.connector, calls: opened.calls, log },
      { mode: payload.mode, trigger: payload.trigger },
    );
    await publishEvent(db, {
      workspaceId: payload.workspaceId,
      type: 'sync.finished',
      payload: { runId: run.id, connectionId: payload.connectionId, status: run.status },
    });
    // New contacts, accounts or deals may be what a waiting meeting links to.
    if (run.status !== 'failed') await enqueueLinking(db, payload.workspaceId);
    const authProblem = run.errors.find(
      (error) => error.kind === 'auth_expired' || error.kind === 'permission',
    );
    if (authProblem) {
      await noteConnectionError(
        db,
        payload.workspaceId,
        payload.connectionId,
        new CrmError(authProblem.kind as 'auth_expired' | 'permission', authProblem.message),
      );
      throw new NonRetryableError(authProblem.message);
    }
    log.info({ runId: run.id, status: run.status, calls: run.crmCalls }, 'sync finished');
  },
  'crm.sync-due': async (_payload, { db }) => {
    for (const due of await dueConnections(db)) {
      await enqueue(
        db,
        'crm.sync',
        { ...due, mode: 'incremental', trigger: 'schedule' },
        { jobKey: `crm.sync:${due.connectionId}` },
      );
    }
  },
  'conversations.sync': async (payload, { db, secretKey, log }) => {
    const opened = await openSourceConnector(
      { pool: db, secretKey, log },
      payload.workspaceId,
      payload.connectionId,
    );
    const run = await syncSource(
      { pool: db, ...opened, log },
      { mode: payload.mode, trigger: payload.trigger },
    );
    await publishEvent(db, {
      workspaceId: payload.workspaceId,
      type: 'sync.finished',
      payload: { runId: run.id, connectionId: payload.connectionId, status: run.status },
    });
    const authProblem = run.errors.find(
      (error) => error.kind === 'auth_expired' || error.kind === 'permission',
    );
    if (authProblem) {
      await setSourceStatus(
        db,
        payload.workspaceId,
        payload.connectionId,
        'error',
        authProblem.kind === 'auth_expired'
          ? `The recorder refused the credentials (${authProblem.message}); enter new ones to reconnect`
          : `The recorder's API user lacks a permission Pandora needs (${authProblem.message})`,
      );
      throw new NonRetryableError(authProblem.message);
    }
    // The linker ties the new meetings to contacts, accounts and deals.
    if (run.status !== 'failed') await enqueueLinking(db, payload.workspaceId);
    log.info({ runId: run.id, status: run.status, calls: run.crmCalls }, 'conversations synced');
  },
  'conversations.sync-due': async (_payload, { db }) => {
    for (const due of await dueSourceConnections(db)) {
      await enqueue(
        db,
        'conversations.sync',
        { ...due, mode: 'incremental', trigger: 'schedule' },
        { jobKey: `conversations.sync:${due.connectionId}` },
      );
    }
  },
  'skills.run-all': async (_payload, { db, log }) => {
    // Failed runs are on their skill_runs rows; retrying all would redo the good ones.
    const report = await runAllSkills(db);
    for (const failure of report.failures) log.error(failure, 'skill run failed');
    log.info({ runs: report.runs, failed: report.failures.length }, 'skills ran');
  },
  'actions.batch-execute': async (payload, { db, secretKey, log }) => {
    const batch = await runBatch(
      { pool: db, secretKey, log },
      payload.workspaceId,
      payload.batchId,
      { gate: policyGate(db, payload.workspaceId) },
    );
    log.info(
      { batchId: batch.id, status: batch.status, done: batch.done, crmCalls: batch.crmCalls },
      'action batch finished',
    );
  },
  'writeback.run': async (payload, { db, secretKey, log }) => {
    const run = await runWriteback(
      { pool: db, secretKey, log },
      payload.workspaceId,
      payload.runId,
    );
    log.info({ runId: run.id, status: run.status, ...run.report }, 'write-back run finished');
  },
  'writeback.daily': async (_payload, { db, log }) => {
    // Failures are on their skill_runs and writeback_runs rows; one workspace's does not stop the rest.
    const report = await dailyWriteback(db);
    for (const failure of report.failures) log.error(failure, 'daily write-back failed');
    log.info({ workspaces: report.workspaces, runs: report.runs }, 'daily write-back queued');
  },
  'actions.execute': async (payload, { db, secretKey, log }) => {
    const results = await executeActions(
      { pool: db, secretKey, log },
      payload.workspaceId,
      payload.actionIds,
      { actor: payload.actor, gate: policyGate(db, payload.workspaceId) },
    );
    const again = results.filter((result) => result.retryable || result.outcome === 'busy');
    // Throwing hands the job back to the queue, which retries it with backoff.
    if (again.length > 0) {
      throw new Error(
        `${again.length} action(s) still to retry: ${again.map((r) => r.errors[0]?.message).join('; ')}`,
      );
    }
  },
  'conversations.link': async (payload, { db, log }) => {
    const since = await databaseNow(db);
    const report = await linkConversations(db, payload.workspaceId);
    // Meetings just linked are what the meeting agents read next.
    const agentRuns = await enqueueAgentRunsForLinked(db, payload.workspaceId, since);
    await emitLinkedConversations(db, payload.workspaceId, since);
    log.info({ workspaceId: payload.workspaceId, ...report, agentRuns }, 'conversations linked');
  },
  'agents.run': async (payload, { db, secretKey, log }) => {
    let results;
    try {
      results = await runAgentsForConversation({ pool: db, secretKey, log }, payload, {
        llm: llmFromEnvironment(),
      });
    } catch (error) {
      // The meeting or agent was deleted since the job was queued.
      if (error instanceof HttpError && error.status === 404)
        throw new NonRetryableError(error.message);
      throw error;
    }
    const again = results.filter((result) => result.retryable);
    // Throwing hands the job back to the queue; the retry resumes the failed runs.
    if (again.length > 0) {
      throw new Error(
        `${again.length} agent run(s) to retry: ${again.map((r) => r.activityLogId).join(', ')}`,
      );
    }
    log.info({ conversationId: payload.conversationId, results }, 'meeting agents ran');
  },
  'inbox.expire': async (_payload, { db, log }) => {
    const expired = await expireInboxItems(db);
    if (expired) log.info({ expired }, 'inbox items expired');
  },
  'notifications.deliver': async ({ deliveryId }, { db, secretKey, log }) => {
    // Sender trouble is recorded on the row and retried by the outbox, never thrown here.
    const run = await deliverNotification(
      { pool: db, senders: sendersForJobs({ pool: db, secretKey, log }), log },
      deliveryId,
    );
    log.debug({ deliveryId, ...run }, 'notification delivery');
  },
  'notifications.sweep': async (_payload, { db, log }) => {
    const requeued = await sweepOutbox(db);
    if (requeued) log.warn({ requeued }, 'notification deliveries queued again');
  },
  'slack.interaction': async (payload, { db, secretKey, log, attempt }) => {
    const { slackApiUrl } = loadConfig();
    await runSlackInteraction({ pool: db, secretKey, log, slackApiUrl }, payload, attempt);
  },
  'notifications.digest': async (_payload, { db, log }) => {
    const report = await buildDueDigests(db);
    if (report.members) log.info(report, 'notification digests built');
  },
  'notifications.expiring': async (_payload, { db, log }) => {
    const windowHours = loadConfig().expiringNoticeHours;
    const noticed = await notifyExpiringItems(db, { windowHours });
    if (noticed) log.info({ noticed }, 'inbox items about to expire noticed');
  },
  'slack.update-cards': async ({ workspaceId, inboxItemId }, { db, secretKey, log }) => {
    const report = await updateCards(
      { pool: db, secretKey, config: loadConfig(process.env), log },
      workspaceId,
      inboxItemId,
    );
    if (report.updated || report.gone) log.info({ inboxItemId, ...report }, 'Slack cards updated');
  },
  'anomalies.evaluate': async (_payload, { db, log }) => {
    const report = await evaluateAnomalies(db);
    for (const step of report.steps) log.info(step, 'anomaly %s', step.step);
    // The next tick evaluates again; a failing rule is an error to see, not to retry now.
    for (const failure of report.failures)
      log.error({ rule: failure.rule, err: failure.error }, 'anomaly rule failed');
    if (report.failures.length > 0) {
      throw new Error(`anomaly rules failed: ${report.failures.map((f) => f.rule).join(', ')}`);
    }
  },
  'crm.reconcile': async (payload, { db, secretKey, log }) => {
    const opened = await openConnector(
      { pool: db, secretKey, log },
      payload.workspaceId,
      payload.connectionId,
    );
    const report = await reconcilePending({ pool: db, ...opened }, { graceMs: RECONCILE_GRACE_MS });
    if (report.found)
      log.info({ ...report, connectionId: payload.connectionId }, 'pending CRM writes reconciled');
  },
  'flows.run': async ({ workspaceId, runId }, { db, secretKey, log }) => {
    const config = loadConfig();
    const result = await runFlow(
      // `email`: email_integration sends through the notification path's SMTP settings.
      { db, secretKey, log, allowedHosts: config.allowedCrmHosts, email: config },
      workspaceId,
      runId,
    );
    log.debug({ runId, result }, 'flow run worked on');
  },
  'flows.sweep': async (_payload, { db, log }) => {
    const queued = await sweepRuns(db);
    if (queued) log.warn({ queued }, 'flow runs nobody was working on queued again');
  },
  'flows.schedule-tick': async (_payload, { db, log }) => {
    const { started, missed } = await runScheduleTick(db, { startRun: startFlowRun, log });
    if (started) log.info({ started, missed }, 'scheduled flow runs started');
  },
  'flows.dispatch-event': async (payload, { db, log }) => {
    const result = await dispatchFlowEvent(
      db,
      { startRun: startFlowRun, inScope: recordInScope, log },
      payload as FlowEventJob,
    );
    if (result.started.length)
      log.info(
        { event: payload.event, started: result.started.length },
        'flows started by an event',
      );
  },
};
