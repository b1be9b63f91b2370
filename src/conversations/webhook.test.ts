import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  TEST_SECRET_KEY,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { createConnection } from '../tenancy/connections.js';
import { signDelivery } from './webhook.js';

/**
 * The signed inbound webhook, end to end through the app: only a delivery signed with
 * the source's current secret, within the time window, is stored; a replay stores
 * nothing twice; the refusals say nothing about other workspaces.
 */
let t: TestApp;
let admin: Tenant;
let source: { id: string; secret: string };

async function createWebhookSource(tenant: Tenant, name = 'Recorder') {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/workspaces/${tenant.workspaceId}/conversation-sources/webhook`,
    headers: tenant.auth,
    payload: { name },
  });
  expect(response.statusCode).toBe(201);
  const body = response.json();
  return { id: body.source.id as string, secret: body.signingSecret as string, body };
}

function meeting(overrides: Record<string, unknown> = {}) {
  return {
    id: 'rec-1',
    title: 'Discovery call with Acme',
    startedAt: '2026-11-30T15:00:00.000Z',
    duration: 1800,
    participants: [
      { email: 'Rep@Seller.example', name: 'Rita Rep' },
      { email: 'buyer@acme.example', name: 'Bob Buyer' },
    ],
    transcript: 'Rita Rep: Hello\nBob Buyer: Hi',
    ...overrides,
  };
}

function deliver(
  id: string,
  body: unknown,
  sign: { secret?: string; timestamp?: number; signature?: string } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = sign.signature ?? signDelivery(sign.secret ?? source.secret, timestamp, raw);
  return t.app.inject({
    method: 'POST',
    url: `/api/hooks/conversations/${id}`,
    headers: {
      'content-type': 'application/json',
      'x-pandora-timestamp': String(timestamp),
      'x-pandora-signature': signature,
    },
    payload: raw,
  });
}

async function queuedLinks(workspaceId: string): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'conversations.link' and payload->>'workspaceId' = $1::text`,
    [workspaceId],
  );
  return rows[0]!.n;
}

async function storedMeetings(workspaceId: string) {
  const { rows } = await t.db.pool.query(
    `select source, source_id as "sourceId", connection_id as "connectionId", title,
            duration_seconds as "durationSeconds", participants, transcript
     from conversations where workspace_id = $1::uuid order by source_id`,
    [workspaceId],
  );
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  const created = await createWebhookSource(admin);
  source = { id: created.id, secret: created.secret };
});

