import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import type { CrmType } from '../../crm/port.js';
import { FlowStepError } from '../types.js';
import { createStepWorld, type StepWorld } from './crm-steps.test-helper.js';
import { membershipKey, subscribeCampaignStep } from './subscribe-campaign.js';
import { undoFlowStep } from './undo.js';

let world: StepWorld;

beforeAll(async () => {
  world = await createStepWorld();
});

const TOKENS: Record<CrmType, string> = {
  hubspot: 'pat-emulator-hubspot',
  salesforce: '00D-emulator-salesforce-token',
};

async function api(crm: CrmType, method: string, path: string, body?: unknown) {
  const response = await fetch(`${world.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKENS[crm]}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A campaign as each CRM has one: a MANUAL contact list, a Campaign record. */
async function newCampaign(crm: CrmType, name: string): Promise<string> {
  if (crm === 'hubspot') {
    const created = await api(crm, 'POST', '/crm/v3/lists', {
      name,
      objectTypeId: '0-1',
      processingType: 'MANUAL',
    });
    return String((created.body.list as { listId: string }).listId);
  }
  const created = await api(crm, 'POST', '/services/data/v62.0/sobjects/Campaign', { Name: name });
  return String(created.body.id);
}

async function members(crm: CrmType, campaignId: string): Promise<string[]> {
  if (crm === 'hubspot') {
    const page = await api(crm, 'GET', `/crm/v3/lists/${campaignId}/memberships`);
    return (page.body.results as { recordId: string }[]).map((row) => row.recordId);
  }
  const soql = encodeURIComponent(
    `SELECT ContactId FROM CampaignMember WHERE CampaignId = '${campaignId}'`,
  );
  const page = await api(crm, 'GET', `/services/data/v62.0/query?q=${soql}`);
  return (page.body.records as { ContactId: string }[]).map((row) => row.ContactId);
}

const memberWrites = (calls: { method: string; path: string }[]) =>
  calls.filter(
    (call) =>
      (call.method === 'PUT' && /\/memberships\/(add|remove)$/.test(call.path)) ||
      (call.method === 'POST' && call.path.endsWith('/sobjects/CampaignMember')) ||
      (call.method === 'DELETE' && call.path.includes('CampaignMember')) ||
      (call.method === 'DELETE' && call.path.includes('/composite/sobjects')),
  );

describe.each(['hubspot', 'salesforce'] as const)('subscribe_campaign on %s', (crm) => {
  it('adds the contact once, leaves a note; undo takes it out again', async () => {
    const campaignId = await newCampaign(crm, `Webinar ${crm}`);
    const [crmId] = await world.recordIds(crm, 1, 'contact');
    const contactId = await world.mirror(crm, 'contact', crmId!);
    const ctx = await world.context('subscribe', 'subscribe_campaign');

    const calls = world.mark();
    const outcome = await world.run(subscribeCampaignStep, ctx, { contactId, campaignId });
    expect(outcome).toMatchObject({
      output: { added: true, campaign: { name: `Webinar ${crm}` }, note: { status: 'created' } },
    });
    expect(memberWrites(calls())).toHaveLength(1);
    expect(await members(crm, campaignId)).toEqual([crmId]);

    // Run again (a resumed run): answered from the ledger, no membership call.
    const again = world.mark();
    expect(await world.run(subscribeCampaignStep, ctx, { contactId, campaignId })).toMatchObject({
      output: { added: true },
    });
    expect(memberWrites(again())).toHaveLength(0);

    const undo = await undoFlowStep(
      { pool: world.db.pool, secretKey: TEST_SECRET_KEY },
      world.workspaceId,
      ctx.runId,
      'subscribe',
      { actor: 'ana@example.com' },
    );
    expect(undo).toMatchObject({ status: 'undone', details: { removed: true } });
    expect(await members(crm, campaignId)).toEqual([]);
  });

  it('a contact who was a member already stays one after undo', async () => {
    const campaignId = await newCampaign(crm, `Conference ${crm}`);
    const [, crmId] = await world.recordIds(crm, 2, 'contact');
    await world.mirror(crm, 'contact', crmId!);
    const first = await world.context('subscribe', 'subscribe_campaign');
    await world.run(subscribeCampaignStep, first, { contactId: crmId!, campaignId });

    const second = await world.context('subscribe', 'subscribe_campaign');
    expect(
      await world.run(subscribeCampaignStep, second, { contactId: crmId!, campaignId }),
    ).toMatchObject({
      output: { added: false, alreadyMember: true, note: null },
    });
    const undo = await undoFlowStep(
      { pool: world.db.pool, secretKey: TEST_SECRET_KEY },
      world.workspaceId,
      second.runId,
      'subscribe',
      { actor: 'ana' },
    );
    expect(undo).toMatchObject({ status: 'undone', details: { removed: false } });
    expect(await members(crm, campaignId)).toEqual([crmId]);
  });

  it('a worker killed after the CRM added the member: run again, it is reported as added, not sent again', async () => {
    const campaignId = await newCampaign(crm, `Launch ${crm}`);
    const [, , crmId] = await world.recordIds(crm, 3, 'contact');
    await world.mirror(crm, 'contact', crmId!);
    const ctx = await world.context('subscribe', 'subscribe_campaign');
    // The stopped worker recorded "not a member" and the CRM added it; nothing was settled.
    await world.db.pool.query(
      `insert into crm_write_log
         (workspace_id, connection_id, crm_type, object_type, record_id, field, value_before,
          value_to_write, origin_type, origin_id, actor, idempotency_key, operation)
       values ($1::uuid, $2::uuid, $3::text, 'contact', $4::text, $5::text, 'false', 'true',
               'flow', $6::text, 'flow', $7::text, 'add_member')`,
      [
        world.workspaceId,
        world.connectionIds[crm],
        crm,
        crmId,
        `campaign:${campaignId}`,
        ctx.idempotencyKey,
        membershipKey(ctx.idempotencyKey, campaignId),
      ],
    );
    if (crm === 'hubspot')
      await api(crm, 'PUT', `/crm/v3/lists/${campaignId}/memberships/add`, [crmId]);
    else {
      await api(crm, 'POST', '/services/data/v62.0/sobjects/CampaignMember', {
        CampaignId: campaignId,
        ContactId: crmId,
      });
    }
    const calls = world.mark();
    expect(
      await world.run(subscribeCampaignStep, ctx, { contactId: crmId!, campaignId }),
    ).toMatchObject({
      output: { added: true },
    });
    expect(memberWrites(calls())).toHaveLength(0);
    expect(await members(crm, campaignId)).toEqual([crmId]);
  });

  it('an unknown campaign is a validation error', async () => {
    const [crmId] = await world.recordIds(crm, 1, 'contact');
    await world.mirror(crm, 'contact', crmId!);
    const ctx = await world.context('subscribe', 'subscribe_campaign');
    const error = await world
      .run(subscribeCampaignStep, ctx, {
        contactId: crmId!,
        campaignId: crm === 'hubspot' ? '999999' : '701000000000999AAA',
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlowStepError);
    expect((error as FlowStepError).category).toBe('validation');
  });
});
