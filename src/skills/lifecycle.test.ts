import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createRecords, type Records } from '../../test/records.js';
import { createPolicy, deletePolicy } from '../actions/policies.js';
import { listActions, transition, type Action } from '../actions/store.js';
import { createConnection } from '../tenancy/connections.js';
import { DISMISSED_QUIET_DAYS, runSkill } from './registry.js';

/**
 * What happens to a skill's actions over time: a dismissed or executed one stays
 * quiet, one whose record no longer qualifies is closed, and the workspace's
 * policies act on new ones as they do on any other.
 */
const NOW = new Date('2025-05-15T12:00:00Z');
let db: TestDatabase;
let r: Records;

const run = (options: Record<string, unknown> = {}) =>
  runSkill(db.pool, r.workspaceId, 'data-quality-audit', { now: NOW, ...options });

async function actionOf(dealName: string): Promise<Action[]> {
  const { actions } = await listActions(db.pool, r.workspaceId, {
    sourceName: 'data-quality-audit',
    limit: 100,
  });
  return actions.filter((action) => action.targetName === dealName);
}

async function lastAudit(actionId: string) {
  const { rows } = await db.pool.query<{ event: string; actor: string }>(
    `select event, actor from action_audit_log where action_id = $1::uuid order by id desc limit 1`,
    [actionId],
  );
  return rows[0];
}

beforeAll(async () => {
  db = await createTestDatabase();
  r = await createRecords(db.pool);
  await createConnection(db.pool, TEST_SECRET_KEY, {
    workspaceId: r.workspaceId,
    crmType: 'hubspot',
    name: 'HubSpot',
  });
  await r.deal({ name: 'Acme', source: 'hubspot', amount: 450_000 });
  await r.deal({ name: 'Globex', source: 'hubspot', amount: 90_000 });
  await r.deal({ name: 'Initech', source: 'hubspot', amount: 20_000 });
});

describe('a skill’s actions over time', () => {
  it('does not propose again what a person dismissed, until 30 days have passed', async () => {
    expect(await run()).toMatchObject({ created: 3, suppressed: 0 });
    const [acme] = await actionOf('Acme');
    await transition(db.pool, r.workspaceId, acme!.id, ['open'], 'dismissed', {
      event: 'dismissed',
      actor: 'ana@example.com',
    });

    expect(await run()).toMatchObject({ proposed: 2, created: 0, updated: 2, suppressed: 1 });
    expect((await actionOf('Acme')).map((a) => a.status)).toEqual(['dismissed']);

    // Once the quiet period is over the deal, still missing its close date, comes back.
    await db.pool.query(
      `update actions set updated_at = now() - make_interval(days => $2::int + 1)
       where id = $1::uuid`,
      [acme!.id, DISMISSED_QUIET_DAYS],
    );
    expect(await run()).toMatchObject({ created: 1, suppressed: 0 });
    expect((await actionOf('Acme')).map((a) => a.status).sort()).toEqual(['dismissed', 'open']);
  });

  it('keeps an executed action quiet while the fix reaches Pandora by sync', async () => {
    const [globex] = await actionOf('Globex');
    await transition(
      db.pool,
      r.workspaceId,
      globex!.id,
      ['open'],
      'executed',
      {
        event: 'executed',
        actor: 'ana@example.com',
      },
      { executedAt: true },
    );
    expect(await run()).toMatchObject({ suppressed: 1 });
    expect((await actionOf('Globex')).map((a) => a.status)).toEqual(['executed']);
  });

  it('closes an open action whose deal no longer qualifies, and only on a run by the workspace’s rules', async () => {
    await db.pool.query(
      `update deals set close_date = '2025-06-30', stage = 'Qualified'
       where workspace_id = $1::uuid and name = 'Initech'`,
      [r.workspaceId],
    );
    // A top-N limit is not a different rule: Initech is closed though it would be cut anyway.
    const result = await run({ limit: 1 });
    expect(result).toMatchObject({ closed: 1 });
    const [initech] = await actionOf('Initech');
    expect(initech!.status).toBe('dismissed');
    expect(await lastAudit(initech!.id)).toEqual({
      event: 'no_longer_applies',
      actor: 'skill data-quality-audit',
    });
    // Broken again: a new action, not held back by the one the skill itself closed.
    await db.pool.query(
      `update deals set close_date = null where workspace_id = $1::uuid and name = 'Initech'`,
      [r.workspaceId],
    );
    // (Globex, executed, is the one held back.)
    expect(await run()).toMatchObject({ created: 1, suppressed: 1 });
  });

  it('puts new actions through the workspace’s policies', async () => {
    const held = await createPolicy(db.pool, r.workspaceId, {
      name: 'Big deals need a look',
      match: { actionTypes: ['clean_data'], impactMin: 100_000 },
      effect: 'require_approval',
    });
    const auto = await createPolicy(db.pool, r.workspaceId, {
      name: 'Small fixes run',
      match: { actionTypes: ['clean_data'], impactMax: 99_999 },
      effect: 'auto_execute',
    });
    await r.deal({ name: 'Hooli', source: 'hubspot', amount: 300_000 });
    await r.deal({ name: 'Pied Piper', source: 'hubspot', amount: 5_000 });
    await r.deal({ name: 'Aviato', source: 'hubspot', amount: 7_000 });
    expect(await run()).toMatchObject({ created: 3 });

    expect((await actionOf('Hooli'))[0]).toMatchObject({ status: 'awaiting_approval' });
    expect(await lastAudit((await actionOf('Hooli'))[0]!.id)).toEqual({
      event: 'approval_required',
      actor: 'policy',
    });
    // Both small ones in one execution job, so their writes share batch calls.
    const small = [...(await actionOf('Pied Piper')), ...(await actionOf('Aviato'))];
    const { rows: jobs } = await db.pool.query<{ payload: { actionIds: string[]; actor: string } }>(
      `select j.payload from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id
       where t.identifier = 'actions.execute'`,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload.actor).toBe('policy Small fixes run');
    expect(new Set(jobs[0]!.payload.actionIds)).toEqual(new Set(small.map((a) => a.id)));
    await deletePolicy(db.pool, r.workspaceId, held.id);
    await deletePolicy(db.pool, r.workspaceId, auto.id);
  });
});
