import type { DescribeSObjectResult, Field, Record as JsforceRecord } from 'jsforce';
import type {
  CrmAccountInfo,
  CrmObjectType,
  CrmOwner,
  CrmPipeline,
  CrmProperty,
  CrmPropertyType,
} from '../port.js';
import type { SalesforceClient } from './client.js';
import { SOBJECT } from './field-map.js';
import { queryAll, soqlString } from './soql.js';

const PROPERTY_TYPES: Record<string, CrmPropertyType> = {
  string: 'string',
  email: 'string',
  phone: 'string',
  url: 'string',
  encryptedstring: 'string',
  textarea: 'text',
  double: 'number',
  int: 'number',
  long: 'number',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  picklist: 'enumeration',
  multipicklist: 'enumeration',
  combobox: 'enumeration',
  id: 'id',
  reference: 'reference',
};

const TEXT_TYPES = new Set(['string', 'text']);

export function toCrmProperty(field: Field): CrmProperty {
  const type = PROPERTY_TYPES[field.type] ?? 'other';
  const property: CrmProperty = {
    name: field.name,
    label: field.label,
    type,
    crmType: field.type,
    options: (field.picklistValues ?? [])
      .filter((value) => value.active)
      .map((value) => ({ value: value.value, label: value.label ?? value.value })),
    readOnly: !field.updateable,
    custom: field.custom,
  };
  if (TEXT_TYPES.has(type) && field.length > 0) property.maxLength = field.length;
  return property;
}

/** How long a describe stays cached: fields change rarely, and a write naming a missing one clears it. */
export const PROPERTY_CACHE_MS = 5 * 60_000;

const propertyCache = new Map<string, { expiresAt: number; value: Promise<CrmProperty[]> }>();

/**
 * Forgets cached describes: of one object of one connection, of one connection, or
 * all. Keys are the connector's `cacheKey`, so every connector instance of one
 * connection (one per job) shares the cache.
 */
export function invalidateSalesforceProperties(
  cacheKey?: string,
  objectType?: CrmObjectType,
): void {
  for (const key of [...propertyCache.keys()]) {
    const [keyPart, object] = splitKey(key);
    if (cacheKey !== undefined && keyPart !== cacheKey) continue;
    if (objectType !== undefined && object !== SOBJECT[objectType]) continue;
    propertyCache.delete(key);
  }
}

function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

export function listProperties(
  client: SalesforceClient,
  cacheKey: string,
  objectType: CrmObjectType,
): Promise<CrmProperty[]> {
  const sobject = SOBJECT[objectType];
  const key = `${cacheKey}|${sobject}`;
  const cached = propertyCache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  const value = client
    .call('idempotent', (conn): Promise<DescribeSObjectResult> => conn.describe(sobject))
    .then((describe) => describe.fields.map(toCrmProperty));
  propertyCache.set(key, { expiresAt: Date.now() + PROPERTY_CACHE_MS, value });
  // A failed describe is not remembered.
  value.catch(() => {
    if (propertyCache.get(key)?.value === value) propertyCache.delete(key);
  });
  return value;
}

/**
 * One pipeline, `default`: Salesforce has one set of opportunity stages (sales
 * processes only pick subsets). A stage's id is its API name, the value StageName
 * holds; probabilities go from percent to 0..1.
 */
export async function listPipelines(client: SalesforceClient): Promise<CrmPipeline[]> {
  const rows = await queryAll(
    client,
    'SELECT Id, ApiName, MasterLabel, SortOrder, DefaultProbability, IsClosed, IsWon FROM OpportunityStage WHERE IsActive = true ORDER BY SortOrder ASC',
  );
  return [
    {
      id: 'default',
      label: 'Opportunity Stages',
      stages: rows.map((row, index) => ({
        id: String(row.ApiName ?? row.MasterLabel),
        label: String(row.MasterLabel ?? row.ApiName),
        displayOrder: typeof row.SortOrder === 'number' ? row.SortOrder : index,
        probability:
          typeof row.DefaultProbability === 'number' ? row.DefaultProbability / 100 : null,
        isClosed: row.IsClosed === true,
        isWon: row.IsWon === true,
      })),
    },
  ];
}

