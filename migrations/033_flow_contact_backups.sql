-- delete_contact keeps the contact before archiving it in the CRM, so its undo can bring
-- it back: the CRM's properties and associations, and Pandora's own row and deal links.
create table flow_contact_backups (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- The step run's idempotency key.
  idempotency_key text not null,
  connection_id uuid references connections (id) on delete set null,
  crm_type text not null check (crm_type in ('hubspot', 'salesforce')),
  crm_id text not null,
  -- The CRM's writable properties with a value, as read before the archive.
  properties jsonb not null,
  -- { deal: [crm ids], account: [crm ids] }
  associations jsonb not null,
  -- Pandora's contacts row and its deal_contacts links, as they were.
  pandora_contact jsonb,
  pandora_deal_links jsonb not null default '[]',
  archived_at timestamptz,
  -- The undo: the contact made again in the CRM (the CRM gives it a new id).
  restored_at timestamptz,
  restored_crm_id text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, idempotency_key)
);
