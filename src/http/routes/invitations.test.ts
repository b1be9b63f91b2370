import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';

/**
 * Joining a workspace by invitation: the admin's answer never tells whether the email
 * has an account or whose it is; the person joins only by accepting, logged in or
 * through the link.
 */
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t, 'admin');
});

const base = () => `/api/workspaces/${admin.workspaceId}/invitations`;

async function invite(email: string, role: 'admin' | 'member' = 'member') {
  const response = await t.app.inject({
    method: 'POST',
    url: base(),
    headers: admin.auth,
    payload: { email, role },
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json() as {
    invitation: { id: string; email: string; role: string };
    inviteUrl: string;
  };
  return { ...body, token: body.inviteUrl.split('#')[1]!, raw: response.body };
}

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });

async function memberEmails() {
  const list = await t.app.inject({
    url: `/api/workspaces/${admin.workspaceId}/members`,
    headers: admin.auth,
  });
  return list.json().members.map((m: { email: string }) => m.email) as string[];
}

describe('inviting', () => {
  it('answers alike for an email with an account and one without, naming nobody', async () => {
    const elsewhere = await createTenant(t, 'admin'); // an account, in another workspace
    await t.db.pool.query('update users set name = $2::text where id = $1::uuid', [
      elsewhere.userId,
      'Secret Name',
    ]);
    const known = await invite(elsewhere.email.toUpperCase());
    const unknown = await invite('nobody-yet@example.com');

    expect(known.raw).not.toContain(elsewhere.userId);
    expect(known.raw).not.toContain('Secret Name');
    const shape = (body: object) => JSON.stringify(body, (_k, v: unknown) => typeof v);
    expect(shape(JSON.parse(known.raw))).toEqual(shape(JSON.parse(unknown.raw)));
    expect(known.invitation).toMatchObject({ email: elsewhere.email, role: 'member' });
    expect(known.inviteUrl).toMatch(/\/invite#pi_[A-Za-z0-9_-]+$/);
    // Nobody joined: an invitation is only a proposal.
    expect(await memberEmails()).toEqual([admin.email]);

    const listed = await t.app.inject({ url: base(), headers: admin.auth });
    expect(
      listed
        .json()
        .invitations.map((i: { email: string }) => i.email)
        .sort(),
    ).toEqual([elsewhere.email, 'nobody-yet@example.com'].sort());
  });

  it('is for admins, and refuses people already in the workspace', async () => {
    const member = await createTenant(t, 'member', 'member');
    const byMember = await post(
      `/api/workspaces/${member.workspaceId}/invitations`,
      { email: 'x@example.com', role: 'member' },
      member.auth,
    );
    expect(byMember.statusCode).toBe(403);
    const self = await post(base(), { email: admin.email, role: 'member' }, admin.auth);
    expect([self.statusCode, self.json().error.code]).toEqual([409, 'already_member']);
  });
});

describe('accepting', () => {
  it('signs a new person up through the link, once', async () => {
    const { token } = await invite('new.rep@example.com');
    const lookup = await post('/api/invitations/lookup', { token });
    expect(lookup.json().invitation).toMatchObject({
      email: 'new.rep@example.com',
      role: 'member',
      workspaceName: expect.any(String),
    });

    const short = await post('/api/invitations/accept', { token, password: 'short' });
    expect([short.statusCode, short.json().error.details]).toEqual([400, { field: 'password' }]);
    const accepted = await post('/api/invitations/accept', {
      token,
      password: 'new-rep-password',
      name: 'New Rep',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().workspace).toMatchObject({ id: admin.workspaceId, role: 'member' });
    const cookie = accepted.cookies.find((c) => c.name === 'pandora_session')!;
    const me = await t.app.inject({
      url: '/api/me',
      headers: { cookie: `pandora_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({
      user: { email: 'new.rep@example.com', name: 'New Rep' },
      workspaces: [{ id: admin.workspaceId, role: 'member' }],
    });
    await login(t, 'new.rep@example.com', 'new-rep-password');

    const reused = await post('/api/invitations/accept', { token, password: 'another-password' });
    expect([reused.statusCode, reused.json().error.code]).toEqual([404, 'invitation_not_found']);
  });

  it('lets an existing account accept from its console, and no one else', async () => {
    const person = await createTenant(t, 'admin');
    const stranger = await createTenant(t, 'admin');
    const { invitation } = await invite(person.email, 'admin');
    const session = await login(t, person.email, person.password);
    const strangerSession = await login(t, stranger.email, stranger.password);

    const mine = await t.app.inject({ url: '/api/me/invitations', headers: session });
    expect(mine.json().invitations).toEqual([
      expect.objectContaining({
        id: invitation.id,
        role: 'admin',
        workspaceName: expect.any(String),
      }),
    ]);
    const notTheirs = await t.app.inject({ url: '/api/me/invitations', headers: strangerSession });
    expect(notTheirs.json().invitations).toEqual([]);
    const stolen = await post(`/api/me/invitations/${invitation.id}/accept`, {}, strangerSession);
    expect(stolen.statusCode).toBe(404);
    // An API key acts for a workspace, not a person: it cannot accept for anyone.
    const byKey = await post(`/api/me/invitations/${invitation.id}/accept`, {}, person.auth);
    expect(byKey.statusCode).toBe(403);

    const accepted = await post(`/api/me/invitations/${invitation.id}/accept`, {}, session);
    expect(accepted.json().workspace).toMatchObject({ id: admin.workspaceId, role: 'admin' });
    expect(await memberEmails()).toContain(person.email);
    const twice = await post(`/api/me/invitations/${invitation.id}/accept`, {}, session);
    expect(twice.statusCode).toBe(404);
  });

  it('asks an existing account for its own password through the link', async () => {
    const person = await createTenant(t, 'admin');
    const { token } = await invite(person.email);
    const wrong = await post('/api/invitations/accept', { token, password: 'not their password' });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'invalid_credentials']);
    expect(await memberEmails()).not.toContain(person.email);
    const right = await post('/api/invitations/accept', { token, password: person.password });
    expect(right.statusCode).toBe(200);
    expect(await memberEmails()).toContain(person.email);
  });

  it('stops an old link when the admin invites again or withdraws, and after a decline', async () => {
    const first = await invite('changing@example.com');
    const second = await invite('changing@example.com', 'admin');
    const old = await post('/api/invitations/lookup', { token: first.token });
    expect(old.statusCode).toBe(404);
    const withdrawn = await t.app.inject({
      method: 'DELETE',
      url: `${base()}/${second.invitation.id}`,
      headers: admin.auth,
    });
    expect(withdrawn.statusCode).toBe(204);
    const gone = await post('/api/invitations/accept', {
      token: second.token,
      password: 'whatever-long',
    });
    expect(gone.statusCode).toBe(404);

    const person = await createTenant(t, 'admin');
    const { invitation } = await invite(person.email);
    const session = await login(t, person.email, person.password);
    const declined = await post(`/api/me/invitations/${invitation.id}/decline`, {}, session);
    expect(declined.statusCode).toBe(204);
    const listed = await t.app.inject({ url: base(), headers: admin.auth });
    expect(listed.json().invitations.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
  });

  it('counts a wrong password through the link against the email, like a login', async () => {
    const person = await createTenant(t, 'admin');
    const { token } = await invite(person.email);
    let status = 0;
    for (let i = 0; i < t.ctx.config.loginAttemptsPerEmail && status !== 429; i += 1) {
      const guess = await post('/api/invitations/accept', { token, password: `guess-number-${i}` });
      status = guess.statusCode;
      expect(status).toBe(401);
    }
    // The budget is the email's: the login form is closed to it too.
    const login = await post('/api/auth/login', { email: person.email, password: person.password });
    expect([login.statusCode, login.headers['retry-after']]).toEqual([429, expect.any(String)]);
    const link = await post('/api/invitations/accept', { token, password: person.password });
    expect(link.statusCode).toBe(429);
  });

  it('keeps expired links out', async () => {
    const { token, invitation } = await invite('late@example.com');
    await t.db.pool.query(
      `update invitations set expires_at = now() - interval '1 second' where id = $1::uuid`,
      [invitation.id],
    );
    const late = await post('/api/invitations/accept', { token, password: 'late-person-pw' });
    expect([late.statusCode, late.json().error.code]).toEqual([404, 'invitation_not_found']);
  });
});
