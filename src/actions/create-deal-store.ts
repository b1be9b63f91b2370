import type pg from 'pg';
import type { CrmType } from '../crm/port.js';
import { upsertContacts, upsertDeals } from '../ingest/sync/upserts.js';
import type { CreateDealPlan, CreateDealSpec } from './create-deal.js';

export interface StoredContact {
  email: string;
  /** The CRM's id. */
  crmId: string;
  firstName: string | null;
  lastName: string | null;
  created: boolean;
}

/**
 * Puts a deal just created in the CRM, and the contacts made with it, into Pandora's
 * tables at once, as the next sync would (by source and CRM id, so that sync finds
 * them and changes nothing): the deal with its account, owner and stage, its contacts
 * (the first primary). Returns Pandora's id of the deal.
 */
export async function storeCreatedDeal(
  pool: pg.Pool,
  workspaceId: string,
  crm: CrmType,
  input: {
    dealId: string;
    spec: CreateDealSpec;
    plan: CreateDealPlan;
    contacts: StoredContact[];
  },
): Promise<string> {
  const { dealId, spec, plan, contacts } = input;
  const now = new Date().toISOString();
  const made = contacts.filter((contact) => contact.created);
  await upsertContacts(
    pool,
    workspaceId,
    crm,
    made.map((contact) => ({
      sourceId: contact.crmId,
      accountSourceId: plan.accountId,
      email: contact.email,
      firstName: contact.firstName,
      lastName: contact.lastName,
      title: null,
      phone: null,
      sourceData: { id: contact.crmId, createdBy: 'pandora' },
    })),
  );
  await upsertDeals(pool, workspaceId, crm, [
    {
      sourceId: dealId,
      accountSourceId: plan.accountId,
      ownerSourceId: plan.ownerId,
      name: spec.name,
      amount: spec.amount,
      closeDate: spec.closeDate,
      pipeline: plan.pipeline,
      stage: plan.stage,
      stageNormalized: plan.stageNormalized,
      probability: null,
      forecastCategory: null,
      nextStep: null,
      lastActivityAt: null,
      createdAt: now,
      modifiedAt: now,
      sourceData: { id: dealId, properties: plan.dealProperties, createdBy: 'pandora' },
    },
  ]);
  const { rows } = await pool.query<{ id: string }>(
    `with deal as (
       select id from deals where workspace_id = $1::uuid and source = $2::text and source_id = $3::text
     ),
     linked as (
       insert into deal_contacts (workspace_id, deal_id, contact_id, is_primary)
       select $1::uuid, deal.id, c.id, p.position = 1
       from deal, unnest($4::text[]) with ordinality as p(source_id, position)
       join contacts c on c.workspace_id = $1::uuid and c.source = $2::text
                      and c.source_id = p.source_id
       on conflict (deal_id, contact_id) do nothing
     )
     select id from deal`,
    [workspaceId, crm, dealId, contacts.map((contact) => contact.crmId)],
  );
  return rows[0]!.id;
}

/** Removes a deal undone in the CRM (archived there, so no sync would). */
export async function removeUndoneDeal(
  pool: pg.Pool,
  workspaceId: string,
  crm: CrmType,
  dealId: string,
): Promise<void> {
  await pool.query(
    `delete from deals where workspace_id = $1::uuid and source = $2::text and source_id = $3::text`,
    [workspaceId, crm, dealId],
  );
}
