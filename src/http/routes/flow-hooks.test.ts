import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { signDelivery } from '../../conversations/webhook.js';
import { insertPublishedFlow } from '../../flows/triggers/flows.test-helper.js';
import type { FlowDefinition } from '../../flows/types.js';

const hooked: FlowDefinition = {
  trigger: { type: 'webhook' },
  steps: [{ key: 'mark', type: 'set_variable', config: { name: 'x', type: 'number', value: 1 } }],
};

describe('flow webhooks', () => {
  let t: TestApp;
  let tenant: Tenant;
  let flowId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t, 'admin');
    flowId = await insertPublishedFlow(t.db.pool, tenant.workspaceId, hooked);
  });

  const rotate = (
    id: string,
    auth: Record<string, string> = tenant.auth,
    workspaceId = tenant.workspaceId,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/flows/${id}/rotate-secret`,
      headers: auth,
    });

  function deliver(
    id: string,
    body: string,
    options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
  ) {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return t.app.inject({
      method: 'POST',
      url: `/api/hooks/flows/${id}`,
      headers: {
        'content-type': 'application/json',
        ...(options.secret
          ? {
              'x-pandora-timestamp': String(timestamp),
              'x-pandora-signature': signDelivery(options.secret, timestamp, body),
            }
          : {}),
        ...options.headers,
      },
      payload: body,
    });
  }

  async function runInput(runId: string) {
    const { rows } = await t.db.pool.query<{ input: unknown; trigger: { type: string } }>(
      `select input, trigger from flow_runs where id = $1::uuid`,
      [runId],
    );
    return rows[0];
  }

  it('has no address until its secret is made', async () => {
    const body = JSON.stringify({ order: 1 });
    expect((await deliver(flowId, body, { secret: 'whsec_guess' })).statusCode).toBe(404);
  });

  it('starts a run from a signed delivery, with the body as its trigger input', async () => {
    const rotated = await rotate(flowId);
    expect(rotated.statusCode).toBe(200);
    const { secret, webhookUrl } = rotated.json();
    expect(secret).toMatch(/^whsec_/);
    expect(webhookUrl).toMatch(new RegExp(`/api/hooks/flows/${flowId}$`));

    const body = JSON.stringify({ order: 42, customer: { email: 'a@example.com' } });
    const accepted = await deliver(flowId, body, { secret });
    expect(accepted.statusCode).toBe(202);
    const run = await runInput(accepted.json().runId);
    expect(run).toMatchObject({
      input: { order: 42, customer: { email: 'a@example.com' } },
      trigger: { type: 'webhook' },
    });
  });

  it('refuses unsigned, mis-signed, stale and altered deliveries', async () => {
    const { secret } = (await rotate(flowId)).json();
    const body = JSON.stringify({ order: 7 });
    const unsigned = await deliver(flowId, body);
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe('signature_missing');
    const wrong = await deliver(flowId, body, { secret: 'whsec_not-the-secret' });
    expect(wrong.json().error.code).toBe('signature_mismatch');
    const stale = await deliver(flowId, body, {
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(stale.json().error.code).toBe('timestamp_out_of_window');
    // Signed for one body, sent with another.
    const timestamp = Math.floor(Date.now() / 1000);
    const altered = await t.app.inject({
      method: 'POST',
      url: `/api/hooks/flows/${flowId}`,
      headers: {
        'content-type': 'application/json',
        'x-pandora-timestamp': String(timestamp),
        'x-pandora-signature': signDelivery(secret, timestamp, body),
      },
      payload: JSON.stringify({ order: 8 }),
    });
    expect(altered.statusCode).toBe(401);
    const { rows } = await t.db.pool.query<{ n: number }>(
      `select count(*)::int as n from flow_runs where flow_id = $1::uuid and input ->> 'order' in ('7', '8')`,
      [flowId],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('a rotated secret replaces the old one at once', async () => {
    const old = (await rotate(flowId)).json().secret as string;
    const fresh = (await rotate(flowId)).json().secret as string;
    const body = JSON.stringify({ order: 9 });
    expect((await deliver(flowId, body, { secret: old })).statusCode).toBe(401);
    expect((await deliver(flowId, body, { secret: fresh })).statusCode).toBe(202);
  });

  it('a retried delivery with the same Idempotency-Key starts nothing new', async () => {
    const { secret } = (await rotate(flowId)).json();
    const body = JSON.stringify({ order: 10 });
    const headers = { 'idempotency-key': 'order-10' };
    const first = await deliver(flowId, body, { secret, headers });
    const again = await deliver(flowId, body, { secret, headers });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ runId: first.json().runId, duplicate: true });
  });

  it('only admins rotate, and only their workspace flows that take webhooks', async () => {
    const member = await apiKeyAuth(t, tenant, 'member');
    expect((await rotate(flowId, member)).statusCode).toBe(403);
    const stranger = await createTenant(t, 'admin');
    expect((await rotate(flowId, stranger.auth, stranger.workspaceId)).statusCode).toBe(404);
    const manual = await insertPublishedFlow(t.db.pool, tenant.workspaceId, {
      ...hooked,
      trigger: { type: 'manual' },
    });
    const { secret } = (await rotate(manual)).json();
    expect((await deliver(manual, '{}', { secret })).statusCode).toBe(404);
  });

  it('refuses a body that is not a JSON object, once signed', async () => {
    const { secret } = (await rotate(flowId)).json();
    const list = await deliver(flowId, '[1,2]', { secret });
    expect(list.statusCode).toBe(400);
    const broken = await deliver(flowId, '{"order":', { secret });
    expect(broken.statusCode).toBe(400);
  });
});
