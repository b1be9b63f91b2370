import type pg from 'pg';
import type { CrmPipeline } from '../../crm/port.js';
import { normalizePipeline } from '../stages.js';

/**
 * Stores the CRM's pipelines and stages with their normalized stage, and returns a
 * lookup by `pipeline/stage` (and `*\/stage`, for CRMs whose deals name no pipeline;
 * Salesforce deals store the stage label, so labels are keys too).
 */
export async function storePipelines(
  pool: pg.Pool,
  workspaceId: string,
  source: string,
  pipelines: CrmPipeline[],
  mapping: Record<string, string>,
): Promise<Map<string, { pipeline: string; normalized: string }>> {
  const lookup = new Map<string, { pipeline: string; normalized: string }>();
  const rows: unknown[][] = Array.from({ length: 9 }, () => []);
  for (const pipeline of pipelines) {
    const normalized = normalizePipeline(pipeline, mapping);
    for (const stage of pipeline.stages) {
      const value = { pipeline: pipeline.id, normalized: normalized.get(stage.id)! };
      for (const key of [stage.id, stage.label]) {
        lookup.set(`${pipeline.id}/${key}`, value);
        if (!lookup.has(`*/${key}`)) lookup.set(`*/${key}`, value);
      }
      [
        pipeline.id,
        pipeline.label,
        stage.id,
        stage.label,
        stage.displayOrder,
        stage.probability,
        stage.isClosed,
        stage.isWon,
        value.normalized,
      ].forEach((cell, index) => rows[index]!.push(cell));
    }
  }
  await pool.query(
    `insert into pipeline_stages as t (workspace_id, source, pipeline_id, pipeline_label, stage_id,
                                       stage_label, display_order, probability, is_closed, is_won,
                                       stage_normalized)
     select $1::uuid, $2::text, s.* from unnest($3::text[], $4::text[], $5::text[], $6::text[],
                                                $7::integer[], $8::numeric[], $9::boolean[],
                                                $10::boolean[], $11::text[]) as s
     on conflict (workspace_id, source, pipeline_id, stage_id) do update
       set pipeline_label = excluded.pipeline_label, stage_label = excluded.stage_label,
           display_order = excluded.display_order, probability = excluded.probability,
           is_closed = excluded.is_closed, is_won = excluded.is_won,
           stage_normalized = excluded.stage_normalized, updated_at = now()
       where (t.pipeline_label, t.stage_label, t.display_order, t.probability, t.is_closed,
              t.is_won, t.stage_normalized) is distinct from
             (excluded.pipeline_label, excluded.stage_label, excluded.display_order,
              excluded.probability, excluded.is_closed, excluded.is_won,
              excluded.stage_normalized)`,
    [workspaceId, source, ...rows],
  );
  return lookup;
}
