import type pg from 'pg';
import { chunk } from '../../collections.js';
import type { Queryable } from '../../db/pool.js';
import type { FieldSkill } from '../../writeback/fields.js';
import { startRun } from '../../writeback/runs.js';
import { OPEN_DEAL } from '../deals.js';
import { scoreAccount, type AccountFacts } from './account-score.js';
import { scoreDeal, type DealFacts } from './deal-score.js';

/** Typical days in a stage when the workspace's history has too few moves to say. */
const DEFAULT_STAGE_DAYS: Record<string, number> = {
  prospecting: 21,
  qualification: 14,
  discovery: 14,
  evaluation: 21,
  proposal: 14,
  negotiation: 10,
};
const FALLBACK_STAGE_DAYS = 21;
/** Moves out of a stage it takes before its median counts. */
const MIN_SAMPLES = 5;
const DAY_MS = 86_400_000;

export interface ComputeResult {
  runId: string;
  considered: number;
  /** Records whose fields changed (pandora_last_analyzed_at aside: it always does). */
  changed: number;
  /** Write-back runs queued for the mappings that follow this computation. */
  writebackRunIds: string[];
}

interface ValueRow {
  entityId: string;
  field: string;
  value: unknown;
  factors: unknown;
}

/**
 * Computes a skill's fields for a workspace, stores them (a value's changed_at and
 * run_id move only when it changes), records the run, and queues a write-back run
 * for the mappings that follow computation, limited to what changed.
 */
export async function computeFields(
  pool: pg.Pool,
  workspaceId: string,
  skill: FieldSkill,
  options: { now?: Date; trigger?: 'manual' | 'schedule'; actor?: string | null } = {},
): Promise<ComputeResult> {
  const now = options.now ?? new Date();
  const { rows } = await pool.query<{ id: string }>(
    `insert into skill_runs (workspace_id, skill, trigger, actor, as_of) values ($1::uuid, $2::text, $3::text, $4::text, $5::timestamptz)
     returning id`,
    [workspaceId, skill, options.trigger ?? 'manual', options.actor ?? null, now.toISOString()],
  );
  const runId = rows[0]!.id;
  try {
    const values =
      skill === 'deal-score'
        ? await dealValues(pool, workspaceId, now)
        : await accountValues(pool, workspaceId, now);
    const objectType = skill === 'deal-score' ? 'deal' : 'account';
    for (const part of chunk(values, 20_000)) {
      await store(pool, workspaceId, objectType, part, runId, now);
    }
    // What this run changed carries its id (the timestamp field aside: it always changes).
    const { rows: changed } = await pool.query<{ n: number }>(
      `select count(distinct entity_id)::int as n from computed_values
       where run_id = $1::uuid and field <> 'pandora_last_analyzed_at'`,
      [runId],
    );
    const changedEntities = { size: changed[0]!.n };
    const considered = new Set(values.map((v) => v.entityId)).size;
    await pool.query(
      `update skill_runs set status = 'succeeded', counts = $2::jsonb, finished_at = now() where id = $1::uuid`,
      [runId, JSON.stringify({ considered, changed: changedEntities.size })],
    );
    const run = await startRun(pool, workspaceId, {
      trigger: 'after_compute',
      computeRunId: runId,
      objectType,
    });
    return {
      runId,
      considered,
      changed: changedEntities.size,
      writebackRunIds: run ? [run.id] : [],
    };
  } catch (error) {
    await pool.query(
      `update skill_runs set status = 'failed', error = $2::text, finished_at = now() where id = $1::uuid`,
      [runId, error instanceof Error ? error.message : String(error)],
    );
    throw error;
  }
}

/** Upserts values; a value's changed_at and run_id move only when it changes. */
async function store(
  db: Queryable,
  workspaceId: string,
  objectType: 'deal' | 'account',
  values: ValueRow[],
  runId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `insert into computed_values as c
       (workspace_id, object_type, entity_id, field, value, factors, computed_at, changed_at, run_id)
     select $1::uuid, $2::text, v.entity_id, v.field, v.value, v.factors, $3::timestamptz, $3::timestamptz, $4::uuid
     from unnest($5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[]) as v(entity_id, field, value, factors)
     on conflict (workspace_id, object_type, field, entity_id) do update
       set value = excluded.value, factors = excluded.factors, computed_at = excluded.computed_at,
           changed_at = case when c.value = excluded.value then c.changed_at else excluded.changed_at end,
           run_id = case when c.value = excluded.value then c.run_id else excluded.run_id end`,
    [
      workspaceId,
      objectType,
      now.toISOString(),
      runId,
      values.map((v) => v.entityId),
      values.map((v) => v.field),
      values.map((v) => JSON.stringify(v.value)),
      values.map((v) => JSON.stringify(v.factors)),
    ],
  );
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);
const daysBetween = (from: Date | string, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - new Date(from).getTime()) / DAY_MS));

