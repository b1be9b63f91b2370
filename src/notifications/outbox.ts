/**
 * The outbox runner: one `notifications.deliver` job per delivery row. A job claims
 * its row with a lease, hands it to the channel's sender and records what happened.
 * Each row has its own job, so a channel that is down only delays its own rows.
 *
 * A retry never sends twice: a row already delivered, failed or skipped is left
 * alone, a row another worker holds (unexpired lease) too, and the sender gets the
 * row's stable idempotency key and what earlier attempts recorded, so it can find a
 * send whose answer was lost.
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import { withTransaction, type Queryable } from '../db/pool.js';
import { TIMED_OUT, within } from '../timeout.js';
import { enqueueDeliveries, enqueueDelivery } from './record.js';
import type { Senders } from './senders.js';
import type { DeliveryOutcome, DeliveryTask, NotificationPayload, OutboxChannel } from './types.js';

export interface OutboxOptions {
  /** How long a claimed row is ours; a worker that dies leaves it to the sweep after this. */
  leaseMs: number;
  /** Attempts before a row that keeps asking for a retry is marked failed. */
  maxAttempts: number;
  /** Backoff before attempt n+1: base * 2^(n-1), jittered, at most `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** A rate-limit wait shorter than this is slept through; a longer one re-queues the row. */
  maxInlineWaitMs: number;
  /** In [0, 1): the jitter's randomness (tests pin it). */
  random: () => number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  leaseMs: 120_000,
  maxAttempts: 8,
  baseBackoffMs: 5_000,
  // Eight attempts then span about an hour: long enough to ride out an SMTP restart or a
  // Slack incident, short enough that a person hears about the failure the same day.
  maxBackoffMs: 15 * 60_000,
  maxInlineWaitMs: 1_000,
  random: Math.random,
};

export interface OutboxDeps {
  /** The pool, not a transaction: a claim must commit before the send. */
  pool: pg.Pool;
  senders: Senders;
  log?: Logger;
  options?: Partial<OutboxOptions>;
}

export type DeliveryRun =
  | { result: 'left_alone' }
  | { result: 'waiting_for_slot'; at: string }
  | { result: 'delivered' | 'failed' | 'skipped'; attempt: number }
  | { result: 'retry'; attempt: number; at: string };

interface ClaimedRow {
  id: string;
  workspaceId: string;
  channel: OutboxChannel;
  target: string | null;
  payload: NotificationPayload;
  idempotencyKey: string;
  attempts: number;
  externalRef: Record<string, unknown>;
  rateSlotAt: string | null;
  userId: string | null;
  email: string | null;
  name: string | null;
}

