/**
 * Event triggers. A producer (an action created or executed, a deal's stage changed, a
 * meeting linked, an agent run finished, an inbox item decided, an anomaly raised)
 * calls `emitFlowEvent` inside its own transaction: the dispatch job exists only if
 * what happened commits, and is queued only when some flow listens, so producers pay
 * one indexed lookup when nobody does. The job starts every listening flow, each once.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Queryable } from '../../db/pool.js';
import { withTransaction } from '../../db/pool.js';
import { enqueueMany } from '../../jobs/queue.js';
import type { FlowEventType } from '../types.js';
import type { RecordScope, StartRun, TriggerRecord } from './start.js';

/**
 * What an event says. Ids and small values only (it travels in a job). `record` names
 * the record it is about: a member's automation starts only when that record is theirs,
 * and its steps find it as `{{trigger.record.id}}`.
 */
export type FlowEventPayload = Record<string, unknown> & { record?: TriggerRecord | null };

export interface FlowEventJob {
  workspaceId: string;
  eventId: string;
  event: FlowEventType;
  payload: FlowEventPayload;
  at: string;
}

// Flows that may start now on `$2` in workspace `$1`: the latest published version
// listens to it, the flow is active and, for an automation, switched on.
const LISTENERS = `
  from flow_versions v
  join flows f on f.id = v.flow_id and f.latest_version = v.version
  left join user_automations ua on ua.flow_id = f.id
  where v.workspace_id = $1::uuid and v.definition -> 'trigger' ->> 'type' = 'event'
    and v.definition -> 'trigger' ->> 'event' = $2::text
    and f.status = 'active' and (f.kind = 'flow' or ua.is_active)`;

/** Queues the event for the flows listening to it; returns whether any does. */
export async function emitFlowEvent(
  db: Queryable,
  workspaceId: string,
  event: FlowEventType,
  payload: FlowEventPayload,
): Promise<boolean> {
  return emitFlowEvents(db, workspaceId, event, [payload]);
}

/** Many events of one type (a sync's stage changes): one lookup, one insert of jobs. */
export async function emitFlowEvents(
  db: Queryable,
  workspaceId: string,
  event: FlowEventType,
  payloads: FlowEventPayload[],
): Promise<boolean> {
  if (payloads.length === 0 || !(await isListening(db, workspaceId, event))) return false;
  const at = new Date().toISOString();
  await enqueueMany(
    db,
    'flows.dispatch-event',
    payloads.map((payload) => ({
      payload: { workspaceId, eventId: randomUUID(), event, payload, at },
    })),
  );
  return true;
}

/** Whether any flow that may start now listens to `event` in the workspace. */
export async function isListening(
  db: Queryable,
  workspaceId: string,
  event: FlowEventType,
): Promise<boolean> {
  const { rows } = await db.query<{ listening: boolean }>(
    `select exists (select 1 ${LISTENERS}) as listening`,
    [workspaceId, event],
  );
  return rows[0]!.listening;
}

/**
 * `conversation.linked` for each meeting the linker tied to a deal or an account since
 * `since` (the database's clock when its run began), read only when a flow listens.
 */
export async function emitLinkedConversations(
  db: Queryable,
  workspaceId: string,
  since: string,
): Promise<number> {
  if (!(await isListening(db, workspaceId, 'conversation.linked'))) return 0;
  const { rows } = await db.query<FlowEventPayload>(
    `select c.id as "conversationId", c.deal_id as "dealId", c.account_id as "accountId",
            c.link_method as "linkMethod",
            case when c.deal_id is not null then json_build_object('type', 'deal', 'id', c.deal_id)
                 else json_build_object('type', 'account', 'id', c.account_id) end as record
     from conversations c
     where c.workspace_id = $1::uuid and c.linked_at >= $2::timestamptz and not c.is_internal
       and (c.deal_id is not null or c.account_id is not null)
       -- A link by hand emitted its own event when it was made.
       and c.link_method is distinct from 'manual'`,
    [workspaceId, since],
  );
  await emitFlowEvents(db, workspaceId, 'conversation.linked', rows);
  return rows.length;
}

interface Listener {
  flowId: string;
  version: number;
  filter: Record<string, unknown> | null;
  scopeUserId: string | null;
}

/** Equality on the event's top-level fields; a flow without a filter takes every event. */
export function matchesFilter(
  filter: Record<string, unknown> | null | undefined,
  payload: Record<string, unknown>,
): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, value]) => payload[key] === value);
}

export interface DispatchResult {
  started: string[];
  /** Flows that listen but were not started, and why. */
  skipped: { flowId: string; reason: 'filter' | 'no_record' | 'not_owned' | 'delivered' }[];
}

/**
 * Starts each flow listening to the event (the `flows.dispatch-event` job), all in one
 * transaction. A member's automation starts only when the event's record is one they
 * own (the steps' scope check, in SQL); an event about no record starts none.
 */
export async function dispatchFlowEvent(
  db: pg.Pool,
  deps: { startRun: StartRun; inScope: RecordScope; log: Logger },
  job: FlowEventJob,
): Promise<DispatchResult> {
  return withTransaction(db, async (client) => {
    const { rows } = await client.query<Listener>(
      `select f.id as "flowId", v.version, v.definition -> 'trigger' -> 'filter' as filter,
              ua.user_id as "scopeUserId"
       ${LISTENERS} order by f.created_at, f.id`,
      [job.workspaceId, job.event],
    );
    const result: DispatchResult = { started: [], skipped: [] };
    for (const listener of rows) {
      const skip = (reason: DispatchResult['skipped'][number]['reason']) =>
        result.skipped.push({ flowId: listener.flowId, reason });
      if (!matchesFilter(listener.filter, job.payload)) {
        skip('filter');
        continue;
      }
      if (listener.scopeUserId) {
        const record = job.payload.record;
        if (!record) {
          skip('no_record');
          continue;
        }
        if (!(await deps.inScope(client, job.workspaceId, listener.scopeUserId, record))) {
          skip('not_owned');
          continue;
        }
      }
      const started = await startOnce(client, deps, job, listener);
      if (started) result.started.push(started);
      else skip('delivered');
    }
    return result;
  });
}

async function startOnce(
  client: pg.PoolClient,
  deps: { startRun: StartRun; log: Logger },
  job: FlowEventJob,
  listener: Listener,
): Promise<string | null> {
  const { rows: delivered } = await client.query(
    `select 1 from flow_event_deliveries where event_id = $1::uuid and flow_id = $2::uuid`,
    [job.eventId, listener.flowId],
  );
  if (delivered.length) return null;
  await client.query('savepoint start_run');
  try {
    const { runId } = await deps.startRun(client, {
      workspaceId: job.workspaceId,
      flowId: listener.flowId,
      version: listener.version,
      trigger: { type: 'event', event: job.event, eventId: job.eventId, at: job.at },
      input: { event: job.event, ...job.payload },
      startedBy: null,
      scopeUserId: listener.scopeUserId,
    });
    await client.query(
      `insert into flow_event_deliveries (event_id, flow_id, workspace_id, run_id)
       values ($1::uuid, $2::uuid, $3::uuid, $4::uuid)`,
      [job.eventId, listener.flowId, job.workspaceId, runId],
    );
    await client.query('release savepoint start_run');
    return runId;
  } catch (error) {
    // One flow that cannot start (archived since) must not keep the others from theirs.
    await client.query('rollback to savepoint start_run');
    deps.log.warn(
      { err: error, flowId: listener.flowId, event: job.event },
      'an event did not start its flow',
    );
    return null;
  }
}