/** Facts of every open deal, with the workspace's typical stage durations and amount spread. */
export async function dealFacts(
  db: Queryable,
  workspaceId: string,
  now: Date,
): Promise<{ deals: DealFacts[]; p10: number | null; p90: number | null }> {
  const { rows: typical } = await db.query<{ stage: string; days: number; samples: number }>(
    `select stage, percentile_cont(0.5) within group (order by days)::float as days, count(*)::int as samples
     from (select h.to_stage as stage,
                  extract(epoch from (lead(h.changed_at) over (partition by h.deal_id order by h.changed_at) - h.changed_at)) / 86400 as days
           from deal_stage_history h where h.workspace_id = $1::uuid) moves
     where days is not null group by stage`,
    [workspaceId],
  );
  const typicalDays = new Map(
    typical
      .filter((t) => t.samples >= MIN_SAMPLES)
      .map((t) => [t.stage, Math.max(1, Math.round(t.days))]),
  );
  const { rows: spread } = await db.query<{ p10: number | null; p90: number | null }>(
    `select percentile_cont(0.1) within group (order by d.amount)::float as p10,
            percentile_cont(0.9) within group (order by d.amount)::float as p90
     from deals d where d.workspace_id = $1::uuid and ${OPEN_DEAL} and d.amount is not null`,
    [workspaceId],
  );
  const { rows } = await db.query<{
    id: string;
    name: string;
    amount: string | null;
    closeDate: string | null;
    stage: string | null;
    stageNormalized: string | null;
    stageSince: Date;
    lastTouch: Date;
    contacts: number;
    primaryContact: string | null;
    meetings30: number;
    meetings60: number;
  }>(
    `select d.id, d.name, d.amount, to_char(d.close_date, 'YYYY-MM-DD') as "closeDate", d.stage,
            d.stage_normalized as "stageNormalized",
            coalesce(h.last_change, d.created_at) as "stageSince",
            coalesce(d.last_activity_at, greatest(h.last_change, d.created_at), d.created_at) as "lastTouch",
            coalesce(dc.n, 0)::int as contacts, dc.primary_name as "primaryContact",
            coalesce(m.n30, 0)::int as "meetings30", coalesce(m.n60, 0)::int as "meetings60"
     from deals d
     left join lateral (select max(changed_at) as last_change from deal_stage_history
                        where workspace_id = d.workspace_id and deal_id = d.id) h on true
     left join lateral (
       select count(*) as n,
              (array_agg(nullif(btrim(concat_ws(' ', c.first_name, c.last_name)), '')
                         order by dc2.is_primary desc, c.last_name, c.id))[1] as primary_name
       from deal_contacts dc2 join contacts c on c.id = dc2.contact_id where dc2.deal_id = d.id
     ) dc on true
     left join lateral (
       select count(*) filter (where cv.started_at > $2::timestamptz - interval '30 days') as n30,
              count(*) filter (where cv.started_at > $2::timestamptz - interval '60 days') as n60
       from conversations cv
       where cv.workspace_id = d.workspace_id and cv.deal_id = d.id and not cv.is_internal
         and cv.started_at <= $2::timestamptz
     ) m on true
     where d.workspace_id = $1::uuid and ${OPEN_DEAL}`,
    [workspaceId, now.toISOString()],
  );
  const deals = rows.map((row): DealFacts => ({
    id: row.id,
    name: row.name,
    amount: row.amount === null ? null : Number(row.amount),
    closeDate: row.closeDate,
    stage: row.stage,
    stageDays: daysBetween(row.stageSince, now),
    typicalStageDays:
      (row.stage ? typicalDays.get(row.stage) : undefined) ??
      DEFAULT_STAGE_DAYS[row.stageNormalized ?? ''] ??
      FALLBACK_STAGE_DAYS,
    idleDays: daysBetween(row.lastTouch, now),
    contacts: row.contacts,
    primaryContact: row.primaryContact,
    meetings30: row.meetings30,
    meetings60: row.meetings60,
  }));
  return { deals, p10: spread[0]?.p10 ?? null, p90: spread[0]?.p90 ?? null };
}

