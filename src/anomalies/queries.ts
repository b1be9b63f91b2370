import type { Caller } from '../actions/service.js';
import { withTransaction, type Queryable } from '../db/pool.js';
import { conflict, notFound } from '../errors.js';
import type pg from 'pg';
import type { AnomalyStatus } from './lifecycle.js';
import { ruleById } from './rules.js';
import { ANOMALY_COLUMNS, readAnomaly, resolve, settleAlerts, type Anomaly } from './store.js';

export interface AnomalySample {
  at: string;
  value: number;
  sampleSize: number;
}

/** An anomaly with what the trend chart needs: its rule's lines and the measured points. */
export interface AnomalyDetail extends Anomaly {
  rule: string;
  thresholds: { direction: 'above' | 'below'; fireAt: number; recoverAt: number } | null;
  samples: AnomalySample[];
}

/** At most this many trend points, the latest (a month of 5-minute evaluations is 8,640). */
const MAX_SAMPLES = 2_000;

/** The workspace's anomalies, newest first, of one status when asked. */
export async function listAnomalies(
  db: Queryable,
  workspaceId: string,
  filters: { status?: AnomalyStatus; limit: number },
): Promise<Anomaly[]> {
  const { rows } = await db.query<Anomaly>(
    `select ${ANOMALY_COLUMNS} from anomalies n
     where n.workspace_id = $1::uuid and ($2::text is null or n.status = $2::text)
     order by n.created_at desc, n.id desc
     limit $3::int`,
    [workspaceId, filters.status ?? null, filters.limit],
  );
  return rows;
}

export async function getAnomaly(
  db: Queryable,
  workspaceId: string,
  anomalyId: string,
): Promise<AnomalyDetail> {
  const anomaly = await readAnomaly(db, workspaceId, anomalyId);
  if (!anomaly) throw notFound('anomaly', anomalyId);
  const { rows } = await db.query<AnomalySample>(
    `select at, value, "sampleSize" from (
       select s.at, s.value, s.sample_size as "sampleSize" from anomaly_samples s
       where s.workspace_id = $1::uuid and s.rule = $2::text and s.scope_key = $3::text
       order by s.at desc limit $4::int) latest
     order by at`,
    [workspaceId, anomaly.rule, anomaly.scopeKey, MAX_SAMPLES],
  );
  const data = anomaly.data as { threshold?: unknown; recoverAt?: unknown; direction?: unknown };
  const rule = ruleById(anomaly.rule);
  const thresholds =
    typeof data.threshold === 'number' && typeof data.recoverAt === 'number'
      ? {
          direction: data.direction === 'below' ? ('below' as const) : ('above' as const),
          fireAt: data.threshold,
          recoverAt: data.recoverAt,
        }
      : rule
        ? {
            direction: rule.thresholds.direction,
            fireAt: rule.thresholds.fireAt,
            recoverAt: rule.thresholds.recoverAt,
          }
        : null;
  return { ...anomaly, thresholds, samples: rows };
}

async function lockAnomaly(db: Queryable, workspaceId: string, anomalyId: string) {
  const { rows } = await db.query<{ status: AnomalyStatus }>(
    `select status from anomalies where workspace_id = $1::uuid and id = $2::uuid for update`,
    [workspaceId, anomalyId],
  );
  if (!rows[0]) throw notFound('anomaly', anomalyId);
  return rows[0].status;
}

/**
 * A person is on it: no more re-notifications, its waiting alerts settled. It still
 * clears by itself on recovery. Acknowledging twice is a no-op; a resolved one is a 409.
 */
export function acknowledgeAnomalyAs(
  pool: pg.Pool,
  caller: Caller,
  anomalyId: string,
): Promise<Anomaly> {
  return withTransaction(pool, async (db) => {
    const status = await lockAnomaly(db, caller.workspaceId, anomalyId);
    if (status === 'resolved') {
      throw conflict(
        'anomaly_resolved',
        'This anomaly is resolved already; nothing to acknowledge',
      );
    }
    if (status !== 'acknowledged') {
      await db.query(
        `update anomalies
         set status = 'acknowledged', acknowledged_by = $3::text, acknowledged_at = now(),
             updated_at = now()
         where workspace_id = $1::uuid and id = $2::uuid`,
        [caller.workspaceId, anomalyId, caller.actor],
      );
      await settleAlerts(db, caller.workspaceId, anomalyId, caller.actor, 'acknowledged');
    }
    return (await readAnomaly(db, caller.workspaceId, anomalyId))!;
  });
}

/**
 * Resolved by a person. If the rule still finds the condition, its next evaluation
 * opens a new finding (pending again), so a problem not really fixed comes back.
 */
export function resolveAnomalyAs(
  pool: pg.Pool,
  caller: Caller,
  anomalyId: string,
): Promise<Anomaly> {
  return withTransaction(pool, async (db) => {
    const status = await lockAnomaly(db, caller.workspaceId, anomalyId);
    if (status !== 'resolved') {
      await resolve(db, caller.workspaceId, anomalyId, { by: 'person', actor: caller.actor });
    }
    return (await readAnomaly(db, caller.workspaceId, anomalyId))!;
  });
}
