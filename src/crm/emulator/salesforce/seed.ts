import type { NormalizedStage } from '../../../ingest/stages.js';
import type { CrmSeed, SeedDeal } from '../dataset.js';
import { FORECAST_ENUM } from './derived.js';
import type { SalesforceStore, SfRecord, SfValue } from './store.js';

interface StageDef {
  name: string;
  probability: number;
  forecast: string;
  closed: boolean;
  won: boolean;
}

/** Salesforce's default opportunity stages, as a new org ships them. */
export const DEFAULT_STAGES: StageDef[] = [
  { name: 'Prospecting', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Qualification', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Needs Analysis', probability: 20, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Value Proposition', probability: 50, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Id. Decision Makers', probability: 60, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Perception Analysis', probability: 70, forecast: 'Pipeline', closed: false, won: false },
  {
    name: 'Proposal/Price Quote',
    probability: 75,
    forecast: 'Pipeline',
    closed: false,
    won: false,
  },
  { name: 'Negotiation/Review', probability: 90, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Closed Won', probability: 100, forecast: 'Closed', closed: true, won: true },
  { name: 'Closed Lost', probability: 0, forecast: 'Omitted', closed: true, won: false },
];

/** A normalized stage -> the Salesforce default stage a deal there sits in. */
export const STAGE_FOR: Record<NormalizedStage, string> = {
  prospecting: 'Prospecting',
  qualification: 'Qualification',
  discovery: 'Needs Analysis',
  evaluation: 'Value Proposition',
  proposal: 'Proposal/Price Quote',
  negotiation: 'Negotiation/Review',
  closed_won: 'Closed Won',
  closed_lost: 'Closed Lost',
};

const FORECAST_NAMES: Record<SeedDeal['forecastCategory'], string> = {
  pipeline: 'Pipeline',
  best_case: 'Best Case',
  commit: 'Commit',
  closed: 'Closed',
  omitted: 'Omitted',
};

const DAY = 86_400_000;

function insert(
  store: SalesforceStore,
  type: string,
  at: string,
  userId: string,
  values: SfRecord,
  sourceId?: string,
): string {
  const def = store.schema.object(type)!;
  const id = store.newId(type);
  const record: SfRecord = {};
  for (const field of def.fields) record[field.name] = field.type === 'boolean' ? false : null;
  Object.assign(record, { Id: id, IsDeleted: false, CreatedDate: at, CreatedById: userId || id });
  if (def.modstamp) {
    Object.assign(record, {
      LastModifiedDate: at,
      LastModifiedById: userId || id,
      SystemModstamp: at,
    });
  }
  Object.assign(record, values);
  store.insert(type, record);
  if (sourceId) store.sourceIds.set(sourceId, id);
  return id;
}

function splitName(name: string): [string, string] {
  const space = name.indexOf(' ');
  return space < 0 ? ['', name] : [name.slice(0, space), name.slice(space + 1)];
}

/**
 * Fills an empty store: the default stages, users, and (from a seed data set)
 * accounts, contacts, opportunities with contact roles and stage history. Ids are
 * issued in data-set order, so the same data set always gives the same ids. Returns
 * the id of the user the API acts as (the first owner, or an admin in an empty org).
 */
export function seedStore(store: SalesforceStore, dataset: CrmSeed | undefined): string {
  const origin = dataset
    ? new Date(Date.parse(dataset.generatedAt) - 730 * DAY).toISOString()
    : new Date(0).toISOString();
  const owners = dataset?.owners.length
    ? dataset.owners
    : [
        {
          sourceId: '',
          email: 'admin@emulator.example',
          name: 'Org Admin',
          title: 'Administrator',
        },
      ];
  let apiUserId = '';
  insert(store, 'Organization', origin, apiUserId, {
    Name: 'Emulated Org',
    TimeZoneSidKey: 'America/Los_Angeles',
  });
  for (const owner of owners) {
    const [first, last] = splitName(owner.name);
    const id = insert(
      store,
      'User',
      origin,
      apiUserId,
      {
        Username: owner.email,
        Email: owner.email,
        FirstName: first,
        LastName: last,
        Name: owner.name,
        Alias: (first.slice(0, 1) + last).toLowerCase().slice(0, 8),
        Title: owner.title,
        IsActive: true,
        UserType: 'Standard',
      },
      owner.sourceId || undefined,
    );
    apiUserId ||= id;
  }
  for (const owner of owners) {
    const manager = 'managerSourceId' in owner ? owner.managerSourceId : undefined;
    const userId = owner.sourceId ? store.sourceIds.get(owner.sourceId) : undefined;
    const managerId = manager ? store.sourceIds.get(manager) : undefined;
    if (userId && managerId) store.patch('User', userId, { ManagerId: managerId });
  }
  DEFAULT_STAGES.forEach((stage, index) => {
    insert(store, 'OpportunityStage', origin, apiUserId, {
      ApiName: stage.name,
      MasterLabel: stage.name,
      IsActive: true,
      SortOrder: index + 1,
      DefaultProbability: stage.probability,
      IsClosed: stage.closed,
      IsWon: stage.won,
      ForecastCategoryName: stage.forecast,
    });
  });
  if (dataset) seedDataset(store, dataset, origin, apiUserId);
  return apiUserId;
}

function seedDataset(
  store: SalesforceStore,
  dataset: CrmSeed,
  origin: string,
  apiUserId: string,
): void {
  const id = (sourceId: string) => store.sourceIds.get(sourceId) ?? null;
  const stageOf = new Map(
    dataset.pipelines.flatMap((p) => p.stages.map((s) => [s.id, s.normalized] as const)),
  );
  const stageName = (demoStage: string | null) => {
    const normalized = demoStage ? stageOf.get(demoStage) : undefined;
    return normalized ? STAGE_FOR[normalized] : null;
  };

  for (const account of dataset.accounts) {
    insert(
      store,
      'Account',
      origin,
      apiUserId,
      {
        Name: account.name,
        Website: account.domain,
        Industry: account.industry,
        NumberOfEmployees: account.employeeCount,
        AnnualRevenue: account.annualRevenue,
        Type: 'Prospect',
        OwnerId: id(account.ownerSourceId) ?? apiUserId,
      },
      account.sourceId,
    );
  }
  const accountOwner = new Map(
    dataset.accounts.map((a) => [a.sourceId, id(a.ownerSourceId) ?? apiUserId]),
  );
  for (const contact of dataset.contacts) {
    insert(
      store,
      'Contact',
      origin,
      apiUserId,
      {
        FirstName: contact.firstName,
        LastName: contact.lastName,
        Name: `${contact.firstName} ${contact.lastName}`,
        Email: contact.email,
        Phone: contact.phone,
        Title: contact.title,
        AccountId: id(contact.accountSourceId),
        OwnerId: accountOwner.get(contact.accountSourceId) ?? apiUserId,
      },
      contact.sourceId,
    );
  }

  const history = new Map<string, typeof dataset.stageHistory>();
  for (const change of dataset.stageHistory) {
    const list = history.get(change.dealSourceId) ?? [];
    list.push(change);
    history.set(change.dealSourceId, list);
  }
  for (const deal of dataset.deals) {
    const changes = history.get(deal.sourceId) ?? [];
    const lastChange = changes.at(-1)?.changedAt ?? deal.createdAt;
    const modified = lastChange > deal.createdAt ? lastChange : deal.createdAt;
    const ownerId = id(deal.ownerSourceId) ?? apiUserId;
    const stage = STAGE_FOR[deal.stageNormalized];
    const forecast = FORECAST_NAMES[deal.forecastCategory];
    const opportunityId = insert(
      store,
      'Opportunity',
      deal.createdAt,
      ownerId,
      {
        Name: deal.name.slice(0, 120),
        Amount: deal.amount,
        CloseDate: deal.closeDate,
        StageName: stage,
        Probability: Math.round(deal.probability * 100),
        ForecastCategoryName: forecast,
        ForecastCategory: FORECAST_ENUM[forecast] ?? null,
        NextStep: deal.nextStep,
        Type: deal.pipeline === 'renewals' ? 'Existing Business' : 'New Business',
        AccountId: id(deal.accountSourceId),
        OwnerId: ownerId,
        IsClosed: deal.stageNormalized === 'closed_won' || deal.stageNormalized === 'closed_lost',
        IsWon: deal.stageNormalized === 'closed_won',
        LastActivityDate: deal.lastActivityAt?.slice(0, 10) ?? null,
        LastModifiedDate: modified,
        SystemModstamp: modified,
      },
      deal.sourceId,
    );
    for (const change of changes) {
      const from: SfValue = stageName(change.fromStage);
      const to = stageName(change.toStage);
      if (change.fromStage !== null && from === to) continue;
      insert(store, 'OpportunityFieldHistory', change.changedAt, ownerId, {
        OpportunityId: opportunityId,
        Field: change.fromStage === null ? 'created' : 'StageName',
        DataType: change.fromStage === null ? null : 'DynamicEnum',
        OldValue: change.fromStage === null ? null : from,
        NewValue: change.fromStage === null ? null : to,
      });
    }
  }
  for (const role of dataset.dealContacts) {
    const deal = id(role.dealSourceId);
    const contact = id(role.contactSourceId);
    if (!deal || !contact) continue;
    const opportunity = store.get('Opportunity', deal)!;
    insert(
      store,
      'OpportunityContactRole',
      String(opportunity.CreatedDate),
      String(opportunity.OwnerId),
      {
        OpportunityId: deal,
        ContactId: contact,
        Role: role.role,
        IsPrimary: role.isPrimary,
      },
    );
  }
}
