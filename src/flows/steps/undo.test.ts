import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { HttpError } from '../../errors.js';
import type { CrmType } from '../../crm/port.js';
import { crmIntegrationStep } from './crm-integration.js';
import { stepNoteMarker } from './crm.js';
import { createStepWorld, type StepWorld } from './crm-steps.test-helper.js';
import { undoFlowStep } from './undo.js';

let world: StepWorld;
const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

beforeAll(async () => {
  world = await createStepWorld();
});

describe.each(['hubspot', 'salesforce'] as const)('undoing crm_integration on %s', (crm) => {
  async function read(id: string) {
    const { connector } = await world.open(crm);
    const amount = connector.crmField('deal', 'amount');
    const next = connector.crmField('deal', 'next_step');
    const [record] = await connector.readRecords('deal', [id], [amount, next]);
    if (!record?.ok) throw new Error('no deal');
    return {
      amount: Number(record.value.properties[amount]),
      next: record.value.properties[next] ?? null,
    };
  }

  async function update(crmType: CrmType, id: string, amount: number) {
    const { connector } = await world.open(crmType);
    await connector.updateRecords('deal', [
      { id, properties: { [connector.crmField('deal', 'amount')]: amount } },
    ]);
  }

  it('puts the fields back with an undo note; a second undo returns the first', async () => {
    const [id] = await world.recordIds(crm, 1);
    await world.mirror(crm, 'deal', id!);
    const before = await read(id!);
    const ctx = await world.context('update', 'crm_integration');
    await world.run(crmIntegrationStep, ctx, {
      objectType: 'deal',
      recordId: id!,
      fields: { amount: 777_001, next_step: 'Call the CFO' },
    });
    expect(await read(id!)).toEqual({ amount: 777_001, next: 'Call the CFO' });

    const undo = await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'update', {
      actor: 'ana@example.com',
    });
    expect(undo.status).toBe('undone');
    expect(undo.fields!.map((field) => field.status)).toEqual(['restored', 'restored']);
    expect(undo.note).toMatchObject({ status: 'created' });
    const after = await read(id!);
    expect(after.amount).toBe(before.amount);
    expect(after.next ?? '').toBe(before.next ?? '');
    const { connector } = await world.open(crm);
    const [notes] = await connector.findNotes([
      {
        attachedTo: { objectType: 'deal', id: id! },
        text: stepNoteMarker(ctx.idempotencyKey, 'undo'),
      },
    ]);
    expect(notes).toHaveLength(1);
    const { rows } = await world.db.pool.query(
      `select count(*)::integer as n from crm_write_log where origin_type = 'undo' and origin_id = $1::text`,
      [ctx.idempotencyKey],
    );
    expect(rows[0]).toEqual({ n: 2 });

    const calls = world.mark();
    const again = await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'update', {
      actor: 'ana@example.com',
    });
    expect(again).toMatchObject({ status: 'undone', replayed: true });
    expect(calls()).toHaveLength(0);
  });

  it('a field changed in the CRM since is a conflict, left alone unless forced', async () => {
    const [, id] = await world.recordIds(crm, 2);
    await world.mirror(crm, 'deal', id!);
    const before = await read(id!);
    const ctx = await world.context('update', 'crm_integration');
    await world.run(crmIntegrationStep, ctx, {
      objectType: 'deal',
      recordId: id!,
      fields: { amount: 888_001 },
    });
    await update(crm, id!, 999_001);

    const blocked = await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'update', {
      actor: 'ana',
    });
    expect(blocked).toMatchObject({
      status: 'blocked',
      fields: [{ status: 'conflict', current: expect.anything() }],
    });
    expect((await read(id!)).amount).toBe(999_001);

    const forced = await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'update', {
      actor: 'ana',
      force: true,
    });
    expect(forced).toMatchObject({ status: 'undone', fields: [{ status: 'restored' }] });
    expect((await read(id!)).amount).toBe(before.amount);
  });
});

describe('undo refusals', () => {
  it('refuses a step run that did not complete and a step type with no undo', async () => {
    const ctx = await world.context('update', 'crm_integration');
    const notDone = await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'update', {
      actor: 'ana',
    }).catch((error: unknown) => error);
    expect(notDone).toBeInstanceOf(HttpError);
    expect(notDone).toMatchObject({ status: 409, code: 'step_not_completed' });

    const hook = await world.context('notify', 'send_webhook');
    const noUndo = await undoFlowStep(deps(), world.workspaceId, hook.runId, 'notify', {
      actor: 'ana',
    }).catch((error: unknown) => error);
    expect(noUndo).toMatchObject({ status: 409, code: 'not_undoable' });

    const missing = await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'nope', {
      actor: 'ana',
    }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ status: 404 });
  });
});
