import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import type { Emulator } from '../../crm/emulator/index.js';
import { createDemoCrmEmulator } from '../../demo/emulator.js';

/**
 * Connecting CRMs over the API against the emulator, through the real SDKs: tokens,
 * the sandbox, OAuth, failures a user must understand, and the sync and ledger
 * endpoints.
 */
let emulator: Emulator;
let baseUrl: string;
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  emulator = await createDemoCrmEmulator({ accounts: 8 });
  baseUrl = await emulator.listen(0);
  t = await createTestApp(
    {
      hubspotApiBase: baseUrl,
      hubspotAuthBase: baseUrl,
      hubspotClientId: 'emulator-hubspot-client',
      hubspotClientSecret: 'emulator-hubspot-secret',
      salesforceClientId: 'pandora-emulator-client',
      salesforceClientSecret: 'pandora-emulator-secret',
      salesforceLoginUrl: baseUrl,
      publicUrl: 'http://pandora.test',
      // Nothing listens there: the operator allows it so "unreachable" can be shown.
      allowedCrmHosts: ['http://127.0.0.1:9'],
    },
    { sandboxUrl: baseUrl },
  );
  admin = await createTenant(t);
});

afterAll(async () => {
  emulator.app.server.closeAllConnections();
  await emulator.close();
});

const path = (rest: string) => `/api/workspaces/${admin.workspaceId}${rest}`;

