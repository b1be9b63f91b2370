import { beforeAll, describe, expect, it } from 'vitest';
import { insertActivity, insertAgent, insertOwner } from '../../test/activity.js';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import { raiseOrRefresh } from '../anomalies/store.js';
import { publishEvent } from '../events/bus.js';

let t: TestApp;
let admin: Tenant;
let member: { cookie: string };
let memberKey: { authorization: string };
let agentId: string;
let mine: string;
let theirs: string;
let runIds: string[];

beforeAll(async () => {
  t = await createTestApp({}, { events: true });
  admin = await createTenant(t);
  const person = await createTenant(t, 'member', 'member');
  await t.db.pool.query(`update memberships set workspace_id = $1::uuid where user_id = $2::uuid`, [
    admin.workspaceId,
    person.userId,
  ]);
  member = await login(t, person.email, person.password);
  memberKey = await apiKeyAuth(t, admin, 'member');
  ({ agentId } = await insertAgent(t.db.pool, admin.workspaceId, 'Discovery'));
  mine = await insertOwner(t.db.pool, admin.workspaceId, person.email);
  theirs = await insertOwner(t.db.pool, admin.workspaceId, 'other-rep@example.com');
  const now = Date.now();
  runIds = await insertActivity(
    t.db.pool,
    admin.workspaceId,
    Array.from({ length: 4 }, (_, i) => ({
      agentId,
      ownerId: i % 2 === 0 ? mine : theirs,
      status: i === 3 ? ('failed' as const) : ('success' as const),
      overallConfidence: 0.7,
      createdAt: new Date(now - (i + 1) * 60_000).toISOString(),
    })),
  );
});

const LOGS = `query ($ws: ID!, $filters: ActivityLogFilters, $first: Int, $after: String) {
  workspace(id: $ws) {
    activityLogs(filters: $filters, first: $first, after: $after) {
      items { id status agent { name } owner { id } inboxItems { id } }
      nextCursor
    }
  }
}`;

describe('activityLogs', () => {
  it('pages with a cursor and filters, admins all, members their own records', async () => {
    const first = await graphql(t, admin.auth, LOGS, { ws: admin.workspaceId, first: 3 });
    const page = first.data.workspace.activityLogs;
    expect(page.items.map((item: { id: string }) => item.id)).toEqual(runIds.slice(0, 3));
    expect(page.items[0]).toMatchObject({ agent: { name: 'Discovery' }, inboxItems: [] });
    const second = await graphql(t, admin.auth, LOGS, {
      ws: admin.workspaceId,
      first: 3,
      after: page.nextCursor,
    });
    expect(second.data.workspace.activityLogs).toEqual({
      items: [expect.objectContaining({ id: runIds[3] })],
      nextCursor: null,
    });
    const failed = await graphql(t, admin.auth, LOGS, {
      ws: admin.workspaceId,
      filters: { status: 'failed' },
    });
    expect(failed.data.workspace.activityLogs.items).toHaveLength(1);

    const own = await graphql(t, member, LOGS, { ws: admin.workspaceId });
    expect(own.data.workspace.activityLogs.items.map((i: { id: string }) => i.id)).toEqual([
      runIds[0],
      runIds[2],
    ]);
    const keyOnly = await graphql(t, memberKey, LOGS, { ws: admin.workspaceId });
    expect(keyOnly.data.workspace.activityLogs.items).toEqual([]);
  });

  it('refuses a bad cursor, id or date like REST', async () => {
    const badCursor = await graphql(t, admin.auth, LOGS, { ws: admin.workspaceId, after: 'nope' });
    expect(codeOf(badCursor)).toBe('invalid_cursor');
    const badId = await graphql(t, admin.auth, LOGS, {
      ws: admin.workspaceId,
      filters: { agentId: 'x' },
    });
    expect(codeOf(badId)).toBe('validation_failed');
    const badDate = await graphql(t, admin.auth, LOGS, {
      ws: admin.workspaceId,
      filters: { from: 'yesterday' },
    });
    expect(codeOf(badDate)).toBe('validation_failed');
  });

  it('reads one run, and stats', async () => {
    const one = await graphql(
      t,
      member,
      `
        query ($ws: ID!, $id: ID!) {
          workspace(id: $ws) {
            activityLog(id: $id) {
              id
            }
          }
        }
      `,
      { ws: admin.workspaceId, id: runIds[1] },
    );
    expect(codeOf(one)).toBe('not_found');
    const stats = await graphql(
      t,
      admin.auth,
      `
        query ($ws: ID!) {
          workspace(id: $ws) {
            activityStats(bucket: hour) {
              bucket
              totals {
                runs
                failed
                failureRate
                averageConfidence
              }
              series {
                at
                runs
              }
            }
          }
        }
      `,
      { ws: admin.workspaceId },
    );
    expect(stats.data.workspace.activityStats).toMatchObject({
      bucket: 'hour',
      totals: { runs: 4, failed: 1, failureRate: 0.25, averageConfidence: 0.7 },
    });
  });
});

