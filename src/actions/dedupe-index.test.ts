import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { projectRoot } from '../paths.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { OPEN_STATUSES } from './store.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

async function dedupeIndexStatuses(): Promise<string[]> {
  const { rows } = await db.pool.query<{ def: string }>(
    `select indexdef as def from pg_indexes where indexname = 'actions_dedupe_idx'`,
  );
  const list = /status = ANY \(ARRAY\[(.*?)\]\)/.exec(rows[0]!.def)?.[1] ?? '';
  return [...list.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]!).sort();
}

describe('actions_dedupe_idx', () => {
  it('counts as open exactly the statuses the code does (OPEN_STATUSES)', async () => {
    expect(await dedupeIndexStatuses()).toEqual([...OPEN_STATUSES].sort());
  });

  it('migration 013 lets one action per key keep it: the one in progress, else the newest', async () => {
    const workspace = await createWorkspace(db.pool, { name: 'Dedupe migration' });
    // The index as it was before 013, so the duplicates the bug made can exist.
    await db.pool.query(`
      drop index actions_dedupe_idx;
      create unique index actions_dedupe_idx on actions (workspace_id, dedupe_key)
        where dedupe_key is not null and status in ('open', 'awaiting_approval', 'failed')`);
    const add = async (key: string, status: string, daysAgo: number) => {
      const { rows } = await db.pool.query<{ id: string }>(
        `insert into actions (workspace_id, action_type, severity, title, target_type,
                              target_source_id, source_type, status, dedupe_key, created_at)
         values ($1::uuid, 'clean_data', 'info', $2::text, 'deal', '1', 'skill', $3::text,
                 $2::text, now() - make_interval(days => $4::int))
         returning id`,
        [workspace.id, key, status, daysAgo],
      );
      return rows[0]!.id;
    };
    const stuck = await add('k1', 'in_progress', 3);
    const newer = await add('k1', 'open', 1);
    // Two executions caught by it, and the action a later run added.
    const older = await add('k2', 'in_progress', 5);
    const newest = await add('k2', 'in_progress', 2);
    const latest = await add('k2', 'failed', 1);
    const alone = await add('k3', 'open', 1);
    const executed = await add('k3', 'executed', 9);

    const sql = await readFile(
      path.join(projectRoot, 'migrations/013_action_dedupe_open_statuses.sql'),
      'utf8',
    );
    await db.pool.query(sql);

    const { rows } = await db.pool.query<{ id: string; key: string | null; status: string }>(
      `select id, dedupe_key as key, status from actions where workspace_id = $1::uuid`,
      [workspace.id],
    );
    const keyOf = new Map(rows.map((row) => [row.id, row.key]));
    expect(
      [stuck, newer, older, newest, latest, alone, executed].map((id) => keyOf.get(id)),
    ).toEqual(['k1', null, null, 'k2', null, 'k3', 'k3']);
    const { rows: audit } = await db.pool.query<{ actionId: string; details: unknown }>(
      `select action_id as "actionId", details from action_audit_log
       where workspace_id = $1::uuid and event = 'dedupe_key_released' order by action_id`,
      [workspace.id],
    );
    expect(audit).toEqual(
      [
        { actionId: newer, details: expect.objectContaining({ dedupeKey: 'k1' }) },
        { actionId: older, details: expect.objectContaining({ dedupeKey: 'k2' }) },
        { actionId: latest, details: expect.objectContaining({ dedupeKey: 'k2' }) },
      ].sort((a, b) => a.actionId.localeCompare(b.actionId)),
    );
    expect(await dedupeIndexStatuses()).toEqual([...OPEN_STATUSES].sort());
  });
});
