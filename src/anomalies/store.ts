import type pg from 'pg';
import { withTransaction, type Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import { createInboxItem } from '../inbox/items.js';
import { settleItems } from '../inbox/resolve.js';
import { notifyAnomalyFired } from '../notifications/producers/anomalies.js';
import {
  nextStep,
  type AnomalySeverity,
  type AnomalyStatus,
  type Step,
  type Timing,
  type Verdict,
} from './lifecycle.js';
import { emitFlowEvent } from '../flows/triggers/events.js';

/** A rule's finding in a workspace, as the API shows it. */
export interface Anomaly {
  id: string;
  rule: string;
  /** What it is about: '' for the whole workspace, else an agent, `agent:field`, a connection. */
  scopeKey: string;
  severity: AnomalySeverity;
  title: string;
  description: string | null;
  /** The measured value, its thresholds and the sample behind it. */
  data: Record<string, unknown>;
  status: AnomalyStatus;
  firstSeenAt: string;
  firedAt: string | null;
  lastNotifiedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: 'person' | 'recovery' | null;
  createdAt: string;
  updatedAt: string;
}

export const ANOMALY_COLUMNS = `
  n.id, n.rule, n.scope_key as "scopeKey", n.severity, n.title, n.description, n.data, n.status,
  n.first_seen_at as "firstSeenAt", n.fired_at as "firedAt",
  n.last_notified_at as "lastNotifiedAt", n.acknowledged_by as "acknowledgedBy",
  n.acknowledged_at as "acknowledgedAt", n.resolved_at as "resolvedAt",
  n.resolved_by as "resolvedBy", n.resolution, n.created_at as "createdAt",
  n.updated_at as "updatedAt"`;

/** What a rule found for one scope, with the words people will read. */
export interface Finding {
  workspaceId: string;
  rule: string;
  scopeKey: string;
  severity: AnomalySeverity;
  title: string;
  description?: string | null;
  /** Keep `value`, `threshold` and `sampleSize` in it: the console draws the trend from them. */
  data: Record<string, unknown>;
}

export interface FindingResult {
  step: Step;
  /** The finding after the step; null when nothing is open and nothing was opened. */
  anomaly: Anomaly | null;
}

/**
 * The rule's condition holds for this scope now: opens a pending finding, refreshes an
 * open one's data, fires it once it has been pending for `timing.pendingMs` (event
 * `anomaly.detected` and an alert in the admins' inbox), and tells people again every
 * `timing.renotifyMs` while it stays active. One open finding per rule and scope.
 * The periodic evaluator uses it, and so may any part that detects a condition itself.
 */
export function raiseOrRefresh(
  pool: pg.Pool,
  finding: Finding,
  timing: Timing,
  now = new Date(),
): Promise<FindingResult> {
  return applyVerdict(pool, finding, 'breach', timing, now);
}

/** The condition is over for this scope: an open finding is resolved by recovery. */
export function recoverFinding(
  pool: pg.Pool,
  finding: Finding,
  now = new Date(),
): Promise<FindingResult> {
  return applyVerdict(pool, finding, 'recover', { pendingMs: 0, renotifyMs: 0 }, now);
}

interface OpenRow {
  id: string;
  status: Exclude<AnomalyStatus, 'resolved'>;
  firstSeenAt: Date;
  lastNotifiedAt: Date | null;
}

async function lockOpen(db: Queryable, f: Finding): Promise<OpenRow | null> {
  const { rows } = await db.query<{
    id: string;
    status: OpenRow['status'];
    firstSeenAt: string;
    lastNotifiedAt: string | null;
  }>(
    `select id, status, first_seen_at as "firstSeenAt", last_notified_at as "lastNotifiedAt"
     from anomalies
     where workspace_id = $1::uuid and rule = $2::text and scope_key = $3::text
       and status in ('pending', 'active', 'acknowledged')
     for update`,
    [f.workspaceId, f.rule, f.scopeKey],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    firstSeenAt: new Date(row.firstSeenAt),
    lastNotifiedAt: row.lastNotifiedAt ? new Date(row.lastNotifiedAt) : null,
  };
}

/** The lifecycle step for one measurement's verdict, applied in one transaction. */
export async function applyVerdict(
  pool: pg.Pool,
  finding: Finding,
  verdict: Verdict,
  timing: Timing,
  now = new Date(),
): Promise<FindingResult> {
  return withTransaction(pool, async (db) => {
    let open = await lockOpen(db, finding);
    if (
      open?.status === 'active' &&
      (await acknowledgedInInbox(db, finding.workspaceId, open.id))
    ) {
      open = { ...open, status: 'acknowledged' };
    }
    let step = nextStep(open, verdict, timing, now);
    let id = open?.id ?? null;
    if (step === 'open' || step === 'open_and_fire') {
      const opened = await db.query<{ id: string }>(
        `insert into anomalies (workspace_id, rule, scope_key, severity, title, description, data,
                                status, first_seen_at, created_at, updated_at)
         values ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::jsonb, 'pending',
                 $8::timestamptz, $8::timestamptz, $8::timestamptz)
         on conflict (workspace_id, rule, scope_key)
           where status in ('pending', 'active', 'acknowledged') do nothing
         returning id`,
        [
          finding.workspaceId,
          finding.rule,
          finding.scopeKey,
          finding.severity,
          finding.title,
          finding.description ?? null,
          JSON.stringify(finding.data),
          now.toISOString(),
        ],
      );
      if (opened.rows[0]) {
        id = opened.rows[0].id;
        if (step === 'open_and_fire') await fire(db, id, finding, now);
      } else {
        // Opened meanwhile by another transaction: decide again against that one.
        open = await lockOpen(db, finding);
        step = nextStep(open, verdict, timing, now);
        id = open?.id ?? null;
      }
    }
    if (id && step !== 'open' && step !== 'open_and_fire' && step !== 'none') {
      await refresh(db, id, finding, now);
      if (step === 'fire' || step === 'renotify') await fire(db, id, finding, now, step);
      if (step === 'resolve') {
        await resolve(db, finding.workspaceId, id, { by: 'recovery', actor: 'pandora' }, now);
      }
    }
    return { step, anomaly: id ? await readAnomaly(db, finding.workspaceId, id) : null };
  });
}

/**
 * A person who approved or rejected the anomaly's alert in the inbox has seen it: the
 * finding is acknowledged in their name (so it is not re-notified with a new alert).
 * Alerts this part settled itself carry `resolution.anomaly` and do not count.
 */
async function acknowledgedInInbox(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update anomalies n
     set status = 'acknowledged', acknowledged_by = i.resolved_by,
         acknowledged_at = i.resolved_at, updated_at = now()
     from (select resolved_by, resolved_at from inbox_items
           where workspace_id = $1::uuid and anomaly_id = $2::uuid
             and status in ('approved', 'rejected') and resolution->>'anomaly' is null
           order by resolved_at desc nulls last limit 1) i
     where n.workspace_id = $1::uuid and n.id = $2::uuid and n.status = 'active'`,
    [workspaceId, id],
  );
  return (rowCount ?? 0) > 0;
}

async function refresh(db: Queryable, id: string, f: Finding, now: Date): Promise<void> {
  await db.query(
    `update anomalies set severity = $2::text, title = $3::text, description = $4::text,
                          data = $5::jsonb, updated_at = $6::timestamptz
     where id = $1::uuid`,
    [id, f.severity, f.title, f.description ?? null, JSON.stringify(f.data), now.toISOString()],
  );
}

/** Active now: the event, and an alert for the admins unless one is still waiting. */
async function fire(
  db: Queryable,
  id: string,
  f: Finding,
  now: Date,
  step: 'fire' | 'renotify' = 'fire',
): Promise<void> {
  await db.query(
    `update anomalies
     set status = case when status = 'pending' then 'active' else status end,
         fired_at = coalesce(fired_at, $2::timestamptz), last_notified_at = $2::timestamptz,
         updated_at = $2::timestamptz
     where id = $1::uuid`,
    [id, now.toISOString()],
  );
  await publishEvent(db, {
    workspaceId: f.workspaceId,
    type: 'anomaly.detected',
    payload: { anomalyId: id, rule: f.rule, severity: f.severity },
  });
  if (step === 'fire') {
    await emitFlowEvent(db, f.workspaceId, 'anomaly.raised', {
      anomalyId: id,
      rule: f.rule,
      severity: f.severity,
      scopeKey: f.scopeKey,
    });
  }
  await notifyAnomalyFired(db, {
    workspaceId: f.workspaceId,
    anomalyId: id,
    rule: f.rule,
    severity: f.severity,
    title: f.title,
    description: f.description ?? null,
    notifiedAt: now,
    again: step === 'renotify',
  });
  const { rows } = await db.query(
    `select 1 from inbox_items
     where workspace_id = $1::uuid and anomaly_id = $2::uuid and status = 'pending'`,
    [f.workspaceId, id],
  );
  if (rows.length > 0) return;
  await createInboxItem(db, {
    workspaceId: f.workspaceId,
    itemType: 'alert',
    source: 'anomaly',
    title: f.title,
    description: f.description ?? null,
    context: {
      anomaly: { id, rule: f.rule, scopeKey: f.scopeKey, severity: f.severity, data: f.data },
    },
    anomalyId: id,
    // The admins': anomalies are about the workspace's agents and connections.
    assigneeUserId: null,
  });
}

/**
 * Resolves an open finding and settles its waiting alerts; false when it was not open.
 * `by` says whether a person did it or the value recovered.
 */
export async function resolve(
  db: Queryable,
  workspaceId: string,
  id: string,
  who: { by: 'person' | 'recovery'; actor: string },
  now = new Date(),
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update anomalies
     set status = 'resolved', resolved_at = $3::timestamptz, resolved_by = $4::text,
         resolution = $5::text, updated_at = $3::timestamptz
     where workspace_id = $1::uuid and id = $2::uuid
       and status in ('pending', 'active', 'acknowledged')`,
    [workspaceId, id, now.toISOString(), who.actor, who.by],
  );
  if (!rowCount) return false;
  await settleAlerts(
    db,
    workspaceId,
    id,
    who.actor,
    who.by === 'recovery' ? 'recovered' : 'resolved',
  );
  return true;
}

/** The anomaly's waiting alerts are done with: a person saw it, or it is over. */
export async function settleAlerts(
  db: Queryable,
  workspaceId: string,
  anomalyId: string,
  actor: string,
  outcome: 'acknowledged' | 'resolved' | 'recovered',
): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `select id from inbox_items
     where workspace_id = $1::uuid and anomaly_id = $2::uuid and status = 'pending'`,
    [workspaceId, anomalyId],
  );
  await settleItems(
    db,
    workspaceId,
    rows.map((row) => row.id),
    'approved',
    { actor, resolution: { anomaly: outcome } },
  );
}

export async function readAnomaly(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<Anomaly | null> {
  const { rows } = await db.query<Anomaly>(
    `select ${ANOMALY_COLUMNS} from anomalies n where n.workspace_id = $1::uuid and n.id = $2::uuid`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}
