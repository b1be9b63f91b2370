-- Invitations to a workspace. Adding someone by email never reveals whether that email
-- has an account: every addition is an invitation, accepted by its owner (logged in,
-- from the console's list, or through the link's token, which is stored as SHA-256).
create table invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  email text not null check (email = lower(email) and position('@' in email) > 1),
  role text not null check (role in ('admin', 'member')),
  token_hash text not null unique,
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id) on delete set null,
  revoked_at timestamptz,
  check (accepted_at is null or revoked_at is null)
);
-- One open invitation per email and workspace: inviting again replaces it.
create unique index invitations_open_idx on invitations (workspace_id, email)
  where accepted_at is null and revoked_at is null;
create index invitations_email_idx on invitations (email) where accepted_at is null and revoked_at is null;
create index invitations_workspace_idx on invitations (workspace_id, created_at desc);
