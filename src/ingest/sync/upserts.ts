import type { Queryable } from '../../db/pool.js';
import { emitFlowEvents } from '../../flows/triggers/events.js';

/**
 * Bulk upserts for one page of CRM records: one statement per table per page
 * (`unnest` of column arrays), by `(workspace_id, source, source_id)`. A row is
 * only rewritten when something in it changed, so a sync of unchanged data writes
 * nothing. References are resolved by source id in SQL with a unique-key lookup
 * (see `src/demo/seed.ts` on why not a join).
 */
export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

function idOf(table: 'owners' | 'accounts' | 'contacts' | 'deals', sourceIdColumn: string): string {
  return `(select id from ${table}
           where workspace_id = $1::uuid and source = $2::text and source_id = ${sourceIdColumn})`;
}

async function run(
  db: Queryable,
  sql: string,
  params: unknown[],
  total: number,
): Promise<UpsertCounts> {
  if (total === 0) return { created: 0, updated: 0, unchanged: 0 };
  const { rows } = await db.query<{ created: boolean }>(sql, params);
  const created = rows.filter((row) => row.created).length;
  return { created, updated: rows.length - created, unchanged: total - rows.length };
}

export interface OwnerRow {
  sourceId: string;
  email: string | null;
  name: string;
  sourceData: unknown;
}

export function upsertOwners(db: Queryable, workspaceId: string, source: string, rows: OwnerRow[]) {
  return run(
    db,
    `insert into owners as t (workspace_id, source, source_id, email, name, source_data)
     select $1::uuid, $2::text, r.source_id, r.email, r.name, r.source_data
     from unnest($3::text[], $4::text[], $5::text[], $6::jsonb[])
       as r(source_id, email, name, source_data)
     on conflict (workspace_id, source, source_id) do update
       set email = excluded.email, name = excluded.name, source_data = excluded.source_data,
           updated_at = now()
       where (t.email, t.name, t.source_data) is distinct from
             (excluded.email, excluded.name, excluded.source_data)
     returning (xmax = 0) as created`,
    [
      workspaceId,
      source,
      rows.map((r) => r.sourceId),
      rows.map((r) => r.email),
      rows.map((r) => r.name),
      rows.map((r) => JSON.stringify(r.sourceData)),
    ],
    rows.length,
  );
}

export interface AccountRow {
  sourceId: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employeeCount: number | null;
  annualRevenue: number | null;
  ownerSourceId: string | null;
  sourceData: unknown;
}

export function upsertAccounts(
  db: Queryable,
  workspaceId: string,
  source: string,
  rows: AccountRow[],
) {
  return run(
    db,
    `insert into accounts as t (workspace_id, source, source_id, name, domain, industry,
                                employee_count, annual_revenue, owner_id, source_data)
     select $1::uuid, $2::text, r.source_id, r.name, r.domain, r.industry, r.employee_count,
            r.annual_revenue, ${idOf('owners', 'r.owner_source_id')}, r.source_data
     from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::integer[], $8::numeric[],
                 $9::text[], $10::jsonb[])
       as r(source_id, name, domain, industry, employee_count, annual_revenue, owner_source_id,
            source_data)
     on conflict (workspace_id, source, source_id) do update
       set name = excluded.name, domain = excluded.domain, industry = excluded.industry,
           employee_count = excluded.employee_count, annual_revenue = excluded.annual_revenue,
           owner_id = excluded.owner_id, source_data = excluded.source_data, updated_at = now()
       where (t.name, t.domain, t.industry, t.employee_count, t.annual_revenue, t.owner_id,
              t.source_data) is distinct from
             (excluded.name, excluded.domain, excluded.industry, excluded.employee_count,
              excluded.annual_revenue, excluded.owner_id, excluded.source_data)
     returning (xmax = 0) as created`,
    [
      workspaceId,
      source,
      rows.map((r) => r.sourceId),
      rows.map((r) => r.name),
      rows.map((r) => r.domain),
      rows.map((r) => r.industry),
      rows.map((r) => (r.employeeCount === null ? null : Math.round(r.employeeCount))),
      rows.map((r) => r.annualRevenue),
      rows.map((r) => r.ownerSourceId),
      rows.map((r) => JSON.stringify(r.sourceData)),
    ],
    rows.length,
  );
}

export interface ContactRow {
  sourceId: string;
  accountSourceId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  phone: string | null;
  sourceData: unknown;
}

