-- What the CRM steps of flows (src/flows/steps) keep beside the write ledger.

-- The audit note a CRM-writing step leaves on the record (and the note its undo
-- leaves), recorded before the call so a step run again after a crash finds it
-- instead of adding a second one. `idempotency_key` is the step's.
create table flow_step_notes (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  idempotency_key text not null,
  kind text not null check (kind in ('execute', 'undo')),
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'created', 'failed')),
  crm_note_id text,
  error jsonb,
  created_at timestamptz not null default now(),
  settled_at timestamptz,
  primary key (workspace_id, idempotency_key, kind)
);
