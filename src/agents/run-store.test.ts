import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createMeetingWorld, type MeetingWorld } from '../../test/meetings.js';
import { proposeAction } from '../actions/store.js';
import { withTransaction } from '../db/pool.js';
import {
  findLinkedRun,
  insertActivityLog,
  insertAgentInboxItem,
  settleActivityLog,
  type NewActivityLog,
  type NewAgentInboxItem,
} from './run-store.js';

let db: TestDatabase;
let world: MeetingWorld;
let other: MeetingWorld;
let agentId: string;
let dealId: string;
let listener: pg.Client;
const events: { type: string; workspaceId: string; payload: Record<string, unknown> }[] = [];

async function agentConfig(workspaceId: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    `with c as (insert into connections (workspace_id, crm_type, name, status)
                values ($1::uuid, 'hubspot', 'CRM', 'connected') returning id)
     insert into agent_configs (workspace_id, connection_id, name, status)
     select $1::uuid, c.id, 'Deal updater', 'active' from c returning id`,
    [workspaceId],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createMeetingWorld(db.pool);
  other = await createMeetingWorld(db.pool);
  agentId = await agentConfig(world.workspaceId);
  dealId = await world.deal({ name: 'Acme renewal' });
  listener = new pg.Client({ connectionString: db.url });
  await listener.connect();
  listener.on('notification', (message) => events.push(JSON.parse(message.payload!)));
  await listener.query('listen pandora_events');
});
afterAll(async () => listener.end());

