-- The meeting agent: its configurations, one activity row per run, the inbox where a
-- person decides what the agent was unsure of, the outcomes that measure each
-- field's precision in shadow, and the anomalies that rules raise from all of it.

create table agent_configs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- The CRM connection the agent reads and writes.
  connection_id uuid not null references connections (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  -- discovery, demo, negotiation, renewal...; empty: every call.
  call_types text[] not null default '{}',
  -- { ownerIds?, pipelines?, recordTypes }: which reps, pipelines and record types.
  scope jsonb not null default '{}' check (jsonb_typeof(scope) = 'object'),
  -- [{ field, crmProperty?, rule: 'auto'|'ask'|'never', threshold?, autoApplyEnabled }]
  fields jsonb not null default '[]' check (jsonb_typeof(fields) = 'array'),
  -- The template it was made from, if any (templates live in code).
  template_id text,
  status text not null default 'draft' check (status in ('draft', 'active', 'paused', 'error')),
  -- A new agent proposes only (shadow) until the admin lets it write ('live').
  mode text not null default 'shadow' check (mode in ('shadow', 'live')),
  -- Trust earned per field: auto-apply only at this precision over this many samples.
  precision_threshold numeric(4, 3) not null default 0.95
    check (precision_threshold > 0 and precision_threshold <= 1),
  min_samples integer not null default 20 check (min_samples between 1 and 100000),
  -- Inbox items from this agent expire after this many hours.
  inbox_expiry_hours integer not null default 168 check (inbox_expiry_hours between 1 and 8760),
  status_reason text,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index agent_configs_workspace_idx on agent_configs (workspace_id, created_at desc, id desc);
create index agent_configs_connection_idx on agent_configs (connection_id);

-- One row per agent run on a meeting: what it matched, each field with before, after,
-- confidence, quote and decision, and how it ended.
create table activity_logs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  agent_config_id uuid references agent_configs (id) on delete set null,
  conversation_id uuid references conversations (id) on delete set null,
  -- The rep whose record it was (the deal's CRM owner).
  owner_id uuid references owners (id) on delete set null,
  trigger text not null default 'linked' check (trigger in ('linked', 'manual', 'replay')),
  crm_record_type text check (crm_record_type in ('deal', 'contact', 'account')),
  crm_record_id text,
  deal_id uuid references deals (id) on delete set null,
  action_type text not null check (action_type in ('create', 'update', 'skip')),
  -- { field: { before, after, confidence, quote, decision, status } }
  fields_updated jsonb not null default '{}' check (jsonb_typeof(fields_updated) = 'object'),
  match_confidence numeric(3, 2) check (match_confidence between 0 and 1),
  overall_confidence numeric(3, 2) check (overall_confidence between 0 and 1),
  status text not null default 'pending'
    check (status in ('pending', 'success', 'failed', 'rejected')),
  shadow boolean not null default false,
  -- The update_field action that carries the agent's writes through the ledger.
  action_id uuid references actions (id) on delete set null,
  warnings jsonb not null default '[]' check (jsonb_typeof(warnings) = 'array'),
  error_message text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- An automatic run happens once per agent and meeting; manual runs add rows.
create unique index activity_logs_linked_once_idx
  on activity_logs (agent_config_id, conversation_id) where trigger = 'linked';
-- Keyset timelines, newest first, with the filters the console offers.
create index activity_logs_timeline_idx on activity_logs (workspace_id, created_at desc, id desc);
create index activity_logs_agent_idx
  on activity_logs (workspace_id, agent_config_id, created_at desc, id desc);
create index activity_logs_owner_idx on activity_logs (workspace_id, owner_id, created_at desc, id desc);
create index activity_logs_status_idx on activity_logs (workspace_id, status, created_at desc, id desc);
create index activity_logs_record_idx
  on activity_logs (workspace_id, crm_record_id, created_at desc, id desc);
create index activity_logs_conversation_idx on activity_logs (conversation_id);
create index activity_logs_action_idx on activity_logs (action_id) where action_id is not null;
create index activity_logs_deal_idx on activity_logs (deal_id) where deal_id is not null;

-- Everything that waits for a person: agent approvals, questions, alerts and actions a
-- policy holds. `assignee_user_id` null means the workspace's admins.
create table inbox_items (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  assignee_user_id uuid references users (id) on delete set null,
  item_type text not null check (item_type in ('approval', 'question', 'alert')),
  -- What made it: an agent run, a policy holding an action, an anomaly.
  source text not null check (source in ('agent', 'policy', 'anomaly')),
  title text not null check (length(title) between 1 and 300),
  description text,
  -- { meeting, record, fields: [{ field, before, after, confidence, quote }], candidates }
  context jsonb not null default '{}' check (jsonb_typeof(context) = 'object'),
  confidence numeric(3, 2) check (confidence between 0 and 1),
  status text not null default 'pending'
    check (status in ('pending', 'approved', 'rejected', 'expired')),
  activity_log_id uuid references activity_logs (id) on delete set null,
  action_id uuid references actions (id) on delete set null,
  anomaly_id uuid,
  expires_at timestamptz,
  resolved_at timestamptz,
  resolved_by text,
  -- { reason } on rejection, { edits } or { dealId } on approval.
  resolution jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One pending item per held action.
create unique index inbox_items_action_pending_idx
  on inbox_items (action_id) where status = 'pending' and action_id is not null;
create index inbox_items_list_idx on inbox_items (workspace_id, status, created_at desc, id desc);
create index inbox_items_assignee_idx
  on inbox_items (workspace_id, assignee_user_id, status, created_at desc, id desc);
create index inbox_items_expiry_idx on inbox_items (expires_at) where status = 'pending';
create index inbox_items_activity_idx on inbox_items (activity_log_id) where activity_log_id is not null;

-- Shadow mode's evidence: each proposed field compared with what the rep later put in
-- the CRM (or decided in the inbox), one row per run and field.
create table agent_field_outcomes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  agent_config_id uuid not null references agent_configs (id) on delete cascade,
  activity_log_id uuid not null references activity_logs (id) on delete cascade,
  field text not null,
  proposed jsonb,
  actual jsonb,
  outcome text not null check (outcome in ('correct', 'incorrect')),
  source text not null check (source in ('crm', 'inbox')),
  decided_at timestamptz not null default now(),
  unique (activity_log_id, field)
);
create index agent_field_outcomes_field_idx
  on agent_field_outcomes (agent_config_id, field, decided_at desc);

-- A rule's finding, per rule and scope: pending until it has held for the rule's
-- pending period, active until it recovers below the lower threshold.
create table anomalies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  rule text not null,
  -- What it is about within the workspace: '' for the whole, or an agent, a field, a connection.
  scope_key text not null default '',
  severity text not null default 'warning' check (severity in ('info', 'warning', 'error')),
  title text not null,
  description text,
  -- The measured value, the threshold and the sample behind it.
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  status text not null default 'pending'
    check (status in ('pending', 'active', 'acknowledged', 'resolved')),
  first_seen_at timestamptz not null default now(),
  fired_at timestamptz,
  last_notified_at timestamptz,
  acknowledged_by text,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- De-duplication: one open finding per rule and scope.
create unique index anomalies_open_idx on anomalies (workspace_id, rule, scope_key)
  where status in ('pending', 'active', 'acknowledged');
create index anomalies_list_idx on anomalies (workspace_id, status, created_at desc, id desc);

-- Each evaluation's measured value, for the trend chart behind an anomaly.
create table anomaly_samples (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  rule text not null,
  scope_key text not null default '',
  at timestamptz not null,
  value double precision not null,
  sample_size integer not null,
  primary key (workspace_id, rule, scope_key, at)
);

alter table inbox_items
  add constraint inbox_items_anomaly_fk foreign key (anomaly_id) references anomalies (id) on delete set null;
create index inbox_items_anomaly_idx on inbox_items (anomaly_id) where anomaly_id is not null;
