/** The data of the CRM connection API: connections, their usage and sync runs, and the write ledger. */

export type CrmType = 'hubspot' | 'salesforce';
export type ConnectionStatus = 'pending' | 'connected' | 'error' | 'disconnected';
export type HubspotTier = 'free' | 'starter' | 'professional' | 'enterprise';

/** Pandora's normalized deal stages, in pipeline order. */
export const PANDORA_STAGES = [
  'prospecting',
  'qualification',
  'discovery',
  'evaluation',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;
export type PandoraStage = (typeof PANDORA_STAGES)[number];

/** What the server records about a connection besides its credentials; every key may be absent. */
export interface ConnectionMetadata {
  /** The CRM account the last successful test reached. */
  account?: { id: string; user: string | null };
  checkedAt?: string;
  /** Points at the built-in CRM emulator. */
  sandbox?: boolean;
  tier?: HubspotTier;
  [key: string]: unknown;
}

export interface Connection {
  id: string;
  crmType: CrmType;
  name: string;
  status: ConnectionStatus;
  statusMessage: string | null;
  hasCredentials: boolean;
  /** CRM stage id or label -> Pandora stage; overrides the automatic mapping. */
  stageMapping: Record<string, PandoraStage>;
  metadata: ConnectionMetadata;
  lastSyncAt: string | null;
  syncIntervalHours: number;
  createdAt: string;
  updatedAt: string;
}

export interface HubspotCredentials {
  accessToken: string;
  tier?: HubspotTier;
}

export interface SalesforceCredentials {
  instanceUrl: string;
  accessToken: string;
}

export type CrmCredentials = HubspotCredentials | SalesforceCredentials;

export interface ConnectionSettings {
  name?: string;
  syncIntervalHours?: number;
  stageMapping?: Record<string, PandoraStage>;
}

/** A connection's API calls today against the CRM's quota; null before its first call. */
export interface ConnectionUsage {
  usedToday: number;
  dailyLimit: number | null;
  percent: number | null;
  /** Calls are held until then after a 429. */
  pausedUntil: string | null;
  /** The CRM said the daily quota is used up; calls resume then. */
  dailyExhaustedUntil: string | null;
  last429At: string | null;
  last429Policy: string | null;
  warnedAt: string | null;
}

export type SyncMode = 'full' | 'incremental';
export type SyncRunStatus = 'running' | 'succeeded' | 'partial' | 'failed';

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface FetchCounts extends UpsertCounts {
  fetched: number;
}

export interface SyncRun {
  id: string;
  mode: SyncMode;
  trigger: string;
  status: SyncRunStatus;
  /** Partial while the run is going, and for runs that failed early. */
  counts: {
    owners?: UpsertCounts;
    accounts?: FetchCounts;
    contacts?: FetchCounts;
    deals?: FetchCounts;
    dealContacts?: { added: number; removed: number };
    stageChanges?: number;
  };
  crmCalls: number;
  errors: { objectType: string | null; message: string; kind: string | null }[];
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

export const WRITE_STATUSES = ['pending', 'written', 'unchanged', 'failed'] as const;
export type WriteStatus = (typeof WRITE_STATUSES)[number];
export const CRM_OBJECT_TYPES = ['deal', 'contact', 'account'] as const;
export type CrmObjectType = (typeof CRM_OBJECT_TYPES)[number];
export type CrmValue = string | number | boolean | null;

/** One field write to a CRM, as the write ledger recorded it. */
export interface CrmWrite {
  id: number;
  connectionId: string | null;
  crmType: CrmType;
  objectType: CrmObjectType;
  recordId: string;
  field: string;
  valueBefore: CrmValue;
  valueToWrite: CrmValue;
  originType: string;
  originId: string | null;
  actor: string | null;
  status: WriteStatus;
  attempts: number;
  error: { kind: string; message: string; crmCode: string | null; field: string | null } | null;
  settledBy: string | null;
  createdAt: string;
  settledAt: string | null;
}

export interface CrmWriteFilter {
  status?: WriteStatus;
  objectType?: CrmObjectType;
  recordId?: string;
  originType?: string;
  /** The cursor: writes with a smaller id than this. */
  before?: number;
  limit?: number;
}

export interface CrmWritePage {
  writes: CrmWrite[];
  /** Pass as `before` for the next page; null on the last one. */
  nextCursor: number | null;
}
