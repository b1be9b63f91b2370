-- Quotas for the pipeline-coverage skill, and one row per skill run.

-- A stretch of time reps carry a quota for (a quarter, a half...). Periods may overlap
-- (a month inside a quarter); a skill run covers every period that contains its day.
create table quota_periods (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  starts_on date not null,
  ends_on date not null,
  created_at timestamptz not null default now(),
  check (starts_on <= ends_on),
  unique (workspace_id, name)
);
create index quota_periods_dates_idx on quota_periods (workspace_id, starts_on, ends_on);

-- A rep's quota for a period, by owner id or, for a rep not synced yet, by email (stored
-- lower case). Exactly one of the two is set.
create table rep_quotas (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  period_id uuid not null references quota_periods (id) on delete cascade,
  owner_id uuid references owners (id) on delete cascade,
  owner_email text check (owner_email = lower(owner_email) and position('@' in owner_email) > 1),
  amount numeric(18, 2) not null check (amount > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(owner_id, owner_email) = 1),
  unique (period_id, owner_id),
  unique (period_id, owner_email)
);
create index rep_quotas_workspace_idx on rep_quotas (workspace_id, period_id);
create index rep_quotas_owner_fk_idx on rep_quotas (owner_id);

-- Each run of a skill: what it was asked (as_of, options), what it proposed, how it ended.
create table skill_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  skill text not null,
  trigger text not null check (trigger in ('manual', 'schedule')),
  actor text,
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  -- The instant the skill computed "today" and ages from.
  as_of timestamptz not null,
  options jsonb not null default '{}',
  -- { candidates, proposed, created, updated, skipped }
  counts jsonb not null default '{}',
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index skill_runs_workspace_idx on skill_runs (workspace_id, skill, started_at desc);
