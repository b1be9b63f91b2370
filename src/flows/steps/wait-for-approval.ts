/**
 * wait_for_approval: puts an approval in the inbox (source 'flow') and waits for it
 * without holding a worker. The decision queues the run again (src/inbox/resolve.ts);
 * the run then goes on with `then` when approved, `onReject` when rejected, `onTimeout`
 * when nobody decided in time (null ends the run; absent: the next step). A rejection
 * without `onReject` ends the run `cancelled` by the person who rejected.
 *
 * The item is looked up by (run, step) before one is created, so a worker that died
 * between creating it and recording the wait does not leave two.
 */
import { Type, type Static } from '@sinclair/typebox';
import { withTransaction } from '../../db/pool.js';
import { createInboxItem } from '../../inbox/items.js';
import { settleItems } from '../../inbox/resolve.js';
import { FlowStepError, type StepContext, type StepDefinition } from '../types.js';

const DAY_MS = 24 * 3_600_000;
const Target = Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }), Type.Null()]);

const configSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 5_000 })),
    /** Who decides; else an automation's member; else the workspace's admins. */
    assigneeEmail: Type.Optional(Type.String({ maxLength: 320 })),
    timeoutMs: Type.Integer({ minimum: 60_000, maximum: 30 * DAY_MS, default: 3 * DAY_MS }),
    then: Type.Optional(Target),
    onReject: Type.Optional(Target),
    onTimeout: Type.Optional(Target),
  },
  { additionalProperties: false },
);
type Config = Static<typeof configSchema>;

interface WaitState {
  inboxItemId: string;
  expiresAt: string;
}

type Decision = 'approved' | 'rejected' | 'expired';

export const waitForApprovalStep: StepDefinition<Config> = {
  type: 'wait_for_approval',
  category: 'control',
  title: 'Wait for approval',
  description:
    'Asks a person in the inbox and waits for the decision; approved, rejected and timed out each go on their own way (a rejection with no way to go cancels the run).',
  effect: 'write',
  configSchema,
  allowedInAutomations: true,
  defaultRetry: { attempts: 3, backoffMs: 1_000, maxDelayMs: 30_000 },
  defaultTimeoutMs: 15_000,
  jumpFields: ['then', 'onReject', 'onTimeout'],
  async run(context, config) {
    const state = (context.state as WaitState | null) ?? (await openItem(context, config));
    const item = await readItem(context, state.inboxItemId);
    let decided = item;
    if (item.status === 'pending') {
      if (context.now().getTime() < Date.parse(state.expiresAt)) {
        return { kind: 'suspended', state, wakeAt: new Date(state.expiresAt) };
      }
      // Due before the expiry job came round: expire it here, as that job would.
      await withTransaction(context.services.db, (client) =>
        settleItems(client, context.workspaceId, [state.inboxItemId], 'expired', {
          actor: 'inbox expiry',
          resolution: { reason: 'expired' },
        }),
      );
      decided = await readItem(context, state.inboxItemId);
    }
    const decision = decided.status as Decision;
    if (decision === 'rejected' && config.onReject == null) {
      await stopRunAsRejected(context, decided.resolvedBy);
    }
    const branch =
      decision === 'approved'
        ? config.then
        : decision === 'rejected'
          ? config.onReject
          : config.onTimeout;
    return {
      kind: 'completed',
      output: {
        decision,
        inboxItemId: state.inboxItemId,
        decidedBy: decided.resolvedBy,
        decidedAt: decided.resolvedAt,
        reason: decided.reason,
      },
      // Rejected or timed out with no path given: the run ends there (cancelled by the
      // rejection, which the runner sees when it records this step).
      ...(branch !== undefined ? { next: branch } : decision === 'approved' ? {} : { next: null }),
    };
  },
};

/**
 * A rejection with nowhere to go stops the run: the change it gated never happens, so
 * the run ends `cancelled` (not `completed`), by the person who rejected when they are
 * a member. This asks for the cancel; the runner, recording this step's result next,
 * finds it and ends the run, this step's output (the decision, who, why) kept.
 */
async function stopRunAsRejected(context: StepContext, rejectedBy: string | null): Promise<void> {
  await context.services.db.query(
    `update flow_runs r
     set cancel_requested_at = coalesce(r.cancel_requested_at, now()),
         cancelled_by = coalesce(r.cancelled_by,
           (select u.id from users u
            join memberships m on m.user_id = u.id and m.workspace_id = r.workspace_id
            where u.email = lower($3::text))),
         updated_at = now()
     where r.workspace_id = $1::uuid and r.id = $2::uuid
       and r.status in ('pending', 'running', 'waiting')`,
    [context.workspaceId, context.runId, rejectedBy],
  );
}

async function openItem(context: StepContext, config: Config): Promise<WaitState> {
  const db = context.services.db;
  const existing = await db.query<WaitState>(
    `select id as "inboxItemId", expires_at as "expiresAt" from inbox_items
     where workspace_id = $1::uuid and flow_run_id = $2::uuid
       and context -> 'flow' ->> 'stepKey' = $3::text
     order by created_at limit 1`,
    [context.workspaceId, context.runId, context.stepKey],
  );
  if (existing.rows[0]) return existing.rows[0];
  const expiresAt = new Date(context.now().getTime() + config.timeoutMs).toISOString();
  const id = await createInboxItem(db, {
    workspaceId: context.workspaceId,
    itemType: 'approval',
    source: 'flow',
    title: config.title,
    description: config.description ?? null,
    context: {
      flow: {
        flowId: context.flowId,
        version: context.version,
        runId: context.runId,
        stepKey: context.stepKey,
      },
    },
    assigneeUserId: config.assigneeEmail ? null : context.scopeUserId,
    ownerEmail: config.assigneeEmail ?? null,
    flowRunId: context.runId,
    expiresAt,
  });
  if (!id) throw new FlowStepError('internal', 'The approval could not be put in the inbox');
  return { inboxItemId: id, expiresAt };
}

async function readItem(
  context: StepContext,
  itemId: string,
): Promise<{
  status: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  reason: string | null;
}> {
  const { rows } = await context.services.db.query<{
    status: string;
    resolvedBy: string | null;
    resolvedAt: string | null;
    reason: string | null;
  }>(
    `select status, resolved_by as "resolvedBy", resolved_at as "resolvedAt",
            resolution ->> 'reason' as reason
     from inbox_items where workspace_id = $1::uuid and id = $2::uuid`,
    [context.workspaceId, itemId],
  );
  if (!rows[0]) {
    throw new FlowStepError('validation', 'The approval this step waits on was deleted', {
      retryable: false,
      suggestion: 'Rerun the flow to ask again.',
    });
  }
  return rows[0];
}
