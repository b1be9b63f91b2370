-- Pandora's own tags on records (the add_tag flow step), and undos of flow step runs.

-- A tag is created on first use, by name (case-insensitive) within a workspace.
create table tags (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  color text check (color ~ '^#[0-9a-fA-F]{6}$'),
  -- The step run (its idempotency key) that created it, whose undo may remove it again.
  created_by_step text,
  created_at timestamptz not null default now()
);
create unique index tags_name_key on tags (workspace_id, lower(name));

-- A tag on a deal, contact or account (Pandora's record id).
create table record_tags (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  tag_id uuid not null references tags (id) on delete cascade,
  object_type text not null check (object_type in ('deal', 'contact', 'account')),
  record_id uuid not null,
  -- The step run that added it; its undo removes only what it added.
  added_by_step text,
  created_at timestamptz not null default now(),
  primary key (tag_id, object_type, record_id)
);
create index record_tags_record_idx on record_tags (workspace_id, object_type, record_id);

-- The undo of a finished step run: one per step run, what it restored or why it could not.
create table flow_step_undos (
  run_id uuid not null,
  step_key text not null,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  status text not null check (status in ('undone', 'blocked')),
  result jsonb not null,
  actor text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (run_id, step_key),
  foreign key (run_id, step_key) references flow_step_runs (run_id, step_key) on delete cascade
);