describe('anomalies over GraphQL', () => {
  it('lists with the trend, and only admins acknowledge and resolve', async () => {
    const { anomaly } = await raiseOrRefresh(
      t.db.pool,
      {
        workspaceId: admin.workspaceId,
        rule: 'agent_low_confidence',
        scopeKey: agentId,
        severity: 'warning',
        title: 'Low confidence',
        data: { value: 0.5, threshold: 0.6, recoverAt: 0.65, direction: 'below', sampleSize: 12 },
      },
      { pendingMs: 0, renotifyMs: 3_600_000 },
    );
    const list = await graphql(
      t,
      memberKey,
      `
        query ($ws: ID!) {
          workspace(id: $ws) {
            anomalies(status: active) {
              id
              rule
              status
              thresholds {
                direction
                fireAt
                recoverAt
              }
              samples {
                value
              }
            }
          }
        }
      `,
      { ws: admin.workspaceId },
    );
    expect(list.data.workspace.anomalies).toEqual([
      {
        id: anomaly!.id,
        rule: 'agent_low_confidence',
        status: 'active',
        thresholds: { direction: 'below', fireAt: 0.6, recoverAt: 0.65 },
        samples: [],
      },
    ]);
    const ACK = `mutation ($ws: ID!, $id: ID!) { acknowledgeAnomaly(workspaceId: $ws, id: $id) { status acknowledgedBy } }`;
    expect(
      codeOf(await graphql(t, memberKey, ACK, { ws: admin.workspaceId, id: anomaly!.id })),
    ).toBe('forbidden');
    // Another workspace's admin: its own workspace has no such anomaly, and ours is not theirs.
    const stranger = await createTenant(t);
    for (const ws of [stranger.workspaceId, admin.workspaceId]) {
      expect(codeOf(await graphql(t, stranger.auth, ACK, { ws, id: anomaly!.id }))).toBe(
        'not_found',
      );
    }
    const acked = await graphql(t, admin.auth, ACK, { ws: admin.workspaceId, id: anomaly!.id });
    expect(acked.data.acknowledgeAnomaly).toEqual({
      status: 'acknowledged',
      acknowledgedBy: 'api key test key',
    });
    const resolved = await graphql(
      t,
      admin.auth,
      `
        mutation ($ws: ID!, $id: ID!) {
          resolveAnomaly(workspaceId: $ws, id: $id) {
            status
            resolution
          }
        }
      `,
      { ws: admin.workspaceId, id: anomaly!.id },
    );
    expect(resolved.data.resolveAnomaly).toEqual({ status: 'resolved', resolution: 'person' });
  });
});

async function* readEvents(
  response: Response,
): AsyncGenerator<{ data: Record<string, { id: string }> }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('');
      if (data) yield JSON.parse(data);
    }
  }
}

async function subscribe(headers: Record<string, string>, query: string) {
  const address = t.app.server.address() as { port: number } | null;
  if (!address) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as { port: number };
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables: { ws: admin.workspaceId } }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const timeout = setTimeout(() => controller.abort(), 15_000);
  return {
    events: readEvents(response),
    close: () => {
      clearTimeout(timeout);
      controller.abort();
    },
  };
}

describe('subscriptions', () => {
  it('activityLogCreated streams a member the new runs on their own records only', async () => {
    const stream = await subscribe(
      member,
      `subscription ($ws: ID!) { activityLogCreated(workspaceId: $ws) { id owner { id } } }`,
    );
    try {
      const [other, own] = await insertActivity(t.db.pool, admin.workspaceId, [
        { agentId, ownerId: theirs },
        { agentId, ownerId: mine },
      ]);
      for (const id of [other, own]) {
        await publishEvent(t.db.pool, {
          workspaceId: admin.workspaceId,
          type: 'activity_log.created',
          payload: { activityLogId: id, agentConfigId: agentId, status: 'success' },
        });
      }
      const { value } = await stream.events.next();
      expect(value.data.activityLogCreated).toEqual({ id: own, owner: { id: mine } });
    } finally {
      stream.close();
    }
  });

  it('anomalyDetected streams a finding when it fires', async () => {
    const stream = await subscribe(
      admin.auth,
      `subscription ($ws: ID!) { anomalyDetected(workspaceId: $ws) { id rule status } }`,
    );
    try {
      const { anomaly } = await raiseOrRefresh(
        t.db.pool,
        {
          workspaceId: admin.workspaceId,
          rule: 'crm_sync_stale',
          scopeKey: 'connection-1',
          severity: 'warning',
          title: 'Stale',
          data: { value: 60, threshold: 48 },
        },
        { pendingMs: 0, renotifyMs: 3_600_000 },
      );
      const { value } = await stream.events.next();
      expect(value.data.anomalyDetected).toEqual({
        id: anomaly!.id,
        rule: 'crm_sync_stale',
        status: 'active',
      });
    } finally {
      stream.close();
    }
  });
});
