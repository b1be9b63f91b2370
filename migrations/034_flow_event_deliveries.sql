-- Which flows an event has started: a dispatch job run again (its worker died after the
-- commit, before the queue heard it finish) finds the event delivered and starts nothing twice.
create table flow_event_deliveries (
  event_id uuid not null,
  flow_id uuid not null references flows (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  run_id uuid not null references flow_runs (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (event_id, flow_id)
);
