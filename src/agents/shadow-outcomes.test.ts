import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { guardTrustedFields, scoreShadowProposals } from './shadow-outcomes.js';
import { fieldTrust, recordFieldOutcome } from './trust.js';

let db: TestDatabase;
let workspaceId: string;
let connectionId: string;
const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Shadow' })).id;
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into connections (workspace_id, crm_type, name) values ($1::uuid, 'hubspot', 'HubSpot')
     returning id`,
    [workspaceId],
  );
  connectionId = rows[0]!.id;
  await db.pool.query(
    `insert into pipeline_stages (workspace_id, source, pipeline_id, pipeline_label, stage_id,
                                  stage_label, display_order, is_closed, is_won, stage_normalized)
     values ($1::uuid, 'hubspot', 'default', 'Sales', 'qualifiedtobuy', 'Qualified', 1, false, false, 'qualification'),
            ($1::uuid, 'hubspot', 'default', 'Sales', 'contractsent', 'Contract Sent', 4, false, false, 'negotiation')`,
    [workspaceId],
  );
});

async function agent(fields: object[], values: { threshold?: number; minSamples?: number } = {}) {
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, fields, precision_threshold, min_samples)
     values ($1::uuid, $2::uuid, 'Shadow agent', $3::jsonb, $4::numeric, $5::integer) returning id`,
    [
      workspaceId,
      connectionId,
      JSON.stringify(fields),
      values.threshold ?? 0.9,
      values.minSamples ?? 2,
    ],
  );
  return rows[0]!.id;
}

let dealCounter = 0;
async function deal(values: {
  amount?: number;
  closeDate?: string;
  stage?: string;
  nextStep?: string;
}) {
  dealCounter += 1;
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into deals (workspace_id, source, source_id, name, amount, close_date, pipeline, stage,
                        stage_normalized, next_step)
     values ($1::uuid, 'hubspot', $2::text, 'Deal', $3::numeric, $4::date, 'default', $5::text,
             case $5::text when 'contractsent' then 'negotiation' when 'qualifiedtobuy' then 'qualification' end,
             $6::text)
     returning id`,
    [
      workspaceId,
      `d${dealCounter}`,
      values.amount ?? null,
      values.closeDate ?? null,
      values.stage ?? 'qualifiedtobuy',
      values.nextStep ?? null,
    ],
  );
  return rows[0]!.id;
}

async function run(
  agentId: string,
  dealId: string,
  at: string,
  fields: Record<string, { before: unknown; after: unknown; status?: string }>,
  shadow = true,
) {
  const entries = Object.fromEntries(
    Object.entries(fields).map(([field, entry]) => [
      field,
      { confidence: 0.9, quote: 'q', decision: 'inbox', status: 'shadow', ...entry },
    ]),
  );
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into activity_logs (workspace_id, agent_config_id, deal_id, action_type, fields_updated,
                                shadow, status, created_at)
     values ($1::uuid, $2::uuid, $3::uuid, 'update', $4::jsonb, $5::boolean, 'success', $6::timestamptz)
     returning id`,
    [workspaceId, agentId, dealId, JSON.stringify(entries), shadow, at],
  );
  return rows[0]!.id;
}

async function outcomes(logId: string) {
  const { rows } = await db.pool.query(
    `select field, outcome, actual, source, decided_at as "decidedAt" from agent_field_outcomes
     where activity_log_id = $1::uuid order by field`,
    [logId],
  );
  return rows;
}

const ask = (field: string) => ({ field, rule: 'ask', threshold: 0.9, autoApplyEnabled: false });

