import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { codeOf, graphql } from '../../../test/graphql.js';
import { createCaller } from '../../inbox/fixtures.test-helper.js';
import type { Caller } from '../../actions/service.js';
import { recordNotification } from '../../notifications/record.js';

let t: TestApp;
let tenant: Tenant;
let rep: Caller;
let repAuth: { cookie: string };
let adminAuth: { cookie: string };

beforeAll(async () => {
  t = await createTestApp({}, { events: true });
  tenant = await createTenant(t);
  rep = await createCaller(t.db.pool, tenant.workspaceId, 'member');
  repAuth = await login(t, rep.actor, 'correct horse battery');
  adminAuth = await login(t, tenant.email, tenant.password);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});

const url = (path: string) => `/api/workspaces/${tenant.workspaceId}${path}`;
const get = (path: string, headers: object) =>
  t.app.inject({ method: 'GET', url: url(path), headers: headers as Record<string, string> });
const send = (method: 'POST' | 'PUT', path: string, headers: object, payload?: object) =>
  t.app.inject({ method, url: url(path), headers: headers as Record<string, string>, payload });

function notify(userId: string, title: string) {
  return recordNotification(t.db.pool, {
    workspaceId: tenant.workspaceId,
    type: 'approval',
    recipients: [userId],
    title,
    link: '/inbox/x',
  });
}

describe('notifications over REST', () => {
  it('lists only the caller’s, newest first by keyset, and marks them read', async () => {
    for (const title of ['one', 'two', 'three']) await notify(rep.sourceId!, title);
    await notify(tenant.userId, 'for the admin');

    const first = await get('/notifications?limit=2', repAuth);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      notifications: [{ title: 'three', kind: 'approval' }, { title: 'two' }],
      unread: 3,
    });
    const second = await get(`/notifications?limit=2&cursor=${first.json().nextCursor}`, repAuth);
    expect(second.json()).toMatchObject({ notifications: [{ title: 'one' }], nextCursor: null });
    expect((await get('/notifications?cursor=nonsense', repAuth)).json().error.code).toBe(
      'invalid_cursor',
    );

    const oneId = second.json().notifications[0].id;
    expect((await send('POST', '/notifications/read', repAuth, { ids: [oneId] })).json()).toEqual({
      marked: 1,
    });
    expect((await get('/notifications?unread=true', repAuth)).json().notifications).toHaveLength(2);
    // The rep cannot mark the admin's.
    expect((await send('POST', '/notifications/read', repAuth, {})).json()).toEqual({ marked: 2 });
    expect((await get('/notifications', adminAuth)).json()).toMatchObject({
      notifications: [{ title: 'for the admin', readAt: null }],
      unread: 1,
    });
    // The older GraphQL list reads the same rows.
    const listed = await graphql(
      t,
      repAuth,
      `
        query ($ws: ID!) {
          workspace(id: $ws) {
            notifications(unread: false) {
              title
              type
              link
              readAt
            }
          }
        }
      `,
      { ws: tenant.workspaceId },
    );
    expect(listed.data.workspace.notifications.map((n: { title: string }) => n.title)).toEqual([
      'three',
      'two',
      'one',
    ]);
  });

  it('reads and updates preferences, naming a bad field', async () => {
    const before = await get('/notification-preferences', repAuth);
    expect(before.json().settings).toEqual({
      timeZone: 'UTC',
      digestPeriod: 'daily',
      digestHour: 9,
    });
    const put = await send('PUT', '/notification-preferences', repAuth, {
      preferences: [{ channel: 'email', type: 'approval', mode: 'digest' }],
      settings: { timeZone: 'Asia/Tokyo' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().preferences).toContainEqual({
      channel: 'email',
      type: 'approval',
      mode: 'digest',
      isDefault: false,
    });
    expect(put.json().settings.timeZone).toBe('Asia/Tokyo');

    const badChannel = await send('PUT', '/notification-preferences', repAuth, {
      preferences: [{ channel: 'fax', type: 'approval', mode: 'off' }],
    });
    expect(badChannel.statusCode).toBe(400);
    expect(JSON.stringify(badChannel.json().error.details)).toContain('channel');
    const badZone = await send('PUT', '/notification-preferences', repAuth, {
      preferences: [],
      settings: { timeZone: 'Mars/Olympus' },
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error).toMatchObject({
      code: 'unknown_time_zone',
      details: [{ field: 'settings.timeZone' }],
    });
    // An API key is nobody: no preferences.
    expect((await get('/notification-preferences', tenant.auth)).statusCode).toBe(403);
  });

  it('shows admins the outbox with status and attempts, and members not at all', async () => {
    await notify(rep.sourceId!, 'outbox row');
    // The rep chose the email digest for approvals above: held for it.
    const listed = await get('/notification-deliveries?channel=email&status=held', adminAuth);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0]).toMatchObject({
      channel: 'email',
      status: 'held',
      attempts: 0,
      title: 'outbox row',
      recipientEmail: rep.actor,
    });
    expect((await get('/notification-deliveries', repAuth)).statusCode).toBe(403);
  });
});

