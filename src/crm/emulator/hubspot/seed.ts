import { HUBSPOT_DEFAULT_PIPELINE, type PipelineDefinition } from '../../../ingest/pipelines.js';
import type { CrmSeed, SeedDeal } from '../dataset.js';
import { MODIFIED_PROPERTY, type HsObjectType } from './properties.js';
import type { HsPipeline, HsRecord, HubspotStore } from './store.js';

const DAY = 86_400_000;
const PIPELINES_CREATED = '2023-01-01T00:00:00.000Z';

const FORECAST: Record<SeedDeal['forecastCategory'], string> = {
  pipeline: 'PIPELINE',
  best_case: 'BEST_CASE',
  commit: 'COMMIT',
  closed: 'CLOSED',
  omitted: 'OMIT',
};

export function toHsPipelines(pipelines: PipelineDefinition[]): HsPipeline[] {
  return pipelines.map((pipeline, index) => ({
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: index,
    createdAt: PIPELINES_CREATED,
    stages: pipeline.stages.map((stage) => ({
      id: stage.id,
      label: stage.label,
      displayOrder: stage.displayOrder,
      probability: stage.probability,
      isClosed: stage.isClosed,
    })),
  }));
}

const iso = (ms: number) => new Date(ms).toISOString();

function insert(
  store: HubspotStore,
  type: HsObjectType,
  sourceId: string,
  values: Record<string, string | number | null | undefined>,
  createdMs: number,
  modifiedMs: number,
): HsRecord {
  const id = store.newId();
  const properties: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') properties[name] = String(value);
  }
  properties.hs_object_id = id;
  properties.createdate = iso(createdMs);
  properties[MODIFIED_PROPERTY[type]] = iso(modifiedMs);
  const record: HsRecord = {
    id,
    properties,
    createdAt: iso(createdMs),
    updatedAt: iso(modifiedMs),
    archived: false,
  };
  store.insert(type, record);
  store.sourceIds.set(sourceId, id);
  return record;
}

/**
 * Loads a seed data set into the account: owners, companies, contacts and deals with
 * their associations, in the data set's order, so ids are the same on every run
 * (companies, contacts and deals share one sequence, as ids are unique per account).
 * Without a data set the account has HubSpot's default pipeline and nothing else.
 */
export function seedStore(store: HubspotStore, dataset: CrmSeed | undefined): void {
  store.setPipelines(toHsPipelines(dataset?.pipelines ?? [HUBSPOT_DEFAULT_PIPELINE]));
  if (!dataset) return;
  const asOf = Date.parse(dataset.generatedAt);
  const capped = (ms: number) => Math.min(ms, asOf);

  for (const owner of dataset.owners) {
    const [firstName = '', ...rest] = owner.name.split(' ');
    const created = store.addOwner({
      email: owner.email,
      firstName,
      lastName: rest.join(' '),
      createdAt: iso(asOf - 720 * DAY),
      archived: false,
    });
    store.sourceIds.set(owner.sourceId, created.id);
  }
  const ownerId = (sourceId: string) => store.sourceIds.get(sourceId) ?? null;

  // Companies and contacts appear a day before their first deal (a year back without one).
  const firstDeal = new Map<string, number>();
  const lastChange = new Map<string, number>();
  for (const deal of dataset.deals) {
    const created = Date.parse(deal.createdAt);
    firstDeal.set(
      deal.accountSourceId,
      Math.min(firstDeal.get(deal.accountSourceId) ?? created, created),
    );
  }
  for (const change of dataset.stageHistory) {
    const at = Date.parse(change.changedAt);
    lastChange.set(change.dealSourceId, Math.max(lastChange.get(change.dealSourceId) ?? at, at));
  }
  const accountCreated = new Map<string, number>();

  for (const account of dataset.accounts) {
    const created = capped((firstDeal.get(account.sourceId) ?? asOf - 365 * DAY) - DAY);
    accountCreated.set(account.sourceId, created);
    insert(
      store,
      'companies',
      account.sourceId,
      {
        name: account.name,
        domain: account.domain,
        industry: account.industry,
        numberofemployees: account.employeeCount,
        annualrevenue: account.annualRevenue,
        hubspot_owner_id: ownerId(account.ownerSourceId),
        lifecyclestage: 'opportunity',
      },
      created,
      created,
    );
  }

  const accountsById = new Map(dataset.accounts.map((account) => [account.sourceId, account]));
  for (const contact of dataset.contacts) {
    const account = accountsById.get(contact.accountSourceId);
    const created = accountCreated.get(contact.accountSourceId) ?? asOf - 365 * DAY;
    const record = insert(
      store,
      'contacts',
      contact.sourceId,
      {
        firstname: contact.firstName,
        lastname: contact.lastName,
        email: contact.email,
        jobtitle: contact.title,
        phone: contact.phone,
        company: account?.name,
        hubspot_owner_id: account ? ownerId(account.ownerSourceId) : null,
        lifecyclestage: 'salesqualifiedlead',
      },
      created,
      created,
    );
    const companyId = store.sourceIds.get(contact.accountSourceId);
    if (companyId) store.associations.add('contacts', record.id, 'companies', companyId, [1]);
  }

  for (const deal of dataset.deals) {
    const created = capped(Date.parse(deal.createdAt));
    const activity = deal.lastActivityAt ? Date.parse(deal.lastActivityAt) : created;
    const modified = capped(Math.max(created, activity, lastChange.get(deal.sourceId) ?? created));
    const record = insert(
      store,
      'deals',
      deal.sourceId,
      {
        dealname: deal.name,
        amount: deal.amount,
        closedate: deal.closeDate ? `${deal.closeDate}T00:00:00.000Z` : null,
        pipeline: deal.pipeline,
        dealstage: deal.stage,
        hubspot_owner_id: ownerId(deal.ownerSourceId),
        hs_forecast_category: FORECAST[deal.forecastCategory],
        hs_next_step: deal.nextStep,
        notes_last_updated: deal.lastActivityAt ? iso(capped(activity)) : null,
      },
      created,
      modified,
    );
    const companyId = store.sourceIds.get(deal.accountSourceId);
    if (companyId) store.associations.add('deals', record.id, 'companies', companyId, [5]);
  }

  for (const link of dataset.dealContacts) {
    const dealId = store.sourceIds.get(link.dealSourceId);
    const contactId = store.sourceIds.get(link.contactSourceId);
    if (dealId && contactId) store.associations.add('deals', dealId, 'contacts', contactId, [3]);
  }
}
