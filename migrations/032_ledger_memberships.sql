-- Campaign memberships (a HubSpot list, a Salesforce campaign) go through the ledger like
-- field writes: a row before the call, settled after it. `field` is `campaign:<id>`,
-- value_before whether the contact was a member, value_to_write whether it is to be.
alter table crm_write_log drop constraint crm_write_log_operation_check;
alter table crm_write_log add constraint crm_write_log_operation_check
  check (operation in ('update', 'create', 'archive', 'add_member', 'remove_member'));
