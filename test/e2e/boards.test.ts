import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type Tenant } from '../app.js';
import {
  browserAvailable,
  loggedIn,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.js';

/**
 * The boards pages in a real browser: the list with each column's count, a board's
 * records, and one record's moves (by a person and by a flow run) when it is opened.
 */
describe.skipIf(!browserAvailable)('boards in a real browser', () => {
  let world: BrowserWorld;
  let tenant: Tenant;

  beforeAll(async () => {
    world = await startBrowserWorld(2);
    tenant = await createTenant(world.t, 'admin');
  });

  afterAll(() => world?.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    world.t.app.inject({
      method,
      url: `/api/workspaces/${tenant.workspaceId}${url}`,
      headers: tenant.auth,
      payload,
    });

  it('lists boards, shows a board’s records and opens one record’s moves', async () => {
    const pool = world.t.db.pool;
    const { rows } = await pool.query<{ id: string }>(
      `insert into deals (workspace_id, source, source_id, name)
       values ($1::uuid, 'test', 'd-1', 'Acme renewal'), ($1::uuid, 'test', 'd-2', 'Globex pilot')
       returning id`,
      [tenant.workspaceId],
    );
    const [acme, globex] = rows.map((row) => row.id);
    const created = await api('POST', '/boards', {
      name: 'Renewals',
      description: 'Deals up for renewal',
      recordType: 'deal',
      columns: [
        { key: 'new', name: 'New' },
        { key: 'priced', name: 'Priced' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const boardId = created.json<{ board: { id: string } }>().board.id;
    for (const [recordId, column] of [
      [acme, 'new'],
      [globex, 'new'],
      [acme, 'priced'],
    ]) {
      const moved = await api('POST', `/boards/${boardId}/items`, { recordId, column });
      expect(moved.statusCode).toBe(200);
    }
    // A flow run's move, as the move_to_board step records it.
    const { rows: flows } = await pool.query<{ id: string }>(
      `with f as (
         insert into flows (workspace_id, name, draft, latest_version)
         values ($1::uuid, 'Pricing', '{"trigger":{"type":"manual"},"steps":[]}', 1) returning id),
       v as (insert into flow_versions (workspace_id, flow_id, version, definition)
             select $1::uuid, f.id, 1, '{"trigger":{"type":"manual"},"steps":[]}' from f)
       insert into flow_runs (workspace_id, flow_id, version, status, trigger)
       select $1::uuid, f.id, 1, 'completed', '{"type":"manual"}' from f returning id`,
      [tenant.workspaceId],
    );
    const runId = flows[0]!.id;
    await pool.query(
      `update board_items set column_key = 'new', moved_at = now()
       where board_id = $1::uuid and record_id = $2::uuid`,
      [boardId, acme],
    );
    await pool.query(
      `insert into board_history (workspace_id, board_id, record_id, from_column, to_column,
                                  flow_run_id, step_key)
       values ($1::uuid, $2::uuid, $3::uuid, 'priced', 'new', $4::uuid, 'reprice')`,
      [tenant.workspaceId, boardId, acme, runId],
    );

    const page = await loggedIn(world, tenant);
    try {
      await page.getByRole('link', { name: 'Boards' }).click();
      const list = page.getByTestId('boards');
      await list.getByText('New: 2').waitFor();
      await list.getByText('Priced: 0').waitFor();
      await shot(page, 'boards-list');
      await list.getByRole('link', { name: 'Renewals' }).click();
      const items = page.getByTestId('board-items');
      await items.getByText('Globex pilot').waitFor();
      await items.getByRole('button', { name: /Acme renewal/ }).click();
      const history = page.getByTestId('record-history');
      await history.getByText('Priced → New').waitFor();
      await history.getByText('New → Priced').waitFor();
      await history.getByText('Put in New').waitFor();
      await history.getByText('(step reprice)').waitFor();
      expect(await history.getByText('by an API key').count()).toBe(2);
      await history.getByRole('link', { name: runId.slice(0, 8) }).waitFor();
      await shot(page, 'board-record-history');
    } catch (error) {
      await shot(page, 'boards-failure');
      throw error;
    }
    await page.close();
  }, 90_000);
});