describe('scoring shadow proposals against the CRM', () => {
  it('waits for the rep: a changed value is compared at once, an unchanged one after the waiting period', async () => {
    const agentId = await agent(['amount', 'close_date', 'stage', 'next_step'].map(ask));
    const dealId = await deal({ amount: 100_000, closeDate: '2026-12-31', nextStep: 'Call' });
    const logId = await run(agentId, dealId, daysAgo(2), {
      amount: { before: 100_000, after: 150_000 },
      close_date: { before: '2026-12-31', after: '2027-01-31' },
      stage: { before: 'qualification', after: 'negotiation' },
      next_step: { before: 'Call', after: 'Send the order form to Dana' },
    });
    // A stage change before the run is not the rep's answer to it.
    await db.pool.query(
      `insert into deal_stage_history (workspace_id, deal_id, from_stage, to_stage, changed_at)
       values ($1::uuid, $2::uuid, null, 'qualifiedtobuy', $3::timestamptz)`,
      [workspaceId, dealId, daysAgo(30)],
    );
    expect((await scoreShadowProposals(db.pool, { now: NOW })).recorded).toBe(0);

    // The rep moves the deal: amount as proposed, another close date, stage to Contract Sent.
    await db.pool.query(
      `update deals set amount = 150000, close_date = '2027-02-28', stage = 'contractsent',
                        stage_normalized = 'negotiation' where id = $1::uuid`,
      [dealId],
    );
    await db.pool.query(
      `insert into deal_stage_history (workspace_id, deal_id, from_stage, to_stage, changed_at)
       values ($1::uuid, $2::uuid, 'qualifiedtobuy', 'contractsent', $3::timestamptz)`,
      [workspaceId, dealId, daysAgo(1)],
    );
    expect((await scoreShadowProposals(db.pool, { now: NOW })).recorded).toBe(3);
    expect(await outcomes(logId)).toEqual([
      {
        field: 'amount',
        outcome: 'correct',
        actual: 150000,
        source: 'crm',
        decidedAt: NOW.toISOString(),
      },
      {
        field: 'close_date',
        outcome: 'incorrect',
        actual: '2027-02-28',
        source: 'crm',
        decidedAt: NOW.toISOString(),
      },
      {
        field: 'stage',
        outcome: 'correct',
        actual: 'negotiation',
        source: 'crm',
        decidedAt: daysAgo(1),
      },
    ]);

    // The next step never changed: after the waiting period the CRM's value is the answer.
    const later = new Date(NOW.getTime() + 13 * 86_400_000);
    expect((await scoreShadowProposals(db.pool, { now: later })).recorded).toBe(1);
    expect((await outcomes(logId)).find((o) => o.field === 'next_step')).toMatchObject({
      outcome: 'incorrect',
      actual: 'Call',
    });
    expect((await scoreShadowProposals(db.pool, { now: later })).recorded).toBe(0);
  });

  it('leaves live runs, written fields and inbox decisions alone', async () => {
    const agentId = await agent([ask('amount'), ask('close_date')]);
    const dealId = await deal({ amount: 90_000, closeDate: '2027-03-31' });
    const live = await run(
      agentId,
      dealId,
      daysAgo(30),
      { amount: { before: 1, after: 2 } },
      false,
    );
    const applied = await run(agentId, dealId, daysAgo(30), {
      amount: { before: 1, after: 2, status: 'applied' },
    });
    const decided = await run(agentId, dealId, daysAgo(30), {
      amount: { before: 80_000, after: 95_000 },
      close_date: { before: '2027-03-31', after: '2027-03-31' },
    });
    await recordFieldOutcome(db.pool, {
      workspaceId,
      agentConfigId: agentId,
      activityLogId: decided,
      field: 'amount',
      proposed: 95_000,
      actual: 95_000,
      outcome: 'correct',
      source: 'inbox',
    });
    await scoreShadowProposals(db.pool, { now: NOW });
    expect(await outcomes(live)).toEqual([]);
    expect(await outcomes(applied)).toEqual([]);
    expect((await outcomes(decided)).map((o) => [o.field, o.outcome, o.source])).toEqual([
      ['amount', 'correct', 'inbox'],
      ['close_date', 'correct', 'crm'],
    ]);
    // A CRM comparison never replaces a person's decision; a person's replaces a comparison.
    expect(
      await recordFieldOutcome(db.pool, {
        workspaceId,
        agentConfigId: agentId,
        activityLogId: decided,
        field: 'amount',
        proposed: 95_000,
        actual: 90_000,
        outcome: 'incorrect',
        source: 'crm',
      }),
    ).toBe(false);
    expect(
      await recordFieldOutcome(db.pool, {
        workspaceId,
        agentConfigId: agentId,
        activityLogId: decided,
        field: 'close_date',
        proposed: '2027-03-31',
        actual: '2027-04-30',
        outcome: 'incorrect',
        source: 'inbox',
      }),
    ).toBe(true);
    expect((await outcomes(decided)).map((o) => [o.field, o.outcome, o.source])).toEqual([
      ['amount', 'correct', 'inbox'],
      ['close_date', 'incorrect', 'inbox'],
    ]);
  });
});

describe('a trusted field whose precision falls', () => {
  it('goes back to ask with one anomaly, and a field still precise keeps auto-apply', async () => {
    const trusted = (field: string) => ({ ...ask(field), rule: 'auto', autoApplyEnabled: true });
    const agentId = await agent([trusted('amount'), trusted('close_date')], {
      threshold: 0.75,
      minSamples: 4,
    });
    const dealId = await deal({});
    const outcome = async (field: string, correct: boolean) =>
      recordFieldOutcome(db.pool, {
        workspaceId,
        agentConfigId: agentId,
        activityLogId: await run(agentId, dealId, daysAgo(1), {}),
        field,
        proposed: 1,
        actual: correct ? 1 : 2,
        outcome: correct ? 'correct' : 'incorrect',
        source: 'inbox',
      });
    for (const correct of [true, true, true, false]) await outcome('close_date', correct);
    for (const correct of [true, true, false, false]) await outcome('amount', correct);

    const switched = await guardTrustedFields(db.pool, NOW);
    expect(switched).toEqual([{ agentConfigId: agentId, field: 'amount', precision: 0.5 }]);
    const { rows } = await db.pool.query(`select fields from agent_configs where id = $1::uuid`, [
      agentId,
    ]);
    expect(rows[0].fields).toEqual([
      { field: 'amount', rule: 'ask', threshold: 0.9, autoApplyEnabled: false },
      { field: 'close_date', rule: 'auto', threshold: 0.9, autoApplyEnabled: true },
    ]);
    const anomalies = await db.pool.query(
      `select rule, scope_key as "scopeKey", status, severity, data from anomalies
       where workspace_id = $1::uuid`,
      [workspaceId],
    );
    expect(anomalies.rows).toEqual([
      {
        rule: 'field_precision_drop',
        scopeKey: `${agentId}:amount`,
        status: 'active',
        severity: 'warning',
        data: expect.objectContaining({
          value: 0.5,
          threshold: 0.75,
          sampleSize: 4,
          agentConfigId: agentId,
          field: 'amount',
          switchedTo: 'ask',
        }),
      },
    ]);
    // The anomalies part tells the admins in their inbox.
    const alerts = await db.pool.query(
      `select item_type as "itemType", source from inbox_items where workspace_id = $1::uuid`,
      [workspaceId],
    );
    expect(alerts.rows).toEqual([{ itemType: 'alert', source: 'anomaly' }]);
    // Back on ask, the field is not switched (or reported) again.
    expect(await guardTrustedFields(db.pool, NOW)).toEqual([]);
    expect((await fieldTrust(db.pool, agentId))[0]).toMatchObject({
      field: 'amount',
      rule: 'ask',
      autoApplyEnabled: false,
      autoApplyAllowed: false,
    });
  });
});
