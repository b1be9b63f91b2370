import type {
  CrmAccountInfo,
  CrmObjectType,
  CrmOwner,
  CrmPipeline,
  CrmProperty,
  CrmPropertyType,
} from '../port.js';
import { sdkOptions, type HubspotClient } from './client.js';
import { OBJECT_TYPE } from './field-map.js';

/** HubSpot's property definition, as the SDK returns it. */
interface SdkProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  options?: { label: string; value: string; hidden?: boolean }[];
  calculated?: boolean;
  hubspotDefined?: boolean;
  showCurrencySymbol?: boolean;
  referencedObjectType?: string;
  modificationMetadata?: { readOnlyValue?: boolean };
}

/** HubSpot's limit on one property value. */
const VALUE_MAX = 65_536;

export function toCrmProperty(property: SdkProperty): CrmProperty {
  let type: CrmPropertyType;
  switch (property.type) {
    case 'string':
      type = ['textarea', 'html'].includes(property.fieldType) ? 'text' : 'string';
      break;
    case 'phone_number':
      type = 'string';
      break;
    case 'number':
      type =
        property.name === 'hs_object_id'
          ? 'id'
          : property.showCurrencySymbol
            ? 'currency'
            : 'number';
      break;
    case 'date':
      type = 'date';
      break;
    case 'datetime':
      type = 'datetime';
      break;
    case 'bool':
      type = 'boolean';
      break;
    case 'enumeration':
      type =
        property.fieldType === 'booleancheckbox'
          ? 'boolean'
          : property.referencedObjectType
            ? 'reference'
            : 'enumeration';
      break;
    default:
      type = 'other';
  }
  const result: CrmProperty = {
    name: property.name,
    label: property.label,
    type,
    crmType: `${property.type}/${property.fieldType}`,
    options: (property.options ?? [])
      .filter((option) => !option.hidden)
      .map((option) => ({ value: option.value, label: option.label })),
    readOnly: Boolean(property.modificationMetadata?.readOnlyValue || property.calculated),
    custom: property.hubspotDefined !== true,
  };
  if (type === 'string' || type === 'text') result.maxLength = VALUE_MAX;
  return result;
}

/** How long property definitions stay cached: they change rarely, and a write naming a missing one clears them. */
export const PROPERTY_CACHE_MS = 5 * 60_000;

const propertyCache = new Map<string, { expiresAt: number; value: Promise<CrmProperty[]> }>();

/**
 * Forgets cached property definitions: of one object type of one connection, of one
 * connection, or all. Keys are the connector's `cacheKey`, so every connector
 * instance of a connection (one per job) shares the cache.
 */
export function invalidateHubspotProperties(cacheKey?: string, objectType?: CrmObjectType): void {
  for (const key of [...propertyCache.keys()]) {
    const at = key.lastIndexOf('|');
    if (cacheKey !== undefined && key.slice(0, at) !== cacheKey) continue;
    if (objectType !== undefined && key.slice(at + 1) !== objectType) continue;
    propertyCache.delete(key);
  }
}

export function listProperties(
  client: HubspotClient,
  cacheKey: string,
  objectType: CrmObjectType,
): Promise<CrmProperty[]> {
  const key = `${cacheKey}|${objectType}`;
  const nowMs = client.now().getTime();
  const cached = propertyCache.get(key);
  if (cached && cached.expiresAt > nowMs) return cached.value;
  const value = client
    .call('idempotent', (sdk) =>
      sdk.crm.properties.coreApi.getAll(OBJECT_TYPE[objectType], false, undefined, sdkOptions()),
    )
    .then((answer) => answer.results.map((property) => toCrmProperty(property as SdkProperty)));
  propertyCache.set(key, { expiresAt: nowMs + PROPERTY_CACHE_MS, value });
  // A failed fetch is not remembered.
  value.catch(() => {
    if (propertyCache.get(key)?.value === value) propertyCache.delete(key);
  });
  return value;
}

/** What `createProperty` takes: HubSpot's property definition, options included. */
export interface HubspotPropertyInput {
  name: string;
  label: string;
  /** HubSpot's type: string, number, date, datetime, enumeration, bool. */
  type: string;
  /** text, textarea, number, date, select, radio, checkbox, booleancheckbox... */
  fieldType: string;
  groupName?: string;
  description?: string;
  options?: { label: string; value: string }[];
  /** No two records may hold one value (HubSpot then reads records by it, as `idProperty`). */
  hasUniqueValue?: boolean;
}

