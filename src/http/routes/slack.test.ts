import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
  TEST_SECRET_KEY,
} from '../../../test/app.js';
import { loadInstallation } from '../../notifications/slack/client.js';
import { listChannels, SLACK_BOT_SCOPES } from '../../notifications/slack/install.js';
import {
  startSlackEmulatorForTest,
  type SlackTestEmulator,
} from '../../notifications/slack/emulator/slack.test-helper.js';
import {
  SLACK_EMULATOR_CLIENT_ID,
  SLACK_EMULATOR_CLIENT_SECRET,
} from '../../notifications/slack/emulator/emulator.js';

let t: TestApp;
let slack: SlackTestEmulator;
let admin: Tenant;

const path = (tenant: Tenant, rest = '') => `/api/workspaces/${tenant.workspaceId}/slack${rest}`;

beforeAll(async () => {
  slack = await startSlackEmulatorForTest();
  // Pandora's Slack app as an operator configures it, pointed at the emulator.
  t = await createTestApp({
    publicUrl: 'http://pandora.test',
    slackClientId: SLACK_EMULATOR_CLIENT_ID,
    slackClientSecret: SLACK_EMULATOR_CLIENT_SECRET,
    slackApiUrl: slack.url,
  });
  admin = await createTenant(t);
});

/** "Add to Slack" in the browser: start, Slack's consent page, back to the callback. */
async function addToSlack(tenant: Tenant, cookie: string) {
  const start = await t.app.inject({
    method: 'POST',
    url: path(tenant, '/install'),
    headers: { cookie },
  });
  expect(start.statusCode, start.body).toBe(200);
  const authorizeUrl = new URL(start.json().authorizeUrl as string);
  const consent = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get('location')!);
  return { authorizeUrl, back };
}

describe('Add to Slack (OAuth v2)', () => {
  it('asks for the bot scopes only, trades the code and lands on the Slack settings', async () => {
    const { cookie } = await login(t, admin.email, admin.password);
    const { authorizeUrl, back } = await addToSlack(admin, cookie);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${slack.url}/oauth/v2/authorize`);
    expect(authorizeUrl.searchParams.get('client_id')).toBe(SLACK_EMULATOR_CLIENT_ID);
    expect(authorizeUrl.searchParams.get('scope')!.split(',').sort()).toEqual(
      [...SLACK_BOT_SCOPES].sort(),
    );
    expect(authorizeUrl.searchParams.has('user_scope')).toBe(false);
    expect(back.origin + back.pathname).toBe('http://pandora.test/api/slack/oauth/callback');

    const callback = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie },
    });
    expect(callback.statusCode, callback.body).toBe(302);
    const landed = new URL(callback.headers.location as string, 'http://pandora.test');
    expect(landed.pathname).toBe(`/w/${admin.workspaceId}/settings`);
    expect(Object.fromEntries(landed.searchParams)).toEqual({ tab: 'slack', installed: 'slack' });

    const status = await t.app.inject({ method: 'GET', url: path(admin), headers: admin.auth });
    expect(status.json()).toMatchObject({
      installed: true,
      oauthAvailable: true,
      teamId: slack.teamId,
      installedVia: 'oauth',
    });
    // The token is stored encrypted, never as it came.
    const { rows } = await t.db.pool.query<{ secrets: string }>(
      `select secrets from slack_installations where workspace_id = $1::uuid`,
      [admin.workspaceId],
    );
    expect(rows[0]!.secrets).not.toMatch(/xox/);
    expect(Buffer.from(rows[0]!.secrets, 'base64').toString('latin1')).not.toMatch(/xox/);

    // The code is single use, and a forged state is refused.
    const again = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie },
    });
    expect(new URL(again.headers.location as string, 'http://x').searchParams.get('error')).toMatch(
      /Slack refused/,
    );
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/slack/oauth/callback?code=x&state=${back.searchParams.get('state')!.slice(0, -2)}xx`,
      headers: { cookie },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe('invalid_oauth_state');
  });

  it('refuses a callback brought back by someone else, and API keys and members at the start', async () => {
    const { cookie } = await login(t, admin.email, admin.password);
    const { back } = await addToSlack(admin, cookie);
    const other = await createTenant(t);
    const otherSession = await login(t, other.email, other.password);
    const stolen = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: otherSession,
    });
    expect(stolen.statusCode).toBe(403);

    const byKey = await t.app.inject({
      method: 'POST',
      url: path(admin, '/install'),
      headers: admin.auth,
    });
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().error.code).toBe('user_session_required');

    const member = await apiKeyAuth(t, admin, 'member');
    for (const [method, rest] of [
      ['POST', '/install'],
      ['POST', '/token'],
      ['DELETE', ''],
      ['GET', '/channels'],
      ['PUT', '/alerts-channel'],
    ] as const) {
      const refused = await t.app.inject({
        method,
        url: path(admin, rest),
        headers: member,
        ...(method === 'POST' && rest === '/token' ? { payload: { token: 'xoxb-1' } } : {}),
        ...(method === 'PUT' ? { payload: { channelId: null } } : {}),
      });
      expect(refused.statusCode, `${method} ${rest}`).toBe(403);
    }
  });

  it('answers 409 without a Slack app, and says so in the status', async () => {
    const bare = await createTestApp();
    const tenant = await createTenant(bare);
    const { cookie } = await login(bare, tenant.email, tenant.password);
    const start = await bare.app.inject({
      method: 'POST',
      url: path(tenant, '/install'),
      headers: { cookie },
    });
    expect(start.statusCode).toBe(409);
    expect(start.json().error.code).toBe('slack_oauth_not_configured');
    const status = await bare.app.inject({
      method: 'GET',
      url: path(tenant),
      headers: tenant.auth,
    });
    expect(status.json()).toMatchObject({ installed: false, oauthAvailable: false });
  });
});