export function upsertContacts(
  db: Queryable,
  workspaceId: string,
  source: string,
  rows: ContactRow[],
) {
  return run(
    db,
    `insert into contacts as t (workspace_id, source, source_id, account_id, email, first_name,
                                last_name, title, phone, source_data)
     select $1::uuid, $2::text, r.source_id, ${idOf('accounts', 'r.account_source_id')}, r.email,
            r.first_name, r.last_name, r.title, r.phone, r.source_data
     from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::jsonb[])
       as r(source_id, account_source_id, email, first_name, last_name, title, phone, source_data)
     on conflict (workspace_id, source, source_id) do update
       set account_id = excluded.account_id, email = excluded.email,
           first_name = excluded.first_name, last_name = excluded.last_name,
           title = excluded.title, phone = excluded.phone, source_data = excluded.source_data,
           updated_at = now()
       where (t.account_id, t.email, t.first_name, t.last_name, t.title, t.phone, t.source_data)
             is distinct from
             (excluded.account_id, excluded.email, excluded.first_name, excluded.last_name,
              excluded.title, excluded.phone, excluded.source_data)
     returning (xmax = 0) as created`,
    [
      workspaceId,
      source,
      rows.map((r) => r.sourceId),
      rows.map((r) => r.accountSourceId),
      rows.map((r) => r.email),
      rows.map((r) => r.firstName),
      rows.map((r) => r.lastName),
      rows.map((r) => r.title),
      rows.map((r) => r.phone),
      rows.map((r) => JSON.stringify(r.sourceData)),
    ],
    rows.length,
  );
}

export interface DealRowInput {
  sourceId: string;
  accountSourceId: string | null;
  ownerSourceId: string | null;
  name: string;
  amount: number | null;
  closeDate: string | null;
  pipeline: string | null;
  stage: string | null;
  stageNormalized: string | null;
  probability: number | null;
  forecastCategory: string | null;
  nextStep: string | null;
  lastActivityAt: string | null;
  createdAt: string | null;
  /** When the CRM last changed the record: the time a stage change is dated. */
  modifiedAt: string;
  sourceData: unknown;
}

/**
 * Upserts deals and, in the same statement, appends a `deal_stage_history` row for
 * each deal whose stage changed (or that is new). Returns the counts and the stage
 * changes written.
 */
