import type { Queryable } from '../db/pool.js';
import { PgCode, pgErrorCode } from '../db/pool.js';
import { badRequest, conflict, notFound } from '../errors.js';

/** A stretch of time reps carry a quota for, e.g. "Q3 2025". Dates are 'YYYY-MM-DD'. */
export interface QuotaPeriod {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  /** Rep quotas set for it. */
  quotas: number;
  createdAt: string;
}

export interface RepQuota {
  id: string;
  periodId: string;
  /** Set when the quota was given by owner id. */
  ownerId: string | null;
  /** The quota's email, or its owner's. */
  ownerEmail: string | null;
  ownerName: string | null;
  amount: number;
  createdAt: string;
  updatedAt: string;
}

const PERIOD_COLUMNS = `p.id, p.name, p.starts_on as "startsOn", p.ends_on as "endsOn",
  (select count(*) from rep_quotas q where q.period_id = p.id)::int as quotas,
  p.created_at as "createdAt"`;

const QUOTA_COLUMNS = `q.id, q.period_id as "periodId", q.owner_id as "ownerId",
  coalesce(q.owner_email, o.email) as "ownerEmail", o.name as "ownerName", q.amount,
  q.created_at as "createdAt", q.updated_at as "updatedAt"`;

/** The workspace's periods, latest first. */
export async function listQuotaPeriods(db: Queryable, workspaceId: string): Promise<QuotaPeriod[]> {
  const { rows } = await db.query<QuotaPeriod>(
    `select ${PERIOD_COLUMNS} from quota_periods p
     where p.workspace_id = $1::uuid order by p.starts_on desc, p.name`,
    [workspaceId],
  );
  return rows;
}

export async function getQuotaPeriod(
  db: Queryable,
  workspaceId: string,
  periodId: string,
): Promise<QuotaPeriod> {
  const { rows } = await db.query<QuotaPeriod>(
    `select ${PERIOD_COLUMNS} from quota_periods p
     where p.workspace_id = $1::uuid and p.id = $2::uuid`,
    [workspaceId, periodId],
  );
  if (!rows[0]) throw notFound('quota period', periodId);
  return rows[0];
}

export async function createQuotaPeriod(
  db: Queryable,
  workspaceId: string,
  input: { name: string; startsOn: string; endsOn: string },
): Promise<QuotaPeriod> {
  if (input.endsOn < input.startsOn) {
    throw badRequest(
      'invalid_period',
      `endsOn (${input.endsOn}) is before startsOn (${input.startsOn}); a period ends on or ` +
        'after the day it starts',
      { field: 'endsOn' },
    );
  }
  try {
    const { rows } = await db.query<{ id: string }>(
      `insert into quota_periods (workspace_id, name, starts_on, ends_on)
       values ($1::uuid, $2::text, $3::date, $4::date) returning id`,
      [workspaceId, input.name, input.startsOn, input.endsOn],
    );
    return await getQuotaPeriod(db, workspaceId, rows[0]!.id);
  } catch (error) {
    if (pgErrorCode(error) === PgCode.uniqueViolation) {
      throw conflict(
        'quota_period_exists',
        `A quota period named "${input.name}" already exists; pick another name`,
        { field: 'name' },
      );
    }
    throw error;
  }
}

/** Deletes a period and its rep quotas. */
export async function deleteQuotaPeriod(
  db: Queryable,
  workspaceId: string,
  periodId: string,
): Promise<void> {
  const { rowCount } = await db.query(
    'delete from quota_periods where workspace_id = $1::uuid and id = $2::uuid',
    [workspaceId, periodId],
  );
  if (!rowCount) throw notFound('quota period', periodId);
}

export async function listRepQuotas(
  db: Queryable,
  workspaceId: string,
  periodId: string,
): Promise<RepQuota[]> {
  await getQuotaPeriod(db, workspaceId, periodId);
  const { rows } = await db.query<RepQuota>(
    `select ${QUOTA_COLUMNS} from rep_quotas q left join owners o on o.id = q.owner_id
     where q.workspace_id = $1::uuid and q.period_id = $2::uuid
     order by coalesce(q.owner_email, o.email), q.id`,
    [workspaceId, periodId],
  );
  return rows;
}

/**
 * Sets a rep's quota for a period, by owner id or by email (for a rep not synced yet):
 * a second call for the same rep replaces the amount.
 */
export async function setRepQuota(
  db: Queryable,
  workspaceId: string,
  periodId: string,
  input: { ownerId?: string; ownerEmail?: string; amount: number },
): Promise<{ quota: RepQuota; created: boolean }> {
  if ((input.ownerId === undefined) === (input.ownerEmail === undefined)) {
    throw badRequest('invalid_quota_owner', 'Give the rep as either ownerId or ownerEmail', {
      field: 'ownerId',
    });
  }
  await getQuotaPeriod(db, workspaceId, periodId);
  if (input.ownerId !== undefined) {
    const { rows } = await db.query(
      'select 1 from owners where workspace_id = $1::uuid and id = $2::uuid',
      [workspaceId, input.ownerId],
    );
    if (!rows[0]) throw notFound('owner', input.ownerId);
  }
  const byId = input.ownerId !== undefined;
  const { rows } = await db.query<{ id: string; created: boolean }>(
    `insert into rep_quotas as q (workspace_id, period_id, owner_id, owner_email, amount)
     values ($1::uuid, $2::uuid, $3::uuid, lower($4::text), $5::numeric)
     on conflict (period_id, ${byId ? 'owner_id' : 'owner_email'})
     do update set amount = excluded.amount, updated_at = now()
     returning q.id, (xmax = 0) as created`,
    [workspaceId, periodId, input.ownerId ?? null, input.ownerEmail ?? null, input.amount],
  );
  const { rows: quotas } = await db.query<RepQuota>(
    `select ${QUOTA_COLUMNS} from rep_quotas q left join owners o on o.id = q.owner_id
     where q.id = $1::uuid`,
    [rows[0]!.id],
  );
  return { quota: quotas[0]!, created: rows[0]!.created };
}

export async function deleteRepQuota(
  db: Queryable,
  workspaceId: string,
  periodId: string,
  quotaId: string,
): Promise<void> {
  const { rowCount } = await db.query(
    `delete from rep_quotas
     where workspace_id = $1::uuid and period_id = $2::uuid and id = $3::uuid`,
    [workspaceId, periodId, quotaId],
  );
  if (!rowCount) throw notFound('rep quota', quotaId);
}
