import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import type { CrmType } from '../crm/port.js';
import { runBatch, createBatch } from './batch.js';
import { executeActions } from './execute.js';
import { createPolicy, deletePolicy } from './policies.js';
import { policyGate } from './policy-gate.js';
import { previewAction } from './preview.js';
import { noteMarker } from './recover.js';
import { getAction, proposeAction, transition, type CrmUpdate } from './store.js';
import { undoAction } from './undo.js';

let world: CrmWorld;
const ACTOR = 'ana@example.com';

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 120 });
});

const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

async function read(crm: CrmType, id: string, fields: string[]) {
  const { connector } = await world.open(crm);
  const [record] = await connector.readRecords('deal', [id], fields);
  if (!record?.ok) throw new Error(`no deal ${id}`);
  return record.value.properties;
}

async function propose(
  crm: CrmType,
  recordId: string,
  updates: CrmUpdate[],
  title = 'Fix the deal',
) {
  const { action } = await proposeAction(world.db.pool, world.workspaceId, {
    actionType: 'update_field',
    severity: 'warning',
    title,
    connectionId: world.connectionIds[crm],
    targetType: 'deal',
    targetSourceId: recordId,
    executionPayload: { crm_updates: updates, note: 'Found by a test.' },
    sourceType: 'person',
    sourceName: ACTOR,
  });
  return action;
}

const isWrite = (call: { method: string; path: string }) =>
  (call.method === 'POST' && /\/batch\/(update|create)$/.test(call.path)) ||
  (call.method === 'PATCH' && call.path.endsWith('/composite/sobjects')) ||
  (call.method === 'POST' && /\/composite\/sobjects$/.test(call.path)) ||
  (call.method === 'POST' && /\/objects\/notes$/.test(call.path));

