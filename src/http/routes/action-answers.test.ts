import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  connectSandbox,
  createTenant,
  createSandboxApp,
  type SandboxApp,
  type Tenant,
} from '../../../test/app.js';
import { handlers } from '../../jobs/handlers.js';

/**
 * The action routes' answers survive their response schemas whole: every field the
 * console and the CLI read is there (a response schema drops what it does not
 * declare), and stored JSON keeps keys the schema does not name.
 */
let t: SandboxApp;
let admin: Tenant;
let connectionId: string;
let deals: string[];

beforeAll(async () => {
  t = await createSandboxApp(6);
  admin = await createTenant(t, 'admin');
  const sandbox = await connectSandbox(t, admin);
  connectionId = sandbox.connectionId;
  const page = await sandbox.connector.listChanged('deal', { properties: [], limit: 6 });
  deals = page.records.map((record) => record.id);
});

async function call(method: 'GET' | 'POST', rest: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers: admin.auth,
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

let dealIndex = 0;
async function create(overrides: Record<string, unknown> = {}) {
  const { action } = await call('POST', '/action-items', {
    actionType: 'update_field',
    severity: 'warning',
    title: 'Fix the amount',
    connectionId,
    targetType: 'deal',
    targetSourceId: deals[dealIndex++]!,
    executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 81_000 }], note: 'N' },
    ...overrides,
  });
  return action as { id: string; targetSourceId: string };
}

const value = expect.toSatisfy((v: unknown) => v === null || typeof v !== 'object');

describe('action answers', () => {
  it('preview, operations, execute and undo carry every field', async () => {
    const action = await create();
    const { preview } = await call('POST', `/action-items/${action.id}/preview`);
    expect(preview).toEqual({
      actionId: action.id,
      status: 'open',
      crmType: 'hubspot',
      recordId: action.targetSourceId,
      objectType: 'deal',
      executable: true,
      errors: [],
      changes: [
        {
          field: 'amount',
          crmField: 'amount',
          label: expect.any(String),
          before: value,
          after: 81_000,
          proposed: 81_000,
          changes: expect.any(Boolean),
        },
      ],
      note: expect.any(String),
      notifications: [],
    });
    const operations = await call('GET', `/action-items/${action.id}/operations`);
    expect(operations).toEqual({
      operations: [
        { kind: 'field_update', ...preview.changes[0] },
        { kind: 'note', text: expect.stringContaining('Source: api') },
      ],
      errors: [],
      executable: true,
    });

    const { execution } = await call('POST', `/action-items/${action.id}/execute`);
    expect(execution).toEqual({
      actionId: action.id,
      outcome: 'executed',
      status: 'executed',
      executionId: expect.any(String),
      operations: expect.arrayContaining([
        expect.objectContaining({
          kind: 'field_update',
          field: 'amount',
          crmField: 'amount',
          before: value,
          after: 81_000,
          status: 'written',
        }),
        expect.objectContaining({ kind: 'note', status: 'created' }),
      ]),
      errors: [],
      retryable: false,
    });
    const { action: executed } = await call('GET', `/action-items/${action.id}`);
    expect(executed.executionResult).toEqual({
      executionId: execution.executionId,
      outcome: 'executed',
      operations: execution.operations,
      errors: [],
      retryable: false,
    });
    expect(executed.executionPayload).toEqual({
      crm_updates: [{ field: 'amount', proposed_value: 81_000 }],
      note: 'N',
    });

    const { undo } = await call('POST', `/action-items/${action.id}/undo`, {});
    expect(undo).toEqual({
      actionId: action.id,
      status: 'undone',
      executionId: expect.any(String),
      fields: [
        { field: 'amount', before: value, written: 81_000, current: '81000', status: 'restored' },
      ],
      note: expect.objectContaining({ kind: 'note', status: expect.any(String) }),
    });
  });

  it('stored payloads and results keep keys written later', async () => {
    const action = await create();
    await t.db.pool.query(
      `update actions set execution_payload = execution_payload || '{"later": {"a": 1}}'::jsonb,
              execution_result = '{"outcome": "failed", "operations": [], "errors": [], "retryable": true, "extra": "kept"}'::jsonb
       where id = $1::uuid`,
      [action.id],
    );
    const { action: read } = await call('GET', `/action-items/${action.id}`);
    expect(read.executionPayload.later).toEqual({ a: 1 });
    expect(read.executionResult).toMatchObject({ outcome: 'failed', extra: 'kept' });
  });

  it('a batch and notifications carry every field', async () => {
    const actions = [await create(), await create()];
    const started = await call('POST', '/action-items/batch-execute', {
      actionIds: actions.map((a) => a.id),
    });
    const batchFields = {
      id: started.batch.id,
      workspaceId: admin.workspaceId,
      actor: expect.any(String),
      crmCalls: expect.any(Number),
      createdAt: expect.any(String),
    };
    expect(started.batch).toEqual({
      ...batchFields,
      status: 'queued',
      total: 2,
      done: 0,
      results: {},
      startedAt: null,
      finishedAt: null,
    });
    await handlers['actions.batch-execute'](
      { workspaceId: admin.workspaceId, batchId: started.batch.id },
      { db: t.db.pool, secretKey: TEST_SECRET_KEY, log: t.ctx.log } as never,
    );
    const { batch } = await call('GET', `/action-batches/${started.batch.id}`);
    expect(batch).toEqual({
      ...batchFields,
      status: 'succeeded',
      total: 2,
      done: 2,
      results: Object.fromEntries(
        actions.map((a) => [a.id, { outcome: 'executed', status: 'executed' }]),
      ),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });

    const notify = await create({
      actionType: 'notify_rep',
      title: 'Thin pipeline',
      ownerEmail: admin.email,
      executionPayload: {},
    });
    await call('POST', `/action-items/${notify.id}/execute`);
    const { notifications } = await call('GET', '/notifications?unread=true');
    expect(notifications.find((n: { actionId: string }) => n.actionId === notify.id)).toEqual({
      id: expect.any(String),
      recipientEmail: admin.email,
      kind: 'notify_rep',
      title: 'Thin pipeline',
      body: expect.any(String),
      link: `/actions/${notify.id}`,
      severity: 'info',
      critical: false,
      actionId: notify.id,
      inboxItemId: null,
      anomalyId: null,
      readAt: null,
      createdAt: expect.any(String),
    });
  });
});
