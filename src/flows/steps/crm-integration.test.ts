import { beforeAll, describe, expect, it } from 'vitest';
import type { CrmType } from '../../crm/port.js';
import { FlowStepError } from '../types.js';
import { crmIntegrationStep, fieldKey } from './crm-integration.js';
import { stepNoteMarker } from './crm.js';
import { createStepWorld, type StepWorld } from './crm-steps.test-helper.js';
import { stepDefinition } from './registry.js';

let world: StepWorld;

beforeAll(async () => {
  world = await createStepWorld();
});

/** Calls that write fields: HubSpot's batch update, Salesforce's PATCH of a collection. */
const isFieldWrite = (call: { method: string; path: string }) =>
  (call.method === 'POST' && /\/batch\/update$/.test(call.path)) ||
  (call.method === 'PATCH' && call.path.endsWith('/composite/sobjects'));

/** Calls that change the CRM: field writes, creates, notes. */
const isWrite = (call: { method: string; path: string }) =>
  (call.method === 'POST' && /\/batch\/(update|create)$/.test(call.path)) ||
  (call.method === 'PATCH' && call.path.endsWith('/composite/sobjects')) ||
  (call.method === 'POST' && /\/composite\/sobjects$/.test(call.path)) ||
  (call.method === 'POST' && /\/objects\/notes$/.test(call.path));

async function amountOf(crm: CrmType, id: string): Promise<number> {
  const { connector } = await world.open(crm);
  const field = connector.crmField('deal', 'amount');
  const [record] = await connector.readRecords('deal', [id], [field]);
  if (!record?.ok) throw new Error(`no deal ${id}`);
  return Number(record.value.properties[field]);
}

async function failure(promise: Promise<unknown>): Promise<FlowStepError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FlowStepError);
  return error as FlowStepError;
}

