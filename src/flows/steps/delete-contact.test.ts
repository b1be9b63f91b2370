import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { deleteContactStep } from './delete-contact.js';
import { createStepWorld, type StepWorld } from './crm-steps.test-helper.js';
import { stepDefinition } from './registry.js';
import { undoFlowStep } from './undo.js';

let world: StepWorld;

beforeAll(async () => {
  world = await createStepWorld();
});

describe.each(['hubspot', 'salesforce'] as const)('delete_contact on %s', (crm) => {
  it('archives the contact after a backup; undo makes it again with its deals', async () => {
    const { connector } = await world.open(crm);
    const email = connector.crmField('contact', 'email');
    const lastName = crm === 'hubspot' ? 'lastname' : 'LastName';
    // A contact on a deal, as the CRM and Pandora both have it.
    const [contactCrmId] = await world.recordIds(crm, 1, 'contact');
    const deals = await connector.listAssociations('contact', [contactCrmId!], 'deal');
    let dealCrmId = deals.get(contactCrmId!)?.[0];
    if (!dealCrmId) {
      [dealCrmId] = await world.recordIds(crm, 1);
      await connector.associate([
        {
          from: { objectType: 'deal', id: dealCrmId! },
          to: { objectType: 'contact', id: contactCrmId! },
        },
      ]);
    }
    const dealId = await world.mirror(crm, 'deal', dealCrmId!);
    const contactId = await world.mirror(crm, 'contact', contactCrmId!);
    await world.link(dealId, contactId);
    const [before] = await connector.readRecords('contact', [contactCrmId!], [email, lastName]);
    expect(before?.ok).toBe(true);

    const ctx = await world.context('remove', 'delete_contact');
    const outcome = await world.run(deleteContactStep, ctx, {
      contactId,
      reason: 'Left the company',
    });
    expect(outcome).toMatchObject({
      output: { archived: true, backup: { deals: expect.any(Number) } },
    });
    const [gone] = await connector.readRecords('contact', [contactCrmId!], [email]);
    expect(gone?.ok).toBe(false);
    const { rows: pandora } = await world.db.pool.query(
      `select 1 from contacts where id = $1::uuid`,
      [contactId],
    );
    expect(pandora).toHaveLength(0);

    // Run again (a resumed run): nothing more is sent.
    const calls = world.mark();
    expect(await world.run(deleteContactStep, ctx, { contactId })).toMatchObject({
      output: { archived: true },
    });
    expect(calls()).toHaveLength(0);

    const undo = await undoFlowStep(
      { pool: world.db.pool, secretKey: TEST_SECRET_KEY },
      world.workspaceId,
      ctx.runId,
      'remove',
      { actor: 'ana@example.com' },
    );
    expect(undo.status).toBe('undone');
    const restoredId = String(undo.details!.restoredCrmId);
    const [restored] = await connector.readRecords('contact', [restoredId], [email, lastName]);
    expect(restored?.ok && restored.value.properties).toMatchObject({
      [email]: before!.ok ? before!.value.properties[email] : null,
      [lastName]: before!.ok ? before!.value.properties[lastName] : null,
    });
    const links = await connector.listAssociations('contact', [restoredId], 'deal');
    expect(links.get(restoredId)).toContain(dealCrmId);
    const { rows } = await world.db.pool.query(
      `select c.source_id, dc.deal_id from contacts c
       left join deal_contacts dc on dc.contact_id = c.id where c.id = $1::uuid`,
      [contactId],
    );
    expect(rows).toEqual([{ source_id: restoredId, deal_id: dealId }]);

    // A second undo answers with the first.
    const again = await undoFlowStep(
      { pool: world.db.pool, secretKey: TEST_SECRET_KEY },
      world.workspaceId,
      ctx.runId,
      'remove',
      { actor: 'ana@example.com' },
    );
    expect(again).toMatchObject({ replayed: true, details: { restoredCrmId: restoredId } });
  });

  it('is not offered to members’ automations', () => {
    expect(stepDefinition('delete_contact')?.allowedInAutomations).toBe(false);
  });
});
