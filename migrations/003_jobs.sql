-- Jobs that failed for good (all attempts used), kept where a person can see them.
-- The queue itself is graphile-worker's, in its own schema.
create table failed_jobs (
  id bigint generated always as identity primary key,
  workspace_id uuid references workspaces (id) on delete cascade,
  job_id text not null,
  task text not null,
  payload jsonb not null,
  attempts integer not null,
  last_error text not null,
  failed_at timestamptz not null default now()
);
create index failed_jobs_workspace_idx on failed_jobs (workspace_id, failed_at desc);