const DEFAULT_GROUP: Record<CrmObjectType, string> = {
  deal: 'dealinformation',
  contact: 'contactinformation',
  account: 'companyinformation',
};

export async function createProperty(
  client: HubspotClient,
  objectType: CrmObjectType,
  input: HubspotPropertyInput,
): Promise<CrmProperty> {
  const created = await client.call('unsafe', (sdk) =>
    sdk.crm.properties.coreApi.create(
      OBJECT_TYPE[objectType],
      {
        name: input.name,
        label: input.label,
        type: input.type as never,
        fieldType: input.fieldType as never,
        groupName: input.groupName ?? DEFAULT_GROUP[objectType],
        description: input.description,
        ...(input.hasUniqueValue ? { hasUniqueValue: true } : {}),
        options: input.options?.map((option, displayOrder) => ({
          ...option,
          displayOrder,
          hidden: false,
        })),
      },
      sdkOptions(),
    ),
  );
  return toCrmProperty(created as SdkProperty);
}

export async function listPipelines(client: HubspotClient): Promise<CrmPipeline[]> {
  const answer = await client.call('idempotent', (sdk) =>
    sdk.crm.pipelines.pipelinesApi.getAll('deals', sdkOptions()),
  );
  return [...answer.results]
    .sort((a, b) => a.displayOrder - b.displayOrder)
    .map((pipeline) => ({
      id: pipeline.id,
      label: pipeline.label,
      stages: [...pipeline.stages]
        .sort((a, b) => a.displayOrder - b.displayOrder)
        .map((stage) => {
          // HubSpot sends stage metadata as strings: probability "0.2", isClosed "false".
          const metadata = (stage.metadata ?? {}) as Record<string, string | undefined>;
          const parsed = Number.parseFloat(metadata.probability ?? '');
          const probability = Number.isFinite(parsed) ? parsed : null;
          const isClosed = metadata.isClosed === 'true';
          const isWon =
            isClosed &&
            (metadata.isClosedWon === 'true' || probability === 1 || stage.id === 'closedwon');
          return {
            id: stage.id,
            label: stage.label,
            displayOrder: stage.displayOrder,
            probability,
            isClosed,
            isWon,
          };
        }),
    }));
}

interface SdkOwner {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  archived: boolean;
}

const toOwner = (owner: SdkOwner): CrmOwner => ({
  id: String(owner.id),
  email: owner.email || null,
  firstName: owner.firstName || null,
  lastName: owner.lastName || null,
  active: !owner.archived,
});

/** Every active owner, 500 per call (HubSpot's page limit). */
export async function listOwners(client: HubspotClient): Promise<CrmOwner[]> {
  const owners: CrmOwner[] = [];
  let after: string | undefined;
  do {
    const page = await client.call('idempotent', (sdk) =>
      sdk.crm.owners.ownersApi.getPage(undefined, after, 500, false, sdkOptions()),
    );
    owners.push(...page.results.map(toOwner));
    after = page.paging?.next?.after;
  } while (after);
  return owners;
}

export async function findOwnerByEmail(
  client: HubspotClient,
  email: string,
): Promise<CrmOwner | null> {
  const page = await client.call('idempotent', (sdk) =>
    sdk.crm.owners.ownersApi.getPage(email.trim(), undefined, 1, false, sdkOptions()),
  );
  const owner = page.results[0];
  return owner ? toOwner(owner) : null;
}

/** `GET /account-info/v3/details`: the portal the credentials reach, and its time zone. */
export async function testConnection(client: HubspotClient): Promise<CrmAccountInfo> {
  const details = await client.getJson<{ portalId?: unknown; timeZone?: unknown }>(
    '/account-info/v3/details',
  );
  const info: CrmAccountInfo = { accountId: String(details.portalId ?? '') };
  if (typeof details.timeZone === 'string' && details.timeZone) info.timeZone = details.timeZone;
  const usage = client.usage();
  if (usage) info.usage = usage;
  return info;
}