describe('notifications over GraphQL', () => {
  const streams: AbortController[] = [];
  afterAll(() => streams.forEach((controller) => controller.abort()));

  it('reads and changes one preference cell; an unknown mode is refused', async () => {
    const changed = await graphql(
      t,
      repAuth,
      `
        mutation ($ws: ID!) {
          updateNotificationPreference(workspaceId: $ws, channel: slack, type: anomaly, mode: off) {
            channel
            type
            mode
            isDefault
          }
        }
      `,
      { ws: tenant.workspaceId },
    );
    expect(changed.data.updateNotificationPreference).toEqual({
      channel: 'slack',
      type: 'anomaly',
      mode: 'off',
      isDefault: false,
    });
    const read = await graphql(
      t,
      repAuth,
      `
        query ($ws: ID!) {
          workspace(id: $ws) {
            notificationPreferences {
              settings {
                timeZone
              }
              preferences {
                channel
                type
                mode
              }
            }
          }
        }
      `,
      { ws: tenant.workspaceId },
    );
    expect(read.data.workspace.notificationPreferences.preferences).toContainEqual({
      channel: 'slack',
      type: 'anomaly',
      mode: 'off',
    });
    const bad = await graphql(
      t,
      repAuth,
      `
        mutation ($ws: ID!, $mode: DeliveryMode!) {
          updateNotificationPreference(
            workspaceId: $ws
            channel: slack
            type: anomaly
            mode: $mode
          ) {
            mode
          }
        }
      `,
      { ws: tenant.workspaceId, mode: 'weekly' },
    );
    expect(codeOf(bad)).toBe('validation_failed');
    const badZone = await graphql(
      t,
      repAuth,
      `
        mutation ($ws: ID!) {
          updateNotificationSettings(workspaceId: $ws, timeZone: "Nowhere/Else") {
            timeZone
          }
        }
      `,
      { ws: tenant.workspaceId },
    );
    expect(codeOf(badZone)).toBe('unknown_time_zone');
  });

  it('streams notificationCreated to its recipient only', async () => {
    const address = t.app.server.address() as { port: number };
    async function subscribe(headers: object) {
      const controller = new AbortController();
      streams.push(controller);
      const response = await fetch(`http://127.0.0.1:${address.port}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({
          query: `subscription ($ws: ID!) { notificationCreated(workspaceId: $ws) { title type critical } }`,
          variables: { ws: tenant.workspaceId },
        }),
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const titles: string[] = [];
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trim())
              .join('');
            buffer = buffer.slice(end + 2);
            if (data) titles.push(JSON.parse(data).data.notificationCreated.title);
          }
        }
      })();
      return titles;
    }
    const repSeen = await subscribe(repAuth);
    const adminSeen = await subscribe(adminAuth);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await notify(tenant.userId, 'admin only');
    await notify(rep.sourceId!, 'rep only');
    const deadline = Date.now() + 10_000;
    while ((adminSeen.length < 1 || repSeen.length < 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(repSeen).toEqual(['rep only']);
    expect(adminSeen).toEqual(['admin only']);
  });
});
