import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { insertAgentInboxItem } from '../../agents/run-store.js';
import { withTransaction } from '../../db/pool.js';
import { createInboxItem } from '../../inbox/items.js';
import { member, noticesOf, sorted, workspace, type TestMember } from './fixtures.test-helper.js';
import { notifyInboxItemCreated } from './inbox-items.js';

let db: TestDatabase;
let ws: string;
let admins: TestMember[];
let rep: TestMember;

beforeAll(async () => {
  db = await createTestDatabase();
  ws = await workspace(db.pool);
  admins = [await member(db.pool, ws, 'admin'), await member(db.pool, ws, 'admin')];
  rep = await member(db.pool, ws, 'member');
});

const fields = [
  {
    field: 'amount',
    crmProperty: 'amount',
    before: 100_000,
    after: 150_000,
    confidence: 0.82,
    quote: 'we agreed on $150,000 a year',
    startSeconds: 31,
  },
  { field: 'dealstage', before: 'qualified', after: 'contractsent' },
];

describe('an inbox item', () => {
  it('notifies its assignee once, in the transaction that creates it, with what would change', async () => {
    const itemId = await withTransaction(db.pool, (tx) =>
      createInboxItem(tx, {
        workspaceId: ws,
        itemType: 'approval',
        source: 'policy',
        title: 'Raise the amount of Acme',
        description: 'A policy holds this change',
        context: { record: { type: 'deal', id: null, crmId: 'D1', name: 'Acme' }, fields },
        assigneeUserId: rep.userId,
      }),
    );
    const notices = (await noticesOf(db.pool, ws, 'approval')).filter(
      (n) => n.inboxItemId === itemId,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientUserId: rep.userId,
      title: 'Raise the amount of Acme',
      link: `/inbox/${itemId}`,
      critical: false,
      severity: 'info',
      dedupeKey: `inbox_item:${itemId}`,
    });
    expect(notices[0]!.body).toContain('Deal: Acme');
    // No action behind it: nothing to edit before approving.
    expect(notices[0]!.data.fields).toEqual([
      {
        field: 'amount',
        label: 'Amount',
        before: 100_000,
        after: 150_000,
        confidence: 0.82,
        quote: 'we agreed on $150,000 a year',
        editable: false,
      },
      {
        field: 'dealstage',
        label: 'Dealstage',
        before: 'qualified',
        after: 'contractsent',
        confidence: null,
        quote: null,
        editable: false,
      },
    ]);

    // Recording it again (a retried hook, a second producer) adds nothing.
    const again = await notifyInboxItemCreated(db.pool, ws, itemId!);
    expect(again?.notificationIds).toEqual([]);
    expect((await noticesOf(db.pool, ws)).filter((n) => n.inboxItemId === itemId)).toHaveLength(1);
  });

  it('is nobody’s news when its transaction rolls back', async () => {
    const before = (await noticesOf(db.pool, ws)).length;
    await expect(
      withTransaction(db.pool, async (tx) => {
        await createInboxItem(tx, {
          workspaceId: ws,
          itemType: 'approval',
          source: 'policy',
          title: 'Never committed',
          assigneeUserId: rep.userId,
        });
        throw new Error('the caller failed after creating it');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await noticesOf(db.pool, ws)).toHaveLength(before);
  });

  it('goes to every admin when unassigned, as a question for a question', async () => {
    const itemId = await createInboxItem(db.pool, {
      workspaceId: ws,
      itemType: 'question',
      source: 'agent',
      title: 'Which deal was "Pricing call" about?',
      context: { meeting: { id: 'm1', title: 'Pricing call' }, question: 'Which deal?' },
    });
    const notices = (await noticesOf(db.pool, ws, 'question')).filter(
      (n) => n.inboxItemId === itemId,
    );
    expect(sorted(notices.map((n) => n.recipientUserId))).toEqual(
      sorted(admins.map((a) => a.userId)),
    );
    expect(notices[0]!.body).toContain('Meeting: Pricing call');
  });

  it('goes to the admins when its assignee left the workspace', async () => {
    const gone = await member(db.pool, ws, 'member');
    await db.pool.query(`delete from memberships where user_id = $1::uuid`, [gone.userId]);
    const itemId = await createInboxItem(db.pool, {
      workspaceId: ws,
      itemType: 'approval',
      source: 'policy',
      title: 'For someone who left',
      assigneeUserId: gone.userId,
    });
    const notices = (await noticesOf(db.pool, ws)).filter((n) => n.inboxItemId === itemId);
    expect(sorted(notices.map((n) => n.recipientUserId))).toEqual(
      sorted(admins.map((a) => a.userId)),
    );
  });

  it('leaves an alert to the anomalies producer', async () => {
    const itemId = await createInboxItem(db.pool, {
      workspaceId: ws,
      itemType: 'alert',
      source: 'anomaly',
      title: 'Something is off',
    });
    expect((await noticesOf(db.pool, ws)).filter((n) => n.inboxItemId === itemId)).toEqual([]);
  });

  it('from an agent run: editable fields with their labels, and a refreshed item is not news again', async () => {
    const { rows } = await db.pool.query<{ id: string }>(
      `with c as (insert into connections (workspace_id, crm_type, name, status)
                  values ($1::uuid, 'hubspot', 'CRM', 'connected') returning id),
            a as (insert into agent_configs (workspace_id, connection_id, name)
                  select $1::uuid, id, 'Updater' from c returning id),
            l as (insert into activity_logs (workspace_id, agent_config_id, action_type, status,
                                             trigger)
                  select $1::uuid, id, 'update', 'pending', 'manual' from a returning id)
       select id from l`,
      [ws],
    );
    const { rows: actions } = await db.pool.query<{ id: string }>(
      `insert into actions (workspace_id, action_type, severity, title, target_type,
                            target_source_id, source_type)
       values ($1::uuid, 'update_field', 'info', 'Update', 'deal', 'D2', 'agent') returning id`,
      [ws],
    );
    const item = {
      itemType: 'approval' as const,
      assigneeUserId: rep.userId,
      title: 'One field of Acme from "Pricing call"',
      description: 'Updater proposes close_date',
      context: {
        meeting: { id: 'm2', title: 'Pricing call', startedAt: '2026-12-01T15:00:00Z' },
        record: { type: 'deal' as const, id: 'd2', crmId: 'D2', name: 'Acme', connectionId: null },
        agent: { id: 'a', name: 'Updater' },
        fields: [
          {
            field: 'close_date',
            crmProperty: 'closedate',
            before: null,
            after: '2027-03-31',
            confidence: 0.7,
            quote: 'We will sign by March 31',
            startSeconds: 4,
          },
        ],
      },
      confidence: 0.7,
      activityLogId: rows[0]!.id,
      actionId: actions[0]!.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    const first = await withTransaction(db.pool, (tx) => insertAgentInboxItem(tx, ws, item));
    const second = await withTransaction(db.pool, (tx) =>
      insertAgentInboxItem(tx, ws, { ...item, title: 'Refreshed by a re-run' }),
    );
    expect(second).toMatchObject({ id: first.id, created: false });
    const notices = (await noticesOf(db.pool, ws)).filter((n) => n.inboxItemId === first.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'approval',
      recipientUserId: rep.userId,
      activityLogId: rows[0]!.id,
    });
    expect(notices[0]!.data.fields).toEqual([
      expect.objectContaining({ field: 'close_date', label: 'Close date', editable: true }),
    ]);
  });
});
