-- Flows: chains of typed steps an admin builds (`kind = 'flow'`) or a member builds for
-- the records they own (`kind = 'automation'`, with a `user_automations` row). The draft
-- is editable; publishing freezes it as an immutable `flow_versions` row, and a run is
-- pinned to the version it started on. A run is durable: each step's result is stored
-- in `flow_step_runs` by (run, step key) before the next step starts, so a run resumed
-- after a crash or a wait re-uses finished results and never repeats a side effect.

create table flows (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  kind text not null default 'flow' check (kind in ('flow', 'automation')),
  name text not null check (length(name) between 1 and 200),
  description text check (length(description) <= 2000),
  status text not null default 'active' check (status in ('active', 'archived')),
  -- The editable draft: { trigger, steps } (src/flows/types.ts FlowDefinition).
  draft jsonb not null check (jsonb_typeof(draft) = 'object'),
  -- Bumped on every draft update; an update naming an older revision is refused (409).
  draft_revision integer not null default 1,
  -- The last published version (null until the first publish).
  latest_version integer,
  -- The secret an incoming webhook must prove (encryptJson, context `flow-webhook:<id>`).
  webhook_secret bytea,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index flows_workspace_idx on flows (workspace_id, kind, status, created_at desc);

create table flow_versions (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  flow_id uuid not null references flows (id) on delete cascade,
  version integer not null check (version >= 1),
  -- Frozen: { trigger, steps }, as published.
  definition jsonb not null check (jsonb_typeof(definition) = 'object'),
  published_by uuid references users (id) on delete set null,
  published_at timestamptz not null default now(),
  primary key (flow_id, version)
);

-- A member's automation: the flow it is, and whose records it may touch. The scope is
-- copied onto each run (`flow_runs.scope_user_id`) and enforced in the steps' SQL.
create table user_automations (
  flow_id uuid primary key references flows (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index user_automations_user_idx on user_automations (workspace_id, user_id);

create table flow_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  flow_id uuid not null references flows (id) on delete cascade,
  version integer not null,
  status text not null default 'pending'
    check (status in ('pending', 'running', 'waiting', 'completed', 'failed', 'cancelled',
                      'timeout')),
  -- What started it: { type: manual|schedule|event|webhook|rerun, ...details }.
  trigger jsonb not null check (jsonb_typeof(trigger) = 'object'),
  -- `{{trigger.x}}` reads this: the start body's `input`, the event, the webhook body.
  input jsonb not null default '{}' check (jsonb_typeof(input) = 'object'),
  -- Set for an automation's runs: the member whose records the steps may touch.
  scope_user_id uuid references users (id) on delete cascade,
  started_by uuid references users (id) on delete set null,
  -- A rerun from a failed step: the run it copies finished steps from.
  rerun_of uuid references flow_runs (id) on delete set null,
  rerun_from_step text,
  -- The step running or waiting now.
  current_step text,
  -- { category, severity, message, suggestion, stepKey } when failed or timed out.
  error jsonb,
  -- When a waiting run is to be woken (a delay's end, an approval's timeout).
  wake_at timestamptz,
  cancel_requested_at timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  foreign key (flow_id, version) references flow_versions (flow_id, version)
);
create index flow_runs_flow_idx on flow_runs (workspace_id, flow_id, created_at desc, id desc);
create index flow_runs_open_idx on flow_runs (status, wake_at)
  where status in ('pending', 'running', 'waiting');

create table flow_step_runs (
  run_id uuid not null references flow_runs (id) on delete cascade,
  step_key text not null,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  step_type text not null,
  status text not null default 'running'
    check (status in ('running', 'waiting', 'completed', 'failed', 'skipped', 'cancelled',
                      'timeout')),
  -- The step's config with its templates resolved; secrets are replaced by '[secret]'.
  input jsonb,
  output jsonb,
  -- { category, severity, message, suggestion, retryable }
  error jsonb,
  attempts integer not null default 0,
  -- What a suspended step keeps between its calls (the inbox item it waits on, ...).
  state jsonb,
  -- Stable across attempts and resumes: `<run id>:<step key>`; copied by a rerun.
  idempotency_key text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  duration_ms integer,
  primary key (run_id, step_key)
);

-- `{{vars.x}}`: a run's typed variables (set_variable), one row per name.
create table flow_variables (
  run_id uuid not null references flow_runs (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null check (name ~ '^[A-Za-z_][A-Za-z0-9_]{0,63}$'),
  type text not null check (type in ('string', 'number', 'boolean', 'object', 'array')),
  value jsonb not null,
  step_key text,
  updated_at timestamptz not null default now(),
  primary key (run_id, name)
);

-- `{{secrets.x}}`: a workspace's secrets for flow steps (API keys, tokens), encrypted
-- with encryptJson (context `workspace-secret:<workspace id>:<name>`). Values are never
-- returned by the API nor written to a run record.
create table workspace_secrets (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null check (name ~ '^[A-Za-z_][A-Za-z0-9_]{0,63}$'),
  value bytea not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, name)
);

-- A wait_for_approval step waits on an inbox item of source 'flow'.
alter table inbox_items drop constraint inbox_items_source_check;
alter table inbox_items add constraint inbox_items_source_check
  check (source in ('agent', 'policy', 'anomaly', 'flow'));
alter table inbox_items add column flow_run_id uuid references flow_runs (id) on delete cascade;
create index inbox_items_flow_run_idx on inbox_items (flow_run_id) where flow_run_id is not null;
