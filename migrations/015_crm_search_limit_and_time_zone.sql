-- HubSpot limits its search endpoints separately (about 5 requests per second per
-- account) from the general rolling window. A search call takes a slot in both rings;
-- other calls only in the general one (src/crm/rate-limiter.ts).
alter table crm_rate_limits
  add column search_grants timestamptz[] not null default '{}',
  add column search_next_slot integer not null default 0;

-- A ring of grant times resized to `p_size` slots, oldest first from slot 1, keeping
-- the newest grants so they still count (null slots are free).
create function crm_rate_limit_ring(p_grants timestamptz[], p_next_slot integer, p_size integer)
returns timestamptz[]
language plpgsql
immutable
as $$
declare
  v_size integer := coalesce(array_length(p_grants, 1), 0);
  v_ordered timestamptz[];
  v_kept integer;
begin
  v_ordered := coalesce(p_grants[p_next_slot + 1:], '{}') || coalesce(p_grants[:p_next_slot], '{}');
  v_kept := least(v_size, p_size);
  return array_fill(null::timestamptz, array[p_size - v_kept]) || v_ordered[v_size - v_kept + 1:];
end
$$;

-- Daily quotas reset at midnight in the CRM account's time zone (HubSpot's account
-- details, Salesforce's Organization.TimeZoneSidKey), not UTC's: the limiter passes the
-- zone name (null: UTC) and Postgres's time zone database turns it into dates.
drop function crm_rate_limit_acquire(uuid, uuid, integer, double precision, integer, numeric,
                                     boolean, timestamptz);
drop function crm_rate_limit_report(uuid, uuid, integer, integer, integer, numeric, timestamptz);

-- As before (005_crm_rate_limits.sql), plus the search ring: `p_search` calls also wait
-- for a slot among the last `p_search_per_window` search grants; days, daily quotas
-- included, are counted in `p_time_zone`.
create function crm_rate_limit_acquire(
  p_workspace_id uuid,
  p_connection_id uuid,
  p_per_window integer,
  p_window_ms double precision,
  p_daily_limit integer,
  p_warn_ratio numeric,
  p_count boolean,
  p_now timestamptz,
  p_search boolean,
  p_search_per_window integer,
  p_search_window_ms double precision,
  p_time_zone text
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
  v_search boolean := p_search and p_search_per_window is not null;
  v_zone text := coalesce(p_time_zone, 'UTC');
begin
  r := crm_rate_limit_lock(p_workspace_id, p_connection_id);
  -- Read the clock only once the lock is ours, so waiting for it does not date the grant early.
  v_now := coalesce(p_now, clock_timestamp());
  v_today := (v_now at time zone v_zone)::date;
  if r.usage_day is null or v_today > r.usage_day then
    r.usage_day := v_today;
    r.used_today := 0;
  end if;
  v_limit := coalesce(r.reported_max, p_daily_limit);

  if p_count and (r.daily_exhausted_until > v_now or r.used_today >= v_limit) then
    return query select 0::float8, r.used_today, v_limit, false, true,
      extract(epoch from greatest(
        r.daily_exhausted_until,
        case when r.used_today >= v_limit then (v_today + 1)::timestamp at time zone v_zone end
      ) - v_now)::float8 * 1000;
    return;
  end if;

  v_grant := greatest(v_now, r.paused_until, r.last_grant_at);
  if p_per_window is not null then
    if coalesce(array_length(r.recent_grants, 1), 0) <> p_per_window then
      r.recent_grants := crm_rate_limit_ring(r.recent_grants, r.next_slot, p_per_window);
      r.next_slot := 0;
    end if;
    v_grant := greatest(
      v_grant,
      r.recent_grants[r.next_slot + 1] + p_window_ms * interval '1 millisecond'
    );
  end if;
  if v_search then
    if coalesce(array_length(r.search_grants, 1), 0) <> p_search_per_window then
      r.search_grants := crm_rate_limit_ring(r.search_grants, r.search_next_slot,
                                             p_search_per_window);
      r.search_next_slot := 0;
    end if;
    v_grant := greatest(
      v_grant,
      r.search_grants[r.search_next_slot + 1] + p_search_window_ms * interval '1 millisecond'
    );
    r.search_grants[r.search_next_slot + 1] := v_grant;
    r.search_next_slot := (r.search_next_slot + 1) % p_search_per_window;
  end if;
  if p_per_window is not null then
    r.recent_grants[r.next_slot + 1] := v_grant;
    r.next_slot := (r.next_slot + 1) % p_per_window;
  end if;

  if p_count then
    r.used_today := r.used_today + 1;
  end if;
  warned := coalesce(
    r.used_today >= ceil(p_warn_ratio * v_limit)
      and (r.warned_at is null or (r.warned_at at time zone v_zone)::date < v_today),
    false
  );
  if warned then
    r.warned_at := v_now;
  end if;

  update crm_rate_limits t set
    recent_grants = r.recent_grants,
    next_slot = r.next_slot,
    search_grants = r.search_grants,
    search_next_slot = r.search_next_slot,
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

-- As in 005_crm_rate_limits.sql, with days in `p_time_zone`.
create function crm_rate_limit_report(
  p_workspace_id uuid,
  p_connection_id uuid,
  p_used integer,
  p_max integer,
  p_daily_limit integer,
  p_warn_ratio numeric,
  p_now timestamptz,
  p_time_zone text
)
returns table (day_used integer, day_limit integer, warned boolean)
language plpgsql
as $$
declare
  r crm_rate_limits;
  v_now timestamptz;
  v_today date;
  v_limit integer;
  v_zone text := coalesce(p_time_zone, 'UTC');
begin
  r := crm_rate_limit_lock(p_workspace_id, p_connection_id);
  v_now := coalesce(p_now, clock_timestamp());
  v_today := (v_now at time zone v_zone)::date;
  v_limit := coalesce(p_max, r.reported_max, p_daily_limit);
  warned := coalesce(
    p_used >= ceil(p_warn_ratio * v_limit)
      and (r.warned_at is null or (r.warned_at at time zone v_zone)::date < v_today),
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