/** Delivers one outbox row (the `notifications.deliver` job). */
export async function deliverNotification(
  deps: OutboxDeps,
  deliveryId: string,
): Promise<DeliveryRun> {
  const options = { ...DEFAULT_OUTBOX_OPTIONS, ...deps.options };
  const row = await claim(deps.pool, deliveryId, options.leaseMs);
  if (!row) return { result: 'left_alone' };

  const sender = deps.senders.get(row.channel);
  if (!sender) {
    await settle(
      deps.pool,
      row,
      {
        status: 'skipped',
        reason: `No ${row.channel} sender is configured in this process`,
      },
      options,
    );
    return { result: 'skipped', attempt: row.attempts };
  }

  if (sender.perSecond && !row.rateSlotAt) {
    const wait = await reserveSlot(deps.pool, row.workspaceId, row.channel, sender.perSecond);
    if (wait.ms > options.maxInlineWaitMs) {
      await waitForSlot(deps.pool, row, wait.at);
      return { result: 'waiting_for_slot', at: wait.at };
    }
    if (wait.ms > 0) await sleep(wait.ms);
  }

  const task: DeliveryTask = {
    deliveryId: row.id,
    workspaceId: row.workspaceId,
    channel: row.channel,
    recipient:
      row.userId && row.email
        ? { userId: row.userId, email: row.email, name: row.name ?? '' }
        : null,
    target: row.target,
    payload: row.payload,
    idempotencyKey: row.idempotencyKey,
    attempt: row.attempts,
    externalRef: row.externalRef,
  };
  let outcome: DeliveryOutcome;
  try {
    // Past the lease another worker may take the row; give up on this try before that.
    const sent = await within(sender.send(task), Math.max(1_000, options.leaseMs - 5_000));
    outcome =
      sent === TIMED_OUT
        ? { status: 'retry', error: `${row.channel} did not answer in time` }
        : sent;
  } catch (error) {
    // A sender should classify its errors; one that escapes is treated as passing trouble.
    outcome = { status: 'retry', error: error instanceof Error ? error.message : String(error) };
  }
  const settled = await settle(deps.pool, row, outcome, options);
  if (settled.status === 'retry') {
    deps.log?.info(
      { deliveryId: row.id, channel: row.channel, attempt: row.attempts, at: settled.at },
      'notification delivery will be retried',
    );
    return { result: 'retry', attempt: row.attempts, at: settled.at };
  }
  if (settled.status === 'failed') {
    deps.log?.warn(
      { deliveryId: row.id, channel: row.channel, attempt: row.attempts, error: settled.error },
      'notification delivery failed',
    );
  }
  return { result: settled.status, attempt: row.attempts };
}

/**
 * Takes the row if it is due and nobody holds it: pending and due, or sending with an
 * expired lease (a worker died mid-send). Anything else is left alone.
 */
async function claim(
  pool: pg.Pool,
  deliveryId: string,
  leaseMs: number,
): Promise<ClaimedRow | null> {
  const { rows } = await pool.query<ClaimedRow>(
    `with claimed as (
       update notification_deliveries
       set status = 'sending', attempts = attempts + 1, updated_at = now(),
           locked_until = now() + make_interval(secs => $2::double precision / 1000)
       where id = $1::uuid
         and ((status = 'pending' and next_attempt_at <= now())
              or (status = 'sending' and locked_until < now()))
       returning *)
     select c.id::text, c.workspace_id::text as "workspaceId", c.channel, c.target, c.payload,
            c.idempotency_key as "idempotencyKey", c.attempts, c.external_ref as "externalRef",
            c.rate_slot_at as "rateSlotAt", u.id::text as "userId", u.email, u.name
     from claimed c left join users u on u.id = c.recipient_user_id`,
    [deliveryId, leaseMs],
  );
  return rows[0] ?? null;
}

/**
 * Reserves the channel's next send time in this workspace: slots `1/perSecond` apart,
 * shared by every worker through one row.
 */
async function reserveSlot(
  db: Queryable,
  workspaceId: string,
  channel: OutboxChannel,
  perSecond: number,
): Promise<{ ms: number; at: string }> {
  const { rows } = await db.query<{ ms: number; at: string }>(
    `with spacing as (select make_interval(secs => 1.0 / $3::double precision) as gap),
     slot as (
       insert into notification_rate_slots as s (workspace_id, channel, next_slot_at)
       select $1::uuid, $2::text, clock_timestamp() + gap from spacing
       on conflict (workspace_id, channel) do update
         set next_slot_at = greatest(s.next_slot_at, clock_timestamp())
                            + (select gap from spacing)
       returning next_slot_at - (select gap from spacing) as at)
     select at, greatest(0, extract(epoch from at - clock_timestamp()) * 1000)::float8 as ms
     from slot`,
    [workspaceId, channel, perSecond],
  );
  return rows[0]!;
}

/** Puts a claimed row back until the slot it reserved, without counting an attempt. */
async function waitForSlot(pool: pg.Pool, row: ClaimedRow, at: string): Promise<void> {
  await withTransaction(pool, async (tx) => {
    const { rowCount } = await tx.query(
      `update notification_deliveries
       set status = 'pending', attempts = attempts - 1, locked_until = null,
           next_attempt_at = $3::timestamptz, rate_slot_at = $3::timestamptz, updated_at = now()
       where id = $1::uuid and status = 'sending' and attempts = $2::integer`,
      [row.id, row.attempts, at],
    );
    if (rowCount) await enqueueDelivery(tx, row.id, new Date(at));
  });
}

