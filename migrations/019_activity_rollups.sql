-- Quick stats of the activity log (src/activity/stats.ts) read from counters kept per
-- workspace, rep and hour (and per day), not from activity_logs: a period of a busy
-- workspace holds hundreds of thousands of runs, too many to count within a page load.
-- A trigger keeps the counters in step with every insert, update and delete, so they
-- are exact and need no job. Runs count in the hour (and UTC day) they were created.
-- The workspace's row of the current hour is shared by its concurrent runs: each holds
-- it from its insert to its commit, so a run's transaction should stay short.
create table activity_rollups (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  grain text not null check (grain in ('hour', 'day')),
  bucket timestamptz not null,
  -- The nil uuid: every run of the workspace (what admins see). Else a rep
  -- (activity_logs.owner_id): that rep's runs, what a member sees; a run counts in both.
  -- No foreign key: an owner removed later keeps its history.
  owner_key uuid not null,
  runs integer not null default 0,
  succeeded integer not null default 0,
  failed integer not null default 0,
  rejected integer not null default 0,
  pending integer not null default 0,
  -- Runs that waited for a person (a field routed to the inbox) and were approved.
  approved integer not null default 0,
  -- Fields written without a person (decision auto_apply, status applied).
  auto_applied integer not null default 0,
  confidence_sum double precision not null default 0,
  confidence_count integer not null default 0,
  primary key (workspace_id, grain, bucket, owner_key)
);
create index activity_rollups_owner_idx on activity_rollups (workspace_id, grain, owner_key, bucket);

-- One run's contribution to the counters: applied with sign 1 for a new row, -1 for an old one.
create function activity_rollup_apply(r activity_logs, sign integer, may_insert boolean)
returns void
language plpgsql
as $$
declare
  v_auto integer;
  v_inbox boolean;
  v_keys uuid[] := array['00000000-0000-0000-0000-000000000000'::uuid]
    || case when r.owner_id is null then '{}'::uuid[] else array[r.owner_id] end;
begin
  select count(*) filter (where f.value->>'decision' = 'auto_apply' and f.value->>'status' = 'applied'),
         coalesce(bool_or(f.value->>'decision' = 'inbox'), false)
    into v_auto, v_inbox
  from jsonb_each(r.fields_updated) f
  where jsonb_typeof(f.value) = 'object';
  if may_insert then
    insert into activity_rollups as t
      (workspace_id, grain, bucket, owner_key, runs, succeeded, failed, rejected, pending,
       approved, auto_applied, confidence_sum, confidence_count)
    select r.workspace_id, g.grain, date_trunc(g.grain, r.created_at, 'UTC'), k.owner_key, sign,
           sign * (r.status = 'success')::int, sign * (r.status = 'failed')::int,
           sign * (r.status = 'rejected')::int, sign * (r.status = 'pending')::int,
           sign * (r.status = 'success' and v_inbox)::int, sign * v_auto,
           sign * coalesce(r.overall_confidence, 0), sign * (r.overall_confidence is not null)::int
    from (values ('hour'), ('day')) g (grain) cross join unnest(v_keys) k (owner_key)
    on conflict (workspace_id, grain, bucket, owner_key) do update set
      runs = t.runs + excluded.runs,
      succeeded = t.succeeded + excluded.succeeded,
      failed = t.failed + excluded.failed,
      rejected = t.rejected + excluded.rejected,
      pending = t.pending + excluded.pending,
      approved = t.approved + excluded.approved,
      auto_applied = t.auto_applied + excluded.auto_applied,
      confidence_sum = t.confidence_sum + excluded.confidence_sum,
      confidence_count = t.confidence_count + excluded.confidence_count;
  else
    -- Removing: the counters may already be gone with their workspace (a cascade), so
    -- only existing rows are touched; an insert here would name a deleted workspace.
    update activity_rollups t set
      runs = t.runs + sign,
      succeeded = t.succeeded + sign * (r.status = 'success')::int,
      failed = t.failed + sign * (r.status = 'failed')::int,
      rejected = t.rejected + sign * (r.status = 'rejected')::int,
      pending = t.pending + sign * (r.status = 'pending')::int,
      approved = t.approved + sign * (r.status = 'success' and v_inbox)::int,
      auto_applied = t.auto_applied + sign * v_auto,
      confidence_sum = t.confidence_sum + sign * coalesce(r.overall_confidence, 0),
      confidence_count = t.confidence_count + sign * (r.overall_confidence is not null)::int
    where t.workspace_id = r.workspace_id and t.owner_key = any(v_keys)
      and (t.grain, t.bucket) in (('hour', date_trunc('hour', r.created_at, 'UTC')),
                                  ('day', date_trunc('day', r.created_at, 'UTC')));
  end if;
end
$$;

create function activity_rollup_trigger()
returns trigger
language plpgsql
as $$
begin
  if tg_op = 'INSERT' then
    perform activity_rollup_apply(new, 1, true);
  elsif tg_op = 'DELETE' then
    perform activity_rollup_apply(old, -1, false);
  elsif (old.status, old.owner_id, old.created_at, old.overall_confidence, old.fields_updated)
        is distinct from
        (new.status, new.owner_id, new.created_at, new.overall_confidence, new.fields_updated) then
    perform activity_rollup_apply(old, -1, false);
    perform activity_rollup_apply(new, 1, true);
  end if;
  return null;
end
$$;

create trigger activity_logs_rollup
  after insert or update or delete on activity_logs
  for each row execute function activity_rollup_trigger();