async function dealValues(db: Queryable, workspaceId: string, now: Date): Promise<ValueRow[]> {
  const { deals, p10, p90 } = await dealFacts(db, workspaceId, now);
  const today = utcDay(now);
  const analyzed = now.toISOString();
  return deals.flatMap((deal) => {
    const result = scoreDeal(deal, { p10, p90 }, today);
    // The factors explain the score; the fields derived from it point there.
    const derived = [{ see: 'deal_score' }];
    return [
      { entityId: deal.id, field: 'deal_score', value: result.score, factors: result.factors },
      { entityId: deal.id, field: 'enhanced_deal_score', value: result.enhanced, factors: derived },
      { entityId: deal.id, field: 'deal_risk_summary', value: result.risk, factors: derived },
      {
        entityId: deal.id,
        field: 'next_step_recommendation',
        value: result.nextStep,
        factors: derived,
      },
      { entityId: deal.id, field: 'pandora_last_analyzed_at', value: analyzed, factors: [] },
    ];
  });
}

/**
 * Account fields, rolled up from the deal scores the last deal-score run stored
 * (deals without one count as 50).
 */
async function accountValues(db: Queryable, workspaceId: string, now: Date): Promise<ValueRow[]> {
  const { rows } = await db.query<{
    id: string;
    openDeals: { score: number; amount: number | null }[];
    wonLastYear: boolean;
    contacts: number;
    meetings30: number;
    meetings90: number;
    lastTouch: Date | null;
  }>(
    `select a.id,
            coalesce((select jsonb_agg(jsonb_build_object(
                        'score', coalesce((cv.value #>> '{}')::numeric, 50),
                        'amount', d.amount))
                      from deals d
                      left join computed_values cv on cv.workspace_id = d.workspace_id
                        and cv.object_type = 'deal' and cv.field = 'deal_score' and cv.entity_id = d.id
                      where d.account_id = a.id and ${OPEN_DEAL}), '[]') as "openDeals",
            exists (select 1 from deals d where d.account_id = a.id and d.stage_normalized = 'closed_won'
                    and d.close_date > ($2::timestamptz - interval '365 days')::date) as "wonLastYear",
            (select count(*)::int from contacts c where c.account_id = a.id) as contacts,
            (select count(*)::int from conversations cv where cv.account_id = a.id and not cv.is_internal
               and cv.started_at > $2::timestamptz - interval '30 days' and cv.started_at <= $2::timestamptz) as "meetings30",
            (select count(*)::int from conversations cv where cv.account_id = a.id and not cv.is_internal
               and cv.started_at > $2::timestamptz - interval '90 days' and cv.started_at <= $2::timestamptz) as "meetings90",
            (select max(d.last_activity_at) from deals d where d.account_id = a.id) as "lastTouch"
     from accounts a where a.workspace_id = $1::uuid`,
    [workspaceId, now.toISOString()],
  );
  const analyzed = now.toISOString();
  return rows.flatMap((row) => {
    const facts: AccountFacts = {
      id: row.id,
      openDeals: row.openDeals.map((deal) => ({
        score: Number(deal.score),
        amount: deal.amount === null ? null : Number(deal.amount),
      })),
      wonLastYear: row.wonLastYear,
      contacts: row.contacts,
      meetings30: row.meetings30,
      meetings90: row.meetings90,
      idleDays: row.lastTouch ? daysBetween(row.lastTouch, now) : null,
    };
    const result = scoreAccount(facts);
    return [
      { entityId: row.id, field: 'account_score', value: result.score, factors: result.factors },
      {
        entityId: row.id,
        field: 'enhanced_account_score',
        value: result.enhanced,
        factors: result.factors,
      },
      {
        entityId: row.id,
        field: 'account_signals_text',
        value: result.signals,
        factors: result.factors,
      },
      { entityId: row.id, field: 'pandora_last_analyzed_at', value: analyzed, factors: [] },
    ];
  });
}
