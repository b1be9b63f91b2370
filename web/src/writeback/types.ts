/**
 * Write-back shapes as the API sends them. Its routes declare their answers `unknown` in
 * /openapi.json, so these follow src/writeback on the server by hand; what the console
 * sends is typed from the API.
 */
import type { RequestBody } from '../../../src/client/index.js';
import type { CrmValue, CrmWrite } from '../api';

export type FieldObjectType = 'deal' | 'account';
export const FIELD_OBJECT_TYPES: readonly FieldObjectType[] = ['deal', 'account'];
export type WriteMode = 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
export type TimestampFormat = 'prefix' | 'suffix' | 'none';
export type MappingTrigger = 'after_compute' | 'schedule' | 'manual';

export interface PandoraField {
  name: string;
  label: string;
  description: string;
  example: string;
  objectTypes: FieldObjectType[];
  kind: 'score' | 'text' | 'datetime';
  compatibleTypes: string[];
  lossyTypes: string[];
  skills: string[];
}

export interface FieldRegistry {
  fields: PandoraField[];
  writeModes: { mode: WriteMode; description: string }[];
  scoreLabels: { label: string; min: number }[];
}

export interface CrmPropertyChoice {
  name: string;
  label: string;
  type: string;
  crmType: string;
  readOnly: boolean;
  maxLength?: number;
  options: { value: string; label: string }[];
  fits: string[];
  fitsWithLoss: string[];
}

export interface Mapping {
  id: string;
  connectionId: string;
  pandoraField: string;
  objectType: FieldObjectType;
  crmProperty: string;
  crmPropertyType: string;
  writeMode: WriteMode;
  appendSeparator: string;
  timestampFormat: TimestampFormat;
  maxEntries: number | null;
  writeCondition: string | null;
  valueTransform: string;
  trigger: MappingTrigger;
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  recent?: { written: number; unchanged: number; failed: number; pending: number };
  lastWrite?: { status: string; at: string } | null;
}

/** What creating a mapping takes, and what changing one takes: the API's request bodies. */
export type MappingInput = RequestBody<'/api/workspaces/{workspaceId}/writeback/mappings', 'post'>;
export type MappingPatch = RequestBody<
  '/api/workspaces/{workspaceId}/writeback/mappings/{mappingId}',
  'patch'
>;

export interface MappingPreview {
  record: { entityId: string; recordId: string; name: string | null };
  computed: { value: CrmValue; computedAt: string };
  transformed: CrmValue;
  current: CrmValue;
  decision: 'write' | 'unchanged' | 'skipped';
  reason: string | null;
  after: CrmValue;
}

export interface RunReport {
  considered: number;
  unchanged: number;
  skipped_condition: number;
  written: number;
  failed: number;
  crm_calls: number;
}

export interface WritebackRun {
  id: string;
  trigger: 'after_compute' | 'manual' | 'schedule';
  actor: string | null;
  mappingIds: string[];
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
  total: number;
  done: number;
  report: Partial<RunReport>;
  failures: { mappingId: string; entityId: string; recordId: string; reason: string }[];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface WritebackLogPage {
  writes: CrmWrite[];
  nextCursor: number | null;
}

export const TRIGGER_LABELS: Record<MappingTrigger, string> = {
  after_compute: 'After each computation',
  schedule: 'Daily',
  manual: 'Only when run by hand',
};