/** Events delivered so far (NOTIFY arrives asynchronously after the commit). */
async function delivered(count: number) {
  for (let i = 0; i < 100 && events.length < count; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return events.splice(0, events.length);
}

function run(conversationId: string, overrides: Partial<NewActivityLog> = {}): NewActivityLog {
  return {
    agentConfigId: agentId,
    conversationId,
    ownerId: null,
    trigger: 'linked',
    crmRecordType: 'deal',
    crmRecordId: 'hs-1',
    dealId,
    actionType: 'update',
    fieldsUpdated: {
      amount: {
        before: 100,
        after: 150_000,
        confidence: 0.934,
        quote: '150k a year',
        startSeconds: 61,
        decision: 'auto_apply',
        status: 'pending',
        crmProperty: 'amount',
      },
      close_date: {
        before: null,
        after: '2027-03-31',
        confidence: 0.7,
        quote: 'sign by the end of March',
        startSeconds: 90,
        decision: 'inbox',
        status: 'pending',
        crmProperty: 'closedate',
      },
    },
    matchConfidence: 0.95,
    overallConfidence: 0.817,
    status: 'pending',
    shadow: false,
    actionId: null,
    warnings: [],
    errorMessage: null,
    ...overrides,
  };
}

describe('activity rows', () => {
  it('records an automatic run once per agent and meeting, manual runs every time', async () => {
    const meeting = await world.meeting({ emails: ['buyer@acme.com'] });
    const first = await insertActivityLog(db.pool, world.workspaceId, run(meeting));
    expect(first).toMatchObject({
      status: 'pending',
      matchConfidence: 0.95,
      overallConfidence: 0.82,
      trigger: 'linked',
    });
    expect(await insertActivityLog(db.pool, world.workspaceId, run(meeting))).toBeNull();
    expect((await findLinkedRun(db.pool, world.workspaceId, agentId, meeting))?.id).toBe(first!.id);
    const manual = run(meeting, { trigger: 'manual' });
    expect(await insertActivityLog(db.pool, world.workspaceId, manual)).not.toBeNull();
    expect(await insertActivityLog(db.pool, world.workspaceId, manual)).not.toBeNull();
    const { rows } = await db.pool.query(
      `select trigger from activity_logs where conversation_id = $1::uuid order by trigger`,
      [meeting],
    );
    expect(rows.map((row) => row.trigger)).toEqual(['linked', 'manual', 'manual']);
    const published = await delivered(3);
    expect(published.filter((e) => e.type === 'activity_log.created')).toHaveLength(3);
    expect(published[0]).toMatchObject({
      workspaceId: world.workspaceId,
      payload: { activityLogId: first!.id, agentConfigId: agentId, status: 'pending' },
    });
  });

  it('settles a run: merges field entries, publishes only a change of status', async () => {
    const meeting = await world.meeting({ emails: ['cfo@acme.com'] });
    const row = (await insertActivityLog(db.pool, world.workspaceId, run(meeting)))!;
    await delivered(1);
    const settled = await settleActivityLog(db.pool, world.workspaceId, row.id, {
      status: 'failed',
      fields: { amount: { status: 'failed' } },
      errorMessage: 'HubSpot answered 503',
    });
    expect(settled.status).toBe('failed');
    expect(settled.errorMessage).toBe('HubSpot answered 503');
    expect(settled.fieldsUpdated.amount).toMatchObject({ status: 'failed', after: 150_000 });
    expect(settled.fieldsUpdated.close_date).toMatchObject({ status: 'pending' });
    // Same status again: the row changes, no event.
    await settleActivityLog(db.pool, world.workspaceId, row.id, {
      status: 'failed',
      errorMessage: 'HubSpot answered 503 again',
    });
    const recovered = await settleActivityLog(db.pool, world.workspaceId, row.id, {
      status: 'success',
      fields: { amount: { status: 'applied' } },
      errorMessage: null,
    });
    expect(recovered).toMatchObject({ status: 'success', errorMessage: null });
    const published = await delivered(2);
    expect(published.map((e) => [e.type, e.payload.status])).toEqual([
      ['activity_log.updated', 'failed'],
      ['activity_log.updated', 'success'],
    ]);
  });

  it("refuses another workspace's run as not found", async () => {
    const meeting = await world.meeting({ emails: ['it@acme.com'] });
    const row = (await insertActivityLog(db.pool, world.workspaceId, run(meeting)))!;
    await expect(
      settleActivityLog(db.pool, other.workspaceId, row.id, { status: 'success' }),
    ).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await delivered(1);
  });
});

describe('agent inbox items', () => {
  it('keeps one pending item per action: a re-run refreshes it, without a second event', async () => {
    const meeting = await world.meeting({ emails: ['vp@acme.com'] });
    const row = (await insertActivityLog(db.pool, world.workspaceId, run(meeting)))!;
    const { action } = await proposeAction(db.pool, world.workspaceId, {
      actionType: 'update_field',
      severity: 'info',
      title: 'Close date from the call',
      targetType: 'deal',
      targetSourceId: 'hs-1',
      sourceType: 'agent',
      sourceId: agentId,
      dedupeKey: `agent:${agentId}:conversation:${meeting}:inbox`,
    });
    const item = (confidence: number): NewAgentInboxItem => ({
      itemType: 'approval',
      assigneeUserId: null,
      title: 'Close date for Acme renewal',
      description: null,
      context: {
        meeting: { id: meeting, title: 'Call', startedAt: new Date().toISOString() },
        record: {
          type: 'deal',
          id: dealId,
          crmId: 'hs-1',
          name: 'Acme renewal',
          connectionId: null,
        },
        agent: { id: agentId, name: 'Deal updater' },
        fields: [],
      },
      confidence,
      activityLogId: row.id,
      actionId: action.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const first = await withTransaction(db.pool, (tx) =>
      insertAgentInboxItem(tx, world.workspaceId, item(0.7)),
    );
    const again = await insertAgentInboxItem(db.pool, world.workspaceId, item(0.75));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: first.id, created: false });
    const { rows } = await db.pool.query(
      `select confidence::float8 as confidence from inbox_items where action_id = $1::uuid`,
      [action.id],
    );
    expect(rows).toEqual([{ confidence: 0.75 }]);
    const published = await delivered(2);
    expect(published.map((e) => e.type)).toEqual(['activity_log.created', 'inbox_item.created']);
    expect(published[1]!.payload).toEqual({ inboxItemId: first.id, assigneeUserId: null });
  });
});
