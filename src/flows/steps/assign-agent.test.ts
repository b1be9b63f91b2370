import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { FlowStepError } from '../types.js';
import { assignAgentStep } from './assign-agent.js';
import { createStepWorld, type StepWorld } from './crm-steps.test-helper.js';
import { undoFlowStep } from './undo.js';

let world: StepWorld;

beforeAll(async () => {
  world = await createStepWorld();
});

describe.each(['hubspot', 'salesforce'] as const)('assign_agent on %s', (crm) => {
  it("writes the CRM owner found by the rep's email; undo gives the record back", async () => {
    const { connector } = await world.open(crm);
    const ownerField = connector.crmField('deal', 'owner');
    const [id] = await world.recordIds(crm, 1);
    await world.mirror(crm, 'deal', id!);
    const owner = async () => {
      const [record] = await connector.readRecords('deal', [id!], [ownerField]);
      return record?.ok ? String(record.value.properties[ownerField] ?? '') : null;
    };
    const before = await owner();
    const target = (await connector.listOwners()).find(
      (candidate) => candidate.email && candidate.active && candidate.id !== before,
    )!;

    const ctx = await world.context('assign', 'assign_agent');
    const outcome = await world.run(assignAgentStep, ctx, {
      objectType: 'deal',
      recordId: id!,
      ownerEmail: target.email!.toUpperCase(),
      priority: 'high',
    });
    expect(outcome).toMatchObject({
      output: {
        written: 1,
        owner: { id: target.id, priority: 'high' },
        note: { status: 'created' },
      },
    });
    expect(await owner()).toBe(target.id);

    const undo = await undoFlowStep(
      { pool: world.db.pool, secretKey: TEST_SECRET_KEY },
      world.workspaceId,
      ctx.runId,
      'assign',
      { actor: 'ana@example.com' },
    );
    expect(undo.status).toBe('undone');
    expect(await owner()).toBe(before);
  });

  it('an email no CRM owner has is a validation error, and nothing is written', async () => {
    const [id] = await world.recordIds(crm, 1);
    await world.mirror(crm, 'deal', id!);
    const ctx = await world.context('assign', 'assign_agent');
    const calls = world.mark();
    const error = await world
      .run(assignAgentStep, ctx, {
        objectType: 'deal',
        recordId: id!,
        ownerEmail: 'nobody@nowhere.test',
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlowStepError);
    expect((error as FlowStepError).category).toBe('validation');
    expect(
      calls().filter((call) => call.method !== 'GET' && !/read|query|search/.test(call.path)),
    ).toEqual([]);
  });
});
