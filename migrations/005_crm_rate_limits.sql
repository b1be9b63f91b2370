-- The CRM rate limiter's state (src/crm/rate-limiter.ts): one row per connection, shared
-- by every process of the deployment, so they all draw on one budget (DESIGN.md principle 3).
create table crm_rate_limits (
  connection_id uuid primary key references connections (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- The short window as a ring of the last `per_window` grant times, oldest at `next_slot`:
  -- a call may not be granted less than a window after the call `per_window` grants earlier,
  -- which holds any rolling window to `per_window` calls while still allowing a full burst.
  recent_grants timestamptz[] not null default '{}',
  next_slot integer not null default 0,
  last_grant_at timestamptz,
  -- Set after a 429: every process holds its calls until then.
  paused_until timestamptz,
  last_429_at timestamptz,
  last_429_policy text,
  -- The CRM said the daily quota is used up (HubSpot policy DAILY): refuse calls until then.
  daily_exhausted_until timestamptz,
  -- Calls today (UTC), counted here or as the CRM last reported them.
  usage_day date,
  used_today integer not null default 0,
  -- The configured daily quota, kept for display; a quota the CRM reported wins over it.
  daily_limit integer,
  reported_max integer,
  reported_at timestamptz,
  -- When the once-a-day warning (usage past a share of the quota) was last raised.
  warned_at timestamptz,
  updated_at timestamptz not null default now()
);
create index crm_rate_limits_workspace_idx on crm_rate_limits (workspace_id);

-- The connection's row, locked until the end of the caller's statement; created on first
-- use, and only for a connection of that workspace (P0002 otherwise).
create function crm_rate_limit_lock(p_workspace_id uuid, p_connection_id uuid)
returns crm_rate_limits
language plpgsql
as $$
declare
  r crm_rate_limits;
begin
  select * into r from crm_rate_limits t
  where t.connection_id = p_connection_id and t.workspace_id = p_workspace_id
  for update;
  if found then
    return r;
  end if;
  insert into crm_rate_limits (connection_id, workspace_id)
  select c.id, c.workspace_id from connections c
  where c.id = p_connection_id and c.workspace_id = p_workspace_id
  on conflict (connection_id) do nothing;
  select * into r from crm_rate_limits t
  where t.connection_id = p_connection_id and t.workspace_id = p_workspace_id
  for update;
  if not found then
    raise exception 'no connection % in workspace %', p_connection_id, p_workspace_id
      using errcode = 'no_data_found';
  end if;
  return r;
end
$$;

-- One call's worth of budget, reserved in one statement under the row lock: how long the
-- caller must wait before calling (nothing is held while it waits), or `refused` when the
-- daily quota is used up. `p_count` false re-reserves a slot for a call already counted.
-- `p_now` null means the database's clock, the one clock every process shares.
create function crm_rate_limit_acquire(
  p_workspace_id uuid,
  p_connection_id uuid,
  p_per_window integer,
  p_window_ms double precision,
  p_daily_limit integer,
  p_warn_ratio numeric,
  p_count boolean,
  p_now timestamptz
)
returns table (
  wait_ms double precision,
  day_used integer,
  day_limit integer,
  warned boolean,
  refused boolean,
  retry_after_ms double precision
)
language plpgsql
as $$
declare
  r crm_rate_limits;
  v_now timestamptz;
  v_today date;
  v_limit integer;
  v_grant timestamptz;
  v_size integer;
  v_kept integer;
begin
  r := crm_rate_limit_lock(p_workspace_id, p_connection_id);
  -- Read the clock only once the lock is ours, so waiting for it does not date the grant early.
  v_now := coalesce(p_now, clock_timestamp());
  v_today := (v_now at time zone 'utc')::date;
  if r.usage_day is null or v_today > r.usage_day then
    r.usage_day := v_today;
    r.used_today := 0;
  end if;
  v_limit := coalesce(r.reported_max, p_daily_limit);

  if p_count and (r.daily_exhausted_until > v_now or r.used_today >= v_limit) then
    return query select 0::float8, r.used_today, v_limit, false, true,
      extract(epoch from greatest(
        r.daily_exhausted_until,
        case when r.used_today >= v_limit then (v_today + 1)::timestamp at time zone 'utc' end
      ) - v_now)::float8 * 1000;
    return;
  end if;

  v_grant := greatest(v_now, r.paused_until, r.last_grant_at);
  if p_per_window is not null then
    v_size := coalesce(array_length(r.recent_grants, 1), 0);
    if v_size <> p_per_window then
      -- The limit changed: keep the newest grants, oldest first, so they still count.
      r.recent_grants := r.recent_grants[r.next_slot + 1:] || r.recent_grants[:r.next_slot];
      v_kept := least(v_size, p_per_window);
      r.recent_grants := array_fill(null::timestamptz, array[p_per_window - v_kept])
        || r.recent_grants[v_size - v_kept + 1:];
      r.next_slot := 0;
    end if;
    v_grant := greatest(
      v_grant,
      r.recent_grants[r.next_slot + 1] + p_window_ms * interval '1 millisecond'
    );
    r.recent_grants[r.next_slot + 1] := v_grant;
    r.next_slot := (r.next_slot + 1) % p_per_window;
  end if;

  if p_count then
    r.used_today := r.used_today + 1;
  end if;
  warned := coalesce(
    r.used_today >= ceil(p_warn_ratio * v_limit)
      and (r.warned_at is null or (r.warned_at at time zone 'utc')::date < v_today),
    false
  );
  if warned then
    r.warned_at := v_now;
  end if;

  update crm_rate_limits t set
    recent_grants = r.recent_grants,
    next_slot = r.next_slot,
    last_grant_at = v_grant,
    usage_day = r.usage_day,
    used_today = r.used_today,
    daily_limit = p_daily_limit,
    warned_at = r.warned_at,
    updated_at = now()
  where t.connection_id = p_connection_id;

  return query select extract(epoch from v_grant - v_now)::float8 * 1000, r.used_today, v_limit,
    warned, false, null::float8;
end
$$;

-- The CRM's own count of today's calls (Salesforce `Sforce-Limit-Info: api-usage=used/max`)
-- replaces ours, and its maximum replaces the configured quota.
create function crm_rate_limit_report(
  p_workspace_id uuid,
  p_connection_id uuid,
  p_used integer,
  p_max integer,
  p_daily_limit integer,
  p_warn_ratio numeric,
  p_now timestamptz
)
returns table (day_used integer, day_limit integer, warned boolean)
language plpgsql
as $$
declare
  r crm_rate_limits;
  v_now timestamptz;
  v_today date;
  v_limit integer;
begin
  r := crm_rate_limit_lock(p_workspace_id, p_connection_id);
  v_now := coalesce(p_now, clock_timestamp());
  v_today := (v_now at time zone 'utc')::date;
  v_limit := coalesce(p_max, r.reported_max, p_daily_limit);
  warned := coalesce(
    p_used >= ceil(p_warn_ratio * v_limit)
      and (r.warned_at is null or (r.warned_at at time zone 'utc')::date < v_today),
    false
  );

  update crm_rate_limits t set
    usage_day = v_today,
    used_today = p_used,
    reported_max = coalesce(p_max, t.reported_max),
    reported_at = v_now,
    daily_limit = p_daily_limit,
    warned_at = case when warned then v_now else t.warned_at end,
    updated_at = now()
  where t.connection_id = p_connection_id;

  return query select p_used, v_limit, warned;
end
$$;
