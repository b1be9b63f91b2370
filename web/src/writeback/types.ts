/**
 * Write-back shapes, named from the generated API types: a field the server renames or
 * drops is a type error where the console reads it.
 */
import type { RequestBody, ResponseBody } from '../../../src/client/index.js';

type W = '/api/workspaces/{workspaceId}/writeback';

export type FieldRegistry = ResponseBody<`${W}/fields`, 'get'>;
export type PandoraField = FieldRegistry['fields'][number];
export type FieldObjectType = PandoraField['objectTypes'][number];
export const FIELD_OBJECT_TYPES: readonly FieldObjectType[] = ['deal', 'account'];
export type WriteMode = FieldRegistry['writeModes'][number]['mode'];

export type CrmPropertyChoice = ResponseBody<
  '/api/workspaces/{workspaceId}/connections/{connectionId}/properties',
  'get'
>['properties'][number];

type ListedMapping = ResponseBody<`${W}/mappings`, 'get'>['mappings'][number];
/** A mapping; the list's carry their recent write history too. */
export type Mapping = ResponseBody<`${W}/mappings/{mappingId}`, 'get'>['mapping'] &
  Partial<Pick<ListedMapping, 'recent' | 'lastWrite'>>;
export type TimestampFormat = Mapping['timestampFormat'];
export type MappingTrigger = Mapping['trigger'];
export type MappingChange = ResponseBody<`${W}/mappings`, 'post'>;

/** What creating a mapping takes, and what changing one takes: the API's request bodies. */
export type MappingInput = RequestBody<`${W}/mappings`, 'post'>;
export type MappingPatch = RequestBody<`${W}/mappings/{mappingId}`, 'patch'>;

export type MappingPreview = ResponseBody<`${W}/mappings/{mappingId}/test`, 'post'>['preview'];

export type WritebackRun = ResponseBody<`${W}/runs/{writebackRunId}`, 'get'>['run'];
export type RunReport = WritebackRun['report'];

export type WritebackLogPage = ResponseBody<`${W}/log`, 'get'>;

export const TRIGGER_LABELS: Record<MappingTrigger, string> = {
  after_compute: 'After each computation',
  schedule: 'Daily',
  manual: 'Only when run by hand',
};
