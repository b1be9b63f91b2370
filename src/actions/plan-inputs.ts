import type pg from 'pg';
import type { PlanContext } from './planner.js';
import type { Action } from './store.js';

/** The connection's mapping of Pandora's normalized stages to the CRM's stage ids. */
export async function stageMappingOf(
  pool: pg.Pool,
  workspaceId: string,
  connectionId: string,
): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ stageMapping: Record<string, string> }>(
    `select stage_mapping as "stageMapping" from connections where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId],
  );
  return rows[0]?.stageMapping ?? {};
}

/** HubSpot stage ids belong to a pipeline: the pipeline of each deal whose stage changes. */
export async function dealPipelines(
  ctx: PlanContext,
  actions: Action[],
): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (ctx.connector.crm !== 'hubspot') return result;
  const stageField = ctx.connector.crmField('deal', 'stage').toLowerCase();
  const ids = actions
    .filter(
      (action) =>
        action.targetType === 'deal' &&
        (action.executionPayload.crm_updates ?? []).some(
          (update) => ctx.connector.crmField('deal', update.field).toLowerCase() === stageField,
        ),
    )
    .map((action) => action.targetSourceId);
  const pipelineField = ctx.connector.crmField('deal', 'pipeline');
  for (let start = 0; start < ids.length; start += ctx.connector.batchSize) {
    const records = await ctx.connector.readRecords(
      'deal',
      ids.slice(start, start + ctx.connector.batchSize),
      [pipelineField],
    );
    for (const record of records) {
      if (record.ok)
        result.set(record.id, (record.value.properties[pipelineField] as string | null) ?? null);
    }
  }
  return result;
}
