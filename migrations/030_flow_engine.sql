-- What the flow runner keeps besides 026's columns.
--
-- `idempotency_root`: the run whose step keys a rerun carries on (the first run of a
-- chain of reruns). A step's idempotency key is `<root>:<step key>`, so a write step a
-- failed run may have half-done is recognised as already done when the rerun sends it.
alter table flow_runs add column idempotency_root uuid;
-- Who cancelled it (a cancel is asked for first; the runner stops at the next step).
alter table flow_runs add column cancelled_by uuid references users (id) on delete set null;
