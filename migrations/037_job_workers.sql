-- Each running job worker says it is alive here (src/jobs/liveness.ts). A worker whose
-- heartbeat has stopped is dead, and any worker hands the jobs it held back to the queue
-- at once, instead of after graphile-worker's four-hour stale-lock timeout.
create table job_workers (
  -- What graphile-worker writes in a job's locked_by: a worker's id or its pool's.
  worker_id text primary key,
  host text not null,
  pid int not null,
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now()
);

create index job_workers_heartbeat_idx on job_workers (heartbeat_at);
