import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../../test/app.js';
import { graphql } from '../../../test/graphql.js';
import { createMeetingWorld, type MeetingWorld } from '../../../test/meetings.js';
import { linkByHand } from '../../conversations/manual-links.js';
import { withTransaction } from '../../db/pool.js';
import { emitLinkedConversations, type FlowEventJob } from '../../flows/triggers/events.js';
import { insertPublishedFlow } from '../../flows/triggers/flows.test-helper.js';
import { handlers } from '../../jobs/handlers.js';

/** A meeting linked by hand starts the flows listening to conversation.linked, once. */
let t: TestApp;
let admin: Tenant;
let w: MeetingWorld;
let flowId: string;
let deal: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  w = await createMeetingWorld(t.db.pool, { workspaceId: admin.workspaceId });
  const account = await w.account({ name: 'Acme', domain: 'acme.com' });
  deal = await w.deal({ name: 'Acme deal', accountId: account });
  flowId = await insertPublishedFlow(t.db.pool, admin.workspaceId, {
    trigger: { type: 'event', event: 'conversation.linked' },
    steps: [
      {
        key: 'deal',
        type: 'set_variable',
        config: { name: 'deal', type: 'string', value: '{{trigger.dealId}}' },
      },
    ],
  });
});

async function dispatchJobs(): Promise<FlowEventJob[]> {
  const { rows } = await t.db.pool.query<{ id: string; payload: FlowEventJob }>(
    `delete from graphile_worker._private_jobs j
     using graphile_worker._private_tasks tk
     where tk.id = j.task_id and tk.identifier = 'flows.dispatch-event'
       and j.payload ->> 'workspaceId' = $1::text
     returning j.id, j.payload`,
    [admin.workspaceId],
  );
  return rows.map((row) => row.payload);
}

/** Works the queued dispatch jobs, as the worker would; the runs of the flow since. */
async function dispatchedRuns() {
  const log = pino({ level: 'silent' });
  for (const job of await dispatchJobs()) {
    await handlers['flows.dispatch-event'](job, { db: t.db.pool, log } as never);
  }
  const { rows } = await t.db.pool.query<{ input: Record<string, unknown> }>(
    `select input from flow_runs where flow_id = $1::uuid order by created_at`,
    [flowId],
  );
  return rows.map((row) => row.input);
}

describe('conversation.linked from a link by hand', () => {
  it('by REST starts the listening flow once, with the meeting and its deal', async () => {
    const { rows } = await t.db.pool.query<{ now: string }>(`select now()::text as now`);
    const meeting = await w.meeting({ title: 'Pricing call', emails: ['x@nowhere.example'] });
    const linked = await t.app.inject({
      method: 'PUT',
      url: `/api/workspaces/${admin.workspaceId}/conversations/${meeting}/link`,
      headers: admin.auth,
      payload: { dealId: deal },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    // The linker's next pass does not announce the person's link a second time.
    expect(await emitLinkedConversations(t.db.pool, admin.workspaceId, rows[0]!.now)).toBe(0);
    expect(await dispatchedRuns()).toEqual([
      {
        event: 'conversation.linked',
        conversationId: meeting,
        dealId: deal,
        accountId: expect.any(String),
        linkMethod: 'manual',
        record: { type: 'deal', id: deal },
      },
    ]);
    // Nothing more queued: one event, one run.
    expect(await dispatchedRuns()).toHaveLength(1);
  });

  it('by GraphQL too, and a link that fails emits nothing', async () => {
    const meeting = await w.meeting({ title: 'Renewal', emails: ['y@nowhere.example'] });
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/workspaces/${admin.workspaceId}/conversations/${meeting}/link`,
      headers: admin.auth,
      payload: { dealId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(refused.statusCode).toBe(404);
    expect(await dispatchJobs()).toEqual([]);

    const answer = await graphql(
      t,
      admin.auth,
      `
        mutation ($ws: ID!, $id: ID!, $deal: ID!) {
          setConversationLink(workspaceId: $ws, conversationId: $id, input: { dealId: $deal }) {
            id
          }
        }
      `,
      { ws: admin.workspaceId, id: meeting, deal },
    );
    expect(answer.errors).toBeUndefined();
    const runs = await dispatchedRuns();
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ conversationId: meeting, linkMethod: 'manual' });
  });

  it("is queued in the link's transaction: a link rolled back starts nothing", async () => {
    const meeting = await w.meeting({ title: 'Kick-off', emails: ['z@nowhere.example'] });
    await expect(
      withTransaction(t.db.pool, async (client) => {
        await linkByHand(client, admin.workspaceId, meeting, { dealId: deal }, null);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await dispatchJobs()).toEqual([]);
    expect((await w.link(meeting)).dealId).toBeNull();
  });
});
