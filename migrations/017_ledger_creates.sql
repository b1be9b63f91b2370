-- Records Pandora creates (a deal from a meeting, its new contacts) and archives (undoing
-- such a create) go through the ledger like field writes: a row before the call, settled
-- after it. A create's row carries the create's marker as record_id until the CRM names
-- the record, and field '*' (the whole record; value_to_write holds its properties).
alter table crm_write_log
  add column operation text not null default 'update'
    check (operation in ('update', 'create', 'archive'));
create index crm_write_log_operation_idx on crm_write_log (workspace_id, origin_id, operation)
  where operation <> 'update';
