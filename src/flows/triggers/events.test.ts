import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRecords } from '../../../test/records.js';
import { withTransaction } from '../../db/pool.js';
import { upsertDeals } from '../../ingest/sync/upserts.js';
import { handlers } from '../../jobs/handlers.js';
import { createUser } from '../../tenancy/users.js';
import { testServices } from '../engine/fixtures.test-helper.js';
import { runFlow } from '../engine/runner.js';
import { getFlowRun, startFlowRun } from '../engine/runs.js';
import type { FlowDefinition } from '../types.js';
import {
  dispatchFlowEvent,
  emitFlowEvent,
  emitFlowEvents,
  matchesFilter,
  type FlowEventJob,
} from './events.js';
import { insertPublishedFlow } from './flows.test-helper.js';
import { recordInScope } from './scope.js';

const log = pino({ level: 'silent' });

const onStage = (filter?: Record<string, string>): FlowDefinition => ({
  trigger: { type: 'event', event: 'deal.stage_changed', ...(filter ? { filter } : {}) },
  steps: [{ key: 'mark', type: 'set_variable', config: { name: 'x', type: 'number', value: 1 } }],
});

describe('flow events', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });

  async function queued(workspaceId: string) {
    const { rows } = await db.pool.query<{ payload: FlowEventJob }>(
      `select j.payload from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id
       where t.identifier = 'flows.dispatch-event' and j.payload ->> 'workspaceId' = $1::text`,
      [workspaceId],
    );
    return rows.map((row) => row.payload);
  }

  it('queues nothing when no published flow listens', async () => {
    const { workspaceId } = await createRecords(db.pool, 'Events');
    // Another event type, and a draft that is not published, do not listen.
    await insertPublishedFlow(db.pool, workspaceId, {
      ...onStage(),
      trigger: { type: 'event', event: 'anomaly.raised' },
    });
    await insertPublishedFlow(db.pool, workspaceId, onStage(), { status: 'archived' });
    expect(await emitFlowEvent(db.pool, workspaceId, 'deal.stage_changed', { dealId: 'x' })).toBe(
      false,
    );
    expect(await queued(workspaceId)).toEqual([]);
  });

  it('queues the dispatch in the producer transaction: nothing when it rolls back', async () => {
    const { workspaceId } = await createRecords(db.pool, 'Events');
    await insertPublishedFlow(db.pool, workspaceId, onStage());
    await withTransaction(db.pool, async (client) => {
      await emitFlowEvent(client, workspaceId, 'deal.stage_changed', { toStage: 'lost' });
      await client.query('rollback; begin');
    });
    expect(await queued(workspaceId)).toEqual([]);
    await emitFlowEvents(db.pool, workspaceId, 'deal.stage_changed', [
      { toStage: 'negotiation' },
      { toStage: 'won' },
    ]);
    const jobs = await queued(workspaceId);
    expect(jobs.map((job) => job.payload.toStage).sort()).toEqual(['negotiation', 'won']);
    expect(new Set(jobs.map((job) => job.eventId)).size).toBe(2);
  });

  it('starts each matching flow once, with the event as its trigger input', async () => {
    const { workspaceId } = await createRecords(db.pool, 'Events');
    const any = await insertPublishedFlow(db.pool, workspaceId, onStage());
    const negotiation = await insertPublishedFlow(
      db.pool,
      workspaceId,
      onStage({ toStage: 'negotiation' }),
    );
    const won = await insertPublishedFlow(db.pool, workspaceId, onStage({ toStage: 'won' }));
    const job: FlowEventJob = {
      workspaceId,
      eventId: '00000000-0000-4000-8000-000000000001',
      event: 'deal.stage_changed',
      payload: { dealId: 'd1', toStage: 'negotiation' },
      at: '2026-12-03T10:00:00.000Z',
    };
    const deps = { startRun: startFlowRun, inScope: recordInScope, log };
    const first = await dispatchFlowEvent(db.pool, deps, job);
    expect(first.started).toHaveLength(2);
    expect(first.skipped).toEqual([{ flowId: won, reason: 'filter' }]);
    const { rows } = await db.pool.query<{ flowId: string; input: unknown; trigger: unknown }>(
      `select flow_id as "flowId", input, trigger from flow_runs where workspace_id = $1::uuid
       order by flow_id`,
      [workspaceId],
    );
    expect(rows.map((row) => row.flowId).sort()).toEqual([any, negotiation].sort());
    expect(rows[0]).toMatchObject({
      input: { event: 'deal.stage_changed', dealId: 'd1', toStage: 'negotiation' },
      trigger: { type: 'event', event: 'deal.stage_changed', eventId: job.eventId },
    });

    // The job run again (its worker died after the commit) starts nothing more.
    const again = await dispatchFlowEvent(db.pool, deps, job);
    expect(again.started).toEqual([]);
    const { rows: count } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from flow_runs where workspace_id = $1::uuid`,
      [workspaceId],
    );
    expect(count[0]!.n).toBe(2);
  });

  it("starts a member's automation only for a record they own", async () => {
    const records = await createRecords(db.pool, 'Events');
    const { workspaceId } = records;
    const email = `ev-${Date.now()}@example.com`;
    const member = await createUser(db.pool, {
      email,
      name: 'Rep',
      password: 'correct horse battery',
    });
    // The member's deal is one whose CRM owner has their email (any case); the other is a colleague's.
    const mine = (
      await records.deal({
        name: 'Mine',
        ownerId: await records.owner({ name: 'Rep', email: email.toUpperCase() }),
      })
    ).id;
    const theirs = (
      await records.deal({
        name: 'Theirs',
        ownerId: await records.owner({ name: 'Other', email: 'other@example.com' }),
      })
    ).id;
    const automation = await insertPublishedFlow(db.pool, workspaceId, onStage(), {
      kind: 'automation',
      userId: member.id,
    });
    const deps = { startRun: startFlowRun, inScope: recordInScope, log };
    const event = (n: number, payload: FlowEventJob['payload']): FlowEventJob => ({
      workspaceId,
      eventId: `00000000-0000-4000-8000-00000000010${n}`,
      event: 'deal.stage_changed',
      payload,
      at: '2026-12-03T10:00:00.000Z',
    });
    expect(
      (await dispatchFlowEvent(db.pool, deps, event(1, { record: { type: 'deal', id: theirs } })))
        .skipped,
    ).toEqual([{ flowId: automation, reason: 'not_owned' }]);
    expect((await dispatchFlowEvent(db.pool, deps, event(2, { toStage: 'won' }))).skipped).toEqual([
      { flowId: automation, reason: 'no_record' },
    ]);
    const started = await dispatchFlowEvent(
      db.pool,
      deps,
      event(3, { record: { type: 'deal', id: mine } }),
    );
    expect(started.started).toHaveLength(1);
    const { rows } = await db.pool.query<{ scope: string }>(
      `select scope_user_id as scope from flow_runs where flow_id = $1::uuid`,
      [automation],
    );
    expect(rows).toEqual([{ scope: member.id }]);
  });

  it('filters on top-level equality', () => {
    expect(matchesFilter(undefined, { a: 1 })).toBe(true);
    expect(matchesFilter({ a: 1, b: 'x' }, { a: 1, b: 'x', c: true })).toBe(true);
    expect(matchesFilter({ a: 1 }, { a: '1' })).toBe(false);
    expect(matchesFilter({ a: 1 }, {})).toBe(false);
  });
});

describe('an event, end to end', () => {
  it('a deal moved by a sync runs the flow listening for that stage, with the deal in {{trigger}}', async () => {
    const db = await createTestDatabase();
    const records = await createRecords(db.pool, 'Events');
    const ws = records.workspaceId;
    const flowId = await insertPublishedFlow(db.pool, ws, {
      trigger: {
        type: 'event',
        event: 'deal.stage_changed',
        filter: { toStageNormalized: 'negotiation' },
      },
      steps: [
        {
          key: 'deal',
          type: 'set_variable',
          config: { name: 'deal', type: 'string', value: '{{trigger.record.id}}' },
        },
      ],
    });
    const row = (stage: string, normalized: string, at: string) => ({
      sourceId: 'd1',
      accountSourceId: null,
      ownerSourceId: null,
      name: 'Acme',
      amount: null,
      closeDate: null,
      pipeline: null,
      stage,
      stageNormalized: normalized,
      probability: null,
      forecastCategory: null,
      nextStep: null,
      lastActivityAt: null,
      createdAt: null,
      modifiedAt: at,
      sourceData: {},
    });
    await upsertDeals(db.pool, ws, 'hubspot', [
      row('qualified', 'discovery', '2026-12-01T00:00:00Z'),
    ]);
    await upsertDeals(db.pool, ws, 'hubspot', [
      row('contractsent', 'negotiation', '2026-12-02T00:00:00Z'),
    ]);
    const { rows: jobs } = await db.pool.query<{ payload: FlowEventJob }>(
      `select j.payload from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id
       where t.identifier = 'flows.dispatch-event' and j.payload ->> 'workspaceId' = $1::text`,
      [ws],
    );
    expect(jobs).toHaveLength(1);
    await handlers['flows.dispatch-event'](jobs[0]!.payload, { db: db.pool, log } as never);
    const { rows: runs } = await db.pool.query<{ id: string }>(
      `select id from flow_runs where flow_id = $1::uuid`,
      [flowId],
    );
    expect(runs).toHaveLength(1);
    await runFlow(testServices(db.pool), ws, runs[0]!.id);
    const run = await getFlowRun(db.pool, ws, runs[0]!.id);
    const { rows: deals } = await db.pool.query<{ id: string }>(
      `select id from deals where workspace_id = $1::uuid`,
      [ws],
    );
    expect(run).toMatchObject({ status: 'completed' });
    expect(run!.steps[0]!.output).toMatchObject({ value: deals[0]!.id });
  });
});
