-- Flow triggers: where each scheduled flow is in its cron, and the index that lets a
-- producer ask cheaply, inside its own transaction, whether any flow listens to an event.

-- One row per flow whose published version has a schedule trigger. The tick locks the
-- row, starts the run for `next_slot_at` and moves it on in one transaction, so a slot
-- starts exactly one run however many workers tick at once.
create table flow_schedules (
  flow_id uuid primary key references flows (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- The version whose cron these slots follow; a new publish recomputes the next slot.
  version integer not null,
  next_slot_at timestamptz not null,
  last_slot_at timestamptz,
  last_run_id uuid references flow_runs (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index flow_schedules_due_idx on flow_schedules (next_slot_at);

-- `emitFlowEvent` looks up listeners of one event type in one workspace.
create index flow_versions_event_idx
  on flow_versions (workspace_id, ((definition -> 'trigger' ->> 'event')))
  where definition -> 'trigger' ->> 'type' = 'event';
create index flow_versions_schedule_idx
  on flow_versions (flow_id, version)
  where definition -> 'trigger' ->> 'type' = 'schedule';
