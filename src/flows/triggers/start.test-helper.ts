import type { StartRun } from './start.js';

/** Until the engine's startFlowRun is on main: the run row it would insert, nothing queued. */
export const testStartRun: StartRun = async (db, input) => {
  const { rows } = await db.query<{ id: string }>(
    `insert into flow_runs (workspace_id, flow_id, version, trigger, input, scope_user_id, started_by)
     select f.workspace_id, f.id, coalesce($3::int, f.latest_version), $4::jsonb, $5::jsonb,
            $6::uuid, $7::uuid
     from flows f where f.id = $2::uuid and f.workspace_id = $1::uuid
     returning id`,
    [
      input.workspaceId,
      input.flowId,
      input.version ?? null,
      JSON.stringify(input.trigger),
      JSON.stringify(input.input ?? {}),
      input.scopeUserId ?? null,
      input.startedBy ?? null,
    ],
  );
  if (!rows[0]) throw new Error('unknown flow');
  return { runId: rows[0].id };
};
