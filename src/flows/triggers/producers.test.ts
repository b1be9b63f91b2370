import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRecords, type Records } from '../../../test/records.js';
import { proposeAction } from '../../actions/store.js';
import { insertActivityLog } from '../../agents/run-store.js';
import { raiseOrRefresh } from '../../anomalies/store.js';
import { settleItems } from '../../inbox/resolve.js';
import { upsertDeals, type DealRowInput } from '../../ingest/sync/upserts.js';
import type { FlowEventType } from '../types.js';
import type { FlowEventJob } from './events.js';
import { emitLinkedConversations } from './events.js';
import { insertPublishedFlow } from './flows.test-helper.js';

// Each producer emits its event in its own statements; these check what a listening
// flow would be handed, through the dispatch jobs queued.
describe('flow event producers', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });

  async function listen(records: Records, event: FlowEventType) {
    await insertPublishedFlow(db.pool, records.workspaceId, {
      trigger: { type: 'event', event },
      steps: [
        { key: 'mark', type: 'set_variable', config: { name: 'x', type: 'number', value: 1 } },
      ],
    });
  }

  async function events(workspaceId: string, event: FlowEventType) {
    const { rows } = await db.pool.query<{ payload: FlowEventJob }>(
      `select j.payload from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id
       where t.identifier = 'flows.dispatch-event' and j.payload ->> 'workspaceId' = $1::text
         and j.payload ->> 'event' = $2::text
       order by j.id`,
      [workspaceId, event],
    );
    return rows.map((row) => row.payload.payload);
  }

  const dealRow = (sourceId: string, stage: string, modifiedAt: string): DealRowInput => ({
    sourceId,
    accountSourceId: null,
    ownerSourceId: null,
    name: `Deal ${sourceId}`,
    amount: null,
    closeDate: null,
    pipeline: null,
    stage,
    stageNormalized: stage === 'contractsent' ? 'negotiation' : 'discovery',
    probability: null,
    forecastCategory: null,
    nextStep: null,
    lastActivityAt: null,
    createdAt: null,
    modifiedAt,
    sourceData: {},
  });

  it('a sync that moves a deal emits deal.stage_changed (a new deal does not)', async () => {
    const records = await createRecords(db.pool, 'Producers');
    await listen(records, 'deal.stage_changed');
    const ws = records.workspaceId;
    await upsertDeals(db.pool, ws, 'hubspot', [dealRow('d1', 'qualified', '2026-12-01T00:00:00Z')]);
    expect(await events(ws, 'deal.stage_changed')).toEqual([]);
    await upsertDeals(db.pool, ws, 'hubspot', [
      dealRow('d1', 'contractsent', '2026-12-02T00:00:00Z'),
    ]);
    const { rows } = await db.pool.query<{ id: string }>(
      `select id from deals where workspace_id = $1::uuid and source_id = 'd1'`,
      [ws],
    );
    expect(await events(ws, 'deal.stage_changed')).toEqual([
      {
        dealId: rows[0]!.id,
        fromStage: 'qualified',
        toStage: 'contractsent',
        toStageNormalized: 'negotiation',
        record: { type: 'deal', id: rows[0]!.id },
      },
    ]);
  });

  it('a sync emits nothing when no flow listens', async () => {
    const records = await createRecords(db.pool, 'Producers');
    const ws = records.workspaceId;
    await upsertDeals(db.pool, ws, 'hubspot', [dealRow('d1', 'qualified', '2026-12-01T00:00:00Z')]);
    await upsertDeals(db.pool, ws, 'hubspot', [dealRow('d1', 'won', '2026-12-02T00:00:00Z')]);
    expect(await events(ws, 'deal.stage_changed')).toEqual([]);
  });

  it('a new action emits action.created with its target record; a refresh does not', async () => {
    const records = await createRecords(db.pool, 'Producers');
    await listen(records, 'action.created');
    const ws = records.workspaceId;
    const deal = await records.deal({ name: 'Acme renewal' });
    const propose = () =>
      proposeAction(db.pool, ws, {
        actionType: 'update_field',
        severity: 'warning',
        title: 'Close date passed',
        targetType: 'deal',
        targetSourceId: deal.sourceId,
        targetEntityId: deal.id,
        targetName: 'Acme renewal',
        sourceType: 'skill',
        dedupeKey: `test:${deal.id}`,
      });
    const { action } = await propose();
    await propose();
    expect(await events(ws, 'action.created')).toEqual([
      {
        actionId: action.id,
        actionType: 'update_field',
        severity: 'warning',
        status: action.status,
        targetType: 'deal',
        targetName: 'Acme renewal',
        record: { type: 'deal', id: deal.id },
      },
    ]);
  });

  it('an anomaly that fires emits anomaly.raised once, not on each reminder', async () => {
    const records = await createRecords(db.pool, 'Producers');
    await listen(records, 'anomaly.raised');
    const ws = records.workspaceId;
    const finding = {
      workspaceId: ws,
      rule: 'crm_sync_stale',
      scopeKey: '',
      severity: 'warning' as const,
      title: 'Sync is stale',
      data: { value: 1, threshold: 0 },
    };
    const timing = { pendingMs: 0, renotifyMs: 60_000 };
    const first = await raiseOrRefresh(db.pool, finding, timing, new Date('2026-12-03T10:00:00Z'));
    await raiseOrRefresh(db.pool, finding, timing, new Date('2026-12-03T12:00:00Z'));
    expect(await events(ws, 'anomaly.raised')).toEqual([
      { anomalyId: first.anomaly!.id, rule: 'crm_sync_stale', severity: 'warning', scopeKey: '' },
    ]);
  });

  it('a decided inbox item emits inbox_item.decided with the deal it is about', async () => {
    const records = await createRecords(db.pool, 'Producers');
    await listen(records, 'inbox_item.decided');
    const ws = records.workspaceId;
    const deal = await records.deal({ name: 'Acme' });
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into inbox_items (workspace_id, item_type, source, title, context)
       values ($1::uuid, 'approval', 'policy', 'Approve?', $2::jsonb) returning id`,
      [ws, JSON.stringify({ record: { type: 'deal', id: deal.id } })],
    );
    await settleItems(db.pool, ws, [rows[0]!.id], 'rejected', { actor: 'test' });
    expect(await events(ws, 'inbox_item.decided')).toEqual([
      {
        inboxItemId: rows[0]!.id,
        status: 'rejected',
        source: 'policy',
        record: { type: 'deal', id: deal.id },
      },
    ]);
  });

  it('a finished agent run emits agent_run.finished with its deal', async () => {
    const records = await createRecords(db.pool, 'Producers');
    await listen(records, 'agent_run.finished');
    const ws = records.workspaceId;
    const deal = await records.deal({ name: 'Acme' });
    const { rows } = await db.pool.query<{ agent: string; conversation: string }>(
      `with k as (insert into connections (workspace_id, crm_type, name)
                  values ($1::uuid, 'hubspot', 'CRM') returning id),
            a as (insert into agent_configs (workspace_id, connection_id, name, status)
                  select $1::uuid, k.id, 'Agent', 'active' from k returning id),
            c as (insert into conversations (workspace_id, source, source_id, title, started_at,
                                             duration_seconds, participants)
                  values ($1::uuid, 'gong', 'c-agent', 'Call', now(), 60, '[]') returning id)
       select a.id as agent, c.id as conversation from a, c`,
      [ws],
    );
    const row = await insertActivityLog(db.pool, ws, {
      agentConfigId: rows[0]!.agent,
      conversationId: rows[0]!.conversation,
      ownerId: null,
      trigger: 'manual',
      crmRecordType: 'deal',
      crmRecordId: deal.sourceId,
      dealId: deal.id,
      actionType: 'update',
      fieldsUpdated: {},
      matchConfidence: 0.95,
      overallConfidence: 0.9,
      status: 'success',
      shadow: false,
      actionId: null,
      warnings: [],
      errorMessage: null,
    });
    expect(await events(ws, 'agent_run.finished')).toEqual([
      {
        activityLogId: row!.id,
        agentConfigId: rows[0]!.agent,
        conversationId: rows[0]!.conversation,
        status: 'success',
        shadow: false,
        record: { type: 'deal', id: deal.id },
      },
    ]);
  });

  it('meetings the linker tied emit conversation.linked with their deal', async () => {
    const records = await createRecords(db.pool, 'Producers');
    await listen(records, 'conversation.linked');
    const ws = records.workspaceId;
    const deal = await records.deal({ name: 'Acme' });
    const { rows } = await db.pool.query<{ id: string; since: string }>(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
                                  duration_seconds, participants, deal_id, linked_at, link_method)
       values ($1::uuid, 'gong', 'c1', 'Call', now(), 60, '[]', $2::uuid, now(), 'email')
       returning id, (now() - interval '1 second')::text as since`,
      [ws, deal.id],
    );
    expect(await emitLinkedConversations(db.pool, ws, rows[0]!.since)).toBe(1);
    expect(await events(ws, 'conversation.linked')).toEqual([
      {
        conversationId: rows[0]!.id,
        dealId: deal.id,
        accountId: null,
        linkMethod: 'email',
        record: { type: 'deal', id: deal.id },
      },
    ]);
  });
});
