import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  TEST_SECRET_KEY,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { openSourceConnector } from '../../conversations/connect.js';
import {
  createGongEmulator,
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
  type GongEmulator,
} from '../../conversations/emulator/gong/emulator.js';
import { syncSource } from '../../conversations/sync.js';
import { generateDemoData } from '../../demo/generate.js';

/**
 * Connecting Gong in two steps, through the API and the Gong emulator over real HTTP:
 * credentials (the directory is fetched at once), then the reps to track; only their
 * calls are synced.
 */
const dataset = generateDemoData({ seed: 11, accounts: 6, now: new Date('2025-06-01T12:00:00Z') });
let gong: GongEmulator;
let gongUrl: string;
let t: TestApp;
let admin: Tenant;
let member: { authorization: string };

const base = () => `/api/workspaces/${admin.workspaceId}/conversation-sources`;
const KEYS = {
  accessKey: GONG_EMULATOR_ACCESS_KEY,
  accessKeySecret: GONG_EMULATOR_ACCESS_KEY_SECRET,
};

function connectGong(
  payload: Record<string, unknown>,
  headers: Record<string, string> = admin.auth,
) {
  return t.app.inject({
    method: 'POST',
    url: `${base()}/gong`,
    headers,
    payload: { name: 'Gong', baseUrl: gongUrl, ...payload },
  });
}

