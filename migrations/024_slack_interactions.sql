-- Clicks and modal submissions received from Slack, one row per interaction. Slack
-- sends the same interaction again when it does not see a 200 within 3 seconds
-- (X-Slack-Retry-Num); the unique key makes the first copy the only one that acts, so
-- a retried Approve is decided once. The row also says what came of it.
create table slack_interactions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- `<payload type>:<trigger_id>` (the same in every retry of one interaction).
  dedupe_key text not null,
  -- A button (approve, reject, edit: the last two open a modal) or a modal's submission.
  kind text not null
    check (kind in ('click_approve', 'click_reject', 'click_edit', 'submit_edit', 'submit_reject')),
  inbox_item_id uuid not null references inbox_items (id) on delete cascade,
  slack_user_id text not null,
  -- How many copies came after the first.
  retries integer not null default 0,
  status text not null default 'received'
    check (status in ('received', 'done', 'refused', 'failed')),
  -- What the person was told (or why nothing happened).
  outcome text,
  created_at timestamptz not null default now(),
  processed_at timestamptz,
  unique (workspace_id, dedupe_key)
);
create index slack_interactions_item_idx on slack_interactions (inbox_item_id);
