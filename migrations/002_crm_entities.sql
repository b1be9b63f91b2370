-- Normalized CRM records. Each row comes from one source (a CRM connection, the demo
-- generator, a CSV import) and is upserted by (workspace_id, source, source_id).

create table owners (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  source text not null,
  source_id text not null,
  email text,
  name text not null,
  title text,
  source_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, source, source_id)
);

create table accounts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  source text not null,
  source_id text not null,
  name text not null,
  domain text,
  industry text,
  employee_count integer,
  annual_revenue numeric(18, 2),
  owner_id uuid references owners (id) on delete set null,
  source_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, source, source_id)
);
create index accounts_domain_idx on accounts (workspace_id, domain);

create table contacts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  source text not null,
  source_id text not null,
  account_id uuid references accounts (id) on delete set null,
  email text,
  first_name text,
  last_name text,
  title text,
  phone text,
  source_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, source, source_id)
);
create index contacts_account_idx on contacts (workspace_id, account_id);
create index contacts_email_idx on contacts (workspace_id, lower(email));

create table deals (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  source text not null,
  source_id text not null,
  account_id uuid references accounts (id) on delete set null,
  owner_id uuid references owners (id) on delete set null,
  name text not null,
  amount numeric(18, 2),
  close_date date,
  pipeline text,
  stage text,
  stage_normalized text check (stage_normalized in
    ('prospecting', 'qualification', 'discovery', 'evaluation', 'proposal', 'negotiation',
     'closed_won', 'closed_lost')),
  probability numeric(5, 2),
  forecast_category text,
  next_step text,
  last_activity_at timestamptz,
  source_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, source, source_id)
);
create index deals_workspace_idx on deals (workspace_id, id);
create index deals_account_idx on deals (workspace_id, account_id);
create index deals_owner_idx on deals (workspace_id, owner_id);
create index deals_stage_idx on deals (workspace_id, stage_normalized);

create table deal_contacts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  deal_id uuid not null references deals (id) on delete cascade,
  contact_id uuid not null references contacts (id) on delete cascade,
  role text,
  is_primary boolean not null default false,
  primary key (deal_id, contact_id)
);
create index deal_contacts_contact_idx on deal_contacts (workspace_id, contact_id);

create table deal_stage_history (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  deal_id uuid not null references deals (id) on delete cascade,
  from_stage text,
  to_stage text not null,
  changed_at timestamptz not null
);
create index deal_stage_history_deal_idx on deal_stage_history (workspace_id, deal_id, changed_at);

-- Meetings (calls, video meetings) with their transcripts.
create table conversations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  source text not null,
  source_id text not null,
  title text not null,
  started_at timestamptz not null,
  duration_seconds integer not null check (duration_seconds >= 0),
  participants jsonb not null default '[]',
  transcript text,
  is_internal boolean not null default false,
  account_id uuid references accounts (id) on delete set null,
  deal_id uuid references deals (id) on delete set null,
  source_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, source, source_id)
);
create index conversations_started_idx on conversations (workspace_id, started_at desc);
create index conversations_deal_idx on conversations (workspace_id, deal_id);
