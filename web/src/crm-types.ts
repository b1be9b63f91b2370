/**
 * The data of the CRM connection API (connections, their usage and sync runs, the write
 * ledger), named from the generated API types so a changed route breaks the console's build.
 */
import type { QueryParams, RequestBody, ResponseBody } from '../../src/client/index.js';

export type Connection = ResponseBody<
  '/api/workspaces/{workspaceId}/connections',
  'get'
>['connections'][number];
export type CrmType = Connection['crmType'];
export type ConnectionStatus = Connection['status'];

export type ConnectionSettings = RequestBody<
  '/api/workspaces/{workspaceId}/connections/{connectionId}',
  'patch'
>;
export type PandoraStage = NonNullable<ConnectionSettings['stageMapping']>[string];

/**
 * A list naming every member of the union `T` (in the order the console shows them):
 * a value the API adds, or one it drops, is a type error here.
 */
const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L =>
    list;

/** Pandora's normalized deal stages, in pipeline order. */
export const PANDORA_STAGES = everyOf<PandoraStage>()([
  'prospecting',
  'qualification',
  'discovery',
  'evaluation',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
]);

export function isPandoraStage(value: string): value is PandoraStage {
  return (PANDORA_STAGES as readonly string[]).includes(value);
}

type HubspotConnect = RequestBody<'/api/workspaces/{workspaceId}/connections/hubspot', 'post'>;
type SalesforceConnect = RequestBody<
  '/api/workspaces/{workspaceId}/connections/salesforce',
  'post'
>;
export type HubspotCredentials = Omit<HubspotConnect, 'name'>;
export type SalesforceCredentials = Omit<SalesforceConnect, 'name'>;
export type HubspotTier = NonNullable<HubspotCredentials['tier']>;
export type CrmCredentials = RequestBody<
  '/api/workspaces/{workspaceId}/connections/{connectionId}/credentials',
  'put'
>;

/**
 * What the server records about a connection besides its credentials. The API declares
 * `metadata` an open object (each CRM adds its own keys); these are the ones the console shows.
 */
export interface ConnectionMetadata {
  /** The CRM account the last successful test reached. */
  account?: { id: string; user: string | null };
  checkedAt?: string;
  /** Points at the built-in CRM emulator. */
  sandbox?: boolean;
  tier?: HubspotTier;
}

const HUBSPOT_TIERS: readonly string[] = everyOf<HubspotTier>()([
  'free',
  'starter',
  'professional',
  'enterprise',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The keys of `connection.metadata` the console shows, each only when it has the shape it should. */
export function connectionMetadata(connection: Connection): ConnectionMetadata {
  const { account, checkedAt, sandbox, tier } = connection.metadata;
  const result: ConnectionMetadata = {};
  if (isRecord(account) && typeof account.id === 'string') {
    result.account = {
      id: account.id,
      user: typeof account.user === 'string' ? account.user : null,
    };
  }
  if (typeof checkedAt === 'string') result.checkedAt = checkedAt;
  if (typeof sandbox === 'boolean') result.sandbox = sandbox;
  if (typeof tier === 'string' && HUBSPOT_TIERS.includes(tier)) result.tier = tier as HubspotTier;
  return result;
}

/** A connection's API calls today against the CRM's quota; null before its first call. */
export type ConnectionUsage = NonNullable<
  ResponseBody<'/api/workspaces/{workspaceId}/connections/{connectionId}/usage', 'get'>['usage']
>;

export type SyncRun = ResponseBody<
  '/api/workspaces/{workspaceId}/connections/{connectionId}/sync-runs',
  'get'
>['runs'][number];
export type SyncMode = SyncRun['mode'];
export type SyncRunStatus = SyncRun['status'];

export type CrmWritePage = ResponseBody<'/api/workspaces/{workspaceId}/crm-writes', 'get'>;
/** One field write to a CRM, as the write ledger recorded it. */
export type CrmWrite = CrmWritePage['writes'][number];
export type WriteStatus = CrmWrite['status'];
export type CrmObjectType = CrmWrite['objectType'];
export type CrmValue = CrmWrite['valueBefore'];
/** What a ledger row writes: a field's value, or a create's properties. */
export type CrmWriteValue = CrmWrite['valueToWrite'];

/** A written value as text: a create's properties as JSON. */
export const writeValueText = (value: CrmWriteValue): string =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

export const WRITE_STATUSES = everyOf<WriteStatus>()(['pending', 'written', 'unchanged', 'failed']);
export const CRM_OBJECT_TYPES = everyOf<CrmObjectType>()(['deal', 'contact', 'account']);

/** The ledger's filters; `before` is the cursor (writes with a smaller id). */
export type CrmWriteFilter = Partial<
  QueryParams<'/api/workspaces/{workspaceId}/crm-writes', 'get'>
>;
