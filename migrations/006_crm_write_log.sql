-- The write ledger (DESIGN.md principle 2): one row per CRM field write, inserted before
-- the call and settled after it. Rows outlive their connection, for audit and undo.
create table crm_write_log (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  connection_id uuid references connections (id) on delete set null,
  crm_type text not null check (crm_type in ('hubspot', 'salesforce')),
  object_type text not null check (object_type in ('deal', 'contact', 'account')),
  record_id text not null,
  field text not null,
  value_before jsonb,
  value_to_write jsonb,
  -- What made the change: an action, a write-back run, a flow step, a person, an undo.
  origin_type text not null check (origin_type in ('action', 'writeback', 'flow', 'person', 'undo', 'system')),
  origin_id text,
  actor text,
  idempotency_key text not null,
  status text not null default 'pending'
    check (status in ('pending', 'written', 'unchanged', 'failed')),
  -- Rows written by one CRM call share a batch id.
  batch_id uuid,
  attempts integer not null default 0,
  error jsonb,
  -- How the row was settled: by the CRM's answer, or by reading the CRM back afterwards.
  settled_by text check (settled_by in ('response', 'read_back', 'no_call')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  settled_at timestamptz,
  unique (workspace_id, idempotency_key)
);
create index crm_write_log_record_idx
  on crm_write_log (workspace_id, object_type, record_id, field, id desc);
create index crm_write_log_origin_idx on crm_write_log (workspace_id, origin_type, origin_id, id desc);
create index crm_write_log_status_idx on crm_write_log (workspace_id, status, id desc);
create index crm_write_log_pending_idx on crm_write_log (connection_id, updated_at)
  where status = 'pending';
create index crm_write_log_connection_idx on crm_write_log (connection_id);