describe.each(['hubspot', 'salesforce'] as const)('actions on %s', (crm) => {
  const amount = crm === 'hubspot' ? 'amount' : 'Amount';
  const closeDate = crm === 'hubspot' ? 'closedate' : 'CloseDate';

  it('executes exactly the previewed values and one note; undo puts them back', async () => {
    const [id] = await world.recordIds(crm, 1);
    const action = await propose(crm, id!, [
      { field: 'amount', proposed_value: 123_456 },
      { field: 'close_date', proposed_value: '2027-03-31' },
    ]);
    const before = await read(crm, id!, [amount, closeDate]);

    const calls = world.mark();
    const preview = await previewAction(deps(), world.workspaceId, action.id, ACTOR);
    expect(calls().filter(isWrite)).toHaveLength(0);
    expect(preview.executable).toBe(true);
    expect(preview.changes.map((c) => [c.crmField, String(c.after).slice(0, 10)])).toEqual([
      [amount, '123456'],
      [closeDate, '2027-03-31'],
    ]);
    expect(preview.changes[0]!.before).toEqual(before[amount] ?? null);
    expect(preview.note).toContain(`${amount}: `);

    const writes = world.mark();
    const [result] = await executeActions(deps(), world.workspaceId, [action.id], { actor: ACTOR });
    expect(result).toMatchObject({ outcome: 'executed', status: 'executed' });
    const after = await read(crm, id!, [amount, closeDate]);
    expect(Number(after[amount])).toBe(123_456);
    expect(String(after[closeDate]).slice(0, 10)).toBe('2027-03-31');
    const sent = writes().filter(isWrite);
    // One field update call, and the note (HubSpot: one call; Salesforce: note + link).
    expect(sent.length).toBe(crm === 'hubspot' ? 2 : 3);
    expect(result!.operations.find((op) => op.kind === 'note')).toMatchObject({
      status: 'created',
    });

    const undo = await undoAction(deps(), world.workspaceId, action.id, { actor: ACTOR });
    expect(undo.status).toBe('undone');
    expect(undo.fields.map((f) => f.status)).toEqual(['restored', 'restored']);
    const restored = await read(crm, id!, [amount, closeDate]);
    expect(restored[amount] ?? null).toEqual(before[amount] ?? null);
    expect((await getAction(world.db.pool, world.workspaceId, action.id)).status).toBe('undone');
  });

  it('reports a field changed since as a conflict and leaves it, unless forced', async () => {
    const [, id] = await world.recordIds(crm, 2);
    const action = await propose(crm, id!, [
      { field: 'amount', proposed_value: 77_000 },
      { field: 'next_step', proposed_value: 'Call the CFO' },
    ]);
    await executeActions(deps(), world.workspaceId, [action.id], { actor: ACTOR });
    const { connector } = await world.open(crm);
    await connector.updateRecords('deal', [{ id: id!, properties: { [amount]: 88_000 } }]);

    const undo = await undoAction(deps(), world.workspaceId, action.id, { actor: ACTOR });
    expect(undo.status).toBe('executed');
    const conflicted = undo.fields.find((f) => f.field === amount)!;
    expect(conflicted.status).toBe('conflict');
    expect(Number(conflicted.current)).toBe(88_000);
    expect(Number((await read(crm, id!, [amount]))[amount])).toBe(88_000);

    const forced = await undoAction(deps(), world.workspaceId, action.id, {
      actor: ACTOR,
      force: true,
    });
    expect(forced.status).toBe('undone');
    expect(forced.fields.find((f) => f.field === amount)).toMatchObject({ status: 'restored' });
  });

  it('answers a repeated execute with the same idempotency key from the first, changing nothing', async () => {
    const [, , id] = await world.recordIds(crm, 3);
    const action = await propose(crm, id!, [{ field: 'amount', proposed_value: 5_500 }]);
    const first = await executeActions(deps(), world.workspaceId, [action.id], {
      actor: ACTOR,
      idempotencyKey: 'k-1',
    });
    const calls = world.mark();
    const again = await executeActions(deps(), world.workspaceId, [action.id], {
      actor: ACTOR,
      idempotencyKey: 'k-1',
    });
    expect(calls()).toHaveLength(0);
    expect(again[0]).toMatchObject({
      replayed: true,
      outcome: 'executed',
      executionId: first[0]!.executionId,
    });
  });

  it.each<[string, CrmUpdate, string]>([
    ['an invalid stage', { field: 'stage', proposed_value: 'Signed in blood' }, 'unknown_stage'],
    [
      'a read-only property',
      {
        field: crm === 'hubspot' ? 'hs_lastmodifieddate' : 'LastModifiedDate',
        proposed_value: '2026-01-01T00:00:00Z',
      },
      'read_only_property',
    ],
    ['a wrong-type value', { field: 'amount', proposed_value: 'lots' }, 'invalid_value'],
    [
      'a missing property',
      { field: 'favourite_colour__x', proposed_value: 'teal' },
      'unknown_property',
    ],
  ])('stops %s at validation, naming the field, with no CRM write', async (_case, update, code) => {
    const [id] = await world.recordIds(crm, 1);
    const action = await propose(crm, id!, [update]);
    const calls = world.mark();
    const [result] = await executeActions(deps(), world.workspaceId, [action.id], { actor: ACTOR });
    expect(result).toMatchObject({ outcome: 'invalid', status: 'failed', retryable: false });
    expect(result!.errors[0]).toMatchObject({ field: update.field, code });
    expect(result!.errors[0]!.message).toContain(update.field);
    expect(calls().filter(isWrite)).toHaveLength(0);
  });

  it.each([
    ['contact', { title: 'VP Revenue', phone: '+1 415 555 0100' }],
    ['account', { employee_count: 420, phone: '+1 212 555 0199' }],
  ] as const)(
    'writes a %s’s fields by their CRM names, notes it, and undoes it',
    async (targetType, values) => {
      const { connector } = await world.open(crm);
      const page = await connector.listChanged(targetType, { properties: [], limit: 5 });
      const id = page.records[3]!.id;
      const fields = Object.keys(values).map((field) => connector.crmField(targetType, field));
      const [beforeRecord] = await connector.readRecords(targetType, [id], fields);
      if (!beforeRecord?.ok) throw new Error(`no ${targetType} ${id}`);
      const before = fields.map((field) => beforeRecord.value.properties[field] ?? null);
      const { action } = await proposeAction(world.db.pool, world.workspaceId, {
        actionType: 'update_field',
        severity: 'info',
        title: `Update the ${targetType}`,
        connectionId: world.connectionIds[crm],
        targetType,
        targetSourceId: id,
        executionPayload: {
          crm_updates: Object.entries(values).map(([field, value]) => ({
            field,
            proposed_value: value,
          })),
        },
        sourceType: 'person',
        sourceName: ACTOR,
      });

      const [result] = await executeActions(deps(), world.workspaceId, [action.id], {
        actor: ACTOR,
      });
      expect(result).toMatchObject({ outcome: 'executed', status: 'executed' });
      expect(result!.operations.map((op) => [op.kind, op.crmField ?? null, op.status])).toEqual([
        ['field_update', fields[0], 'written'],
        ['field_update', fields[1], 'written'],
        ['note', null, 'created'],
      ]);
      const held = async () => {
        const [record] = await connector.readRecords(targetType, [id], fields);
        if (!record?.ok) throw new Error(`no ${targetType} ${id}`);
        return fields.map((field) => record.value.properties[field] ?? null);
      };
      expect((await held()).map(String)).toEqual(Object.values(values).map(String));
      const notes = await connector.findNotes([
        { attachedTo: { objectType: targetType, id }, text: noteMarker(action.id, 'execute') },
      ]);
      expect(notes[0]).toHaveLength(1);

      const undone = await undoAction(deps(), world.workspaceId, action.id, { actor: ACTOR });
      expect(undone.status).toBe('undone');
      expect(undone.fields.map((f) => f.status)).toEqual(['restored', 'restored']);
      expect(undone.note).toMatchObject({ status: 'created' });
      expect(await held()).toEqual(before);
    },
  );

  it('resolves a stage by label or by Pandora’s stage name', async () => {
    const [id] = await world.recordIds(crm, 1);
    const action = await propose(crm, id!, [{ field: 'stage', proposed_value: 'closed_won' }]);
    const preview = await previewAction(deps(), world.workspaceId, action.id, ACTOR);
    expect(preview.executable).toBe(true);
    const { connector } = await world.open(crm);
    const won = (await connector.listPipelines()).flatMap((p) => p.stages).find((s) => s.isWon)!;
    expect(preview.changes[0]!.after).toBe(crm === 'hubspot' ? won.id : won.label);
  });

  it('batch-executes many actions in a few coalesced calls', async () => {
    const ids = await world.recordIds(crm, 250);
    const actions = [];
    for (const [i, id] of ids.entries()) {
      actions.push(
        await propose(
          crm,
          id,
          [
            { field: 'amount', proposed_value: 40_000 + i },
            { field: 'next_step', proposed_value: `Step ${i}` },
          ],
          `Batch ${i}`,
        ),
      );
    }
    const calls = world.mark();
    const batch = await createBatch(
      world.db.pool,
      world.workspaceId,
      ACTOR,
      actions.map((a) => a.id),
    );
    const done = await runBatch(deps(), world.workspaceId, batch.id);
    expect(done).toMatchObject({ status: 'succeeded', done: 250 });
    const log = calls();
    // HubSpot: 3 reads + 3 updates + 3 note batches (+ properties); Salesforce: fewer, 200 per call.
    expect(log.length).toBeLessThanOrEqual(crm === 'hubspot' ? 12 : 10);
    expect(done.crmCalls).toBe(log.length);
    const check = await read(crm, ids[249]!, [amount]);
    expect(Number(check[amount])).toBe(40_249);
  }, 60_000);

  it('honours policies: block stops it, require_approval holds it until approved', async () => {
    const [id] = await world.recordIds(crm, 1);
    const gate = policyGate(world.db.pool, world.workspaceId);
    const block = await createPolicy(world.db.pool, world.workspaceId, {
      name: 'No next steps',
      match: { fields: ['next_step'] },
      effect: 'block',
    });
    const blocked = await propose(crm, id!, [{ field: 'next_step', proposed_value: 'x' }]);
    const calls = world.mark();
    const [stopped] = await executeActions(deps(), world.workspaceId, [blocked.id], {
      actor: ACTOR,
      gate,
    });
    expect(stopped).toMatchObject({ outcome: 'blocked', status: 'open' });
    expect(calls().filter(isWrite)).toHaveLength(0);
    await deletePolicy(world.db.pool, world.workspaceId, block.id);

    const hold = await createPolicy(world.db.pool, world.workspaceId, {
      name: 'Big amounts need a look',
      match: { fields: ['amount'] },
      effect: 'require_approval',
    });
    const held = await propose(crm, id!, [{ field: 'amount', proposed_value: 999_999 }], 'Held');
    const [waiting] = await executeActions(deps(), world.workspaceId, [held.id], {
      actor: ACTOR,
      gate,
    });
    expect(waiting).toMatchObject({ outcome: 'needs_approval', status: 'awaiting_approval' });
    await transition(
      world.db.pool,
      world.workspaceId,
      held.id,
      ['awaiting_approval'],
      'open',
      { event: 'approved', actor: 'admin@example.com' },
      { approvedBy: 'admin@example.com' },
    );
    const [ran] = await executeActions(deps(), world.workspaceId, [held.id], {
      actor: ACTOR,
      gate,
    });
    expect(ran).toMatchObject({ outcome: 'executed' });
    await deletePolicy(world.db.pool, world.workspaceId, hold.id);
  });
});
