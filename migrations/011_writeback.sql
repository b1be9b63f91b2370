-- Write-back: fields Pandora computes, mappings of those fields to CRM properties,
-- what was last written through each mapping, and runs.

-- The latest value of each computed field of each deal or account. `changed_at` and
-- `run_id` move only when the value changes, so "what a run changed" is the rows it
-- left its id on.
create table computed_values (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  object_type text not null check (object_type in ('deal', 'account')),
  entity_id uuid not null,
  field text not null,
  value jsonb not null,
  -- Why: the factors behind the value, for people reading it.
  factors jsonb not null default '[]',
  computed_at timestamptz not null,
  changed_at timestamptz not null,
  run_id uuid references skill_runs (id) on delete set null,
  primary key (workspace_id, object_type, field, entity_id)
);
create index computed_values_run_idx on computed_values (run_id);

-- A Pandora field written to a CRM property. One live mapping per field and object
-- type in a workspace; a deleted one keeps its row (and its history) with deleted_at.
create table crm_property_mappings (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  connection_id uuid not null references connections (id) on delete cascade,
  pandora_field text not null,
  object_type text not null check (object_type in ('deal', 'account')),
  crm_property text not null,
  crm_property_type text not null,
  write_mode text not null default 'overwrite'
    check (write_mode in ('overwrite', 'never_overwrite', 'append', 'append_if_changed')),
  append_separator text not null default E'\n---\n',
  timestamp_format text not null default 'none' check (timestamp_format in ('prefix', 'suffix', 'none')),
  max_entries integer check (max_entries between 1 and 1000),
  -- score_above:n, score_below:n, score_changed_by:n, field_is_blank; null: always.
  write_condition text,
  -- raw, truncate:n, round:n, date_only, uppercase, score_label.
  value_transform text not null default 'raw',
  -- When it runs besides sync-all: after the computing skill changes values, daily, or never.
  trigger text not null default 'after_compute' check (trigger in ('after_compute', 'schedule', 'manual')),
  enabled boolean not null default true,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index crm_property_mappings_live_idx
  on crm_property_mappings (workspace_id, pandora_field, object_type) where deleted_at is null;
create index crm_property_mappings_connection_idx on crm_property_mappings (connection_id);

-- Per mapping and record: the value Pandora last wrote (as computed, and as the CRM
-- got it after transform and mode). What makes an unchanged value cost no call.
create table writeback_state (
  mapping_id uuid not null references crm_property_mappings (id) on delete cascade,
  entity_id uuid not null,
  record_id text not null,
  last_value jsonb not null,
  -- When the value written was computed: an append adds each computation once.
  computed_at timestamptz not null,
  last_written jsonb not null,
  written_at timestamptz not null,
  primary key (mapping_id, entity_id)
);

-- One write-back run: what it considered and did, and its progress while it runs.
create table writeback_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  trigger text not null check (trigger in ('after_compute', 'manual', 'schedule')),
  actor text,
  mapping_ids uuid[] not null,
  -- after_compute: only the records this compute run changed.
  compute_run_id uuid references skill_runs (id) on delete set null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'partial', 'failed')),
  total integer not null default 0,
  done integer not null default 0,
  -- { considered, unchanged, skipped_condition, written, failed, crm_calls }
  report jsonb not null default '{}',
  -- [{ mappingId, entityId, recordId, reason }]; the first 200.
  failures jsonb not null default '[]',
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index writeback_runs_workspace_idx on writeback_runs (workspace_id, created_at desc);
