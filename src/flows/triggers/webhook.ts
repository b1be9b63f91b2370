/**
 * Incoming webhooks: `POST /api/hooks/flows/:flowId` starts a run of a flow whose
 * published trigger is `webhook`. No session or API key: the sender proves itself with
 * the flow's secret, signing `<timestamp>.<raw body>` exactly as a webhook meeting
 * source does (X-Pandora-Timestamp, X-Pandora-Signature, five-minute window; the check
 * is the conversations module's `verifyDelivery`). The secret is made or replaced by
 * rotating it and shown once; until then the flow has no address.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { verifyDelivery } from '../../conversations/webhook.js';
import type { Queryable } from '../../db/pool.js';
import { withTransaction } from '../../db/pool.js';
import { HttpError } from '../../errors.js';
import { decryptJson, encryptJson, type SecretKey } from '../../tenancy/secrets.js';
import type { StartRun } from './start.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

const context = (flowId: string) => `flow-webhook:${flowId}`;

export interface FlowWebhookTarget {
  workspaceId: string;
  flowId: string;
  version: number;
  secret: string;
  scopeUserId: string | null;
}

function noFlow(): HttpError {
  // The same answer for an unknown, archived, paused, secret-less or non-webhook flow.
  return new HttpError(404, 'not_found', 'No flow takes webhooks at this address');
}

/** The flow a delivery is addressed to, if its published trigger takes webhooks. */
export async function flowWebhookTarget(
  db: Queryable,
  key: SecretKey,
  flowId: string,
): Promise<FlowWebhookTarget> {
  const { rows } = await db.query<Omit<FlowWebhookTarget, 'secret'> & { sealed: Buffer }>(
    `select f.workspace_id as "workspaceId", f.id as "flowId", v.version,
            f.webhook_secret as sealed, ua.user_id as "scopeUserId"
     from flows f
     join flow_versions v on v.flow_id = f.id and v.version = f.latest_version
     left join user_automations ua on ua.flow_id = f.id
     where f.id = $1::uuid and f.status = 'active' and f.webhook_secret is not null
       and v.definition -> 'trigger' ->> 'type' = 'webhook'
       and (f.kind = 'flow' or ua.is_active)`,
    [flowId],
  );
  const row = rows[0];
  if (!row) throw noFlow();
  const { sealed, ...target } = row;
  const { secret } = decryptJson<{ secret: string }>(key, sealed, context(flowId));
  return { ...target, secret };
}

/**
 * Makes or replaces the flow's webhook secret and returns it (the only time it is
 * shown). The old secret stops working at once.
 */
export async function rotateFlowWebhookSecret(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  flowId: string,
  kind: 'flow' | 'automation',
): Promise<{ secret: string }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const { rowCount } = await db.query(
    `update flows set webhook_secret = $4::bytea, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and kind = $3::text and status = 'active'`,
    [workspaceId, flowId, kind, encryptJson(key, { secret }, context(flowId))],
  );
  if (!rowCount) throw new HttpError(404, 'not_found', `No ${kind} ${flowId} in this workspace`);
  return { secret };
}

export interface WebhookDelivery {
  runId: string;
  /** A delivery with this Idempotency-Key started the run before: nothing new started. */
  duplicate: boolean;
}

/** The flow a delivery is for, once its signature is checked (401 otherwise). */
export async function verifiedWebhookTarget(
  db: Queryable,
  key: SecretKey,
  flowId: string,
  headers: Record<string, string | string[] | undefined>,
  raw: Buffer,
): Promise<FlowWebhookTarget> {
  const target = await flowWebhookTarget(db, key, flowId);
  verifyDelivery(target.secret, headers, raw);
  return target;
}

/**
 * Starts the run with the delivered body as its `{{trigger...}}` input. With an
 * `Idempotency-Key`, a sender's retry of the same delivery answers the first run
 * instead of starting another.
 */
export async function startFromWebhook(
  pool: pg.Pool,
  startRun: StartRun,
  target: FlowWebhookTarget,
  body: Record<string, unknown>,
  idempotencyKey: string | undefined,
): Promise<WebhookDelivery> {
  return withTransaction(pool, async (client) => {
    // The deliveries table is keyed by uuid: the key is hashed into one, per flow.
    const deliveryId = idempotencyKey ? keyId(`webhook:${target.flowId}:${idempotencyKey}`) : null;
    if (deliveryId) {
      // Serializes two copies of one delivery arriving at once.
      await client.query('select pg_advisory_xact_lock(hashtextextended($1::text, 0))', [
        deliveryId,
      ]);
      const { rows } = await client.query<{ runId: string }>(
        `select run_id as "runId" from flow_event_deliveries
         where event_id = $1::uuid and flow_id = $2::uuid`,
        [deliveryId, target.flowId],
      );
      if (rows[0]) return { runId: rows[0].runId, duplicate: true };
    }
    const { runId } = await startRun(client, {
      workspaceId: target.workspaceId,
      flowId: target.flowId,
      version: target.version,
      trigger: {
        type: 'webhook',
        receivedAt: new Date().toISOString(),
        ...(idempotencyKey ? { idempotencyKey } : {}),
      },
      input: body,
      startedBy: null,
      scopeUserId: target.scopeUserId,
    });
    if (deliveryId) {
      await client.query(
        `insert into flow_event_deliveries (event_id, flow_id, workspace_id, run_id)
         values ($1::uuid, $2::uuid, $3::uuid, $4::uuid)`,
        [deliveryId, target.flowId, target.workspaceId, runId],
      );
    }
    return { runId, duplicate: false };
  });
}

function keyId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
