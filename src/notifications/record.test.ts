import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { withTransaction } from '../db/pool.js';
import { EventListener, type WorkspaceEvent } from '../events/bus.js';
import {
  addMember,
  addPushSubscription,
  deliverJobs,
  deliveriesOf,
  installSlack,
  newWorkspace,
} from './fixtures.test-helper.js';
import { updatePreferences } from './preferences.js';
import { recipientsFor } from './recipients.js';
import { recordNotification } from './record.js';

let db: TestDatabase;
let events: EventListener;

beforeAll(async () => {
  db = await createTestDatabase();
  events = new EventListener(db.url);
  await events.start();
});
afterAll(async () => {
  await events.close();
});

describe('recordNotification', () => {
  it('records one notification per recipient and an outbox row per reachable channel by preference', async () => {
    const workspaceId = await newWorkspace(db.pool);
    await installSlack(db.pool, workspaceId);
    const rep = await addMember(db.pool, workspaceId);
    const admin = await addMember(db.pool, workspaceId, 'admin');
    await addPushSubscription(db.pool, workspaceId, rep.userId);
    const heard: WorkspaceEvent[] = [];
    const stop = events.subscribe(workspaceId, (event) => heard.push(event));

    const recorded = await recordNotification(db.pool, {
      workspaceId,
      type: 'approval',
      recipients: [rep.userId, admin.userId],
      title: 'Approve the close date',
      link: '/inbox/1',
      fields: [{ field: 'closeDate', label: 'Close date', before: null, after: '2026-12-31' }],
    });

    expect(recorded.notificationIds).toHaveLength(2);
    const rows = await deliveriesOf(db.pool, workspaceId);
    // Approvals go everywhere by default; push only where the member has a subscription.
    const byUser = (userId: string) =>
      rows.filter((r) => r.recipientUserId === userId).map((r) => `${r.channel}:${r.status}`);
    expect(byUser(rep.userId).sort()).toEqual(['email:pending', 'push:pending', 'slack:pending']);
    expect(byUser(admin.userId).sort()).toEqual(['email:pending', 'slack:pending']);
    expect(rows[0]!.payload).toMatchObject({
      type: 'approval',
      title: 'Approve the close date',
      link: '/inbox/1',
      critical: false,
      fields: [{ field: 'closeDate' }],
    });
    // Each pending row has its job, queued with it.
    const jobs = (await deliverJobs(db.pool)).map((j) => j.deliveryId);
    for (const id of recorded.deliveryIds) expect(jobs).toContain(id);

    await expect.poll(() => heard.filter((e) => e.type === 'notification.created').length).toBe(2);
    expect(heard.find((e) => e.payload.recipientUserId === rep.userId)?.payload).toMatchObject({
      notificationId: expect.any(String),
      inApp: true,
    });
    stop();
  });

  it('gives Slack no row without an install, holds digest types and sends nothing for off', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    await updatePreferences(db.pool, workspaceId, rep.userId, [
      { channel: 'in_app', type: 'agent_run', mode: 'off' },
    ]);
    const recorded = await recordNotification(db.pool, {
      workspaceId,
      type: 'agent_run',
      recipients: [rep.userId],
      title: 'The meeting agent read 3 calls',
    });
    const rows = await deliveriesOf(db.pool, workspaceId);
    // agent_run: email digest by default, Slack off, push off; no install anyway.
    expect(rows.map((r) => `${r.channel}:${r.status}`)).toEqual(['email:held']);
    expect(await deliverJobs(db.pool)).not.toContainEqual(
      expect.objectContaining({ deliveryId: rows[0]!.id }),
    );
    const { rows: notes } = await db.pool.query(
      `select in_app from notifications where id = $1::uuid`,
      [recorded.notificationIds[0]],
    );
    expect(notes[0]).toEqual({ in_app: false });
  });

  it('makes no email rows where there is no SMTP server', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    const recorded = await recordNotification(
      db.pool,
      { workspaceId, type: 'approval', recipients: [rep.userId], title: 'Approve' },
      { email: false },
    );
    expect(recorded.notificationIds).toHaveLength(1);
    expect(await deliveriesOf(db.pool, workspaceId)).toEqual([]);
  });

  it('sends a critical notification at once even where the member chose the digest', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const admin = await addMember(db.pool, workspaceId, 'admin');
    await addPushSubscription(db.pool, workspaceId, admin.userId);
    await updatePreferences(db.pool, workspaceId, admin.userId, [
      { channel: 'email', type: 'anomaly', mode: 'digest' },
    ]);
    await recordNotification(db.pool, {
      workspaceId,
      type: 'anomaly',
      recipients: [admin.userId],
      title: 'Sync failures jumped',
      severity: 'error',
      critical: true,
    });
    const rows = await deliveriesOf(db.pool, workspaceId);
    // Push is off for anomalies by default, but carries critical ones.
    expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual([
      'email:pending',
      'push:pending',
    ]);
  });

  it('is a no-op for a dedupe key already recorded for the recipient', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    const input = {
      workspaceId,
      type: 'expiring' as const,
      recipients: [rep.userId],
      title: 'Expires in an hour',
      critical: true,
      dedupeKey: 'expiring:item-1',
    };
    const first = await recordNotification(db.pool, input);
    const second = await recordNotification(db.pool, input);
    expect(first.notificationIds).toHaveLength(1);
    expect(second).toEqual({ notificationIds: [], deliveryIds: [] });
    expect(await deliveriesOf(db.pool, workspaceId)).toHaveLength(1);
  });

  it('posts once to the alerts channel, and only when the install has one', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const input = {
      workspaceId,
      type: 'skill_result' as const,
      recipients: [],
      title: '12 deals without a next step',
      alertsChannel: true,
      dedupeKey: 'skill:run-1',
    };
    expect(await recordNotification(db.pool, input)).toEqual({
      notificationIds: [],
      deliveryIds: [],
    });
    await installSlack(db.pool, workspaceId, { alertsChannelId: 'C0ALERTS' });
    const first = await recordNotification(db.pool, input);
    await recordNotification(db.pool, input);
    expect(first.deliveryIds).toHaveLength(1);
    const rows = await deliveriesOf(db.pool, workspaceId);
    expect(rows).toMatchObject([
      { channel: 'slack', target: 'C0ALERTS', recipientUserId: null, status: 'pending' },
    ]);
  });

  it('drops recipients who are not members, and leaves nothing when the transaction rolls back', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const other = await newWorkspace(db.pool, 'Other');
    const stranger = await addMember(db.pool, other);
    const rep = await addMember(db.pool, workspaceId);
    expect(
      (
        await recordNotification(db.pool, {
          workspaceId,
          type: 'question',
          recipients: [stranger.userId],
          title: 'Which deal?',
        })
      ).notificationIds,
    ).toEqual([]);

    const before = (await deliverJobs(db.pool)).length;
    await expect(
      withTransaction(db.pool, async (tx) => {
        await recordNotification(tx, {
          workspaceId,
          type: 'question',
          recipients: [rep.userId],
          title: 'Which deal?',
        });
        throw new Error('the producer failed after recording');
      }),
    ).rejects.toThrow('the producer failed');
    expect(await deliveriesOf(db.pool, workspaceId)).toEqual([]);
    expect(await deliverJobs(db.pool)).toHaveLength(before);
  });
});

describe('recipientsFor', () => {
  it('finds a member by id or email, or every admin, and nobody outside the workspace', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    const admin1 = await addMember(db.pool, workspaceId, 'admin');
    const admin2 = await addMember(db.pool, workspaceId, 'admin');
    const outsider = await addMember(db.pool, await newWorkspace(db.pool, 'Elsewhere'));

    expect(await recipientsFor(db.pool, workspaceId, { userId: rep.userId })).toEqual([rep.userId]);
    expect(await recipientsFor(db.pool, workspaceId, { email: rep.email.toUpperCase() })).toEqual([
      rep.userId,
    ]);
    expect((await recipientsFor(db.pool, workspaceId, { admins: true })).sort()).toEqual(
      [admin1.userId, admin2.userId].sort(),
    );
    expect(await recipientsFor(db.pool, workspaceId, { email: outsider.email })).toEqual([]);
    expect(await recipientsFor(db.pool, workspaceId, { userId: outsider.userId })).toEqual([]);
  });
});
