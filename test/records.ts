import type { Queryable } from '../src/db/pool.js';
import { createWorkspace } from '../src/tenancy/workspaces.js';

/** Hand-made CRM records for tests: a workspace, owners, accounts, deals, contacts. */
export interface Records {
  workspaceId: string;
  owner(input: { name: string; email: string; source?: string }): Promise<string>;
  account(name: string, source?: string): Promise<string>;
  deal(input: DealInput): Promise<{ id: string; sourceId: string }>;
  /** A contact on a deal (primary unless said otherwise). */
  contact(
    dealId: string,
    input: { firstName: string; lastName: string; email: string; isPrimary?: boolean },
  ): Promise<void>;
  stageChange(dealId: string, toStage: string, changedAt: string): Promise<void>;
}

export interface DealInput {
  name: string;
  source?: string;
  sourceId?: string;
  ownerId?: string | null;
  accountId?: string | null;
  amount?: number | null;
  closeDate?: string | null;
  /** The CRM's stage; defaults to the normalized one. */
  stage?: string | null;
  stageNormalized?: string | null;
  lastActivityAt?: string | null;
  createdAt?: string;
}

let counter = 0;

export async function createRecords(db: Queryable, name = 'Skills'): Promise<Records> {
  counter += 1;
  const workspace = await createWorkspace(db, {
    name: `${name} ${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
  });
  const workspaceId = workspace.id;
  let n = 0;
  const next = (kind: string) => `${kind}-${(n += 1)}`;
  return {
    workspaceId,
    async owner({ name: ownerName, email, source = 'test' }) {
      const { rows } = await db.query<{ id: string }>(
        `insert into owners (workspace_id, source, source_id, email, name)
         values ($1::uuid, $2::text, $3::text, $4::text, $5::text) returning id`,
        [workspaceId, source, next('owner'), email, ownerName],
      );
      return rows[0]!.id;
    },
    async account(accountName, source = 'test') {
      const { rows } = await db.query<{ id: string }>(
        `insert into accounts (workspace_id, source, source_id, name)
         values ($1::uuid, $2::text, $3::text, $4::text) returning id`,
        [workspaceId, source, next('account'), accountName],
      );
      return rows[0]!.id;
    },
    async deal(input) {
      const sourceId = input.sourceId ?? next('deal');
      const stageNormalized =
        input.stageNormalized === undefined ? 'discovery' : input.stageNormalized;
      const { rows } = await db.query<{ id: string }>(
        `insert into deals (workspace_id, source, source_id, owner_id, account_id, name, amount,
                            close_date, stage, stage_normalized, last_activity_at, created_at)
         values ($1::uuid, $2::text, $3::text, $4::uuid, $5::uuid, $6::text, $7::numeric,
                 $8::date, $9::text, $10::text, $11::timestamptz,
                 coalesce($12::timestamptz, now()))
         returning id`,
        [
          workspaceId,
          input.source ?? 'test',
          sourceId,
          input.ownerId ?? null,
          input.accountId ?? null,
          input.name,
          input.amount ?? null,
          input.closeDate ?? null,
          input.stage === undefined ? stageNormalized : input.stage,
          stageNormalized,
          input.lastActivityAt ?? null,
          input.createdAt ?? null,
        ],
      );
      return { id: rows[0]!.id, sourceId };
    },
    async contact(dealId, { firstName, lastName, email, isPrimary = true }) {
      const { rows } = await db.query<{ id: string }>(
        `insert into contacts (workspace_id, source, source_id, email, first_name, last_name)
         values ($1::uuid, 'test', $2::text, $3::text, $4::text, $5::text) returning id`,
        [workspaceId, next('contact'), email, firstName, lastName],
      );
      await db.query(
        `insert into deal_contacts (workspace_id, deal_id, contact_id, is_primary)
         values ($1::uuid, $2::uuid, $3::uuid, $4::boolean)`,
        [workspaceId, dealId, rows[0]!.id, isPrimary],
      );
    },
    async stageChange(dealId, toStage, changedAt) {
      await db.query(
        `insert into deal_stage_history (workspace_id, deal_id, to_stage, changed_at)
         values ($1::uuid, $2::uuid, $3::text, $4::timestamptz)`,
        [workspaceId, dealId, toStage, changedAt],
      );
    },
  };
}