describe('webhook sources', () => {
  it('shows the signing secret once, where to post, and never again', async () => {
    const created = await createWebhookSource(admin, 'Once');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.body.webhookUrl).toBe(`/api/hooks/conversations/${created.id}`);
    expect(created.body.source).toMatchObject({
      sourceType: 'webhook',
      status: 'connected',
      authMethod: 'signing_secret',
      hasCredentials: true,
    });
    const read = await t.app.inject({
      url: `/api/workspaces/${admin.workspaceId}/conversation-sources/${created.id}`,
      headers: admin.auth,
    });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(created.secret);
  });

  it('lets only admins add one', async () => {
    const member = await apiKeyAuth(t, admin, 'member');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/conversation-sources/webhook`,
      headers: member,
      payload: { name: 'Nope' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /api/hooks/conversations/:connectionId', () => {
  it('stores a signed meeting once, queues the linker, and answers a replay as a duplicate', async () => {
    expect(await queuedLinks(admin.workspaceId)).toBe(0);
    const first = await deliver(source.id, meeting());
    expect(await queuedLinks(admin.workspaceId)).toBe(1);
    await t.db.pool.query('delete from graphile_worker._private_jobs');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ duplicate: false, updated: false });
    const again = await deliver(source.id, meeting());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), duplicate: true });
    // Nothing changed, so nothing to link again.
    expect(await queuedLinks(admin.workspaceId)).toBe(0);

    const stored = await storedMeetings(admin.workspaceId);
    expect(stored).toEqual([
      {
        source: 'webhook',
        sourceId: `${source.id}:rec-1`,
        connectionId: source.id,
        title: 'Discovery call with Acme',
        durationSeconds: 1800,
        participants: [
          {
            email: 'rep@seller.example',
            name: 'Rita Rep',
            isInternal: false,
            affiliation: 'unknown',
          },
          {
            email: 'buyer@acme.example',
            name: 'Bob Buyer',
            isInternal: false,
            affiliation: 'unknown',
          },
        ],
        transcript: 'Rita Rep: Hello\nBob Buyer: Hi',
      },
    ]);
    const { rows: runs } = await t.db.pool.query(
      `select trigger, status, counts from sync_runs where connection_id = $1::uuid
       order by started_at`,
      [source.id],
    );
    expect(runs.map((run) => run.trigger)).toEqual(['webhook', 'webhook']);
    expect(runs[1].counts.conversations).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('updates the meeting when the sender sends it again changed', async () => {
    await deliver(source.id, meeting({ id: 'rec-2' }));
    const changed = await deliver(source.id, meeting({ id: 'rec-2', title: 'Renamed' }));
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ duplicate: false, updated: true });
    const newTranscript = await deliver(
      source.id,
      meeting({ id: 'rec-2', title: 'Renamed', transcript: 'Rita Rep: Bye' }),
    );
    expect(newTranscript.json()).toMatchObject({ duplicate: false, updated: true });
    // A copy without the transcript keeps the one sent before.
    const withoutTranscript = await deliver(
      source.id,
      meeting({ id: 'rec-2', title: 'Renamed', transcript: undefined }),
    );
    expect(withoutTranscript.json()).toMatchObject({ duplicate: true });
    const { rows } = await t.db.pool.query(
      `select title, transcript from conversations where source_id = $1::text`,
      [`${source.id}:rec-2`],
    );
    expect(rows).toEqual([{ title: 'Renamed', transcript: 'Rita Rep: Bye' }]);
  });

  it('refuses a wrong signature, a wrong secret and a missing one, storing nothing', async () => {
    const before = await storedMeetings(admin.workspaceId);
    const body = meeting({ id: 'forged' });
    const wrongHex = await deliver(source.id, body, { signature: `sha256=${'0'.repeat(64)}` });
    expect(wrongHex.statusCode).toBe(401);
    expect(wrongHex.json().error.code).toBe('signature_mismatch');
    const otherSecret = await deliver(source.id, body, { secret: 'whsec_not-the-secret' });
    expect(otherSecret.statusCode).toBe(401);
    const truncated = await deliver(source.id, body, { signature: 'sha256=abc' });
    expect(truncated.statusCode).toBe(401);

    // A body changed after signing: the signature covered the original bytes.
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = JSON.stringify(body);
    const tampered = await t.app.inject({
      method: 'POST',
      url: `/api/hooks/conversations/${source.id}`,
      headers: {
        'content-type': 'application/json',
        'x-pandora-timestamp': String(timestamp),
        'x-pandora-signature': signDelivery(source.secret, timestamp, signed),
      },
      payload: signed.replace('Discovery', 'Forged'),
    });
    expect(tampered.statusCode).toBe(401);

    const unsigned = await t.app.inject({
      method: 'POST',
      url: `/api/hooks/conversations/${source.id}`,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe('signature_missing');
    expect(await storedMeetings(admin.workspaceId)).toEqual(before);
  });

  it('refuses a timestamp more than five minutes off, even when signed, and one re-signed under an old signature', async () => {
    const body = meeting({ id: 'old' });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 360;
    const old = await deliver(source.id, body, { timestamp: sixMinutesAgo });
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('timestamp_out_of_window');
    const future = await deliver(source.id, body, { timestamp: sixMinutesAgo + 720 });
    expect(future.statusCode).toBe(401);
    // A captured old delivery with a fresh timestamp header: the signature covers the timestamp.
    const raw = JSON.stringify(body);
    const replayed = await deliver(source.id, body, {
      signature: signDelivery(source.secret, sixMinutesAgo, raw),
    });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('signature_mismatch');
    const fourMinutesAgo = Math.floor(Date.now() / 1000) - 240;
    expect((await deliver(source.id, body, { timestamp: fourMinutesAgo })).statusCode).toBe(201);
  });

  it('answers the same 404 for an unknown id, a CRM connection and a source of another kind', async () => {
    const crm = await createConnection(t.db.pool, TEST_SECRET_KEY, {
      workspaceId: admin.workspaceId,
      crmType: 'hubspot',
      name: 'CRM',
      credentials: { accessToken: 'x' },
    });
    const answers = [];
    for (const id of [randomUUID(), crm.id, 'not-a-uuid']) {
      const response = await deliver(id, meeting({ id: 'x' }));
      answers.push([response.statusCode, response.json()]);
    }
    expect(answers).toEqual(
      Array(3).fill([404, { error: expect.objectContaining({ code: 'not_found' }) }]),
    );
    expect(new Set(answers.map(([, body]) => JSON.stringify(body))).size).toBe(1);
  });

  it('names the field a signed but invalid meeting gets wrong, storing nothing', async () => {
    const { title: _title, ...noTitle } = meeting({ id: 'bad' });
    const missing = await deliver(source.id, noTitle);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: 'body.title', message: 'is required' }]);
    const badEmail = await deliver(
      source.id,
      meeting({ id: 'bad', participants: [{ email: 'nobody' }] }),
    );
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.details[0].field).toBe('body.participants.0.email');
    const badDate = await deliver(source.id, meeting({ id: 'bad', startedAt: 'yesterday' }));
    expect(badDate.json().error.details[0].field).toBe('body.startedAt');
    const notJson = await deliver(source.id, '{"id": ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('malformed_json');
    const { rows } = await t.db.pool.query(
      `select count(*)::int as n from conversations where source_id like '%:bad'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('stops accepting the old secret once rotated', async () => {
    const own = await createWebhookSource(admin, 'Rotating');
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/conversation-sources/${own.id}/rotate-secret`,
      headers: admin.auth,
    });
    expect(rotated.statusCode).toBe(200);
    const newSecret = rotated.json().signingSecret as string;
    expect(newSecret).not.toBe(own.secret);
    const withOld = await deliver(own.id, meeting({ id: 'r' }), { secret: own.secret });
    expect(withOld.statusCode).toBe(401);
    const withNew = await deliver(own.id, meeting({ id: 'r' }), { secret: newSecret });
    expect(withNew.statusCode).toBe(201);
  });

  it("leaves every other route's JSON parsing alone", async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/workspaces/${admin.workspaceId}/conversation-sources/${source.id}`,
      headers: admin.auth,
      payload: { name: 'Renamed recorder' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().source.name).toBe('Renamed recorder');
  });
});

describe('webhook rate limit', () => {
  it('spends the same per-address budget as the rest of the API', async () => {
    const limited = await createTestApp({ apiRateLimit: 3 });
    const tenant = await createTenant(limited);
    const created = await limited.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/conversation-sources/webhook`,
      headers: tenant.auth,
      payload: { name: 'Limited' },
    });
    const { source: made, signingSecret } = created.json();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const raw = JSON.stringify(meeting({ id: `limited-${i}` }));
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await limited.app.inject({
        method: 'POST',
        url: `/api/hooks/conversations/${made.id}`,
        headers: {
          'content-type': 'application/json',
          'x-pandora-timestamp': String(timestamp),
          'x-pandora-signature': signDelivery(signingSecret, timestamp, raw),
        },
        payload: raw,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
