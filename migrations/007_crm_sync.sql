-- Syncing a CRM into the normalized tables: one row per run, the connection's
-- incremental watermarks and schedule, and the CRM's pipelines and stages.
alter table connections
  add column sync_state jsonb not null default '{}',
  add column last_sync_at timestamptz,
  add column sync_interval_hours integer not null default 24
    check (sync_interval_hours between 1 and 720);

create table sync_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  connection_id uuid not null references connections (id) on delete cascade,
  mode text not null check (mode in ('full', 'incremental')),
  trigger text not null check (trigger in ('manual', 'schedule', 'connect', 'cli', 'demo')),
  status text not null default 'running'
    check (status in ('running', 'succeeded', 'partial', 'failed')),
  -- Per object type: { fetched, created, updated, unchanged }; plus associations, stage changes.
  counts jsonb not null default '{}',
  crm_calls integer not null default 0,
  errors jsonb not null default '[]',
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  duration_ms integer
);
create index sync_runs_connection_idx on sync_runs (workspace_id, connection_id, started_at desc);
create index sync_runs_connection_fk_idx on sync_runs (connection_id);

create table pipeline_stages (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  source text not null,
  pipeline_id text not null,
  pipeline_label text not null,
  stage_id text not null,
  stage_label text not null,
  display_order integer not null,
  probability numeric(5, 4),
  is_closed boolean not null,
  is_won boolean not null,
  stage_normalized text not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, source, pipeline_id, stage_id)
);
