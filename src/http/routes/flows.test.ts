import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';

vi.mock('../../flows/steps/registry.js', async () =>
  (await import('../../flows/test-steps.test-helper.js')).testRegistry(),
);

/** Workspace flows over REST: drafts, validation by path, revisions, publish, versions, archive. */
let t: TestApp;
let admin: Tenant;
let member: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  member = await apiKeyAuth(t, admin, 'member');
});

async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  rest: string,
  payload?: object,
  headers: Record<string, string> = admin.auth,
) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  // inject's json() is untyped: these tests read it loosely.
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

const steps = [
  { key: 'amount', type: 'set_variable', config: { name: 'amount', value: 100 } },
  { key: 'check', type: 'condition', config: { else: null } },
  { key: 'notify', type: 'send_webhook', config: { url: 'https://example.com/{{vars.amount}}' } },
];

async function newFlow(name = 'Deal room') {
  const created = await call('POST', '/flows', { name, trigger: { type: 'manual' }, steps });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.flow as { id: string; draftRevision: number };
}

describe('flows', () => {
  it('creates a draft that members read and only admins write', async () => {
    const flow = await newFlow();
    expect(flow).toMatchObject({
      name: 'Deal room',
      status: 'active',
      draft: { trigger: { type: 'manual' }, steps },
      draftRevision: 1,
      latestVersion: null,
      hasUnpublishedChanges: true,
      createdBy: null,
    });
    const read = await call('GET', `/flows/${flow.id}`, undefined, member);
    expect(read.body.flow.id).toBe(flow.id);
    const listed = await call('GET', '/flows', undefined, member);
    expect(listed.body.flows.map((f: { id: string }) => f.id)).toContain(flow.id);
    const refused = await call(
      'POST',
      '/flows',
      { name: 'x', trigger: { type: 'manual' }, steps },
      member,
    );
    expect(refused.status).toBe(403);
    expect((await call('PATCH', `/flows/${flow.id}`, { name: 'y' }, member)).status).toBe(403);
    expect((await call('POST', `/flows/${flow.id}/publish`, {}, member)).status).toBe(403);
    expect((await call('DELETE', `/flows/${flow.id}`, undefined, member)).status).toBe(403);
  });

  it('answers invalid_flow naming each problem by its path', async () => {
    const answer = await call('POST', '/flows', {
      name: 'Broken',
      trigger: { type: 'schedule', cron: '0 9 * *', timezone: 'Europe/Paris' },
      steps: [
        {
          key: 'amount',
          type: 'set_variable',
          config: { name: 'x', value: '{{steps.notify.output}}' },
        },
        { key: 'amount', type: 'send_webhook', config: { url: 'not a url' } },
        { key: 'check', type: 'condition', config: { else: 'amount' } },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_flow');
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'trigger.cron',
      'steps[0].config.value',
      'steps[1].key',
      'steps[1].config.url',
      'steps[2].config.else',
    ]);
    // A step type the server does not run is refused, not stored for later.
    const unknown = await call('POST', '/flows', {
      name: 'Later',
      trigger: { type: 'manual' },
      steps: [{ key: 'wait', type: 'delay', config: {} }],
    });
    expect(unknown.body.error.details).toEqual([
      { path: 'steps[0].type', message: '"delay" is not available on this server yet' },
    ]);
  });

  it('refuses an edit made from a stale revision', async () => {
    const flow = await newFlow();
    const renamed = await call('PATCH', `/flows/${flow.id}`, { name: 'Renamed', draftRevision: 1 });
    expect(renamed.body.flow).toMatchObject({ name: 'Renamed', draftRevision: 2 });
    const stale = await call('PATCH', `/flows/${flow.id}`, {
      steps: steps.slice(0, 1),
      draftRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_draft', details: { draftRevision: 2 } });
    const fresh = await call('PATCH', `/flows/${flow.id}`, {
      steps: steps.slice(0, 1),
      description: 'Only the variable',
    });
    expect(fresh.body.flow).toMatchObject({
      draftRevision: 3,
      description: 'Only the variable',
      draft: { trigger: { type: 'manual' }, steps: steps.slice(0, 1) },
    });
    const invalid = await call('PATCH', `/flows/${flow.id}`, {
      trigger: { type: 'event', event: 'deal.stage_changed', filter: { toStage: 'won' } },
      steps: [],
    });
    expect(invalid.body.error).toMatchObject({
      code: 'invalid_flow',
      details: [{ path: 'steps' }],
    });
  });

  it('publishes frozen versions; an unchanged draft publishes nothing', async () => {
    const flow = await newFlow();
    const first = await call('POST', `/flows/${flow.id}/publish`, {});
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      version: {
        version: 1,
        flowId: flow.id,
        stepCount: 3,
        triggerType: 'manual',
        definition: { steps },
      },
    });
    const again = await call('POST', `/flows/${flow.id}/publish`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, version: { version: 1 } });
    const read = await call('GET', `/flows/${flow.id}`);
    expect(read.body.flow).toMatchObject({ latestVersion: 1, hasUnpublishedChanges: false });

    await call('PATCH', `/flows/${flow.id}`, { steps: steps.slice(0, 2) });
    const stale = await call('POST', `/flows/${flow.id}/publish`, { draftRevision: 1 });
    expect(stale.body.error.code).toBe('stale_draft');
    const second = await call('POST', `/flows/${flow.id}/publish`, { draftRevision: 2 });
    expect(second.body.version).toMatchObject({ version: 2, stepCount: 2 });

    const versions = await call('GET', `/flows/${flow.id}/versions`, undefined, member);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await call('GET', `/flows/${flow.id}/versions/1`, undefined, member);
    expect(v1.body.version.definition.steps).toEqual(steps);
    expect((await call('GET', `/flows/${flow.id}/versions/3`)).status).toBe(404);
  });

  it('archives: the flow stays readable and can no longer change or publish', async () => {
    const flow = await newFlow();
    const archived = await call('DELETE', `/flows/${flow.id}`);
    expect(archived.body.flow.status).toBe('archived');
    expect((await call('DELETE', `/flows/${flow.id}`)).status).toBe(200);
    const edit = await call('PATCH', `/flows/${flow.id}`, { name: 'Back' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('flow_archived');
    expect((await call('POST', `/flows/${flow.id}/publish`, {})).body.error.code).toBe(
      'flow_archived',
    );
    const active = await call('GET', '/flows?status=active');
    expect(active.body.flows.map((f: { id: string }) => f.id)).not.toContain(flow.id);
    const all = await call('GET', '/flows?status=archived');
    expect(all.body.flows.map((f: { id: string }) => f.id)).toContain(flow.id);
  });

  it("does not serve a member's automation as a workspace flow", async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into flows (workspace_id, kind, name, draft)
       values ($1::uuid, 'automation', 'Mine', '{"trigger":{"type":"manual"},"steps":[]}')
       returning id`,
      [admin.workspaceId],
    );
    const id = rows[0]!.id;
    expect((await call('GET', `/flows/${id}`)).status).toBe(404);
    expect((await call('PATCH', `/flows/${id}`, { name: 'x' })).status).toBe(404);
    expect((await call('POST', `/flows/${id}/publish`, {})).status).toBe(404);
    expect((await call('GET', `/flows/${id}/versions`)).status).toBe(404);
    const listed = await call('GET', '/flows');
    expect(listed.body.flows.map((f: { id: string }) => f.id)).not.toContain(id);
  });

  it('lists the step types with their config schemas', async () => {
    const answer = await call('GET', '/flow-step-types', undefined, member);
    const webhook = answer.body.stepTypes.find((s: { id: string }) => s.id === 'send_webhook');
    expect(webhook).toMatchObject({
      category: 'integration',
      effect: 'write',
      allowedInAutomations: false,
      secretFields: ['secret'],
      configSchema: { type: 'object', properties: { url: { type: 'string', format: 'uri' } } },
    });
    expect(
      answer.body.stepTypes.find((s: { id: string }) => s.id === 'condition').jumpFields,
    ).toEqual(['else']);
  });
});