describe.each(['hubspot', 'salesforce'] as const)('crm_integration on %s', (crm) => {
  it('is in the registry as a write step automations may use', () => {
    expect(stepDefinition('crm_integration')).toMatchObject({
      effect: 'write',
      allowedInAutomations: true,
    });
  });

  it('writes through the ledger with one audit note; run again, it sends nothing', async () => {
    const [crmId] = await world.recordIds(crm, 1);
    const dealId = await world.mirror(crm, 'deal', crmId!, { name: 'Acme renewal' });
    const ctx = await world.context('update_amount', 'crm_integration');
    const calls = world.mark();
    const outcome = await world.run(crmIntegrationStep, ctx, {
      objectType: 'deal',
      recordId: dealId,
      fields: { amount: 424_242 },
      note: 'Priced by the pricing API.',
    });
    expect(await amountOf(crm, crmId!)).toBe(424_242);
    expect(calls().filter(isFieldWrite)).toHaveLength(1);
    expect(outcome).toMatchObject({
      kind: 'completed',
      output: { record: { id: dealId, crmId, crm }, written: 1, note: { status: 'created' } },
    });

    const { rows } = await world.db.pool.query(
      `select origin_type, origin_id, status, value_to_write from crm_write_log
       where workspace_id = $1::uuid and origin_id = $2::text`,
      [world.workspaceId, ctx.idempotencyKey],
    );
    expect(rows).toEqual([
      {
        origin_type: 'flow',
        origin_id: ctx.idempotencyKey,
        status: 'written',
        value_to_write: 424_242,
      },
    ]);
    const { connector } = await world.open(crm);
    const [notes] = await connector.findNotes([
      {
        attachedTo: { objectType: 'deal', id: crmId! },
        text: stepNoteMarker(ctx.idempotencyKey, 'execute'),
      },
    ]);
    expect(notes).toHaveLength(1);

    // The runner calling it again (a resumed run) gets the same result, with no call.
    const again = world.mark();
    const repeat = await world.run(crmIntegrationStep, ctx, {
      objectType: 'deal',
      recordId: crmId!,
      fields: { amount: 424_242 },
    });
    expect(again().filter(isWrite)).toHaveLength(0);
    expect(repeat).toMatchObject({ output: { written: 1, note: { status: 'created' } } });
  });

  it('a worker killed after the CRM took the write: run again, it reads back and sends nothing', async () => {
    const [, crmId] = await world.recordIds(crm, 2);
    await world.mirror(crm, 'deal', crmId!);
    const ctx = await world.context('update_amount', 'crm_integration');
    const opened = await world.open(crm);
    const field = opened.connector.crmField('deal', 'amount');
    const before = await amountOf(crm, crmId!);
    // The stopped worker recorded the row and the CRM applied it; the answer never settled it.
    await leavePending(crm, ctx.idempotencyKey, crmId!, field, before, 515_151);
    await opened.connector.updateRecords('deal', [
      { id: crmId!, properties: { [field]: 515_151 } },
    ]);

    const calls = world.mark();
    const outcome = await world.run(crmIntegrationStep, ctx, {
      objectType: 'deal',
      recordId: crmId!,
      fields: { amount: 515_151 },
    });
    expect(calls().filter(isFieldWrite)).toHaveLength(0);
    expect(outcome).toMatchObject({ output: { written: 1 } });
    const { rows } = await world.db.pool.query(
      `select status, settled_by from crm_write_log where origin_id = $1::text`,
      [ctx.idempotencyKey],
    );
    expect(rows).toEqual([{ status: 'written', settled_by: 'read_back' }]);
  });

  it('a worker killed before the CRM got the write: run again, it is written once', async () => {
    const [, , crmId] = await world.recordIds(crm, 3);
    await world.mirror(crm, 'deal', crmId!);
    const ctx = await world.context('update_amount', 'crm_integration');
    const field = (await world.open(crm)).connector.crmField('deal', 'amount');
    const before = await amountOf(crm, crmId!);
    await leavePending(crm, ctx.idempotencyKey, crmId!, field, before, 616_161);

    const calls = world.mark();
    await world.run(crmIntegrationStep, ctx, {
      objectType: 'deal',
      recordId: crmId!,
      fields: { amount: 616_161 },
    });
    expect(calls().filter(isFieldWrite)).toHaveLength(1);
    expect(await amountOf(crm, crmId!)).toBe(616_161);
  });

  it("a CRM's refusal is a validation error that is not retried", async () => {
    const [crmId] = await world.recordIds(crm, 1);
    await world.mirror(crm, 'deal', crmId!);
    const ctx = await world.context('update_amount', 'crm_integration');
    const error = await failure(
      world.run(crmIntegrationStep, ctx, {
        objectType: 'deal',
        recordId: crmId!,
        fields: { no_such_property_here: 'x' },
      }),
    );
    expect(error.category).toBe('validation');
    expect(error.options.retryable).not.toBe(true);
  });

  async function leavePending(
    crmType: CrmType,
    idempotencyKey: string,
    recordId: string,
    field: string,
    before: number,
    value: number,
  ): Promise<void> {
    await world.db.pool.query(
      `insert into crm_write_log
         (workspace_id, connection_id, crm_type, object_type, record_id, field, value_before,
          value_to_write, origin_type, origin_id, actor, idempotency_key, attempts)
       values ($1::uuid, $2::uuid, $3::text, 'deal', $4::text, $5::text, $6::jsonb, $7::jsonb,
               'flow', $8::text, 'flow', $9::text, 1)`,
      [
        world.workspaceId,
        world.connectionIds[crmType],
        crmType,
        recordId,
        field,
        JSON.stringify(before),
        JSON.stringify(value),
        idempotencyKey,
        fieldKey(idempotencyKey, field, value),
      ],
    );
  }
});

