/**
 * What Pandora knows of a deal besides its fields, for the console's deal page: how its
 * stage moved, the fields Pandora computed for it (with the factors behind each), and
 * the meetings linked to it. Actions and ledger writes have their own filtered lists.
 */
import type { Queryable } from '../db/pool.js';
import { getDeal } from '../ingest/deals.js';

export interface StageChange {
  fromStage: string | null;
  toStage: string;
  changedAt: string;
}

export interface DealScore {
  field: string;
  value: unknown;
  factors: unknown;
  computedAt: string;
  changedAt: string;
}

export interface DealMeeting {
  id: string;
  title: string;
  source: string;
  startedAt: string;
  durationSeconds: number;
  linkMethod: string | null;
  linkConfidence: number | null;
}

export interface DealActivity {
  stageHistory: StageChange[];
  scores: DealScore[];
  meetings: DealMeeting[];
}

/** A deal's stage history (oldest first), computed fields and meetings (newest first). */
export async function getDealActivity(
  db: Queryable,
  workspaceId: string,
  dealId: string,
): Promise<DealActivity> {
  // Answers not_found for another workspace's deal before anything else is read.
  await getDeal(db, workspaceId, dealId);
  const [history, scores, meetings] = await Promise.all([
    db.query<StageChange>(
      `select from_stage as "fromStage", to_stage as "toStage", changed_at as "changedAt"
         from deal_stage_history
        where workspace_id = $1::uuid and deal_id = $2::uuid
        order by changed_at, id`,
      [workspaceId, dealId],
    ),
    db.query<DealScore>(
      `select field, value, factors, computed_at as "computedAt", changed_at as "changedAt"
         from computed_values
        where workspace_id = $1::uuid and object_type = 'deal' and entity_id = $2::uuid
        order by field`,
      [workspaceId, dealId],
    ),
    // A page's worth: a deal with more meetings than this is read from the meetings list.
    db.query<DealMeeting>(
      `select id, title, source, started_at as "startedAt",
              coalesce(duration_seconds, 0)::int as "durationSeconds",
              link_method as "linkMethod", link_confidence::float8 as "linkConfidence"
         from conversations
        where workspace_id = $1::uuid and deal_id = $2::uuid
        order by started_at desc, id desc
        limit 100`,
      [workspaceId, dealId],
    ),
  ]);
  return { stageHistory: history.rows, scores: scores.rows, meetings: meetings.rows };
}

export interface PipelineStage {
  source: string;
  pipelineId: string;
  pipelineLabel: string;
  stageId: string;
  stageLabel: string;
  displayOrder: number;
  isClosed: boolean;
  isWon: boolean;
  stageNormalized: string;
}

/** The CRM pipelines' stages as last synced, in each pipeline's order. */
export async function listPipelineStages(
  db: Queryable,
  workspaceId: string,
  source?: string,
): Promise<PipelineStage[]> {
  const { rows } = await db.query<PipelineStage>(
    `select source, pipeline_id as "pipelineId", pipeline_label as "pipelineLabel",
            stage_id as "stageId", stage_label as "stageLabel", display_order as "displayOrder",
            is_closed as "isClosed", is_won as "isWon", stage_normalized as "stageNormalized"
       from pipeline_stages
      where workspace_id = $1::uuid and ($2::text is null or source = $2::text)
      order by source, pipeline_label, pipeline_id, display_order, stage_id`,
    [workspaceId, source ?? null],
  );
  return rows;
}