async function queuedSyncs(connectionId: string): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'conversations.sync' and payload->>'connectionId' = $1::text`,
    [connectionId],
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  gong = await createGongEmulator({ dataset, settings: { perSecond: null } });
  gongUrl = await gong.listen(0);
  // The emulator listens on loopback: allowed here as an operator would allow a host.
  t = await createTestApp({}, { outbound: { allowedHosts: [gongUrl] } });
  admin = await createTenant(t);
  member = await apiKeyAuth(t, admin, 'member');
});

afterAll(async () => {
  gong.app.server.closeAllConnections();
  await gong.close();
});

describe('connecting Gong', () => {
  it('stores the credentials sealed, fetches the directory and is connected', async () => {
    const response = await connectGong(KEYS);
    expect(response.statusCode).toBe(201);
    const { source } = response.json();
    expect(source).toMatchObject({
      sourceType: 'gong',
      kind: 'source',
      status: 'connected',
      authMethod: 'access_key',
      directorySize: dataset.owners.length,
      trackedUserIds: [],
    });
    expect(response.body).not.toContain(GONG_EMULATOR_ACCESS_KEY_SECRET);
    const { rows } = await t.db.pool.query(
      `select credentials::text as sealed from connections where id = $1::uuid`,
      [source.id],
    );
    expect(rows[0].sealed).not.toContain(GONG_EMULATOR_ACCESS_KEY);
  });

  it('keeps a source Gong refused, in error with what to do', async () => {
    const response = await connectGong({ ...KEYS, accessKeySecret: 'wrong-secret' });
    expect(response.statusCode).toBe(201);
    expect(response.json().source).toMatchObject({ status: 'error', directorySize: 0 });
    expect(response.json().source.statusMessage).toMatch(/^Gong rejected the credentials/);
  });

  it('names the field of missing or mixed credentials, and refuses a URL outside the policy', async () => {
    const noSecret = await connectGong({ accessKey: 'k' });
    expect(noSecret.statusCode).toBe(400);
    expect(noSecret.json().error.details).toEqual([
      { field: 'body.accessKeySecret', message: 'is required with accessKey' },
    ]);
    const both = await connectGong({ ...KEYS, accessToken: 'oauth-token-1234' });
    expect(both.json().error.details[0].field).toBe('body.accessToken');
    const internal = await connectGong({ ...KEYS, baseUrl: 'https://10.0.0.8' });
    expect(internal.statusCode).toBe(400);
    expect(internal.json().error).toMatchObject({ code: 'url_not_allowed' });
    expect(internal.json().error.details[0].field).toBe('body.baseUrl');
    const byMember = await connectGong(KEYS, member);
    expect(byMember.statusCode).toBe(403);
  });

  it('lets an admin pick reps from the directory, queues a sync, and syncs only their calls', async () => {
    const { source } = (await connectGong(KEYS)).json();
    const users = await t.app.inject({ url: `${base()}/${source.id}/users`, headers: member });
    expect(users.statusCode).toBe(200);
    const directory = users.json().users as { id: string; email: string; tracked: boolean }[];
    expect(directory.map((u) => u.email).sort()).toEqual(dataset.owners.map((o) => o.email).sort());
    expect(directory.every((u) => !u.tracked)).toBe(true);

    const unknown = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${source.id}/tracked-users`,
      headers: admin.auth,
      payload: { userIds: [directory[0]!.id, 'no-such-user'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.userIds.1');
    expect(await queuedSyncs(source.id)).toBe(0);

    // The two reps with the most calls; everyone else's stay in Gong.
    const perHost = new Map<string, number>();
    for (const call of gong.store.allCalls()) {
      perHost.set(call.metaData.primaryUserId, (perHost.get(call.metaData.primaryUserId) ?? 0) + 1);
    }
    const picked = [...perHost]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([id]) => id);
    const set = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${source.id}/tracked-users`,
      headers: admin.auth,
      payload: { userIds: picked },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ syncQueued: true });
    expect(set.json().source.trackedUserIds).toEqual(picked);
    expect(await queuedSyncs(source.id)).toBe(1);
    const listed = await t.app.inject({ url: `${base()}/${source.id}/users`, headers: member });
    expect(
      (listed.json().users as { id: string; tracked: boolean }[])
        .filter((u) => u.tracked)
        .map((u) => u.id)
        .sort(),
    ).toEqual([...picked].sort());

    // The engine's run, as the queued job would do it: unpaced, and reaching back to the
    // data set's 2025 calls.
    await t.db.pool.query(
      `update connections
       set metadata = metadata || '{"rateLimit":{"perWindow":null,"daily":null},"syncLookbackDays":3650}'
       where id = $1::uuid`,
      [source.id],
    );
    const opened = await openSourceConnector(
      { pool: t.db.pool, secretKey: TEST_SECRET_KEY, outbound: { allowedHosts: [gongUrl] } },
      admin.workspaceId,
      source.id,
    );
    await syncSource({ pool: t.db.pool, ...opened }, { trigger: 'manual' });
    const pickedEmails = directory.filter((u) => picked.includes(u.id)).map((u) => u.email);
    const { rows } = await t.db.pool.query<{ host: string; n: number }>(
      `select host_email as host, count(*)::int as n from conversations
       where workspace_id = $1::uuid and connection_id = $2::uuid group by host_email`,
      [admin.workspaceId, source.id],
    );
    expect(rows.map((row) => row.host).sort()).toEqual([...pickedEmails].sort());
    expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(
      picked.reduce((sum, id) => sum + perHost.get(id)!, 0),
    );
  });

  it('refreshes the directory for admins only, and a sync needs someone tracked', async () => {
    const { source } = (await connectGong(KEYS)).json();
    const byMember = await t.app.inject({
      url: `${base()}/${source.id}/users?refresh=true`,
      headers: member,
    });
    expect(byMember.statusCode).toBe(403);
    const before = gong.log.lastSeq;
    const refreshed = await t.app.inject({
      url: `${base()}/${source.id}/users?refresh=true`,
      headers: admin.auth,
    });
    expect(refreshed.statusCode).toBe(200);
    expect(gong.log.list(before).some((entry) => entry.path.startsWith('/v2/users'))).toBe(true);
    const sync = await t.app.inject({
      method: 'POST',
      url: `${base()}/${source.id}/sync`,
      headers: admin.auth,
    });
    expect(sync.statusCode).toBe(409);
    expect(sync.json().error.code).toBe('no_tracked_users');
  });

  it('reconnects a refused source with new credentials, keeping its id', async () => {
    const { source } = (await connectGong({ ...KEYS, accessKeySecret: 'old-secret' })).json();
    expect(source.status).toBe('error');
    const url = `${base()}/${source.id}/credentials`;
    const wrongKind = await t.app.inject({
      method: 'PUT',
      url,
      headers: admin.auth,
      payload: { apiKey: 'fireflies-key' },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details[0].field).toBe('body.apiKey');
    const fixed = await t.app.inject({ method: 'PUT', url, headers: admin.auth, payload: KEYS });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().source).toMatchObject({
      id: source.id,
      status: 'connected',
      statusMessage: null,
      directorySize: dataset.owners.length,
    });
  });

  it('has no directory or sync for a webhook source', async () => {
    const hook = (
      await t.app.inject({
        method: 'POST',
        url: `${base()}/webhook`,
        headers: admin.auth,
        payload: { name: 'Hook' },
      })
    ).json();
    const tracked = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${hook.source.id}/tracked-users`,
      headers: admin.auth,
      payload: { userIds: [] },
    });
    expect(tracked.statusCode).toBe(409);
    const sync = await t.app.inject({
      method: 'POST',
      url: `${base()}/${hook.source.id}/sync`,
      headers: admin.auth,
    });
    expect(sync.json().error.code).toBe('not_pullable');
    const credentials = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${hook.source.id}/credentials`,
      headers: admin.auth,
      payload: { apiKey: 'some-key-123' },
    });
    expect(credentials.statusCode).toBe(409);
  });
});