type Settled =
  | { status: 'delivered' | 'skipped' }
  | { status: 'failed'; error: string }
  | { status: 'retry'; at: string };

/** The delay before the next attempt: the channel's Retry-After or our backoff, the longer. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  options: Pick<OutboxOptions, 'baseBackoffMs' | 'maxBackoffMs' | 'random'>,
): number {
  const ceiling = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** (attempt - 1));
  // Half fixed, half random: retries of a burst spread out but never come back at once.
  const backoff = Math.round(ceiling / 2 + (ceiling / 2) * options.random());
  return Math.max(retryAfterMs ?? 0, backoff);
}

/**
 * Records an outcome, only if the row is still ours (same status and attempt): a worker
 * whose lease ran out and was taken over must not overwrite the newer attempt.
 */
async function settle(
  pool: pg.Pool,
  row: ClaimedRow,
  outcome: DeliveryOutcome,
  options: OutboxOptions,
): Promise<Settled> {
  const externalRef = 'externalRef' in outcome ? (outcome.externalRef ?? {}) : {};
  let status: 'delivered' | 'failed' | 'skipped' | 'pending';
  let error: string | null = null;
  let delayMs = 0;
  let settled: Settled;
  switch (outcome.status) {
    case 'delivered':
      status = 'delivered';
      settled = { status };
      break;
    case 'skipped':
      status = 'skipped';
      error = outcome.reason;
      settled = { status };
      break;
    case 'failed':
      status = 'failed';
      error = outcome.error;
      settled = { status, error };
      break;
    case 'retry':
      if (row.attempts >= options.maxAttempts) {
        status = 'failed';
        error = `Gave up after ${row.attempts} attempts: ${outcome.error}`;
        settled = { status, error };
      } else {
        status = 'pending';
        error = outcome.error;
        delayMs = retryDelayMs(row.attempts, outcome.retryAfterMs, options);
        settled = { status: 'retry', at: '' };
      }
      break;
  }
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ at: string }>(
      `update notification_deliveries
       set status = $3::text, last_error = $4::text, external_ref = external_ref || $5::jsonb,
           locked_until = null, rate_slot_at = null, updated_at = now(),
           delivered_at = case when $3::text = 'delivered' then now() end,
           next_attempt_at = case when $3::text = 'pending'
                                  then now() + make_interval(secs => $6::double precision / 1000)
                                  else next_attempt_at end
       where id = $1::uuid and status = 'sending' and attempts = $2::integer
       returning next_attempt_at as at`,
      [row.id, row.attempts, status, error, JSON.stringify(externalRef), delayMs],
    );
    if (rows[0] && settled.status === 'retry') {
      settled.at = rows[0].at;
      await enqueueDelivery(tx, row.id, new Date(rows[0].at));
    }
    return settled;
  });
}

/** Rows whose job went missing: pending and overdue by this much, or an expired lease. */
const SWEEP_GRACE_MS = 60_000;

/**
 * Queues a job again for every row that should have gone out and did not (a job
 * lost with a failed transaction of the queue's, a worker that died holding a
 * lease). A row whose job still exists is harmless to re-queue: one job per row.
 */
export async function sweepOutbox(db: Queryable, limit = 5_000): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `select id::text from notification_deliveries
     where (status = 'pending'
            and next_attempt_at < now() - make_interval(secs => $1::double precision / 1000))
        or (status = 'sending' and locked_until < now())
     order by next_attempt_at limit $2::integer`,
    [SWEEP_GRACE_MS, limit],
  );
  await enqueueDeliveries(
    db,
    rows.map((row) => row.id),
  );
  return rows.length;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