const OWNER_FIELDS = 'Id, Email, FirstName, LastName, IsActive';

function toOwner(row: JsforceRecord): CrmOwner {
  return {
    id: String(row.Id),
    email: typeof row.Email === 'string' ? row.Email : null,
    firstName: typeof row.FirstName === 'string' ? row.FirstName : null,
    lastName: typeof row.LastName === 'string' ? row.LastName : null,
    active: row.IsActive === true,
  };
}

/** Users who can own records (standard licences; not automated, guest or chatter-only users). */
export async function listOwners(client: SalesforceClient): Promise<CrmOwner[]> {
  const rows = await queryAll(
    client,
    `SELECT ${OWNER_FIELDS} FROM User WHERE UserType = 'Standard' ORDER BY Id ASC`,
  );
  return rows.map(toOwner);
}

/**
 * The manager (`User.ManagerId`) of the user with this e-mail, as findOwnerByEmail
 * picks that user; null when there is no such user or no manager. Inactive managers
 * count: the caller decides whether someone who left can still be told.
 */
export async function findManagerOf(
  client: SalesforceClient,
  email: string,
): Promise<CrmOwner | null> {
  const [user] = await queryAll(
    client,
    `SELECT Id, ManagerId FROM User WHERE Email = ${soqlString(email.trim())} AND UserType = 'Standard' ORDER BY IsActive DESC, Id ASC LIMIT 1`,
  );
  if (typeof user?.ManagerId !== 'string' || !user.ManagerId) return null;
  const [manager] = await queryAll(
    client,
    `SELECT ${OWNER_FIELDS} FROM User WHERE Id = ${soqlString(user.ManagerId)} LIMIT 1`,
  );
  return manager ? toOwner(manager) : null;
}

/** The user with this e-mail (case-insensitive, as SOQL compares), preferring an active one. */
export async function findOwnerByEmail(
  client: SalesforceClient,
  email: string,
): Promise<CrmOwner | null> {
  const rows = await queryAll(
    client,
    `SELECT ${OWNER_FIELDS} FROM User WHERE Email = ${soqlString(email.trim())} AND UserType = 'Standard' ORDER BY IsActive DESC, Id ASC LIMIT 1`,
  );
  return rows[0] ? toOwner(rows[0]) : null;
}

interface UserInfoResponse {
  organization_id?: string;
  user_id?: string;
  preferred_username?: string;
  email?: string;
}

/**
 * Limits first (a data API call: an expired session is refreshed there), then the
 * OpenID userinfo endpoint for the org and user, then the org's default time zone.
 */
export async function testConnection(client: SalesforceClient): Promise<CrmAccountInfo> {
  const limits = await client.call('idempotent', (conn) => conn.limits());
  const info = await client.call('idempotent', (conn) =>
    conn.request<UserInfoResponse>({ method: 'GET', url: '/services/oauth2/userinfo' }),
  );
  const [org] = await queryAll<{ TimeZoneSidKey?: unknown }>(
    client,
    'SELECT TimeZoneSidKey FROM Organization LIMIT 1',
  );
  const daily = limits.DailyApiRequests;
  const result: CrmAccountInfo = { accountId: String(info.organization_id ?? '') };
  if (typeof org?.TimeZoneSidKey === 'string' && org.TimeZoneSidKey) {
    result.timeZone = org.TimeZoneSidKey;
  }
  const user = info.preferred_username ?? info.email ?? info.user_id;
  if (user) result.user = user;
  if (daily) result.usage = { used: daily.Max - daily.Remaining, max: daily.Max };
  return result;
}
