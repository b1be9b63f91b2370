-- Workspaces, people, and how they sign in.

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and position('@' in email) > 1),
  name text not null default '',
  password_hash text,
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (email);

create table memberships (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('admin', 'member')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

-- Console sessions: the cookie holds a random token, the table only its SHA-256.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- API keys belong to one workspace; the secret is shown once and stored as SHA-256.
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  role text not null check (role in ('admin', 'member')),
  prefix text not null,
  key_hash text not null unique,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_workspace_idx on api_keys (workspace_id, created_at desc);

-- CRM connections; credentials are AES-256-GCM ciphertext (see src/tenancy/secrets.ts).
create table connections (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  crm_type text not null check (crm_type in ('hubspot', 'salesforce')),
  name text not null check (length(name) between 1 and 200),
  credentials bytea,
  stage_mapping jsonb not null default '{}',
  metadata jsonb not null default '{}',
  status text not null default 'pending'
    check (status in ('pending', 'connected', 'error', 'disconnected')),
  status_message text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index connections_workspace_idx on connections (workspace_id, created_at);
