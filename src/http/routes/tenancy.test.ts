import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';

let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t, 'admin');
});

describe('login and sessions', () => {
  it('logs in, reads /api/me with the cookie, logs out', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email.toUpperCase(), password: admin.password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'pandora_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const headers = { cookie: `pandora_session=${cookie.value}` };

    const me = await t.app.inject({ url: '/api/me', headers });
    expect(me.json()).toMatchObject({
      user: { email: admin.email },
      workspaces: [{ id: admin.workspaceId, role: 'admin' }],
    });

    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode,
    ).toBe(204);
    const after = await t.app.inject({ url: '/api/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    for (const payload of [
      { email: admin.email, password: 'wrong password' },
      { email: 'nobody@example.com', password: 'wrong password' },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'Wrong email or password', details: {} },
      });
    }
  });

  it('stores only a hash of the password and of the session token', async () => {
    const { rows } = await t.db.pool.query<{ hash: string }>(
      'select password_hash as hash from users where email = $1::text',
      [admin.email],
    );
    // The cost is the tests' (passwords.test.ts checks the real one).
    expect(rows[0]!.hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]+\$[\w-]+$/);
    const { cookie } = await login(t, admin.email, admin.password);
    const token = cookie.split('=')[1]!;
    const { rowCount } = await t.db.pool.query(
      'select 1 from sessions where token_hash = $1::text',
      [token],
    );
    expect(rowCount).toBe(0);
  });
});

describe('API keys', () => {
  it('creates a key shown once, stores a hash, records last use, and revokes it', async () => {
    const session = await login(t, admin.email, admin.password);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/api-keys`,
      headers: session,
      payload: { name: 'CI sync', role: 'member' },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json() as {
      apiKey: { id: string; prefix: string };
      secret: string;
    };
    expect(secret).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const listed = await t.app.inject({
      url: `/api/workspaces/${admin.workspaceId}/api-keys`,
      headers: session,
    });
    expect(listed.body).not.toContain(secret);
    const { rowCount } = await t.db.pool.query('select 1 from api_keys where key_hash = $1::text', [
      secret,
    ]);
    expect(rowCount).toBe(0);

    const me = await t.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.json()).toMatchObject({ user: null, apiKey: { name: 'CI sync', role: 'member' } });
    const afterUse = (
      await t.app.inject({ url: `/api/workspaces/${admin.workspaceId}/api-keys`, headers: session })
    )
      .json()
      .apiKeys.find((key: { id: string }) => key.id === apiKey.id);
    expect(afterUse.lastUsedAt).not.toBeNull();

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${admin.workspaceId}/api-keys/${apiKey.id}`,
      headers: session,
    });
    expect(revoked.json().apiKey.revokedAt).not.toBeNull();
    const denied = await t.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('invalid_api_key');
  });

  it('a member key cannot mint an admin key', async () => {
    const member = await createTenant(t, 'member', 'member');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${member.workspaceId}/api-keys`,
      headers: member.auth,
      payload: { name: 'escalate', role: 'admin' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });
});

describe('API key visibility', () => {
  it('shows a member only the keys they created, and hides the others as not found', async () => {
    const team = await createTenant(t, 'admin');
    const adminKeys = await t.app.inject({
      url: `/api/workspaces/${team.workspaceId}/api-keys`,
      headers: team.auth,
    });
    const adminKeyId = adminKeys.json().apiKeys[0].id as string;

    // A member joins and makes a key of their own.
    const member = await createTenant(t, 'admin');
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [team.workspaceId, member.userId],
    );
    const session = await login(t, member.email, member.password);
    const url = `/api/workspaces/${team.workspaceId}/api-keys`;
    const created = await t.app.inject({
      method: 'POST',
      url,
      headers: session,
      payload: { name: 'my script' },
    });
    expect(created.statusCode).toBe(201);
    const own = created.json() as { apiKey: { id: string }; secret: string };

    const byMember = await t.app.inject({ url, headers: session });
    expect(byMember.json().apiKeys.map((key: { id: string }) => key.id)).toEqual([own.apiKey.id]);
    const byMemberKey = await t.app.inject({
      url,
      headers: { authorization: `Bearer ${own.secret}` },
    });
    expect(byMemberKey.json().apiKeys.map((key: { id: string }) => key.id)).toEqual([
      own.apiKey.id,
    ]);
    const byAdmin = await t.app.inject({ url, headers: team.auth });
    expect(
      byAdmin
        .json()
        .apiKeys.map((key: { id: string }) => key.id)
        .sort(),
    ).toEqual([adminKeyId, own.apiKey.id].sort());

    // Someone else's key cannot be revoked, nor told apart from a key that does not exist.
    const revokeOther = await t.app.inject({
      method: 'DELETE',
      url: `${url}/${adminKeyId}`,
      headers: session,
    });
    expect([revokeOther.statusCode, revokeOther.json().error.code]).toEqual([404, 'not_found']);
    const stillLive = await t.app.inject({ url: '/api/me', headers: team.auth });
    expect(stillLive.statusCode).toBe(200);
    const revokeOwn = await t.app.inject({
      method: 'DELETE',
      url: `${url}/${own.apiKey.id}`,
      headers: session,
    });
    expect(revokeOwn.json().apiKey.revokedAt).not.toBeNull();
  });
});

describe('members and roles', () => {
  it("changes a member's role and removes them", async () => {
    const base = `/api/workspaces/${admin.workspaceId}/members`;
    const person = await createTenant(t, 'admin');
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [admin.workspaceId, person.userId],
    );
    const promoted = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${person.userId}`,
      headers: admin.auth,
      payload: { role: 'admin' },
    });
    expect(promoted.json().member.role).toBe('admin');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${person.userId}`,
      headers: admin.auth,
    });
    expect(removed.statusCode).toBe(204);
    const list = await t.app.inject({ url: base, headers: admin.auth });
    expect(list.json().members.map((m: { email: string }) => m.email)).toEqual([admin.email]);
  });

  it('keeps the last admin', async () => {
    const lone = await createTenant(t, 'admin');
    for (const request of [
      { method: 'PATCH' as const, payload: { role: 'member' } },
      { method: 'DELETE' as const },
    ]) {
      const response = await t.app.inject({
        ...request,
        url: `/api/workspaces/${lone.workspaceId}/members/${lone.userId}`,
        headers: lone.auth,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('last_admin');
    }
  });

  it('members cannot manage members', async () => {
    const member = await createTenant(t, 'member', 'member');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${member.workspaceId}/invitations`,
      headers: member.auth,
      payload: { email: 'x@example.com', role: 'admin' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('connections', () => {
  it('encrypts credentials at rest and never returns them', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/connections`,
      headers: admin.auth,
      payload: {
        crmType: 'hubspot',
        name: 'HubSpot prod',
        credentials: { accessToken: 'pat-na1-very-secret' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('very-secret');
    expect(created.json().connection).toMatchObject({ hasCredentials: true, status: 'pending' });
    const { rows } = await t.db.pool.query<{ credentials: Buffer }>(
      'select credentials from connections where id = $1::uuid',
      [created.json().connection.id],
    );
    expect(rows[0]!.credentials.toString('latin1')).not.toContain('very-secret');
    const overview = await t.app.inject({
      url: `/api/workspaces/${admin.workspaceId}/overview`,
      headers: admin.auth,
    });
    expect(overview.json().connections).toHaveLength(1);
  });
});