export async function upsertDeals(
  db: Queryable,
  workspaceId: string,
  source: string,
  rows: DealRowInput[],
): Promise<UpsertCounts & { stageChanges: number }> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, stageChanges: 0 };
  const { rows: result } = await db.query<{
    created: number;
    updated: number;
    changes: number;
    moved: { dealId: string; fromStage: string; toStage: string; toStageNormalized: string }[];
  }>(
    `with input as (
       select * from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[],
                            $8::date[], $9::text[], $10::text[], $11::text[], $12::numeric[],
                            $13::text[], $14::text[], $15::timestamptz[], $16::timestamptz[],
                            $17::timestamptz[], $18::jsonb[])
         as r(source_id, account_source_id, owner_source_id, name, amount, close_date, pipeline,
              stage, stage_normalized, probability, forecast_category, next_step,
              last_activity_at, created_at, modified_at, source_data)
     ),
     before as (
       select d.source_id, d.stage from deals d
       where d.workspace_id = $1::uuid and d.source = $2::text
         and d.source_id in (select source_id from input)
     ),
     upserted as (
       insert into deals as t (workspace_id, source, source_id, account_id, owner_id, name,
                               amount, close_date, pipeline, stage, stage_normalized, probability,
                               forecast_category, next_step, last_activity_at, created_at,
                               source_data)
       select $1::uuid, $2::text, r.source_id, ${idOf('accounts', 'r.account_source_id')},
              ${idOf('owners', 'r.owner_source_id')}, r.name, r.amount, r.close_date, r.pipeline,
              r.stage, r.stage_normalized, r.probability, r.forecast_category, r.next_step,
              r.last_activity_at, coalesce(r.created_at, now()), r.source_data
       from input r
       on conflict (workspace_id, source, source_id) do update
         set account_id = excluded.account_id, owner_id = excluded.owner_id,
             name = excluded.name, amount = excluded.amount, close_date = excluded.close_date,
             pipeline = excluded.pipeline, stage = excluded.stage,
             stage_normalized = excluded.stage_normalized, probability = excluded.probability,
             forecast_category = excluded.forecast_category, next_step = excluded.next_step,
             last_activity_at = excluded.last_activity_at, source_data = excluded.source_data,
             updated_at = now()
         where (t.account_id, t.owner_id, t.name, t.amount, t.close_date, t.pipeline, t.stage,
                t.stage_normalized, t.probability, t.forecast_category, t.next_step,
                t.last_activity_at, t.source_data) is distinct from
               (excluded.account_id, excluded.owner_id, excluded.name, excluded.amount,
                excluded.close_date, excluded.pipeline, excluded.stage,
                excluded.stage_normalized, excluded.probability, excluded.forecast_category,
                excluded.next_step, excluded.last_activity_at, excluded.source_data)
       returning t.id, t.source_id, t.stage, t.stage_normalized, t.created_at,
                 (xmax = 0) as created
     ),
     history as (
       insert into deal_stage_history (workspace_id, deal_id, from_stage, to_stage, changed_at)
       select $1::uuid, u.id, b.stage, u.stage,
              case when b.source_id is null then u.created_at else i.modified_at end
       from upserted u
       join input i on i.source_id = u.source_id
       left join before b on b.source_id = u.source_id
       where u.stage is not null and b.stage is distinct from u.stage
       returning deal_id, from_stage, to_stage
     )
     select (select count(*) from upserted where created)::int as created,
            (select count(*) from upserted where not created)::int as updated,
            (select count(*) from history)::int as changes,
            -- A deal's first stage is no change: flows hear of deals that moved.
            (select coalesce(json_agg(json_build_object(
                      'dealId', h.deal_id, 'fromStage', h.from_stage, 'toStage', h.to_stage,
                      'toStageNormalized', u.stage_normalized)), '[]')
             from history h join upserted u on u.id = h.deal_id
             where h.from_stage is not null) as moved`,
    [
      workspaceId,
      source,
      rows.map((r) => r.sourceId),
      rows.map((r) => r.accountSourceId),
      rows.map((r) => r.ownerSourceId),
      rows.map((r) => r.name),
      rows.map((r) => r.amount),
      rows.map((r) => r.closeDate),
      rows.map((r) => r.pipeline),
      rows.map((r) => r.stage),
      rows.map((r) => r.stageNormalized),
      rows.map((r) => r.probability),
      rows.map((r) => r.forecastCategory),
      rows.map((r) => r.nextStep),
      rows.map((r) => r.lastActivityAt),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.modifiedAt),
      rows.map((r) => JSON.stringify(r.sourceData)),
    ],
  );
  const { created, updated, changes, moved } = result[0]!;
  await emitFlowEvents(
    db,
    workspaceId,
    'deal.stage_changed',
    moved.map((move) => ({ ...move, record: { type: 'deal', id: move.dealId } })),
  );
  return { created, updated, unchanged: rows.length - created - updated, stageChanges: changes };
}

/**
 * Replaces the contacts of the given deals with the CRM's associations: adds the new
 * pairs, removes pairs the CRM no longer has. Returns rows added and removed.
 */
export async function replaceDealContacts(
  db: Queryable,
  workspaceId: string,
  source: string,
  dealSourceIds: string[],
  pairs: { dealSourceId: string; contactSourceId: string }[],
): Promise<{ added: number; removed: number }> {
  if (dealSourceIds.length === 0) return { added: 0, removed: 0 };
  const { rows } = await db.query<{ added: number; removed: number }>(
    `with wanted as (
       select w.deal_id, w.contact_id
       from (select ${idOf('deals', 'p.deal_source_id')} as deal_id,
                    ${idOf('contacts', 'p.contact_source_id')} as contact_id
             from unnest($4::text[], $5::text[]) as p(deal_source_id, contact_source_id)) w
       where w.deal_id is not null and w.contact_id is not null
     ),
     scope as (
       select id from deals
       where workspace_id = $1::uuid and source = $2::text and source_id = any($3::text[])
     ),
     removed as (
       delete from deal_contacts dc
       using scope
       where dc.deal_id = scope.id
         and not exists (select 1 from wanted w
                         where w.deal_id = dc.deal_id and w.contact_id = dc.contact_id)
       returning 1
     ),
     added as (
       insert into deal_contacts (workspace_id, deal_id, contact_id)
       select distinct $1::uuid, deal_id, contact_id from wanted
       on conflict (deal_id, contact_id) do nothing
       returning 1
     )
     select (select count(*) from added)::int as added,
            (select count(*) from removed)::int as removed`,
    [
      workspaceId,
      source,
      dealSourceIds,
      pairs.map((p) => p.dealSourceId),
      pairs.map((p) => p.contactSourceId),
    ],
  );
  return rows[0]!;
}
