-- Conversation sources: Gong, Fireflies and any recorder posting to a signed webhook are
-- connections beside the CRMs, so they share the credentials column, the status, the
-- sync state and the Postgres rate limiter (crm_rate_limits is keyed by connection).
-- A connection is either a CRM (crm_type) or a conversation source (source_type).
alter table connections alter column crm_type drop not null;
alter table connections
  add column source_type text check (source_type in ('gong', 'fireflies', 'webhook')),
  add constraint connections_crm_or_source check ((crm_type is null) <> (source_type is null));

-- The workspace's own email domains, set by an admin; the first place the internal
-- meeting filter looks (then tracked users, CRM owners, and contact domains).
alter table workspaces
  add column internal_domains text[] not null default '{}'
    check (cardinality(internal_domains) <= 100);

-- What the internal filter decided and why, where a meeting came from, who ran it,
-- and how the linker tied it to the CRM.
alter table conversations
  add column connection_id uuid references connections (id) on delete set null,
  add column internal_reason text,
  -- The recorder's user who hosted the call, and their CRM owner (the rep).
  add column host_email text,
  add column owner_id uuid references owners (id) on delete set null,
  -- The participant the link rests on, how it was made and how sure it is. A link a
  -- person set ('manual') is never replaced by the linker.
  add column contact_id uuid references contacts (id) on delete set null,
  add column link_method text
    check (link_method in ('email', 'crm_ids', 'single_open_deal', 'account_domain', 'manual')),
  add column link_confidence numeric(3, 2) check (link_confidence between 0 and 1),
  add column linked_at timestamptz,
  add column linked_by uuid references users (id) on delete set null,
  -- Conversations without deals: dismissed by a person (who, why), or closed by a deal
  -- created from the gap.
  add column gap_dismissed_at timestamptz,
  add column gap_dismissed_by uuid references users (id) on delete set null,
  add column gap_dismiss_reason text check (length(gap_dismiss_reason) <= 1000),
  add column gap_deal_created_at timestamptz;

create index conversations_connection_idx on conversations (connection_id);
create index conversations_account_idx on conversations (workspace_id, account_id);
create index conversations_contact_idx on conversations (contact_id);
create index conversations_owner_idx on conversations (owner_id);
create index conversations_linked_by_idx on conversations (linked_by);
create index conversations_gap_dismissed_by_idx on conversations (gap_dismissed_by);
-- The gaps list: external meetings with an account and no deal, newest first.
create index conversations_gaps_idx on conversations (workspace_id, started_at desc, id)
  where not is_internal and account_id is not null and deal_id is null;

-- Every CRM contact who took part in a meeting, as the linker matched them by email.
create table conversation_contacts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  conversation_id uuid not null references conversations (id) on delete cascade,
  contact_id uuid not null references contacts (id) on delete cascade,
  primary key (conversation_id, contact_id)
);
create index conversation_contacts_contact_idx on conversation_contacts (workspace_id, contact_id);
create index conversation_contacts_contact_fk_idx on conversation_contacts (contact_id);

-- Syncs of conversation sources are recorded like CRM syncs; a webhook delivery too.
alter table sync_runs drop constraint sync_runs_trigger_check;
alter table sync_runs add constraint sync_runs_trigger_check
  check (trigger in ('manual', 'schedule', 'connect', 'cli', 'demo', 'webhook', 'upload'));
