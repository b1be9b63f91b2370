-- Workspace policies that decide, when an action is executed, whether it runs at once,
-- waits for approval or is refused. The first enabled policy whose match holds wins,
-- by priority (lower first), then by age (older first).
create table action_policies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  enabled boolean not null default true,
  priority integer not null default 100 check (priority between 0 and 1000000),
  -- { actionTypes, severities, impactMin, impactMax, fields, fieldsOnly, sourceTypes,
  --   sourceNames }, all optional; src/actions/policies.ts validates and reads it.
  match jsonb not null default '{}' check (jsonb_typeof(match) = 'object'),
  effect text not null check (effect in ('auto_execute', 'require_approval', 'block')),
  -- Who created it, as the audit trail names people and API keys.
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The order decisions read them in.
create index action_policies_workspace_idx
  on action_policies (workspace_id, priority, created_at, id);
