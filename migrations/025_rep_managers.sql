-- Who manages each rep, for `notify_manager` actions in a workspace whose CRM keeps no
-- owner hierarchy (HubSpot), or where the CRM names no manager for a rep. Salesforce's
-- User.ManagerId comes first; this mapping next; the workspace's admins last.
create table rep_managers (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- The rep as actions name them (actions.owner_email), lower-cased.
  rep_email text not null check (rep_email = lower(rep_email) and length(rep_email) between 3 and 320),
  -- A member of the workspace; removing the user removes the mapping.
  manager_user_id uuid not null references users (id) on delete cascade,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, rep_email)
);
