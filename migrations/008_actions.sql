-- Actions: cards proposing CRM changes, their executions and undos, the audit notes
-- they leave in the CRM, the in-app notifications they send, and an append-only log.
create table actions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  action_type text not null check (action_type ~ '^[a-z][a-z0-9_]{1,49}$'),
  severity text not null check (severity in ('critical', 'warning', 'info')),
  title text not null check (length(title) between 1 and 300),
  summary text not null default '',
  impact_amount numeric,
  urgency_label text,
  recommended_steps jsonb not null default '[]',
  -- The CRM record the action is about, by its CRM id, and Pandora's copy if synced.
  connection_id uuid references connections (id) on delete set null,
  target_type text not null check (target_type in ('deal', 'contact', 'account')),
  target_source_id text not null,
  target_entity_id uuid,
  target_name text,
  owner_email text,
  -- { crm_updates: [{ field, proposed_value, current_value }], note }
  execution_payload jsonb not null default '{}',
  status text not null default 'open' check (status in (
    'open', 'in_progress', 'awaiting_approval', 'executed', 'failed', 'dismissed', 'undone')),
  execution_result jsonb,
  -- Who proposed it: a skill run, a person, or an API client.
  source_type text not null check (source_type in ('skill', 'person', 'api', 'flow', 'agent')),
  source_id text,
  source_name text,
  -- A skill re-run updates the open action with the same key instead of adding one.
  dedupe_key text,
  approved_by text,
  approved_at timestamptz,
  executed_at timestamptz,
  undone_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index actions_dedupe_idx on actions (workspace_id, dedupe_key)
  where dedupe_key is not null and status in ('open', 'awaiting_approval', 'failed');
-- Keyset pagination: newest first, and by impact.
create index actions_list_idx on actions (workspace_id, created_at desc, id desc);
create index actions_status_idx on actions (workspace_id, status, created_at desc, id desc);
create index actions_target_idx on actions (workspace_id, target_type, target_source_id);
create index actions_connection_idx on actions (connection_id);

-- One row per execute or undo request. The idempotency key makes a repeated request
-- return the first one's result.
create table action_executions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  action_id uuid not null references actions (id) on delete cascade,
  kind text not null check (kind in ('execute', 'undo')),
  idempotency_key text,
  actor text not null,
  status text not null default 'running'
    check (status in ('running', 'succeeded', 'partial', 'failed')),
  -- Per operation: { kind, field, before, after, status, error }.
  operations jsonb not null default '[]',
  batch_id uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create unique index action_executions_key_idx
  on action_executions (workspace_id, action_id, kind, idempotency_key)
  where idempotency_key is not null;
create index action_executions_action_idx on action_executions (action_id, started_at desc);
create index action_executions_batch_idx on action_executions (batch_id) where batch_id is not null;

-- The audit note an execute or undo leaves on the record. Recorded before the CRM
-- call; `crm_note_id` once the CRM answered.
create table action_notes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  action_id uuid not null references actions (id) on delete cascade,
  execution_id uuid not null references action_executions (id) on delete cascade,
  -- One note per action for its execution and one for its undo.
  kind text not null check (kind in ('execute', 'undo')),
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'created', 'failed')),
  crm_note_id text,
  error jsonb,
  created_at timestamptz not null default now(),
  settled_at timestamptz,
  unique (action_id, kind)
);
create index action_notes_execution_idx on action_notes (execution_id);

-- In-app messages to a rep or manager (notify_* actions). Slack and email later.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  recipient_email text not null,
  kind text not null,
  title text not null,
  body text not null default '',
  action_id uuid references actions (id) on delete cascade,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  unique (action_id, recipient_email, kind)
);
create index notifications_recipient_idx
  on notifications (workspace_id, recipient_email, created_at desc);

-- Batch executions: many actions in one background job.
create table action_batches (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  actor text not null,
  action_ids uuid[] not null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'partial', 'failed')),
  total integer not null,
  done integer not null default 0,
  -- Per action: { status, error }.
  results jsonb not null default '{}',
  crm_calls integer not null default 0,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index action_batches_workspace_idx on action_batches (workspace_id, created_at desc);

-- Append-only: every state change of an action.
create table action_audit_log (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  action_id uuid not null references actions (id) on delete cascade,
  event text not null,
  from_status text,
  to_status text,
  actor text,
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index action_audit_log_action_idx on action_audit_log (action_id, id);
create index action_audit_log_workspace_idx on action_audit_log (workspace_id, id desc);

-- Rows are never changed, and only removed with their workspace or action (the
-- foreign keys' cascades run inside a trigger, so pg_trigger_depth() > 1 there).
create function action_audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  raise exception 'action_audit_log is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger action_audit_log_append_only before update or delete on action_audit_log
  for each row execute function action_audit_log_append_only();
