import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';

export interface DealRow {
  id: string;
  source: string;
  sourceId: string;
  name: string;
  amount: number | null;
  closeDate: string | null;
  pipeline: string | null;
  stage: string | null;
  stageNormalized: string | null;
  accountId: string | null;
  accountName: string | null;
  ownerId: string | null;
  ownerEmail: string | null;
  nextStep: string | null;
  lastActivityAt: string | null;
  updatedAt: string;
}

const DEAL_SELECT = `
  select d.id, d.source, d.source_id as "sourceId", d.name, d.amount, d.close_date as "closeDate",
         d.pipeline, d.stage, d.stage_normalized as "stageNormalized",
         d.account_id as "accountId", a.name as "accountName",
         d.owner_id as "ownerId", o.email as "ownerEmail",
         d.next_step as "nextStep", d.last_activity_at as "lastActivityAt", d.updated_at as "updatedAt"
  from deals d
  left join accounts a on a.id = d.account_id
  left join owners o on o.id = d.owner_id`;

export interface DealFilter {
  limit: number;
  after?: string;
  stage?: string;
  ownerId?: string;
}

/** A page of a workspace's deals ordered by id; `nextCursor` continues after the last one. */
export async function listDeals(
  db: Queryable,
  workspaceId: string,
  filter: DealFilter,
): Promise<{ deals: DealRow[]; nextCursor: string | null }> {
  const { rows } = await db.query<DealRow>(
    `${DEAL_SELECT}
     where d.workspace_id = $1::uuid
       and ($2::uuid is null or d.id > $2::uuid)
       and ($3::text is null or d.stage_normalized = $3::text)
       and ($4::uuid is null or d.owner_id = $4::uuid)
     order by d.id
     limit $5::int`,
    [
      workspaceId,
      filter.after ?? null,
      filter.stage ?? null,
      filter.ownerId ?? null,
      filter.limit + 1,
    ],
  );
  const hasMore = rows.length > filter.limit;
  const deals = hasMore ? rows.slice(0, filter.limit) : rows;
  return { deals, nextCursor: hasMore ? deals.at(-1)!.id : null };
}

export async function getDeal(db: Queryable, workspaceId: string, id: string): Promise<DealRow> {
  const { rows } = await db.query<DealRow>(
    `${DEAL_SELECT} where d.workspace_id = $1::uuid and d.id = $2::uuid`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('deal', id);
  return rows[0];
}
