-- The run's load says whether its flow is archived. Archiving cancels the flow's open
-- runs, but a run started in a transaction that committed after the archive's escapes
-- that; its runner stops it instead (engine/runner.ts), at no cost to the start.
create or replace function flow_run_lock_and_load(p_workspace_id uuid, p_run_id uuid, p_lock_class int)
returns table (locked boolean, run json)
language plpgsql volatile
as $$
begin
  if not pg_try_advisory_lock(p_lock_class, hashtext(p_run_id::text)) then
    return query select false, null::json;
    return;
  end if;
  return query
  select true, (
    select json_build_object(
             'id', r.id, 'workspaceId', r.workspace_id, 'flowId', r.flow_id,
             'version', r.version, 'status', r.status, 'input', r.input,
             'scopeUserId', r.scope_user_id,
             'idempotencyRoot', coalesce(r.idempotency_root, r.id)::text,
             'cancelRequested', r.cancel_requested_at is not null,
             'flowArchived', f.status = 'archived',
             'definition', v.definition,
             'steps', coalesce((select json_agg(json_build_object(
                         'stepKey', s.step_key, 'stepType', s.step_type, 'status', s.status,
                         'input', s.input, 'output', s.output, 'error', s.error,
                         'attempts', s.attempts, 'state', s.state,
                         'idempotencyKey', s.idempotency_key, 'startedAt', s.started_at))
                        from flow_step_runs s where s.run_id = r.id), '[]'::json),
             'vars', coalesce((select json_object_agg(fv.name, fv.value)
                       from flow_variables fv where fv.run_id = r.id), '{}'::json))
    from flow_runs r
    join flow_versions v on v.flow_id = r.flow_id and v.version = r.version
    join flows f on f.id = r.flow_id
    where r.workspace_id = p_workspace_id and r.id = p_run_id);
end;
$$;