describe('a pasted bot token, the alerts channel, removing Slack', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await createTenant(t);
  });

  it('checks the token with auth.test before keeping it', async () => {
    const notBot = await t.app.inject({
      method: 'POST',
      url: path(tenant, '/token'),
      headers: tenant.auth,
      payload: { token: 'xoxp-user-token' },
    });
    expect(notBot.statusCode).toBe(400);
    expect(notBot.json().error.code).toBe('invalid_slack_token');
    const refused = await t.app.inject({
      method: 'POST',
      url: path(tenant, '/token'),
      headers: tenant.auth,
      payload: { token: 'xoxb-not-a-real-token' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'slack_token_refused',
      message: 'Slack refused: Slack: invalid_auth',
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: path(tenant, '/token'),
      headers: tenant.auth,
      payload: { token: slack.botToken },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      installed: true,
      installedVia: 'token',
      teamId: slack.teamId,
    });
  });

  it('lists the public channels and sets where alerts go', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: path(tenant, '/channels'),
      headers: tenant.auth,
    });
    expect(list.statusCode, list.body).toBe(200);
    const names = (list.json().channels as Array<{ name: string }>).map((c) => c.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['general', 'revops-alerts', 'sales']));

    const alerts = slack.channel('revops-alerts');
    const set = await t.app.inject({
      method: 'PUT',
      url: path(tenant, '/alerts-channel'),
      headers: tenant.auth,
      payload: { channelId: alerts.id },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().alertsChannel).toEqual({ id: alerts.id, name: 'revops-alerts' });

    const unknown = await t.app.inject({
      method: 'PUT',
      url: path(tenant, '/alerts-channel'),
      headers: tenant.auth,
      payload: { channelId: 'C0NOSUCHONE' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('slack_channel_not_found');

    const off = await t.app.inject({
      method: 'PUT',
      url: path(tenant, '/alerts-channel'),
      headers: tenant.auth,
      payload: { channelId: null },
    });
    expect(off.json().alertsChannel).toBeNull();
  });

  it('reads every page of conversations.list', async () => {
    for (let i = 0; i < 5; i += 1) {
      slack.emulator.store.addChannel(slack.teamId, { name: `zz-extra-${i}` });
    }
    const install = (await loadInstallation(t.db.pool, TEST_SECRET_KEY, tenant.workspaceId))!;
    const before = slack.emulator.log.list().at(-1)?.seq ?? 0;
    const channels = await listChannels(install, slack.url, undefined, 2);
    expect(channels.map((c) => c.name)).toEqual(
      expect.arrayContaining(['general', 'zz-extra-0', 'zz-extra-4']),
    );
    expect(slack.emulator.log.list(before, (e) => e.method === 'conversations.list').length).toBe(
      Math.ceil(channels.length / 2),
    );
  });

  it('removes the install; the channel list then answers 409', async () => {
    const removed = await t.app.inject({
      method: 'DELETE',
      url: path(tenant),
      headers: tenant.auth,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ installed: false, teamId: null });
    const list = await t.app.inject({
      method: 'GET',
      url: path(tenant, '/channels'),
      headers: tenant.auth,
    });
    expect(list.statusCode).toBe(409);
    expect(list.json().error.code).toBe('slack_not_installed');
  });
});
