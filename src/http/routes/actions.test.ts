import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  apiKeyAuth,
  connectSandbox,
  createTenant,
  createSandboxApp,
  type Tenant,
  type SandboxApp,
} from '../../../test/app.js';
import { handlers } from '../../jobs/handlers.js';

/**
 * Actions over the REST API against the emulator: what a client sees of create,
 * list, preview, execute with an Idempotency-Key, undo, dismiss, batch execute and
 * notifications, and the 4xx it gets for each kind of bad input.
 */
let t: SandboxApp;
let admin: Tenant;
let connectionId: string;
let deals: string[];

beforeAll(async () => {
  t = await createSandboxApp(10);
  admin = await createTenant(t, 'admin');
  const sandbox = await connectSandbox(t, admin);
  connectionId = sandbox.connectionId;
  const { connector } = sandbox;
  const page = await connector.listChanged('deal', { properties: [], limit: 20 });
  deals = page.records.map((record) => record.id);
});

const writes = () => {
  const after = t.emulator.ctx.log.lastSeq;
  return () =>
    t.emulator.ctx.log
      .listFor({ afterSeq: after })
      .filter(
        (r) => r.method !== 'GET' && !r.path.endsWith('/batch/read') && !r.path.endsWith('/search'),
      );
};

async function call(
  method: 'GET' | 'POST',
  rest: string,
  payload?: object,
  extra: { tenant?: Tenant; headers?: Record<string, string> } = {},
) {
  const tenant = extra.tenant ?? admin;
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${tenant.workspaceId}${rest}`,
    headers: { ...tenant.auth, ...extra.headers },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

let dealIndex = 0;
async function create(overrides: Record<string, unknown> = {}) {
  const created = await call('POST', '/action-items', {
    actionType: 'update_field',
    severity: 'warning',
    title: 'Fix the amount',
    connectionId,
    targetType: 'deal',
    targetSourceId: deals[dealIndex++]!,
    impactAmount: 80_000,
    executionPayload: {
      crm_updates: [{ field: 'amount', proposed_value: 81_000 }],
      note: 'API test',
    },
    ...overrides,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.action as { id: string; status: string; targetSourceId: string };
}

describe('creating and listing actions', () => {
  it('creates an action, recording where it came from', async () => {
    const action = await create({ ownerEmail: 'rep@seller.test', urgencyLabel: 'This week' });
    expect(action).toMatchObject({
      status: 'open',
      sourceType: 'api',
      sourceName: 'api key test key',
      ownerEmail: 'rep@seller.test',
      urgencyLabel: 'This week',
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 81_000 }] },
    });
    const read = await call('GET', `/action-items/${action.id}`);
    expect(read.body.action).toEqual(action);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ severity: 'urgent' }, 'severity'],
    [{ targetType: 'lead' }, 'targetType'],
    [{ actionType: 'Update Field' }, 'actionType'],
    [{ connectionId: 'nope' }, 'connectionId'],
    [{ executionPayload: { crm_updates: [{ field: 'amount' }] } }, 'proposed_value'],
    [{ executionPayload: { crm_updates: [], extra: 1 } }, 'extra'],
  ])('refuses %j naming the field', async (overrides, field) => {
    const response = await call('POST', '/action-items', {
      actionType: 'update_field',
      severity: 'info',
      title: 'x',
      connectionId,
      targetType: 'deal',
      targetSourceId: '1',
      ...overrides,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(response.body.error)).toContain(field);
  });

  it('refuses a connection of another workspace as unknown', async () => {
    const other = await createTenant(t, 'admin');
    const response = await call(
      'POST',
      '/action-items',
      {
        actionType: 'update_field',
        severity: 'info',
        title: 'x',
        connectionId,
        targetType: 'deal',
        targetSourceId: '1',
      },
      { tenant: other },
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'unknown_connection' });
  });

  it('lists by impact with filters and keyset pages that neither skip nor repeat', async () => {
    const tenant = await createTenant(t, 'admin');
    const sandbox = await call('POST', '/connections/sandbox', { crmType: 'hubspot' }, { tenant });
    const made: string[] = [];
    for (const [i, impact] of [5_000, 90_000, 20_000, 90_000, 1_000].entries()) {
      const response = await call(
        'POST',
        '/action-items',
        {
          actionType: i % 2 ? 'clean_data' : 'update_field',
          severity: i === 1 ? 'critical' : 'info',
          title: `Action ${i}`,
          connectionId: sandbox.body.connection.id,
          targetType: 'deal',
          targetSourceId: String(i + 1),
          impactAmount: impact,
        },
        { tenant },
      );
      made.push(response.body.action.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { actions: { id: string }[]; nextCursor: string | null } } = await call(
        'GET',
        `/action-items?order=impact&limit=2${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`,
        undefined,
        { tenant },
      );
      seen.push(...page.body.actions.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    // 90K twice (newest first on ties by id order is stable), 20K, 5K, 1K.
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(made));
    expect(seen.slice(2)).toEqual([made[2], made[0], made[4]]);

    // One value or several: `?severity=critical` and `?status=open&status=failed`.
    const critical = await call('GET', '/action-items?severity=critical', undefined, { tenant });
    expect(critical.body.actions.map((a: { id: string }) => a.id)).toEqual([made[1]]);
    const both = await call('GET', '/action-items?severity=critical&severity=info', undefined, {
      tenant,
    });
    expect(both.body.actions).toHaveLength(5);
    const clean = await call('GET', '/action-items?actionType=clean_data', undefined, { tenant });
    expect(clean.body.actions).toHaveLength(2);
    const bad = await call('GET', '/action-items?after=garbage', undefined, { tenant });
    expect(bad.status).toBe(400);
    const badStatus = await call('GET', '/action-items?status=maybe', undefined, { tenant });
    expect(badStatus.status).toBe(400);
  });
});

describe('preview, execute, undo, dismiss', () => {
  it('previews without writing, executes once per Idempotency-Key, undoes', async () => {
    const action = await create();
    const since = writes();
    const preview = await call('POST', `/action-items/${action.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.preview).toMatchObject({ executable: true });
    expect(preview.body.preview.changes[0]).toMatchObject({ crmField: 'amount', after: 81_000 });
    const operations = await call('GET', `/action-items/${action.id}/operations`);
    expect(operations.status).toBe(200);
    expect(since()).toEqual([]);

    const key = randomUUID();
    const first = await call('POST', `/action-items/${action.id}/execute`, undefined, {
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(200);
    expect(first.body.execution).toMatchObject({ outcome: 'executed', status: 'executed' });
    const written = since().length;
    expect(written).toBe(2); // one batch update, one note batch

    const again = await call('POST', `/action-items/${action.id}/execute`, undefined, {
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(200);
    expect(again.body.execution).toMatchObject({
      replayed: true,
      executionId: first.body.execution.executionId,
    });
    expect(since()).toHaveLength(written);
    // Without the key, an executed action is not executed again.
    const third = await call('POST', `/action-items/${action.id}/execute`);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('invalid_status');

    // Forcing past later CRM changes is for admins only; a member's try changes nothing.
    const member = await apiKeyAuth(t, admin, 'member');
    const forcedByMember = await call(
      'POST',
      `/action-items/${action.id}/undo`,
      { force: true },
      { headers: member },
    );
    expect([forcedByMember.status, forcedByMember.body.error?.code]).toEqual([403, 'forbidden']);
    const undo = await call('POST', `/action-items/${action.id}/undo`, {});
    expect(undo.status).toBe(200);
    expect(undo.body.undo).toMatchObject({ status: 'undone' });
    const audit = await call('GET', `/action-items/${action.id}/audit`);
    expect(audit.body.entries.map((e: { event: string }) => e.event)).toEqual([
      'created',
      'execution_started',
      'executed',
      'undone',
    ]);
  });

  it('stops an invalid action at validation with 422 and writes nothing', async () => {
    const action = await create({
      executionPayload: { crm_updates: [{ field: 'hs_object_id', proposed_value: '1' }] },
    });
    const since = writes();
    const response = await call('POST', `/action-items/${action.id}/execute`);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_operations');
    expect(response.body.error.message).toContain('hs_object_id');
    expect(since()).toEqual([]);
  });

  it('dismisses once; a dismissed action cannot run', async () => {
    const action = await create();
    const dismissed = await call('POST', `/action-items/${action.id}/dismiss`, { reason: 'dup' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.action.status).toBe('dismissed');
    expect((await call('POST', `/action-items/${action.id}/dismiss`, {})).status).toBe(409);
    const run = await call('POST', `/action-items/${action.id}/execute`);
    expect(run.status).toBe(409);
  });

  it('answers 404 for an unknown action and 400 for a malformed id', async () => {
    expect((await call('GET', `/action-items/${randomUUID()}`)).status).toBe(404);
    const bad = await call('POST', '/action-items/not-a-uuid/execute');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});

describe('batch execute and notifications', () => {
  it('queues a batch, reports its progress and per-action results', async () => {
    const actions = [await create(), await create(), await create()];
    const bad = await call('POST', '/action-items/batch-execute', { actionIds: [] });
    expect(bad.status).toBe(400);
    const unknown = await call('POST', '/action-items/batch-execute', {
      actionIds: [actions[0]!.id, randomUUID()],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_actions');

    const started = await call('POST', '/action-items/batch-execute', {
      actionIds: actions.map((a) => a.id),
    });
    expect(started.status).toBe(202);
    const batchId = started.body.batch.id as string;
    expect(started.body.batch).toMatchObject({ status: 'queued', total: 3, done: 0 });

    // What the worker does with the queued job.
    await handlers['actions.batch-execute']({ workspaceId: admin.workspaceId, batchId }, {
      db: t.db.pool,
      secretKey: TEST_SECRET_KEY,
      log: t.ctx.log,
    } as never);
    const progress = await call('GET', `/action-batches/${batchId}`);
    expect(progress.body.batch).toMatchObject({ status: 'succeeded', total: 3, done: 3 });
    expect(Object.values(progress.body.batch.results)).toEqual(
      actions.map(() => ({ outcome: 'executed', status: 'executed' })),
    );
    const other = await createTenant(t, 'admin');
    expect(
      (await call('GET', `/action-batches/${batchId}`, undefined, { tenant: other })).status,
    ).toBe(404);
  });

  it('notifies the rep of a notify_rep action, readable and markable by them', async () => {
    const action = await create({
      actionType: 'notify_rep',
      title: 'Pipeline is thin this quarter',
      ownerEmail: admin.email,
      executionPayload: {},
    });
    const run = await call('POST', `/action-items/${action.id}/execute`);
    expect(run.status).toBe(200);
    const unread = await call('GET', '/notifications?unread=true');
    const mine = unread.body.notifications.filter(
      (n: { actionId: string }) => n.actionId === action.id,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'notify_rep', title: 'Pipeline is thin this quarter' });

    const marked = await call('POST', '/notifications/read', { ids: [mine[0].id] });
    expect(marked.body).toEqual({ marked: 1 });
    // With no ids (and no body at all), everything of the caller's is marked read.
    expect((await call('POST', '/notifications/read')).status).toBe(200);
    const after = await call('GET', '/notifications?unread=true');
    expect(
      after.body.notifications.some((n: { actionId: string }) => n.actionId === action.id),
    ).toBe(false);
  });
});
