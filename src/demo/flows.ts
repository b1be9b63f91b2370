import type { Logger } from 'pino';
import type pg from 'pg';
import { startFlowRun } from '../flows/engine/runs.js';
import { createFlow, listFlows, publishFlow } from '../flows/store.js';
import type { FlowDefinition } from '../flows/types.js';

export const DEMO_FLOW_NAME = 'Negotiation desk (demo)';

/**
 * When a deal moves into negotiation: tag it, and for a large one ask a person before
 * anything else happens. The demo opens with it published and one run waiting for
 * approval in the inbox, so the flows pages and the run history have something real.
 */
const DEFINITION: FlowDefinition = {
  trigger: {
    type: 'event',
    event: 'deal.stage_changed',
    filter: { toStageNormalized: 'negotiation' },
  },
  steps: [
    {
      key: 'tag',
      type: 'add_tag',
      name: 'Tag the deal',
      config: {
        objectType: 'deal',
        recordId: '{{trigger.dealId}}',
        tagName: 'In negotiation',
        tagColor: '#f59f00',
      },
    },
    {
      key: 'threshold',
      type: 'set_variable',
      name: 'Large deal threshold',
      config: { name: 'threshold', type: 'number', value: 50000 },
    },
    {
      key: 'large',
      type: 'condition',
      name: 'Is it large?',
      config: {
        rules: [
          { left: '{{trigger.amount}}', operator: 'greater_or_equal', right: '{{vars.threshold}}' },
        ],
        match: 'all',
        then: 'approval',
        else: null,
      },
    },
    {
      key: 'approval',
      type: 'wait_for_approval',
      name: 'Deal desk approval',
      config: {
        title: 'A large deal entered negotiation: approve the discount guidance?',
        description:
          'The negotiation desk reviews deals of {{vars.threshold}} or more before pricing is discussed.',
        timeoutMs: 3 * 24 * 3_600_000,
        onReject: null,
        onTimeout: null,
      },
    },
  ],
};

export async function seedDemoFlows(
  deps: { pool: pg.Pool; log: Logger },
  workspaceId: string,
): Promise<void> {
  const existing = (await listFlows(deps.pool, workspaceId, { kind: 'flow' })).find(
    (flow) => flow.name === DEMO_FLOW_NAME,
  );
  if (existing) return;
  const flow = await createFlow(
    deps.pool,
    workspaceId,
    {
      kind: 'flow',
      name: DEMO_FLOW_NAME,
      description: 'Tags deals entering negotiation; large ones wait for the deal desk.',
      definition: DEFINITION,
    },
    null,
  );
  await publishFlow(deps.pool, workspaceId, flow.id, null);
  // One run as a sync would start it, on the largest open deal, so an approval waits.
  const { rows } = await deps.pool.query<{
    id: string;
    amount: string | null;
    stage: string | null;
  }>(
    `select id, amount::text, stage from deals
     where workspace_id = $1::uuid and amount is not null
     order by amount desc, id limit 1`,
    [workspaceId],
  );
  const deal = rows[0];
  if (deal) {
    await startFlowRun(deps.pool, {
      workspaceId,
      flowId: flow.id,
      trigger: { type: 'event', event: 'deal.stage_changed', demo: true },
      input: {
        event: 'deal.stage_changed',
        dealId: deal.id,
        fromStage: 'proposal',
        toStage: deal.stage,
        toStageNormalized: 'negotiation',
        amount: Number(deal.amount),
        record: { type: 'deal', id: deal.id },
      },
    });
  }
  deps.log.info({ workspaceId, flowId: flow.id }, 'demo flow published');
}
