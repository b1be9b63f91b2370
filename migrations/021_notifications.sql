-- Notifications reach people where they are: in the console (in-app), Slack, email and
-- web push. A notification is recorded once per recipient (`notifications`, which is
-- also the in-app list), then delivered per channel through an outbox in Postgres
-- (`notification_deliveries`, one row per notification and channel) run by the workers.

alter table notifications
  -- The member it is for (null for an API-key-era row recorded by email only).
  add column recipient_user_id uuid references users (id) on delete cascade,
  -- Where the console shows the subject (`/inbox/<id>`, `/anomalies/<id>`, ...).
  add column link text,
  add column severity text not null default 'info'
    check (severity in ('info', 'warning', 'error')),
  -- Critical notifications skip digests: an error anomaly, an approval about to expire.
  add column critical boolean not null default false,
  add column inbox_item_id uuid references inbox_items (id) on delete cascade,
  add column anomaly_id uuid references anomalies (id) on delete cascade,
  add column activity_log_id uuid references activity_logs (id) on delete cascade,
  -- What a channel needs to render it (fields before/after, counts, items of a digest).
  add column data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  -- Whether the bell shows it (the recipient may turn in-app off for a type).
  add column in_app boolean not null default true,
  -- One notification per recipient and subject: recording it again is a no-op.
  add column dedupe_key text;

create unique index notifications_dedupe_idx
  on notifications (workspace_id, recipient_email, dedupe_key) where dedupe_key is not null;
create index notifications_unread_idx
  on notifications (workspace_id, recipient_user_id, created_at desc)
  where read_at is null and in_app;
create index notifications_inbox_item_idx
  on notifications (inbox_item_id) where inbox_item_id is not null;

-- The outbox: one row per notification and channel (and per target, for a post to a
-- Slack channel the admin picked, which has no notification of its own). A row carries
-- everything its sender needs in `payload`, so delivery never re-reads the subject.
create table notification_deliveries (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  notification_id uuid references notifications (id) on delete cascade,
  recipient_user_id uuid references users (id) on delete cascade,
  channel text not null check (channel in ('slack', 'email', 'push')),
  -- A Slack channel id for a channel post; null when the recipient is a person.
  target text,
  -- { type, title, body, link, severity, critical, inboxItemId, data }
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  -- Stable across retries: senders pass it on (Slack metadata, Message-ID, push Topic)
  -- so a retry after a lost answer is recognised, never sent twice.
  idempotency_key text not null,
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'delivered', 'failed', 'held', 'digested',
                      'skipped')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- While `sending`: the worker's lease; an expired lease is picked up again.
  locked_until timestamptz,
  last_error text,
  -- What the channel answered: { channel, ts } for Slack, { messageId } for email,
  -- per-subscription results for push.
  external_ref jsonb not null default '{}' check (jsonb_typeof(external_ref) = 'object'),
  -- For `digested` rows: the digest notification that carried them.
  digest_notification_id uuid references notifications (id) on delete set null,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, idempotency_key)
);
create index notification_deliveries_due_idx
  on notification_deliveries (next_attempt_at) where status in ('pending', 'sending');
create index notification_deliveries_held_idx
  on notification_deliveries (recipient_user_id, channel, created_at) where status = 'held';
create index notification_deliveries_notification_idx
  on notification_deliveries (notification_id);
create index notification_deliveries_list_idx
  on notification_deliveries (workspace_id, created_at desc, id desc);

-- Each member's choice per channel and type; a missing row means the default
-- (src/notifications/preferences.ts).
create table notification_preferences (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  channel text not null check (channel in ('in_app', 'slack', 'email', 'push')),
  type text not null,
  mode text not null check (mode in ('immediate', 'digest', 'off')),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id, channel, type)
);

-- When a member's digests go out: daily at a local hour, or hourly.
create table notification_settings (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  time_zone text not null default 'UTC',
  digest_period text not null default 'daily' check (digest_period in ('daily', 'hourly')),
  digest_hour integer not null default 9 check (digest_hour between 0 and 23),
  last_digest_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);

-- One Slack workspace per Pandora workspace, installed by OAuth or a pasted bot token.
create table slack_installations (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  team_id text not null,
  team_name text not null default '',
  bot_user_id text,
  -- encryptJson({ botToken }) (src/tenancy/secrets.ts)
  secrets text not null,
  scopes text[] not null default '{}',
  -- Where skill results and anomaly alerts are posted.
  alerts_channel_id text,
  alerts_channel_name text,
  installed_by uuid references users (id) on delete set null,
  installed_via text not null check (installed_via in ('oauth', 'token')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index slack_installations_team_idx on slack_installations (team_id);

-- Pandora members matched to Slack users by email (null slack_user_id: looked up, none).
create table slack_user_links (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  slack_user_id text,
  looked_up_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index slack_user_links_slack_idx on slack_user_links (workspace_id, slack_user_id);

-- Web push subscriptions, one per browser a member allowed.
create table push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  endpoint text not null,
  p256dh text not null,
  auth text not null,
  user_agent text,
  created_at timestamptz not null default now(),
  last_success_at timestamptz,
  unique (workspace_id, endpoint)
);
create index push_subscriptions_user_idx on push_subscriptions (workspace_id, user_id);
