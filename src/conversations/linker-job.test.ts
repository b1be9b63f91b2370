import { expect, it } from 'vitest';
import { connectSandbox, createSandboxApp, createTenant, TEST_SECRET_KEY } from '../../test/app.js';
import { handlers } from '../jobs/handlers.js';

const t = await createSandboxApp(4);

async function queuedLinks(workspaceId: string): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'conversations.link' and payload->>'workspaceId' = $1::text`,
    [workspaceId],
  );
  return rows[0]!.n;
}

it('a CRM sync queues one linker run, and the run links a meeting to what the sync brought', async () => {
  const tenant = await createTenant(t);
  const other = await createTenant(t);
  const { connectionId } = await connectSandbox(t, tenant);
  const context = { db: t.db.pool, secretKey: TEST_SECRET_KEY, log: t.ctx.log } as never;
  // A meeting recorded before the CRM knew anybody in it.
  const { rows: meeting } = await t.db.pool.query<{ id: string }>(
    `insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, participants)
     values ($1::uuid, 'gong', 'call-1', 'Intro', now(), 1800, '[]') returning id`,
    [tenant.workspaceId],
  );

  const sync = { workspaceId: tenant.workspaceId, connectionId, mode: 'full' as const };
  await handlers['crm.sync']({ ...sync, trigger: 'manual' }, context);
  await handlers['crm.sync']({ ...sync, mode: 'incremental', trigger: 'manual' }, context);

  // Two syncs before the worker got to it: one pending run (the job key coalesces them).
  expect(await queuedLinks(tenant.workspaceId)).toBe(1);
  expect(await queuedLinks(other.workspaceId)).toBe(0);
  const { rows: contacts } = await t.db.pool.query<{ email: string; accountId: string }>(
    `select email, account_id as "accountId" from contacts
     where workspace_id = $1::uuid and email is not null and account_id is not null limit 1`,
    [tenant.workspaceId],
  );
  await t.db.pool.query(`update conversations set participants = $2::jsonb where id = $1::uuid`, [
    meeting[0]!.id,
    JSON.stringify([{ email: contacts[0]!.email, name: 'Buyer' }]),
  ]);

  await handlers['conversations.link']({ workspaceId: tenant.workspaceId }, context);

  const { rows } = await t.db.pool.query(
    `select account_id as "accountId", link_method as "linkMethod" from conversations
     where id = $1::uuid`,
    [meeting[0]!.id],
  );
  expect(rows[0]).toEqual({ accountId: contacts[0]!.accountId, linkMethod: 'email' });
});