async function queuedSyncs(connectionId: string): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'crm.sync' and payload->>'connectionId' = $1::text`,
    [connectionId],
  );
  return rows[0]!.n;
}

describe('connecting a CRM', () => {
  it('connects HubSpot with a private app token, tests it, and queues the first sync', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: path('/connections/hubspot'),
      headers: admin.auth,
      payload: { name: 'HubSpot', accessToken: 'pat-emulator-hubspot', tier: 'professional' },
    });
    expect(response.statusCode).toBe(201);
    const { connection } = response.json();
    expect(connection).toMatchObject({
      status: 'connected',
      statusMessage: null,
      hasCredentials: true,
    });
    expect(connection.metadata.account.id).toBeTruthy();
    expect(JSON.stringify(connection)).not.toContain('pat-emulator-hubspot');
    expect(await queuedSyncs(connection.id)).toBe(1);
  });

  it('connects Salesforce with an access token and instance URL', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: path('/connections/salesforce'),
      headers: admin.auth,
      payload: {
        name: 'Salesforce',
        instanceUrl: baseUrl,
        accessToken: '00D-emulator-salesforce-token',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().connection).toMatchObject({ status: 'connected' });
  });

  it('explains a wrong token, an unreachable CRM and a revoked token instead of failing', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: path('/connections/hubspot'),
      headers: admin.auth,
      payload: { name: 'Bad token', accessToken: 'pat-not-a-real-token' },
    });
    expect(wrong.statusCode).toBe(201);
    expect(wrong.json().connection).toMatchObject({ status: 'error' });
    expect(wrong.json().connection.statusMessage).toMatch(/rejected the credentials/);
    expect(await queuedSyncs(wrong.json().connection.id)).toBe(0);

    const unreachable = await t.app.inject({
      method: 'POST',
      url: path('/connections/salesforce'),
      headers: admin.auth,
      payload: {
        name: 'Nowhere',
        instanceUrl: 'http://127.0.0.1:9',
        accessToken: '00D-some-token',
      },
    });
    expect(unreachable.json().connection).toMatchObject({ status: 'error' });
    expect(unreachable.json().connection.statusMessage).toMatch(/could not be reached/);

    // A token that worked, revoked in the CRM: the next test says so.
    const minted = await fetch(`${baseUrl}/_emulator/salesforce/tokens`, { method: 'POST' });
    const { access_token: accessToken } = (await minted.json()) as { access_token: string };
    const created = await t.app.inject({
      method: 'POST',
      url: path('/connections/salesforce'),
      headers: admin.auth,
      payload: { name: 'Soon revoked', instanceUrl: baseUrl, accessToken },
    });
    expect(created.json().connection.status).toBe('connected');
    await fetch(`${baseUrl}/_emulator/salesforce/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: accessToken }),
    });
    const retest = await t.app.inject({
      method: 'POST',
      url: path(`/connections/${created.json().connection.id}/test`),
      headers: admin.auth,
    });
    expect(retest.statusCode).toBe(200);
    expect(retest.json().connection).toMatchObject({ status: 'error' });
  });

  it('refuses malformed credentials with the field named', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: path('/connections/salesforce'),
      headers: admin.auth,
      payload: { name: 'x', instanceUrl: 'not a url', accessToken: '00D-some-token' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(JSON.stringify(response.json().error)).toContain('instanceUrl');
  });

  it('connects the sandbox CRM, disconnects it (credentials wiped), and refuses to sync it then', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: path('/connections/sandbox'),
      headers: admin.auth,
      payload: { crmType: 'hubspot' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().connection.id as string;
    expect(created.json().connection).toMatchObject({
      status: 'connected',
      name: 'HubSpot sandbox',
    });

    const sync = await t.app.inject({
      method: 'POST',
      url: path(`/connections/${id}/sync`),
      headers: admin.auth,
      payload: { mode: 'full' },
    });
    expect(sync.statusCode).toBe(202);

    const off = await t.app.inject({
      method: 'POST',
      url: path(`/connections/${id}/disconnect`),
      headers: admin.auth,
    });
    expect(off.json().connection).toMatchObject({ status: 'disconnected', hasCredentials: false });
    const refused = await t.app.inject({
      method: 'POST',
      url: path(`/connections/${id}/sync`),
      headers: admin.auth,
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('connection_not_ready');
  });

  it.each(['hubspot', 'salesforce'] as const)(
    'connects %s by OAuth through the consent page',
    async (crmType) => {
      const { cookie } = await login(t, admin.email, admin.password);
      const start = await t.app.inject({
        method: 'POST',
        url: path('/connections/oauth/start'),
        headers: { cookie },
        payload: { crmType, name: `${crmType} by OAuth` },
      });
      expect(start.statusCode).toBe(200);
      // The emulator's consent page approves at once and sends the browser back.
      const consent = await fetch(start.json().authorizeUrl as string, { redirect: 'manual' });
      expect(consent.status).toBe(302);
      const back = new URL(consent.headers.get('location')!);
      expect(back.origin + back.pathname).toBe(`http://pandora.test/api/oauth/${crmType}/callback`);

      const callback = await t.app.inject({
        method: 'GET',
        url: `${back.pathname}${back.search}`,
        headers: { cookie },
      });
      expect(callback.statusCode).toBe(302);
      const landed = new URL(callback.headers.location as string, 'http://pandora.test');
      expect(landed.pathname).toBe(`/w/${admin.workspaceId}/settings`);
      const connectionId = landed.searchParams.get('connected');
      expect(connectionId, landed.search).toBeTruthy();
      const { rows } = await t.db.pool.query<{ status: string }>(
        'select status from connections where id = $1::uuid',
        [connectionId],
      );
      expect(rows[0]!.status).toBe('connected');

      // A tampered state is refused.
      const forged = await t.app.inject({
        method: 'GET',
        url: `/api/oauth/${crmType}/callback?code=x&state=${back.searchParams.get('state')!.slice(0, -2)}xx`,
        headers: { cookie },
      });
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.code).toBe('invalid_oauth_state');
    },
  );

  it('answers 409 oauth_not_configured without an OAuth app', async () => {
    const bare = await createTestApp();
    const tenant = await createTenant(bare);
    const { cookie } = await login(bare, tenant.email, tenant.password);
    const response = await bare.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/connections/oauth/start`,
      headers: { cookie },
      payload: { crmType: 'salesforce', name: 'x' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('oauth_not_configured');
  });
});

describe('the usage endpoint', () => {
  it("answers null before the first call, then the limiter's counts and pauses", async () => {
    const tenant = await createTenant(t);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/connections/sandbox`,
      headers: tenant.auth,
      payload: { crmType: 'hubspot', name: 'Usage' },
    });
    const connectionId = created.json().connection.id as string;
    const usageUrl = `/api/workspaces/${tenant.workspaceId}/connections/${connectionId}/usage`;
    await t.db.pool.query(`delete from crm_rate_limits where connection_id = $1::uuid`, [
      connectionId,
    ]);
    const before = await t.app.inject({ url: usageUrl, headers: tenant.auth });
    expect(before.json()).toEqual({ usage: null });

    const pausedUntil = new Date(Date.now() + 60_000).toISOString();
    await t.db.pool.query(
      `insert into crm_rate_limits (connection_id, workspace_id, usage_day, used_today,
                                    daily_limit, paused_until, last_429_at, last_429_policy)
       -- Today in the CRM account's zone (the sandbox reports one), as the limiter counts it.
       values ($1::uuid, $2::uuid,
               (now() at time zone coalesce((select metadata->>'timeZone' from connections
                                             where id = $1::uuid), 'UTC'))::date, 250, 1000,
               $3::timestamptz, now(), 'TEN_SECONDLY_ROLLING')`,
      [connectionId, tenant.workspaceId, pausedUntil],
    );
    const after = await t.app.inject({ url: usageUrl, headers: tenant.auth });
    expect(after.statusCode).toBe(200);
    expect(after.json().usage).toMatchObject({
      connectionId,
      usedToday: 250,
      dailyLimit: 1000,
      percent: 25,
      pausedUntil,
      dailyExhaustedUntil: null,
      last429Policy: 'TEN_SECONDLY_ROLLING',
    });
    expect(after.json().usage.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('the write ledger endpoint', () => {
  it('validates its filters', async () => {
    const response = await t.app.inject({
      url: path('/crm-writes?status=maybe'),
      headers: admin.auth,
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('status');
    const ok = await t.app.inject({ url: path('/crm-writes?limit=5'), headers: admin.auth });
    expect(ok.json()).toEqual({ writes: [], nextCursor: null });
  });

  it('answers runs and writes as stored, keys the document does not name included', async () => {
    const tenant = await createTenant(t);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/connections/sandbox`,
      headers: tenant.auth,
      payload: { crmType: 'hubspot', name: 'Ledger' },
    });
    const connectionId = created.json().connection.id as string;
    const counts = {
      owners: { created: 1, updated: 0, unchanged: 2 },
      deals: { fetched: 3, created: 3, updated: 0, unchanged: 0 },
      dealContacts: { added: 4, removed: 0 },
      stageChanges: 1,
    };
    const runErrors = [{ objectType: 'deal', message: 'Bad amount', kind: 'validation', at: 7 }];
    await t.db.pool.query(
      `insert into sync_runs (workspace_id, connection_id, mode, trigger, status, counts, errors)
       values ($1::uuid, $2::uuid, 'full', 'manual', 'partial', $3::jsonb, $4::jsonb)`,
      [tenant.workspaceId, connectionId, JSON.stringify(counts), JSON.stringify(runErrors)],
    );
    const writeError = {
      kind: 'validation',
      message: 'Amount must be a number',
      crmCode: 'INVALID',
      field: 'amount',
      status: 400,
      retryable: false,
    };
    await t.db.pool.query(
      `insert into crm_write_log (workspace_id, connection_id, crm_type, object_type, record_id,
                                  field, value_before, value_to_write, origin_type,
                                  idempotency_key, status, error)
       select $1::uuid, $2::uuid, 'hubspot', 'deal', '42', r.field, r.before, r.value, 'person',
              r.field, r.status, r.error
       from unnest($3::text[], $4::jsonb[], $5::jsonb[], $6::text[], $7::jsonb[])
         as r(field, before, value, status, error)`,
      [
        tenant.workspaceId,
        connectionId,
        ['amount', 'closed', 'name'],
        ['1000', 'false', 'null'],
        ['"abc"', 'true', '"Big deal"'],
        ['failed', 'written', 'written'],
        [JSON.stringify(writeError), null, null],
      ],
    );

    const runs = await t.app.inject({
      url: `/api/workspaces/${tenant.workspaceId}/connections/${connectionId}/sync-runs`,
      headers: tenant.auth,
    });
    expect(runs.json().runs[0]).toMatchObject({ status: 'partial', counts, errors: runErrors });
    const writes = await t.app.inject({
      url: `/api/workspaces/${tenant.workspaceId}/crm-writes`,
      headers: tenant.auth,
    });
    const byField = Object.fromEntries(
      (writes.json().writes as { field: string }[]).map((write) => [write.field, write]),
    );
    expect(byField.amount).toMatchObject({
      valueBefore: 1000,
      valueToWrite: 'abc',
      error: writeError,
    });
    expect(byField.closed).toMatchObject({ valueBefore: false, valueToWrite: true, error: null });
    expect(byField.name).toMatchObject({ valueBefore: null, valueToWrite: 'Big deal' });
  });
});
