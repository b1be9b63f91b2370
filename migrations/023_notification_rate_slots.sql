-- Channel rate limits for the outbox, shared by every worker: a burst of deliveries to
-- one channel of one workspace is spread over time at the sender's rate, not refused.

-- The next free send time per workspace and channel; each send reserves one slot.
create table notification_rate_slots (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  channel text not null check (channel in ('slack', 'email', 'push')),
  next_slot_at timestamptz not null,
  primary key (workspace_id, channel)
);

-- A delivery put back to wait for a slot it already reserved: the next attempt uses it
-- instead of queueing behind the burst again.
alter table notification_deliveries add column rate_slot_at timestamptz;
