-- An action being executed (`in_progress`) holds its dedupe key like an open one.
-- Before, a skill run during an execution added a second action with the same key,
-- and the execution could then not settle its own action back to `open` or `failed`
-- (a unique violation on this index), leaving it `in_progress` for good. The status
-- list is OPEN_STATUSES in src/actions/store.ts: change both together.

-- Keys that bug left held twice: the action in progress keeps the key (what it wrote
-- is settled when it is taken up again), else the newest; the others release theirs,
-- with an audit entry, and stay as they are otherwise.
with ranked as (
  select id, workspace_id, dedupe_key,
         row_number() over (partition by workspace_id, dedupe_key
                            order by (status = 'in_progress') desc, created_at desc, id desc) as n
  from actions
  where dedupe_key is not null
    and status in ('open', 'in_progress', 'awaiting_approval', 'failed')
), released as (
  update actions a set dedupe_key = null, updated_at = now()
  from ranked r
  where a.id = r.id and r.n > 1
  returning a.id, a.workspace_id, r.dedupe_key
)
insert into action_audit_log (workspace_id, action_id, event, actor, details)
select workspace_id, id, 'dedupe_key_released', 'migration 013',
       jsonb_build_object('dedupeKey', dedupe_key,
                          'reason', 'Another unsettled action holds the same key')
from released;

drop index actions_dedupe_idx;
create unique index actions_dedupe_idx on actions (workspace_id, dedupe_key)
  where dedupe_key is not null
    and status in ('open', 'in_progress', 'awaiting_approval', 'failed');