describe("a member's automation", () => {
  it("acts on the member's own deals and their contacts, and on nothing else", async () => {
    const [mine, theirs] = await world.recordIds('hubspot', 2);
    const [myContact, otherContact] = await world.recordIds('hubspot', 2, 'contact');
    const myDeal = await world.mirror('hubspot', 'deal', mine!, { ownerEmail: 'bob@example.com' });
    await world.mirror('hubspot', 'deal', theirs!, { ownerEmail: 'ana@example.com' });
    const contactId = await world.mirror('hubspot', 'contact', myContact!);
    await world.link(myDeal, contactId);
    await world.mirror('hubspot', 'contact', otherContact!);
    const bob = world.users['bob@example.com']!;

    const own = await world.context('set', 'crm_integration', { scopeUserId: bob });
    await expect(
      world.run(crmIntegrationStep, own, {
        objectType: 'deal',
        recordId: mine!,
        fields: { amount: 1 },
      }),
    ).resolves.toMatchObject({ kind: 'completed' });

    const calls = world.mark();
    for (const [objectType, recordId] of [
      ['deal', theirs!],
      ['contact', otherContact!],
    ] as const) {
      const ctx = await world.context('set', 'crm_integration', { scopeUserId: bob });
      const error = await failure(
        world.run(crmIntegrationStep, ctx, { objectType, recordId, fields: { lastname: 'X' } }),
      );
      expect(error.category).toBe('permission');
    }
    expect(calls()).toHaveLength(0);

    const contact = await world.context('set', 'crm_integration', { scopeUserId: bob });
    await expect(
      world.run(crmIntegrationStep, contact, {
        objectType: 'contact',
        recordId: contactId,
        fields: { lastname: 'Bobsworth' },
      }),
    ).resolves.toMatchObject({ output: { written: 1 } });

    // The same deal, from a workspace flow (no scope), is fine.
    const admin = await world.context('set', 'crm_integration');
    await expect(
      world.run(crmIntegrationStep, admin, {
        objectType: 'deal',
        recordId: theirs!,
        fields: { amount: 2 },
      }),
    ).resolves.toMatchObject({ kind: 'completed' });
  });

  it("takes the trigger's record when the step names none, and refuses one of another rep", async () => {
    const [, , , mine, theirs] = await world.recordIds('salesforce', 5);
    const myDeal = await world.mirror('salesforce', 'deal', mine!, {
      ownerEmail: 'bob@example.com',
    });
    const theirDeal = await world.mirror('salesforce', 'deal', theirs!, {
      ownerEmail: 'ana@example.com',
    });
    const bob = world.users['bob@example.com']!;
    const own = await world.context('set', 'crm_integration', { scopeUserId: bob });
    own.scope.trigger = { type: 'event', record: { type: 'deal', id: myDeal } };
    await expect(
      world.run(crmIntegrationStep, own, { objectType: 'deal', fields: { amount: 31 } }),
    ).resolves.toMatchObject({ output: { record: { id: myDeal }, written: 1 } });

    const other = await world.context('set', 'crm_integration', { scopeUserId: bob });
    other.scope.trigger = { type: 'event', record: { type: 'deal', id: theirDeal } };
    expect(
      (
        await failure(
          world.run(crmIntegrationStep, other, { objectType: 'deal', fields: { amount: 32 } }),
        )
      ).category,
    ).toBe('permission');

    // A trigger about an account does not name a deal.
    const none = await world.context('set', 'crm_integration');
    none.scope.trigger = { type: 'event', record: { type: 'account', id: myDeal } };
    expect(
      (
        await failure(
          world.run(crmIntegrationStep, none, { objectType: 'deal', fields: { amount: 33 } }),
        )
      ).category,
    ).toBe('validation');
  });

  it('an unknown record is a validation error', async () => {
    const ctx = await world.context('set', 'crm_integration');
    const error = await failure(
      world.run(crmIntegrationStep, ctx, {
        objectType: 'deal',
        recordId: 'nope',
        fields: { amount: 1 },
      }),
    );
    expect(error.category).toBe('validation');
  });
});
