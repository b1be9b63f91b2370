-- Boards: a workspace's kanban views of its records (deals, contacts or accounts), each
-- record in one column of a board at a time. A person or a flow's move_to_board step
-- moves records between columns (or onto and off a board); every move is kept in
-- `board_history`. A flow's move carries the step's idempotency key, so a step run
-- again after a crash finds its move already made instead of making it twice.

create table boards (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  description text check (length(description) <= 2000),
  record_type text not null check (record_type in ('deal', 'contact', 'account')),
  -- Ordered: [{ key, name }]; keys are unique in the board and never reused for another column.
  columns jsonb not null check (jsonb_typeof(columns) = 'array' and jsonb_array_length(columns) >= 1),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index boards_name_key on boards (workspace_id, lower(name));

create table board_items (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  board_id uuid not null references boards (id) on delete cascade,
  -- Pandora's id of a deal, contact or account (the board's record type).
  record_id uuid not null,
  column_key text not null,
  added_at timestamptz not null default now(),
  moved_at timestamptz not null default now(),
  unique (board_id, record_id)
);
create index board_items_column_idx on board_items (board_id, column_key, moved_at desc, id desc);
create index board_items_record_idx on board_items (workspace_id, record_id);

create table board_history (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  board_id uuid not null references boards (id) on delete cascade,
  record_id uuid not null,
  -- null from: put on the board; null to: taken off it (moved to another board).
  from_column text,
  to_column text,
  check (from_column is not null or to_column is not null),
  -- Who moved it: a person, or a flow run's step.
  actor_user_id uuid references users (id) on delete set null,
  flow_run_id uuid references flow_runs (id) on delete set null,
  step_key text,
  -- A flow step's `<run id>:<step key>`: one move per board per step run.
  idempotency_key text,
  created_at timestamptz not null default now()
);
create index board_history_board_idx on board_history (board_id, created_at desc, id desc);
create unique index board_history_idempotency_key
  on board_history (workspace_id, idempotency_key, board_id) where idempotency_key is not null;
