import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { createPolicy } from '../../actions/policies.js';
import { proposeAction, type ProposedAction } from '../../actions/store.js';

/** Action policies over the API: CRUD, validation that names fields, roles, dry runs. */
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
});

const url = (tenant: Tenant, rest = '') =>
  `/api/workspaces/${tenant.workspaceId}/action-policies${rest}`;

async function call(
  tenant: Tenant,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  rest: string,
  payload?: object,
  headers: Record<string, string> = tenant.auth,
) {
  const response = await t.app.inject({
    method,
    url: url(tenant, rest),
    headers,
    ...(payload ? { payload } : {}),
  });
  // inject's json() is untyped: these tests read it loosely.
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

describe('policy CRUD', () => {
  it('creates, lists in the order consulted, reads, patches and deletes', async () => {
    const tenant = await createTenant(t);
    const late = await call(tenant, 'POST', '', {
      name: 'Approve big deals',
      effect: 'require_approval',
      priority: 50,
      match: { impactMin: 100_000, fields: ['Amount', 'close_date'] },
    });
    expect(late.status).toBe(201);
    expect(late.body.policy).toMatchObject({
      name: 'Approve big deals',
      enabled: true,
      priority: 50,
      effect: 'require_approval',
      match: { impactMin: 100_000, fields: ['Amount', 'close_date'] },
      createdBy: 'api key test key',
    });
    const first = await call(tenant, 'POST', '', { name: 'Block critical', effect: 'block' });
    expect(first.body.policy).toMatchObject({ priority: 100, match: {} });
    const early = await call(tenant, 'POST', '', {
      name: 'Run notes',
      effect: 'auto_execute',
      priority: 5,
      match: { actionTypes: ['add_note'] },
    });

    const list = await call(tenant, 'GET', '');
    expect(list.status).toBe(200);
    expect(list.body.policies.map((p: { name: string }) => p.name)).toEqual([
      'Run notes',
      'Approve big deals',
      'Block critical',
    ]);

    const id = first.body.policy.id as string;
    const patched = await call(tenant, 'PATCH', `/${id}`, {
      priority: 1,
      enabled: false,
      match: { severities: ['critical'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.policy).toMatchObject({
      name: 'Block critical',
      priority: 1,
      enabled: false,
      effect: 'block',
      match: { severities: ['critical'] },
    });
    expect((await call(tenant, 'GET', `/${id}`)).body.policy).toEqual(patched.body.policy);

    expect((await call(tenant, 'DELETE', `/${early.body.policy.id}`)).status).toBe(204);
    const gone = await call(tenant, 'GET', `/${early.body.policy.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    expect((await call(tenant, 'DELETE', `/${early.body.policy.id}`)).status).toBe(404);
    expect((await call(tenant, 'GET', '')).body.policies).toHaveLength(2);
  });

  it('names the creator by email when a person creates it', async () => {
    const session = await login(t, admin.email, admin.password);
    const created = await call(admin, 'POST', '', { name: 'By hand', effect: 'block' }, session);
    expect(created.status).toBe(201);
    expect(created.body.policy.createdBy).toBe(admin.email);
  });
});

describe('validation', () => {
  const errorOf = (response: Awaited<ReturnType<typeof call>>) => ({
    status: response.status,
    code: response.body.error?.code,
    field: response.body.error?.details?.field,
  });

  it('explains impossible or empty conditions as invalid_policy, naming the field', async () => {
    const cases: [object, string][] = [
      [{ impactMin: 5_000, impactMax: 1_000 }, 'match.impactMin'],
      [{ fieldsOnly: true }, 'match.fieldsOnly'],
      [{ severities: [] }, 'match.severities'],
      [{ actionTypes: ['Update Field'] }, 'match.actionTypes'],
    ];
    for (const [match, field] of cases) {
      const response = await call(admin, 'POST', '', { name: 'Bad', effect: 'block', match });
      expect(errorOf(response)).toEqual({ status: 400, code: 'invalid_policy', field });
      expect(response.body.error.message).toContain(field);
    }
    const blankName = await call(admin, 'POST', '', { name: '  ', effect: 'block' });
    expect(errorOf(blankName)).toEqual({ status: 400, code: 'invalid_policy', field: 'name' });
  });

  it('rejects wrong shapes as validation_failed, naming the field', async () => {
    const cases: [object, string][] = [
      [{ name: 'x', effect: 'allow' }, 'body.effect'],
      [{ name: 'x', effect: 'block', priority: 1.5 }, 'body.priority'],
      [{ name: 'x', effect: 'block', match: { owner: 'me' } }, 'body.match.owner'],
      [
        { name: 'x', effect: 'block', match: { severities: ['urgent'] } },
        'body.match.severities.0',
      ],
      [{ name: 'x', effect: 'block', match: { impactMin: '5' } }, 'body.match.impactMin'],
      [{ effect: 'block' }, 'body.name'],
    ];
    for (const [payload, field] of cases) {
      const response = await call(admin, 'POST', '', payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('checks a patch the same way, and an empty patch is refused', async () => {
    const created = await call(admin, 'POST', '', { name: 'To patch', effect: 'block' });
    const id = created.body.policy.id as string;
    const bad = await call(admin, 'PATCH', `/${id}`, { match: { impactMin: 2, impactMax: 1 } });
    expect(errorOf(bad)).toEqual({ status: 400, code: 'invalid_policy', field: 'match.impactMin' });
    const empty = await call(admin, 'PATCH', `/${id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');
    const notUuid = await call(admin, 'GET', '/not-a-uuid');
    expect(notUuid.status).toBe(400);
  });
});

describe('roles', () => {
  it('a member reads and dry-runs policies but cannot change them', async () => {
    const member = await createTenant(t, 'member', 'member');
    const existing = await createPolicy(t.db.pool, member.workspaceId, {
      name: 'Set by an admin',
      effect: 'block',
    });
    const session = await login(t, member.email, member.password);
    for (const headers of [member.auth, session]) {
      const attempts = [
        await call(member, 'POST', '', { name: 'Mine', effect: 'auto_execute' }, headers),
        await call(member, 'PATCH', `/${existing.id}`, { enabled: false }, headers),
        await call(member, 'DELETE', `/${existing.id}`, undefined, headers),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(403);
        expect(attempt.body.error.code).toBe('forbidden');
      }
      expect((await call(member, 'GET', '', undefined, headers)).body.policies).toHaveLength(1);
      expect((await call(member, 'GET', `/${existing.id}`, undefined, headers)).status).toBe(200);
      const tried = await call(member, 'POST', `/${existing.id}/dry-run`, {}, headers);
      expect(tried.status).toBe(200);
      const unsaved = await call(
        member,
        'POST',
        '/dry-run',
        { name: 'What if', effect: 'auto_execute' },
        headers,
      );
      expect(unsaved.status).toBe(200);
    }
    expect((await call(member, 'GET', `/${existing.id}`)).body.policy).toMatchObject({
      enabled: true,
      name: 'Set by an admin',
    });
  });
});

describe('dry run', () => {
  let tenant: Tenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    tenant = await createTenant(t);
    const base = {
      targetType: 'deal',
      targetSourceId: 'd-1',
      sourceType: 'skill',
      sourceName: 'data-quality-audit',
    } as const;
    const actions: [string, Omit<ProposedAction, keyof typeof base>][] = [
      [
        'big amount',
        {
          actionType: 'update_field',
          severity: 'critical',
          title: 'Fix the amount',
          impactAmount: 250_000,
          executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 250_000 }] },
        },
      ],
      [
        'close date',
        {
          actionType: 'update_field',
          severity: 'info',
          title: 'Move the close date',
          impactAmount: 1_000,
          executionPayload: {
            crm_updates: [{ field: 'CLOSE_DATE', proposed_value: '2027-01-31' }],
          },
        },
      ],
      ['notify', { actionType: 'notify_rep', severity: 'warning', title: 'Tell the rep' }],
      [
        'contact data',
        {
          actionType: 'clean_data',
          severity: 'info',
          title: 'Clean the contact',
          impactAmount: 0,
          executionPayload: {
            crm_updates: [
              { field: 'email', proposed_value: 'a@example.com' },
              { field: 'amount', proposed_value: 1 },
            ],
          },
        },
      ],
    ];
    for (const [index, [key, input]] of actions.entries()) {
      const { action } = await proposeAction(t.db.pool, tenant.workspaceId, { ...base, ...input });
      // Distinct, known ages: the newest is the last proposed.
      await t.db.pool.query(`update actions set created_at = $2::timestamptz where id = $1::uuid`, [
        action.id,
        new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
      ]);
      ids[key] = action.id;
    }
    await createPolicy(t.db.pool, tenant.workspaceId, {
      name: 'Block critical',
      effect: 'block',
      priority: 10,
      match: { severities: ['critical'] },
    });
  });

  it('shows what an unsaved policy would do next to what the current policies decide', async () => {
    const response = await call(tenant, 'POST', '/dry-run', {
      name: 'Approve money and dates',
      effect: 'require_approval',
      priority: 20,
      match: { fields: ['Amount', 'close_date'], fieldsOnly: true },
    });
    expect(response.status).toBe(200);
    const { policy, considered, actions, totals } = response.body;
    expect(policy).toMatchObject({ id: null, name: 'Approve money and dates', priority: 20 });
    expect(considered).toBe(4);
    const row = (key: string) => actions.find((a: { id: string }) => a.id === ids[key]);
    expect(actions.map((a: { id: string }) => a.id)).toEqual(
      ['contact data', 'notify', 'close date', 'big amount'].map((key) => ids[key]),
    );
    // Matches, but the block at priority 10 decides first.
    expect(row('big amount')).toMatchObject({
      title: 'Fix the amount',
      policyEffect: 'require_approval',
      currentEffect: 'block',
      resultingEffect: 'block',
      changed: false,
    });
    expect(row('close date')).toMatchObject({
      policyEffect: 'require_approval',
      currentEffect: 'no_match',
      currentPolicyId: null,
      resultingEffect: 'require_approval',
      changed: true,
    });
    // Touches email too, so fieldsOnly keeps it out.
    expect(row('contact data')).toMatchObject({ policyEffect: 'no_match', changed: false });
    expect(row('notify')).toMatchObject({ policyEffect: 'no_match', currentEffect: 'no_match' });
    expect(totals).toEqual({
      policy: { auto_execute: 0, require_approval: 2, block: 0, no_match: 2 },
      current: { auto_execute: 0, require_approval: 0, block: 1, no_match: 3 },
      resulting: { auto_execute: 0, require_approval: 1, block: 1, no_match: 2 },
      changed: 1,
    });
  });

  it('an unsaved policy at a lower number than the current ones decides first', async () => {
    const response = await call(tenant, 'POST', '/dry-run', {
      name: 'Run everything',
      effect: 'auto_execute',
      priority: 0,
      last: 2,
    });
    expect(response.status).toBe(200);
    expect(response.body.considered).toBe(2);
    expect(response.body.actions.map((a: { id: string }) => a.id)).toEqual([
      ids['contact data'],
      ids.notify,
    ]);
    expect(response.body.totals.resulting).toEqual({
      auto_execute: 2,
      require_approval: 0,
      block: 0,
      no_match: 0,
    });
  });

  it('tries a saved disabled policy as if enabled, without changing anything', async () => {
    const saved = await createPolicy(t.db.pool, tenant.workspaceId, {
      name: 'Small and cheap',
      effect: 'auto_execute',
      priority: 5,
      enabled: false,
      match: { impactMax: 1_000 },
    });
    const response = await call(tenant, 'POST', `/${saved.id}/dry-run`, { last: 1000 });
    expect(response.status).toBe(200);
    const byId = Object.fromEntries(
      response.body.actions.map((a: { id: string }) => [a.id, a]),
    ) as Record<string, { policyEffect: string; currentEffect: string; resultingEffect: string }>;
    expect(byId[ids['close date']!]).toMatchObject({
      policyEffect: 'auto_execute',
      currentEffect: 'no_match',
      resultingEffect: 'auto_execute',
    });
    // A zero amount is within impactMax; no amount is not.
    expect(byId[ids['contact data']!]?.policyEffect).toBe('auto_execute');
    expect(byId[ids.notify!]?.policyEffect).toBe('no_match');
    expect(byId[ids['big amount']!]?.resultingEffect).toBe('block');
    expect(response.body.policy).toMatchObject({ id: saved.id, enabled: false });
    const after = await call(tenant, 'GET', `/${saved.id}`);
    expect(after.body.policy.enabled).toBe(false);

    // Without a body: the default of 100 recent actions.
    const noBody = await t.app.inject({
      method: 'POST',
      url: url(tenant, `/${saved.id}/dry-run`),
      headers: tenant.auth,
    });
    expect(noBody.statusCode, noBody.body).toBe(200);
    expect(noBody.json().considered).toBe(4);
  });

  it('refuses a bad `last` or an invalid body with 400, naming the field', async () => {
    for (const last of [0, 1001, 2.5]) {
      const response = await call(tenant, 'POST', '/dry-run', {
        name: 'x',
        effect: 'block',
        last,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details[0].field).toBe('body.last');
    }
    const impossible = await call(tenant, 'POST', '/dry-run', {
      name: 'x',
      effect: 'block',
      match: { impactMin: 10, impactMax: 1 },
    });
    expect(impossible.status).toBe(400);
    expect(impossible.body.error).toMatchObject({
      code: 'invalid_policy',
      details: { field: 'match.impactMin' },
    });
  });
});
